"""slip_schema.yaml against the SLIP catalogue: every obligation kept verbatim, every evidence reachable."""
from __future__ import annotations

import fnmatch

import yaml

from checker import rules
from checker.catalogue import load_catalogue
from checker.schema.validator import expanded_schema
from tests.conftest import ROOT

SHARED = yaml.safe_load((ROOT / "tests" / "data" / "obligations.yaml").read_text(encoding="utf-8"))  # copy of ../shared/slip
CATALOGUE = load_catalogue()
SCHEMA_TEXT = (ROOT / "slip_schema.yaml").read_text(encoding="utf-8")


def test_every_obligation_of_the_catalogue_is_encoded_with_its_id_article_and_confidence():
    shared = {o["id"]: (o["basis"], o["confidence"]) for o in SHARED["obligations"]}
    ours = {o.id: (o.basis, o.confidence) for o in CATALOGUE.obligations.values()}
    assert SHARED["catalogue_version"] == 2 == yaml.safe_load(SCHEMA_TEXT)["version"]
    assert ours == shared and len(ours) == 58


def test_the_saq_has_twenty_questions_and_every_obligation_answers_at_least_one():
    listed = {o for q in CATALOGUE.saq for o in q.obligations}
    assert len(CATALOGUE.saq) == 20 and listed == set(CATALOGUE.obligations)
    assert [q.obligations for q in CATALOGUE.saq] == [tuple(q["obligations"]) for q in SHARED["monev_saq"]]


def test_every_obligation_is_judged_by_evidence_or_by_a_rule_that_exists():
    for obligation in CATALOGUE.obligations.values():
        assert obligation.evidence or obligation.rule, obligation.id
        if obligation.rule:
            assert obligation.rule in rules.by_id, obligation.id


def _schema_has(rules_: dict, dotted: str) -> bool:
    node = {"type": "dict", "schema": rules_}
    for step in dotted.split("."):
        fields = node.get("schema") if isinstance(node, dict) else None
        if isinstance(fields, dict) and node.get("type") == "list":
            fields = fields.get("schema")
        if not isinstance(fields, dict) or step not in fields:
            return False
        node = fields[step]
    return True


def test_every_evidence_path_exists_in_the_schema_of_its_file():
    missing = []
    for obligation in CATALOGUE.obligations.values():
        for spec in obligation.evidence:
            name = spec["file"].replace("{tahun}", "2026").replace("{tahun_lapor}", "2025")
            pattern = next(p for p in CATALOGUE.files if fnmatch.fnmatchcase(name, p))
            schema = expanded_schema(pattern, CATALOGUE)
            base = spec.get("list", "")
            for path in (*spec.get("all", ()), *spec.get("present", ()), *spec.get("where", {})):
                dotted = f"{base}.{path}" if base else path
                if not _schema_has(schema, dotted):
                    missing.append((obligation.id, dotted))
            if base and not _schema_has(schema, base):
                missing.append((obligation.id, base))
    assert missing == []


def test_monev_only_obligations_are_never_errors_and_data_pribadi_stays_one():
    monev = [o for o in CATALOGUE.obligations.values() if o.id.startswith("monev.")]
    assert len(monev) == 5 and all(o.recommended_only for o in monev)
    assert CATALOGUE.get("dikecualikan.data_pribadi").confidence == "secondary"
    assert CATALOGUE.severity_by_confidence["secondary"] == "error"


def test_no_basis_cites_the_replaced_perki_2010_and_the_annual_report_has_no_deadline():
    assert not [o.id for o in CATALOGUE.obligations.values() if "1/2010" in o.basis]
    assert CATALOGUE.get("laporan.layanan_tahunan").due_from is None


def test_the_dip_columns_are_the_catalogues():
    ours = yaml.safe_load(SCHEMA_TEXT)["dip_columns"]
    assert ours == SHARED["dip_columns"]
