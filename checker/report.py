"""What every reporter renders: the checked villages with their scores and the summary."""
from __future__ import annotations

from dataclasses import dataclass

from checker.findings import CheckResult
from checker.scoring import Score, Summary


@dataclass(frozen=True)
class VillageReport:
    result: CheckResult
    score: Score


@dataclass(frozen=True)
class Report:
    villages: tuple[VillageReport, ...]
    summary: Summary
    as_of: str  # ISO date every freshness check used
    tool_version: str
    strict: bool = False

    @property
    def exit_code(self) -> int:
        return max((v.result.exit_code(strict=self.strict) for v in self.villages), default=0)
