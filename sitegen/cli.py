"""`slip build`: check and build every village site and the portal; say where to open them."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Sequence

from checker import cmdline

TEXT = {
    "id": {
        "description": "Bangun situs setiap desa dan portal kabupaten ke folder output/.",
        "paths": "folder berisi desa-desa (bawaan: villages/)",
        "output": "folder hasil (bawaan: output/)",
        "as_of": "tanggal acuan TTTT-BB-HH (bawaan: hari ini)",
        "skipped": "dilewati: {slug}: {file}:{line}: {message}",
        "done": "Selesai dalam {seconds:.1f} detik: {built} desa dibangun, {skipped} dilewati.",
        "open": "Buka {index} di peramban, atau jalankan `invoke serve` lalu buka http://localhost:8000/",
        "failed": "pembangunan gagal, situs sebelumnya tetap utuh: {error}",
    },
    "en": {
        "description": "Build every village site and the kabupaten portal into output/.",
        "paths": "folder of villages (default: villages/)",
        "output": "output folder (default: output/)",
        "as_of": "reference date YYYY-MM-DD (default: today)",
        "skipped": "skipped: {slug}: {file}:{line}: {message}",
        "done": "Done in {seconds:.1f} s: {built} villages built, {skipped} skipped.",
        "open": "Open {index} in a browser, or run `invoke serve` and open http://localhost:8000/",
        "failed": "build failed, the previous site is intact: {error}",
    },
}


def build_command(argv: Sequence[str], lang: str) -> int:
    from sitegen.build import BuildError, build

    text = TEXT[lang]
    parser = cmdline.Parser(prog="slip build", description=text["description"])
    parser.add_argument("path", nargs="?", type=Path, default=Path("villages"), help=text["paths"])
    parser.add_argument("--output", type=Path, default=Path("output"), help=text["output"])
    parser.add_argument("--as-of", type=cmdline.date, default=None, help=text["as_of"])
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = cmdline.parse(parser, argv, lang)
    if isinstance(args, int):
        return args
    try:
        result = build(args.path, args.output, as_of=args.as_of or dt.date.today(),
                       progress=lambda message: print(message, file=sys.stderr, flush=True))
    except BuildError as error:
        print(f"slip: {text['failed'].format(error=error)}", file=sys.stderr)
        return 2
    for skip in result.skipped:
        print(text["skipped"].format(slug=skip.slug, file=skip.file, line=skip.line, message=skip.message), file=sys.stderr)
    print(text["done"].format(seconds=result.seconds, built=len(result.built), skipped=len(result.skipped)))
    print(text["open"].format(index=args.output / "index.html"))
    return 2 if result.skipped else 0
