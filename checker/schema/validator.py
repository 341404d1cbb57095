"""Cerberus, extended in one place: the slip types, checks and rules-set registry.

Types: `tanggal` (a YAML date), `rupiah` and `rupiah_bertanda` (whole rupiah; YAML booleans are
not numbers). Checks: kode wilayah format, kode rekening format, relative document paths, and
obligation ids. Whether a document exists on disk is the `documents` rule's job, because the
validator sees values, not the village folder.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import re
from typing import Any, Mapping

import cerberus
from cerberus import TypeDefinition

from checker.catalogue import Catalogue, load_catalogue
from checker.domain import references, wilayah

_KODE_REKENING = re.compile(r"^\d+(\.\d+)*$")


class SlipValidator(cerberus.Validator):
    types_mapping = cerberus.Validator.types_mapping.copy()
    types_mapping["tanggal"] = TypeDefinition("tanggal", (dt.date,), ())
    types_mapping["rupiah"] = TypeDefinition("rupiah", (int,), (bool,))
    types_mapping["rupiah_bertanda"] = TypeDefinition("rupiah_bertanda", (int,), (bool,))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.catalogue: Catalogue = kwargs.get("catalogue") or load_catalogue()

    def _check_with_kode_wilayah(self, field: str, value: Any) -> None:
        # Only the shape here; whether it exists and is a desa is the kode-wilayah rule's job.
        if not check_passes("kode_wilayah", value, self.catalogue):
            self._error(field, "kode_wilayah_format")

    def _check_with_kode_rekening(self, field: str, value: Any) -> None:
        if not check_passes("kode_rekening", value, self.catalogue):
            self._error(field, "kode_rekening_format")

    def _check_with_berkas(self, field: str, value: Any) -> None:
        if not check_passes("berkas", value, self.catalogue):
            self._error(field, "berkas_path")

    def _check_with_obligation_id(self, field: str, value: Any) -> None:
        if not check_passes("obligation_id", value, self.catalogue):
            self._error(field, "obligation_id")


def check_passes(name: str, value: Any, catalogue: Catalogue) -> bool:
    """Whether one `check_with` check accepts a value; shared by the Cerberus methods above and the
    compiled acceptance test in checker/acceptance.py, so the two can never disagree."""
    if not isinstance(value, str):
        return True  # the type rule reports a value of the wrong kind
    if name == "kode_wilayah":
        return bool(wilayah.KODE.match(value))
    if name == "kode_rekening":
        return bool(_KODE_REKENING.match(value))
    if name == "berkas":
        return references.is_relative(value)
    if name == "obligation_id":
        return value in catalogue.obligations
    raise KeyError(name)


def _expand(rules: Any, rules_sets: Mapping[str, Any]) -> Any:
    """Replace rules-set names by their definitions, all the way down.

    Cerberus 1.3 resolves a top-level field's rules-set name through its global registry even when
    a validator is given its own, so the names are expanded here, once, when the schema is built.
    """
    if isinstance(rules, str):
        return _expand(rules_sets[rules], rules_sets)
    expanded = dict(rules)
    if isinstance(expanded.get("schema"), (str, dict)):
        sub = expanded["schema"]
        if expanded.get("type") == "list" or isinstance(sub, str) or "type" in sub:
            expanded["schema"] = _expand(sub, rules_sets)  # a list's schema is one rules set
        else:
            expanded["schema"] = {k: _expand(v, rules_sets) for k, v in sub.items()}
    return expanded


@functools.lru_cache(maxsize=16)
def expanded_schema(pattern: str, catalogue: Catalogue) -> dict[str, Any]:
    """The Cerberus schema of one kind of village file, rules-set names resolved."""
    rules_sets = catalogue.rules_sets
    return {k: _expand(v, rules_sets) for k, v in catalogue.files[pattern]["schema"].items()}


@functools.lru_cache(maxsize=8)
def _validator(pattern: str, catalogue: Catalogue) -> SlipValidator:
    # Building a validator normalises and checks the schema; it is done once per file kind.
    return SlipValidator(expanded_schema(pattern, catalogue), catalogue=catalogue)


def file_pattern(name: str, catalogue: Catalogue) -> str | None:
    """The key of `files:` in slip_schema.yaml that describes this village file."""
    for pattern in catalogue.files:
        if fnmatch.fnmatchcase(name, pattern):
            return pattern
    return None


def validator_for(name: str, catalogue: Catalogue) -> SlipValidator | None:
    pattern = file_pattern(name, catalogue)
    return None if pattern is None else _validator(pattern, catalogue)


def file_obligation(name: str, catalogue: Catalogue) -> str:
    """The obligation a problem in this file counts against when nothing nearer says."""
    pattern = file_pattern(name, catalogue)
    if pattern is None:
        return "kewajiban.dip_ditetapkan"
    meta: Mapping[str, Any] = catalogue.files[pattern].get("meta", {})
    return meta.get("obligation", "kewajiban.dip_ditetapkan")


def obligation_for_path(name: str, path: tuple[Any, ...], catalogue: Catalogue) -> str:
    """The obligation of the deepest schema part above a data path (for rules other than schema)."""
    pattern = file_pattern(name, catalogue)
    found = file_obligation(name, catalogue)
    if pattern is None:
        return found
    rules: Any = {"type": "dict", "schema": expanded_schema(pattern, catalogue)}
    for step in path:
        sub = rules.get("schema") if isinstance(rules, dict) else None
        if not isinstance(sub, dict):
            break
        rules = sub if isinstance(step, int) else sub.get(step)
        if not isinstance(rules, dict):
            break
        meta = rules.get("meta")
        if isinstance(meta, dict) and "obligation" in meta:
            found = meta["obligation"]
    return found
