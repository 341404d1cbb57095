"""What every reporter shares: the path a user sees, the severity words, the two languages.

Reporters show findings; they never decide anything about compliance. What lives here is only
presentation: how a village-relative file becomes the path typed on the command line, and which
word each severity gets in Indonesian (the default) or English.
"""

from __future__ import annotations

import posixpath
from typing import Mapping

from checker.findings import CheckResult, Finding, Severity

LANGS = ("id", "en")

_SEVERITY_WORDS = {
    "id": {Severity.WARNING: "peringatan", Severity.ERROR: "galat", Severity.FATAL: "fatal"},
    "en": {Severity.WARNING: "warning", Severity.ERROR: "error", Severity.FATAL: "fatal"},
}


def norm_lang(lang: str) -> str:
    """The language to write in: "en" when asked for, Indonesian otherwise."""
    return "en" if lang == "en" else "id"


def pick(lang: str, id_text: str, en_text: str) -> str:
    """Choose the Indonesian or the English wording."""
    return en_text if norm_lang(lang) == "en" else id_text


def in_lang(lang: str, texts: Mapping[str, str]) -> str:
    """The text of a {"id": ..., "en": ...} pair in the report's language."""
    return texts[norm_lang(lang)]


def severity_word(severity: Severity, lang: str) -> str:
    """The severity as village staff read it: galat/peringatan/fatal or error/warning/fatal."""
    return _SEVERITY_WORDS[norm_lang(lang)][severity]


def display_path(root: str, file: str) -> str:
    """root/file in posix form, as the user typed root; a village-wide finding shows root alone."""
    # Windows users may type villages\kraton; editors and CI want one separator.
    root = root.replace("\\", "/")
    if not file:
        return posixpath.normpath(root) if root else "."
    return posixpath.normpath(posixpath.join(root, file)) if root else file


def finding_path(result: CheckResult, finding: Finding) -> str:
    """The path of a finding's file as the user sees it."""
    return display_path(result.root, finding.file)


def with_article(message: str, article: str) -> str:
    """A message followed by the article it rests on, when there is one."""
    return f"{message} ({article})" if article else message
