"""The argument parser of `slip`: it speaks the user's language and raises instead of exiting.

argparse exits the process by itself on a bad argument and on --help; `Parser` raises instead, so
`parse` returns an exit code (2 for a command line that cannot be used, with one line naming why:
`slip <command>: perintah tidak dapat dipakai: ...`; 0 after --help) and only `__main__` exits.
Each Parser holds its language and builds, parses and formats its help inside
`translate.speaking(lang)`, so argparse's own words come out Indonesian (or English with
--lang en) from argparse's gettext hook, never by rewriting its sentences afterwards.

A value an option's type refuses is reported in the option's own sentence ("tanggal 'kemarin'
tidak sah; tulis TTTT-BB-HH ..."): the type raises `BadValue`, which argparse does not catch (it
catches only TypeError, ValueError and ArgumentTypeError), and the parser that was reading the
option turns it into its usage error.

The language is chosen in one way, `--lang id|en` (Indonesian unless en): `lang_of` reads it
before parsing, because the parser and its messages must already be in that language, and the
parser then checks the value like any other option.
"""
from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn, Sequence

from checker.cli.translate import speaking

USAGE = {"id": "perintah tidak dapat dipakai: {error}", "en": "cannot use the command: {error}"}
LANGS = ("id", "en")


class UsageError(Exception):
    """The command line cannot be used; `message` is one line, `prog` the command it belongs to."""

    def __init__(self, prog: str, message: str):
        super().__init__(message)
        self.prog, self.message = prog, message


class BadValue(Exception):
    """Raised by an option's type: the whole sentence saying why the value cannot be used."""


class Done(Exception):
    """--help or --version printed; `status` is the exit code."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


class Parser(argparse.ArgumentParser):
    """An ArgumentParser in one language that raises instead of exiting.

    `strict` parsers (the subcommands) refuse arguments they do not know themselves, so the error
    names the subcommand (`slip due: ...`) rather than leaving them to `slip`.
    """

    def __init__(self, *args: Any, lang: str = "id", strict: bool = False, **kwargs: Any):
        self.lang, self.strict = lang, strict
        with speaking(lang):  # the -h help and the group titles are worded here
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any):  # type: ignore[no-untyped-def, override]
        with speaking(self.lang):
            return super().add_subparsers(**kwargs)

    def parse_args(self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None):  # type: ignore[no-untyped-def, override]
        with speaking(self.lang):  # its own "unrecognized arguments" too
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None):  # type: ignore[no-untyped-def, override]
        with speaking(self.lang):
            try:
                namespace, extras = super().parse_known_args(args, namespace)
            except BadValue as bad:
                raise UsageError(self.prog, str(bad)) from None
            if self.strict and extras:
                self.error(argparse._("unrecognized arguments: %s") % " ".join(extras))  # type: ignore[attr-defined]
        return namespace, extras

    def format_usage(self) -> str:
        with speaking(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with speaking(self.lang):
            return super().format_help()

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        raise UsageError(self.prog, message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:  # type: ignore[override]
        if message:
            sys.stderr.write(message)
        raise Done(status)  # --help and --version end here, after printing


def parse(parser: Parser, argv: Sequence[str]) -> argparse.Namespace | int:
    """The parsed arguments, or the exit code when parsing ended (help printed: 0; unusable: 2)."""
    try:
        return parser.parse_args(list(argv))
    except Done as done:
        return done.status
    except UsageError as error:
        return fail(error.prog, USAGE[parser.lang].format(error=error.message))


def lang_of(argv: Sequence[str]) -> str:
    """The --lang of a command line ("id" unless "en"), read before parsing so that every message is in it.

    It reads what argparse reads: `--lang en`, `--lang=en` and an abbreviation such as `--lan en`
    (no other option of slip starts with --l).
    """
    for index, arg in enumerate(argv):
        name, equals, value = arg.partition("=")
        if len(name) < 3 or not "--lang".startswith(name):
            continue
        if not equals:
            value = argv[index + 1] if index + 1 < len(argv) else ""
        return "en" if value == "en" else "id"
    return "id"


def add_lang(parser: argparse.ArgumentParser, help: str) -> None:
    """The --lang option (its value was already read by `lang_of`; parsing checks it is id or en)."""
    parser.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=help)


def fail(prog: str, message: str) -> int:
    """Print one line to stderr and return the exit code of unusable input."""
    print(f"{prog}: {message}", file=sys.stderr)
    return 2
