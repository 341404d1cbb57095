"""The results cache: a village's result is served again only while nothing its key covers changed."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.catalogue import load_catalogue
from checker.cli.main import main
from checker.run import cache, step
from checker.run.pipeline import run
from tests.conftest import DEMO_AS_OF
from tests.run.conftest import as_json


@pytest.fixture
def village(demo_village) -> Path:  # type: ignore[no-untyped-def]
    return demo_village("kraton")


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every village actually loaded (a cache miss), in serial runs."""
    seen: list[Path] = []
    real = step.load_village

    def counting(path, *args):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(path, *args)

    monkeypatch.setattr(step, "load_village", counting)
    return seen


def check(root: Path, cache_dir: Path, as_of: dt.date = DEMO_AS_OF) -> dict:
    return as_json(run([root], as_of=as_of, cache_dir=cache_dir))["villages"][0]


def uncached(root: Path, as_of: dt.date = DEMO_AS_OF) -> dict:
    return as_json(run([root], as_of=as_of))["villages"][0]


@pytest.mark.parametrize("name, edit", [
    ("profil.yaml", lambda b: b.replace(b"diperbarui: 2026-10-05", b"diperbarui: 2025-10-05")),
    ("apbdes/2026.yaml", lambda b: b.replace(b"anggaran: 1096384000", b"anggaran: 1096484000")),
    ("pengumuman/musdes-rapbdes-2027.md", lambda b: b + b"\nNIK 3508074506870003\n"),
    ("dokumen/perdes-2026-01-apbdes.pdf", lambda b: b""),  # a referenced document, not data
    ("dokumen/sop-pelayanan.pdf", lambda b: b"not a pdf"),
])
def test_cache_misses_when_any_input_byte_changes(village, tmp_path, loads, name, edit):
    before = check(village, tmp_path / "c")
    assert check(village, tmp_path / "c") == before and len(loads) == 1  # unchanged: served from cache
    (village / name).write_bytes(edit((village / name).read_bytes()))
    after = check(village, tmp_path / "c")
    assert len(loads) == 2 and after != before and after == uncached(village)


def test_cache_misses_when_a_file_or_document_disappears(village, tmp_path, loads):
    check(village, tmp_path / "c")
    (village / "layanan.yaml").unlink()
    assert check(village, tmp_path / "c") == uncached(village)
    (village / "dokumen" / "lppd-2025.pdf").unlink()
    assert check(village, tmp_path / "c") == uncached(village)
    assert len(loads) == 5  # three cached runs that missed, two uncached


def test_cache_keys_on_as_of(village, tmp_path, loads):
    check(village, tmp_path / "c", DEMO_AS_OF)
    later = dt.date(2027, 8, 1)
    assert check(village, tmp_path / "c", later) == uncached(village, later) != uncached(village)
    assert len(loads) == 4


def test_cache_keys_on_the_schema(village, tmp_path, loads, monkeypatch):
    check(village, tmp_path / "c")
    check(village, tmp_path / "c")
    assert len(loads) == 1
    monkeypatch.setattr(cache, "schema_digest", lambda catalogue: "another slip_schema.yaml")
    check(village, tmp_path / "c")
    assert len(loads) == 2


def test_cache_keys_on_the_code(village, tmp_path, loads, monkeypatch):
    check(village, tmp_path / "c")
    monkeypatch.setattr(cache, "code_digest", lambda: "another checker")
    check(village, tmp_path / "c")
    assert len(loads) == 2


def test_no_entry_is_stored_when_files_change_during_the_check(village, tmp_path):
    store = cache.Cache.open(tmp_path / "c", load_catalogue(), DEMO_AS_OF)
    result = step.check_village(village, step.Job(load_catalogue(), DEMO_AS_OF)).output
    # an entry covers every document its result lets the site publish
    refs = ("dokumen/lppd-2025.pdf", *(ref for ref, _ in result.published if ref != "dokumen/lppd-2025.pdf"))

    def entries() -> list[Path]:
        return list((tmp_path / "c").glob("??/*.json"))
    key, documents = store.key(village), store.documents_digest(village, refs)
    (village / refs[0]).write_bytes(b"")  # a document rewritten while the rules ran
    store.put(village, key, refs, documents, result)
    assert entries() == []
    key, documents = store.key(village), store.documents_digest(village, refs)
    (village / "profil.yaml").write_text("nama: Kraton\n", encoding="utf-8")  # a data file, likewise
    store.put(village, key, refs, documents, result)
    assert entries() == []
    key = store.key(village)
    store.put(village, key, refs, documents, result)  # nothing changed since the digests
    assert len(entries()) == 1 and store.get(village, key) == result


def test_damaged_entry_is_a_miss_not_a_crash(village, tmp_path, loads):
    check(village, tmp_path / "c")
    for entry in (tmp_path / "c").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert check(village, tmp_path / "c") == uncached(village) and len(loads) == 3


def test_cli_uses_the_cache_dir_and_no_cache_writes_nothing(village, tmp_path):
    assert main(["check", str(village), "--as-of", "2026-11-28", "--cache-dir", str(tmp_path / "c"), "--format", "json"]) == 0
    assert len(list((tmp_path / "c").glob("??/*.json"))) == 1  # one result (and the documents' text under text/)
    assert main(["check", str(village), "--as-of", "2026-11-28", "--no-cache", "--cache-dir", str(tmp_path / "d")]) == 0
    assert not (tmp_path / "d").exists()


def test_symlinked_document_out_of_the_village_changes_the_key(village, tmp_path):
    store = cache.Cache.open(tmp_path / "c", load_catalogue(), DEMO_AS_OF)
    refs = ("dokumen/lppd-2025.pdf",)
    before = store.documents_digest(village, refs)
    outside = tmp_path / "outside.pdf"
    outside.write_bytes((village / refs[0]).read_bytes())  # the same bytes, but outside the folder
    (village / refs[0]).unlink()
    (village / refs[0]).symlink_to(outside)
    assert store.documents_digest(village, refs) != before
