"""A village that cannot be scored shows "belum dapat dinilai" with its reason, never a number or
band, in every format that shows a band, with its unverified obligations; summaries count it apart."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

from reportkit import BANDS, DIP_FATAL, make_result, make_score, make_village

from checker.report import Report, VillageReport
from checker.reporters import json_, junit, markdown, text
from checker.scoring import COVERAGE, Summary

UNVERIFIED = ("berkala.profil.alamat", "ppid.penetapan")


def _report() -> Report:
    result = replace(make_result("rusak", (DIP_FATAL,)), unverified=UNVERIFIED)
    score = replace(make_score(0.0, "", (DIP_FATAL,)), value=None, band=None, reason="unreadable")
    fine = make_village("baik", (), 100.0, "Informatif")
    per_band = tuple((band, int(band == "Informatif")) for band in BANDS)
    summary = Summary(2, per_band, (), 1, 1)
    return Report((VillageReport(result, score), fine), summary, as_of="2025-03-31", tool_version="0.1.0")


def test_text_says_why_and_lists_the_unverified_obligations():
    for lang, words in (("id", "belum dapat dinilai karena ada berkas yang tidak dapat dibaca"),
                        ("en", "not yet assessable because a file cannot be read")):
        out = text.render(_report(), lang)
        header = next(line for line in out.splitlines() if line.startswith("Rusak"))
        assert header == f"Rusak (35.08.05.2001) — {words}"
        assert ", ".join(UNVERIFIED) in out
        assert ("Belum dapat dinilai: 1" if lang == "id" else "Not yet assessable: 1") in out
        assert COVERAGE[lang] in out  # the other village has a score: the text says what it covers


def test_text_says_nothing_of_what_a_score_covers_when_no_village_has_one():
    only = _report()
    only = Report(only.villages[:1], only.summary, as_of=only.as_of, tool_version=only.tool_version)
    out = text.render(only, "id")
    assert "belum dapat dinilai" in out and COVERAGE["id"] not in out


def test_json_has_no_score_and_no_band_and_counts_it_apart():
    doc = json.loads(json_.render(_report(), "id"))
    rusak, baik = doc["villages"]
    assert (rusak["score"], rusak["band"], rusak["assessable"], rusak["reason"]) == (None, None, False, "unreadable")
    assert rusak["unverified"] == list(UNVERIFIED)
    assert (baik["score"], baik["band"], baik["assessable"], baik["reason"]) == (100.0, "Informatif", True, "")
    assert doc["summary"]["not_assessable"] == 1 and sum(doc["summary"]["per_band"].values()) == 1


def test_markdown_row_and_summary_say_not_yet_assessable():
    out = markdown.render(_report(), "id")
    assert "| Rusak | `35.08.05.2001` | - | Belum dapat dinilai |" in out
    assert "| Belum dapat dinilai | 1 |" in out
    assert "| Rusak | `35.08.05.2001` | - | Not yet assessable |" in markdown.render(_report(), "en")


def test_junit_properties_carry_no_score():
    suites = ET.fromstring(junit.render(_report(), "id").split("\n", 1)[1])
    props = {p.get("name"): p.get("value") for p in suites[0].find("properties")}
    assert (props["score"], props["band"], props["assessable"]) == ("", "Belum dapat dinilai", "false")
    props = {p.get("name"): p.get("value") for p in suites[1].find("properties")}
    assert (props["score"], props["band"], props["assessable"]) == ("100.0", "Informatif", "true")
