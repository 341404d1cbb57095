"""The one APB Desa model: roots, amounts, leaves, sums, sources, the version in force and the
realisasi calendar, each as a small truth table."""
from __future__ import annotations

import datetime as dt

import pytest

from checker.apbdes import model

VERSION = {
    "pendapatan": [{"kode": "4", "anggaran": 300}, {"kode": "4.1", "anggaran": 100}, {"kode": "4.1.1", "anggaran": 100},
                   {"kode": "4.2", "anggaran": 200}, {"kode": 42, "anggaran": 5}, "bukan baris"],
    "belanja": [{"kode": "1", "anggaran": 150, "realisasi": 50}, {"kode": "1.1.01", "anggaran": 150, "sumber_dana": "ADD"},
                {"kode": "2", "anggaran": 100}],
    "pembiayaan": [{"kode": "6.1", "anggaran": 40}, {"kode": "6.1.1", "anggaran": 40}, {"kode": "6.2", "anggaran": 10}],
}


@pytest.mark.parametrize("section, kode, root", [
    ("pendapatan", "4", True), ("pendapatan", "4.1", False), ("belanja", "3", True), ("belanja", "3.1", False),
    ("belanja_jenis", "5", True), ("belanja_jenis", "5.2", False), ("pembiayaan", "6.1", True), ("pembiayaan", "6", False),
    ("pembiayaan", "6.1.1", False),
])
def test_roots(section: str, kode: str, root: bool) -> None:
    assert model.is_root(section, kode) is root


@pytest.mark.parametrize("value, expected", [(618000, 618000), (0, 0), (True, None), (618.0, None), ("618000", None), (None, None)])
def test_an_amount_is_a_whole_number_and_never_a_boolean(value: object, expected: int | None) -> None:
    assert model.amount({"anggaran": value}, "anggaran") == expected


def test_lines_leaves_and_sums() -> None:
    assert [i for i, _ in model.lines(VERSION, "pendapatan")] == [0, 1, 2, 3]  # no kode text, no line
    assert [line["kode"] for _, line in model.leaves(VERSION, "pendapatan")] == ["4.1.1", "4.2"]
    assert model.root_sum(VERSION, "pendapatan", "anggaran") == 300
    assert model.root_sum(VERSION, "belanja", "anggaran") == 250
    assert model.root_sum(VERSION, "belanja", "realisasi") is None  # bidang 2 has no realisasi: unknown, not 0
    assert model.root_sum(VERSION, "pembiayaan", "anggaran", "6.2") == 10
    assert [line["kode"] for _, line in model.income_leaves(VERSION)] == ["4.1.1", "4.2", "6.1.1"]


def test_a_source_is_the_lines_own_or_its_longest_standard_prefix() -> None:
    defaults = {"4.1": "PAD", "4.2": "TRANSFER", "4.2.1": "DDS"}
    assert model.source_of("4.2.1", {}, defaults) == "DDS"
    assert model.source_of("4.2.3", {}, defaults) == "TRANSFER"
    assert model.source_of("4.1.1", {"sumber_dana": "BKK"}, defaults) == "BKK"
    assert model.source_of("4.3", {}, defaults) is None


def test_the_version_in_force_is_perubahan_when_there_is_one() -> None:
    assert model.latest({"murni": {"a": 1}, "perubahan": {"b": 2}}) == ("perubahan", {"b": 2})
    assert model.latest({"murni": {"a": 1}, "perubahan": "rusak"}) == ("murni", {"a": 1})
    assert model.latest({"tahun": 2026}) is None


@pytest.mark.parametrize("as_of, expected", [
    ("2026-01-15", [("realisasi_semester", 2025)]),  # January: last year's semester I is still the latest due
    ("2026-01-31", [("realisasi_semester", 2025)]),
    ("2026-02-01", [("realisasi_akhir", 2025)]),
    ("2026-07-31", [("realisasi_akhir", 2025)]),
    ("2026-08-01", [("realisasi_semester", 2026), ("realisasi_akhir", 2025)]),
    ("2026-12-31", [("realisasi_semester", 2026), ("realisasi_akhir", 2025)]),
])
def test_the_realisasi_reports_in_force(as_of: str, expected: list[tuple[str, int]]) -> None:
    assert [(r.kind, r.year) for r in model.reports_in_force(dt.date.fromisoformat(as_of))] == expected


def test_a_report_reaches_its_period_end_and_is_overdue_the_day_after_its_deadline() -> None:
    semester, year_end = model.semester_report(2026), model.year_end_report(2026)
    assert (semester.reaches, semester.deadline, semester.overdue_from) == (dt.date(2026, 6, 30), dt.date(2026, 7, 31), dt.date(2026, 8, 1))
    assert (year_end.reaches, year_end.deadline, year_end.overdue_from) == (dt.date(2026, 12, 31), dt.date(2027, 1, 31), dt.date(2027, 2, 1))
    assert sorted([year_end, semester]) == [semester, year_end]
