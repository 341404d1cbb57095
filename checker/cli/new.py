"""`slip new KODE`: a new village folder from its official kode wilayah (checker/scaffold.py makes it).

Run anywhere inside a repository, the village goes into the repository's villages/. A kelurahan,
an unknown or malformed code and an existing folder are refused with one line (exit 2).
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from checker.cli import options, places
from checker.cli import parser as cmdline

TEXT = {
    "id": {"description": "Buat folder desa baru dari kode wilayah resminya, dengan semua berkas standar SLIP Desa.",
           "kode": "kode wilayah desa, misalnya 35.08.07.2002", "dir": "folder desa-desa (bawaan: villages/ repositori)",
           "slug": "nama folder desa (bawaan: nama desa, huruf kecil dan tanda hubung)",
           "as_of": "tanggal pembuatan TTTT-BB-HH (bawaan: hari ini)",
           "created": "Desa {nama} ({kode}), Kecamatan {kecamatan}, {kabupaten}: dibuat di {path}/ ({count} berkas).",
           "next": "Langkah berikutnya:\n"
                   "  1. Isi kolom yang kosong (bertanda WAJIB) di berkas-berkas {path}/; simpan salinan dokumen (PDF) di {path}/dokumen/.\n"
                   "  2. APB Desa: isi lembar kerja templates/apbdes-template.xlsx (`slip init` menyalinnya bila belum ada)\n"
                   "     atau ekspor Siskeudes, lalu\n"
                   "     slip import-apbdes BERKAS.xlsx --village {path} --tahun {tahun}\n"
                   "  3. Periksa: slip check {path}  (setiap temuan menyebut berkas, baris dan saran perbaikannya)"},
    "en": {"description": "Create a new village folder from its official region code, with every file of SLIP Desa.",
           "kode": "the desa's region code, e.g. 35.08.07.2002", "dir": "folder of villages (default: the repository's villages/)",
           "slug": "village folder name (default: the desa name, lowercase with hyphens)",
           "as_of": "creation date YYYY-MM-DD (default: today)",
           "created": "Desa {nama} ({kode}), Kecamatan {kecamatan}, {kabupaten}: created in {path}/ ({count} files).",
           "next": "Next steps:\n"
                   "  1. Fill in the blanks (marked WAJIB) in the files of {path}/; keep document copies (PDF) in {path}/dokumen/.\n"
                   "  2. APB Desa: fill in templates/apbdes-template.xlsx (`slip init` copies it if it is missing)\n"
                   "     or a Siskeudes export, then\n"
                   "     slip import-apbdes FILE.xlsx --village {path} --tahun {tahun}\n"
                   "  3. Check: slip check {path}  (every finding names its file, line and how to fix it)"},
}


def add(commands: argparse._SubParsersAction, lang: str) -> None:
    text = TEXT[lang]
    parser = commands.add_parser("new", lang=lang, strict=True, help=text["description"], description=text["description"])
    parser.add_argument("kode", help=text["kode"])
    parser.add_argument("--dir", type=Path, default=None, help=text["dir"])
    parser.add_argument("--slug", default=None, help=text["slug"])
    parser.add_argument("--as-of", type=options.date(lang), default=None, help=text["as_of"])
    options.add_lang(parser, lang)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    """`slip new KODE [--dir villages] [--slug NAMA] [--as-of TTTT-BB-HH]`."""
    from checker import scaffold

    text, today = TEXT[lang], args.as_of or dt.date.today()
    try:
        desa = scaffold.lookup(args.kode)
        path = scaffold.create(desa, args.dir or places.at_root(places.VILLAGES), today, args.slug)
    except scaffold.Refusal as refusal:
        return cmdline.fail("slip new", refusal.message(lang))
    count = sum(1 for p in path.rglob("*") if p.is_file() and p.name != ".gitkeep")
    print(text["created"].format(nama=desa.nama, kode=desa.kode, kecamatan=desa.kecamatan, kabupaten=desa.kabupaten,
                                 path=path, count=count))
    print(text["next"].format(path=path, tahun=today.year))
    return 0
