#!/usr/bin/env bash
# Startup benchmark, against a running ./suite: starts each service alone STARTS times (5) beside the
# suite, exactly as the suite started its own (the same java, JVM options, class archive,
# environment and configuration, read from the suite's process; only the two ports differ), and
# times each start from fork to the first 200 of its readiness check, with the CPU time it took.
# The yardstick is the smallest Quarkus REST application (benchmarks/minimal-app), packaged and
# started the same way, with a class archive of its own recorded the same way when the services
# have one. Prints every start, then each service's median and its ratio to the yardstick's.
#   ./suite &                      # wait for "Ready"; its second start has the class archives
#   benchmarks/startup.sh          # or: benchmarks/startup.sh content-service; STARTS=5
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/common.sh
benchmark=startup
command=$(bench_command STARTS)

starts=${STARTS:-5}
bar_seconds=3
work=$(mktemp -d)
child=
trap '[ -n "$child" ] && kill "$child" 2>/dev/null; rm -rf "$work"' EXIT

declare -A suite_port=([gateway]=${SUITE_GATEWAY_PORT:-8080} [partner-service]=${SUITE_PARTNER_PORT:-8081}
  [content-service]=${SUITE_CONTENT_PORT:-8082} [schedule-service]=${SUITE_SCHEDULE_PORT:-8083})

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# the pid of the suite's own process of a service: the one listening on the suite's port for it
suite_pid() {
  local pid
  for pid in $(pgrep -f "$1/target/quarkus-app/quarkus-run.jar"); do
    if tr '\0' '\n' < "/proc/$pid/cmdline" | grep -qx -- "-Dquarkus.http.port=${suite_port[$1]}"; then
      echo "$pid"
      return
    fi
  done
  echo "no ./suite process of $1 is running: start ./suite first" >&2
  exit 1
}

# one start of a command line (the arrays env_vars and args), until url answers 200;
# prints "<wall ms> <cpu ms>" and stops the process
time_start() {
  local url=$1 begin ready ticks
  begin=$(date +%s%N)
  env -i "${env_vars[@]}" "${args[@]}" > "$work/start.log" 2>&1 &
  child=$!
  until curl -sf -o /dev/null "$url"; do
    if ! kill -0 "$child" 2>/dev/null; then
      cat "$work/start.log" >&2
      echo "the start exited before it was ready" >&2
      exit 1
    fi
    sleep 0.05
  done
  ready=$(date +%s%N)
  # utime + stime, in clock ticks
  ticks=$(awk '{print $14 + $15}' "/proc/$child/stat")
  kill "$child"
  wait "$child" 2>/dev/null || true
  child=
  echo "$(( (ready - begin) / 1000000 )) $(( ticks * 1000 / $(getconf CLK_TCK) ))"
}

# median of the numbers on stdin
median() {
  sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# starts the command line STARTS times; prints each start and leaves the medians in wall_ms, cpu_ms
measure() {
  local name=$1 url=$2 i wall cpu
  : > "$work/walls"; : > "$work/cpus"
  for ((i = 1; i <= starts; i++)); do
    read -r wall cpu < <(time_start "$url")
    echo "  $name start $i: ready in $wall ms, $cpu ms of CPU"
    echo "$wall" >> "$work/walls"; echo "$cpu" >> "$work/cpus"
  done
  wall_ms=$(median < "$work/walls")
  cpu_ms=$(median < "$work/cpus")
}

# the suite's own command line and environment of a service, on other ports
copy_of_suite_process() {
  local pid=$1 port=$2 management_port=$3 arg
  recording=false
  mapfile -d '' -t env_vars < "/proc/$pid/environ"
  args=()
  while IFS= read -r -d '' arg; do
    case $arg in
      -Dquarkus.http.port=*) args+=("-Dquarkus.http.port=$port") ;;
      -Dquarkus.management.port=*) args+=("-Dquarkus.management.port=$management_port") ;;
      # the suite's first start records its archive: one process may write it
      -XX:ArchiveClassesAtExit=* | -XX:AOTCacheOutput=*) recording=true ;;
      *) args+=("$arg") ;;
    esac
  done < "/proc/$pid/cmdline"
}

services=("$@")
[ ${#services[@]} -gt 0 ] || services=(partner-service content-service schedule-service gateway)

# the yardstick: the JVM and its options (not the -D settings) of the suite's content-service
content_pid=$(suite_pid content-service)
mapfile -d '' -t suite_content < "/proc/$content_pid/cmdline"
minimal=benchmarks/minimal-app/target/quarkus-app
if [ ! -f "$minimal/quarkus-run.jar" ] || [ -n "$(find benchmarks/minimal-app/src benchmarks/minimal-app/pom.xml -newer "$minimal/quarkus-run.jar")" ]; then
  ./mvnw -B -q -f benchmarks/minimal-app/pom.xml package -DskipTests
fi
minimal_port=$(free_port)
mapfile -d '' -t env_vars < "/proc/$content_pid/environ"
jvm=("${suite_content[0]}")
for arg in "${suite_content[@]:1}"; do
  case $arg in
    -XX:SharedArchiveFile=* | -XX:ArchiveClassesAtExit=*) archive=(-XX:ArchiveClassesAtExit "-XX:SharedArchiveFile" "$work/minimal.jsa") ;;
    -XX:AOTCache=* | -XX:AOTCacheOutput=*) archive=(-XX:AOTCacheOutput "-XX:AOTCache" "$work/minimal.aot") ;;
    -jar) break ;;
    -D*) ;;
    *) jvm+=("$arg") ;;
  esac
done
minimal_args=(-Dquarkus.http.port="$minimal_port" -Dquarkus.http.host=127.0.0.1 -jar "$minimal/quarkus-run.jar")
if [ -n "${archive:-}" ]; then
  # recorded as the services' are: a start, a request, a stop
  args=("${jvm[@]}" "${archive[0]}=${archive[2]}" "${minimal_args[@]}")
  time_start "http://127.0.0.1:$minimal_port/hello" > /dev/null
  jvm+=("${archive[1]}=${archive[2]}")
fi
args=("${jvm[@]}" "${minimal_args[@]}")
echo "minimal Quarkus REST application (${jvm[*]}):"
measure "minimal" "http://127.0.0.1:$minimal_port/hello"
minimal_ms=$wall_ms
echo "  median: $minimal_ms ms ($cpu_ms ms of CPU)"
figure "minimal Quarkus REST application ready, median of $starts starts" "$(awk -v m="$minimal_ms" 'BEGIN {print m / 1000}')" s

for service in "${services[@]}"; do
  port=$(free_port); management_port=$(free_port)
  copy_of_suite_process "$(suite_pid "$service")" "$port" "$management_port"
  echo "$service:"
  [ "$recording" = true ] && echo "  (the suite is on its first start and still recording its class archives: these starts have none)"
  measure "$service" "http://127.0.0.1:$management_port/q/health/ready"
  ratio=$(awk -v s="$wall_ms" -v m="$minimal_ms" 'BEGIN {printf "%.2f", s / m}')
  seconds=$(awk -v s="$wall_ms" 'BEGIN {print s / 1000}')
  met=$(awk -v s="$seconds" -v b="$bar_seconds" 'BEGIN {print (s <= b) ? "met" : "not met"}')
  echo "  median: $wall_ms ms ($cpu_ms ms of CPU), ${ratio}x the minimal application's; bar <= ${bar_seconds} s: $met"
  figure "$service ready, median of $starts starts" "$seconds" s --ratio "$ratio" \
    --ratio-to "the minimal Quarkus REST application ($minimal_ms ms)" --bar "<= $bar_seconds s" --at-most "$bar_seconds"
done
