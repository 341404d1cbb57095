"""Scale features change speed, never results: cache, parallel workers and shards give the same report.

A corpus of 30 generated villages (bench/generate.py: real Lumajang codes, some with defects) is
checked serially without cache, in parallel through a cold and a warm cache, and in three shards;
the JSON reports must be identical. The cache must miss whenever anything its key covers changes.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import io
import itertools
import json
import sys
from pathlib import Path

import pytest

from checker.run import cache
from checker.run import pipeline as runner
from checker.cli.main import main
from checker.cli.progress import Progress
from checker.reporters import REPORTERS
from checker.run.pipeline import run
from checker.run.shard import Shard
from tests.conftest import DEMO, DEMO_AS_OF, ROOT


def _generator():  # bench/ is not a package; load it the way conftest loads scripts/
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    manifest = _generator().generate(out, "35.08", 30, seed=7, defect_share=0.3, template=DEMO / "kraton")
    assert len(set(manifest.values())) > 2  # clean villages and several kinds of defect
    return out


def as_json(report) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(REPORTERS["json"](report, "id"))


@pytest.fixture(scope="module")
def serial(corpus: Path) -> dict:
    return as_json(run([corpus], as_of=DEMO_AS_OF, jobs=1))


def test_shards_parallel_and_cached_runs_all_equal_the_serial_uncached_run(corpus, serial, tmp_path):
    # Each village is checked cold once, in a shard, by two workers writing the cache...
    parts = [as_json(run([corpus], as_of=DEMO_AS_OF, jobs=2, shard=Shard(k, 3), cache_dir=tmp_path))["villages"]
             for k in (1, 2, 3)]
    assert sorted(len(p) for p in parts) == [10, 10, 10] and len(list(tmp_path.glob("??/*.json"))) == 30
    union = sorted((v for part in parts for v in part), key=lambda v: v["slug"])
    assert union == sorted(serial["villages"], key=lambda v: v["slug"])
    # ...then the whole run is read back from it, in parallel and serially.
    assert as_json(run([corpus], as_of=DEMO_AS_OF, jobs=2, cache_dir=tmp_path)) == serial
    assert as_json(run([corpus], as_of=DEMO_AS_OF, jobs=1, cache_dir=tmp_path)) == serial
    assert any(v["findings"] for v in serial["villages"]) and any(not v["findings"] for v in serial["villages"])


def test_shards_are_deterministic_complete_disjoint_and_ordered_by_kode(corpus):
    villages = sorted(p for p in corpus.iterdir() if p.is_dir())
    for count in range(1, 8):
        parts = [Shard(k, count).select(villages) for k in range(1, count + 1)]
        assert parts == [Shard(k, count).select(list(villages)) for k in range(1, count + 1)]
        flat = [p for part in parts for p in part]
        assert sorted(flat) == villages and len(flat) == len(set(flat))
        assert max(map(len, parts)) - min(map(len, parts)) <= 1
        kodes = [[p.name.rsplit("-", 1)[1] for p in part] for part in parts]  # slug ends in the kode digits
        assert all(max(a) < min(b) for a, b in itertools.pairwise(kodes) if a and b)


def test_shard_falls_back_to_the_folder_name_without_a_kode(make_village):
    a = make_village({"ppid.yaml": "nama: x\n"}, slug="a-desa")
    z = make_village({"profil.yaml": 'kode_wilayah: "00.00.00.0000"\n'}, slug="z-desa")
    assert Shard(1, 2).select([a, z]) == [z]  # "00..." sorts before the folder name "a-desa"


@pytest.mark.parametrize("value", ["0/2", "3/2", "x", "1/0", "2", "-1/2"])
def test_bad_shard_is_a_usage_error_in_both_languages(value, capsys, demo_root):
    assert main(["check", str(demo_root), f"--shard={value}"]) == 2
    assert f"bagian '{value}' tidak sah" in capsys.readouterr().err
    assert main(["check", str(demo_root), f"--shard={value}", "--lang", "en"]) == 2
    assert f"shard '{value}' is not valid" in capsys.readouterr().err


def test_bad_jobs_is_a_usage_error(capsys, demo_root):
    assert main(["check", str(demo_root), "--jobs", "0"]) == 2
    assert "jumlah proses '0' tidak sah" in capsys.readouterr().err


@pytest.fixture
def village(demo_village) -> Path:  # type: ignore[no-untyped-def]
    return demo_village("kraton")


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every village actually loaded (a cache miss), in serial runs."""
    seen: list[Path] = []
    real = runner.load_village

    def counting(path, *args):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(path, *args)

    monkeypatch.setattr(runner, "load_village", counting)
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
    store = cache.Cache.open(tmp_path / "c", runner.load_catalogue(), DEMO_AS_OF)
    result = runner.check_path(village, runner.Job(runner.load_catalogue(), DEMO_AS_OF))
    refs = ("dokumen/lppd-2025.pdf",)
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
    store = cache.Cache.open(tmp_path / "c", runner.load_catalogue(), DEMO_AS_OF)
    refs = ("dokumen/lppd-2025.pdf",)
    before = store.documents_digest(village, refs)
    outside = tmp_path / "outside.pdf"
    outside.write_bytes((village / refs[0]).read_bytes())  # the same bytes, but outside the folder
    (village / refs[0]).unlink()
    (village / refs[0]).symlink_to(outside)
    assert store.documents_digest(village, refs) != before


def test_progress_in_ci_is_a_line_per_tenth_and_on_a_terminal_one_redrawn_line():
    plain, clock = io.StringIO(), iter(range(1000)).__next__
    progress = Progress(plain, "en", tty=False, clock=lambda: 0.0)
    for done in range(1, 101):
        progress(done, 100)
    lines = plain.getvalue().splitlines()
    assert len(lines) == 10 and lines[-1].startswith("slip: 100/100 villages (100%)")
    bar = io.StringIO()
    progress = Progress(bar, "id", tty=True, clock=lambda: float(clock()))
    for done in range(1, 31):
        progress(done, 30)
    assert bar.getvalue().count("\n") == 1 and bar.getvalue().count("\r") == 30 and "desa/dtk" in bar.getvalue()
    quiet = io.StringIO()
    for done in range(1, 4):
        Progress(quiet, tty=False)(done, 3)
    assert quiet.getvalue() == ""

