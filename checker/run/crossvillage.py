"""Checks across the villages of one run: two village folders must not share a kode wilayah.

A kode wilayah names one desa, so two folders with the same `kode_wilayah` in profil.yaml are a
copy that kept its code, or a typo. Each such folder gets an error of the `kode-wilayah` rule at
its kode line, naming the other folders, and is scored with it.

A build publishes each village as soon as it is checked, so the findings are first taken from a
line scan of each profil.yaml (`duplicates` of loader.read_kode), then settled from the kodes of
the results, which decide (checker.run.pipeline.check_all; `duplicate_kode` is the same from
results). They are merged after the per-village cache and never enter it: the
cached result depends on that village's files alone, while this finding depends on the run. Its
limit is the run itself: with `--shard K/N` a duplicate is seen only when both folders fall in the
same shard (shards are cut in kode order, so equal codes are neighbours, but a cut can fall between
them), and a village checked on its own has nothing to be compared with.
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from checker import engine, rules
from checker.catalogue import Catalogue
from checker.findings import CheckResult, Finding, Problem
from checker.loader import kode_line


def duplicate_kode(results: Iterable[CheckResult], catalogue: Catalogue) -> dict[str, tuple[Finding, ...]]:
    """The kode-wilayah findings of every village whose kode another village of `results` also uses, by its root."""
    return duplicates(((result.root, result.kode) for result in results), catalogue)


def duplicates(kodes: Iterable[tuple[str, str]], catalogue: Catalogue) -> dict[str, tuple[Finding, ...]]:
    """The same from (root, kode) pairs: a build knows every kode (loader.read_kode) before checking any village."""
    roots: dict[str, dict[str, str]] = defaultdict(dict)  # kode -> real folder -> root as given
    for root_given, kode_given in kodes:
        kode = kode_given.strip()
        if kode:  # a village whose profil.yaml could not be read has no kode to compare
            roots[kode].setdefault(os.path.realpath(root_given), root_given)  # one folder given twice is one village
    found: dict[str, tuple[Finding, ...]] = {}
    for kode, folders in roots.items():
        if len(folders) < 2:
            continue
        for root in folders.values():
            others = ", ".join(sorted(other for other in folders.values() if other != root))
            problem = Problem("profil.yaml", ("kode_wilayah",), "duplicate", {"kode": kode, "others": others},
                              line=kode_line(Path(root)), col=1)
            found[root] = (engine.stamp(rules.get("kode-wilayah"), problem, None, catalogue),)
    return found


def merge(result: CheckResult, extra: Sequence[Finding]) -> CheckResult:
    """The result with `extra` findings merged in their sorted place (the same object when there are none)."""
    if not extra:
        return result
    return replace(result, findings=tuple(sorted({*result.findings, *extra})))
