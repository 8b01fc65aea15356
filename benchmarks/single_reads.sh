#!/usr/bin/env bash
# Reads against the database's own pace, on a running ./suite: `pgbench -S` (single-row
# primary-key reads) on the suite's PostgreSQL, then GET /api/v1/content/{id} and a filtered
# catalogue page (GET /api/v1/content?kind=PROGRAMME&limit=50), as an admin, on content-service
# directly and through a gateway started for the benchmark in front of it (its
# rate limits raised so that they do not answer 429), each with the same clients and duration
# (`wrk -t2 -c32 -d15s` after a 10 s warm-up). Prints each figure and its ratio to pgbench's.
#   apt-get install wrk postgresql-client   # once (pgbench comes with the client)
#   ./suite &                               # wait for "Ready"
#   benchmarks/single_reads.sh              # DURATION=15s CONNECTIONS=32 WARMUP=10s
# RATE_LIMITS_SHARED=true gives the benchmark gateway production's shared buckets, in the suite's
# gateway database: what a take from PostgreSQL per request costs.
# Under benchmarks/run it also reports its figures and each run's latency distribution (common.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/common.sh
benchmark=single_reads
command=$(bench_command DURATION CONNECTIONS WARMUP RATE_LIMITS_SHARED)

duration=${DURATION:-15s}
connections=${CONNECTIONS:-32}
warmup=${WARMUP:-10s}
pg_port=${SUITE_POSTGRES_PORT:-15432}
content=http://127.0.0.1:${SUITE_CONTENT_PORT:-8082}
gateway_port=18181
gateway=http://127.0.0.1:$gateway_port
export PGPASSWORD=postgres PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres

admin() { token suite-admin suite-admin-secret; }

# wrk's requests/s and p99 (ms) of one run
measure() { # endpoint run url
  local url=$3 out
  wrk -t2 -c"$connections" -d"$warmup" -H "Authorization: Bearer $(admin)" "$url" > /dev/null
  out=$(wrk_measured "$1" "$2" -t2 -c"$connections" -d"$duration" -H "Authorization: Bearer $(admin)" "$url")
  if echo "$out" | grep -q "Non-2xx"; then
    echo "$out" >&2
    echo "non-2xx answers from $url" >&2
    exit 1
  fi
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  echo "$rps $p99"
}

if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'pgbench'" | grep -q 1; then
  createdb pgbench
  pgbench -q -i -s 10 pgbench > /dev/null 2>&1
fi
seconds=${duration%s}
pgbench -S -c "$connections" -j 2 -T "$seconds" pgbench > /dev/null 2>&1   # warm-up
tps=$(pgbench -S -c "$connections" -j 2 -T "$seconds" pgbench | awk '/^tps/ {print int($3)}')
echo "pgbench -S, $connections clients: $tps tps"
figure "pgbench -S, $connections clients" "$tps" tps

# the gateway image's JVM settings (quarkus.jib.jvm-additional-arguments in gateway's application.properties);
# in production mode it needs every upstream and its public URL: only content-service is asked here;
# its buckets stay in memory unless RATE_LIMITS_SHARED=true
java -Dio.netty.leakDetection.level=disabled -XX:+UseParallelGC -Xmx320m -Dquarkus.http.port=$gateway_port \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.management.port=0 -Dquarkus.oidc.auth-server-url=${token_endpoint%/protocol/*} \
  -Dgateway.public-url=$gateway -Dgateway.upstreams.partner-service.url=http://127.0.0.1:${SUITE_PARTNER_PORT:-8081} \
  -Dgateway.upstreams.schedule-service.url=http://127.0.0.1:${SUITE_SCHEDULE_PORT:-8083} \
  -Dgateway.upstreams.partner-service.management-url=http://127.0.0.1:${SUITE_PARTNER_MANAGEMENT_PORT:-9081} \
  -Dgateway.upstreams.content-service.management-url=http://127.0.0.1:${SUITE_CONTENT_MANAGEMENT_PORT:-9082} \
  -Dgateway.upstreams.schedule-service.management-url=http://127.0.0.1:${SUITE_SCHEDULE_MANAGEMENT_PORT:-9083} \
  -Dgateway.upstreams.content-service.url=$content -Dgateway.rate-limits.roles.platform-admin.requests=1000000000 \
  -Dgateway.rate-limits.shared=${RATE_LIMITS_SHARED:-false} -Dplatform.secrets.allow-published=true \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:${SUITE_POSTGRES_PORT:-15432}/gateway \
  -Dquarkus.datasource.username=postgres -Dquarkus.datasource.password=postgres \
  -Dquarkus.log.category.\"io.syndication.gateway.access\".level=WARN \
  -jar gateway/target/quarkus-app/quarkus-run.jar > /dev/null 2>&1 &
gateway_pid=$!
trap 'kill $gateway_pid 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "$gateway/openapi"; do sleep 0.5; done

# read as JSON: the order of an answer's keys is not part of the API
id=$(curl -sf -H "Authorization: Bearer $(admin)" "$content/api/v1/content?limit=1" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
# each read: its path, and the bar its read through the gateway has to meet (a ratio to pgbench's)
for read in "/api/v1/content/{id} /api/v1/content/$id 0.4" \
            "/api/v1/content?kind=PROGRAMME&limit=50 /api/v1/content?kind=PROGRAMME&limit=50 0.1"; do
  set -- $read
  name=$1 path=$2 bar=$3
  for target in "content-service $content" "gateway $gateway"; do
    set -- $target
    read -r rps p99 < <(measure "GET $name" "$1" "$2$path")
    ratio=$(awk -v r="$rps" -v t="$tps" 'BEGIN {printf "%.2f", r / t}')
    echo "GET $name on $1: $rps req/s, p99 $p99 ms, ${ratio}x pgbench -S"
    bar_options=()
    [ "$1" = gateway ] && bar_options=(--bar ">= ${bar}x pgbench -S" --ratio-at-least "$bar")
    figure "GET $name on $1" "$rps" req/s --ratio "$ratio" --ratio-to "pgbench -S ($tps tps)" "${bar_options[@]}"
    figure "GET $name on $1, p99" "$p99" ms
  done
done
