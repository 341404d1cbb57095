"""The rule contract: what a module in checker/rules/ declares, and what the engine reads of it.

A rule is a module (the yamllint model), not a class: its Indonesian docstring is the manual that
docs/referensi-aturan.md is generated from, then its constants, then one generator. Required:

    ID           kebab-case, the module name with dashes (rules/dip_exempt.py -> "dip-exempt")
    TITLE        {"id": ..., "en": ...}, one line for reports and SARIF
    OBLIGATIONS  catalogue ids the rule judges; a Problem without its own obligation gets the first
    MESSAGES     problem key -> {"id": template, "en": template}
    check(village, context) -> Iterator[Problem]

Optional, read through the functions below so that the engine never asks a rule by name:

    HINTS  problem key -> {"id", "en"}: what to do about it
    FATAL  problem keys that make the village unusable (exit 2); only the input-file rule has them
    ERRORS problem keys that are errors whatever the obligation's confidence: what a file claims
           and is false (a `berkas` that is missing or not a document), not a recommendation unmet
    READS  files the rule compares: it is skipped, its obligations unverified, while one is unreadable

`Rule` is the Protocol a type checker holds every registered module to; tests/rules/test_contract.py
holds them to the rest (ids, templates in both languages, obligations that exist).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from checker.context import Context
from checker.findings import Problem
from checker.model import Village

Templates = Mapping[str, Mapping[str, str]]


class Rule(Protocol):
    ID: str
    TITLE: Mapping[str, str]
    OBLIGATIONS: tuple[str, ...]
    MESSAGES: Templates

    def check(self, village: Village, context: Context) -> Iterator[Problem]: ...


def hints(rule: Rule) -> Templates:
    return getattr(rule, "HINTS", {})


def fatal(rule: Rule) -> frozenset[str]:
    return frozenset(getattr(rule, "FATAL", ()))


def errors(rule: Rule) -> frozenset[str]:
    return frozenset(getattr(rule, "ERRORS", ()))


def reads(rule: Rule) -> frozenset[str]:
    return frozenset(getattr(rule, "READS", ()))
