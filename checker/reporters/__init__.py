"""The report formats: `REPORTERS` maps a `--format` name to its module's `render(report, lang)`.

Each format is one module with one `render(report, lang="id") -> str`. A reporter only shows what
the engine and the scorer decided: it computes nothing about compliance, reads no file and prints
nothing (the CLI prints). `lang` is "id" (Indonesian, the default) or "en".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from checker.report import Report
from checker.reporters import github, json_, junit, markdown, parsable, sarif, text

Renderer = Callable[[Report, str], str]

# Formats that can also be written piece by piece (same text as their render): memory stays flat.
STREAMING: dict[str, Callable[[Report, str], Iterable[str]]] = {"json": json_.chunks}

REPORTERS: dict[str, Renderer] = {
    "text": text.render,
    "parsable": parsable.render,
    "json": json_.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "github": github.render,
    "markdown": markdown.render,
}
