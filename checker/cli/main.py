"""`slip <command>` (also `python -m checker`): one parser with a subcommand per command; main(argv) -> exit code.

`check` is the default: `slip villages/kraton` and `slip --format json villages` are
`slip check ...`. A name of a subcommand is always that subcommand, as before (`slip check due`
checks a folder named due). A first word that is neither a subcommand, an option nor an existing
path but is close to a subcommand is taken as a typing mistake (`slip chek`) and named, rather than
reported as a missing folder.

0: done (check: no error-level finding); 1: a village does not comply (or, with --strict, has
warnings); 2: the input or the command line cannot be used (broken YAML, missing folder, unknown
option). Every problem is one line naming what to fix, in Indonesian unless --lang en; never a
traceback.
"""
from __future__ import annotations

import difflib
import os
import sys
from typing import Sequence

from checker import __version__
from checker.cli import build, check, due, import_apbdes, init, new, options, schemas, serve
from checker.cli import parser as cmdline

# The modules that add the subcommands, in the order `slip --help` lists them.
COMMANDS = (check, build, new, init, serve, schemas, import_apbdes, due)
TEXT = {
    "id": {
        "description": "Periksa dan terbitkan informasi publik desa sesuai Standar Layanan Informasi Publik Desa (Perki 1/2018).",
        "commands": "perintah",
        "epilog": "Tanpa PERINTAH, slip menjalankan `slip check`. Bantuan tiap perintah: slip PERINTAH --help",
        "version": "tampilkan versi slip-desa lalu keluar",
        "unknown": "perintah tidak dikenal: {word}; maksud Anda: slip {match}?",
        "internal": "kesalahan internal slip-desa ({error}); mohon laporkan beserta berkas yang diperiksa",
    },
    "en": {
        "description": "Check and publish villages' public information by the Standar Layanan Informasi Publik Desa (Perki 1/2018).",
        "commands": "commands",
        "epilog": "Without a COMMAND, slip runs `slip check`. Help on each: slip COMMAND --help",
        "version": "show the version of slip-desa and exit",
        "unknown": "unknown command: {word}; did you mean: slip {match}?",
        "internal": "internal error in slip-desa ({error}); please report it with the files checked",
    },
}
_TOP = ("-h", "--help", "--version")  # what `slip` itself answers, before any subcommand


def build_parser(lang: str) -> cmdline.Parser:
    """`slip` and all its subcommands, worded in `lang`."""
    text = TEXT[lang]
    parser = cmdline.Parser(prog="slip", lang=lang, description=text["description"], epilog=text["epilog"])
    parser.add_argument("--version", action="version", version=f"slip-desa {__version__}", help=text["version"])
    options.add_lang(parser, lang)
    commands = parser.add_subparsers(title=text["commands"], metavar=text["commands"].upper(), dest="command")
    for module in COMMANDS:
        module.add(commands, lang)
    parser.set_defaults(names=tuple(commands.choices))  # for `route`, which runs before parsing
    return parser


def route(argv: list[str], names: Sequence[str]) -> list[str] | str:
    """argv with its subcommand named (`check` unless one is), or the mistyped word when it looks like one."""
    first = next((i for i, arg in enumerate(argv) if not _is_lang(argv, i)), len(argv))
    word = argv[first] if first < len(argv) else ""
    if word in names or word in _TOP:
        return argv
    if word and not word.startswith("-") and not any(sep in word for sep in "/\\.") and not os.path.exists(word):
        if nearest(word, names):
            return word
    return ["check", *argv]


def nearest(word: str, names: Sequence[str]) -> str | None:
    """The subcommand a mistyped word most likely meant: the only one it begins (`import`), else the closest."""
    begun = [name for name in names if len(word) >= 3 and name.startswith(word)]
    if len(begun) == 1:
        return begun[0]
    close = difflib.get_close_matches(word, names, n=1)
    return close[0] if close else None


def _is_lang(argv: list[str], index: int) -> bool:
    """Is argv[index] part of a --lang option written before the subcommand?"""
    arg = argv[index]
    if arg == "--lang" or arg.startswith("--lang="):
        return True
    return index > 0 and argv[index - 1] == "--lang"


def main(argv: Sequence[str] | None = None) -> int:
    from checker.run.pipeline import InputError

    argv = list(sys.argv[1:] if argv is None else argv)
    lang = cmdline.lang_of(argv)
    try:
        parser = build_parser(lang)
        names = parser.get_default("names")
        routed = route(argv, names)
        if isinstance(routed, str):
            return cmdline.fail("slip", TEXT[lang]["unknown"].format(word=routed, match=nearest(routed, names)))
        args = cmdline.parse(parser, routed)
        if isinstance(args, int):
            return args  # --help or --version printed (0), or an unusable command line (2)
        return args.run(args, lang)
    except BrokenPipeError:  # `slip due | head`: the reader left; nothing more to say
        sys.stderr.close()
        return 0
    except InputError as error:
        return cmdline.fail("slip", error.message(lang))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: say so in one line, never a traceback
        return cmdline.fail("slip", TEXT[lang]["internal"].format(error=f"{type(error).__name__}: {error}"))


def main_entry() -> None:
    """Console-script entry point (`slip`)."""
    raise SystemExit(main())
