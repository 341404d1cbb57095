"""The documents' text cache: a document read once is not parsed again, and never served stale."""
from __future__ import annotations

import json
import shutil

import pytest

from checker.documents import cache
from checker.documents import text as doctext
from checker.run.pipeline import run
from tests.conftest import DEMO_AS_OF, make_pdf


@pytest.fixture
def village(demo_village):
    return demo_village("kraton")


@pytest.fixture
def parsed(monkeypatch):
    """Every document actually parsed (not served from the text cache)."""
    calls: list[int] = []
    real = doctext.read

    def counting(handle, size):
        calls.append(size)
        return real(handle, size)

    monkeypatch.setattr(doctext, "read", counting)
    monkeypatch.setattr("checker.documents.cache.doctext.read", counting)
    return calls


def findings(village, cache_dir):
    report = run([village], as_of=DEMO_AS_OF, cache_dir=cache_dir)
    return [(f.file, f.line, f.rule, f.message_id) for f in report.villages[0].result.findings]


def test_a_yaml_change_reads_no_document_again(village, tmp_path, parsed):
    assert findings(village, tmp_path / "c") == []
    documents = len(parsed)
    assert documents > 10
    profile = village / "profil.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# diubah\n", encoding="utf-8")
    assert findings(village, tmp_path / "c") == []  # checked again (the YAML changed)...
    assert len(parsed) == documents  # ...without parsing one document again


def test_a_changed_document_is_read_again_and_its_nik_found(village, tmp_path, parsed):
    findings(village, tmp_path / "c")
    target = next((village / "dokumen").glob("*.pdf"))
    target.write_bytes(make_pdf("Daftar", ["Sumiati, NIK 3508074506870003"]))
    found = findings(village, tmp_path / "c")
    assert any(rule == "nik" and target.name in message for _, _, rule, message in found), found


def test_a_damaged_entry_is_read_again(village, tmp_path, parsed):
    before = findings(village, tmp_path / "c")
    for entry in (tmp_path / "c" / "text").rglob("*.json"):
        entry.write_text("{rusak", encoding="utf-8")
    for entry in (tmp_path / "c").glob("??"):
        shutil.rmtree(entry)  # drop the results too, so the village is loaded again
    count = len(parsed)
    assert findings(village, tmp_path / "c") == before
    assert len(parsed) == 2 * count


def test_a_rewritten_entry_that_claims_no_text_is_read_again(village, tmp_path, parsed):
    """An entry of the right shape whose seal does not match (as an old reader's or a tampered one
    would be) is a miss: the document is read and its NIK found."""
    target = next((village / "dokumen").glob("*.pdf"))
    target.write_bytes(make_pdf("Daftar", ["Sumiati, NIK 3508074506870003"]))
    assert any(rule == "nik" for _, _, rule, _ in findings(village, tmp_path / "c"))
    rewritten = 0
    for entry in (tmp_path / "c" / "text").rglob("*.json"):
        data = json.loads(entry.read_text(encoding="utf-8"))
        rewritten += bool(data["pages"])  # an image without metadata already holds no text: still true
        entry.write_text(json.dumps({**data, "pages": [], "places": []}), encoding="utf-8")
    for entry in (tmp_path / "c").glob("??"):
        shutil.rmtree(entry)
    count = len(parsed)
    assert any(rule == "nik" and target.name in message for _, _, rule, message in findings(village, tmp_path / "c"))
    assert rewritten > 30 and len(parsed) == count + rewritten  # every rewritten entry was a miss


def test_entries_of_another_reader_version_are_never_used(village, tmp_path, parsed, monkeypatch):
    findings(village, tmp_path / "c")
    for entry in (tmp_path / "c").glob("??"):
        shutil.rmtree(entry)
    count = len(parsed)
    monkeypatch.setattr(cache, "READER", cache.READER + b" next")
    findings(village, tmp_path / "c")
    assert len(parsed) == 2 * count
