"""Dates as the law and the villages write them: Indonesian month names, and calendar months.

Deadlines in the catalogue are whole months (`fresh: P6M`, "paling lambat enam bulan"), counted
on the calendar, not as 30 days: 31 March minus one month is the last day of February. The
freshness rule counts back from the reference date, the PPID's calendar (checker/deadlines.py)
counts forward from the last update, and the site prints "28 November 2026".
"""
from __future__ import annotations

import datetime as dt
import re

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


def months_in(duration: str) -> int:
    """P1M -> 1, P6M -> 6, P1Y -> 12 (the only forms the catalogue uses)."""
    match = re.fullmatch(r"P(\d+)([MY])", duration)
    if not match:
        raise ValueError(f"unsupported duration {duration}")
    return int(match.group(1)) * (12 if match.group(2) == "Y" else 1)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (later when negative), or the month's last day."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    for last in (day.day, 30, 29, 28):  # 31 March minus one month is 28/29 February
        try:
            return dt.date(year, month + 1, last)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def written(day: dt.date) -> str:
    """2026-11-28 -> '28 November 2026', as Indonesian letters and pages write a date."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
