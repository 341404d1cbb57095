"""rpjmdes-period: one published RPJM Desa covers the as-of year; periods are not reversed."""
from __future__ import annotations

import datetime as dt

from checker.findings import Severity
from checker.rules import rpjmdes_period
from tests.conftest import run_rule, triples


def produk_hukum(*periods: tuple[int, int]) -> str:
    """One RPJM Desa per period, three lines each: `berlaku:` of the n-th on line 3n + 1."""
    text = "produk_hukum:\n"
    for start, end in periods:
        text += f"  - jenis: perdes\n    topik: rpjmdes\n    berlaku: {{mulai: {start}, selesai: {end}}}\n"
    return text


def findings_for(make_village, text: str, as_of: dt.date | None = None):
    root = make_village({"produk_hukum.yaml": text})
    return run_rule(root, rpjmdes_period) if as_of is None else run_rule(root, rpjmdes_period, as_of=as_of)


def test_docstring_lulus_2022_2027_covers_2026(make_village):
    assert findings_for(make_village, produk_hukum((2022, 2027))) == []


def test_docstring_gagal_2016_2021_has_expired(make_village):
    findings = findings_for(make_village, produk_hukum((2016, 2021)))
    assert triples(findings) == [("produk_hukum.yaml", 4, "rpjmdes-period")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("berkala.rpjmdes", Severity.ERROR)
    assert finding.message_id == "RPJM Desa yang diumumkan berlaku 2016-2021, tidak mencakup tahun 2026."


def test_the_period_is_read_against_as_of(make_village):
    text = produk_hukum((2022, 2027))
    assert findings_for(make_village, text, as_of=dt.date(2027, 12, 31)) == []
    assert triples(findings_for(make_village, text, as_of=dt.date(2028, 1, 1))) == [("produk_hukum.yaml", 4, "rpjmdes-period")]


def test_an_old_plan_beside_the_current_one_passes(make_village):
    assert findings_for(make_village, produk_hukum((2016, 2021), (2022, 2027))) == []


def test_of_several_expired_plans_the_latest_is_named(make_village):
    findings = findings_for(make_village, produk_hukum((2016, 2021), (2010, 2015)))
    assert triples(findings) == [("produk_hukum.yaml", 4, "rpjmdes-period")]


def test_reversed_period(make_village):
    findings = findings_for(make_village, produk_hukum((2022, 2027), (2027, 2022)))
    assert triples(findings) == [("produk_hukum.yaml", 7, "rpjmdes-period")]
    assert findings[0].message_id == "Masa berlaku RPJM Desa terbalik: mulai 2027, selesai 2022."


def test_no_rpjmdes_at_all_is_left_to_completeness(make_village):
    text = "produk_hukum:\n  - {jenis: perdes, topik: rkpdes, berlaku: {mulai: 2016, selesai: 2017}}\n"
    assert findings_for(make_village, text) == []
