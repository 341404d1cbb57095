"""domain.nik, property-tested: every writing of a valid NIK is found and masked, no non-NIK is."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from checker.domain import nik, wilayah

PROVINCES = sorted(wilayah.provinces())
GROUPINGS = [(16,), (4, 4, 4, 4), (6, 6, 4), (2, 2, 2, 6, 4), (6, 2, 2, 2, 4)]
# Each separator with spellings a keyboard, a word processor or a PDF produce.
SEPARATORS = [[" ", "\u00a0", "\u2009", "\u202f", "\u3000", "  "], [".", "\uff0e"],
              ["-", "\u2010", "\u2011", "\u2013", "\u2014", "\u2212", "\uff0d"], ["_"], [" - ", " \u2013 "]]
DIGIT_ZEROS = [0x30, 0xFF10, 0x660, 0x6F0, 0x966, 0x9E6, 0x1D7CE]  # ASCII, fullwidth, Arabic-Indic, ... math bold
FOUR = st.text("0123456789", min_size=4, max_size=4)
INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e"]
CONTEXT = st.sampled_from(["", "NIK ", "NIK: ", "ktp-", "Sumiati (", "1. Sumiati, "]), st.sampled_from(["", ".", ")", ".pdf", " Krajan", ", 35 th"])


@st.composite
def valid_niks(draw: st.DrawFn) -> str:
    born = draw(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)))
    day = born.day + (40 if draw(st.booleans()) else 0)
    region = draw(st.sampled_from(PROVINCES)) + draw(FOUR)
    return f"{region}{day:02d}{born.month:02d}{born.year % 100:02d}" + draw(FOUR)


@st.composite
def writings(draw: st.DrawFn, digits: str, grouping: tuple[int, ...] | None = None) -> str:
    """`digits` written in one accepted grouping, one separator, one script of digits, invisible characters."""
    grouping = grouping or draw(st.sampled_from(GROUPINGS))
    spellings = draw(st.sampled_from(SEPARATORS))
    zero = draw(st.sampled_from(DIGIT_ZEROS))
    chars = [chr(zero + int(d)) + draw(st.sampled_from(["", "", "", *INVISIBLE])) for d in digits]
    parts, at = [], 0
    for length in grouping:
        parts.append("".join(chars[at:at + length]))
        at += length
    written = draw(st.sampled_from(spellings)).join(parts)
    return written.rstrip("".join(INVISIBLE))  # invisible characters inside the number, not after it


@given(st.data())
def test_every_writing_of_a_valid_nik_is_found_at_its_offset_and_masked(data: st.DataObject):
    digits = data.draw(valid_niks())
    before, after = data.draw(CONTEXT[0]), data.draw(CONTEXT[1])
    text = before + data.draw(writings(digits)) + after
    masked = digits[:6] + "******" + digits[-4:]
    assert list(nik.find(text)) == [(len(before), masked)]
    assert nik.mask(text) == before + masked + after


@given(st.data())
def test_a_valid_nik_wrapped_at_a_hyphenated_line_end_is_found(data: st.DataObject):
    digits = data.draw(valid_niks())
    cut = data.draw(st.integers(1, 15))
    end = data.draw(st.sampled_from(["-\n", "\u00ad\n", "-\r\n   ", "\u2010\n  "]))
    assert list(nik.find("NIK " + digits[:cut] + end + digits[cut:])) == [(4, digits[:6] + "******" + digits[-4:])]


@st.composite
def invalid_digits(draw: st.DrawFn) -> str:
    """Sixteen digits with no province, or no real date, in the places a NIK has them."""
    digits = list(draw(valid_niks()))
    if draw(st.booleans()):
        digits[:2] = draw(st.sampled_from(sorted({f"{n:02d}" for n in range(100)} - set(PROVINCES))))
    else:
        bad = draw(st.sampled_from(["day", "month", "feb"]))
        digits[6:8] = f"{draw(st.sampled_from([0, 32, 39, 40, 72, 99])):02d}" if bad == "day" else digits[6:8]
        digits[8:10] = f"{draw(st.sampled_from([0, 13, 19, 99])):02d}" if bad == "month" else digits[8:10]
        if bad == "feb":
            digits[6:12] = draw(st.sampled_from(["300201", "700201", "290201", "310401"]))
    return "".join(digits)


@given(st.data())
def test_sixteen_digits_without_a_province_or_a_date_are_never_found_however_written(data: st.DataObject):
    text = data.draw(CONTEXT[0]) + data.draw(writings(data.draw(invalid_digits()))) + data.draw(CONTEXT[1])
    assert list(nik.find(text)) == []


@given(st.data())
def test_a_valid_nik_with_a_digit_too_many_or_too_few_or_an_odd_grouping_is_not_found(data: st.DataObject):
    digits = data.draw(valid_niks())
    kind = data.draw(st.sampled_from(["short", "long", "grouping", "separator"]))
    if kind == "short":
        text = data.draw(writings(digits[:15], (15,)))
    elif kind == "long":
        text = data.draw(writings(digits + data.draw(st.sampled_from("0123456789")), (17,)))
    elif kind == "grouping":
        text = data.draw(writings(digits, data.draw(st.sampled_from([(8, 8), (12, 4), (3, 3, 3, 3, 4), (5, 5, 6), (4, 12)]))))
    else:
        parts = [digits[:4], digits[4:8], digits[8:12], digits[12:]]
        text = data.draw(st.sampled_from(["/", ",", ":", "\t", ";"])).join(parts)
    assert list(nik.find("No " + text + " ")) == []
