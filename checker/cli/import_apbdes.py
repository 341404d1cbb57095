"""`slip import-apbdes FILE --village DIR --tahun YYYY`: a Siskeudes-style spreadsheet into the village's
apbdes/<tahun>.yaml (checker/apbdes/importer.py reads, places and writes it).

Rows that cannot be placed are listed on stderr with their row numbers and the file is still
written (exit 1); a file that cannot be used at all is one line (exit 2).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from checker.cli import options
from checker.cli import parser as cmdline
from checker.domain import rupiah

PROG = "slip import-apbdes"
TEXT = {
    "id": {"description": "Impor APB Desa dari lembar kerja ekspor Siskeudes (.xlsx atau .csv) ke apbdes/<tahun>.yaml.",
           "file": "berkas .xlsx atau .csv", "village": "folder desa, misalnya villages/kraton", "tahun": "tahun anggaran",
           "tahap": "murni (APB Desa awal, bawaan) atau perubahan", "realisasi_per": "tanggal posisi realisasi TTTT-BB-HH",
           "as_of": "tanggal hari ini TTTT-BB-HH untuk 'diperbarui' (bawaan: hari ini)",
           "written": "APB Desa {tahun} ({tahap}) ditulis ke {path}: {count} baris, pendapatan Rp {pendapatan}, belanja Rp {belanja}.",
           "skipped": "{count} baris dilewati; perbaiki di lembar kerja lalu impor ulang.", "next": "Periksa hasilnya: slip check {village}"},
    "en": {"description": "Import an APB Desa from a Siskeudes export spreadsheet (.xlsx or .csv) into apbdes/<year>.yaml.",
           "file": ".xlsx or .csv file", "village": "village folder, e.g. villages/kraton", "tahun": "budget year",
           "tahap": "murni (the original budget, default) or perubahan", "realisasi_per": "date the actuals reach, YYYY-MM-DD",
           "as_of": "today's date YYYY-MM-DD for 'diperbarui' (default: today)",
           "written": "APB Desa {tahun} ({tahap}) written to {path}: {count} lines, income Rp {pendapatan}, spending Rp {belanja}.",
           "skipped": "{count} rows skipped; fix them in the spreadsheet and import again.", "next": "Check the result: slip check {village}"},
}


def add(commands: argparse._SubParsersAction, lang: str) -> None:
    text = TEXT[lang]
    parser = commands.add_parser("import-apbdes", lang=lang, strict=True, help=text["description"], description=text["description"])
    parser.add_argument("file", type=Path, help=text["file"])
    parser.add_argument("--village", type=Path, required=True, help=text["village"])
    parser.add_argument("--tahun", type=options.integer(lang, "--tahun", "2026"), required=True, help=text["tahun"])
    parser.add_argument("--tahap", choices=("murni", "perubahan"), default="murni", help=text["tahap"])
    parser.add_argument("--realisasi-per", type=options.date(lang), default=None, help=text["realisasi_per"])
    parser.add_argument("--as-of", type=options.date(lang), default=None, help=text["as_of"])
    options.add_lang(parser, lang)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    from checker.apbdes import text as apbdes_yaml
    from checker.apbdes.importer import Refusal, import_apbdes
    from checker.apbdes.placement import row_message

    text = TEXT[lang]
    try:
        result = import_apbdes(args.file, args.village, args.tahun, args.tahap, args.as_of or dt.date.today(), args.realisasi_per)
    except (Refusal, OSError) as error:
        return cmdline.fail(PROG, error.message(lang) if isinstance(error, Refusal) else str(error))
    for skipped in result.skipped:
        print(f"{PROG}: {row_message(skipped, lang)}", file=sys.stderr)
    jumlah = result.version.get("jumlah") or {}
    count = sum(len(result.version.get(s) or []) for s in apbdes_yaml.SECTIONS)
    print(text["written"].format(tahun=args.tahun, tahap=args.tahap, path=result.path, count=count,
                                 pendapatan=rupiah.digits(jumlah.get("pendapatan", 0)), belanja=rupiah.digits(jumlah.get("belanja", 0))))
    if result.skipped:
        print(text["skipped"].format(count=len(result.skipped)), file=sys.stderr)
    print(text["next"].format(village=args.village))
    return 1 if result.skipped else 0
