"""The registry of rules: one module a rule (the contract is checker.rules.base), registered by one line in RULES."""
from __future__ import annotations

from typing import cast

from checker.rules import (
    apbdes_arithmetic,
    apbdes_layanan,
    apbdes_pelaksana,
    apbdes_realisasi,
    apbdes_reports,
    badan_publik,
    completeness,
    dip_exempt,
    documents,
    freshness,
    hidden_characters,
    input_file,
    kode_wilayah,
    nik,
    ppid_appointment,
    rpjmdes_period,
    schema,
    serta_merta,
    service_deadlines,
    village_folder,
)
from checker.rules.base import Rule

_MODULES = (
    input_file,
    schema,
    completeness,
    freshness,
    apbdes_arithmetic,
    apbdes_layanan,
    apbdes_pelaksana,
    apbdes_realisasi,
    apbdes_reports,
    ppid_appointment,
    badan_publik,
    dip_exempt,
    documents,
    kode_wilayah,
    nik,
    rpjmdes_period,
    serta_merta,
    service_deadlines,
    hidden_characters,
    village_folder,
)
RULES: tuple[Rule, ...] = cast("tuple[Rule, ...]", _MODULES)  # modules satisfy Rule structurally
by_id: dict[str, Rule] = {module.ID: module for module in RULES}


def get(rule_id: str) -> Rule:
    return by_id[rule_id]


def describe(rule_id: str, lang: str = "id") -> str:
    """One line about a rule: its TITLE in the language asked, for reports and SARIF."""
    module = by_id.get(rule_id)
    if module is None:
        return rule_id
    return module.TITLE.get(lang, module.TITLE["id"])
