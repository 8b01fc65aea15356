#!/usr/bin/env python3
"""Content catalogue benchmark, against a running ./suite (standard library only).

Onboards a benchmark partner through the API, ingests items through POST /api/v1/content/batch
(1000 per request) until the partner's catalogue holds --catalogue items, timing the first --items
of them, then pages through the catalogue with filters and free text, and prints throughput,
p50/p99 latencies and PostgreSQL's EXPLAIN plans of the searches it ran.

    ./suite &                      # wait for "Ready"
    benchmarks/content-catalogue.py --items 10000 --catalogue 100000
"""
import argparse
import concurrent.futures
import json
import os
import random
import subprocess
import time
import urllib.parse

from figures import Benchmark
from suite_api import call, onboard_partner, percentile, token

WORDS = ("markets open close rally cricket final wicket century kpop comeback chart stage esports league "
         "finals clutch ramen travel tokyo seoul mumbai sydney monsoon budget earnings startup festival "
         "drama comedy interview documentary highlights preview recap weather typhoon election").split()
CATEGORIES = ["NEWS", "BUSINESS", "SPORTS", "CRICKET", "MUSIC", "KPOP", "ESPORTS", "LIFESTYLE", "TRAVEL", "FOOD"]
TERRITORIES = ["SG", "HK", "IN", "JP", "KR", "AU"]


def item(n, rng):
    kind = rng.choices(["PROGRAMME", "CLIP", "LIVE_EVENT"], [6, 3, 1])[0]
    words = rng.sample(WORDS, 6)
    entry = {
        "externalId": "bench-%07d" % n, "kind": kind, "title": " ".join(words[:3]).title() + " #%d" % n,
        "synopsis": "A %s about %s and %s." % (words[3], words[4], words[5]), "language": "en",
        "categories": rng.sample(CATEGORIES, 2), "mediaUrl": "https://cdn.bench.example/%d/master.m3u8" % n,
        "ageRating": "ALL_AGES", "availableFrom": "2026-%02d-01T00:00:00Z" % rng.randint(1, 12),
        "territories": rng.sample(TERRITORIES, rng.randint(1, 4)),
    }
    if rng.random() < 0.5:
        entry["availableUntil"] = "2027-%02d-01T00:00:00Z" % rng.randint(1, 12)
    if kind == "LIVE_EVENT":
        day = rng.randint(1, 28)
        entry["start"] = "2026-12-%02dT10:00:00Z" % day
        entry["end"] = "2026-12-%02dT13:00:00Z" % day
    else:
        entry["durationSeconds"] = rng.randint(60, 7200)
    return entry


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway", default="http://127.0.0.1:8080")
    parser.add_argument("--token-endpoint", default="http://127.0.0.1:8180/realms/syndication/protocol/openid-connect/token")
    parser.add_argument("--items", type=int, default=10000, help="items whose ingestion is timed")
    parser.add_argument("--warm-up-items", type=int, default=0,
                        help="items ingested before the timed ones, so that those run at a steady pace")
    parser.add_argument("--catalogue", type=int, default=100000, help="catalogue size the searches run on")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=2, help="batches in flight at once")
    parser.add_argument("--searches", type=int, default=300, help="requests per search kind")
    parser.add_argument("--psql", default="psql -h 127.0.0.1 -p 15432 -U postgres -d content")
    args = parser.parse_args()
    bench = Benchmark("content-catalogue")

    admin = token(args.token_endpoint, "suite-admin", "suite-admin-secret")
    slug, partner_id, credentials = onboard_partner(args.gateway, admin, TERRITORIES)
    print("benchmark partner %s (%s)" % (slug, partner_id))

    def ingest(partner, batch):
        status, body, elapsed = call("POST", args.gateway + "/api/v1/content/batch", partner, body=batch)
        assert status == 200, body
        failed = [r for r in body["results"] if r["outcome"] == "FAILED"]
        assert not failed, failed[:3]
        return elapsed

    def ingest_range(first, total):
        # each chunk's batches are written, and the partner's token taken (it lives 5 minutes, as a
        # partner keeps it), before its clock starts: the pace is the platform's, not this client's on
        # the same cores; a chunk of 50 batches holds about 20 MB and takes well under 5 minutes
        wall, latencies = 0.0, []
        chunk = 50 * args.batch
        for chunk_start in range(first, first + total, chunk):
            chunk_end = min(chunk_start + chunk, first + total)
            batches = [json.dumps({"items": [item(n, random.Random(n)) for n in range(start, min(start + args.batch, chunk_end))]})
                       .encode() for start in range(chunk_start, chunk_end, args.batch)]
            partner = token(args.token_endpoint, *credentials)
            started = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
                latencies += pool.map(lambda batch: ingest(partner, batch), batches)
            wall += time.perf_counter() - started
        return wall, latencies

    if args.warm_up_items:
        wall, _ = ingest_range(0, args.warm_up_items)
        print("\nwarm-up: %d items ingested (%.0f items/s)" % (args.warm_up_items, args.warm_up_items / wall))
    first = args.warm_up_items
    wall, latencies = ingest_range(first, args.items)
    print("\ningest %d items in batches of %d, %d in flight: %.0f items/s; batch latency p50 %.0f ms, p99 %.0f ms"
          % (args.items, args.batch, args.concurrency, args.items / wall, percentile(latencies, 50) * 1000,
             percentile(latencies, 99) * 1000))
    bench.figure("ingest of %d items (batches of %d, %d in flight)" % (args.items, args.batch, args.concurrency),
                 args.items / wall, "items/s", bar=">= 5,000 items/s steady (10,000-item ingest)", at_least=5000)
    bench.latencies("POST /api/v1/content/batch (%d items)" % args.batch, "ingest", latencies)
    first += args.items
    if args.catalogue > first:
        wall, _ = ingest_range(first, args.catalogue - first)
        print("filled the catalogue to %d items (%.0f items/s)" % (args.catalogue, (args.catalogue - first) / wall))
        bench.figure("filling the catalogue to %d items" % args.catalogue, (args.catalogue - first) / wall, "items/s")
    catalogue = max(args.catalogue, first)

    partner = token(args.token_endpoint, *credentials)
    searches = {
        "page through (limit 200)": {"limit": 200},
        "territory+category+availableAt": {"territory": "JP", "category": "KPOP", "availableAt": "2026-12-24T20:00:00Z",
                                           "limit": 50},
        "free text q=cricket final": {"q": "cricket final", "limit": 50},
        "free text + kind + territory": {"q": "markets", "kind": "PROGRAMME", "territory": "SG", "limit": 50},
    }
    print("\nsearches over the partner's %d items (%d requests each, sequential):" % (catalogue, args.searches))
    for name, params in searches.items():
        latencies, cursor, rows = [], None, 0
        for _ in range(args.searches):
            query = dict(params)
            if cursor:
                query["next"] = cursor
            status, body, elapsed = call("GET", args.gateway + "/api/v1/content?" + urllib.parse.urlencode(query), partner)
            assert status == 200, body
            latencies.append(elapsed)
            rows += len(body["items"])
            cursor = body["next"]
        print("  %-32s p50 %6.1f ms  p99 %6.1f ms  %6.0f req/s  (%d rows)" % (
            name, percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000,
            len(latencies) / sum(latencies), rows))
        bench.figure("search: %s, sequential" % name, len(latencies) / sum(latencies), "req/s")
        bench.figure("search: %s, p99" % name, percentile(latencies, 99) * 1000, "ms")
        bench.latencies("GET /api/v1/content: " + name, "%d items" % catalogue, latencies)
    plans = [
        "SELECT id FROM content_item WHERE partner_id = '%s' AND search @@ websearch_to_tsquery('simple', 'cricket final') ORDER BY id LIMIT 51" % partner_id,
        "SELECT id FROM content_item WHERE partner_id = '%s' AND territories @> ARRAY['JP']::varchar[] AND categories @> ARRAY['KPOP']::varchar[] AND available_from <= '2026-12-24T20:00:00Z' AND (available_until IS NULL OR available_until > '2026-12-24T20:00:00Z') ORDER BY id LIMIT 51" % partner_id,
        "SELECT id FROM content_item WHERE status = 'APPROVED' AND search @@ websearch_to_tsquery('simple', 'markets') ORDER BY id LIMIT 51",
    ]
    # each with its values in place, as content-service's search connections plan every call, and in
    # one process, as they do (its application.properties)
    print("\nEXPLAIN (ANALYZE) of the searches' SQL:")
    for sql in plans:
        try:
            plan = subprocess.run(args.psql.split() + ["-X", "-q", "-A", "-t", "-c", "SET max_parallel_workers_per_gather = 0",
                                                       "-c", "EXPLAIN (ANALYZE, COSTS OFF) " + sql],
                                  capture_output=True, text=True, timeout=60, env=dict(os.environ, PGPASSWORD="postgres"))
            print("\n" + sql + "\n" + (plan.stdout or plan.stderr))
        except FileNotFoundError:
            print("psql not found: EXPLAIN skipped")
            break


if __name__ == "__main__":
    main()
