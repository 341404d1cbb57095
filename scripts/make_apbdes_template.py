"""Write the APB Desa spreadsheet templates that `slip import-apbdes` reads back.

templates/apbdes-template.xlsx (a sheet "APB Desa" and a sheet "Petunjuk") and
templates/apbdes-template.csv (semicolon-separated, UTF-8 with BOM, as Excel in an Indonesian
locale saves it) hold the header row, the four section titles and every standard kode rekening of
the skeleton `slip new` writes, with anggaran 0: the Kaur Keuangan fills the amounts (or pastes the
Siskeudes export under the same columns), adds the kegiatan under each bidang, and imports. The
output is deterministic, so running it twice changes nothing.

Usage: python scripts/make_apbdes_template.py [output_dir]   (default: templates/ beside scripts/)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.apbdes import importer  # noqa: E402 - after the path is set
from checker.apbdes import spreadsheet  # noqa: E402 - after the path is set
from checker.apbdes import text as apbdes_yaml  # noqa: E402 - after the path is set
from checker.catalogue import load_catalogue  # noqa: E402

NOTES = (
    "Lembar 'APB Desa' diimpor dengan: slip import-apbdes templates/apbdes-template.xlsx --village villages/<desa> --tahun <tahun>",
    "Kolom wajib: Kode Rekening, Uraian, Anggaran. Kolom lain boleh kosong.",
    "Kode rekening ditulis sebagai teks dengan titik (4.2.1, 1.1.01), seperti di Siskeudes (Permendagri 20/2018).",
    "Angka boleh ditulis 1234567, 1.234.567 atau Rp 1.234.567,00; rupiah selalu utuh.",
    "Baris judul PENDAPATAN, BELANJA MENURUT BIDANG, BELANJA MENURUT JENIS dan PEMBIAYAAN menandai bagiannya; jangan dihapus.",
    "Tambahkan kegiatan di bawah tiap bidang/subbidang (mis. 1.1.01) dengan Sumber Dana (DDS, ADD, PAD, PBH, BKK, BKP, DLL, SiLPA) dan Jenis Belanja (5.1-5.4).",
    "Tulis 'ya' di kolom Layanan Informasi untuk kegiatan layanan informasi publik/PPID (Perki 1/2018 Pasal 7 huruf c).",
    "Setiap baris induk harus sama dengan jumlah baris di bawahnya; slip check menunjukkan selisihnya.",
)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "templates"
    out.mkdir(parents=True, exist_ok=True)
    rows = importer.rows_of(apbdes_yaml.skeleton(load_catalogue()))
    spreadsheet.write_xlsx(rows, out / "apbdes-template.xlsx", NOTES)
    spreadsheet.write_csv(rows, out / "apbdes-template.csv")
    print(f"Ditulis: {out / 'apbdes-template.xlsx'}, {out / 'apbdes-template.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
