"""What the build publishes is the checker's verdict, byte for byte, and nothing a cache or a scan lets slip.

Real builds of small villages: a document rewritten between check and copy, a result-cache entry
rewritten to publish a NIK-holding document, the final scan reading documents and file names, a
reference the site cannot write, scripts/scan_output.py on a clean and a planted output.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import sys

import pytest

from checker.run import cache
from sitegen import build as build_module
from sitegen import guard, village_build
from tests.conftest import DEMO_AS_OF, PDF, ROOT, make_pdf, write_village

NIK = "3508074506870003"
NIK_PDF = make_pdf("Daftar penerima", [f"NIK {NIK} Slamet"])
SCAN = ROOT / "scripts" / "scan_output.py"


def _villages(tmp_path, documents: dict[str, bytes], refs: list[str] | None = None):
    refs = list(documents) if refs is None else refs
    rows = "".join(f"- judul: Dokumen {i}\n  berkas: {json.dumps(ref)}\n" for i, ref in enumerate(refs))
    villages = tmp_path / "villages"
    write_village(villages / "desa", {"profil.yaml": "nama: Desa\n", "dokumen.yaml": "dokumen:\n" + rows, **documents})
    return villages


def test_a_document_rewritten_after_the_check_is_not_copied_and_the_old_site_stays(tmp_path, monkeypatch):
    villages = _villages(tmp_path, {"dokumen/perdes.pdf": PDF})
    output = tmp_path / "output"
    build_module.build(villages, output, as_of=DEMO_AS_OF)
    before = output.resolve()
    assert (before / "desa" / "dokumen" / "perdes.pdf").read_bytes() == PDF
    real = village_build.run_pelican

    def rewriting(overrides, *args, **kwargs):  # between the check and the copy
        (villages / "desa" / "dokumen" / "perdes.pdf").write_bytes(NIK_PDF)
        return real(overrides, *args, **kwargs)

    monkeypatch.setattr(village_build, "run_pelican", rewriting)
    with pytest.raises(build_module.BuildError, match="berubah sejak diperiksa"):
        build_module.build(villages, output, as_of=DEMO_AS_OF)
    assert output.resolve() == before and (before / "desa" / "dokumen" / "perdes.pdf").read_bytes() == PDF


def _entry(directory):
    [path] = directory.glob("??/*.json")
    return path, json.loads(path.read_bytes())


def test_a_rewritten_cache_entry_never_publishes_a_document(tmp_path):
    villages = _villages(tmp_path, {"dokumen/ok.pdf": PDF, "dokumen/penerima.pdf": NIK_PDF})
    store = tmp_path / "cache"
    build_module.build(villages, tmp_path / "out1", as_of=DEMO_AS_OF, cache_dir=store)
    assert not (tmp_path / "out1" / "desa" / "dokumen" / "penerima.pdf").exists()
    path, entry = _entry(store)
    published = entry["result"]["published"]
    assert [ref for ref, _ in published] == ["dokumen/ok.pdf"]
    forged = [*published, ["dokumen/penerima.pdf", published[0][1]]]
    entry["result"]["published"] = forged
    path.write_text(json.dumps(entry), encoding="utf-8")  # the seal no longer matches: a miss
    build_module.build(villages, tmp_path / "out2", as_of=DEMO_AS_OF, cache_dir=store)
    assert not (tmp_path / "out2" / "desa" / "dokumen" / "penerima.pdf").exists()
    path, entry = _entry(store)
    assert [ref for ref, _ in entry["result"]["published"]] == ["dokumen/ok.pdf"]  # checked again, stored afresh
    entry["result"]["published"] = [*entry["result"]["published"], ["dokumen/penerima.pdf", hashlib.sha256(NIK_PDF).hexdigest()]]
    entry["seal"] = cache._seal(path.stem, entry)  # a forger who also recomputes the seal meets the output scan
    path.write_text(json.dumps(entry), encoding="utf-8")
    with pytest.raises(build_module.BuildError, match="NIK dalam isinya"):
        build_module.build(villages, tmp_path / "out3", as_of=DEMO_AS_OF, cache_dir=store)
    assert not (tmp_path / "out3").exists()


def test_a_reference_with_a_backslash_or_a_newline_builds_and_is_not_published(tmp_path):
    villages = _villages(tmp_path, {"dokumen/ok.pdf": PDF, "dokumen/nama.pdf": PDF},
                         refs=["dokumen/ok.pdf", "dokumen\\nama.pdf", "dokumen\nama.pdf"])
    write_village(villages / "lain", {"profil.yaml": "nama: Lain\n"})
    result = build_module.build(villages, tmp_path / "output", as_of=DEMO_AS_OF)
    assert sorted(result.built) == ["desa", "lain"]
    copied = sorted(p.name for p in (tmp_path / "output" / "desa" / "dokumen").iterdir())
    assert copied == ["ok.pdf"]


def test_the_output_scan_reads_published_documents_names_and_refuses_active_files(tmp_path):
    site = tmp_path / "site"
    write_village(site, {"index.html": "<p>Bersih</p>", "dokumen/a.pdf": NIK_PDF, f"dokumen/ktp-{NIK}.pdf": PDF,
                         "dokumen/b.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>", "dokumen/c.pdf": PDF})
    problems = guard.scan(site, guard.Forbidden(), documents={"dokumen/a.pdf", f"dokumen/ktp-{NIK}.pdf", "dokumen/c.pdf"})
    assert problems == ["dokumen/a.pdf: nomor seperti NIK dalam isinya (350807******0003)",
                        "dokumen/b.svg: dokumen desa berjenis HTML/SVG/XML/JS tidak boleh diterbitkan",
                        f"dokumen/ktp-{NIK}.pdf: nomor seperti NIK pada nama berkas (350807******0003)"]


def _scan(folder) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCAN), str(folder)], capture_output=True, text=True, cwd=ROOT, check=False)


def test_scan_output_passes_a_clean_demo_build_and_names_every_planted_nik(demo_site, tmp_path):
    clean = _scan(demo_site)
    assert clean.returncode == 0, clean.stdout
    planted = tmp_path / "planted"
    shutil.copytree(demo_site, planted)
    (planted / "kraton" / "dokumen" / "lampiran.pdf").write_bytes(NIK_PDF)
    (planted / "kraton" / f"foto-{NIK}.jpg").write_bytes(b"\xff\xd8\xff")
    fragment = min((planted / "kraton" / "pagefind" / "fragment").iterdir())
    fragment.write_bytes(gzip.compress(gzip.decompress(fragment.read_bytes()) + f" {NIK}".encode()))
    found = _scan(planted)
    assert found.returncode == 1
    lines = sorted(found.stdout.splitlines())
    assert lines == sorted(["kraton/dokumen/lampiran.pdf: NIK (350807******0003)",
                            f"kraton/foto-{NIK}.jpg: NIK di nama (350807******0003)",
                            f"kraton/pagefind/fragment/{fragment.name}: NIK (350807******0003)"])
