"""Runs every rule over a loaded village and stamps what the rules found.

A rule yields Problems that point at data paths. Here each becomes a Finding: located through the
file's mark table, given its obligation's article and severity from the catalogue (quoted and
secondary -> error, inferred -> warning that says it is a recommendation), its message rendered in
both languages, sorted. A rule never sets severity or article text itself.

Every text a report prints (messages, hints, file names, the village's name and kode) is masked
here, once, for every format: a NIK typed into the wrong field would otherwise reach CI logs and
SARIF uploads through a schema message quoting the value, although the site never shows it.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Mapping

from checker import publication
from checker import rules as rule_registry
from checker.rules import base
from checker.rules.base import Rule
from checker.catalogue import Catalogue, Obligation
from checker.context import Context
from checker.domain import nik, rupiah
from checker.findings import CheckResult, Finding, Problem, Severity
from checker.model import Village

RECOMMENDED = {"id": "Dianjurkan: ", "en": "Recommended: "}
# A message quoting a value's repr writes a no-break space as \xa0: a reader still sees the number.
_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))")


def _masked(text: str) -> str:
    """The text with every NIK-like number masked, escapes in quoted values read as what they stand for."""
    if "\\" in text:
        decoded = _ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)), text)
        if decoded != text and any(True for _ in nik.find(decoded)):
            return nik.mask(decoded)
    return nik.mask(text)


def _severity(module: Rule, problem: Problem, obligation: Obligation, catalogue: Catalogue) -> Severity:
    if problem.key in base.fatal(module):
        return Severity.FATAL
    if problem.key in base.errors(module):  # a false claim, not a missing recommendation
        return Severity.ERROR
    if obligation.miss == "warning":  # the catalogue says a miss is a recommendation (no verified deadline)
        return Severity.WARNING
    return Severity.WARNING if catalogue.severity_by_confidence[obligation.confidence] == "warning" else Severity.ERROR


def _text(templates: Mapping[str, Mapping[str, str]], key: str, params: Mapping[str, Any], lang: str) -> str:
    template = templates.get(key)
    if template is None:
        return ""
    return template.get(lang, template["id"]).format_map(_Params(params))


class _Params(dict):  # type: ignore[type-arg]
    """Formats rupiah with thousands dots, the way staff write them."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if key.startswith(("rp", "selisih")) and isinstance(value, int):
            return "Rp " + rupiah.digits(value)  # a negative one as "Rp -5.000", unlike the site's "-Rp 5.000"
        return value


def stamp(module: Rule, problem: Problem, village: Village | None, catalogue: Catalogue) -> Finding:
    """A rule's Problem as a Finding; without a village, the problem must carry its line."""
    obligation_id = problem.obligation or module.OBLIGATIONS[0]
    obligation = catalogue.get(obligation_id)
    severity = _severity(module, problem, obligation, catalogue)
    if problem.line is not None:
        line, col = problem.line, problem.col or 1
    else:
        source = (village.files.get(problem.file) or village.pages.get(problem.file)) if village else None
        location = source.marks.locate(problem.path) if source else None
        line, col = (location.line, location.col) if location else (1, 1)
    messages = {lang: _text(module.MESSAGES, problem.key, problem.params, lang) for lang in ("id", "en")}
    hints = {lang: _text(base.hints(module), problem.key, problem.params, lang) for lang in ("id", "en")}
    if severity is Severity.WARNING:
        messages = {lang: RECOMMENDED[lang] + text for lang, text in messages.items()}
    messages, hints = {k: _masked(v) for k, v in messages.items()}, {k: _masked(v) for k, v in hints.items()}
    return Finding(
        file=_masked(problem.file), line=line, col=col, rule=module.ID, obligation=obligation_id, article=obligation.basis,
        message_id=messages["id"], severity=severity, message_en=messages["en"], hint_id=hints["id"], hint_en=hints["en"],
        confidence=obligation.confidence,
    )


def check(
    village: Village,
    catalogue: Catalogue,
    *,
    as_of: dt.date,
    rules: Iterable[Rule] | None = None,
) -> CheckResult:
    """All findings of one village, sorted by file, line, column and rule."""
    findings: set[Finding] = set()
    # A file that could not be read is reported once, as fatal; other rules would only call its
    # contents "missing", which sends staff to fix the wrong thing.
    # The load problems themselves are the one thing said about such a file.
    unreadable = village.unreadable
    load_problems = {(p.file, p.key) for p in village.problems}
    unverified: set[str] = set()
    context = Context(as_of, catalogue)
    for module in rules if rules is not None else rule_registry.RULES:
        if unreadable & base.reads(module):
            unverified.update(module.OBLIGATIONS)
            continue  # a rule comparing files cannot judge one against a file it could not read
        for problem in module.check(village, context):
            if problem.file in unreadable and (problem.file, problem.key) not in load_problems:
                unverified.add(problem.obligation or module.OBLIGATIONS[0])
                continue
            findings.add(stamp(module, problem, village, catalogue))
    profile = village.data("profil.yaml") or {}
    return CheckResult(
        slug=village.slug,
        name=_masked(str(profile.get("nama") or village.slug)),
        kode=_masked(str(profile.get("kode_wilayah") or "")),
        root=str(village.root),
        findings=tuple(sorted(findings)),
        files=tuple(sorted(_masked(name) for name in [*village.files, *village.pages])),
        as_of=as_of.isoformat(),
        unverified=tuple(sorted(unverified)),
        published=publication.published(village),
    )
