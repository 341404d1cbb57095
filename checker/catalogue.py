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
    miss: str | None = None  # "warning": a miss is a recommendation whatever the confidence (no verified deadline)
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


@dataclass(frozen=True)
class ApbdesCodes:
    """The Permendagri 20/2018 code tables: kode rekening -> uraian, and the sumber dana codes."""

    pendapatan: Mapping[str, str]
    belanja_bidang: Mapping[str, str]
    belanja_jenis: Mapping[str, str]
    pembiayaan: Mapping[str, str]
    sumber_dana: tuple[str, ...]
    sumber_pendapatan: Mapping[str, str]  # pendapatan kode prefix -> the sumber dana it is


@dataclass(frozen=True, eq=False)  # hashed by identity: one catalogue per schema file
class Catalogue:
    obligations: Mapping[str, Obligation]
    bands: tuple[Band, ...]
    saq: tuple[Question, ...]
    files: Mapping[str, Mapping[str, Any]]  # file pattern -> {schema, meta}: Cerberus schemas, read by schema/
    rules_sets: Mapping[str, Any]  # Cerberus rules sets the file schemas refer to
    apbdes: ApbdesCodes
    severity_by_confidence: Mapping[str, str]  # quoted | secondary | inferred -> error | warning
    never_exempt_prefixes: tuple[str, ...]  # obligation ids no DIP row may declare dikecualikan
    serta_merta_fields: Mapping[str, str]  # field -> what Pasal 3 asks of a serta merta announcement
    service_limits: Mapping[str, int]  # batas_waktu_maksimum: the longest each service step may take, in working days
    kode_pattern: str  # the regular expression of a desa's kode wilayah
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
            miss=item.get("miss"),
            evidence=tuple(item.get("evidence", ())),
            when=item.get("when"),
            rule=item.get("rule"),
        )
    bands = tuple(sorted((Band(b["kategori"], b["min"]) for b in raw["monev_bands"]), key=lambda b: -b.min))
    saq = tuple(Question(q["q"], q["text"], tuple(q["obligations"])) for q in raw["monev_saq"])
    codes = raw["apbdes"]
    apbdes = ApbdesCodes(codes["pendapatan"], codes["belanja_bidang"], codes["belanja_jenis"], codes["pembiayaan"],
                         tuple(codes["sumber_dana"]), codes["sumber_pendapatan"])
    return Catalogue(obligations, bands, saq, raw["files"], raw["rules_sets"], apbdes, raw["severity_by_confidence"],
                     tuple(raw["never_exempt_prefixes"]), raw["serta_merta_fields"], raw["batas_waktu_maksimum"],
                     raw["kode_wilayah"]["pattern"], hashlib.blake2b(source, digest_size=16).hexdigest())
