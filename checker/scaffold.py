"""`slip new KODE`: a new village folder from its official kode wilayah, every file of the standard in it.

The names of the desa, kecamatan, kabupaten and provinsi come from the Kepmendagri 2025 dataset;
every other value the village must publish is left blank beside an Indonesian comment (the demo
village's), so that `slip check` reports each blank as the gap it is (a required value missing,
never a crash and never compliance). The dates the staff create the files on (`diterbitkan`,
`diperbarui`) are today's. The APB Desa of the current year starts as the standard kode rekening
with anggaran 0, so its arithmetic holds until the real figures are written or imported. A kelurahan,
an unknown or malformed code and an existing folder are refused with one line (exit 2).
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from checker.domain import wilayah
from checker.domain.slug import SLUG
from checker.apbdes import text as apbdes_yaml
from checker.catalogue import Catalogue, load_catalogue
from checker.context import Context
from checker.loader import read_kode
from checker.yamltext import inner, scalar

TEMPLATES = Path(__file__).resolve().parent / "data"
FILES = ("profil.yaml", "ppid.yaml", "dip.yaml", "produk_hukum.yaml", "program.yaml", "layanan.yaml", "dokumen.yaml")
EMPTY_FOLDERS = ("pengumuman", "dokumen")  # kept in git by an empty .gitkeep
_COMMENTED = re.compile(r"^(.*?\S)\s{2,}(# .*)$")
COMMENT_COLUMN = 40  # where the demo village's comments start
MESSAGES = {
    "malformed": {"id": "'{kode}' bukan kode desa; tulis PP.KK.CC.DDDD, misalnya 35.08.07.2002",
                  "en": "'{kode}' is not a desa code; write PP.KK.CC.DDDD, e.g. 35.08.07.2002"},
    "unknown": {"id": "kode {kode} tidak ada dalam data kode wilayah Kemendagri (Kepmendagri 300.2.2-2138/2025)",
                "en": "code {kode} is not in the Kemendagri region data (Kepmendagri 300.2.2-2138/2025)"},
    "kelurahan": {"id": "{kode} adalah kelurahan {nama}, bukan desa: SLIP Desa hanya berlaku bagi desa",
                  "en": "{kode} is the kelurahan {nama}, not a desa: SLIP Desa applies to desa only"},
    "exists": {"id": "folder {path} sudah ada; pilih nama folder lain dengan --slug",
               "en": "folder {path} already exists; choose another folder name with --slug"},
    "kode_used": {"id": "kode {kode} sudah dipakai desa di {path}", "en": "code {kode} is already used by the village in {path}"},
    "bad_slug": {"id": "nama folder '{slug}' harus huruf kecil, angka dan tanda hubung, misalnya sumber-jaya",
                 "en": "folder name '{slug}' must be lowercase letters, digits and hyphens, e.g. sumber-jaya"},
    "unwritable": {"id": "tidak dapat menulis {path}: {error}", "en": "cannot write {path}: {error}"},
}


class Refusal(Exception):
    """The desa cannot be created; `message(lang)` says why in one line."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key, self.params = key, params

    def message(self, lang: str) -> str:
        return MESSAGES[self.key][lang].format(**self.params)


@dataclass(frozen=True)
class Desa:
    kode: str
    nama: str
    kecamatan: str
    kabupaten: str  # without "Kabupaten " (a kota keeps "Kota "), as the demo villages write it
    provinsi: str


def lookup(text: str) -> Desa:
    """The desa of an official code ("35.08.07.2002" or "3508072002"); Refusal otherwise."""
    kode = text.strip()
    if re.fullmatch(r"\d{10}", kode):
        kode = f"{kode[:2]}.{kode[2:4]}.{kode[4:6]}.{kode[6:]}"
    if not wilayah.KODE.match(kode):
        raise Refusal("malformed", kode=text.strip())
    names = wilayah.names()
    if kode not in names:
        raise Refusal("unknown", kode=kode)
    if wilayah.is_kelurahan(kode):
        raise Refusal("kelurahan", kode=kode, nama=names[kode])
    kabupaten = names.get(kode[:5], "").removeprefix("Kabupaten ").removeprefix("Kab. ")
    return Desa(kode, names[kode], names.get(kode[:8], ""), kabupaten, names.get(kode[:2], ""))


def slugify(nama: str) -> str:
    """'Pasi Kuala Ba'u' -> 'pasi-kuala-bau': the folder name and the site's address."""
    ascii_name = unicodedata.normalize("NFKD", nama).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower().replace("'", "").replace("`", ""))) or "desa"


def _values(desa: Desa, slug: str, today: dt.date, catalogue: Catalogue) -> dict[str, str]:
    context = Context(today, catalogue)
    year = today.year
    return {
        "kode": desa.kode, "slug": slug, "hari_ini": today.isoformat(), "tahun": str(year),
        "tahun_lalu": str(year - 1), "tahun_depan": str(year + 1),
        "tahun_lapor": str(context.report_year(catalogue.get("laporan.layanan_tahunan").due_from)),
        "tahun_lppd": str(context.report_year(catalogue.get("berkala.lppd_akhir_tahun").due_from)),
        "nama": scalar(desa.nama), "kecamatan": scalar(desa.kecamatan), "kabupaten": scalar(desa.kabupaten),
        "provinsi": scalar(desa.provinsi), "nama_q": inner(desa.nama), "provinsi_q": inner(desa.provinsi),
    }


def _realign(text: str) -> str:
    """Put the comments back in their column after names of any length were filled in."""
    def fix(line: str) -> str:
        match = _COMMENTED.match(line)
        return f"{match.group(1):<{COMMENT_COLUMN - 1}} {match.group(2)}" if match and len(match.group(1)) < COMMENT_COLUMN else line

    return "\n".join(fix(line) for line in text.split("\n"))


def _apbdes(desa: Desa, today: dt.date, catalogue: Catalogue) -> str:
    version: dict[str, object] = {
        "perdes": {"tentang": f"Anggaran Pendapatan dan Belanja Desa {desa.nama} Tahun Anggaran {today.year}"},
        "diterbitkan": today, "diperbarui": today, **apbdes_yaml.skeleton(catalogue),
    }
    version["jumlah"] = apbdes_yaml.totals(version)
    note = ("Dibuat oleh `slip new` dengan semua anggaran 0: isi angkanya dari Siskeudes (atau impor ekspornya "
            "dengan `slip import-apbdes`), tambahkan kegiatan di bawah tiap bidang, dan isi Perdes-nya.")
    return apbdes_yaml.header(desa.nama, today.year, note) + apbdes_yaml.render_version("murni", version)


def render(desa: Desa, slug: str, today: dt.date, catalogue: Catalogue) -> dict[str, str]:
    """Relative file name -> text of every file of the new village."""
    values = _values(desa, slug, today, catalogue)
    files = {name: _realign(string.Template((TEMPLATES / f"desa-baru.{name}").read_text(encoding="utf-8")).substitute(values))
             for name in FILES}
    files[f"apbdes/{today.year}.yaml"] = _apbdes(desa, today, catalogue)
    files.update({f"{folder}/.gitkeep": "" for folder in EMPTY_FOLDERS})
    return files


def create(desa: Desa, folder: Path, today: dt.date, slug: str | None = None, catalogue: Catalogue | None = None) -> Path:
    """Write the new village into folder/<slug>/ and return that path; Refusal when it cannot be."""
    slug = slug or slugify(desa.nama)
    if not SLUG.match(slug):
        raise Refusal("bad_slug", slug=slug)
    target = folder / slug
    if target.exists():
        raise Refusal("exists", path=target)
    for other in sorted(folder.iterdir()) if folder.is_dir() else ():
        if other.is_dir() and read_kode(other) == desa.kode:
            raise Refusal("kode_used", kode=desa.kode, path=other)
    files = render(desa, slug, today, catalogue or load_catalogue())
    try:
        for name, text in files.items():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_text(text, encoding="utf-8")
    except OSError as error:
        shutil.rmtree(target, ignore_errors=True)  # a half-made village would only confuse
        raise Refusal("unwritable", path=target, error=error.strerror or error) from error
    return target
