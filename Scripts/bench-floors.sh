# Sourced by Scripts/bench.sh: the least SQL that answers what `take`, `today` and `review`
# are asked, for one patient at one instant, and instruction counts (callgrind).
#
# Each floor is the least work the question needs on the same file, run as a whole `sqlite3`
# process, not the product's design written in SQL:
#   take    one journal insert and its audit row, one IMMEDIATE transaction, synchronous=FULL,
#           foreign keys on (the product also reads the few days around the dose to match its slot);
#   today   the patient, the course in progress, its plan versions in force from yesterday on,
#           the zones and the journal of yesterday, today and tomorrow;
#   review  what the screen shows: patient, courses, plan versions, zones, the last 28 days of
#           doses, the baseline and last week's pain, open side effects, and the whole-course
#           figures (weekly pain means, doses by kind and plan version, side effects by step) as
#           aggregates inside SQLite. It uses an index on journal_entry(patient_id, kind, at)
#           that the product does not have: write_floors adds it to the clinic (a stricter floor).

# write_floors DB PATIENT NOW DIR: writes DIR/take.sql, DIR/today.sql, DIR/review.sql.
write_floors() {
    local db=$1 patient=$2 now=$3 dir=$4
    local today yesterday tomorrow d28 d7 at
    read -r today yesterday tomorrow d28 d7 at < <(python3 -c "
import datetime as d, sys
now = d.datetime.fromisoformat(sys.argv[1].replace('Z', '+00:00'))
day = lambda n: (now + d.timedelta(days=n)).strftime('%Y-%m-%d')
print(day(0), day(-1), day(1), day(-28), day(-7), (now - d.timedelta(minutes=1)).strftime('%Y-%m-%dT%H:%M:%S.000Z'))" "$now")
    sqlite3 "$db" "CREATE INDEX IF NOT EXISTS journal_by_patient_kind_at ON journal_entry(patient_id, kind, at)"
    # The course in progress and its first day, looked up once (as the command's own reads would).
    local course start
    read -r course start < <(sqlite3 -separator ' ' "$db" "SELECT id, start_date FROM course
        WHERE patient_id = '$patient' AND status <> 'stopped' ORDER BY id DESC LIMIT 1")
    start="'$start'"
    cat > "$dir/take.sql" <<SQL
PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;
BEGIN IMMEDIATE;
INSERT INTO journal_entry (patient_id, course_id, plan_version_id, kind, at, recorded_at, recorded_by, dose_mg, detail)
  SELECT '$patient', c.id, (SELECT max(id) FROM plan_version WHERE course_id = c.id), 'extra', '$at', '$at', 'floor', 100,
         '{"dose":{"late":false}}'
  FROM course c WHERE c.id = $course;
INSERT INTO audit (at, actor, action, patient_id, course_id, detail)
  VALUES ('$at', 'floor', 'journal.extra', '$patient', $course, '{"entry":' || last_insert_rowid() || ',"supersedes":0}');
COMMIT;
SQL
    cat > "$dir/today.sql" <<SQL
SELECT * FROM patient WHERE id = '$patient';
SELECT * FROM course WHERE patient_id = '$patient' AND status <> 'stopped' ORDER BY id DESC;
SELECT v.* FROM plan_version v WHERE v.course_id = $course
   AND v.version >= COALESCE((SELECT max(version) FROM plan_version WHERE course_id = $course AND effective_from < '$yesterday'), 0)
 ORDER BY v.version;
SELECT from_date, zone FROM patient_zone WHERE patient_id = '$patient';
SELECT id, kind, at, slot_date, slot_time, dose_mg, supersedes, detail FROM journal_entry
 WHERE patient_id = '$patient' AND slot_date BETWEEN '$yesterday' AND '$tomorrow';
SQL
    cat > "$dir/review.sql" <<SQL
SELECT * FROM patient WHERE id = '$patient';
SELECT * FROM course WHERE patient_id = '$patient' ORDER BY start_date, id;
SELECT v.id, v.course_id, v.version, v.effective_from, v.hold_reason, v.next_review_date, v.overrides, v.schedule, v.decision
  FROM plan_version v JOIN course c ON c.id = v.course_id WHERE c.patient_id = '$patient' ORDER BY v.course_id, v.version;
SELECT from_date, zone FROM patient_zone WHERE patient_id = '$patient';
-- the last 28 days of doses of the course in progress, without superseded entries
SELECT j.id, j.kind, j.slot_date, j.slot_time, j.at, j.dose_mg, j.supersedes FROM journal_entry j
 WHERE j.course_id = $course AND j.slot_date >= '$d28' AND NOT EXISTS (SELECT 1 FROM journal_entry u WHERE u.supersedes = j.id);
-- pain: the last score on or before the course's start (baseline) and the last 7 days
SELECT j.id, j.at, j.detail FROM journal_entry j WHERE j.patient_id = '$patient' AND j.kind = 'pain'
   AND j.at <= $start || 'T23:59:59.999Z' ORDER BY j.at DESC LIMIT 1;
SELECT j.id, j.at, j.detail FROM journal_entry j WHERE j.patient_id = '$patient' AND j.kind = 'pain' AND j.at >= '$d7'
   AND NOT EXISTS (SELECT 1 FROM journal_entry u WHERE u.supersedes = j.id);
-- open side effects: reports with no resolution
SELECT j.id, j.at, j.course_id, j.detail FROM journal_entry j WHERE j.patient_id = '$patient' AND j.kind = 'side-effect'
   AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.patient_id = '$patient' AND r.kind = 'side-effect-resolved'
                   AND json_extract(r.detail, '$.sideEffect.resolves') = j.id);
-- whole-course figures, aggregated inside SQLite: weekly pain means, doses by kind and plan version, side effects by step
SELECT CAST((julianday(substr(j.at, 1, 10)) - julianday($start)) / 7 AS INTEGER) AS week,
       avg(json_extract(j.detail, '$.pain.score')), count(*)
  FROM journal_entry j WHERE j.patient_id = '$patient' AND j.kind = 'pain' AND j.at >= $start GROUP BY 1;
SELECT j.kind, j.plan_version_id, count(*)
  FROM journal_entry j WHERE j.course_id = $course AND j.slot_date IS NOT NULL GROUP BY 1, 2;
SELECT json_extract(j.detail, '$.sideEffect.stepNumber') AS step, count(*)
  FROM journal_entry j WHERE j.patient_id = '$patient' AND j.kind = 'side-effect' AND j.course_id = $course GROUP BY 1;
SQL
}

# instructions COMMAND…: millions of instructions the whole process executes (callgrind's
# total: the same for the same binary and input whatever else the machine is doing).
# A statically linked Swift binary's DWARF stops valgrind's reader, so pass a copy without
# debug information (objcopy --strip-debug: the same code).
instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | awk '{printf "%.1f", $1 / 1e6}'
}
