"""`slip schemas [--out schemas/] [--check]`: the JSON Schemas for editors (checker/schema/export.py makes them).

--check only compares: exit 1 when the folder is behind slip_schema.yaml, naming the files.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from checker.cli import options, places
from checker.cli import parser as cmdline

TEXT = {
    "id": {"description": "Tulis JSON Schema tiap jenis berkas desa (untuk VS Code) dari slip_schema.yaml.",
           "out": "folder tujuan (bawaan: schemas/ repositori)", "check": "hanya periksa bahwa skema di folder itu mutakhir",
           "written": "{count} skema ditulis ke {out}/", "fresh": "Skema di {out}/ mutakhir.",
           "stale": "Skema di {out}/ tidak sama dengan slip_schema.yaml: {names}. Jalankan `slip schemas`.",
           "unwritable": "tidak dapat menulis {out}: {error}"},
    "en": {"description": "Write the JSON Schema of each kind of village file (for VS Code) from slip_schema.yaml.",
           "out": "output folder (default: the repository's schemas/)", "check": "only check that the schemas in that folder are current",
           "written": "{count} schemas written to {out}/", "fresh": "The schemas in {out}/ are current.",
           "stale": "The schemas in {out}/ differ from slip_schema.yaml: {names}. Run `slip schemas`.",
           "unwritable": "cannot write {out}: {error}"},
}


def add(commands: argparse._SubParsersAction, lang: str) -> None:
    text = TEXT[lang]
    parser = commands.add_parser("schemas", lang=lang, strict=True, help=text["description"], description=text["description"])
    parser.add_argument("--out", type=Path, default=None, help=text["out"])
    parser.add_argument("--check", action="store_true", help=text["check"])
    options.add_lang(parser, lang)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    from checker.catalogue import load_catalogue
    from checker.schema.export import OUT_DIR, export, stale

    text, target = TEXT[lang], args.out or places.at_root(OUT_DIR)
    catalogue = load_catalogue()
    out = str(target).rstrip("/")
    if args.check:
        names = stale(target, catalogue)
        print(text["stale"].format(out=out, names=", ".join(names)) if names else text["fresh"].format(out=out))
        return 1 if names else 0
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name, rendered in export(catalogue).items():
            (target / name).write_text(rendered, encoding="utf-8")
    except OSError as error:
        return cmdline.fail("slip schemas", text["unwritable"].format(out=out, error=error.strerror or error))
    print(text["written"].format(count=len(catalogue.files), out=out))
    return 0
