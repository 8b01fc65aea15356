#!/usr/bin/env python3
"""Whether each data service holds a fixed set of query plans, on a running ./suite.

Hibernate keeps what it made of a statement in its query interpretation cache
(QueryInterpretationCacheStandardImpl, one per persistence unit): query plans keyed by the HQL
(SqmInterpretationsKey) or by the native SQL text (SelectInterpretationsKey), HQL interpretations
keyed by the HQL text, and native statements' parameter lists keyed by their SQL. A statement whose
text changes with the request's values (a page size, an id, a list's length written into it) adds
entries until the cache's bound (2048 plans each, Quarkus' default), then evicts and remakes plans.

For partner-service, content-service and schedule-service (the processes ./suite started), this
sends every request shape of their read endpoints once (each filter combination of the catalogue
search and the partner list, with and without a cursor, every sort, windows, guides...), counts the
live cache entries (`jcmd <pid> GC.class_histogram`, which collects garbage first, so only what the
cache holds is counted), then sends REQUESTS (default 1,000,000) more, spread over the three
services directly (not through the gateway) with values varied per request (ids, limits 1-100,
filters, cursors from real pages, windows), and counts again. The bar: the same count after.
Where a service reads with the reactive client's prepared queries instead, each connection caches
statements by their text (256 at most): their number a connection is reported with the bar of
staying under that, since a full cache means more texts than it holds. Every answer must be 2xx;
any other fails the run. Needs `apt-get install wrk`.

    ./suite &                            # wait for "Ready"
    benchmarks/query_plans.py            # REQUESTS=1000000 CONNECTIONS=32 (or --requests, --connections)
"""
import argparse
import datetime
import itertools
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

from figures import Benchmark
from suite_api import call, token
from suite_processes import suite_service

HERE = os.path.dirname(os.path.abspath(__file__))
THREADS = 2
# Where Hibernate is bypassed (the reactive client's prepared queries), each connection caches its
# statements by text, at most this many (Vert.x' preparedStatementCacheMaxSize; the services keep it)
STATEMENT_CACHE_MAX = 256
# The classes of the cache's entries (jcmd's names): the plans (values of the plan cache), the keys
# they are found by, HQL interpretations and their keys, native statements' parameter lists. One
# object of each per entry; lambdas and the plans' inner parts are left out.
ENTRY_CLASS = re.compile(r"^org\.hibernate\.(reactive\.)?query\.\S*(InterpretationsKey|HqlInterpretationCacheKey"
                         r"|HqlInterpretationImpl|ParameterInterpretationImpl|QueryPlan|QueryPlanImpl)$")
PLAN_CLASS = re.compile(r"(QueryPlan|QueryPlanImpl)$")
SERVICES = ("partner-service", "content-service", "schedule-service")
# what share of the requests each service gets: partner-service's reads are the fewest
SHARE = {"partner-service": 0.25, "content-service": 0.4, "schedule-service": 0.35}


def histogram(pid):
    """(Hibernate's cache entries as {class: live instances}, the reactive client's prepared
    statements, its connections) in the process."""
    lines = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], check=True, capture_output=True, text=True).stdout
    entries, statements, connections = {}, 0, 0
    for line in lines.splitlines():
        fields = line.split()  # "  45:  186  8928  org.hibernate...SelectInterpretationsKey"
        if len(fields) < 4 or not fields[0].endswith(":"):
            continue
        if ENTRY_CLASS.match(fields[3]):
            entries[fields[3]] = entries.get(fields[3], 0) + int(fields[1])
        elif fields[3] == "io.vertx.pgclient.impl.codec.PgPreparedStatement":
            statements = int(fields[1])
        elif fields[3] == "io.vertx.pgclient.impl.PgSocketConnection":
            connections = int(fields[1])
    return entries, statements, connections


def pages(url, admin, path, pages_wanted, limit):
    """Items and next cursors of up to pages_wanted pages, following next."""
    items, cursors, next_cursor = [], [], None
    for _ in range(pages_wanted):
        separator = "&" if "?" in path else "?"
        status, body, _ = call("GET", url + path + separator + "limit=%d" % limit
                               + ("&next=" + next_cursor if next_cursor else ""), admin)
        assert status == 200, (path, status, body)
        items += body["items"]
        next_cursor = body["next"]
        if not next_cursor:
            break
        cursors.append(next_cursor)
    return items, cursors


def quoted(values):
    return [urllib.parse.quote(str(value), safe="") for value in values]


def instant(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def windows(now, count, shortest, longest):
    """from=...&to=... pairs, starting within three days before and forty after now."""
    pairs = []
    for _ in range(count):
        start = now + datetime.timedelta(minutes=random.randrange(-3 * 1440, 40 * 1440, 15))
        length = datetime.timedelta(minutes=random.randrange(shortest, longest + 1, 5))
        pairs.append("from=%s&to=%s" % (quoted([instant(start)])[0], quoted([instant(start + length)])[0]))
    return pairs


def subsets(names):
    return itertools.chain.from_iterable(itertools.combinations(names, n) for n in range(len(names) + 1))


def content_shapes(url, admin, now):
    """content-service: one item, its history, its availability, and the catalogue search: each
    filter combination, sort and first or later page, as an admin and as an operator (who sees
    approved items only, a condition of its own)."""
    items, _ = pages(url, admin, "/api/v1/content", 10, 200)
    assert items, "no content in the catalogue: run benchmarks/content-catalogue.py first"
    words = sorted({word for item in items for word in re.findall(r"[A-Za-z]{4,}", item["title"] + " " + (item["synopsis"] or ""))})
    pools = {
        "content_id": [item["id"] for item in items],
        "partner": sorted({item["partnerId"] for item in items}),
        "kind": ["LIVE_EVENT", "PROGRAMME", "CLIP"],
        "status": ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "RETIRED"],
        "territory": sorted({t for item in items for t in item["territories"]} | {"HK", "SG", "US", "GB"}),
        "category": ["NEWS", "BUSINESS", "WEATHER", "SPORTS", "CRICKET", "FOOTBALL", "MUSIC", "KPOP", "ESPORTS",
                     "GAMING", "ENTERTAINMENT", "LIFESTYLE", "TRAVEL", "FOOD", "DOCUMENTARY", "KIDS", "TALK"],
        "language": quoted(sorted({item["language"] for item in items} | {"en", "ko", "ja"})),
        "instant": quoted(instant(now + datetime.timedelta(hours=random.randrange(-24 * 400, 24 * 400))) for _ in range(300)),
        "q": quoted(random.sample(words, min(200, len(words)))
                    + [" ".join(random.sample(words, 2)) for _ in range(100)]
                    + ['"%s"' % " ".join(random.sample(words, 2)) for _ in range(50)]
                    + ["%s -%s" % tuple(random.sample(words, 2)) for _ in range(50)]
                    + ["%s or %s" % tuple(random.sample(words, 2)) for _ in range(50)]),
        "limit": [str(n) for n in range(1, 101)],
    }
    sorts = {"": "id", "-id": "id", "availableFrom": "availableFrom", "-availableFrom": "availableFrom",
             "updatedAt": "updatedAt", "-updatedAt": "updatedAt", "title": "title", "-title": "title"}
    for sort, field in sorts.items():
        # a cursor names a position in its field's order, from either direction's pages
        _, cursors = pages(url, admin, "/api/v1/content" + ("?sort=" + sort if sort else ""), 4, random.randrange(5, 60))
        pools.setdefault("cursor_" + field, []).extend(cursors)
    filters = {"partner": "partner={partner}", "kind": "kind={kind}", "status": "status={status}",
               "territory": "territory={territory}", "category": "category={category}", "language": "language={language}",
               "availableAt": "availableAt={instant}", "q": "q={q}"}
    searches = []
    for role in ("admin", "operator"):
        for chosen in subsets(list(filters)):
            for sort, field in sorts.items():
                for later_page in (False, True):
                    query = [filters[name] for name in chosen] + (["sort=" + sort] if sort else []) + ["limit={limit}"]
                    if later_page:
                        query.append("next={cursor_%s}" % field)
                    searches.append((role, "/api/v1/content?" + "&".join(query)))
    shapes = [("admin", 30, "/api/v1/content/{content_id}"),
              ("admin", 5, "/api/v1/content/{content_id}/history"),
              ("admin", 5, "/api/v1/content/{content_id}/availability?at={instant}&territory={territory}")]
    shapes += [(role, 60 / len(searches), template) for role, template in searches]
    return shapes, pools


def partner_shapes(url, admin, now):
    """partner-service: one partner, its events (first and later pages), and the partner list:
    each filter combination, first and later pages."""
    partners, _ = pages(url, admin, "/api/v1/partners", 5, 200)
    assert partners, "no partners: start ./suite (it onboards its demo partners)"
    words = sorted({w.lower() for p in partners for w in re.findall(r"[A-Za-z]{3,}", p["legalName"] + " " + p["slug"])})
    cursors = []
    for limit in range(1, 6):
        cursors += pages(url, admin, "/api/v1/partners", 3, limit)[1]
    event_cursors = []
    for partner in partners[:10]:
        event_cursors += pages(url, admin, "/api/v1/partners/%s/events" % partner["id"], 3, 1)[1]
    pools = {
        "partner_id": [p["id"] for p in partners],
        "status": ["APPLIED", "ACTIVE", "REJECTED", "SUSPENDED", "TERMINATED"],
        "category": ["NEWS", "SPORTS", "MUSIC", "ESPORTS", "ENTERTAINMENT", "LIFESTYLE"],
        "territory": sorted({t for p in partners for t in p["territories"]} | {"US", "GB"}),
        "q": quoted(words + [w[:3] for w in words] + ["100%", "a_b"]),
        "limit": [str(n) for n in range(1, 101)],
        "cursor": cursors or ["placeholder"],
        # an event cursor names a time and id: any partner's is a valid position in another's trail
        "event_cursor": event_cursors or ["placeholder"],
    }
    filters = {"status": "status={status}", "category": "category={category}", "territory": "territory={territory}",
               "q": "q={q}"}
    lists = []
    for chosen in subsets(list(filters)):
        for later_page in (False, True) if cursors else (False,):
            query = [filters[name] for name in chosen] + ["limit={limit}"] + (["next={cursor}"] if later_page else [])
            lists.append("/api/v1/partners?" + "&".join(query))
    shapes = [("admin", 40, "/api/v1/partners/{partner_id}"),
              ("admin", 10, "/api/v1/partners/{partner_id}/events?limit={limit}")]
    if event_cursors:
        shapes.append(("admin", 5, "/api/v1/partners/{partner_id}/events?limit={limit}&next={event_cursor}"))
    shapes += [("admin", 45 / len(lists), template) for template in lists]
    return shapes, pools


def schedule_shapes(url, admin, now):
    """schedule-service: the channel list (first and later pages), one channel, now and next, its
    slots, gaps and validation over windows, its guide over days, and the XMLTV guide (one to three
    channels by days or between instants, or every active channel)."""
    channels, _ = pages(url, admin, "/api/v1/channels", 5, 200)
    assert channels, "no channels: start ./suite (it makes its demo channels)"
    cursors = []
    for limit in range(1, 8):
        cursors += pages(url, admin, "/api/v1/channels", 3, limit)[1]
    # the demo channels, not the benchmarks' (thousands of slots a day): guides and validation stay short
    demo = [c for c in channels if ".bench." not in c["slug"]] or channels
    today = now.date()
    pools = {
        "channel_id": [c["id"] for c in channels],
        "demo_channel_id": [c["id"] for c in demo],
        "demo_slug": quoted(c["slug"] for c in demo),
        "limit": [str(n) for n in range(1, 101)],
        "cursor": cursors or ["placeholder"],
        "window": windows(now, 500, 10, 2 * 1440),
        # validation asks content-service about each item in the window: an hour or two at most
        "short_window": windows(now, 500, 10, 120),
        "date": [(today + datetime.timedelta(days=d)).isoformat() for d in range(-2, 7)],
        "days": ["1", "2", "3"],
    }
    shapes = [("admin", 10, "/api/v1/channels?limit={limit}"),
              ("admin", 15, "/api/v1/channels/{channel_id}"),
              ("admin", 10, "/api/v1/channels/{channel_id}/now"),
              ("admin", 20, "/api/v1/channels/{channel_id}/slots?{window}"),
              ("admin", 10, "/api/v1/channels/{channel_id}/gaps?{window}"),
              ("admin", 3, "/api/v1/channels/{demo_channel_id}/validation?{short_window}"),
              ("admin", 6, "/api/v1/channels/{demo_channel_id}/guide?date={date}&days={days}"),
              ("admin", 2, "/api/v1/channels/{demo_channel_id}/guide"),
              ("admin", 1, "/api/v1/epg.xml"),
              ("admin", 1, "/api/v1/epg.xml?channel={demo_slug}&from=%s&to=%s"
               % tuple(quoted([instant(now), instant(now + datetime.timedelta(hours=6))])))]
    if cursors:
        shapes.append(("admin", 5, "/api/v1/channels?limit={limit}&next={cursor}"))
    for count in (1, 2, 3):
        channels_query = "&".join(["channel={demo_slug}"] * count)
        shapes += [("admin", 1, "/api/v1/epg.xml?%s&date={date}&days={days}" % channels_query),
                   ("admin", 1, "/api/v1/epg.xml?%s&{short_window}" % channels_query)]
    return shapes, pools


SHAPES = {"partner-service": (partner_shapes, "SUITE_PARTNER_PORT", 8081),
          "content-service": (content_shapes, "SUITE_CONTENT_PORT", 8082),
          "schedule-service": (schedule_shapes, "SUITE_SCHEDULE_PORT", 8083)}


def write_shapes(path, shapes, pools):
    with open(path, "w") as out:
        for role, weight, template in shapes:
            out.write("shape\t%s\t%r\t%s\n" % (role, weight, template))
        for name, values in pools.items():
            for value in values:
                out.write("pool\t%s\t%s\n" % (name, value))


def wrk(url, shapes_file, quotas, connections, mode, tokens):
    """One wrk run of the shapes: (answers, seconds); exits naming the failures if any answer was not 2xx."""
    env = dict(os.environ, QP_SHAPES=shapes_file, QP_QUOTAS=",".join(map(str, quotas)), QP_MODE=mode,
               QP_ADMIN_TOKEN=tokens["admin"], QP_OPERATOR_TOKEN=tokens["operator"])
    started = time.time()
    # -d only bounds a run that stalls: each thread stops itself after its quota of answers, and wrk
    # ends when interrupted once all have (it would otherwise wait out -d)
    process = subprocess.Popen(["wrk", "-t%d" % len(quotas), "-c%d" % connections, "-d3600s", "--timeout", "60s",
                                "-s", os.path.join(HERE, "query_plans.lua"), url], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    output, finished = [], 0
    for line in process.stdout:
        output.append(line)
        if line.startswith("query_plans: thread done"):
            finished += 1
            if finished == len(quotas):
                process.send_signal(signal.SIGINT)
    process.wait()
    seconds = time.time() - started
    printed = "".join(output)
    tally = re.search(r"query_plans: answers=(\d+) non2xx=(\d+) statuses=(\S*) failed=(.*)", printed)
    errors = re.search(r"Socket errors: .*", printed)
    if process.returncode != 0 or not tally or int(tally.group(2)) > 0 or errors or int(tally.group(1)) < sum(quotas):
        sys.exit("FAILED: wrk on %s (%s): %s\n%s" % (url, mode, tally.group(0) if tally else "no tally", printed))
    return int(tally.group(1)), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=int(os.environ.get("REQUESTS", 1000000)),
                        help="in all, after the warm-up (REQUESTS)")
    parser.add_argument("--connections", type=int, default=int(os.environ.get("CONNECTIONS", 32)))
    parser.add_argument("--chunk", type=int, default=20000,
                        help="requests per wrk run: each gets fresh tokens, which live 5 minutes (content-service's"
                             " searches run at 166-200 requests/s on 2 cores: 50,000 outlived them)")
    parser.add_argument("--token-endpoint", default="http://127.0.0.1:%s/realms/syndication/protocol/openid-connect/token"
                        % os.environ.get("SUITE_KEYCLOAK_PORT", "8180"))
    args = parser.parse_args()
    bench = Benchmark("query_plans")
    bench.command = " ".join(["%s=%s" % (name, os.environ[name]) for name in ("REQUESTS", "CONNECTIONS") if os.environ.get(name)]
                             + [bench.command])

    def tokens():
        return {"admin": token(args.token_endpoint, "suite-admin", "suite-admin-secret"),
                "operator": token(args.token_endpoint, "suite-operator", "suite-operator-secret")}

    now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
    work = tempfile.mkdtemp(prefix="query-plans-")
    pids, urls, files, counts = {}, {}, {}, {}
    current = tokens()
    for service in SERVICES:
        pids[service] = suite_service(service)
        make, port_variable, port = SHAPES[service]
        urls[service] = "http://127.0.0.1:%s" % os.environ.get(port_variable, port)
        shapes, pools = make(urls[service], current["admin"], now)
        files[service] = os.path.join(work, service + ".tsv")
        write_shapes(files[service], shapes, pools)
        # every shape once, on one connection: what a fixed set of statements needs is then cached
        answers, seconds = wrk(urls[service], files[service], [len(shapes)], 1, "warm-up", current)
        print("%s (pid %d): warm-up, each of %d request shapes once, in %.0f s" % (service, pids[service], len(shapes), seconds),
              flush=True)
        counts[service] = {"shapes": len(shapes)}
    for service in SERVICES:
        counts[service]["before"] = histogram(pids[service])

    shares = {service: int(args.requests * SHARE[service]) for service in SERVICES}
    shares[SERVICES[0]] += args.requests - sum(shares.values())
    for service in SERVICES:
        left, answered, took = shares[service], 0, 0.0
        while left > 0:
            chunk = min(args.chunk, left)
            quotas = [chunk // THREADS + (1 if n < chunk % THREADS else 0) for n in range(THREADS)]
            answers, seconds = wrk(urls[service], files[service], [q for q in quotas if q], args.connections, "load", tokens())
            left -= chunk
            answered += answers
            took += seconds
            print("%s: %s of %s requests, %.0f req/s" % (service, format(answered, ","), format(shares[service], ","), answered / took),
                  flush=True)
        counts[service]["answers"] = answered
    for service in SERVICES:
        counts[service]["after"] = histogram(pids[service])

    print("\nHibernate's query interpretation cache, live objects per class (jcmd GC.class_histogram), after the "
          "warm-up and after %s requests in all:" % format(args.requests, ","))
    requests_text = format(args.requests, ",")
    for service in SERVICES:
        (before, statements_before, connections_before) = counts[service]["before"]
        (after, statements_after, connections_after) = counts[service]["after"]
        print("\n%s (pid %d; %d request shapes; %s requests):" % (service, pids[service], counts[service]["shapes"],
                                                                   format(counts[service]["answers"], ",")))
        for name in sorted(set(before) | set(after)):
            print("  %-78s %6d -> %6d%s" % (name, before.get(name, 0), after.get(name, 0),
                                            "" if before.get(name, 0) == after.get(name, 0) else "  GREW" if
                                            after.get(name, 0) > before.get(name, 0) else "  shrank"))
        total_before, total_after = sum(before.values()), sum(after.values())
        plans = sum(n for name, n in before.items() if PLAN_CLASS.search(name))
        print("  %-78s %6d -> %6d" % ("total", total_before, total_after))
        bench.figure("%s: query-cache objects (keys, plans, interpretations) after the warm-up (%d request shapes)" % (service, counts[service]["shapes"]),
                     total_before, "objects")
        bench.figure("%s: query-cache objects after %s more requests" % (service, requests_text), total_after, "objects",
                     bar="no growth: the same fixed set after %s requests" % requests_text, at_most=total_before)
        # no bar: the cache is bounded, so a count that stays put may be a full cache evicting and
        # remaking plans (a key that never equals another, or more statement texts than it holds)
        bench.figure("%s: query plans held after the warm-up" % service, plans, "plans")
        per_connection = [statements / max(connections, 1) for statements, connections in
                          ((statements_before, connections_before), (statements_after, connections_after))]
        print("  reactive client's prepared statements: %d on %d connections -> %d on %d (%.0f -> %.0f a connection)"
              % (statements_before, connections_before, statements_after, connections_after, *per_connection))
        bench.figure("%s: prepared statements a connection after %s requests" % (service, requests_text),
                     round(per_connection[1], 1), "statements",
                     bar="under the client's %d a connection: no statement evicted and prepared again" % STATEMENT_CACHE_MAX,
                     at_most=STATEMENT_CACHE_MAX - 1)
        if per_connection[1] >= STATEMENT_CACHE_MAX - 1:
            print("  each connection's statement cache is full: more statement texts than it holds")

if __name__ == "__main__":
    main()
