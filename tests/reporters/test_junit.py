"""junit: valid against the shared JUnit XSD, one case per SAQ question, counts that add up."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from hypothesis import given, settings
from hypothesis import strategies as st
from reportkit import APBDES_ERROR, PROFIL_WARNING, make_report, make_village

from checker.findings import Severity
from checker.reporters.junit import render

XSD = Path(__file__).resolve().parent.parent / "data" / "schemas" / "JUnit.xsd"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def _suites(xml: str) -> list[ET.Element]:
    return ET.fromstring(xml.encode("utf-8")).findall("testsuite")


def _cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name"): case for case in suite.findall("testcase")}


def test_valid_against_the_xsd(schema, two) -> None:
    for lang in ("id", "en"):
        schema.validate(render(two, lang))


def test_one_case_per_question_and_failures_where_errors_are(two) -> None:
    kraton, sukamaju = _suites(render(two, "id"))
    assert (kraton.get("name"), kraton.get("id"), sukamaju.get("name"), sukamaju.get("id")) == (
        "kraton",
        "0",
        "sukamaju",
        "1",
    )
    cases = _cases(kraton)
    assert list(cases) == [
        "q01 Profil desa lengkap",
        "q02 PPID Desa ditetapkan dan diumumkan",
        "q06 RPJM Desa, RKP Desa, APB Desa tahun berjalan",
        "input",
    ]
    assert {case.get("classname") for case in cases.values()} == {"kraton"}
    failure = cases["q06 RPJM Desa, RKP Desa, APB Desa tahun berjalan"].find("failure")
    assert failure.get("type") == "error"
    assert failure.get("message") == APBDES_ERROR.message_id
    assert failure.text == (
        "villages/kraton/apbdes.yaml:12:5: error: [apbdes-arithmetic] Jumlah belanja "
        "120.000 tidak sama dengan rinciannya 100.000. (Perki 1/2018 Pasal 11 ayat (1) huruf c)"
    )
    assert cases["input"].find("failure").get("type") == "fatal"
    assert (kraton.get("tests"), kraton.get("failures"), kraton.get("errors")) == ("4", "2", "0")
    assert (sukamaju.get("tests"), sukamaju.get("failures")) == ("3", "0")


def test_warnings_alone_pass_and_go_to_system_out(two) -> None:
    kraton = _suites(render(two, "id"))[0]
    assert len(_cases(kraton)["q01 Profil desa lengkap"]) == 0  # no failure child: passed
    assert kraton.find("system-out").text == (
        "villages/kraton/profil.yaml:3:1: warning: [completeness] "
        "Visi dan misi dianjurkan diumumkan. (Perki 1/2018 Pasal 11 ayat (1) huruf a)\n"
    )


def test_strict_fails_warnings_too(schema) -> None:
    report = make_report(make_village("warned", (PROFIL_WARNING,), 97.5, "Informatif"), strict=True)
    xml = render(report, "en")
    schema.validate(xml)
    suite = _suites(xml)[0]
    failure = _cases(suite)["q01 Profil desa lengkap"].find("failure")
    assert (failure.get("type"), failure.get("message")) == ("warning", PROFIL_WARNING.message_en)
    assert suite.get("failures") == "1"


def test_control_characters_do_not_break_the_xml(schema) -> None:
    broken = dataclasses.replace(APBDES_ERROR, message_id="Berkas berisi \x00\x1b byte aneh <&>")
    xml = render(make_report(make_village("kraton", (broken,), 95.0, "Informatif")), "id")
    schema.validate(xml)
    assert "byte aneh <&>" in _cases(_suites(xml)[0])[
        "q06 RPJM Desa, RKP Desa, APB Desa tahun berjalan"
    ].find("failure").get("message")


# Where each obligation's findings belong, given reportkit's three questions.
CASE = {
    "berkala.profil.alamat": "q01 Profil desa lengkap",
    "ppid.penetapan": "q02 PPID Desa ditetapkan dan diumumkan",
    "berkala.apbdes": "q06 RPJM Desa, RKP Desa, APB Desa tahun berjalan",
    "berkala.bumdes_lain": "berkala.bumdes_lain",
    "": "input",
}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(list(CASE)), st.sampled_from(list(Severity)), st.integers(1, 50)),
        max_size=8,
    ),
    st.booleans(),
)
def test_counts_match_the_cases(schema, items, strict) -> None:
    findings = tuple(
        dataclasses.replace(APBDES_ERROR, obligation=o, severity=s, line=line)
        for o, s, line in items
    )
    xml = render(
        make_report(make_village("acak", findings, 50.0, "Kurang Informatif"), strict=strict), "id"
    )
    schema.validate(xml)
    suite = _suites(xml)[0]
    cases = _cases(suite)
    assert (
        int(suite.get("tests"))
        == len(cases)
        == 3 + len({CASE[o] for o, _, _ in items} - set(list(CASE.values())[:3]))
    )
    failed = {name for name, case in cases.items() if case.find("failure") is not None}
    assert int(suite.get("failures")) == len(failed)
    assert (
        int(suite.get("errors"))
        == sum(1 for c in cases.values() if c.find("error") is not None)
        == 0
    )
    failing = Severity.WARNING if strict else Severity.ERROR
    assert failed == {CASE[o] for o, s, _ in items if s >= failing}
    # Each finding is listed once: in its case's failure text, or in the suite's system-out.
    failure_lines = [
        line for name in failed for line in cases[name].find("failure").text.splitlines()
    ]
    out_lines = (suite.find("system-out").text or "").splitlines()
    assert len(failure_lines) + len(out_lines) == len(findings)
