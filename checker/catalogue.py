"""The standard as data: obligations, bands and SAQ weighting read from slip_schema.yaml."""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import yaml

from checker import resources

SCHEMA_PATH = resources.path("slip_schema.yaml")


@dataclass(frozen=True)
class Obligation:
    id: str
    basis: str  # the article to cite
    confidence: str  # quoted | secondary | inferred
    text: str
    fresh: str | None = None  # ISO 8601 duration: P1M, P6M
    due_from: str | None = None  # MM-DD from which last year's report is due
    evidence: tuple[Mapping[str, Any], ...] = ()
    when: Mapping[str, Any] | None = None
    rule: str | None = None

    @property
    def recommended_only(self) -> bool:
        return self.confidence == "inferred"


@dataclass(frozen=True)
class Band:
    name: str
    min: float


@dataclass(frozen=True)
class Question:
    q: int
    text: str
    obligations: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # hashed by identity: one catalogue per schema file
class Catalogue:
    obligations: Mapping[str, Obligation]
    bands: tuple[Band, ...]
    saq: tuple[Question, ...]
    raw: Mapping[str, Any]  # the whole file, for the validator and the rules' reference tables
    digest: str = ""  # blake2b of the file's bytes: part of every result-cache key

    def get(self, obligation_id: str) -> Obligation:
        return self.obligations[obligation_id]


@functools.lru_cache(maxsize=4)
def load_catalogue(path: Path | None = None) -> Catalogue:
    source = (path or SCHEMA_PATH).read_bytes()
    raw = yaml.load(source.decode("utf-8"), Loader=yaml.CSafeLoader)
    obligations = {}
    for item in raw["obligations"]:
        fields = {k: item[k] for k in ("id", "basis", "confidence", "text")}
        obligations[item["id"]] = Obligation(
            **fields,
            fresh=item.get("fresh"),
            due_from=item.get("due_from"),
            evidence=tuple(item.get("evidence", ())),
            when=item.get("when"),
            rule=item.get("rule"),
        )
    bands = tuple(sorted((Band(b["kategori"], b["min"]) for b in raw["monev_bands"]), key=lambda b: -b.min))
    saq = tuple(Question(q["q"], q["text"], tuple(q["obligations"])) for q in raw["monev_saq"])
    return Catalogue(obligations, bands, saq, raw, hashlib.blake2b(source, digest_size=16).hexdigest())
