#!/usr/bin/env bash
# Events benchmark, against a running ./suite: what the domain events (issue 14) give and cost.
#  1. Change to healed guide: SAMPLES (100) times, a new 10-minute programme of a benchmark partner is
#     approved, placed tomorrow on a channel with fillers (the rest of its day filled) once
#     schedule-service's view holds it approved, and retired by its partner; the channel's JSON guide
#     for tomorrow is read through the gateway every POLL seconds (0.02) until it no longer lists the
#     item. The latency runs from the retire's answer to the answer of the first guide without it; that
#     guide must show a filler from the item's start, and the channel's heals must name content.retired.
#  2. Events through the outbox relay: EVENTS (10,000) draft items of the partner, made untimed by
#     batch ingest (a draft is announced by nothing), are sent again with a new title in batches of
#     1,000, 2 in flight: one content.changed each, in the edit's own transaction. A consumer of our
#     own (benchmarks/TopicTail.java) follows the topic content from its end and counts ours.
#     a. As it runs: events/s from the first write to the last event on the topic, beside the
#        writes' own pace, and the CPU each of the suite's processes spent meanwhile.
#     b. From a backlog: the same edits again while this benchmark holds the relay's advisory lock (as
#        another replica's relay would: the relay publishes nothing meanwhile), then released: events/s
#        from the release to the last on the topic. A programme retired at the release, behind the
#        backlog, gives the change-to-healed-guide latency under such a burst.
#     Also: how long after the last event schedule-service's view held them all, and whether any
#     event went missing or came twice.
#  3. A week's validation, from the local view and over HTTP: GET /validation over 7 days, RUNS (20)
#     times after 3 warm-up rounds, from the suite's schedule-service (the view: one query) and from
#     schedule-service as it was before the view (7992b8b, fc296bc's parent: two calls to
#     content-service per distinct item, 8 at a time), packaged once from a git worktree (kept in
#     target/benchmarks/ for the next run), started beside the suite with its own JVM, settings and
#     environment on other ports, over a database of its own (its migrations, then the two channels
#     and their slots copied in), alternately. Both called directly, not through the gateway. The
#     weeks: a channel like a demo channel (WEEK_ITEMS (35) items of the benchmark partner, filled for
#     7 days from tomorrow), whose items the view holds; and the demo channel abn-247.hk.example's
#     week, whose items the view holds only if their events came after the view existed.
# The benchmark reads schedule-service's and content-service's databases (the view, the outbox) to
# know when the view has caught up. It prints each part's figures; the process, the database and the
# worktree it made go at exit, and the relay is released.
#   ./suite &                      # wait for "Ready"
#   benchmarks/events.sh           # or: SAMPLES=20 EVENTS=2000 RUNS=5 benchmarks/events.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/common.sh
benchmark=events
command=$(bench_command SAMPLES EVENTS RUNS POLL WEEK_ITEMS)

samples=${SAMPLES:-100}
events=${EVENTS:-10000}
runs=${RUNS:-20}
week_items=${WEEK_ITEMS:-35}
poll=${POLL:-0.02}
heal_bar_ms=10000
slot_minutes=10           # each sample's programme; the samples fill tomorrow from midnight, the fillers the rest
gateway=http://127.0.0.1:${SUITE_GATEWAY_PORT:-8080}
schedule=http://127.0.0.1:${SUITE_SCHEDULE_PORT:-8083}
postgres_port=${SUITE_POSTGRES_PORT:-15432}
http_commit=7992b8b       # fc296bc^: schedule-service asking content-service item by item
zone=Asia/Singapore
territory=SG
(( samples * slot_minutes <= 23 * 60 )) || { echo "SAMPLES=$samples: at most $((23 * 60 / slot_minutes)) fit in a day" >&2; exit 1; }

work=$(mktemp -d)
tail_pid= watch_pid= hold_pid= http_pid= http_db= worktree=
cleanup() {
  set +e  # every step, whatever the one before did
  [ -n "$watch_pid" ] && pkill -P "$watch_pid"
  [ -n "$hold_pid" ] && release_relay
  [ -n "$tail_pid" ] && kill "$tail_pid" 2>/dev/null
  if [ -n "$http_pid" ]; then kill "$http_pid" 2>/dev/null; wait "$http_pid" 2>/dev/null; fi
  [ -n "$http_db" ] && PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$postgres_port" -U postgres -d postgres \
    -c "DROP DATABASE IF EXISTS $http_db WITH (FORCE)" > /dev/null 2>&1
  [ -n "$worktree" ] && git worktree remove --force "$worktree" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# One call: the answer's body on stdout; exits naming the call unless the status is the one expected.
call() { # expected-status method url token [json-body]
  local status
  status=$(curl -sS -o "$work/answer" -w '%{http_code}' -X "$2" ${4:+-H "Authorization: Bearer $4"} \
    ${5:+-H 'Content-Type: application/json' --data-binary "$5"} "$3")
  if [ "$status" != "$1" ]; then
    echo "$2 $3 answered $status, not $1: $(head -c 600 "$work/answer")" >&2
    exit 1
  fi
  cat "$work/answer"
}

# a percentile of the numbers on stdin (nearest rank, as benchmarks/suite_api.py)
percentile() { # p
  sort -n | awk -v p="$1" '{v[NR] = $1} END {i = int(p / 100 * (NR - 1) + 0.5) + 1; print v[i]}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
psql_on() { # database, then psql's arguments
  PGPASSWORD=postgres psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$postgres_port" -U postgres -d "$@"
}
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# ends the session holding the relay's lock (part 2): the relay goes on at its next look, within 100 ms
release_relay() {
  psql_on postgres -At -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
    WHERE application_name = 'events-bench-relay-hold'" > /dev/null
  wait "$hold_pid" 2>/dev/null || true
  hold_pid=
}

admin=$(token suite-admin suite-admin-secret)
operator=$(token suite-operator suite-operator-secret)
[ -n "$admin" ] && [ -n "$operator" ] || { echo "no token from $token_endpoint: is ./suite running?" >&2; exit 1; }

# a benchmark partner, applied and approved as the other benchmarks' (suite_api.onboard_partner)
agreement=$(call 200 GET "$gateway/api/v1/applications/agreement" "" | jq -r .version)
slug=bench-events-$(date +%s)
application=$(jq -n --arg slug "$slug" --arg agreement "$agreement" --arg territory "$territory" '{legalName: "Benchmark Events Media",
  displayName: "Benchmark Events", slug: $slug, category: "NEWS", territories: [$territory], languages: ["en"],
  contactEmail: "bench@bench.example", website: "https://bench.example", agreementVersion: $agreement}')
partner_id=$(call 201 POST "$gateway/api/v1/applications" "" "$application" | jq -r .id)
approval=$(call 200 POST "$gateway/api/v1/partners/$partner_id/approve" "$admin" '{}')
partner_client=$(jq -r .clientId <<< "$approval"); partner_secret=$(jq -r .clientSecret <<< "$approval")
partner=$(token "$partner_client" "$partner_secret")
echo "partner $slug ($partner_id)"

item_json() { # external-id title kind seconds
  jq -n --arg id "$1" --arg title "$2" --arg kind "$3" --argjson seconds "$4" --arg territory "$territory" '{externalId: $id,
    kind: $kind, title: $title, synopsis: "A programme of the events benchmark.", language: "en", categories: ["NEWS"],
    mediaUrl: "https://cdn.bench.example/events.m3u8", ageRating: "ALL_AGES", durationSeconds: $seconds,
    availableFrom: "2026-01-01T00:00:00Z", territories: [$territory]}'
}

# a new item, submitted and approved (naming the version reviewed): its id
approved_item() { # external-id title seconds
  local id version
  id=$(call 201 POST "$gateway/api/v1/content" "$partner" "$(item_json "$1" "$2" PROGRAMME "$3")" | jq -r .id)
  version=$(call 200 POST "$gateway/api/v1/content/$id/submit" "$partner" | jq -r .version)
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin" -H "If-Match: \"$version\"" \
    "$gateway/api/v1/content/$id/approve" || { echo "approving $id failed" >&2; exit 1; }
  echo "$id"
}

# Waits until schedule-service's view (its database) holds each item APPROVED, with its partner: an
# operator placing it sooner risks having it healed away by its own older events (content.submitted)
# arriving after the placement. Prints the milliseconds waited.
in_view() { # id...
  local ids started deadline
  ids=$(printf "'%s'," "$@"); ids=${ids%,}
  started=$(now_ms); deadline=$((started + 120000))
  until [ "$(psql_on schedule -At -c "SELECT count(*) FROM content_view v WHERE v.status = 'APPROVED' AND v.id IN ($ids)
      AND EXISTS (SELECT 1 FROM partner_view p WHERE p.id = v.partner_id)")" = $# ]; do
    (( $(now_ms) > deadline )) && { echo "schedule-service's view did not hold $# items approved within 120 s" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( $(now_ms) - started ))
}

# ---------------------------------------------------------------------------------------------
echo
echo "1. Change to healed guide: $samples programmes of $slot_minutes minutes placed tomorrow, each retired by its partner"
fillers=$(for n in 1 2; do approved_item "events-filler-$slug-$n" "Events filler $n" 420; done | jq -R . | jq -sc .)
channel_json=$(jq -n --arg slug "events-$slug.bench.example" --arg zone "$zone" --arg territory "$territory" \
  --argjson fillers "$fillers" '{slug: $slug, name: "Bench events", timeZone: $zone, territories: [$territory],
  fillerContentIds: $fillers}')
channel=$(call 201 POST "$gateway/api/v1/channels" "$operator" "$channel_json" | jq -r .id)
in_view $(jq -r '.[]' <<< "$fillers") > /dev/null
tomorrow=$(TZ=$zone date -d tomorrow +%F)
day_start=$(date -u -d "TZ=\"$zone\" $tomorrow 00:00" +%s)
iso() { date -u -d "@$1" +%FT%TZ; }
# tomorrow after the samples' time, as a channel's day is: filled from the rotation
filled_from=$((day_start + samples * slot_minutes * 60))
filled=$(call 200 POST "$gateway/api/v1/channels/$channel/fill?from=$(iso "$filled_from")&to=$(iso $((day_start + 86400)))" \
  "$operator" | jq '.slots | length')
echo "  channel $channel ($zone), tomorrow $tomorrow: $filled filler slots from $(TZ=$zone date -d "@$filled_from" +%H:%M) local"

guide_url="$gateway/api/v1/channels/$channel/guide?date=$tomorrow"
: > "$work/heals"; : > "$work/approvals"; : > "$work/samples"
lost=0 unfilled=0
for ((n = 0; n < samples; n++)); do
  if (( n % 25 == 0 )); then  # tokens live 5 minutes
    admin=$(token suite-admin suite-admin-secret); operator=$(token suite-operator suite-operator-secret)
    partner=$(token "$partner_client" "$partner_secret")
  fi
  item=$(approved_item "events-heal-$slug-$n" "Events heal $n" $((slot_minutes * 60)))
  in_view "$item" >> "$work/approvals"
  echo "$item" >> "$work/samples"
  start=$(iso $((day_start + n * slot_minutes * 60)))
  call 201 POST "$gateway/api/v1/channels/$channel/slots" "$operator" "{\"contentId\": \"$item\", \"start\": \"$start\"}" > /dev/null
  call 200 GET "$guide_url" "$operator" > "$work/guide"
  grep -q "$item" "$work/guide" || { echo "tomorrow's guide does not list $item after placing it" >&2; exit 1; }
  call 200 POST "$gateway/api/v1/content/$item/retire" "$partner" > /dev/null
  retired=$(now_ms)
  while true; do
    curl -sf -o "$work/guide" -H "Authorization: Bearer $operator" "$guide_url" || { echo "the guide failed" >&2; exit 1; }
    seen=$(now_ms)
    grep -q "$item" "$work/guide" || break
    if (( seen - retired > 60000 )); then
      lost=$((lost + 1))
      echo "  sample $n: the guide still lists $item 60 s after its retirement" >&2
      break
    fi
    sleep "$poll"
  done
  grep -q "$item" "$work/guide" && continue
  echo $((seen - retired)) >> "$work/heals"
  # the replacement: a filler starting where the item did
  jq -e --arg start "$(TZ=$zone date -d "$start" +%FT%T)" '[.programmes[] | select(.kind == "FILLER" and (.start | startswith($start)))]
    | length > 0' "$work/guide" > /dev/null || unfilled=$((unfilled + 1))
done
healed=$(wc -l < "$work/heals")
(( healed > 0 )) || { echo "no sample healed" >&2; exit 1; }
# what healed each sample's slot: its retirement, and nothing else
: > "$work/heal-events"; next=
while true; do
  call 200 GET "$gateway/api/v1/channels/$channel/heals?limit=100${next:+&next=$next}" "$operator" > "$work/heal-page"
  jq -r '.items[] | "\(.contentId) \(.eventType)"' "$work/heal-page" >> "$work/heal-events"
  next=$(jq -r '.next // empty' "$work/heal-page")
  [ -n "$next" ] || break
done
otherwise=$(awk 'NR == FNR {sample[$1] = 1; next} ($1 in sample) && $2 != "content.retired" {n++} END {print n + 0}' \
  "$work/samples" "$work/heal-events")
by_retirement=$(awk 'NR == FNR {sample[$1] = 1; next} ($1 in sample) && $2 == "content.retired" {n++} END {print n + 0}' \
  "$work/samples" "$work/heal-events")
heal_p50=$(percentile 50 < "$work/heals"); heal_p99=$(percentile 99 < "$work/heals")
heal_max=$(percentile 100 < "$work/heals")
echo "  retire to a guide without the item ($healed samples, polled every ${poll} s): p50 $heal_p50 ms, p99 $heal_p99 ms, max $heal_max ms"
echo "  not healed within 60 s: $lost; healed without a filler where the item was: $unfilled;" \
  "heals recorded for content.retired: $by_retirement, for another event: $otherwise"
echo "  (before each placement, its approval reached schedule-service's view in p50 $(percentile 50 < "$work/approvals") ms," \
  "p99 $(percentile 99 < "$work/approvals") ms: content-service's outbox, the relay, Kafka, the view)"
# the distribution, for benchmarks/run's latency charts (when BENCH_LATENCY_DIR is set)
python3 -c 'import sys; sys.path.insert(0, "benchmarks"); import figures
figures.record_latencies("events", "retire to a healed JSON guide", sys.argv[2], [float(ms) / 1000 for ms in open(sys.argv[1])])' \
  "$work/heals" "$healed samples, polled every $poll s"
figure "change to healed guide (retire to the JSON guide without the item), p50 of $healed" "$heal_p50" ms \
  --bar "within 10 s" --at-most "$heal_bar_ms"
figure "change to healed guide (retire to the JSON guide without the item), p99 of $healed" "$heal_p99" ms \
  --bar "within 10 s" --at-most "$heal_bar_ms"
figure "samples not healed within 60 s, without a filler in the item's place, or healed by another event" \
  $((lost + unfilled + otherwise)) samples --bar "none" --at-most 0
figure "an approval reaching schedule-service's view (approve's answer to the view's row), p50 of $samples" \
  "$(percentile 50 < "$work/approvals")" ms

# ---------------------------------------------------------------------------------------------
echo
echo "2. Events through the outbox relay: $events items edited by batch ingest (batches of 1000, 2 in flight), twice"
# the suite's schedule-service: the broker the suite's services use, and (part 3) its settings
suite_schedule_pid=$(python3 -c 'import sys; sys.path.insert(0, "benchmarks"); from suite_processes import suite_service
print(suite_service("schedule-service"))')
kafka=$(tr '\0' '\n' < "/proc/$suite_schedule_pid/cmdline" | sed -n 's/^-Dkafka.bootstrap.servers=//p')
java_bin=$(tr '\0' '\n' < "/proc/$suite_schedule_pid/cmdline" | head -1)

batches=$(( (events + 999) / 1000 ))
ingest() { # title-prefix batch-number
  local from=$(( $2 * 1000 )) to=$(( ($2 + 1) * 1000 < events ? ($2 + 1) * 1000 : events ))
  jq -n --arg slug "$slug" --arg title "$1" --argjson from "$from" --argjson to "$to" --arg territory "$territory" '{items:
    [range($from; $to) | {externalId: "events-relay-\($slug)-\(.)", kind: "CLIP", title: "\($title) \(.)",
    synopsis: "An item of the events benchmark.", language: "en", categories: ["NEWS"],
    mediaUrl: "https://cdn.bench.example/relay.m3u8", ageRating: "ALL_AGES", durationSeconds: 30,
    availableFrom: "2026-01-01T00:00:00Z", territories: [$territory]}]}' > "$work/batch-$2.json"
  curl -sf -o "$work/result-$2.json" -X POST -H "Authorization: Bearer $partner" -H 'Content-Type: application/json' \
    --data-binary "@$work/batch-$2.json" "$gateway/api/v1/content/batch" || { echo "batch $2 failed" >&2; return 1; }
}
# every batch, 2 in flight; sets writes_started, writes_ended (ms) and written (the items of that outcome)
ingest_all() { # title-prefix outcome
  local b first
  partner=$(token "$partner_client" "$partner_secret")
  writes_started=$(now_ms)
  for ((b = 0; b < batches; b += 2)); do
    ingest "$1" "$b" & first=$!
    if (( b + 1 < batches )); then ingest "$1" $((b + 1)); fi
    wait "$first"
  done
  writes_ended=$(now_ms)
  written=$(cat "$work"/result-*.json | jq -r ".results[] | select(.outcome == \"$2\") | .id" | tee "$work/written" | wc -l)
}
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b - a) / 1000}'; }
per_second() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN {printf "%.0f", (b > a) ? n / ((b - a) / 1000) : 0}'; }

# CPU time (utime + stime, in ms) of the suite's processes: the four services, Kafka, PostgreSQL and its backends
cpu_ms() {
  local name pid postmaster
  {
    python3 -c 'import sys; sys.path.insert(0, "benchmarks"); from suite_processes import suite_services
for service, pid in suite_services().items(): print(service, pid)'
    pgrep -f '\.suite/kafka' | sed 's/^/kafka /'
    postmaster=$(pgrep -f 'embedded-pg.*/bin/postgres' | head -1)
    [ -n "$postmaster" ] && { echo "PostgreSQL $postmaster"; pgrep -P "$postmaster" | sed 's/^/PostgreSQL /'; }
  } | while read -r name pid; do
    # a backend may have ended meanwhile
    awk -v name="$name" -v tick="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); print name, ($12 + $13) * 1000 / tick}' \
      "/proc/$pid/stat" 2>/dev/null || true
  done | awk '{ms[$1] += $2} END {for (n in ms) print n, ms[n]}' | sort
}
cpu_between() { # before after: "name s, ..." largest first
  join "$1" "$2" | awk '{printf "%s %.1f\n", $1, ($3 - $2) / 1000}' | sort -k2 -rn | awk '{printf "%s%s %s s", (NR > 1) ? ", " : "", $1, $2}'
}

ingest_all "Relay draft" CREATED
echo "  (untimed: $written drafts made in $(seconds "$writes_started" "$writes_ended") s, announced by nothing)"
(( written == events )) || { echo "the drafts' ingest made $written of $events items" >&2; exit 1; }
cp "$work/written" "$work/ours"

# a consumer of our own from the topic's end, into a file
follow_topic() { # file
  : > "$1"
  "$java_bin" -cp 'suite-launcher/target/kafka-lib/*' benchmarks/TopicTail.java "$kafka" content > "$1" 2> "$1.log" &
  tail_pid=$!
  for ((i = 0; i < 600; i++)); do
    grep -q '^ready' "$1" && return
    kill -0 "$tail_pid" 2>/dev/null || { cat "$1.log" >&2; echo "the topic's consumer exited" >&2; exit 1; }
    sleep 0.1
  done
  echo "the topic's consumer was not ready in 60 s" >&2; exit 1
}
# our events in the file: "<count> <first received ms> <last received ms> <first record ms> <last record ms> <distinct ids>"
ours_seen() { # file
  awk 'NR == FNR {ours[$1] = 1; next} $1 != "ready" && ($3 in ours) {n++; if (!first) {first = $1; created = $2}
    last = $1; sent = $2; ids[$4] = 1} END {printf "%d %.0f %.0f %.0f %.0f %d\n", n, first, last, created, sent, length(ids)}' \
    "$work/ours" "$1"
}
# waits (5 minutes at most) for `written` events of ours in the file; sets seen first_seen last_seen first_sent last_sent distinct
all_seen() { # file
  local deadline=$(( $(now_ms) + 300000 ))
  while true; do
    read -r seen first_seen last_seen first_sent last_sent distinct < <(ours_seen "$1")
    (( seen >= written )) && break
    (( $(now_ms) > deadline )) && { echo "  only $seen of $written events on the topic 5 minutes after the writes" >&2; break; }
    sleep 0.05
  done
  kill "$tail_pid" 2>/dev/null; wait "$tail_pid" 2>/dev/null || true; tail_pid=
}

# the epoch ms at which schedule-service's view first holds all EVENTS edits titled "<prefix> <n>" (nothing
# after 5 minutes); started before the edits' events flow, in the background: one psql looking every 100 ms
view_watch() { # title-prefix
  printf "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint, count(*) FROM content_view
    WHERE partner_id = '%s' AND title LIKE '%s %%' \\watch 0.1\n" "$partner_id" "$1" \
    | PGPASSWORD=postgres timeout 300 psql -X -q -At -F ' ' -h 127.0.0.1 -p "$postgres_port" -U postgres -d schedule 2> /dev/null \
    | awk -v n="$events" '$2 >= n {print $1; exit}'
}
view_lag() { # the watch's file, once it has ended: ms from the last event on the topic to the view holding them all
  if [ -s "$1" ]; then echo $(( $(cat "$1") - last_seen )); else echo "schedule-service's view lacks some edits 5 minutes on" >&2; echo -1; fi
}

echo "  a. as it runs: the relay publishing while the edits are written"
follow_topic "$work/topic-a"
view_watch "Relay edited" > "$work/view-a" &
watch_pid=$!
cpu_ms > "$work/cpu-before"
ingest_all "Relay edited" UPDATED
cpu_ms > "$work/cpu-after"
read -r at_writes_end _ < <(ours_seen "$work/topic-a")
all_seen "$work/topic-a"
wait "$watch_pid" || true; watch_pid=
view_a=$(view_lag "$work/view-a")
write_rate=$(per_second "$written" "$writes_started" "$writes_ended")
flow_rate=$(per_second "$seen" "$writes_started" "$last_seen")
echo "    $written edits written in $(seconds "$writes_started" "$writes_ended") s: $write_rate events/s into the outbox"
echo "    $seen on the topic ($distinct distinct ids), the last $(seconds "$writes_started" "$last_seen") s after the first write: $flow_rate events/s;" \
  "$((written - at_writes_end)) still to come when the writes ended, the last $(seconds "$writes_ended" "$last_seen") s after"
echo "    schedule-service's view held them all $view_a ms after the last was on the topic"
echo "    CPU during the writes: $(cpu_between "$work/cpu-before" "$work/cpu-after")"
figure "events through the outbox relay as edits are written ($seen, first write to last on the topic)" "$flow_rate" events/s \
  --ratio "$(ratio "$flow_rate" "$write_rate")" --ratio-to "the edits' own pace ($write_rate events/s)"
figure "last event on the topic after the last edit's answer" "$((last_seen - writes_ended))" ms
lost=$((written - distinct)) duplicated=$((seen - distinct))

echo "  b. a backlog: the edits written while the relay is held off (this benchmark takes the relay's advisory lock, as another replica's relay would), then released"
relay_lock=$(( $(sed -n 's/.*RELAY_LOCK = \(0x[0-9a-fA-F]*\)L;.*/\1/p' \
  platform-events/src/main/java/io/syndication/events/OutboxRelay.java) ))
# and a programme on part 1's channel the day after tomorrow, retired as the relay is released: its
# content.retired is behind the backlog, in the outbox and in schedule-service's consumer
operator=$(token suite-operator suite-operator-secret); admin=$(token suite-admin suite-admin-secret)
behind=$(approved_item "events-behind-$slug" "Events behind the backlog" $((slot_minutes * 60)))
in_view "$behind" > /dev/null
call 201 POST "$gateway/api/v1/channels/$channel/slots" "$operator" \
  "{\"contentId\": \"$behind\", \"start\": \"$(iso $((day_start + 86400)))\"}" > /dev/null
behind_guide="$gateway/api/v1/channels/$channel/guide?date=$(TZ=$zone date -d "$tomorrow + 1 day" +%F)"
PGAPPNAME=events-bench-relay-hold psql_on content -c "SELECT pg_advisory_lock($relay_lock)" -c "SELECT pg_sleep(3600)" \
  > /dev/null 2>&1 &
hold_pid=$!
for ((i = 0; i < 300; i++)); do
  [ "$(psql_on content -At -c "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid)
    WHERE a.application_name = 'events-bench-relay-hold' AND l.locktype = 'advisory' AND l.granted")" = 1 ] && break
  sleep 0.1
done
follow_topic "$work/topic-b"
cpu_ms > "$work/cpu-before"
ingest_all "Relay edited again" UPDATED
cpu_ms > "$work/cpu-after"
held_cpu=$(cpu_between "$work/cpu-before" "$work/cpu-after")
outbox=$(psql_on content -At -c "SELECT count(*) FROM outbox_event")
read -r early _ < <(ours_seen "$work/topic-b")
cpu_ms > "$work/cpu-before"
view_watch "Relay edited again" > "$work/view-b" &
watch_pid=$!
released=$(now_ms)
release_relay
partner=$(token "$partner_client" "$partner_secret")
call 200 POST "$gateway/api/v1/content/$behind/retire" "$partner" > /dev/null
retired=$(now_ms)
while true; do
  curl -sf -o "$work/guide" -H "Authorization: Bearer $operator" "$behind_guide" || { echo "the guide failed" >&2; exit 1; }
  behind_ms=$(( $(now_ms) - retired ))
  grep -q "$behind" "$work/guide" || break
  (( behind_ms > 300000 )) && { echo "  the guide still lists $behind 5 minutes after its retirement" >&2; break; }
  sleep 0.1
done
all_seen "$work/topic-b"
cpu_ms > "$work/cpu-after"
wait "$watch_pid" || true; watch_pid=
view_b=$(view_lag "$work/view-b")
drain_rate=$(per_second "$seen" "$released" "$last_seen")
sent_rate=$(per_second "$seen" "$first_sent" "$last_sent")
echo "    $written edits written in $(seconds "$writes_started" "$writes_ended") s: $(per_second "$written" "$writes_started" "$writes_ended") events/s;" \
  "the outbox then held $outbox events ($early of ours published meanwhile)"
echo "    CPU during the writes: $held_cpu"
(( early == 0 )) || echo "    NOTE: the relay published while held off: the lock ($relay_lock) is not OutboxRelay's, the rate below is not from a backlog"
echo "    released: $seen on the topic ($distinct distinct ids), the last $(seconds "$released" "$last_seen") s after: $drain_rate events/s" \
  "(the records' own timestamps, first to last: $sent_rate events/s)"
echo "    CPU from the release to the last event and the heal: $(cpu_between "$work/cpu-before" "$work/cpu-after")"
echo "    schedule-service's view held them all $view_b ms after the last was on the topic"
echo "    a programme retired as the relay was released, behind the backlog: gone from the guide $behind_ms ms after (part 1's bar: 10 s)"
figure "change to healed guide behind a backlog of $seen events (one retirement as the relay is released)" "$behind_ms" ms \
  --bar "within 10 s" --at-most "$heal_bar_ms"
figure "schedule-service's view held a backlog's $seen events, after the last was on the topic" "$view_b" ms
figure "events through the outbox relay from a backlog ($seen waiting, release to last on the topic)" "$drain_rate" events/s \
  --ratio "$(ratio "$drain_rate" "$write_rate")" --ratio-to "the edits' own pace ($write_rate events/s)"
lost=$((lost + written - distinct)) duplicated=$((duplicated + seen - distinct))
echo "  of the $((2 * written)) events: $lost missing from the topic, $duplicated on it more than once"
figure "events missing from the topic (of $((2 * written)))" "$lost" events --bar "loses nothing" --at-most 0
figure "events on the topic more than once (re-published; consumers skip them by id)" "$duplicated" events

# ---------------------------------------------------------------------------------------------
echo
echo "3. A week's validation: the local view against the HTTP version it replaces ($http_commit)"
admin=$(token suite-admin suite-admin-secret); operator=$(token suite-operator suite-operator-secret)
partner=$(token "$partner_client" "$partner_secret")

# schedule-service as it was before the view, packaged once from a worktree of its commit
http_app=target/benchmarks/schedule-service-$http_commit/quarkus-app
if [ ! -f "$http_app/quarkus-run.jar" ]; then
  worktree=$(mktemp -d /tmp/events-bench-worktree.XXXXXX)
  git worktree add --quiet --detach "$worktree" "$http_commit"
  echo "  packaging schedule-service at $http_commit in $worktree (once: kept in $http_app)"
  (cd "$worktree" && flock /tmp/mvn.lock ./mvnw -B -ntp -o -q package -DskipTests -pl schedule-service -am) > "$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log" >&2; echo "packaging schedule-service at $http_commit failed" >&2; exit 1; }
  mkdir -p "$(dirname "$http_app")"
  rm -rf "$http_app"
  cp -r "$worktree/schedule-service/target/quarkus-app" "$http_app"
  git worktree remove --force "$worktree"
  worktree=
fi

# Two weeks: one like a demo channel's, made of the benchmark partner's items, which the view holds
# (their events made it), so validation reads it alone; and the first demo channel's, whose items
# were made at the suite's first start: if that was before the view existed, no event has told it
# of them, and validation asks content-service about each one as before
week_ids=$(for ((n = 0; n < week_items; n++)); do
  approved_item "events-week-$slug-$n" "Events week $n" $(( (5 + n * 7 % 37) * 60 ))
done | jq -R . | jq -sc .)
week_json=$(jq -n --arg slug "events-week-$slug.bench.example" --arg zone "$zone" --arg territory "$territory" \
  --argjson fillers "$week_ids" '{slug: $slug, name: "Bench events week", timeZone: $zone, territories: [$territory],
  fillerContentIds: $fillers}')
in_view $(jq -r '.[]' <<< "$week_ids") > /dev/null
week_channel=$(call 201 POST "$gateway/api/v1/channels" "$operator" "$week_json" | jq -r .id)
call 200 POST "$gateway/api/v1/channels/$week_channel/fill?from=$(iso "$day_start")&to=$(iso $((day_start + 7 * 86400)))" \
  "$operator" > /dev/null
demo_slug=abn-247.hk.example
read -r demo_channel demo_zone < <(psql_on schedule -At -F ' ' -c "SELECT id, time_zone FROM channel WHERE slug = '$demo_slug'")
[ -n "$demo_channel" ] || { echo "no demo channel $demo_slug: ./suite makes it" >&2; exit 1; }
demo_from=$(date -u -d "TZ=\"$demo_zone\" $(TZ=$demo_zone date +%F) 00:00" +%s)
# "<channel id> <from> <to> <name>" a line
cat > "$work/weeks" <<WEEKS
$week_channel $(iso "$day_start") $(iso $((day_start + 7 * 86400))) events-week
$demo_channel $(iso "$demo_from") $(iso $((demo_from + 7 * 86400))) $demo_slug
WEEKS
# what the view holds of a week's items, approved and with their partner: "<slots> <items> <held by the view>"
week_counts() { # channel from to
  psql_on schedule -At -F ' ' -c "SELECT count(*), count(DISTINCT s.content_id), count(DISTINCT v.id) FROM slot s
    LEFT JOIN content_view v ON v.id = s.content_id AND v.status = 'APPROVED'
      AND EXISTS (SELECT 1 FROM partner_view p WHERE p.id = v.partner_id)
    WHERE s.channel_id = '$1' AND s.start_at < '$3' AND s.end_at > '$2'"
}

# its database: the schema its own migrations make, with the two channels and their slots copied in
# (CREATE DATABASE ... TEMPLATE needs the suite's service off the database; this machine's pg_dump is
# older than the suite's PostgreSQL)
http_db=schedule_http_$$
psql_on postgres -c "CREATE DATABASE $http_db"
suite_args=()
while IFS= read -r -d '' arg; do suite_args+=("$arg"); done < "/proc/$suite_schedule_pid/cmdline"
mapfile -d '' -t suite_env < "/proc/$suite_schedule_pid/environ"
http_port=$(free_port); http_management_port=$(free_port)
args=()
for arg in "${suite_args[@]}"; do
  case $arg in
    -Dquarkus.http.port=*) args+=("-Dquarkus.http.port=$http_port") ;;
    -Dquarkus.management.port=*) args+=("-Dquarkus.management.port=$http_management_port") ;;
    -Dquarkus.datasource.jdbc.url=* | -Dquarkus.datasource.reactive.url=*) args+=("${arg%/schedule}/$http_db") ;;
    # the suite's class archive is of its own jar
    -XX:SharedArchiveFile=* | -XX:ArchiveClassesAtExit=* | -XX:AOTCache=* | -XX:AOTCacheOutput=*) ;;
    */schedule-service/target/quarkus-app/quarkus-run.jar) args+=("$http_app/quarkus-run.jar") ;;
    *) args+=("$arg") ;;
  esac
done
env -i "${suite_env[@]}" "${args[@]}" > "$work/http-schedule.log" 2>&1 &
http_pid=$!
for ((i = 0; i < 1200; i++)); do
  curl -sf -o /dev/null "http://127.0.0.1:$http_management_port/q/health/ready" && break
  kill -0 "$http_pid" 2>/dev/null || { tail -30 "$work/http-schedule.log" >&2; echo "schedule-service $http_commit exited" >&2; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "http://127.0.0.1:$http_management_port/q/health/ready" \
  || { echo "schedule-service $http_commit was not ready in 2 minutes" >&2; exit 1; }
channels="'$week_channel', '$demo_channel'"
channel_columns=id,slug,name,time_zone,territories,filler_content_ids,status,version,created_at
slot_columns=id,channel_id,content_id,kind,title,partner_id,age_rating,start_at,end_at,version,created_at,cut
psql_on schedule -c "\\copy (SELECT $channel_columns FROM channel WHERE id IN ($channels)) TO STDOUT" \
  | psql_on "$http_db" -c "\\copy channel ($channel_columns) FROM STDIN"
psql_on schedule -c "\\copy (SELECT $slot_columns FROM slot WHERE channel_id IN ($channels)) TO STDOUT" \
  | psql_on "$http_db" -c "\\copy slot ($slot_columns) FROM STDIN"
psql_on "$http_db" -c "ANALYZE"
echo "  schedule-service $http_commit on port $http_port (pid $http_pid), database $http_db with the two channels' slots"

validate() { # base-url channel from to: the milliseconds to the whole answer (in $work/validation)
  local seconds
  seconds=$(curl -sf -o "$work/validation" -w '%{time_total}' -H "Authorization: Bearer $operator" \
    "$1/api/v1/channels/$2/validation?from=$3&to=$4") || { echo "the validation at $1 failed" >&2; exit 1; }
  awk -v s="$seconds" 'BEGIN {printf "%.1f\n", s * 1000}'
}
operator=$(token suite-operator suite-operator-secret)
while read -r channel_id from to name; do
  read -r slots items held < <(week_counts "$channel_id" "$from" "$to")
  echo "  $name, $from to $to: $slots slots of $items distinct items, $held of them in the view"
  : > "$work/view"; : > "$work/http"
  for ((n = -3; n < runs; n++)); do  # alternately, so that both see the same load; 3 warm-up rounds
    view_ms=$(validate "$schedule" "$channel_id" "$from" "$to"); view_findings=$(jq '.findings | length' "$work/validation")
    http_ms=$(validate "http://127.0.0.1:$http_port" "$channel_id" "$from" "$to"); http_findings=$(jq '.findings | length' "$work/validation")
    (( n < 0 )) && continue
    echo "$view_ms" >> "$work/view"; echo "$http_ms" >> "$work/http"
  done
  [ "$view_findings" = "$http_findings" ] \
    || echo "  NOTE: the two disagree: $view_findings findings from the view, $http_findings over HTTP"
  view_median=$(percentile 50 < "$work/view"); http_median=$(percentile 50 < "$work/http")
  echo "    local view: median $view_median ms of $runs (min $(percentile 0 < "$work/view"), max $(percentile 100 < "$work/view")), $view_findings findings"
  echo "    over HTTP:  median $http_median ms of $runs (min $(percentile 0 < "$work/http"), max $(percentile 100 < "$work/http")), $http_findings findings"
  echo "    the view's time is $(ratio "$view_median" "$http_median")x the HTTP version's ($(ratio "$http_median" "$view_median")x as fast)"
  what="a week's validation ($name: $slots slots, $items items, $held in the view)"
  figure "$what with the local view, median of $runs" "$view_median" ms \
    --ratio "$(ratio "$view_median" "$http_median")" --ratio-to "the HTTP version it replaces ($http_commit, $http_median ms)"
  figure "$what over HTTP, two calls per item ($http_commit), median of $runs" "$http_median" ms
done < "$work/weeks"
