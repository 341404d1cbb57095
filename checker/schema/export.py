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
from typing import Any, Mapping, Sequence

from checker.cli import parser as cmdline
from checker.catalogue import Catalogue, load_catalogue
from checker.schema.validator import expanded_schema

DRAFT = "http://json-schema.org/draft-07/schema#"
OUT_DIR = Path("schemas")
KODE_REKENING = r"^\d+(\.\d+)*$"  # the shape checker/validator.py accepts
# A relative path inside the village: not absolute, no "..", no URL scheme (validator.check_passes).
BERKAS = r"^(?![/\\])(?![A-Za-z][A-Za-z0-9+.-]*:)(?!(?:.*[/\\])?\.\.(?:[/\\]|$)).+$"
_TYPES: Mapping[str, Mapping[str, str]] = {
    "string": {"type": "string"}, "integer": {"type": "integer"}, "number": {"type": "number"},
    "boolean": {"type": "boolean"}, "list": {"type": "array"}, "dict": {"type": "object"},
    "tanggal": {"type": "string", "format": "date"}, "rupiah": {"type": "integer"},
    "rupiah_bertanda": {"type": "integer"},
}
_EMPTY = {"string": "minLength", "array": "minItems", "object": "minProperties"}
_KNOWN = {"type", "required", "empty", "allowed", "min", "max", "regex", "check_with", "schema", "allow_unknown", "meta"}
TEXT = {
    "id": {"description": "Tulis JSON Schema tiap jenis berkas desa (untuk VS Code) dari slip_schema.yaml.",
           "out": "folder tujuan (bawaan: schemas/)", "check": "hanya periksa bahwa skema di folder itu mutakhir",
           "written": "{count} skema ditulis ke {out}/", "fresh": "Skema di {out}/ mutakhir.",
           "stale": "Skema di {out}/ tidak sama dengan slip_schema.yaml: {names}. Jalankan `slip schemas`.",
           "unwritable": "tidak dapat menulis {out}: {error}"},
    "en": {"description": "Write the JSON Schema of each kind of village file (for VS Code) from slip_schema.yaml.",
           "out": "output folder (default: schemas/)", "check": "only check that the schemas in that folder are current",
           "written": "{count} schemas written to {out}/", "fresh": "The schemas in {out}/ are current.",
           "stale": "The schemas in {out}/ differ from slip_schema.yaml: {names}. Run `slip schemas`.",
           "unwritable": "cannot write {out}: {error}"},
}


def kind(pattern: str) -> str:
    """profil.yaml -> profil; apbdes/*.yaml -> apbdes; pengumuman/*.md -> pengumuman."""
    return pattern.split("/")[0].split(".")[0]


def _check_with(name: str, catalogue: Catalogue) -> dict[str, Any]:
    if name == "kode_wilayah":
        return {"pattern": catalogue.kode_pattern}
    if name == "kode_rekening":
        return {"pattern": KODE_REKENING}
    if name == "berkas":
        return {"pattern": BERKAS}
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


def command(argv: Sequence[str], lang: str) -> int:
    """`slip schemas [--out schemas/] [--check]`."""
    text = TEXT[lang]
    parser = cmdline.Parser(prog="slip schemas", description=text["description"])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help=text["out"])
    parser.add_argument("--check", action="store_true", help=text["check"])
    parser.add_argument("--lang", choices=("id", "en"), default=lang)
    args = cmdline.parse(parser, argv, lang)
    if isinstance(args, int):
        return args
    catalogue = load_catalogue()
    out = str(args.out).rstrip("/")
    if args.check:
        names = stale(args.out, catalogue)
        print(text["stale"].format(out=out, names=", ".join(names)) if names else text["fresh"].format(out=out))
        return 1 if names else 0
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, rendered in export(catalogue).items():
            (args.out / name).write_text(rendered, encoding="utf-8")
    except OSError as error:
        return cmdline.fail("slip schemas", text["unwritable"].format(out=out, error=error.strerror or error))
    print(text["written"].format(count=len(catalogue.files), out=out))
    return 0
