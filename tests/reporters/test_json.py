"""json: one document that round-trips to the source objects, with every field documented."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from reportkit import APBDES_ERROR, make_report, with_finding

from checker.findings import Finding, Severity
from checker.report import Report
from checker.reporters.json_ import render
from checker.scoring import QuestionScore, Score, Summary

DOC = Path(__file__).resolve().parents[2] / "docs" / "report-json.md"


def _findings_back(id_items: list[dict], en_items: list[dict]) -> tuple[Finding, ...]:
    """Rebuild Findings from the Indonesian and the English documents."""
    back = []
    for fid, fen in zip(id_items, en_items, strict=True):
        fields = {
            k: fid[k]
            for k in ("file", "line", "col", "rule", "obligation", "article", "confidence")
        }
        back.append(
            Finding(
                **fields,
                severity=Severity[fid["severity"].upper()],
                message_id=fid["message"],
                message_en=fen["message"],
                hint_id=fid["hint"],
                hint_en=fen["hint"],
            )
        )
    return tuple(back)


def _score_back(village: dict) -> Score:
    questions = tuple(
        QuestionScore(q["q"], q["text"], q["points"], q["max_points"], tuple(q["unmet"]))
        for q in village["questions"]
    )
    return Score(
        village["score"], village["band"], questions, tuple(o for q in questions for o in q.unmet)
    )


def test_round_trip_gives_back_the_objects(two: Report) -> None:
    doc_id, doc_en = json.loads(render(two, "id")), json.loads(render(two, "en"))
    assert (doc_id["tool"], doc_id["version"], doc_id["as_of"]) == (
        "slip-desa",
        "0.1.0",
        "2025-03-31",
    )
    assert doc_id["indikatif"] is True and doc_id["lang"] == "id" and doc_en["lang"] == "en"
    assert doc_id["exit_code"] == two.exit_code == 2
    for source, vid, ven in zip(two.villages, doc_id["villages"], doc_en["villages"], strict=True):
        result = source.result
        assert (vid["slug"], vid["name"], vid["kode"], vid["root"]) == (
            result.slug,
            result.name,
            result.kode,
            result.root,
        )
        assert vid["exit_code"] == result.exit_code()
        # Finding's equality skips severity and messages, so compare every field explicitly.
        back = _findings_back(vid["findings"], ven["findings"])
        assert [dataclasses.astuple(f) for f in back] == [
            dataclasses.astuple(f) for f in result.findings
        ]
        assert _score_back(vid) == source.score
    summary = doc_id["summary"]
    back = Summary(
        summary["villages"],
        tuple(summary["per_band"].items()),
        tuple((g["obligation"], g["villages"]) for g in summary["top_gaps"]),
        summary["unusable"],
    )
    assert back == two.summary


def test_strict_turns_warnings_into_exit_code_one(kraton, sukamaju) -> None:
    from reportkit import PROFIL_WARNING, make_village

    warned = make_village("warned", (PROFIL_WARNING,), 97.5, "Informatif")
    assert json.loads(render(make_report(warned), "id"))["villages"][0]["exit_code"] == 0
    strict = json.loads(render(make_report(warned, strict=True), "id"))
    assert strict["strict"] is True
    assert strict["villages"][0]["exit_code"] == strict["exit_code"] == 1


def test_letters_are_not_ascii_escaped(kraton) -> None:
    quoted = dataclasses.replace(APBDES_ERROR, line=30, message_id="Kolom “pejabat” ≥ 2 kali.")
    out = render(make_report(with_finding(kraton, quoted)), "id")
    assert "Kolom “pejabat” ≥ 2 kali." in out and "\\u" not in out


def _keys(value: object) -> set[str]:
    """Every key in a JSON document, at any depth, except per_band's (band names are data)."""
    keys: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            keys.add(key)
            if key != "per_band":
                keys |= _keys(item)
    elif isinstance(value, list):
        for item in value:
            keys |= _keys(item)
    return keys


def test_every_field_is_documented(two) -> None:
    documented = set(
        re.findall(r"^\| `(?:[a-z_]+\[\]\.)?([a-z_]+)` \|", DOC.read_text(encoding="utf-8"), re.M)
    )
    assert _keys(json.loads(render(two, "id"))) == documented


def test_streamed_json_is_the_same_text_as_the_whole_document(demo_root):
    from checker.reporters.json_ import chunks
    from checker.run.pipeline import run
    from tests.conftest import DEMO_AS_OF

    report = run([demo_root], as_of=DEMO_AS_OF)
    for lang in ("id", "en"):
        pieces = list(chunks(report, lang))
        assert len(pieces) == len(report.villages) + 2  # the frame's head and tail, one piece a village
        assert "".join(pieces) == render(report, lang)
    empty = make_report()
    assert "".join(chunks(empty, "id")) == render(empty, "id")
