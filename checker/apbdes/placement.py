"""Placing the rows of an APB Desa spreadsheet: which section each row belongs to, and which rows cannot be placed.

Each row goes to its section by its kode rekening and its place in the sheet: pendapatan (4.*),
belanja per bidang (1-5, 1.1, 1.1.01), belanja per jenis (5, 5.1-5.4) and pembiayaan (6.*). Bidang 4
and 5 share their codes with pendapatan and jenis belanja, so a row naming its section ("PENDAPATAN",
"BELANJA", "BELANJA MENURUT JENIS", "PEMBIAYAAN"), a `bagian` column, or the order of the sheet
decides. A code is known when its bidang/subbidang (or pendapatan/pembiayaan account) is in the
Permendagri 20/2018 table of slip_schema.yaml; a row that cannot be placed is kept as `Skipped`
with its row number and why.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from checker.apbdes import spreadsheet
from checker.apbdes import text as apbdes_yaml
from checker.apbdes.model import TITLES
from checker.catalogue import Catalogue
from checker.domain import rupiah
from checker.apbdes.spreadsheet import Row, words

SECTION_TITLES = {section: title.upper() for section, title in TITLES.items()}  # as a spreadsheet heads them
_SECTION_WORDS = {"pendapatan": "pendapatan", "pendapatan desa": "pendapatan", "belanja": "belanja",
                  "belanja desa": "belanja", "belanja menurut bidang": "belanja", "belanja per bidang": "belanja",
                  "belanja menurut jenis": "belanja_jenis", "belanja per jenis": "belanja_jenis",
                  "jenis belanja": "belanja_jenis", "pembiayaan": "pembiayaan", "pembiayaan desa": "pembiayaan"}
_TABLES = {"pendapatan": ("pendapatan", 3), "belanja": ("belanja_bidang", 2), "belanja_jenis": ("belanja_jenis", 2),
           "pembiayaan": ("pembiayaan", 3)}
_SOURCES = {"DD": "DDS", "DANA DESA": "DDS", "SILPA": "SiLPA"}
_YES = {"ya", "y", "yes", "true", "1", "x", "v"}


@dataclass(frozen=True)
class Skipped:
    row: int
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Imported:
    sections: Mapping[str, list[dict[str, Any]]]
    skipped: tuple[Skipped, ...]


def _kode(value: Any) -> str:
    text = str(value if value is not None else "").strip().replace(" ", "").rstrip(".")
    return text[:-2] if isinstance(value, float) and text.endswith(".0") else text


def _section(kode: str, uraian: str, current: str | None) -> str | None:
    """Which section a coded row belongs to, from its code, its name and the section before it."""
    top = kode.split(".")[0]
    if top == "6":
        return "pembiayaan"
    named_jenis = kode == "5" and uraian == "belanja" or (top == "5" and kode.count(".") == 1 and uraian.startswith("belanja"))
    if current == "belanja_jenis" and top == "5" or named_jenis:
        return "belanja_jenis"
    if top == "4" and current in (None, "pendapatan"):
        return "pendapatan"
    if top in ("1", "2", "3", "4", "5") and current != "pembiayaan":
        return "belanja"
    return None


def _known(kode: str, section: str, catalogue: Catalogue) -> bool:
    table, depth = _TABLES[section]
    return ".".join(kode.split(".")[:depth]) in getattr(catalogue.apbdes, table)


def _line(kode: str, cells: Mapping[str, Any], section: str, catalogue: Catalogue) -> dict[str, Any] | Skipped:
    uraian = str(cells.get("uraian") or "").strip() or getattr(catalogue.apbdes, _TABLES[section][0]).get(kode, "")
    line: dict[str, Any] = {"kode": kode, "uraian": uraian}
    for measure in ("anggaran", "realisasi"):
        try:
            amount = rupiah.parse(cells.get(measure))
        except ValueError:
            return Skipped(0, "bad_amount", {"column": measure, "value": cells.get(measure)})
        if amount is not None and amount < 0:
            return Skipped(0, "bad_amount", {"column": measure, "value": cells.get(measure)})
        if amount is not None:
            line[measure] = amount
    if "anggaran" not in line:
        return Skipped(0, "no_amount", {"kode": kode})
    if not uraian:
        return Skipped(0, "no_uraian", {"kode": kode})
    source = str(cells.get("sumber_dana") or "").strip()
    if source:
        source = _SOURCES.get(source.upper(), source.upper())
        if source not in catalogue.apbdes.sumber_dana:
            return Skipped(0, "bad_source", {"value": cells.get("sumber_dana")})
        line["sumber_dana"] = source
    jenis = _kode(cells.get("jenis"))
    if jenis:
        if jenis not in ("5.1", "5.2", "5.3", "5.4"):
            return Skipped(0, "bad_jenis", {"value": cells.get("jenis")})
        line["jenis"] = jenis
    if words(cells.get("layanan_informasi")) in _YES:
        line["layanan_informasi"] = True
    if str(cells.get("keterangan") or "").strip():
        line["keterangan"] = str(cells["keterangan"]).strip()
    return line


def place(rows: Sequence[Row], catalogue: Catalogue) -> Imported:
    """Lines per section from the rows after the header row, and the rows that could not be placed."""
    found = spreadsheet.header(rows)
    if found is None:
        raise spreadsheet.SheetError("header")
    start, columns = found
    sections: dict[str, list[dict[str, Any]]] = {s: [] for s in apbdes_yaml.SECTIONS}
    skipped: list[Skipped] = []
    current: str | None = None
    for number, row in rows[start + 1:]:
        cells = {name: row[i] if i < len(row) else None for name, i in columns.items()}
        kode, uraian = _kode(cells.get("kode")), words(cells.get("uraian"))
        named = _SECTION_WORDS.get(words(cells.get("bagian"))) or (None if kode else _SECTION_WORDS.get(uraian))
        if named and not kode or kode == "6":
            current = named or "pembiayaan"
            continue
        if not kode:
            has_amount = any(str(cells.get(m) or "").strip() for m in ("anggaran", "realisasi"))
            if has_amount and not uraian.startswith(("jumlah", "surplus", "defisit", "sisa", "silpa", "pembiayaan netto")):
                skipped.append(Skipped(number, "no_kode"))
            continue
        if not kode.replace(".", "").isdigit() or ".." in kode:
            skipped.append(Skipped(number, "bad_kode", {"kode": cells.get("kode")}))
            continue
        section = named or _section(kode, uraian, current)
        if section is None or not _known(kode, section, catalogue):
            skipped.append(Skipped(number, "unknown_kode", {"kode": kode, "section": section or "-"}))
            continue
        current = section
        line = _line(kode, cells, section, catalogue)
        if isinstance(line, Skipped):
            skipped.append(Skipped(number, line.key, {**line.params, "kode": kode}))
        else:
            sections[section].append(line)
    return Imported(sections, tuple(skipped))


ROW_MESSAGES = {
    "no_kode": {"id": "baris {row}: ada angka tetapi tidak ada kode rekening", "en": "row {row}: amounts without a kode rekening"},
    "bad_kode": {"id": "baris {row}: '{kode}' bukan kode rekening (angka bertitik, misalnya 4.2.1)",
                 "en": "row {row}: '{kode}' is not a kode rekening (dotted numbers, e.g. 4.2.1)"},
    "unknown_kode": {"id": "baris {row}: kode rekening {kode} tidak dikenal di bagian {section}",
                     "en": "row {row}: kode rekening {kode} is not known in section {section}"},
    "bad_amount": {"id": "baris {row}: {column} kode {kode} '{value}' bukan angka rupiah utuh",
                   "en": "row {row}: {column} of {kode} '{value}' is not a whole rupiah amount"},
    "no_amount": {"id": "baris {row}: anggaran kode {kode} kosong", "en": "row {row}: the anggaran of {kode} is empty"},
    "no_uraian": {"id": "baris {row}: uraian kode {kode} kosong", "en": "row {row}: the uraian of {kode} is empty"},
    "bad_source": {"id": "baris {row}: sumber dana '{value}' (kode {kode}) tidak dikenal; pilih PAD, DDS, ADD, PBH, BKK, BKP, DLL atau SiLPA",
                   "en": "row {row}: sumber dana '{value}' ({kode}) is unknown; use PAD, DDS, ADD, PBH, BKK, BKP, DLL or SiLPA"},
    "bad_jenis": {"id": "baris {row}: jenis belanja '{value}' (kode {kode}) harus 5.1, 5.2, 5.3 atau 5.4",
                  "en": "row {row}: jenis belanja '{value}' ({kode}) must be 5.1, 5.2, 5.3 or 5.4"},
}
SECTION_LABELS = {"id": {"pendapatan": "pendapatan", "belanja": "belanja per bidang", "belanja_jenis": "belanja per jenis",
                          "pembiayaan": "pembiayaan", "-": "mana pun"},
                   "en": {"pendapatan": "pendapatan", "belanja": "belanja per bidang", "belanja_jenis": "belanja per jenis",
                          "pembiayaan": "pembiayaan", "-": "any"}}


def row_message(skipped: Skipped, lang: str) -> str:
    """One skipped row as the line printed to stderr."""
    params = {"kode": "", **skipped.params}
    params["section"] = SECTION_LABELS[lang].get(str(params.get("section", "-")), "-")
    return ROW_MESSAGES[skipped.key][lang].format(row=skipped.row, **params)
