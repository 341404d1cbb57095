"""JUnit XML for CI dashboards: one test suite per village, one test case per SAQ question.

Each of the village's 20 monev questions is a test case (classname = village slug, name = `qNN`
and the question). It fails when a finding of error or fatal severity (or of warning, with
`--strict`) counts against one of its obligations; the failure text lists those findings as
parsable lines. Findings on obligations outside the questions get one test case per obligation
(`input` when the obligation is empty, e.g. a file that could not be read). Warnings alone pass
the test case, as they pass the exit code; the schema allows no output inside a test case, so
they are listed in the suite's `<system-out>`. Question cases, not obligation cases, because a
Score names only the obligations that missed, and a clean question must still count as a test.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.findings import CheckResult, Finding, Severity
from checker.report import Report, VillageReport
from checker.reporters.common import in_lang
from checker.reporters.parsable import format_line
from checker.scoring import NOT_ASSESSABLE

# XML 1.0 cannot carry these characters even escaped; a message quoting a broken file might.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))


def _cases(village: VillageReport) -> list[tuple[str, list[Finding]]]:
    """(test case name, its findings) for every question, then for obligations outside them."""
    owner: dict[str, str] = {}
    cases: dict[str, list[Finding]] = {}
    for question in village.score.questions:
        name = f"q{question.q:02d} {question.text}"
        cases[name] = []
        owner.update((obligation, name) for obligation in question.unmet)
    for finding in village.result.findings:
        name = owner.get(finding.obligation) or finding.obligation or "input"
        cases.setdefault(name, []).append(finding)
    return list(cases.items())


def _testcase(
    parent: ET.Element,
    result: CheckResult,
    name: str,
    findings: list[Finding],
    failing: Severity,
    lang: str,
) -> bool:
    """Append one test case; True when it failed."""
    case = ET.SubElement(parent, "testcase", name=_text(name), classname=result.slug, time="0")
    bad = [f for f in findings if f.severity >= failing]
    if not bad:
        return False
    worst = max(f.severity for f in bad)
    failure = ET.SubElement(case, "failure", message=_text(bad[0].message(lang)), type=worst.label)
    failure.text = _text("\n".join(format_line(result, f, lang) for f in findings))
    return True


def _properties(parent: ET.Element, village: VillageReport, report: Report, lang: str) -> None:
    props = ET.SubElement(parent, "properties")
    values = {
        "name": village.result.name,
        "kode": village.result.kode,
        "root": village.result.root,
        "score": "" if village.score.value is None else f"{village.score.value:.1f}",
        "band": village.score.band or in_lang(lang, NOT_ASSESSABLE),
        "assessable": "true" if village.score.assessable else "false",
        "indikatif": "true",
        "as_of": report.as_of,
    }
    for key, value in values.items():
        ET.SubElement(props, "property", name=key, value=_text(value))


def _suite(
    parent: ET.Element, index: int, village: VillageReport, report: Report, lang: str
) -> None:
    result = village.result
    # The schema wants a local date-time without zone; the check's reference date is what we know.
    suite = ET.SubElement(
        parent,
        "testsuite",
        name=result.slug,
        package=result.slug,
        id=str(index),
        timestamp=f"{report.as_of[:10]}T00:00:00",
        hostname="localhost",
    )
    _properties(suite, village, report, lang)
    failing = Severity.WARNING if report.strict else Severity.ERROR
    cases = _cases(village)
    failures = 0
    passed_lines: list[str] = []
    for name, findings in cases:
        if _testcase(suite, result, name, findings, failing, lang):
            failures += 1
        else:
            passed_lines += [format_line(result, f, lang) for f in findings]
    suite.attrib.update(tests=str(len(cases)), failures=str(failures), errors="0", time="0")
    ET.SubElement(suite, "system-out").text = _text("".join(line + "\n" for line in passed_lines))
    ET.SubElement(suite, "system-err").text = ""


def render(report: Report, lang: str = "id") -> str:
    """The report as a JUnit XML document (a <testsuites> root)."""
    root = ET.Element("testsuites")
    for index, village in enumerate(report.villages):
        _suite(root, index, village, report, lang)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
