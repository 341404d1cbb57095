"""What to write in a field, read from its rules in slip_schema.yaml, for the hints staff follow.

A hint has to say what to write and where. The where is the finding's file and line; the what is
here: the kind of value the field's Cerberus rules want (a date, whole rupiah, a quoted code, one of
the allowed words, a document copy in dokumen/, a list) and the field's own Indonesian
`meta.description`, which the JSON Schemas for editors also show. The descriptions exist only in
Indonesian, so the English guide quotes them as they are.
"""
from __future__ import annotations

from typing import Any, Mapping, NamedTuple

from checker.catalogue import Catalogue
from checker.schema.validator import expanded_schema, file_pattern

Rules = Mapping[str, Any]


class Guide(NamedTuple):
    """What to write (id, en), the field's description ('' when it has none) and, for a list of
    records, the keys each item must have ('' otherwise)."""

    id: str
    en: str
    description: str
    item_keys: str = ""
    document: bool = False  # a `berkas`: a copy kept in dokumen/


def rules_at(schema: Mapping[str, Any], schema_path: tuple[Any, ...]) -> Rules | None:
    """The rules of the field a Cerberus error's schema_path ends in (its last step is the rule)."""
    node: Any = schema
    for step in schema_path[:-1]:
        if not isinstance(node, dict) or step not in node:
            return None
        node = node[step]
    return node if isinstance(node, dict) else None


def rules_for_path(name: str, path: tuple[Any, ...], catalogue: Catalogue) -> Rules | None:
    """The rules of the field at a data path of a village file (a list index steps into the items)."""
    pattern = file_pattern(name, catalogue)
    if pattern is None:
        return None
    rules: Any = {"type": "dict", "schema": expanded_schema(pattern, catalogue)}
    for step in path:
        sub = rules.get("schema") if isinstance(rules, dict) else None
        if not isinstance(sub, dict):
            return None
        rules = sub if isinstance(step, int) else sub.get(step)
        if not isinstance(rules, dict):
            return None
    return rules


def _kind(rules: Rules, must_fill: bool) -> tuple[str, str]:
    kind, check = rules.get("type"), rules.get("check_with")
    if rules.get("allowed"):
        words = ", ".join(str(word) for word in rules["allowed"])
        return f"salah satu dari: {words}", f"one of: {words}"
    if check == "berkas":
        return ("alamat salinan dokumennya: simpan PDF atau gambarnya di folder dokumen/ desa, lalu tulis "
                "misalnya dokumen/nama-berkas.pdf",
                "the path of its copy: put the PDF or image in the village's dokumen/ folder, then write e.g. "
                "dokumen/nama-berkas.pdf")
    if check == "kode_rekening":
        return 'kode rekening dalam tanda kutip, misalnya "1.1.01"', 'an account code in quotes, e.g. "1.1.01"'
    if check == "kode_wilayah":
        return 'kode wilayah dalam tanda kutip, misalnya "35.08.07.2002"', 'a region code in quotes, e.g. "35.08.07.2002"'
    if "@" in str(rules.get("regex", "")):
        return "alamat surel lengkap, misalnya pemdes@contoh.desa.id", "a full e-mail address, e.g. pemdes@contoh.desa.id"
    if rules.get("regex") == r"^\d{5}$":
        return 'lima angka dalam tanda kutip, misalnya "67374"', 'five digits in quotes, e.g. "67374"'
    if kind == "tanggal":
        return "tanggal TTTT-BB-HH tanpa tanda kutip, misalnya 2026-01-31", "a date YYYY-MM-DD without quotes, e.g. 2026-01-31"
    if kind in ("rupiah", "rupiah_bertanda"):
        sign = (" (boleh negatif)", " (may be negative)") if kind == "rupiah_bertanda" else ("", "")
        return (f"angka rupiah bulat tanpa titik dan tanpa Rp, misalnya 1250000000{sign[0]}",
                f"whole rupiah without dots or Rp, e.g. 1250000000{sign[1]}")
    if kind == "integer":
        if rules.get("min") == 2000:
            return "tahun empat angka, misalnya 2026", "a four-digit year, e.g. 2026"
        return "bilangan bulat tanpa titik, misalnya 0 atau 12", "a whole number without dots, e.g. 0 or 12"
    if kind == "number":
        return "angka (desimal memakai titik), misalnya 4.87", "a number (decimal point), e.g. 4.87"
    if kind == "boolean":
        return "true atau false", "true or false"
    if kind == "list":
        keys = _item_keys(rules)
        none = ("", "")
        if rules.get("empty") is not False and not must_fill:
            none = ("; tulis [] bila memang tidak ada", "; write [] when there is none")
        if keys:
            return (f"satu butir per baris data, diawali '- ', dengan kolom {keys}{none[0]}",
                    f"one item per record, starting with '- ', with the keys {keys}{none[1]}")
        return (f"butir-butirnya di baris-baris berikutnya, masing-masing diawali '- ' dan menjorok dua spasi{none[0]}",
                f"its items on the next lines, each starting with '- ', indented two spaces{none[1]}")
    if kind == "dict":
        return ("kolom-kolomnya di baris-baris berikutnya, menjorok dua spasi",
                "its keys on the next lines, indented two spaces")
    return "isinya", "its value"


def _item_keys(rules: Rules) -> str:
    """The required keys of a list's items, when the items are records."""
    items = rules.get("schema")
    fields = items.get("schema") if isinstance(items, dict) and items.get("type") == "dict" else None
    if not isinstance(fields, dict):
        return ""
    return ", ".join(str(key) for key, sub in fields.items() if isinstance(sub, dict) and sub.get("required"))


def guide(rules: Rules | None, *, must_fill: bool = False) -> Guide:
    """What to write in a field with these rules; a plain "its value" when the rules are unknown.

    `must_fill`: an obligation needs the value filled, so an empty list ([]) will not do."""
    if not rules:
        return Guide("isinya", "its value", "")
    what_id, what_en = _kind(rules, must_fill)
    meta = rules.get("meta")
    description = str(meta.get("description", "")).strip().rstrip(".") if isinstance(meta, dict) else ""
    keys = _item_keys(rules) if rules.get("type") == "list" else ""
    return Guide(what_id, what_en, description, keys, rules.get("check_with") == "berkas")


def brief(found: Guide) -> str:
    """A short Indonesian note on a field, for a list of fields in one hint."""
    if found.document:
        return found.id
    parts = [found.description or found.id]
    if found.item_keys:
        parts.append(f"tiap butir diawali '- ' dengan kolom {found.item_keys}")
    return "; ".join(parts)


def about(found: Guide) -> dict[str, str]:
    """The description as a sentence per language, to append to a hint ('' when there is none)."""
    if not found.description:
        return {"about_id": "", "about_en": ""}
    return {"about_id": f" Keterangan kolom ini: {found.description}.",
            "about_en": f" slip_schema.yaml describes it (in Indonesian) as: \"{found.description}\"."}
