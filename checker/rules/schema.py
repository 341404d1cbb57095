"""Bentuk data: jenis nilai, kolom wajib, nilai yang diizinkan dan kunci yang tidak dikenal.

Setiap berkas desa diperiksa dengan skema Cerberus di `slip_schema.yaml` (bagian `files:`). Galat
dikaitkan dengan kewajiban dari `meta.obligation` bagian skema terdekat, lalu diletakkan pada baris
nilai itu. Angka rupiah ditulis utuh tanpa titik (`1250000000`), tanggal sebagai `2026-01-31`.

LULUS:
    anggaran: 1250000000
GAGAL:
    anggaran: Rp 1.250.000.000
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator, Mapping

from cerberus import errors as cerberus_errors

from checker import evidence
from checker.schema import fieldguide
from checker.schema.acceptance import accepts
from checker.context import Context
from checker.domain import rupiah
from checker.findings import Problem
from checker.model import SourceFile, Village
from checker.schema.validator import expanded_schema, file_obligation, file_pattern, validator_for

ID = "schema"
TITLE = {"id": "Bentuk data sesuai skema", "en": "Data matches the schema"}
OBLIGATIONS = ("kewajiban.dip_ditetapkan",)
_CODES = {d.code: name.lower() for name, d in vars(cerberus_errors).items() if isinstance(d, cerberus_errors.ErrorDefinition)}
MESSAGES = {
    "required_field": {"id": "Kolom wajib '{field}' belum diisi.", "en": "Required field '{field}' is missing."},
    "unknown_field": {"id": "Kunci '{field}' tidak dikenal.", "en": "Unknown key '{field}'."},
    "empty_not_allowed": {"id": "'{field}' tidak boleh kosong.", "en": "'{field}' must not be empty."},
    "not_nullable": {"id": "'{field}' tidak boleh kosong.", "en": "'{field}' must not be empty."},
    "bad_type": {"id": "'{field}' harus berupa {want}, bukan {value!r}.", "en": "'{field}' must be {want_en}, not {value!r}."},
    "rupiah_text": {"id": "'{field}' harus angka rupiah utuh, bukan teks {value!r}.",
                    "en": "'{field}' must be a whole rupiah number, not the text {value!r}."},
    "tanggal_text": {"id": "'{field}' harus tanggal berbentuk TTTT-BB-HH, bukan {value!r}.",
                     "en": "'{field}' must be a date written YYYY-MM-DD, not {value!r}."},
    "tanggal_invalid": {"id": "Tanggal {value!r} pada '{field}' tidak ada di kalender.",
                        "en": "Date {value!r} in '{field}' does not exist."},
    "unallowed_value": {"id": "Nilai {value!r} pada '{field}' tidak diizinkan; pilih salah satu: {allowed}.",
                        "en": "Value {value!r} in '{field}' is not allowed; choose one of: {allowed}."},
    "min_value": {"id": "'{field}' paling kecil {constraint}.", "en": "'{field}' must be at least {constraint}."},
    "max_value": {"id": "'{field}' paling besar {constraint}.", "en": "'{field}' must be at most {constraint}."},
    "regex_mismatch": {"id": "Format '{field}' tidak sesuai: {value!r}.", "en": "'{field}' is not well formed: {value!r}."},
    "kode_wilayah_format": {"id": "Kode wilayah {value!r} harus berbentuk PP.KK.CC.DDDD, misalnya \"35.08.07.2002\".",
                            "en": "Kode wilayah {value!r} must look like PP.KK.CC.DDDD, e.g. \"35.08.07.2002\"."},
    "kode_rekening_format": {"id": "Kode rekening {value!r} harus berupa angka bertitik, misalnya \"4.2.1\".",
                             "en": "Account code {value!r} must be dotted numbers such as \"4.2.1\"."},
    "berkas_path": {"id": "Alamat berkas {value!r} harus relatif terhadap folder desa (misalnya dokumen/perdes.pdf).",
                    "en": "Document path {value!r} must be relative to the village folder (e.g. dokumen/perdes.pdf)."},
    "obligation_id": {"id": "Kewajiban {value!r} tidak ada dalam katalog SLIP Desa.",
                      "en": "Obligation {value!r} is not in the SLIP Desa catalogue."},
    "unknown_file": {"id": "Berkas {field} tidak dikenal oleh standar; isinya tidak akan dipakai.",
                     "en": "File {field} is not part of the standard; its content is not used."},
    "other": {"id": "'{field}' tidak sesuai skema ({rule}).", "en": "'{field}' does not match the schema ({rule})."},
}
# Every hint says what to write and where: the finding gives the file and line, the hint the value,
# from the field's rules and Indonesian description in slip_schema.yaml (checker/fieldguide.py).
HINTS = {
    "required_field": {"id": "Tambahkan baris `{field}:` di bagian ini, lalu tulis sesudahnya {guide_id}.{about_id}",
                       "en": "Add a line `{field}:` here and write after it {guide_en}.{about_en}"},
    "unknown_field": {"id": "Periksa ejaannya atau hapus baris ini. Kunci yang dikenal di bagian ini: {known}.",
                      "en": "Check its spelling or delete the line. Keys known here: {known}."},
    "empty_not_allowed": {"id": "Sesudah `{field}:` tulis {guide_id}.{about_id}{optional_id}",
                          "en": "After `{field}:` write {guide_en}.{about_en}{optional_en}"},
    "not_nullable": {"id": "Sesudah `{field}:` tulis {guide_id}.{about_id}{optional_id}",
                     "en": "After `{field}:` write {guide_en}.{about_en}{optional_en}"},
    "bad_type": {"id": "Sesudah `{field}:` tulis {guide_id}.{about_id}", "en": "After `{field}:` write {guide_en}.{about_en}"},
    "rupiah_text": {"id": "Tulis {suggestion} (tanpa Rp, titik atau koma).", "en": "Write {suggestion} (no Rp, dots or commas)."},
    "tanggal_text": {"id": "Tulis {suggestion_id}.", "en": "Write {suggestion_en}."},
    "tanggal_invalid": {"id": "Periksa tanggal dan bulannya di surat aslinya, lalu tulis tanggal yang ada sebagai TTTT-BB-HH, "
                               "misalnya 2026-02-28.",
                        "en": "Check the day and month on the original letter and write a real date as YYYY-MM-DD, e.g. 2026-02-28."},
    "unallowed_value": {"id": "Ganti dengan salah satu pilihan itu, ditulis persis sama (huruf besar/kecil dan garis bawah).{about_id}",
                        "en": "Replace it with one of those choices, spelled exactly (case and underscores).{about_en}"},
    "min_value": {"id": "Tulis angka {constraint} atau lebih.{about_id}", "en": "Write {constraint} or more.{about_en}"},
    "max_value": {"id": "Tulis angka {constraint} atau kurang.{about_id}", "en": "Write {constraint} or less.{about_en}"},
    "regex_mismatch": {"id": "Sesudah `{field}:` tulis {guide_id}.{about_id}", "en": "After `{field}:` write {guide_en}.{about_en}"},
    "kode_wilayah_format": {"id": "Salin kode desa dari data Kemendagri dalam tanda kutip, misalnya \"35.08.07.2002\" "
                                  "(`slip new KODE` menuliskannya sendiri).",
                            "en": "Copy the desa code from the Kemendagri data, in quotes, e.g. \"35.08.07.2002\" "
                                  "(`slip new KODE` writes it for you)."},
    "kode_rekening_format": {"id": "Tulis kodenya dalam tanda kutip, angka dipisah titik, misalnya \"4.2.1\" atau \"1.1.01\".",
                             "en": "Write the code in quotes, numbers separated by dots, e.g. \"4.2.1\" or \"1.1.01\"."},
    "berkas_path": {"id": "Simpan berkasnya di folder dokumen/ desa lalu tulis alamatnya mulai dari dokumen/, misalnya "
                          "dokumen/perdes-2026-01.pdf (tanpa / di depan, tanpa .., tanpa C:\\ atau http://).",
                    "en": "Put the file in the village's dokumen/ folder and write its path from dokumen/, e.g. "
                          "dokumen/perdes-2026-01.pdf (no leading /, no .., no C:\\ or http://)."},
    "obligation_id": {"id": "Salin id kewajiban persis dari docs/referensi-aturan.md (misalnya berkala.apbdes), "
                            "atau hapus baris `kewajiban:` (boleh dikosongkan).",
                      "en": "Copy the obligation id exactly from docs/referensi-aturan.md (e.g. berkala.apbdes), "
                            "or delete the `kewajiban:` line (it is optional)."},
    "unknown_file": {"id": "Pindahkan isinya ke salah satu berkas yang dikenal ({known}) atau hapus berkas ini; "
                           "halaman bebas ditulis di halaman/*.md.",
                     "en": "Move its content into one of the known files ({known}) or delete this file; "
                           "free pages go in halaman/*.md."},
    "other": {"id": "Sesudah `{field}:` tulis {guide_id}.{about_id}", "en": "After `{field}:` write {guide_en}.{about_en}"},
}
OPTIONAL = {"optional_id": " Bila memang tidak ada, hapus baris ini.", "optional_en": " If there is none, delete this line."}
_TYPES = {"tanggal": ("tanggal (TTTT-BB-HH)", "a date (YYYY-MM-DD)"), "rupiah": ("angka rupiah utuh", "a whole rupiah number"),
          "rupiah_bertanda": ("angka rupiah utuh", "a whole rupiah number"), "string": ("teks", "text"),
          "integer": ("bilangan bulat", "a whole number"), "number": ("angka", "a number"), "list": ("daftar (- ...)", "a list"),
          "dict": ("kumpulan kunci: nilai", "a mapping"), "boolean": ("true atau false", "true or false")}


def suggest_date(text: str) -> tuple[str, bool]:
    """('2025-02-28', True) for a DD-MM-YYYY text; ('', False) when the date does not exist."""
    match = re.fullmatch(r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*", text) or re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", text)
    if not match:
        return "", True
    a, b, c = (int(x) for x in match.groups())
    day, month, year = (c, b, a) if a > 31 else (a, b, c)
    try:
        return dt.date(year, month, day).isoformat(), True
    except ValueError:
        return "", False


def _obligation(schema: Mapping[str, Any], schema_path: tuple[Any, ...], default: str | None) -> str | None:
    node: Any = schema
    found = default
    for step in schema_path:
        if not isinstance(node, dict) or step not in node:
            break
        node = node[step]
        if isinstance(node, dict) and isinstance(node.get("meta"), dict) and "obligation" in node["meta"]:
            found = node["meta"]["obligation"]
    return found


def _leaves(errors: Any) -> Iterator[Any]:
    for error in errors:
        if error.is_group_error:
            yield from _leaves(error.child_errors)
        else:
            yield error


def _guide(error: Any, schema: Mapping[str, Any], demand: str | None) -> dict[str, str]:
    """The hint's what-to-write parameters for the field this error is about."""
    rules = fieldguide.rules_at(schema, tuple(error.schema_path))
    found = fieldguide.guide(rules, must_fill=demand == "filled")
    params = {"guide_id": found.id, "guide_en": found.en, **fieldguide.about(found), "optional_id": "", "optional_en": ""}
    if error.rule in ("nullable", "empty") and rules is not None and not rules.get("required") and demand is None:
        params.update(OPTIONAL)
    node: Any = schema
    for step in error.schema_path:  # an unknown key's schema_path ends at the mapping it sits in
        node = node.get(step) if isinstance(node, dict) else None
    if isinstance(node, dict):
        params["known"] = ", ".join(str(key) for key in node if isinstance(node[key], dict))
    return params


def _problem(error: Any, source: SourceFile, obligation: str, hint: Mapping[str, str]) -> Problem:
    field = str(error.document_path[-1]) if error.document_path else source.name
    key = _CODES.get(error.code, "other")
    params: dict[str, Any] = {"field": field, "value": error.value, "constraint": error.constraint, "rule": error.rule, **hint}
    if key == "custom":
        key = error.info[0] if error.info and error.info[0] in MESSAGES else "other"
    elif key == "bad_type":
        want = _TYPES.get(error.constraint, (error.constraint, error.constraint))
        params.update(want=want[0], want_en=want[1])
        if error.constraint.startswith("rupiah") and isinstance(error.value, str) and rupiah.suggest(error.value) is not None:
            key, params["suggestion"] = "rupiah_text", str(rupiah.suggest(error.value))
        elif error.constraint == "tanggal" and isinstance(error.value, str):
            suggestion, exists = suggest_date(error.value)
            key = "tanggal_invalid" if not exists else "tanggal_text"
            params["suggestion_id"] = suggestion or "tanggalnya sebagai TTTT-BB-HH tanpa tanda kutip, misalnya 2026-01-31"
            params["suggestion_en"] = suggestion or "the date as YYYY-MM-DD without quotes, e.g. 2026-01-31"
    elif key == "unallowed_value":
        params["allowed"] = ", ".join(map(str, error.constraint))
    elif key not in MESSAGES:
        key = "other"
    return Problem(source.name, error.document_path, key, params, obligation)


def check(village: Village, context: Context) -> Iterator[Problem]:
    catalogue = context.catalogue
    for source in [*village.files.values(), *village.pages.values()]:
        pattern = file_pattern(source.name, catalogue)
        if pattern is None:
            known = ", ".join(catalogue.files)
            yield Problem(source.name, (), "unknown_file", {"field": source.name, "known": known}, file_obligation(source.name, catalogue))
            continue
        if accepts(source.name, source.data, catalogue):
            continue  # Cerberus would find nothing; it is asked only about files with errors
        validator = validator_for(source.name, catalogue)
        if validator.validate(source.data, normalize=False):
            continue
        schema = expanded_schema(pattern, catalogue)
        default = file_obligation(source.name, catalogue)
        for error in _leaves(validator._errors):
            # The nearest `meta.obligation` wins; else the obligation whose evidence holds the value
            # (an RKP Desa entry counts against berkala.rkpdes); else the file's own.
            obligation = _obligation(schema, error.schema_path, None)
            obligation = obligation or evidence.owner(village, source.name, tuple(error.document_path), context) or default
            demand = evidence.demand(village, source.name, tuple(error.document_path), context) if error.rule in ("nullable", "empty") else None
            yield _problem(error, source, obligation, _guide(error, schema, demand))
