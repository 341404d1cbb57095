"""`slip due [PATH ...] [--as-of DATE]`: what each village must publish or renew next (checker/due.py
words each deadline; checker/deadlines.py dates them). Without PATH: the village it runs in, or the
repository's villages/.
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from checker.cli import options, places
from checker.cli import parser as cmdline

TEXT = {
    "id": {"description": "Tampilkan apa yang harus diumumkan atau diperbarui tiap desa, urut tenggat.",
           "paths": "folder desa atau folder desa-desa (bawaan: desa tempat perintah dijalankan, atau villages/)",
           "as_of": "tanggal acuan TTTT-BB-HH (bawaan: hari ini)",
           "missing": "folder tidak ditemukan: {path}", "no_villages": "tidak ada desa di {path}"},
    "en": {"description": "Show what each village must publish or renew, in deadline order.",
           "paths": "a village folder or a folder of villages (default: the village it runs in, or villages/)",
           "as_of": "reference date YYYY-MM-DD (default: today)",
           "missing": "folder not found: {path}", "no_villages": "no villages in {path}"},
}


def add(commands: argparse._SubParsersAction, lang: str) -> None:
    text = TEXT[lang]
    parser = commands.add_parser("due", lang=lang, strict=True, help=text["description"], description=text["description"])
    parser.add_argument("paths", nargs="*", type=Path, help=text["paths"])
    parser.add_argument("--as-of", type=options.date(lang), default=None, help=text["as_of"])
    options.add_lang(parser, lang)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    from checker import due
    from checker.catalogue import load_catalogue
    from checker.context import Context
    from checker.deadlines import schedule
    from checker.loader import find_villages, load_village

    text, as_of = TEXT[lang], args.as_of or dt.date.today()
    folders: list[Path] = []
    for path in [places.named(p) for p in args.paths] or [places.villages()]:
        if not path.is_dir():
            return cmdline.fail("slip due", text["missing"].format(path=path))
        found = find_villages(path)
        if not found:
            return cmdline.fail("slip due", text["no_villages"].format(path=path))
        folders += found
    context = Context(as_of, load_catalogue())
    blocks, practical = [], False
    for folder in folders:
        village = load_village(folder)
        items = schedule(village, context)
        practical = practical or any(due.MESSAGES[i.key]["id"].endswith("*") for i in items)
        blocks.append("\n".join(due.render(village, items, as_of, lang)))
    print("\n\n".join(blocks))
    if practical:
        print("\n" + due.TEXT[lang]["practical"])
    return 0
