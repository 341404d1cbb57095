"""The indicative monev score: the catalogue's 20-question SAQ weighting, from findings only.

Each question is worth 5 points, shared equally among its obligations. An obligation earns its
share when no finding (error or warning) counts against it; an inferred obligation that is missing
costs its share too, but its findings stay warnings. The Komisi Informasi does not publish its own
weights, so the score and band are labelled indikatif everywhere they are shown.

A village is given no score and no band ("belum dapat dinilai") when any of its files could not be
read, or when it has no readable `dip.yaml`: every question is judged against what the files say,
and a number computed around a missing file would claim more than the files show (an unreadable
file once left a village "Informatif"). Its unmet and unverified obligations are still listed, and
summaries count such villages apart from the bands.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from checker.catalogue import Catalogue
from checker.findings import CheckResult, Severity

POINTS_PER_QUESTION = 5.0


@dataclass(frozen=True)
class QuestionScore:
    q: int
    text: str
    points: float
    max_points: float
    unmet: tuple[str, ...]  # obligation ids that lost their share


# What the score covers: the Komisi Informasi's monev adds a visitation half that no file can show.
COVERAGE = {
    "id": "Skor indikatif hanya mencakup separuh kuesioner monev (20 pertanyaan penilaian mandiri); "
          "separuh visitasi (prestasi, potensi, kesiapan, inovasi) tidak dapat dibaca dari berkas.",
    "en": "The indicative score covers only the questionnaire half of the monev (the 20 self-assessment "
          "questions); the visitation half (achievements, potential, readiness, innovation) cannot be read from files.",
}
NOT_ASSESSABLE = {"id": "Belum dapat dinilai", "en": "Not yet assessable"}
REASONS = {  # why a village is not assessable, completing "belum dapat dinilai karena ..."
    "unreadable": {"id": "ada berkas yang tidak dapat dibaca", "en": "a file cannot be read"},
    "no_dip": {"id": "dip.yaml tidak ada, kosong atau tidak terbaca", "en": "dip.yaml is missing, empty or unreadable"},
}


@dataclass(frozen=True)
class Score:
    value: float | None  # 0-100, one decimal; None when the village is not assessable
    band: str | None  # None when the village is not assessable
    questions: tuple[QuestionScore, ...]
    unmet: tuple[str, ...]
    reason: str = ""  # a key of REASONS when the village is not assessable, else ""

    @property
    def assessable(self) -> bool:
        return not self.reason

    def why(self, lang: str = "id") -> str:
        """Why there is no band, in words ("" when there is one)."""
        return REASONS[self.reason]["en" if lang == "en" else "id"] if self.reason else ""


@dataclass(frozen=True)
class Summary:
    """A kabupaten (or any set of villages) at a glance."""

    villages: int
    per_band: tuple[tuple[str, int], ...]  # every band, in the catalogue's order
    top_gaps: tuple[tuple[str, int], ...]  # (obligation id, villages lacking it), at most ten
    unusable: int  # villages whose input could not be read
    not_assessable: int = 0  # villages with no band (unusable input or no dip.yaml), not in per_band


def band_for(value: float, catalogue: Catalogue) -> str:
    for band in catalogue.bands:  # ordered from the highest minimum down
        if value >= band.min:
            return band.name
    return catalogue.bands[-1].name


def reason(result: CheckResult) -> str:
    """Why the village cannot be scored (a key of REASONS), or "" when it can."""
    if result.worst is Severity.FATAL:
        return "unreadable"
    return "" if "dip.yaml" in result.files else "no_dip"


def score(result: CheckResult, catalogue: Catalogue) -> Score:
    """Score one village from its findings."""
    failing = {f.obligation for f in result.findings if f.severity >= Severity.WARNING} | set(result.unverified)
    questions = []
    for question in catalogue.saq:
        share = POINTS_PER_QUESTION / len(question.obligations)
        unmet = tuple(o for o in question.obligations if o in failing)
        points = share * (len(question.obligations) - len(unmet))
        questions.append(QuestionScore(question.q, question.text, round(points, 2), POINTS_PER_QUESTION, unmet))
    total_max = POINTS_PER_QUESTION * len(catalogue.saq)
    value = round(100 * sum(q.points for q in questions) / total_max, 1)
    unmet_all = tuple(dict.fromkeys(o for q in questions for o in q.unmet))  # an obligation may answer two questions
    why = reason(result)
    if why:
        return Score(None, None, tuple(questions), unmet_all, why)
    return Score(value, band_for(value, catalogue), tuple(questions), unmet_all)


def summarise(scored: Iterable[tuple[CheckResult, Score]], catalogue: Catalogue) -> Summary:
    """Villages per band and the ten most common gaps."""
    return tally(((result.worst is Severity.FATAL, score.band, score.unmet) for result, score in scored), catalogue)


def tally(villages: Iterable[tuple[bool, str | None, Iterable[str]]], catalogue: Catalogue) -> Summary:
    """The summary from (unusable, band or None, unmet obligations) per village: what a build record keeps."""
    bands: Counter[str | None] = Counter()
    gaps: Counter[str] = Counter()
    count = unusable = 0
    for fatal, band, unmet in villages:
        count += 1
        unusable += fatal
        bands[band] += 1
        gaps.update(set(unmet))
    per_band = tuple((band.name, bands[band.name]) for band in catalogue.bands)
    top = tuple(sorted(gaps.items(), key=lambda item: (-item[1], item[0]))[:10])
    return Summary(count, per_band, top, unusable, bands[None])
