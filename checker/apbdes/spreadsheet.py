"""Spreadsheets of an APB Desa (.xlsx or .csv): rows in and out, header names and rupiah amounts read leniently.

The usual source is a Siskeudes export or a sheet typed by the Kaur Keuangan: a few title rows,
then a header row naming the columns in Indonesian (kode rekening, uraian, anggaran, realisasi,
sumber dana) in any case and spacing, then one row per account. Amounts come as numbers or as text
written the Indonesian way ("1.234.567", "Rp 1.234.567,00", "(500.000)"). Reading never raises for
a bad cell: the importer reports the row.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any, Sequence


Row = tuple[int, tuple[Any, ...]]  # (row number as the spreadsheet shows it, cells)
COLUMNS = ("kode", "uraian", "anggaran", "realisasi", "sumber_dana", "jenis", "layanan_informasi", "keterangan", "bagian")
TITLES = ("Kode Rekening", "Uraian", "Anggaran", "Realisasi", "Sumber Dana", "Jenis Belanja", "Layanan Informasi", "Keterangan")
_SYNONYMS = {
    "kode": ("kode rekening", "kode rek", "kd rek", "kode", "kode akun", "rekening", "no rek", "nomor rekening"),
    "uraian": ("uraian", "uraian rekening", "nama rekening", "nama akun", "nama kegiatan", "rincian"),
    "anggaran": ("anggaran", "pagu", "jumlah anggaran", "nilai anggaran"),
    "realisasi": ("realisasi", "jumlah realisasi", "nilai realisasi"),
    "sumber_dana": ("sumber dana", "sumberdana", "sumber", "sd"),
    "jenis": ("jenis belanja", "jenis"),
    "layanan_informasi": ("layanan informasi", "layanan informasi publik", "ppid"),
    "keterangan": ("keterangan", "ket", "catatan"),
    "bagian": ("bagian", "kelompok"),
}
_PREFIXED = ("anggaran", "realisasi")  # "Anggaran (Rp)", "Realisasi s.d. 30 Juni" are those columns too
HEADER_SEARCH = 30  # rows searched for the header row


class SheetError(Exception):
    """The file cannot be read as a spreadsheet at all."""


def words(text: Any) -> str:
    """Lowercase words only: 'Anggaran (Rp)' -> 'anggaran rp'."""
    return " ".join(re.findall(r"[a-z0-9]+", str(text or "").lower()))


def column(title: Any) -> str | None:
    """The field a header cell names, or None."""
    name = words(title)
    for field, synonyms in _SYNONYMS.items():
        if name in synonyms or (field in _PREFIXED and any(name.startswith(s + " ") for s in synonyms)):
            return field
    return None


def header(rows: Sequence[Row]) -> tuple[int, dict[str, int]] | None:
    """The index of the header row among `rows` and field -> column index, or None when none is found."""
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH]):
        found: dict[str, int] = {}
        for position, cell in enumerate(cells):
            field = column(cell)
            if field and field not in found:
                found[field] = position
        if {"kode", "uraian", "anggaran"} <= set(found):
            return index, found
    return None


def read(path: Path) -> list[Row]:
    """Every row of the first sheet (.xlsx) or of the file (.csv), numbered as the spreadsheet shows them."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path)
        if suffix == ".csv":
            return _read_csv(path.read_bytes())
    except (OSError, ValueError, KeyError, csv.Error) as error:  # openpyxl raises several kinds on a broken file
        raise SheetError(getattr(error, "strerror", None) or str(error) or type(error).__name__) from error
    raise SheetError("ext")


def _read_xlsx(path: Path) -> list[Row]:
    import openpyxl  # only the importer needs it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)  # formula cells give their values
    except Exception as error:  # zipfile.BadZipFile, InvalidFileException, ...: the file is not a workbook
        raise ValueError(str(error) or type(error).__name__) from error
    try:
        sheet = book.worksheets[0]
        return [(number, tuple(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()


def _read_csv(raw: bytes) -> list[Row]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # Excel on Windows saves CSV in the ANSI code page
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [(number, tuple(row)) for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]


def write_csv(rows: Sequence[Sequence[Any]], path: Path) -> None:
    """Semicolon-separated, UTF-8 with a BOM: what Excel in an Indonesian locale opens as columns."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(["" if c is None else c for c in row] for row in rows)
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8", newline="")


def write_xlsx(rows: Sequence[Sequence[Any]], path: Path, notes: Sequence[str] = ()) -> None:
    """One sheet of rows (kode rekening kept as text, amounts with thousands separators) and an optional notes sheet."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "APB Desa"
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows(min_row=2):
        cells[0].number_format = "@"  # "4.10" must stay text, never the number 4.1
        for cell in cells[2:4]:
            cell.number_format = "#,##0"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (14, 60, 18, 18, 12, 13, 17, 30)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    if notes:
        book.create_sheet("Petunjuk").append(["Petunjuk"])
        for note in notes:
            book["Petunjuk"].append([note])
    book.properties.creator = "slip-desa"
    book.properties.created = book.properties.modified = dt.datetime(2026, 1, 1)  # same bytes on every run
    book.save(path)
