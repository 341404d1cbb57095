"""Argument parsing shared by the smaller `slip` commands (new, schemas, import-apbdes, due).

argparse exits the process by itself on a bad argument and on --help; here it raises instead, so
that each command's `command(argv, lang)` returns its exit code (2 for a command that cannot be
used, with one line naming why, in Indonesian unless --lang en) and only `__main__` exits.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Mapping, NoReturn, Sequence

USAGE = {"id": "perintah tidak dapat dipakai: {error}", "en": "cannot use the command: {error}"}
BAD_DATE = {"id": "tanggal '{value}' tidak sah; tulis TTTT-BB-HH, misalnya 2026-11-28",
            "en": "date '{value}' is not valid; write YYYY-MM-DD, e.g. 2026-11-28"}


class UsageError(Exception):
    """The command line cannot be used; the message is one line."""


class _Done(Exception):
    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting."""

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        raise UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:  # type: ignore[override]
        if message:
            sys.stderr.write(message)
        raise _Done(status)  # --help and --version end here, after printing


def parse(parser: Parser, argv: Sequence[str], lang: str,
          invalid: Mapping[str, Mapping[str, str]] | None = None) -> argparse.Namespace | int:
    """The parsed arguments, or the exit code when parsing ended (help printed: 0; unusable: 2).

    `invalid` maps an option to the message (per language, with {value}) for a value its type
    refused; argparse's own wording ("invalid _shard value") means nothing to village staff.
    """
    try:
        return parser.parse_args(list(argv))
    except _Done as done:
        return done.status
    except UsageError as error:
        message = str(error)
        value = message.rsplit(" ", 1)[-1].strip("'")
        if "invalid" in message and "date" in message:
            message = BAD_DATE[lang].format(value=value)
        for option, texts in (invalid or {}).items():
            if f"argument {option}" in message and "invalid" in message:
                message = texts[lang].format(value=value)
        fail(parser.prog, USAGE[lang].format(error=message))
        return 2


def lang_of(argv: Sequence[str]) -> str:
    """The --lang given on a command line ("id" unless "en"), known before parsing so errors use it."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1] == "en" else "id"
    return "id"


def fail(prog: str, message: str) -> int:
    """Print one line to stderr and return the exit code of unusable input."""
    print(f"{prog}: {message}", file=sys.stderr)
    return 2


def date(value: str) -> dt.date:
    """argparse type for TTTT-BB-HH dates (its name shows in argparse's message: 'invalid date value')."""
    return dt.date.fromisoformat(value)
