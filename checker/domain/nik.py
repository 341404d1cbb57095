"""NIK and KK numbers: what a 16-digit Dukcapil number looks like, and where one is in a text.

A number counts as a NIK or KK when its first two digits are a province that exists and digits
7-12 are a real date (day 01-31, or 41-71 for a woman; month 01-12). Used by the nik rule on every
village file, file name and document, by the engine on every report's text, by the site's filters
on every printed value, and by the final scan of a built site, so all judge a number the same way.
UU KIP Pasal 17 huruf h.

Numbers are read as people write them, the way NFKC and a reader's eye would: every Unicode
decimal digit (fullwidth, Arabic-Indic, ...) and the superscript, subscript and circled digits
that NFKC turns into one are digits; every Unicode space is a space; the dots, hyphens, dashes and
minus signs NFKC or the eye take for "." and "-" are those; characters nobody sees (soft hyphen,
zero-width spaces and joiners, direction marks, variation selectors, combining marks) are ignored,
even between two digits. Offsets are into the text as given, so a finding keeps its line.

Accepted writings, exactly: 16 straight, 4-4-4-4 (a card's), 6-6-4 (kecamatan, date, serial:
`350807 450687 0003`), 2-2-2-6-4 (kode wilayah first: `35.08.07.450687.0003`) and 6-2-2-2-4 (the
date split), with one separator throughout: a space (doubled ones too), a dot, a hyphen or dash, or
an underscore (file names), spaces around a mark allowed (`3508 - 0745`). A line break may stand
for a separator, and a hyphenated line end (`-` or a soft hyphen before the break) may fall
anywhere, as text taken from a PDF wraps; one of them in a number.
Refused, because they are what make other numbers look like one: coarser groupings (8-8 and 12-4
are also two dates DDMMYYYY, a number and a year side by side), a bare line break inside a group (a
date on one line and another on the next), the slash, comma, colon and tab (dates `28/11/2026`,
nomor surat `470/12/35.08.07.2001/2026`, `1,5`, `08:30`, table columns), and mixed separators
(`0812-3456-7890 0813-1234-5678`: two phone numbers). A grouped number next to one more group of
the same length and separator is part of a longer number (an account `1234 5678 9012 3456 7890`),
as a 17th digit makes a straight one longer; so two 4-4-4-4 NIKs parted by a bare space are missed.
The 16-digit NPWP of a person is the NIK (PMK 112/2022) and is found like one.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterator
import unicodedata

from checker.domain import wilayah

# Characters NFKC turns into one ASCII digit but that are not Unicode decimal digits (\d is all of those).
_COMPAT_DIGITS = "\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u24ea"
_DIGIT = rf"[\d{_COMPAT_DIGITS}]"
# Invisible: soft hyphen, combining marks, Arabic letter mark, Mongolian vowel separator, zero-width
# and direction characters, word joiner and invisible operators, variation selectors, BOM.
_INVISIBLE = "\u00ad\u0300-\u036f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u20d0-\u20ff\ufe00-\ufe0f\ufeff"
_SPACES = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_DOTS = ".\u2024\ufe52\uff0e"
_DASHES = "\\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
_LOWS = "_\ufe33\ufe34\ufe4d-\ufe4f\uff3f"
_BREAKS = "\n\r\v\f\x85\u2028\u2029"
_GAP = f"{_INVISIBLE}{_SPACES}{_DOTS}{_DASHES}{_LOWS}{_BREAKS}\t"
# The cheap filter, in C: 16 digits or more joined by separator characters. The common value (a
# date, an amount, a name) fails it after its first few digits and costs no Python at all.
_CHAIN = re.compile(rf"{_DIGIT}(?:[{_GAP}]*{_DIGIT}){{15,}}")
_GROUP = re.compile(rf"{_DIGIT}(?:[{_INVISIBLE}]*{_DIGIT})*")
# Every accepted writing has a group of four digits or more, unless a hyphenated line end splits it:
# a chain of shorter groups (amounts 1.096.384.000, a column of small numbers) is no NIK, decided in C.
_WORTH_READING = re.compile(rf"{_DIGIT}(?:[{_INVISIBLE}]*{_DIGIT}){{3}}|[{_DASHES}\u00ad][ \t]*[{_BREAKS}]")
_DROP_INVISIBLE = re.compile(f"[{_INVISIBLE}]+")
_CANONICAL = str.maketrans({**dict.fromkeys(map(ord, "\u00a0\u1680\u202f\u205f\u3000"), " "),
                            **{c: " " for c in range(0x2000, 0x200B)},
                            **dict.fromkeys(map(ord, _DOTS), "."), **dict.fromkeys(map(ord, "_\ufe33\ufe34\ufe4d\ufe4e\ufe4f\uff3f"), "_"),
                            **{c: "-" for c in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D)}})
_MARK = re.compile(r" ?[.\-_]? ?")  # a gap between two groups, spaces collapsed: " ", ".", " - ", ...
_BREAK = re.compile(f"[{_BREAKS}]")
_WRAP = re.compile(rf"(-?)[ \t]*(?:\r\n|[{_BREAKS}])[ \t]*")
_SPACE_RUN = re.compile(" +")
# Where the separators stand (digits before each) in every accepted writing: 16 straight, 4-4-4-4,
# 6-6-4, 2-2-2-6-4, 6-2-2-2-4. Exactly these: coarser ones (8-8, 12-4) would also read two dates
# DDMMYYYY or a number and a year side by side, and nobody writes a NIK so.
GROUPINGS = (frozenset(), frozenset({4, 8, 12}), frozenset({6, 12}), frozenset({2, 4, 6, 12}), frozenset({6, 8, 10, 12}))
_MAX_GROUPS = 6  # 2-2-2-6-4 and 6-2-2-2-4 have five groups, plus one wrapped line


@functools.lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    return wilayah.provinces()


def looks_like_nik(digits: str) -> bool:
    """Region and birth (or issue) date structure of a 16-digit Dukcapil number."""
    if len(digits) != 16 or not digits.isascii() or digits[:2] not in _provinces():
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


@functools.lru_cache(maxsize=512)  # a chain repeats a few gaps (" ", ".") thousands of times
def _gap(text: str) -> str | None:
    """A gap's canonical separator ("~" a hyphenated line end, "\\n" a line break), None when it parts two numbers."""
    if _BREAK.search(text):
        text = _DROP_INVISIBLE.sub("", text.replace("\u00ad", "-")).translate(_CANONICAL)  # a soft hyphen shows where a line breaks
        wrapped = _WRAP.fullmatch(text)
        return None if wrapped is None else "~" if wrapped.group(1) else "\n"
    canonical = _SPACE_RUN.sub(" ", _DROP_INVISIBLE.sub("", text).translate(_CANONICAL))
    return canonical if canonical and _MARK.fullmatch(canonical) else None


def _ascii(group: str) -> str:
    if group.isascii():  # nearly always; the group holds only digits and invisible characters
        return group
    return "".join(str(unicodedata.digit(c)) for c in _DROP_INVISIBLE.sub("", group))


def _fits(lengths: list[int], gaps: list[str]) -> str | None:
    """The window's one separator ("" for none) when its groups are an accepted writing, else None."""
    marks = set(gaps) - {"\n", "~"}
    if len(marks) > 1 or gaps.count("\n") + gaps.count("~") > 1:  # one separator throughout, one line end at most
        return None
    at, position = set(), 0
    for length, gap in zip(lengths, gaps):
        position += length
        if gap != "~":  # a hyphenated line end may fall anywhere; any other separator only between parts
            at.add(position)
    return next(iter(marks), "") if at in GROUPINGS else None


def _in_chain(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    groups = [(m.start(), m.end(), _ascii(m.group())) for m in _GROUP.finditer(text, start, end)]
    gaps = [_gap(text[a[1]:b[0]]) for a, b in zip(groups, groups[1:])]
    i = 0
    while i < len(groups):
        j, total = i, len(groups[i][2])
        while total < 16 and j + 1 < len(groups) and j - i + 1 < _MAX_GROUPS and gaps[j] is not None:
            j += 1
            total += len(groups[j][2])
        if total == 16 and _whole(groups, gaps, i, j):
            digits = "".join(g[2] for g in groups[i:j + 1])
            if looks_like_nik(digits):
                yield groups[i][0], groups[j][1], digits[:6] + "******" + digits[-4:]
                i = j + 1
                continue
        i += 1


def _whole(groups: list[tuple[int, int, str]], gaps: list[str | None], i: int, j: int) -> bool:
    """Groups i..j are one accepted writing, and no group of the same style continues it."""
    mark = _fits([len(g[2]) for g in groups[i:j + 1]], gaps[i:j])  # type: ignore[arg-type]
    if mark is None:
        return False
    if not mark:  # straight (or wrapped once): only another digit makes it longer, and groups are whole runs
        return True
    before = i > 0 and gaps[i - 1] == mark and len(groups[i - 1][2]) == len(groups[i][2])
    after = j + 1 < len(groups) and gaps[j] == mark and len(groups[j + 1][2]) == len(groups[j][2])
    return not (before or after)


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, masked number) of every NIK-like number, as offsets into `text` itself."""
    # Too short for 16 digits, or no 16 digits in a row: most values, decided without a generator.
    if len(text) < 16 or _CHAIN.search(text) is None:
        return iter(())
    return (hit for chain in _CHAIN.finditer(text) if _WORTH_READING.search(text, chain.start(), chain.end())
            for hit in _in_chain(text, chain.start(), chain.end()))


def find(text: str) -> Iterator[tuple[int, str]]:
    """(offset, masked number) for every NIK-like number in a text."""
    if len(text) < 16 or _CHAIN.search(text) is None:
        return iter(())
    return ((start, masked) for start, _, masked in spans(text))


def mask(text: str) -> str:
    """The text with every NIK-like number replaced by its masked form (350807******0003)."""
    out, last = [], 0
    for start, end, masked in spans(text):
        out += [text[last:start], masked]
        last = end
    return "".join(out) + text[last:] if out else text
