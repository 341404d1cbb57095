"""`slip import-apbdes`: a Siskeudes-style spreadsheet (.xlsx/.csv) into the village's apbdes/<tahun>.yaml.

The usual export of Siskeudes (or a sheet typed from it: templates/apbdes-template.xlsx) is read
leniently (checker/spreadsheet.py), its rows placed in their sections (checker/placement.py), and
`jumlah` and `jumlah_realisasi` computed from the lines. Only the chosen version (murni or
perubahan) is rewritten; the other version, its Perdes and the file's comments stay. Rows that
cannot be placed are listed on stderr with their row numbers and the file is still written (exit
1), so the staff can fix the sheet and import again; a file that cannot be read is exit 2.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from checker import loader
from checker.apbdes import spreadsheet
from checker.apbdes import text as apbdes_yaml
from checker.catalogue import load_catalogue
from checker.apbdes.placement import SECTION_TITLES, Imported, Skipped, place

# Why an import is refused (Refusal); the command line's own words are in checker/cli/import_apbdes.py.
TEXT = {
    "id": {"no_file": "berkas {path} tidak ditemukan", "ext": "berkas {path} bukan .xlsx atau .csv",
           "unreadable": "berkas {path} tidak dapat dibaca: {error}",
           "header": "berkas {path} tidak punya baris judul kolom (kode rekening, uraian, anggaran) di 30 baris pertama",
           "not_village": "{path} bukan folder desa (tidak ada profil.yaml)", "bad_year": "tahun {tahun} tidak sah",
           "broken": "{path} tidak dapat dibaca sebagai YAML; perbaiki dulu (slip check {village})",
           "nothing": "tidak ada baris APB Desa yang dapat dipakai di {path}"},
    "en": {"no_file": "file {path} not found", "ext": "file {path} is not .xlsx or .csv",
           "unreadable": "cannot read {path}: {error}",
           "header": "{path} has no header row (kode rekening, uraian, anggaran) in its first 30 rows",
           "not_village": "{path} is not a village folder (no profil.yaml)", "bad_year": "year {tahun} is not valid",
           "broken": "{path} cannot be read as YAML; fix it first (slip check {village})",
           "nothing": "no usable APB Desa row in {path}"},
}


class Refusal(Exception):
    """The import cannot be done at all; `message(lang)` says why in one line."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str) -> str:
        return TEXT[lang][self.key].format(**self.params)


@dataclass(frozen=True)
class Result:
    path: Path
    version: Mapping[str, Any]
    skipped: tuple[Skipped, ...]


def version_of(imported: Imported, previous: Mapping[str, Any] | None, today: dt.date, *, tentang: str,
               realisasi_per: dt.date | None = None) -> dict[str, Any]:
    """The version to write: lines and totals from the sheet; Perdes and dates kept from the file when it had them."""
    previous = previous or {}
    version: dict[str, Any] = {"perdes": previous.get("perdes") or {"tentang": tentang},
                               "diterbitkan": previous.get("diterbitkan") or today, "diperbarui": today}
    has_realisasi = any("realisasi" in line for lines in imported.sections.values() for line in lines)
    if has_realisasi and (realisasi_per or previous.get("realisasi_per")):
        version["realisasi_per"] = realisasi_per or previous["realisasi_per"]
    version.update({s: lines for s, lines in imported.sections.items() if lines or s != "pembiayaan"})
    version["jumlah"] = apbdes_yaml.totals(version) or {}
    realised = apbdes_yaml.totals(version, "realisasi") if has_realisasi else None
    if realised:
        version["jumlah_realisasi"] = realised
    return version


def rows_of(version: Mapping[str, Any]) -> list[list[Any]]:
    """A version as spreadsheet rows (header, then each section under its title): the inverse of `place`."""
    rows: list[list[Any]] = [list(spreadsheet.TITLES)]
    keys = ("kode", "uraian", "anggaran", "realisasi", "sumber_dana", "jenis", "layanan_informasi", "keterangan")
    for section in apbdes_yaml.SECTIONS:
        if not version.get(section):
            continue
        rows.append(["", SECTION_TITLES[section], None, None, "", "", "", ""])
        for line in version[section]:
            row = [line.get(k) for k in keys]
            row[6] = "ya" if line.get("layanan_informasi") else ""
            rows.append(["" if cell is None and i not in (2, 3) else cell for i, cell in enumerate(row)])
    return rows


def _read_yaml(path: Path, village: Path) -> Mapping[str, Any] | None:
    if not path.is_file():
        return None
    text, _ = loader.read_text(path, path.name)
    source = loader.parse_yaml(text, path.name)[0] if text is not None else None
    if source is None:
        raise Refusal("broken", path=path, village=village)
    return source.data


def import_apbdes(sheet: Path, village: Path, tahun: int, tahap: str, today: dt.date,
                  realisasi_per: dt.date | None = None) -> Result:
    """Read the sheet, place its rows and write the version into village/apbdes/<tahun>.yaml."""
    if not (village / "profil.yaml").is_file():
        raise Refusal("not_village", path=village)
    if not 2000 <= tahun <= 2100:
        raise Refusal("bad_year", tahun=tahun)
    if not sheet.is_file():
        raise Refusal("no_file", path=sheet)
    try:
        imported = place(spreadsheet.read(sheet), load_catalogue())
    except spreadsheet.SheetError as error:
        key = {"ext": "ext", "header": "header"}.get(str(error), "unreadable")
        raise Refusal(key, path=sheet, error=error) from error
    if not any(imported.sections.values()):
        raise Refusal("nothing", path=sheet)
    target = village / "apbdes" / f"{tahun}.yaml"
    existing = _read_yaml(target, village) or {}
    nama = str((_read_yaml(village / "profil.yaml", village) or {}).get("nama") or village.name)
    previous = existing.get(tahap) if isinstance(existing.get(tahap), dict) else None
    tentang = f"{'Perubahan ' if tahap == 'perubahan' else ''}Anggaran Pendapatan dan Belanja Desa {nama} Tahun Anggaran {tahun}"
    version = version_of(imported, previous, today, tentang=tentang, realisasi_per=realisasi_per)
    block = apbdes_yaml.render_version(tahap, version)
    if target.is_file():
        text = apbdes_yaml.splice(target.read_text(encoding="utf-8"), tahap, block)
    else:
        note = f"Diimpor dengan `slip import-apbdes` dari {sheet.name} pada {today.isoformat()}."
        text = apbdes_yaml.header(nama, tahun, note) + block
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return Result(target, version, imported.skipped)
