"""When digests are due, in each server's own time zone. Pure functions over aware datetimes.

A digest is due every day at the server's local HH:MM. On a spring-forward day a time that does
not exist (02:30 in Europe/London) is taken as the first valid instant after it; on a
fall-back day an ambiguous time fires once, at its first occurrence.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ScheduleError(ValueError):
    """A time or time zone a user typed that cannot be used; the message says why."""


def parse_local_time(text: str) -> time:
    match = _HHMM.match(text.strip())
    if not match:
        raise ScheduleError(f"{text!r} is not a time of day: use HH:MM, e.g. 09:00 or 18:30")
    return time(int(match.group(1)), int(match.group(2)))


def parse_timezone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(
            f"{name!r} is not a time zone name: use an IANA name such as Europe/London"
        ) from None


def timezone_suggestions(prefix: str, limit: int = 25) -> list[str]:
    key = prefix.strip().lower().replace(" ", "_")
    names = sorted(available_timezones())
    starts = [n for n in names if n.lower().startswith(key)]
    contains = [n for n in names if key in n.lower() and n not in starts]
    return (starts + contains)[:limit]


def local_occurrence(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of `at` on local `day`, defined even on DST transition days."""
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=zone, fold=0)
    # A wall time in a spring-forward gap does not survive a round trip through UTC.
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        gap_end = (naive + timedelta(hours=1)).replace(minute=0, second=0)
        return gap_end.replace(tzinfo=zone).astimezone(UTC)
    return first.astimezone(UTC)


def latest_due(now: datetime, at: time, zone: ZoneInfo) -> tuple[str, datetime]:
    """The most recent scheduled digest at or before `now`: (period key, UTC instant).

    The period key is the server's local date, so one digest per local day."""
    today = now.astimezone(zone).date()
    for day in (today, today - timedelta(days=1)):
        moment = local_occurrence(day, at, zone)
        if moment <= now:
            return day.isoformat(), moment
    day = today - timedelta(days=2)
    return day.isoformat(), local_occurrence(day, at, zone)
