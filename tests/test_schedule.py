"""Digest times in server time zones, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.schedule import (
    ScheduleError,
    latest_due,
    local_occurrence,
    parse_local_time,
    parse_timezone,
    timezone_suggestions,
)

LONDON = parse_timezone("Europe/London")
NEW_YORK = parse_timezone("America/New_York")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_summer_and_winter_offsets() -> None:
    assert local_occurrence(date(2024, 1, 15), time(9, 0), LONDON) == utc(2024, 1, 15, 9, 0)
    assert local_occurrence(date(2024, 7, 15), time(9, 0), LONDON) == utc(2024, 7, 15, 8, 0)
    assert local_occurrence(date(2024, 7, 15), time(9, 0), NEW_YORK) == utc(2024, 7, 15, 13, 0)


def test_spring_forward_gap_fires_at_first_valid_instant() -> None:
    # 2024-03-31 01:00 GMT → 02:00 BST: 01:30 does not exist in London.
    assert local_occurrence(date(2024, 3, 31), time(1, 30), LONDON) == utc(2024, 3, 31, 1, 0)
    # New York 2024-03-10 02:00 EST → 03:00 EDT.
    assert local_occurrence(date(2024, 3, 10), time(2, 15), NEW_YORK) == utc(2024, 3, 10, 7, 0)


def test_fall_back_ambiguous_time_fires_once_at_first_occurrence() -> None:
    # 2024-10-27 02:00 BST → 01:00 GMT: 01:30 happens twice; the first is 00:30 UTC.
    assert local_occurrence(date(2024, 10, 27), time(1, 30), LONDON) == utc(2024, 10, 27, 0, 30)
    first = latest_due(utc(2024, 10, 27, 0, 45), time(1, 30), LONDON)
    later = latest_due(utc(2024, 10, 27, 1, 45), time(1, 30), LONDON)
    assert first == later == ("2024-10-27", utc(2024, 10, 27, 0, 30))


def test_one_period_per_local_day_across_a_week_with_dst_change() -> None:
    periods = set()
    moment = utc(2024, 3, 28, 0, 0)
    while moment < utc(2024, 4, 3, 0, 0):
        periods.add(latest_due(moment, time(9, 0), LONDON)[0])
        moment += timedelta(hours=1)
    assert periods == {f"2024-03-{d}" for d in (27, 28, 29, 30, 31)} | {"2024-04-01", "2024-04-02"}


@pytest.mark.parametrize("text", ["9", "24:00", "09:60", "nine", "", "9:5"])
def test_bad_times_are_refused(text: str) -> None:
    with pytest.raises(ScheduleError, match="HH:MM"):
        parse_local_time(text)


def test_times_and_zones_parse() -> None:
    assert parse_local_time("9:05") == time(9, 5)
    assert parse_local_time(" 18:30 ") == time(18, 30)
    with pytest.raises(ScheduleError, match="IANA"):
        parse_timezone("Mars/Olympus")
    with pytest.raises(ScheduleError):
        parse_timezone("../../etc/passwd")


def test_timezone_suggestions() -> None:
    assert timezone_suggestions("europe/lon")[0] == "Europe/London"
    assert "America/New_York" in timezone_suggestions("new york")
    assert len(timezone_suggestions("a")) == 25
