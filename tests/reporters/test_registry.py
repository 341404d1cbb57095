"""The registry: exact format names; every renderer returns text in both languages, silently."""

from __future__ import annotations

import pytest

from checker import reporters
from checker.reporters import REPORTERS, sarif


@pytest.fixture(autouse=True)
def no_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    # The rules package is written in parallel; SARIF's rule descriptions must not need it here.
    monkeypatch.setattr(sarif, "describe", lambda rule_id, lang: f"{rule_id} ({lang})")


def test_format_names_are_the_cli_choices() -> None:
    assert list(REPORTERS) == ["text", "parsable", "json", "junit", "sarif", "github", "markdown"]


@pytest.mark.parametrize("name", list(REPORTERS))
def test_render_returns_text_and_prints_nothing(name, two, capsys) -> None:
    out = REPORTERS[name](two, "id")
    assert isinstance(out, str) and out.endswith("\n")
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("name", list(REPORTERS))
def test_english_differs_from_indonesian(name, two) -> None:
    # Every format carries at least one message, so the two languages can never coincide.
    assert REPORTERS[name](two, "en") != REPORTERS[name](two, "id")


@pytest.mark.parametrize("name", list(REPORTERS))
def test_indonesian_is_the_default(name, two) -> None:
    assert REPORTERS[name](two) == REPORTERS[name](two, "id")


def test_no_colour_codes_anywhere(two) -> None:
    for name, render in reporters.REPORTERS.items():
        assert "\x1b" not in render(two, "id"), name
