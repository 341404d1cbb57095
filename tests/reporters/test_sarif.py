"""sarif: valid SARIF 2.1.0, one descriptor per rule that fired, results that point at root/file."""

from __future__ import annotations

import dataclasses
import json
import sys
import types
from pathlib import Path

import jsonschema
import pytest
from reportkit import APBDES_ERROR, make_report, make_village

from checker.reporters import sarif
from checker.reporters.sarif import render

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


@pytest.fixture(autouse=True)
def fake_describe(monkeypatch: pytest.MonkeyPatch) -> None:
    # The rules package is written in parallel; its TITLEs are not needed to test the format.
    monkeypatch.setattr(sarif, "describe", lambda rule_id, lang: f"{lang}: {rule_id}")


def _run(report, lang="id") -> dict:
    return json.loads(render(report, lang))["runs"][0]


def test_valid_against_the_schema(validator, two) -> None:
    for lang in ("id", "en"):
        errors = [e.message for e in validator.iter_errors(json.loads(render(two, lang)))]
        assert errors == []


def test_driver_and_rules(two) -> None:
    driver = _run(two, "en")["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "slip-desa",
        "0.1.0",
        "https://github.com/slip-desa/slip-desa",
    )
    assert driver["rules"] == [
        {"id": "apbdes-arithmetic", "shortDescription": {"text": "en: apbdes-arithmetic"}},
        {"id": "completeness", "shortDescription": {"text": "en: completeness"}},
        {"id": "input-file", "shortDescription": {"text": "en: input-file"}},
    ]


def test_results(two) -> None:
    run = _run(two, "id")
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert [rules[r["ruleIndex"]] for r in run["results"]] == [r["ruleId"] for r in run["results"]]
    assert [r["level"] for r in run["results"]] == ["error", "error", "warning"]  # fatal -> error
    first = run["results"][0]
    assert first["message"]["text"] == (
        "Jumlah belanja 120.000 tidak sama dengan rinciannya 100.000. "
        "(Perki 1/2018 Pasal 11 ayat (1) huruf c)"
    )
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "villages/kraton/apbdes.yaml"},
        "region": {"startLine": 12, "startColumn": 5},
    }
    assert first["properties"] == {
        "obligation": "berkala.apbdes",
        "article": "Perki 1/2018 Pasal 11 ayat (1) huruf c",
        "hint": "Periksa rincian belanja bidang 2.",
        "village": "kraton",
        "severity": "error",
    }


def test_whole_file_finding_has_no_region_and_stays_valid(validator) -> None:
    whole = dataclasses.replace(APBDES_ERROR, line=0, col=0)
    log = json.loads(
        render(make_report(make_village("kraton", (whole,), 95.0, "Informatif")), "id")
    )
    assert list(log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]) == [
        "artifactLocation"
    ]
    assert list(validator.iter_errors(log)) == []


def test_fingerprint_survives_moves_but_not_new_messages(kraton) -> None:
    moved = dataclasses.replace(APBDES_ERROR, line=40, col=9)
    other = dataclasses.replace(APBDES_ERROR, message_id="Jumlah pendapatan tidak sama.")
    prints = {}
    for label, finding in (("base", APBDES_ERROR), ("moved", moved), ("other", other)):
        run = _run(make_report(make_village("kraton", (finding,), 95.0, "Informatif")))
        prints[label] = run["results"][0]["partialFingerprints"]
    assert prints["base"] == prints["moved"]
    assert prints["base"] != prints["other"]


def test_describe_asks_the_rules_registry_lazily(monkeypatch) -> None:
    # Undo the autouse fake: this checks the real lookup, through a stand-in rules package.
    monkeypatch.undo()
    fake = types.ModuleType("checker.rules")
    fake.describe = lambda rule_id, lang="id": {"id": "Judul", "en": "Title"}[lang] + f" {rule_id}"
    monkeypatch.setitem(sys.modules, "checker.rules", fake)
    assert sarif.describe("nik", "en") == "Title nik"
    assert sarif.describe("nik", "id") == "Judul nik"
