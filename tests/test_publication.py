"""The checker's publish verdict: each reason a document stays off the site, decided once, with the
digest of the bytes judged; the site follows it, copies only those bytes, and a cache entry cannot
widen it."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from checker import engine, publication
from checker.catalogue import load_catalogue
from checker.loader import load_village
from checker.run import cache, step
from sitegen import build as build_module
from sitegen import generators
from tests.conftest import DEMO_AS_OF, PDF, make_pdf, write_village

NIK = "3508074506870003"


def verdict(root):
    return dict(engine.check(load_village(root), load_catalogue(), as_of=DEMO_AS_OF).published)


@pytest.fixture
def village(tmp_path):
    """One village referring to documents of every kind the verdict turns away, and one it publishes."""
    files = {
        "dokumen/sop.pdf": PDF,
        "dokumen/bocor.pdf": make_pdf("Penerima", [f"Sumiati NIK {NIK}"]),
        f"dokumen/ktp-{NIK}.pdf": PDF,
        "dokumen/rahasia.pdf": make_pdf("Buku induk", ["data"]),
        "dokumen/kosong.pdf": b"",
        "dokumen/bukan.pdf": b"<html><script>alert(1)</script></html>",
        "dokumen\\nama.pdf": PDF,
    }
    refs = ["dokumen/sop.pdf", "dokumen/bocor.pdf", f"dokumen/ktp-{NIK}.pdf", "dokumen/kosong.pdf",
            "dokumen/bukan.pdf", "dokumen/hilang.pdf", "dokumen\\\\nama.pdf", "dokumen/baris\\nbaru.pdf"]
    rows = "".join(f'  - judul: Dokumen {i}\n    kategori: berkala\n    berkas: "{ref}"\n' for i, ref in enumerate(refs))
    rows += "  - judul: Buku induk penduduk\n    kategori: dikecualikan\n    berkas: dokumen/rahasia.pdf\n"
    return write_village(tmp_path / "villages" / "desa", {"profil.yaml": "nama: Desa\n", "dip.yaml": "informasi:\n" + rows, **files})


def test_only_a_whole_safe_document_is_published_with_the_digest_of_its_bytes(village):
    assert verdict(village) == {"dokumen/sop.pdf": hashlib.sha256(PDF).hexdigest()}


@pytest.mark.parametrize("ref", ["dokumen/a\\b.pdf", "dokumen/a\nb.pdf", f"dokumen/{NIK}.pdf",
                                 f"dokumen/{NIK[:4]} {NIK[4:8]} {NIK[8:12]} {NIK[12:]}.pdf", "../luar.pdf", "c:/a.pdf"])
def test_a_reference_that_is_not_a_plain_name_is_never_published(ref):
    assert not publication.plain_reference(ref)


def test_the_site_copies_only_the_bytes_that_were_checked(tmp_path):
    source, target = tmp_path / "a.pdf", tmp_path / "out" / "a.pdf"
    source.write_bytes(PDF)
    generators.copy_checked(source, target, hashlib.sha256(PDF).hexdigest())
    assert target.read_bytes() == PDF
    source.write_bytes(make_pdf("Lain", [f"NIK {NIK}"]))  # rewritten after the check
    with pytest.raises(build_module.BuildError, match="berubah sejak diperiksa"):
        generators.copy_checked(source, tmp_path / "out" / "b.pdf", hashlib.sha256(PDF).hexdigest())
    assert not (tmp_path / "out" / "b.pdf").exists()


def test_a_build_publishes_the_verdict_and_survives_odd_references(village, tmp_path):
    output = tmp_path / "output"
    done = subprocess.run([sys.executable, "-m", "checker", "build", str(village.parent), "--as-of", "2026-11-28",
                           "--no-cache", "--output", str(output)], capture_output=True, text=True, cwd=tmp_path)
    assert "Traceback" not in done.stderr and done.returncode == 0, done.stderr
    published = sorted(p.relative_to(output / "desa").as_posix() for p in (output / "desa").rglob("*.pdf"))
    assert published == ["dokumen/sop.pdf"]


def _entries(directory):
    return list(directory.glob("??/*.json"))


def test_a_rewritten_cache_entry_is_a_miss_and_cannot_publish_a_document(village, tmp_path):
    store = cache.Cache.open(tmp_path / "c", load_catalogue(), DEMO_AS_OF)
    job = step.Job(load_catalogue(), DEMO_AS_OF, store)
    step.check_village(village, job)
    [entry_path] = _entries(tmp_path / "c")
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    leak = ["dokumen/bocor.pdf", hashlib.sha256((village / "dokumen/bocor.pdf").read_bytes()).hexdigest()]
    entry["result"]["published"].append(leak)  # what a poisoned CI cache would say
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    assert store.get(village, store.key(village)) is None
    assert "dokumen/bocor.pdf" not in dict(step.check_village(village, job).output.published)


def test_a_forged_and_resealed_entry_is_still_stopped_by_the_final_scan(village, tmp_path):
    cache_dir, output = tmp_path / "c", tmp_path / "output"
    build_module.build(village.parent, output, as_of=DEMO_AS_OF, cache_dir=cache_dir)
    [entry_path] = _entries(cache_dir)
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    entry["result"]["published"].append(["dokumen/bocor.pdf", hashlib.sha256((village / "dokumen/bocor.pdf").read_bytes()).hexdigest()])
    entry["seal"] = cache._seal(entry_path.stem, entry)  # someone who knows the code forges a whole entry
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    fresh = tmp_path / "fresh"  # no live build to reuse: the village is rendered from the cached result
    with pytest.raises(build_module.BuildError, match="NIK"):
        build_module.build(village.parent, fresh, as_of=DEMO_AS_OF, cache_dir=cache_dir)
    assert not fresh.exists() and not (output / "desa" / "dokumen" / "bocor.pdf").exists()
