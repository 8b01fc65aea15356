"""The charts of a benchmarks/run: each endpoint's latency distributions and every run's throughput.

Runs under Debian's python3 with matplotlib (apt-get install python3-matplotlib; /usr/bin/python3,
not the pyenv one on PATH); benchmarks/run calls it. From the files the benchmarks wrote (format:
figures.py), it draws
  <out>/<date>-latency-<benchmark>-<endpoint>.png  one line per run: latency by percentile, the
                                                   percentile axis stretched towards the tail as
                                                   HdrHistogram's plots do (x = 1 / (1 - p))
  <out>/<date>-throughput.png                      a bar per throughput figure, a panel per unit
and prints the charts' file names.
Usage: /usr/bin/python3 benchmarks/charts.py --data target/benchmarks/<date> --out benchmarks/results --date <date>
"""
import argparse
import collections
import glob
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the file-only backend)
from matplotlib.ticker import FixedLocator, NullLocator  # noqa: E402

from figures import slug  # noqa: E402

# a panel per unit; pgbench's transactions are single reads, so they stand beside the requests they are compared to
PANELS = {"req/s": "req/s", "tps": "req/s", "items/s": "items/s", "slots/s": "slots/s", "programmes/s": "programmes/s"}
PANEL_LABELS = {"req/s": "requests/s (pgbench -S: transactions/s)"}
TICKS = [0, 50, 90, 99, 99.9, 99.99]


def read_distribution(path):
    header, points = {}, []
    with open(path) as lines:
        for line in lines:
            if line.startswith("# "):
                key, _, value = line[2:].partition(": ")
                header[key] = value.strip()
            elif line.strip():
                p, ms = line.split()
                points.append((float(p), float(ms)))
    return header, points


def stretched(p):
    return 1 / (1 - p / 100)


def latency_charts(data, out, date):
    by_endpoint = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(data, "latency", "*.txt"))):
        header, points = read_distribution(path)
        if points:
            benchmark = os.path.basename(path).split("--")[0]
            by_endpoint[(benchmark, header.get("endpoint", "?"))].append((header.get("run", "?"), points))
    charts = []
    for (benchmark, endpoint), runs in sorted(by_endpoint.items()):
        figure, axes = plt.subplots(figsize=(8, 4.5))
        for run, points in runs:
            axes.plot([stretched(p) for p, _ in points], [ms for _, ms in points], label=run, linewidth=1.2)
        axes.set_xscale("log")
        axes.xaxis.set_major_locator(FixedLocator([stretched(p) for p in TICKS]))
        axes.xaxis.set_minor_locator(NullLocator())
        axes.set_xticklabels(["%g%%" % p for p in TICKS])
        axes.set_xlabel("percentile")
        axes.set_ylabel("latency (ms)")
        axes.set_ylim(bottom=0)
        axes.set_title("%s: %s" % (benchmark, endpoint), fontsize=10)
        axes.grid(True, which="major", alpha=0.3)
        axes.legend(fontsize=7, ncol=2 if len(runs) > 6 else 1)
        name = "%s-latency-%s-%s.png" % (date, slug(benchmark), slug(endpoint))
        figure.tight_layout()
        figure.savefig(os.path.join(out, name), dpi=100)
        plt.close(figure)
        charts.append(name)
    return charts


def throughput_chart(data, out, date):
    figures = []
    for path in sorted(glob.glob(os.path.join(data, "figures", "*.jsonl"))):
        with open(path) as lines:
            figures += [json.loads(line) for line in lines if line.strip()]
    by_unit = collections.defaultdict(list)
    for figure in figures:
        if figure["unit"] in PANELS:
            by_unit[PANELS[figure["unit"]]].append(figure)
    if not by_unit:
        return []
    units = [unit for unit in dict.fromkeys(PANELS.values()) if unit in by_unit]
    heights = [len(by_unit[unit]) for unit in units]
    chart, panels = plt.subplots(len(units), 1, figsize=(9, 1.2 + 0.28 * sum(heights) + 0.6 * len(units)),
                                 gridspec_kw={"height_ratios": heights}, squeeze=False)
    for axes, unit in zip(panels[:, 0], units):
        entries = by_unit[unit]
        labels = ["%s: %s" % (f["benchmark"], f["name"]) for f in entries]
        colours = ["tab:green" if f.get("met") else "tab:red" if f.get("met") is False else "tab:blue" for f in entries]
        axes.barh(range(len(entries)), [f["value"] for f in entries], color=colours)
        axes.set_yticks(range(len(entries)))
        axes.set_yticklabels(labels, fontsize=7)
        axes.invert_yaxis()
        axes.set_xlabel(PANEL_LABELS.get(unit, unit), fontsize=8)
        axes.tick_params(axis="x", labelsize=7)
        for row, figure in enumerate(entries):
            axes.annotate("{:,.0f}".format(figure["value"]), (figure["value"], row), fontsize=6,
                          xytext=(2, 0), textcoords="offset points", va="center")
    panels[0, 0].set_title("throughput per run (green: meets its bar, red: does not)", fontsize=9)
    name = "%s-throughput.png" % date
    chart.tight_layout()
    chart.savefig(os.path.join(out, name), dpi=100)
    plt.close(chart)
    return [name]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="the run's data: figures/*.jsonl and latency/*.txt")
    parser.add_argument("--out", required=True)
    parser.add_argument("--date", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for old in glob.glob(os.path.join(args.out, "%s-latency-*.png" % args.date)):
        os.remove(old)  # the charts of endpoints this run no longer has
    for name in throughput_chart(args.data, args.out, args.date) + latency_charts(args.data, args.out, args.date):
        print(name)


if __name__ == "__main__":
    main()
