"""`slip init`: a starter slip.toml, the villages folder and the spreadsheet templates.

It never overwrites: a second run only says what is already there. Run inside a repository's
villages/, it prepares the repository root, never a village folder.
"""
from __future__ import annotations

import argparse
import shutil

from checker.cli import options, places
from checker.cli import parser as cmdline

TEXT = {
    "id": {"description": "Siapkan folder ini untuk slip-desa: slip.toml (pengaturan situs), villages/ dan templat lembar kerja.",
           "wrote": "Ditulis: {path}", "kept": "Sudah ada, tidak diubah: {path}",
           "next": "Berikutnya: isi alamat situs di slip.toml, lalu tambahkan desa dengan `slip new <kode wilayah desa>`."},
    "en": {"description": "Prepare this folder for slip-desa: slip.toml (site settings), villages/ and the spreadsheet templates.",
           "wrote": "Written: {path}", "kept": "Already there, left as it is: {path}",
           "next": "Next: fill in the site address in slip.toml, then add a village with `slip new <village kode wilayah>`."},
}


def add(commands: argparse._SubParsersAction, lang: str) -> None:
    parser = commands.add_parser("init", lang=lang, strict=True, help=TEXT[lang]["description"],
                                 description=TEXT[lang]["description"])
    options.add_lang(parser, lang)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    from checker import resources
    from sitegen import settings

    text, folder = TEXT[lang], places.init_folder()
    templates = resources.path("templates")
    wanted = [(folder / settings.FILE, lambda p: p.write_text(settings.STARTER, encoding="utf-8")),
              (folder / places.VILLAGES, lambda p: p.mkdir()),
              *((folder / "templates" / t.name, lambda p, t=t: shutil.copyfile(t, p)) for t in sorted(templates.iterdir()) if t.is_file())]
    try:
        for path, make in wanted:
            if path.exists() or path.is_symlink():
                print(text["kept"].format(path=path))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            make(path)
            print(text["wrote"].format(path=path))
    except OSError as error:
        from sitegen.output import unwritable

        return cmdline.fail("slip", unwritable(error, lang))
    print(text["next"])
    return 0
