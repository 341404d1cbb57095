"""domain.dates: catalogue durations, calendar months back and forth, and dates in Indonesian words."""
from __future__ import annotations

import datetime as dt

import pytest

from checker.domain.dates import MONTHS, months_before, months_in, written


@pytest.mark.parametrize("duration, months", [("P1M", 1), ("P6M", 6), ("P1Y", 12), ("P2Y", 24)])
def test_durations_of_the_catalogue_in_months(duration, months):
    assert months_in(duration) == months


@pytest.mark.parametrize("duration", ["P1D", "6M", "P1Y6M", ""])
def test_a_duration_the_catalogue_does_not_use_is_refused(duration):
    with pytest.raises(ValueError):
        months_in(duration)


@pytest.mark.parametrize("day, months, want", [
    (dt.date(2026, 11, 28), 6, dt.date(2026, 5, 28)),
    (dt.date(2026, 1, 15), 1, dt.date(2025, 12, 15)),   # across the year
    (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),    # no 31 February: the month's last day
    (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),    # a leap year
    (dt.date(2026, 5, 31), 1, dt.date(2026, 4, 30)),
    (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),
    (dt.date(2026, 11, 15), -1, dt.date(2026, 12, 15)),  # negative: forward, as the PPID's calendar counts
    (dt.date(2026, 12, 31), -2, dt.date(2027, 2, 28)),
])
def test_calendar_months_before_and_after(day, months, want):
    assert months_before(day, months) == want


def test_month_names_in_indonesian():
    assert len(MONTHS) == 12 and (MONTHS[0], MONTHS[4], MONTHS[7], MONTHS[11]) == ("Januari", "Mei", "Agustus", "Desember")


@pytest.mark.parametrize("day, text", [(dt.date(2026, 11, 28), "28 November 2026"), (dt.date(2026, 1, 5), "5 Januari 2026")])
def test_a_date_in_words(day, text):
    assert written(day) == text
