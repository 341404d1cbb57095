"""argparse in Indonesian: its own message templates translated, without rewriting its output.

argparse writes every message it owns ("usage: ", "the following arguments are required: %s",
"invalid choice: %(value)r (choose from %(choices)s)", the -h help, the group titles) through the
module-level functions `argparse._` and `argparse.ngettext`, its gettext hook, and fills in the
values after translating. `speaking("id")` swaps those two for look-ups in the table below for as
long as a `slip` parser is built, parses or formats its help (checker/cli/parser.py wraps each of
those), and puts argparse's own functions back afterwards, so other users of argparse in the same
process never see Indonesian. This is argparse's documented way to translate it (a gettext
catalogue would do the same through .mo files and the locale, which a village laptop may not
have), so nothing depends on how argparse words or assembles a message:

- a template argparse does not have (an older or newer Python) is simply never asked for;
- a template the table lacks falls back to argparse's English, never a crash;
  tests/cli/test_translate.py lists every template of the running Python's argparse and fails
  when one that village staff could see is missing here, so a Python upgrade cannot leak English.

The command line is single-threaded while it parses (the `slip serve` rebuild thread never parses),
so the swap cannot race.
"""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

# argparse's templates (Python 3.11 to 3.13) -> Indonesian; %-placeholders kept as they are.
INDONESIAN = {
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "optional arguments": "opsi",
    "subcommands": "perintah",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "not allowed with argument %s": "tidak boleh dipakai bersama argumen %s",
    "ignored explicit argument %r": "nilai %r tidak dipakai opsi ini",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s tidak jelas: bisa berarti %(matches)s",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "pilihan tidak sah: %(value)r, maksud Anda %(closest)r? (pilih dari %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "option '%(option)s' is deprecated": "opsi '%(option)s' sudah usang",
    "argument '%(argument_name)s' is deprecated": "argumen '%(argument_name)s' sudah usang",
    "command '%(parser_name)s' is deprecated": "perintah '%(parser_name)s' sudah usang",
}

# Templates only a mistake in slip's own parser definitions can produce (a conflicting option, a
# missing dest): they never reach village staff, who get "kesalahan internal" instead, so they stay
# in English for the developer who reads them. Listed so the completeness test knows them.
DEVELOPER = {
    ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
    'argument "-" with mode %r', "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals", "invalid option string %(option)r: ",
    "must contain characters other than '-'", "dest= is required for options like %r",
    "invalid conflict_resolution value: %r", "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments", "%r is not callable", "conflicting option string: %s",
    "conflicting option strings: %s", "%(prog)s: warning: %(message)s\n",
}


def _gettext(message: str) -> str:
    return INDONESIAN.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    return _gettext(singular if count == 1 else plural)


_ENGLISH = argparse._, argparse.ngettext  # type: ignore[attr-defined]  # argparse's own, as imported


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse's own messages in `lang` ("id" Indonesian, else argparse's English) inside the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = (_gettext, _ngettext) if lang == "id" else _ENGLISH  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
