#!/usr/bin/env python3
"""Racing placements benchmark, against a running ./suite (standard library only).

Many operators place the same programme at nearly the same time on one channel, all released at
once: exactly one may win (201), every other must be told at once that the time is taken (409).
Directly on schedule-service and through the gateway, a few rounds each, with a fresh channel per
round; prints the answers by status and the latency of the answers (median, p99, slowest). The
end-to-end tests assert the outcome (ReliabilityEndToEndTest, ScheduleRacesTest); this measures it.

    ./suite &                      # wait for "Ready"
    benchmarks/racing_placements.py
"""
import argparse
import collections
import datetime
import threading
import uuid

from figures import Benchmark
from suite_api import approved_item, call, onboard_partner, percentile, token


def race(url, operator, content_id, racers):
    """Fires one placement per racer, released together; (status, seconds) per answer."""
    start = datetime.datetime(2027, 2, 1, 12, tzinfo=datetime.timezone.utc)
    gate = threading.Barrier(racers)
    answers = [None] * racers

    def racer(n):
        body = {"contentId": content_id, "start": (start + datetime.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ")}
        gate.wait()
        status, _, elapsed = call("POST", url, operator, body=body)
        answers[n] = (status, elapsed)

    threads = [threading.Thread(target=racer, args=(n,)) for n in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default="http://127.0.0.1:8080")
    parser.add_argument("--schedule", default="http://127.0.0.1:8083", help="schedule-service, called directly")
    parser.add_argument("--token-endpoint", default="http://127.0.0.1:8180/realms/syndication/protocol/openid-connect/token")
    parser.add_argument("--racers", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    bench = Benchmark("racing_placements")

    admin = token(args.token_endpoint, "suite-admin", "suite-admin-secret")
    _, _, credentials = onboard_partner(args.gateway, admin, ["SG"])
    partner = token(args.token_endpoint, *credentials)
    programme = approved_item(args.gateway, admin, partner, {
        "externalId": "bench-race-" + uuid.uuid4().hex[:8], "kind": "PROGRAMME", "title": "Race Hour",
        "synopsis": "Raced for.", "language": "en", "categories": ["NEWS"], "mediaUrl": "https://cdn.bench.example/race.m3u8",
        "ageRating": "ALL_AGES", "durationSeconds": 1800, "availableFrom": "2026-11-01T00:00:00Z", "territories": ["SG"]})

    print("%d racing placements of one programme on one channel, %d rounds per route:" % (args.racers, args.rounds))
    for route, base in (("schedule-service", args.schedule), ("gateway", args.gateway)):
        every_round, one_winner = [], 0
        for round_number in range(1, args.rounds + 1):
            operator = token(args.token_endpoint, "suite-operator", "suite-operator-secret")
            status, channel, _ = call("POST", base + "/api/v1/channels", operator, body={
                "slug": "race-%s.bench.example" % uuid.uuid4().hex[:8], "name": "Race", "timeZone": "Asia/Singapore",
                "territories": ["SG"]})
            assert status == 201, channel
            answers = race(base + "/api/v1/channels/%s/slots" % channel["id"], operator, programme, args.racers)
            statuses = collections.Counter(status for status, _ in answers)
            latencies = [elapsed * 1000 for _, elapsed in answers]
            print("  %-16s round %d: %s; median %.0f ms, p99 %.0f ms, slowest %.0f ms" % (
                route, round_number, dict(sorted(statuses.items())), percentile(latencies, 50),
                percentile(latencies, 99), max(latencies)))
            every_round += latencies
            one_winner += statuses == {201: 1, 409: args.racers - 1}
        bench.figure("%s: rounds with one 201 and %d 409s" % (route, args.racers - 1), one_winner,
                     "of %d rounds" % args.rounds)
        bench.figure("%s: answer p99 over %d rounds" % (route, args.rounds), percentile(every_round, 99), "ms")
        bench.figure("%s: slowest answer over %d rounds" % (route, args.rounds), max(every_round), "ms")
        bench.latencies("POST /api/v1/channels/{id}/slots, %d racing" % args.racers, route,
                        [ms / 1000 for ms in every_round])


if __name__ == "__main__":
    main()
