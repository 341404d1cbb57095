"""NIK and KK numbers: what a 16-digit Dukcapil number looks like, and where one is in a text.

A number counts as a NIK or KK when its first two digits are a province that exists and digits
7-12 are a real date (day 01-31, or 41-71 for a woman; month 01-12). Used by the nik rule on every
village file and document, by the site's filters on every printed value, and by the final scan of
a built site, so all three judge a number the same way. UU KIP Pasal 17 huruf h.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from checker.domain import wilayah

# Sixteen digits, optionally in groups of four ("3508 0745 0687 0003"), not part of a longer number.
_CANDIDATE = re.compile(r"(?<![\d])(\d{4})[ .-]?(\d{4})[ .-]?(\d{4})[ .-]?(\d{4})(?![\d])")


def looks_like_nik(digits: str) -> bool:
    """Region and birth (or issue) date structure of a 16-digit Dukcapil number."""
    if len(digits) != 16 or digits[:2] not in wilayah.provinces():
        return False
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    day = day - 40 if day > 40 else day  # Dukcapil adds 40 to a woman's day of birth
    for century in (1900, 2000):  # a two-digit year: a date real in either century counts (29-02-00 is, in 2000)
        try:
            dt.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def find(text: str) -> Iterator[tuple[int, str]]:
    """(offset, masked number) for every NIK-like number in a text."""
    if len(text) < 16:  # too short for 16 digits: most values, and the regex costs more than this test
        return
    for match in _CANDIDATE.finditer(text):
        digits = "".join(match.groups())
        if looks_like_nik(digits):
            yield match.start(), digits[:6] + "******" + digits[-4:]
