"""One check run over many villages: find, load, check, score, summarise."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Iterator

from checker import __version__, engine, scoring
from checker.catalogue import Catalogue, load_catalogue
from checker.loader import find_villages, load_village
from checker.report import Report, VillageReport


class InputError(Exception):
    """A path given on the command line cannot be used."""

    MESSAGES = {
        "missing": {"id": "folder tidak ditemukan: {path}", "en": "folder not found: {path}"},
        "not_dir": {"id": "bukan folder desa: {path} (berikan folder desa atau folder villages/)",
                    "en": "not a village folder: {path} (give a village folder or the villages/ folder)"},
        "no_villages": {"id": "tidak ada desa di {path} (tiap desa adalah folder berisi profil.yaml dan lainnya)",
                        "en": "no villages in {path} (each village is a folder holding profil.yaml and the rest)"},
    }

    def __init__(self, key: str, path: Path):
        super().__init__(key, path)
        self.key, self.path = key, path

    def message(self, lang: str) -> str:
        return self.MESSAGES[self.key][lang].format(path=self.path)


def village_paths(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if not path.exists():
            raise InputError("missing", path)
        if not path.is_dir():
            raise InputError("not_dir", path)
        found = find_villages(path)
        if not found:
            raise InputError("no_villages", path)
        yield from found


def check_one(path: Path, catalogue: Catalogue, as_of: dt.date) -> VillageReport:
    result = engine.check(load_village(path), catalogue, as_of=as_of)
    return VillageReport(result, scoring.score(result, catalogue))


def run(paths: Iterable[Path], *, as_of: dt.date, strict: bool = False, catalogue: Catalogue | None = None) -> Report:
    catalogue = catalogue or load_catalogue()
    reports = tuple(check_one(path, catalogue, as_of) for path in village_paths(paths))
    summary = scoring.summarise(((r.result, r.score) for r in reports), catalogue)
    return Report(reports, summary, as_of.isoformat(), __version__, strict)
