"""What a rule yields (Problem) and what a report shows (Finding, CheckResult)."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Mapping

Path = tuple[Any, ...]


class Severity(enum.IntEnum):
    """Ordered so that max() gives the worst finding."""

    WARNING = 1
    ERROR = 2
    FATAL = 3  # unusable input: exit 2

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Problem:
    """A rule's raw result: a data path in one file, never a line number."""

    file: str
    path: Path
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    obligation: str | None = None  # overrides the rule's first obligation
    line: int | None = None  # only for problems found before there is data (YAML syntax)
    col: int | None = None


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    col: int
    rule: str
    obligation: str
    article: str
    # Two problems of one rule on one line (a serta-merta page lacking several elements) are
    # distinct findings: the message is part of a finding's identity.
    message_id: str
    severity: Severity = field(compare=False)
    message_en: str = field(compare=False)
    hint_id: str = field(compare=False, default="")
    hint_en: str = field(compare=False, default="")
    confidence: str = field(compare=False, default="quoted")

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_id

    def hint(self, lang: str) -> str:
        return self.hint_en if lang == "en" else self.hint_id


@dataclass(frozen=True)
class CheckResult:
    slug: str
    name: str
    kode: str
    root: str  # the village folder as given on the command line
    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    as_of: str
    # Obligations left unjudged because a file they are judged from could not be read: the score
    # counts them as unmet (an unreadable profil.yaml must not leave a village "Informatif").
    unverified: tuple[str, ...] = ()
    # The documents the site may publish, with the SHA-256 of the bytes judged (checker.publication):
    # the site never decides this again.
    published: tuple[tuple[str, str], ...] = ()

    @property
    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def exit_code(self, *, strict: bool = False) -> int:
        worst = self.worst
        if worst is Severity.FATAL:
            return 2
        if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
            return 1
        return 0

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)
