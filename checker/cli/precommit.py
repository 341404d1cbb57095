"""The pre-commit hook `slip-check`: check the village folders that hold the files being committed.

pre-commit passes the changed file names (villages/kraton/apbdes/2026.yaml, a PDF under
villages/kraton/dokumen/, ...); each is mapped to the village folder above it, and `slip check`
runs once over those folders, so a commit is refused when a village it touches does not comply
(exit 1) or cannot be read (exit 2). A change to slip_schema.yaml (the standard itself) checks
every village under --villages. Files outside any village, and deleted villages, are skipped.
Other options (--as-of, --strict, --format, --lang) are passed to `slip check`.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

from checker.cli import options, places
from checker.cli import parser as cmdline
from checker.loader import find_villages, is_village

STANDARD = "slip_schema.yaml"
TEXT = {
    "id": {"description": "Periksa folder desa yang berkasnya berubah (untuk pre-commit).",
           "files": "berkas yang berubah (diberikan pre-commit)", "villages": "folder desa-desa (bawaan: villages/ repositori)"},
    "en": {"description": "Check the village folders whose files changed (for pre-commit).",
           "files": "changed files (given by pre-commit)", "villages": "folder of villages (default: the repository's villages/)"},
}


def village_of(path: Path) -> Path | None:
    """The village folder a file belongs to: the nearest folder above it holding the standard's files."""
    for parent in path.parents:
        if parent != Path(".") and is_village(parent):
            return parent
    return None


def villages_for(filenames: Sequence[str], villages: Path) -> list[Path]:
    """The village folders to check for these changed files, each once, in name order."""
    if any(Path(name).name == STANDARD and Path(name).parent == Path(".") for name in filenames):
        return find_villages(villages) if villages.is_dir() else []
    found = {village_of(Path(name)) for name in filenames}
    return sorted(v for v in found if v is not None)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the hook (`python -m checker.cli.precommit [FILE ...] [--villages villages] [--as-of D]
    [--strict] [--format F] [--lang id|en]`): the exit code of `slip check`, 0 when there is nothing to check."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = cmdline.lang_of(argv)
    text = TEXT[lang]
    parser = cmdline.Parser(prog="slip-check", description=text["description"], lang=lang)
    parser.add_argument("files", nargs="*", help=text["files"])
    parser.add_argument("--villages", type=Path, default=None, help=text["villages"])
    parser.add_argument("--as-of", default=None)  # passed on to `slip check`, which judges it
    parser.add_argument("--format", default=None)
    options.add_lang(parser, lang)
    parser.add_argument("--strict", action="store_true")
    args = cmdline.parse(parser, argv)
    if isinstance(args, int):
        return args
    folders = villages_for(args.files, args.villages or places.at_root(places.VILLAGES))
    if not folders:
        return 0
    from checker.cli.main import main as slip  # the whole checker only when there is something to check

    passed = [*(["--as-of", args.as_of] if args.as_of else []), *(["--format", args.format] if args.format else []),
              "--lang", lang, *(["--strict"] if args.strict else [])]
    return slip(["check", *map(str, folders), *passed])


if __name__ == "__main__":
    raise SystemExit(main())
