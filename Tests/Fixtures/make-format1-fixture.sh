#!/bin/sh
# Makes the format-1 journal fixture with the binary of the release before journal format 2
# (commit 1ab39af), through the CLI as a patient, a clinician and the reminder job use it.
# Usage: make-format1-fixture.sh OLD_PAINLADDER_BINARY
# Writes format1-journal.sql and format1-expected/*.json beside this script (see README.md).
# Kept for the record and to remake the fixture; no target runs it.
set -eu
old=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
db=$work/format1.sqlite
trap 'rm -rf "$work"' EXIT

# pl USER NOW ARGS…: one command as USER at the instant NOW (UTC), stopping at any failure.
pl() {
    user=$1 now=$2
    shift 2
    PAINLADDER_USER=$user "$old" "$@" --db "$db" --now "$now" >"${PL_LOG:-/dev/null}"
}

# P001 (Europe/London), amitriptyline from 2026-03-02: 10 mg at 22:00, +10 mg weekly.
pl dr.rao 2026-03-01T09:00:00Z patient add P001 --name "Ann O'Neill \"Annie\"; née Müller" --born 1958-04-12 \
    --sex female --tz Europe/London --diagnosis diabetic-peripheral-neuropathy --weight 68 \
    --creatinine 88 --creatinine-unit umol/L
pl ann 2026-03-01T09:10:00Z pain P001 7 --sleep 6 --impact "can't walk to the shop — 5 min max"      #1 before any course
pl dr.rao 2026-03-01T09:30:00Z start P001 amitriptyline --on 2026-03-02 --by "Dr Rao"
pl ann 2026-03-02T22:06:00Z take P001 --at "2026-03-02 22:05"                                    #2 on time
pl ann 2026-03-04T01:11:00Z take P001 --at "2026-03-04 01:10"                                    #3 late, 03-03 slot
pl ann 2026-03-04T22:01:00Z take P001 --at "2026-03-04 22:00" --note 'said "only one" — naïve café ☕'  #4
pl ann 2026-03-04T23:01:00Z take P001 --at "2026-03-04 23:00"                                    #5 extra
pl ann 2026-03-05T22:30:00Z skip P001 --at "2026-03-05 22:00" --reason 'felt sick; "too woozy"'   #6
pl ann 2026-03-06T22:05:00Z take P001 --at "2026-03-06 22:00"                                    #7
pl ann 2026-03-06T23:35:00Z take P001 --at "2026-03-06 23:30" --dose 75 --note "took the 50s by mistake"  #8 extra above max
pl ann 2026-03-07T09:00:00Z side-effect P001 drowsiness --severity mild --since 2026-03-03        #9 known
pl ann 2026-03-07T09:05:00Z side-effect P001 "metallic taste ‘like coins’" --severity mild        #10 unknown
pl ann 2026-03-07T22:10:00Z take P001 --at "2026-03-07 22:00"                                    #11
pl ann 2026-03-08T08:00:00Z side-effect P001 "pounding heart" --severity moderate               #12 red flag, holds
pl ann 2026-03-08T08:10:00Z pain P001 5 --sleep 4 --impact "slept through twice"                 #13
pl ann 2026-03-08T08:12:00Z impression P001 3                                                      #14
pl ann 2026-03-08T08:20:00Z assess P001 --pattern constant --onset gradual --with-new-symptoms no \
    --eases heat --eases rest --worsens walking --happened-before yes --felt-same yes \
    --stops "can sit for only 20 minutes" --character burning --character tingling --one-sided-facial no  #15
pl ann 2026-03-08T22:05:00Z take P001 --at "2026-03-08 22:00"                                    #16
pl ann 2026-03-09T09:00:00Z side-effect P001 --resolved 9                                         #17
pl ann 2026-03-09T09:05:00Z correct 13 --score 6 --sleep 5 --reason "typed 5 by mistake"          #18
pl ann 2026-03-09T09:06:00Z undo 10 --reason "recorded twice"                                     #19
pl ann 2026-03-09T09:07:00Z correct 4 --dose 20 --reason "took two tablets, not one"               #20
pl dr.rao 2026-03-10T10:00:00Z decide P001 continue --by "Dr Rao" --reason "palpitations settled; ECG normal"
pl ann 2026-03-10T22:04:00Z take P001 --at "2026-03-10 22:00"                                    #21
pl ann 2026-03-12T08:00:00Z correct 12 --severity severe --reason "it was worse than I said"      #22

# P002 (Europe/London, then America/New_York), gabapentin from 2026-03-02 (100 mg at 22:00,
# twice a day from 03-09), switched to pregabalin: gabapentin tapers from 03-12, pregabalin
# starts when the taper ends.
pl nurse.lee 2026-03-01T10:00:00Z patient add P002 --born 1949-11-30 --sex male --tz Europe/London \
    --diagnosis post-herpetic-neuralgia --crcl 65
pl nurse.lee 2026-03-01T10:10:00Z start P002 gabapentin --on 2026-03-02 --by "Nurse Lee"
pl bob 2026-03-02T12:00:00Z pain P002 8 --sleep 7 --baseline --at "2026-03-02 11:30"            #23 baseline
pl bob 2026-03-02T22:06:00Z take P002 --at "2026-03-02 22:05"                                    #24
pl bob 2026-03-03T22:30:00Z skip P002 --at "2026-03-03 22:00" --reason "fell asleep early"        #25
# The reminder job finds the 03-04 22:00 slot's window closed with nothing recorded: "missed".
pl painladder 2026-03-05T01:00:00Z remind                                                          #26
pl bob 2026-03-05T08:30:00Z take P002 --at "2026-03-05 00:30"                                    #27 late, wins over #26
pl bob 2026-03-05T09:00:00Z side-effect P002 dizziness --severity mild                            #28
pl nurse.lee 2026-03-06T15:00:00Z patient update P002 --tz America/New_York --reason "moved to live with daughter"
pl bob 2026-03-07T03:05:00Z take P002 --at "2026-03-06 22:00"                                    #29 22:00 New York
pl bob 2026-03-09T13:10:00Z take P002 --at "2026-03-09 08:05"                                    #30
pl bob 2026-03-10T01:00:00Z take P002 --at "2026-03-09 20:00"                                    #31
pl bob 2026-03-10T12:00:00Z impression P002 5                                                      #32
pl dr.rao 2026-03-12T15:00:00Z decide P002 switch pregabalin --sequential --outcome not-effective --by "Dr Rao" \
    --reason "no benefit; dizzy"
pl bob 2026-03-13T03:05:00Z take P002 --drug gabapentin --at "2026-03-12 22:00"                 #33 tapering
pl bob 2026-03-19T12:10:00Z take P002 --drug pregabalin --at "2026-03-19 08:00"                 #34
pl bob 2026-03-19T14:00:00Z side-effect P002 "swollen lips" --severity moderate --drug pregabalin --note "after breakfast"  #35
pl bob 2026-03-19T14:30:00Z pain P002 6 --sleep 5 --at "2026-03-19 09:00"                        #36

# The fixture: the dump, with the application id first (a header field `.dump` does not carry).
{
    cat <<'EOF'
-- A PainLadder database as release 1ab39af (journal format 1) wrote it: every journal row's
-- `detail` is the whole entry. Two patients, P001 on amitriptyline and P002 switched from
-- gabapentin to pregabalin, with entries of every kind, corrections and undos, a red flag,
-- a hold, decisions and a time-zone move. Made by make-format1-fixture.sh (see README.md)
-- and `sqlite3 format1.sqlite .dump`; the application id ("PLDR") is set first by hand.
PRAGMA application_id = 1347175506;
EOF
    sqlite3 "$db" .dump
} > "$here/format1-journal.sql"

# What the old binary shows: the expectation the current build must meet on the same data.
mkdir -p "$here/format1-expected"
for p in P001 P002; do
    PAINLADDER_USER=reader "$old" history "$p" --json --db "$db" --now 2026-03-20T12:00:00Z \
        > "$here/format1-expected/history-$p.json"
    PAINLADDER_USER=reader "$old" review "$p" --json --db "$db" --now 2026-03-20T12:00:00Z \
        > "$here/format1-expected/review-$p.json"
done
