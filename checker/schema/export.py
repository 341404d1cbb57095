"""JSON Schemas for editors, generated from the Cerberus schemas in slip_schema.yaml (`slip schemas`).

One schema per kind of village file (schemas/profil.schema.json, apbdes.schema.json, and for the
Markdown pages the schema of their front matter), in JSON Schema draft-07, which the YAML extension
of VS Code (yaml-language-server) reads: it then underlines a wrong type, an unknown key or a
missing field while staff type, and shows each field's Indonesian `meta.description` on hover. The
Cerberus rules translate one to one: type, required, allowed, min/max, regex, empty, list and dict
schemas; the custom types become tanggal -> string with format date (an editor reads an unquoted
YAML date as text), rupiah -> integer; the custom checks become patterns (kode wilayah, kode
rekening, berkas) or an enum (obligation ids). The checker stays the judge: these schemas only
bring its first verdicts into the editor.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

from checker.catalogue import Catalogue
from checker.domain import references
from checker.schema.validator import expanded_schema

DRAFT = "http://json-schema.org/draft-07/schema#"
OUT_DIR = Path("schemas")
KODE_REKENING = r"^\d+(\.\d+)*$"  # the shape checker/validator.py accepts
_TYPES: Mapping[str, Mapping[str, str]] = {
    "string": {"type": "string"}, "integer": {"type": "integer"}, "number": {"type": "number"},
    "boolean": {"type": "boolean"}, "list": {"type": "array"}, "dict": {"type": "object"},
    "tanggal": {"type": "string", "format": "date"}, "rupiah": {"type": "integer"},
    "rupiah_bertanda": {"type": "integer"},
}
_EMPTY = {"string": "minLength", "array": "minItems", "object": "minProperties"}
_KNOWN = {"type", "required", "empty", "allowed", "min", "max", "regex", "check_with", "schema", "allow_unknown", "meta"}


def kind(pattern: str) -> str:
    """profil.yaml -> profil; apbdes/*.yaml -> apbdes; pengumuman/*.md -> pengumuman."""
    return pattern.split("/")[0].split(".")[0]


def _check_with(name: str, catalogue: Catalogue) -> dict[str, Any]:
    if name == "kode_wilayah":
        return {"pattern": catalogue.kode_pattern}
    if name == "kode_rekening":
        return {"pattern": KODE_REKENING}
    if name == "berkas":
        return {"pattern": references.PATTERN}
    if name == "obligation_id":
        return {"enum": sorted(catalogue.obligations)}
    raise ValueError(f"check_with {name} has no JSON Schema translation")


def _description(rules: Mapping[str, Any], catalogue: Catalogue) -> str | None:
    meta = rules.get("meta") or {}
    text = meta.get("description")
    obligation = catalogue.obligations.get(meta.get("obligation", ""))
    if obligation and text and obligation.basis not in text:
        text = f"{text} ({obligation.basis})"
    return text


def translate(rules: Mapping[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    """One field's Cerberus rules (rules-set names already expanded) as a JSON Schema."""
    unknown = set(rules) - _KNOWN
    if unknown:
        raise ValueError(f"Cerberus rules without a JSON Schema translation: {sorted(unknown)}")
    out: dict[str, Any] = {}
    description = _description(rules, catalogue)
    if description:
        out["description"] = description
    if rules.get("type"):
        out.update(_TYPES[rules["type"]])
    json_type = out.get("type")
    if rules.get("empty") is False and json_type in _EMPTY:
        out[_EMPTY[json_type]] = 1
    if "allowed" in rules:
        if json_type == "array":
            out["items"] = {"enum": list(rules["allowed"])}
        else:
            out["enum"] = list(rules["allowed"])
    if "min" in rules:
        out["minimum"] = rules["min"]
    if "max" in rules:
        out["maximum"] = rules["max"]
    if "regex" in rules:
        pattern = rules["regex"]
        out["pattern"] = pattern if pattern.startswith("^") and pattern.endswith("$") else f"^(?:{pattern})$"
    if "check_with" in rules:
        out.update(_check_with(rules["check_with"], catalogue))
    sub = rules.get("schema")
    if isinstance(sub, Mapping) and json_type == "array":
        out["items"] = translate(sub, catalogue)
    elif isinstance(sub, Mapping):
        out.update(_object(sub, bool(rules.get("allow_unknown", False)), catalogue))
    return out


def _object(fields: Mapping[str, Any], allow_unknown: bool, catalogue: Catalogue) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": {name: translate(r, catalogue) for name, r in fields.items()}}
    required = [name for name, r in fields.items() if r.get("required") is True]
    if required:
        out["required"] = required
    out["additionalProperties"] = allow_unknown  # Cerberus refuses unknown keys unless told otherwise
    return out


def file_schema(pattern: str, catalogue: Catalogue) -> dict[str, Any]:
    """The JSON Schema of one `files:` entry of slip_schema.yaml."""
    spec = catalogue.files[pattern]
    front = " (front matter)" if pattern.endswith(".md") else ""
    head: dict[str, Any] = {"$schema": DRAFT, "title": f"slip-desa: {pattern}{front}"}
    description = (spec.get("meta") or {}).get("description")
    if description:
        head["description"] = description
    return {**head, **_object(expanded_schema(pattern, catalogue), False, catalogue)}


def export(catalogue: Catalogue) -> dict[str, str]:
    """File name -> rendered JSON Schema, for every kind of village file."""
    return {f"{kind(p)}.schema.json": json.dumps(file_schema(p, catalogue), indent=2, ensure_ascii=False) + "\n"
            for p in catalogue.files}


def editor_globs(catalogue: Catalogue, villages: str = "villages") -> dict[str, list[str]]:
    """The `yaml.schemas` setting of VS Code: schema file -> globs of the YAML files it describes."""
    return {f"./schemas/{kind(p)}.schema.json": [f"{villages}/*/{p}"] for p in catalogue.files if p.endswith(".yaml")}


def stale(out: Path, catalogue: Catalogue) -> list[str]:
    """Names of the schema files in `out` that are missing or differ from a fresh generation."""
    return [name for name, text in export(catalogue).items()
            if not (out / name).is_file() or (out / name).read_text(encoding="utf-8") != text]
