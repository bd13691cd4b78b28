"""Re-imports PainLadder calendars the way a calendar app does, and expands them.

stdin: JSON {"zone": "Europe/London", "stages": [{"ics": PATH, "schedules": [schedule --json
documents] or null, "from": "YYYY-MM-DD", "days": N}, ...]}.

Each stage's calendar is imported over the previous ones: an event replaces the stored event
with its UID when its SEQUENCE is at least the stored one (RFC 5546 §2.1.5). The stored,
non-cancelled events are then expanded with `recurring-ical-events` over the stage's window,
and the occurrences compared with those the `schedule --json` documents give (computed here
with Python's zoneinfo: a wall-clock time in a spring-forward gap uses the offset before the
change, PEP 495 fold=0). Prints one JSON object per stage: {"expected": [...], "actual": [...]},
each a sorted list of "UTC instant drug mg" strings.
"""
import datetime as dt
import json
import re
import sys
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

UTC = dt.timezone.utc


def expected(schedules, zone, start, days):
    """Doses from the plans in force (each document: the course, its plan, and tapering)."""
    out = []
    tz = ZoneInfo(zone)
    for doc in schedules:
        for view in [doc] + (doc.get("tapering") or []):
            course, plan = view["course"], view["plan"]
            # Only dated steps: a held plan's later steps are "held", those above the
            # target "undated" (the JSON contract, schemas/course.schema.json).
            steps = [s for s in plan["schedule"]["steps"] if s["dating"] == "dated"]
            for i in range(days):
                day = start + dt.timedelta(days=i)
                key = day.isoformat()
                if key < plan["effectiveFrom"]:
                    continue
                started = [s for s in steps if s["startDate"] <= key]
                if not started:
                    continue
                for a in started[-1]["administrations"]:
                    h, m = map(int, a["time"].split(":"))
                    local = dt.datetime(day.year, day.month, day.day, h, m, tzinfo=tz, fold=0)
                    out.append("%s %s %s" % (local.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ"), course["drug"], a["doseMg"]))
    return sorted(out)


def main():
    request = json.load(sys.stdin)
    stored = {}
    timezones = {}
    results = []
    for stage in request["stages"]:
        with open(stage["ics"], "rb") as f:
            cal = icalendar.Calendar.from_ical(f.read())
        for tz in cal.walk("VTIMEZONE"):
            timezones[str(tz["TZID"])] = tz
        for event in cal.walk("VEVENT"):
            uid = str(event["UID"])
            seq = int(event.get("SEQUENCE", 0))
            if uid not in stored or seq >= stored[uid][0]:
                stored[uid] = (seq, event)
        merged = icalendar.Calendar()
        merged.add("prodid", "-//re-import//")
        merged.add("version", "2.0")
        for tz in timezones.values():
            merged.add_component(tz)
        for seq, event in stored.values():
            if str(event.get("STATUS", "")).upper() != "CANCELLED":
                merged.add_component(event)
        start = dt.date.fromisoformat(stage["from"])
        zone = ZoneInfo(request["zone"])
        a = dt.datetime(start.year, start.month, start.day, tzinfo=zone)
        end = start + dt.timedelta(days=stage["days"])
        b = dt.datetime(end.year, end.month, end.day, tzinfo=zone)
        actual = []
        for occ in recurring_ical_events.of(merged).between(a, b):
            summary = str(occ["SUMMARY"])
            if str(occ.get("CATEGORIES", "")) and "review" in summary:
                continue
            m = re.match(r"(\w+) (\d+(?:\.\d+)?) mg", summary)
            if not m:
                continue
            start_at = occ["DTSTART"].dt
            if not isinstance(start_at, dt.datetime):
                continue
            actual.append("%s %s %s" % (start_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ"), m.group(1).lower(), m.group(2)))
        results.append({"expected": expected(stage["schedules"] or [], request["zone"], start, stage["days"]),
                        "actual": sorted(actual)})
    print(json.dumps(results))


main()
