"""The three demo villages, checked as a new user does: bands, known defects, and every format."""
from __future__ import annotations

import json

import jsonschema
import pytest
import xmlschema

from checker.reporters import REPORTERS
from checker.run.pipeline import run
from tests.conftest import DEMO_AS_OF, ROOT

SCHEMAS = ROOT / "tests" / "data" / "schemas"  # copies of the public SARIF 2.1.0 schema and JUnit XSD


@pytest.fixture(scope="module")
def report(demo_root):
    return run([demo_root], as_of=DEMO_AS_OF)


def by_slug(report):
    return {v.result.slug: v for v in report.villages}


def test_demo_villages_land_in_their_bands(report):
    villages = by_slug(report)
    assert villages["kraton"].score.band == "Informatif"
    assert villages["kraton"].result.exit_code() == 0
    assert villages["sumberwuluh"].score.band == "Cukup Informatif"
    assert villages["supiturang"].score.value < 60
    assert report.exit_code == 1


def test_poor_village_leaks_a_nik_and_the_checker_names_its_line(report, demo_root):
    supiturang = by_slug(report)["supiturang"]
    leaks = [f for f in supiturang.result.findings if f.rule == "nik"]
    assert leaks and all(f.obligation == "dikecualikan.data_pribadi" for f in leaks)
    program = (demo_root / "supiturang" / leaks[0].file).read_text(encoding="utf-8").splitlines()
    assert any(ch.isdigit() for ch in program[leaks[0].line - 1])


def test_sarif_output_validates_against_the_sarif_schema(report):
    schema_path = SCHEMAS / "sarif-schema-2.1.0.json"
    jsonschema.validate(json.loads(REPORTERS["sarif"](report, "id")), json.loads(schema_path.read_text()))


def test_junit_output_validates_against_the_xsd(report):
    xsd = SCHEMAS / "JUnit.xsd"
    xmlschema.XMLSchema(str(xsd)).validate(REPORTERS["junit"](report, "en"))


def test_json_round_trip_keeps_every_finding(report):
    data = json.loads(REPORTERS["json"](report, "id"))
    assert [v["slug"] for v in data["villages"]] == [v.result.slug for v in report.villages]
    for village, entry in zip(report.villages, data["villages"]):
        assert len(entry["findings"]) == len(village.result.findings)
        assert entry["score"] == village.score.value and entry["band"] == village.score.band
