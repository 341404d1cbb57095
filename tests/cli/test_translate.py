"""argparse's own messages in Indonesian: every template this Python's argparse can show is in the
table (so a Python upgrade cannot leak English), with the same placeholders, and only while a
`slip` parser is at work."""
from __future__ import annotations

import argparse
import gettext
import inspect
import re

from checker.cli.main import main
from checker.cli.translate import DEVELOPER, INDONESIAN, speaking

_LITERAL = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""


def argparse_templates() -> set[str]:
    """Every message template the running Python's argparse passes to gettext or ngettext."""
    source = inspect.getsource(argparse)
    found = {eval(m) for m in re.findall(r"\b_\(\s*" + _LITERAL, source)}  # noqa: S307 (literals of the stdlib)
    for singular, plural in re.findall(r"ngettext\(\s*" + _LITERAL + r"\s*,\s*" + _LITERAL, source):
        found |= {eval(singular), eval(plural)}  # noqa: S307
    found.add("subcommands")  # add_subparsers' default title, passed through _() as a variable
    return found


def test_every_template_of_this_pythons_argparse_is_translated_or_for_developers_only():
    templates = argparse_templates()
    assert len(templates) > 25  # the extraction works
    assert sorted(templates - INDONESIAN.keys() - DEVELOPER) == []


def test_a_translation_keeps_every_placeholder_of_its_template():
    def holes(text: str) -> list[str]:
        return sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", text))

    assert [key for key, value in INDONESIAN.items() if holes(key) != holes(value)] == []


def test_indonesian_only_inside_speaking_and_argparse_left_as_it_was():
    with speaking("id"):
        assert argparse._("usage: ") == "pemakaian: "  # type: ignore[attr-defined]
        with speaking("en"):
            assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == "perlu %s nilai"
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]


def test_other_parsers_in_the_process_stay_english_after_slip_ran(capsys):
    assert main(["--help"]) == 0 and main(["due", "--tidak-ada"]) == 2
    capsys.readouterr()
    other = argparse.ArgumentParser(prog="lain")
    assert other.format_help().startswith("usage: lain") and "show this help message and exit" in other.format_help()
