#!/usr/bin/env bash
# PainLadder benchmark: a synthetic clinic against raw SQLite, side by side.
#
#   Scripts/bench.sh                 # 1,000 and 10,000 patients
#   Scripts/bench.sh 1000            # one size
#
# Environment:
#   BENCH_DIR   where the clinics and results go (default .build/bench; ~2 GB per 1,000 patients,
#               and twice that free while a clinic is written: the load is one WAL transaction)
#   SCRATCH     the release build folder (default .build-release; built with --static-swift-stdlib)
#   RUNS        timed runs per command (default 30; medians are reported)
#   SKIP_BUILD  set to 1 to use the binaries already in $SCRATCH/release
#   REGENERATE  set to 1 to write the clinics again even if they exist
#   HISTORY     years of one patient's history to compare (default "1 5"; empty to skip): a
#               50-patient clinic per length, take/today/review of $PATIENT on each
#
# take repeats one dose many times, so it passes --confirm (a daily total above the
# maximum asks for it). Every figure is a whole process, timed by hyperfine (median of $RUNS warm runs), next to
# its floor measured in the same run: for take, today and review the least SQL that answers
# the question (Scripts/bench-floors.sh), for remind the sqlite3 shell doing the same reads,
# and a process that only starts (`sqlite3 :memory: 'select 1'`). take, today and review
# also report instructions (callgrind), which do not depend on the machine's load: wall
# times on a busy machine are noise. See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-.build/bench}
SCRATCH=${SCRATCH:-.build-release}
RUNS=${RUNS:-30}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
NOW=2026-03-20T12:30:00Z            # the generated history ends at 12:00 UTC that day
PATIENT=P000042                     # a patient with two years of history
mkdir -p "$BENCH_DIR"
RESULTS="$BENCH_DIR/results.md"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine; then
    echo "installing hyperfine (Debian package)…" >&2
    apt-get install -y hyperfine >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
fi
need sqlite3 || { echo "bench: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 69; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    # Statically linked, as README says to install it (start-up without loading Swift libraries).
    swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" >&2
fi
BIN="$SCRATCH/release"
PL="$BIN/painladder"
GEN="$BIN/painladder-bench"
# shellcheck source=Scripts/bench-floors.sh
. Scripts/bench-floors.sh
need valgrind || { apt-get install -y valgrind >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y valgrind >/dev/null; }; }
PL_CALLGRIND="$BIN/painladder-callgrind"      # the same code without DWARF (see instructions())
objcopy --strip-debug "$PL" "$PL_CALLGRIND"

# Median wall time in ms of a command line, from hyperfine's JSON.
median_ms() {   # name, command…
    local name=$1; shift
    hyperfine -N --style none --warmup 3 --runs "$RUNS" --export-json "$BENCH_DIR/$name.json" "$@" >/dev/null 2>&1 \
        || hyperfine --style none --warmup 3 --runs "$RUNS" --export-json "$BENCH_DIR/$name.json" "$@" >/dev/null
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print('%.2f' % (r['median']*1000))" "$BENCH_DIR/$name.json"
}
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%.2f' % (a/b))" "$1" "$2"; }
# Judged on the unrounded ratio: 3.04 is not within 3.
verdict() { python3 -c "import sys; a,b,t=map(float,sys.argv[1:4]); print('yes' if a/b <= t else 'NO')" "$1" "$2" "$3"; }

{
    echo "## Machine"
    echo
    echo "- $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
    echo "- $(swift --version 2>&1 | head -1)"
    echo "- SQLite $(sqlite3 --version | cut -d' ' -f1), hyperfine $(hyperfine --version | cut -d' ' -f2)"
    echo "- disk: $(df -h "$BENCH_DIR" | awk 'NR==2 {print $4 " free of " $2}')"
    echo "- $(date -u +%Y-%m-%dT%H:%MZ), $RUNS runs per figure (median)"
    echo
} | tee "$RESULTS"

# Raw SQLite's bulk rate, two ways, on 5 million rows in one transaction into a new file with
# a rollback journal (as the generator loads a new clinic: each page written once) and the
# indexes built afterwards: (a) simple rows; (b) PainLadder's own journal rows (same schema,
# CHECK constraints and foreign keys), copied from the first clinic — what the generator's
# writes would cost with no Swift at all.
raw_simple() {
    local db="$BENCH_DIR/raw-simple.sqlite"; rm -f "$db" "$db-wal" "$db-shm"
    local start end
    start=$(date +%s.%N)
    sqlite3 "$db" "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA cache_size=-262144;
        CREATE TABLE dose (id INTEGER PRIMARY KEY, patient TEXT NOT NULL, at TEXT NOT NULL, mg INTEGER, note TEXT);
        BEGIN; INSERT INTO dose (patient, at, mg, note)
          SELECT printf('P%06d', value % 10000), printf('2026-03-%02dT22:%02d:00.000Z', value % 28 + 1, value % 60), 100, NULL
          FROM generate_series(1, 5000000);
        CREATE INDEX dose_by_patient ON dose(patient, id); COMMIT;" >/dev/null
    end=$(date +%s.%N)
    rm -f "$db" "$db-wal" "$db-shm"
    python3 -c "import sys; print(int(5000000/(float(sys.argv[2])-float(sys.argv[1]))))" "$start" "$end"
}

raw_same_rows() {   # source clinic
    local src=$1 db="$BENCH_DIR/raw-copy.sqlite"; rm -f "$db" "$db-wal" "$db-shm"
    sqlite3 "$src" "SELECT sql || ';' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'" > "$BENCH_DIR/schema.sql"
    sqlite3 "$src" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('journal_entry', 'audit')" > "$BENCH_DIR/indexes.sql"
    sqlite3 "$db" < "$BENCH_DIR/schema.sql"
    local rows start end
    rows=$(sqlite3 "$src" "SELECT (SELECT count(*) FROM journal_entry WHERE id <= 2500000) + (SELECT count(*) FROM audit WHERE id <= 2500000)")
    start=$(date +%s.%N)
    sqlite3 "$db" "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-262144; PRAGMA threads=2;
        ATTACH '$src' AS src; BEGIN;
        INSERT INTO patient SELECT * FROM src.patient; INSERT INTO course SELECT * FROM src.course;
        INSERT INTO plan_version SELECT * FROM src.plan_version;
        INSERT INTO journal_entry SELECT * FROM src.journal_entry WHERE id <= 2500000;
        INSERT INTO audit SELECT * FROM src.audit WHERE id <= 2500000;
        $(cat "$BENCH_DIR/indexes.sql") COMMIT;" >/dev/null
    end=$(date +%s.%N)
    rm -f "$db" "$db-wal" "$db-shm"
    python3 -c "import sys; print(int(int(sys.argv[1])/(float(sys.argv[3])-float(sys.argv[2]))))" "$rows" "$start" "$end"
}

for N in "${SIZES[@]}"; do
    DB="$BENCH_DIR/clinic-$N.sqlite"
    echo "## $N patients" | tee -a "$RESULTS"
    echo | tee -a "$RESULTS"
    if [ ! -s "$DB" ] || [ "${REGENERATE:-0}" = 1 ]; then
        need_gb=$(( N * 4 / 1000 + 1 ))
        free_gb=$(df -BG --output=avail "$BENCH_DIR" | tail -1 | tr -dc 0-9)
        if [ "$free_gb" -lt "$need_gb" ]; then
            echo "- skipped: $N patients need about $need_gb GB free while loading, $free_gb GB available" | tee -a "$RESULTS"
            continue
        fi
        rm -f "$DB" "$DB-wal" "$DB-shm"
        /usr/bin/time -v "$GEN" generate --db "$DB" --patients "$N" --json > "$BENCH_DIR/generate-$N.json" 2> "$BENCH_DIR/generate-$N.time"
    fi
    # Open once with this build (it applies any newer migration) and warm the file cache.
    "$PL" patient show "$PATIENT" --db "$DB" >/dev/null
    cat "$DB" > /dev/null 2>&1 || true

    journal=$(sqlite3 "$DB" "SELECT count(*) FROM journal_entry WHERE patient_id = '$PATIENT'")
    doses=$(sqlite3 "$DB" "SELECT count(*) FROM journal_entry WHERE kind IN ('taken', 'skipped', 'extra')")
    size=$(du -h "$DB" | cut -f1)
    echo "- file $size; $doses dose entries; $PATIENT has $journal journal entries" | tee -a "$RESULTS"

    # take, today and review: their least-work floors are in Scripts/bench-floors.sh.
    # remind's floor: the doses due now (2 h late window, 15 min lead) from the indexed table
    # of upcoming slots (v7-slots), not yet recorded or handed out, and the unconfirmed ones.
    read -r due_from due_to < <(python3 -c "
import datetime as d, sys
now = d.datetime.fromisoformat(sys.argv[1].replace('Z', '+00:00'))
f = lambda t: t.strftime('%Y-%m-%dT%H:%M:%S.000Z')
print(f(now - d.timedelta(hours=2)), f(now + d.timedelta(minutes=15)))" "$NOW")
    remind_sql="SELECT key FROM reminder_sent WHERE confirmed = 0 AND withdrawn_at IS NULL;
        SELECT 'dose:c' || s.course_id || ':' || s.slot_date || 'T' || s.slot_time AS key, c.patient_id, s.due_at, s.dose_mg
        FROM dose_slot s JOIN course c ON c.id = s.course_id
        WHERE s.status = 'open' AND s.due_at BETWEEN '$due_from' AND '$due_to'
          AND NOT EXISTS (SELECT 1 FROM reminder_sent r WHERE r.key = 'dose:c' || s.course_id || ':' || s.slot_date || 'T' || s.slot_time);"

    write_floors "$DB" "$PATIENT" "$NOW" "$BENCH_DIR"
    echo "$remind_sql" > "$BENCH_DIR/remind.sql"

    start_floor=$(median_ms "start-$N" "sqlite3 :memory: 'select 1'")
    swift_start=$(median_ms "swift-start-$N" "$PL --version")
    # take, today, review: wall time and instructions, each next to its least-work floor.
    patient_rows="| process start only (\`--version\` / \`select 1\`) | $swift_start | $start_floor | $(ratio "$swift_start" "$start_floor") | $(instructions "$PL_CALLGRIND" --version) | $(instructions sqlite3 :memory: 'select 1') | – | – | – |"$'\n'
    for cmd in take today review; do
        args="$cmd $PATIENT --db $DB --now $NOW"; [ "$cmd" = take ] && args="take $PATIENT --confirm --db $DB --now $NOW"
        ms=$(median_ms "$cmd-$N" "$PL $args")
        floor_ms=$(median_ms "$cmd-floor-$N" "sqlite3 $DB '.read $BENCH_DIR/$cmd.sql'")
        mi=$(instructions "$PL_CALLGRIND" $args)
        floor_mi=$(instructions sqlite3 "$DB" ".read $BENCH_DIR/$cmd.sql")
        target="≤ 2"; met=$(verdict "$mi" "$floor_mi" 2); [ "$cmd" = today ] && { target="–"; met="–"; }
        patient_rows+="| \`$cmd\` | $ms | $floor_ms | $(ratio "$ms" "$floor_ms") | $mi | $floor_mi | $(ratio "$mi" "$floor_mi") | $target | $met |"$'\n'
    done
    # remind: the first run hands out what is due (measured once, below); the timed runs are
    # the steady state of a cron job, every run after it at the same --now.
    first_remind_ms=$( { /usr/bin/time -f "%e" "$PL" remind --db "$DB" --now "$NOW" > "$BENCH_DIR/remind-first-$N.txt"; } 2>&1 | tail -1)
    remind=$(median_ms "remind-$N" "$PL remind --db $DB --now $NOW")
    remind_dry=$(median_ms "remind-dry-$N" "$PL remind --dry-run --db $DB --now $NOW")
    remind_floor=$(median_ms "remind-floor-$N" "sqlite3 $DB '.read $BENCH_DIR/remind.sql'")
    rss_kb=$( { /usr/bin/time -v "$PL" remind --dry-run --db "$DB" --now "$NOW" >/dev/null; } 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')

    {
        echo "- reminders handed out by the first run: $(wc -l < "$BENCH_DIR/remind-first-$N.txt") lines in ${first_remind_ms} s"
        echo
        echo "| command | PainLadder (ms) | floor: sqlite3, same SQL (ms) | ratio | target | met |"
        echo "|---|---:|---:|---:|---:|---|"
        echo "| process start only | $swift_start (\`painladder --version\`) | $start_floor (\`sqlite3 :memory: 'select 1'\`) | $(ratio "$swift_start" "$start_floor") | – | – |"
        echo "| \`remind\` all patients | $remind | $remind_floor | $(ratio "$remind" "$remind_floor") | ≤ 3 | $(verdict "$remind" "$remind_floor" 3) |"
        echo "| \`remind --dry-run\` | $remind_dry | $remind_floor | $(ratio "$remind_dry" "$remind_floor") | – | – |"
        echo
        echo "One patient ($PATIENT), each next to the least SQL that answers its question (Scripts/bench-floors.sh),"
        echo "wall time (median, ms) and instructions (callgrind, millions; the target is judged on these):"
        echo
        echo "| command | PainLadder (ms) | least-work floor (ms) | ratio | PainLadder (M instr.) | floor (M instr.) | ratio | target | met |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
        printf "%s" "$patient_rows"
        echo
        echo "- peak resident memory of \`remind --dry-run\`: $((rss_kb / 1024)) MB (target < 100 MB: $( [ "$rss_kb" -lt 102400 ] && echo met || echo NOT met))"
        if [ -s "$BENCH_DIR/generate-$N.json" ]; then
            python3 - "$BENCH_DIR/generate-$N.json" "$BENCH_DIR/generate-$N.time" <<'EOF'
import json, re, sys
r = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", t).group(1)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) // 1024
s = r["summary"]
print(f"- load: {s['rows']:,} rows ({s['doseEntries']:,} dose entries, {s['painEntries']:,} pain scores, "
      f"{s['sideEffects']:,} side effects, {s['planVersions']:,} plan versions) in {r['seconds']:.0f} s "
      f"(process wall {wall}, peak {rss} MB): **{r['rowsPerSecond']:,.0f} rows/s**")
EOF
        fi
        echo
    } | tee -a "$RESULTS"
done

# One patient's history, one year against five: the commands should not grow with it.
HISTORY=${HISTORY-1 5}
if [ -n "$HISTORY" ]; then
    {
        echo "## $PATIENT's history length (50-patient clinics, --years Y)"
        echo
        echo "| years | journal entries | take (M instr.) | today (M instr.) | review (M instr.) | take (ms) | today (ms) | review (ms) |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    } | tee -a "$RESULTS"
    for y in $HISTORY; do
        DB="$BENCH_DIR/history-${y}y.sqlite"
        if [ ! -s "$DB" ] || [ "${REGENERATE:-0}" = 1 ]; then
            rm -f "$DB" "$DB-wal" "$DB-shm"
            "$GEN" generate --db "$DB" --patients 50 --years "$y" --json > /dev/null
        fi
        "$PL" patient show "$PATIENT" --db "$DB" >/dev/null
        row="| $y | $(sqlite3 "$DB" "SELECT count(*) FROM journal_entry WHERE patient_id = '$PATIENT'")"
        for cmd in take today review; do
            args="$cmd $PATIENT --db $DB --now $NOW"; [ "$cmd" = take ] && args="take $PATIENT --confirm --db $DB --now $NOW"
            row+=" | $(instructions "$PL_CALLGRIND" $args)"
        done
        for cmd in take today review; do
            args="$cmd $PATIENT --db $DB --now $NOW"; [ "$cmd" = take ] && args="take $PATIENT --confirm --db $DB --now $NOW"
            row+=" | $(median_ms "history-$cmd-${y}y" "$PL $args")"
        done
        echo "$row |" | tee -a "$RESULTS"
    done
    echo | tee -a "$RESULTS"
fi

first=$(ls "$BENCH_DIR"/clinic-*.sqlite 2>/dev/null | head -1)
{
    echo "## Raw SQLite bulk load (one transaction into a new file, rollback journal, indexes built afterwards, synchronous FULL)"
    echo
    echo "- simple rows (5 M): $(raw_simple) rows/s"
    [ -n "$first" ] && echo "- PainLadder's own rows and schema (≈ 5 M journal and audit rows copied from $(basename "$first")): $(raw_same_rows "$first") rows/s"
    echo
} | tee -a "$RESULTS"
echo "results: $RESULTS" >&2
