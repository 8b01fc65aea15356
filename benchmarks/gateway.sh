#!/usr/bin/env bash
# Gateway overhead benchmark, against a running ./suite: the same read endpoint of schedule-service
# called directly, through nginx (Debian's, keepalive upstream) and through a gateway started for
# the benchmark (token checks on; rate limits raised so that they do not answer 429), each with
# `wrk -t2 -c32 -d15s` after a warm-up (WARMUP=20s; GATEWAY_WARMUP=120s: the gateway's JIT settles
# after about two minutes at this load, and runs ~20% slower after 20 s), in ROUNDS rounds
# (3). Prints requests/s, p50/p99 latency and the proxy's CPU time per request for every run, then
# the gateway's throughput ratio and p99 difference to nginx's per round and their medians.
#   apt-get install wrk nginx-light     # once
#   ./suite &                           # wait for "Ready"
#   benchmarks/gateway.sh               # PROFILE=1 adds a profile of the gateway's runs;
#                                       # GATEWAY_OPTS="..." replaces the gateway's JVM options
# Under benchmarks/run it also reports its figures and each run's latency distribution (common.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/common.sh
benchmark=gateway
command=$(bench_command DURATION CONNECTIONS ROUNDS WARMUP GATEWAY_WARMUP ROUND_WARMUP GATEWAY_OPTS)

duration=${DURATION:-15s}
connections=${CONNECTIONS:-32}
upstream=http://127.0.0.1:${SUITE_SCHEDULE_PORT:-8083}
nginx_port=18080
gateway_port=18081
path=/api/v1/channels?limit=1
work=$(mktemp -d)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) $gateway_pid 2>/dev/null || true; rm -rf "$work"' EXIT

operator() { token suite-operator suite-operator-secret; }

cat > "$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream schedule { server 127.0.0.1:${upstream##*:}; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://schedule;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX
nginx -c "$work/nginx.conf"

# PROFILE=1: async-profiler (from Maven Central), loaded with the gateway so that starting it later
# deoptimises nothing; unlike JFR it also sees the time spent in the kernel and in the JIT compiler.
agent=""
if [ -n "${PROFILE:-}" ]; then
  ./mvnw -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 \
    -DoutputDirectory=target/async-profiler
  unzip -o -q target/async-profiler/async-profiler-4.1-linux-x64.jar -d target/async-profiler
  agent=-agentpath:$PWD/target/async-profiler/linux-x64/libasyncProfiler.so
fi
profiler() { jcmd "$gateway_pid" JVMTI.agent_load "${agent#-agentpath:}" "\"$1\"" > /dev/null; }

# Like for like: nginx runs one worker, so the gateway runs one event loop; the other JVM settings
# are the gateway image's (quarkus.jib.jvm-additional-arguments in gateway's application.properties).
# In production mode it needs every upstream and its public URL: only schedule-service is asked here.
# Its buckets stay in memory (the proxy's own cost, as nginx has no shared store); it needs a database
# setting all the same, which then goes unused.
java $agent ${GATEWAY_OPTS:--Dio.netty.leakDetection.level=disabled -XX:+UseParallelGC -XX:-UseAdaptiveSizePolicy -Xms256m -Xmx320m -Xmn160m -Dquarkus.vertx.event-loops-pool-size=1} -Dquarkus.http.port=$gateway_port -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.oidc.auth-server-url=http://127.0.0.1:${SUITE_KEYCLOAK_PORT:-8180}/realms/syndication \
  -Dgateway.upstreams.schedule-service.url=$upstream -Dquarkus.management.port=0 \
  -Dgateway.public-url=http://127.0.0.1:$gateway_port \
  -Dgateway.upstreams.partner-service.url=$upstream -Dgateway.upstreams.content-service.url=$upstream \
  -Dgateway.upstreams.partner-service.management-url=$upstream -Dgateway.upstreams.content-service.management-url=$upstream \
  -Dgateway.upstreams.schedule-service.management-url=$upstream \
  -Dgateway.rate-limits.shared=false -Dplatform.secrets.allow-published=true \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:${SUITE_POSTGRES_PORT:-15432}/gateway \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password=postgres \
  -Dgateway.rate-limits.roles.channel-operator.requests=1000000000 \
  -Dquarkus.log.category.\"io.syndication.gateway.access\".level=WARN \
  -jar gateway/target/quarkus-app/quarkus-run.jar > "$work/gateway.log" 2>&1 &
gateway_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$gateway_port/openapi"; do sleep 0.5; done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

warm_up() { wrk -t2 -c"$connections" -d"$2" -H "Authorization: Bearer $(operator)" "$1" > /dev/null; }

# Every measured run follows 10 s of the same load (ROUND_WARMUP): after half a minute idle, the
# gateway's first run spent 12 us a request in its JIT compiler (per-thread CPU; JFR showed
# deoptimisations on the proxy's connection paths), which is not the steady state of a front door.
measure() { # name url pid-of-the-proxy-or-empty
  local name=$1 url=$2 pid=${3:-}
  warm_up "$url" "${ROUND_WARMUP:-10s}"
  local before=0
  [ -n "$pid" ] && before=$(cpu_ticks "$pid")
  wrk_measured "GET $path" "$name, round $round" -t2 -c"$connections" -d"$duration" \
    -H "Authorization: Bearer $(operator)" "$url" > "$work/$name.txt"
  local rps p50 p99 requests cpu=""
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/$name.txt")
  if [ -n "$pid" ]; then
    cpu=$(awk -v t=$(( $(cpu_ticks "$pid") - before )) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
      'BEGIN {printf "%.1f us CPU/request", t / hz / n * 1e6}')
  fi
  printf '%-10s %10s req/s   p50 %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" "$cpu"
  grep -E "Non-2xx|Socket errors" "$work/$name.txt" || true
  echo "$name $rps $(to_ms "$p99")" >> "$work/figures"
  figure "$name req/s, round $round" "$rps" req/s
  figure "$name p99, round $round" "$(to_ms "$p99")" ms
}

# The upstream's own latency drifts over minutes on these shared cores, so the proxies are compared
# round by round (direct, nginx, gateway back to back), and the summary takes the median round.
rounds=${ROUNDS:-3}
direct_url=$upstream$path
nginx_url=http://127.0.0.1:$nginx_port$path
gateway_url=http://127.0.0.1:$gateway_port$path
nginx_pid=$(pgrep -f "nginx: worker process" | head -1)
echo "GET $path, wrk -t2 -c$connections -d$duration, operator token, $rounds rounds"
warm_up "$direct_url" "${WARMUP:-20s}"
warm_up "$nginx_url" "${WARMUP:-20s}"
warm_up "$gateway_url" "${GATEWAY_WARMUP:-120s}"
[ -n "${PROFILE:-}" ] && profiler start,event=cpu,interval=200000
for round in $(seq "$rounds"); do
  echo "round $round"
  measure direct "$direct_url"
  measure nginx "$nginx_url" "$nginx_pid"
  measure gateway "$gateway_url" "$gateway_pid"
done
echo
awk '$1 == "nginx" {rps = $2; p99 = $3} $1 == "gateway" {printf "%.2f %.2f\n", $2 / rps, $3 - p99}' "$work/figures" \
  > "$work/ratios"
awk '{printf "round %d: gateway %.2fx nginx'"'"'s requests/s, p99 %+.2f ms over nginx'"'"'s\n", NR, $1, $2}' "$work/ratios"
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
ratio=$(cut -d' ' -f1 "$work/ratios" | median)
p99_over=$(cut -d' ' -f2 "$work/ratios" | median)
echo "median: gateway ${ratio}x nginx's requests/s, p99 $p99_over ms over nginx's (the bar: at least 0.6x, at most 2 ms)"
figure "gateway req/s, median of rounds" "$(awk '$1 == "gateway" {print $2}' "$work/figures" | median)" req/s \
  --ratio "$ratio" --ratio-to "nginx's req/s in the same round (median of rounds)" --bar ">= 0.6x nginx" --ratio-at-least 0.6
figure "gateway p99 over nginx's, median of rounds" "$p99_over" ms --bar "<= 2 ms over nginx's p99" --at-most 2
if [ -n "${PROFILE:-}" ]; then
  profiler "stop,file=$work/gateway.collapsed,collapsed"
  echo; echo "where the gateway's CPU went in its rounds (async-profiler, cpu samples by component;"
  echo "the profiler slows the gateway down: take the ratios from a run without PROFILE):"
  python3 benchmarks/profile_groups.py "$work/gateway.collapsed"
fi
# what the gateway itself answered other than 2xx, if anything
grep -E "WARN|ERROR" "$work/gateway.log" | grep -v "already registered" | cut -c1-220 | sort | uniq -c | sort -rn | head -5 || true
