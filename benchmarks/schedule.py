#!/usr/bin/env python3
"""Schedule benchmark, against a running ./suite (standard library only).

A channel of 30-second clips, 2,880 a day: places a whole month of them day by day through
PUT /slots (one window per day), then computes the gaps and the validation of the whole month;
then fills 50 channels for 7 days from the same clip and streams their XMLTV guide. Each step runs
at two sizes (15 and 30 days; 25 and 50 channels) to show how it scales, and the schedule-service's
resident memory is sampled throughout (peak per step, and its growth over the step).

    ./suite &                      # wait for "Ready"
    benchmarks/schedule.py
"""
import argparse
import datetime
import statistics
import time
import urllib.parse
import urllib.request
import uuid

from figures import Benchmark
from suite_api import approved_item, call, onboard_partner, token
from suite_processes import Memory, rss_mb, suite_service

CLIP_SECONDS = 30
PER_DAY = 86400 // CLIP_SECONDS

# "As today or faster": the best figures measured so far, from the closing note of stop 8 (the
# only stop that ran this benchmark; issues stops --page 3), same machine, ./suite: by days placed,
# (slots/s placing them, ms for the gaps, ms for the validation); by channels, programmes/s of the
# XMLTV guide; and the p50 of one channel's 7-day fill in seconds.
EARLIER = "stop 8"
EARLIER_MONTHS = {15: (11646, 184, 193), 30: (15259, 306, 282)}
EARLIER_GUIDES = {25: 504000 / 1.97, 50: 1008000 / 3.03}
EARLIER_FILL_SECONDS = 0.80
MONTH = 30


def iso(instant):
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default="http://127.0.0.1:8080")
    parser.add_argument("--schedule", default="http://127.0.0.1:8083", help="schedule-service, called directly")
    parser.add_argument("--token-endpoint", default="http://127.0.0.1:8180/realms/syndication/protocol/openid-connect/token")
    parser.add_argument("--days", type=int, nargs="+", default=[15, 30], help="month sizes to place and check")
    parser.add_argument("--channels", type=int, nargs="+", default=[25, 50], help="channel counts of the XMLTV guide")
    parser.add_argument("--guide-days", type=int, default=7)
    args = parser.parse_args()
    pid = suite_service("schedule-service")
    bench = Benchmark("schedule")

    def against_earlier(name, value, unit, earlier, bar):
        """A figure with its ratio to stop 8's, if it has one; where it is the month's, the bar: as then or better."""
        if earlier is None:
            return bench.figure(name, value, unit)
        shown = format(earlier, ",.0f") if earlier >= 100 else "%.2f" % earlier
        options = dict(ratio=value / earlier, ratio_to="%s (%s %s)" % (EARLIER, shown, unit))
        if bar:
            faster = unit.endswith("/s")
            options.update(bar=("as %s or faster" % EARLIER), **({"ratio_at_least": 1.0} if faster else {"ratio_at_most": 1.0}))
        bench.figure(name, value, unit, **options)

    admin = token(args.token_endpoint, "suite-admin", "suite-admin-secret")
    _, _, credentials = onboard_partner(args.gateway, admin, ["SG"])
    partner = token(args.token_endpoint, *credentials)
    clip_id = approved_item(args.gateway, admin, partner, {
        "externalId": "bench-clip-30s", "kind": "CLIP", "title": "Thirty Seconds", "synopsis": "A 30-second clip.",
        "language": "en", "categories": ["NEWS"], "mediaUrl": "https://cdn.bench.example/30s.m3u8",
        "ageRating": "ALL_AGES", "durationSeconds": CLIP_SECONDS, "availableFrom": "2026-11-01T00:00:00Z",
        "territories": ["SG"]})

    def operator():
        # a fresh token per step: access tokens live 5 minutes
        return token(args.token_endpoint, "suite-operator", "suite-operator-secret")

    def channel(name):
        status, body, _ = call("POST", args.schedule + "/api/v1/channels", operator(), body={
            "slug": "%s-%s.bench.example" % (name, uuid.uuid4().hex[:8]), "name": "Bench " + name,
            "timeZone": "Asia/Singapore", "territories": ["SG"], "fillerContentIds": [clip_id]})
        assert status == 201, body
        return body

    start = datetime.datetime(2027, 1, 1, tzinfo=datetime.timezone.utc)
    print("schedule-service pid %d, RSS %.0f MB at the start" % (pid, rss_mb(pid)))
    print()
    print("A channel of %d-second clips, placed one day (%d slots) per PUT /slots:" % (CLIP_SECONDS, PER_DAY))
    for days in args.days:
        ch = channel("month%d" % days)
        path = args.schedule + "/api/v1/channels/%s" % ch["id"]
        token_now = operator()
        windows = []
        with Memory(pid) as memory:
            started = time.perf_counter()
            for day in range(days):
                day_start = start + datetime.timedelta(days=day)
                body = [{"contentId": clip_id, "start": iso(day_start + datetime.timedelta(seconds=CLIP_SECONDS * n))}
                        for n in range(PER_DAY)]
                query = urllib.parse.urlencode({"from": iso(day_start), "to": iso(day_start + datetime.timedelta(days=1))})
                status, placed, elapsed = call("PUT", path + "/slots?" + query, token_now, body=body)
                assert status == 200 and len(placed) == PER_DAY, (status, str(placed)[:300])
                windows.append(elapsed)
            placing = time.perf_counter() - started
        slots = days * PER_DAY
        print("  %2d days, %6d slots: placed in %6.2f s (%5.0f slots/s; a day's window p50 %.0f ms, max %.0f ms), %s"
              % (days, slots, placing, slots / placing, statistics.median(windows) * 1000, max(windows) * 1000, memory))
        earlier = EARLIER_MONTHS.get(days, (None, None, None))
        month = days == MONTH
        against_earlier("%d days of %d-s slots placed" % (days, CLIP_SECONDS), slots / placing, "slots/s", earlier[0], month)
        bench.latencies("PUT a day's window of %d-s slots" % CLIP_SECONDS, "%d days" % days, windows)
        query = urllib.parse.urlencode({"from": iso(start), "to": iso(start + datetime.timedelta(days=days))})
        with Memory(pid) as memory:
            status, gaps, gaps_time = call("GET", path + "/gaps?" + query, token_now)
        assert status == 200 and gaps["coverage"] == 1.0, gaps
        print("  %2d days: gaps of the whole window      %6.0f ms (coverage %.3f), %s"
              % (days, gaps_time * 1000, gaps["coverage"], memory))
        against_earlier("gaps of %d days" % days, gaps_time * 1000, "ms", earlier[1], month)
        with Memory(pid) as memory:
            status, validation, validation_time = call("GET", path + "/validation?" + query, token_now)
        assert status == 200, validation
        print("  %2d days: validation of the whole window %6.0f ms (%d findings), %s"
              % (days, validation_time * 1000, len(validation["findings"]), memory))
        against_earlier("validation of %d days" % days, validation_time * 1000, "ms", earlier[2], month)

    print()
    most = max(args.channels)
    print("%d channels filled from the clip for %d days (%d slots each) with POST /fill:"
          % (most, args.guide_days, args.guide_days * PER_DAY))
    guide_start = start + datetime.timedelta(days=40)
    query = urllib.parse.urlencode({"from": iso(guide_start),
                                    "to": iso(guide_start + datetime.timedelta(days=args.guide_days))})
    slugs = []
    fills = []
    with Memory(pid) as memory:
        for n in range(most):
            ch = channel("guide%02d" % n)
            status, filled, elapsed = call("POST", args.schedule + "/api/v1/channels/%s/fill?%s" % (ch["id"], query),
                                           operator())
            assert status == 200 and filled["coverage"] == 1.0, str(filled)[:300]
            fills.append(elapsed)
            slugs.append(ch["slug"])
    print("  each fill p50 %.2f s, max %.2f s (%.0f slots/s), %s"
          % (statistics.median(fills), max(fills), args.guide_days * PER_DAY / statistics.median(fills), memory))
    against_earlier("one channel's %d-day fill, p50" % args.guide_days, statistics.median(fills), "s",
                    EARLIER_FILL_SECONDS if args.guide_days == 7 else None, False)
    print()
    print("XMLTV for %d days, streamed from GET /api/v1/epg.xml:" % args.guide_days)
    for count in args.channels:
        params = [("channel", slug) for slug in slugs[:count]] + [
            ("from", iso(guide_start)), ("to", iso(guide_start + datetime.timedelta(days=args.guide_days)))]
        request = urllib.request.Request(args.schedule + "/api/v1/epg.xml?" + urllib.parse.urlencode(params),
                                         headers={"Authorization": "Bearer " + operator()})
        with Memory(pid) as memory:
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=600) as response:
                first = response.read(1)
                first_byte = time.perf_counter() - started
                size, programmes, tail = len(first), 0, b""
                while True:
                    chunk = response.read(1 << 16)
                    if not chunk:
                        break
                    size += len(chunk)
                    programmes += (tail + chunk).count(b"<programme ")
                    tail = chunk[-(len(b"<programme ") - 1):]
            elapsed = time.perf_counter() - started
        print("  %2d channels: %8d programmes, %5.0f MB in %6.2f s (%6.0f programmes/s, first byte after %.0f ms), %s"
              % (count, programmes, size / 1e6, elapsed, programmes / elapsed, first_byte * 1000, memory))
        name = "XMLTV of %d channels for %d days" % (count, args.guide_days)
        against_earlier(name, programmes / elapsed, "programmes/s",
                        EARLIER_GUIDES.get(count) if args.guide_days == 7 else None, False)
        bench.figure(name + ", first byte", first_byte * 1000, "ms")


if __name__ == "__main__":
    main()
