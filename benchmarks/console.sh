#!/usr/bin/env bash
# Console benchmark (issue 17): a channel's week of 30-second clips (20,160 slots) opened and scrolled in
# headless Chromium, time to first render and to interactive (benchmarks/console.mjs says how). Needs
# Node.js, npm and /usr/bin/chromium; no running suite (the API's answers are made by the script).
# RUNS (5) page loads.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/benchmarks/console
mkdir -p "$work"
cp e2e-tests/src/test/console/package.json e2e-tests/src/test/console/package-lock.json benchmarks/console.mjs "$work/"
(cd "$work" && npm ci --no-audit --no-fund --silent)
node "$work/console.mjs" "$PWD/gateway/src/main/resources/META-INF/resources/console"
