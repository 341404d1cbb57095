"""The registry of rules: one module a rule, registered by one line in RULES."""
from __future__ import annotations

from types import ModuleType

from checker.rules import (
    apbdes_arithmetic,
    apbdes_layanan,
    apbdes_realisasi,
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

RULES: tuple[ModuleType, ...] = (
    input_file,
    schema,
    completeness,
    freshness,
    apbdes_arithmetic,
    apbdes_layanan,
    apbdes_realisasi,
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
by_id: dict[str, ModuleType] = {module.ID: module for module in RULES}


def get(rule_id: str) -> ModuleType:
    return by_id[rule_id]


def describe(rule_id: str, lang: str = "id") -> str:
    """One line about a rule: its TITLE in the language asked, for reports and SARIF."""
    module = by_id.get(rule_id)
    if module is None:
        return rule_id
    return module.TITLE.get(lang, module.TITLE["id"])
