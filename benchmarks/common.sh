# Shared by the shell benchmarks (sourced): tokens, wrk runs and the figures they report.
# Expects to be sourced from the repository's root (the benchmarks cd there first).
bench=benchmarks
token_endpoint=http://127.0.0.1:${SUITE_KEYCLOAK_PORT:-8180}/realms/syndication/protocol/openid-connect/token

# a fresh token for every wrk run: a whole benchmark outlasts one (they live 5 minutes)
token() { # client-id secret
  curl -sf -d grant_type=client_credentials -d client_id="$1" -d client_secret="$2" \
    "$token_endpoint" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# wrk prints latencies as 850.00us, 12.41ms or 1.02s
to_ms() { awk -v v="$1" 'BEGIN {n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/) n *= 1000; printf "%.2f", n}'; }

# How this benchmark was invoked, with the settings it read from the environment: the command
# behind each of its figures.
bench_command() { # names of the variables it reads
  local settings="" name
  for name in "$@"; do
    [ -n "${!name:-}" ] && settings+="$name=$(printf '%q' "${!name}") "
  done
  echo "${settings}benchmarks/$(basename "$0")"
}

# One figure, to $BENCH_FIGURES if set (format: benchmarks/figures.py); the arguments after the
# unit are figures.py's: --ratio R --ratio-to T --bar TEXT and the bar's bound, on the value
# (--at-least X, --at-most X) or on the ratio (--ratio-at-least X, --ratio-at-most X).
figure() { # name value unit [options]
  [ -z "${BENCH_FIGURES:-}" ] && return
  python3 "$bench/figures.py" emit "$benchmark" "$1" "$2" "$3" --command "$command" "${@:4}"
}

# A measured wrk run (with --latency): its output on stdout; its latency distribution, when
# BENCH_LATENCY_DIR is set, in a file of its own (see latency.lua).
wrk_measured() { # endpoint-name run-name wrk-arguments...
  local file=""
  [ -n "${BENCH_LATENCY_DIR:-}" ] && file=$(python3 "$bench/figures.py" latency-file "$benchmark" "$1" "$2")
  WRK_LATENCY_FILE=$file wrk -s "$bench/latency.lua" --latency "${@:3}"
}
