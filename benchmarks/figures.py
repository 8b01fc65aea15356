"""The figures a benchmark reports, in a form benchmarks/run can collect (standard library only).

A benchmark run alone prints what it always printed. Under benchmarks/run (or with the variables
set by hand) it also writes:

- BENCH_FIGURES=<file>: one JSON object a line per figure, appended:
    {"benchmark": "single_reads", "name": "one item through the gateway", "value": 6523.0, "unit": "req/s",
     "ratio": 0.21, "ratio_to": "pgbench -S (30,000 tps)", "bar": ">= 0.4x pgbench -S", "met": false,
     "command": "DURATION=15s benchmarks/single_reads.sh"}
  benchmark, name, value, unit and command are always there; ratio and ratio_to (what the ratio is
  to: ratio = value / that), bar (the issue's bar, as text) and met (true or false: whether the
  figure meets it) only where the figure has them. The benchmark says what the bar bounds: the
  value (at_least, at_most) or the ratio (ratio_at_least, ratio_at_most).
- BENCH_LATENCY_DIR=<directory>: a file per timed run with its latency distribution, named
  <benchmark>--<endpoint>--<run>.txt: "# endpoint: ..." and "# run: ..." lines, then
  "<percentile> <milliseconds>" lines for the percentiles 1 to 99, 99.9 and 99.99 (benchmarks/latency.lua
  writes wrk's the same way).

From a shell script: python3 benchmarks/figures.py emit BENCHMARK NAME VALUE UNIT [--ratio R --ratio-to T]
[--bar TEXT (--at-least X | --at-most X | --ratio-at-least X | --ratio-at-most X)] --command C; and
python3 benchmarks/figures.py latency-file BENCHMARK ENDPOINT RUN, which prints the path a run's
distribution goes to (nothing when BENCH_LATENCY_DIR is not set) after writing its header.
"""
import argparse
import json
import os
import re
import shlex
import sys

from suite_api import percentile

# the percentiles of a latency distribution, as HdrHistogram plots them (also in latency.lua)
PERCENTILES = [float(p) for p in range(1, 100)] + [99.9, 99.99]


def met(value, ratio, at_least=None, at_most=None, ratio_at_least=None, ratio_at_most=None):
    """Whether a figure meets its bar's bound, on its value or on its ratio; None when it has none."""
    for bound, compared, above in ((at_least, value, True), (at_most, value, False),
                                   (ratio_at_least, ratio, True), (ratio_at_most, ratio, False)):
        if bound is not None:
            return compared >= bound if above else compared <= bound
    return None


def emit(benchmark, name, value, unit, command, ratio=None, ratio_to=None, bar=None, **bound):
    """Appends one figure to $BENCH_FIGURES, if set; bound: at_least, at_most, ratio_at_least or ratio_at_most."""
    path = os.environ.get("BENCH_FIGURES")
    if not path:
        return
    entry = {"benchmark": benchmark, "name": name, "value": round(value, 3), "unit": unit}
    if ratio is not None:
        entry["ratio"] = round(ratio, 3)
        entry["ratio_to"] = ratio_to
    if bar is not None:
        entry["bar"] = bar
        entry["met"] = met(value, ratio, **bound)
    entry["command"] = command
    with open(path, "a") as out:
        out.write(json.dumps(entry) + "\n")


def slug(text):
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60]


def latency_file(benchmark, endpoint, run):
    """The file a run's latency distribution goes to, its header written; None when not recording."""
    directory = os.environ.get("BENCH_LATENCY_DIR")
    if not directory:
        return None
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "%s--%s--%s.txt" % (benchmark, slug(endpoint), slug(run)))
    with open(path, "w") as out:
        out.write("# endpoint: %s\n# run: %s\n" % (endpoint, run))
    return path


def record_latencies(benchmark, endpoint, run, seconds):
    """Writes the distribution of a run's per-request latencies (in seconds), if recording."""
    path = latency_file(benchmark, endpoint, run)
    if not path or not seconds:
        return
    with open(path, "a") as out:
        for p in PERCENTILES:
            out.write("%g %.3f\n" % (p, percentile(seconds, p) * 1000))


class Benchmark:
    """A Python benchmark's figures, each naming the command line that produced it."""

    def __init__(self, name):
        self.name = name
        self.command = " ".join(["benchmarks/" + os.path.basename(sys.argv[0])] + [shlex.quote(a) for a in sys.argv[1:]])

    def figure(self, name, value, unit, **bar):
        emit(self.name, name, value, unit, self.command, **bar)

    def latencies(self, endpoint, run, seconds):
        record_latencies(self.name, endpoint, run, seconds)


def main():
    parser = argparse.ArgumentParser(description="Figures from a shell benchmark (see this file's docstring).")
    commands = parser.add_subparsers(dest="what", required=True)
    one = commands.add_parser("emit")
    one.add_argument("benchmark")
    one.add_argument("name")
    one.add_argument("value", type=float)
    one.add_argument("unit")
    one.add_argument("--command", required=True)
    one.add_argument("--ratio", type=float)
    one.add_argument("--ratio-to")
    one.add_argument("--bar")
    one.add_argument("--at-least", type=float)
    one.add_argument("--at-most", type=float)
    one.add_argument("--ratio-at-least", type=float)
    one.add_argument("--ratio-at-most", type=float)
    path = commands.add_parser("latency-file")
    path.add_argument("benchmark")
    path.add_argument("endpoint")
    path.add_argument("run")
    args = parser.parse_args()
    if args.what == "emit":
        emit(args.benchmark, args.name, args.value, args.unit, args.command, ratio=args.ratio, ratio_to=args.ratio_to,
             bar=args.bar, at_least=args.at_least, at_most=args.at_most, ratio_at_least=args.ratio_at_least,
             ratio_at_most=args.ratio_at_most)
    else:
        print(latency_file(args.benchmark, args.endpoint, args.run) or "")


if __name__ == "__main__":
    main()
