"""The build: every page written, documents only when publishable, nothing exempt, no NIK, atomic swap."""
from __future__ import annotations

import csv
import hashlib
import json

import pytest
import yaml

from checker import engine, publication, scoring
from checker.catalogue import load_catalogue
from checker.loader import load_village
from checker.domain.nik import find as find_nik
from sitegen import build as build_module
from sitegen import context, guard, village_build
from sitegen.pages import village_pages
from tests.conftest import DEMO, DEMO_AS_OF, PDF, write_village
from tests.web.conftest import text_files


def site_of(slug: str) -> context.VillageSite:
    catalogue = load_catalogue()
    village = load_village(DEMO / slug)  # read into memory only
    result = engine.check(village, catalogue, as_of=DEMO_AS_OF)
    return context.build(village, result, scoring.score(result, catalogue), catalogue, DEMO_AS_OF)


@pytest.mark.parametrize("slug", ["kraton", "sumberwuluh", "supiturang"])
def test_every_page_of_every_village_is_written(demo_site, slug):
    for spec in village_pages(site_of(slug)):
        assert (demo_site / slug / spec.name).is_file(), spec.name
    assert (demo_site / "index.html").is_file() and (demo_site / "theme").is_dir()


def test_output_is_a_link_to_a_complete_build(demo_site):
    assert demo_site.is_symlink() and (demo_site / "kraton" / "index.html").exists()


def test_exempt_entry_and_its_document_never_reach_the_output(demo_site):
    dip = yaml.safe_load((DEMO / "kraton" / "dip.yaml").read_text(encoding="utf-8"))
    exempt = [r for r in dip["informasi"] if r["kategori"] == "dikecualikan"]
    assert exempt
    secrets = [r["ringkasan"] for r in exempt] + [r["pengecualian"]["uji_konsekuensi"]["berkas"] for r in exempt]
    secrets += [r["pengecualian"]["uji_konsekuensi"]["ringkasan"] for r in exempt]
    for path in text_files(demo_site):
        text = path.read_text(encoding="utf-8", errors="replace")
        for secret in secrets:
            assert secret not in text, (path, secret)
    for r in exempt:
        assert not (demo_site / "kraton" / r["pengecualian"]["uji_konsekuensi"]["berkas"]).exists()


def test_no_nik_anywhere_in_the_output_even_from_a_village_that_leaks_one(demo_site):
    leaked = (DEMO / "supiturang" / "program.yaml").read_text(encoding="utf-8")
    assert list(find_nik(leaked)), "the demo is meant to carry a NIK for this test"
    for path in text_files(demo_site):
        assert list(find_nik(path.read_text(encoding="utf-8", errors="replace"))) == [], path


def test_documents_are_copied_exactly_when_publishable(demo_site):
    site = site_of("kraton")
    copied = {p.relative_to(demo_site / "kraton").as_posix() for p in (demo_site / "kraton" / "dokumen").rglob("*") if p.is_file()}
    assert copied == set(site.published) and copied


def test_dip_export_has_public_rows_only(demo_site):
    with (demo_site / "kraton" / "dip" / "dip.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {r["kategori"] for r in rows} <= {"berkala", "serta_merta", "setiap_saat"}
    assert len(rows) == len(site_of("kraton").dip_rows)


def test_apbdes_export_equals_the_yaml(demo_site):
    source = yaml.safe_load((DEMO / "kraton" / "apbdes" / "2026.yaml").read_text(encoding="utf-8"))
    exported = json.loads((demo_site / "kraton" / "apbdes" / "apbdes-2026.json").read_text(encoding="utf-8"))
    want = {(stage, section, line["kode"], line["anggaran"], line.get("realisasi"))
            for stage in ("murni", "perubahan") for section in ("pendapatan", "belanja", "belanja_jenis", "pembiayaan")
            for line in source[stage].get(section, [])}
    got = {(r["tahap"], r["bagian"], r["kode"], r["anggaran"], r["realisasi"]) for r in exported}
    assert got == want


HOSTILE = """---
judul: Pengumuman
tanggal: 2026-11-01
---
Halo <script>alert(1)</script> <img src="x.png" onerror="alert(2)">
[klik](javascript:alert(3)) <iframe src="https://example.org"></iframe>
![besar](data:image/png;base64,iVBORw0KGgo=) <a href="#" onclick="alert(4)">a</a>
"""


def test_raw_html_in_markdown_is_sanitised(tmp_path):
    root = write_village(tmp_path / "villages" / "desa", {"profil.yaml": "nama: Desa\n", "pengumuman/a.md": HOSTILE})
    assert root.exists()
    output = tmp_path / "output"
    build_module.build(tmp_path / "villages", output, as_of=DEMO_AS_OF)
    html = (output / "desa" / "pengumuman" / "a" / "index.html").read_text(encoding="utf-8").lower()
    assert "halo" in html and "klik" in html  # the announcement is shown, only its dangerous parts are gone
    for bad in ("<script>alert", "onerror", "javascript:", "<iframe", "data:image", "onclick"):
        assert bad not in html, bad


def test_failed_build_leaves_the_previous_site_whole(tmp_path, monkeypatch):
    villages = tmp_path / "villages"
    write_village(villages / "a", {"profil.yaml": "nama: A\n"})
    write_village(villages / "b", {"profil.yaml": "nama: B\n"})
    output = tmp_path / "output"
    build_module.build(villages, output, as_of=DEMO_AS_OF)
    before = sorted(p.relative_to(output.resolve()).as_posix() for p in output.resolve().rglob("*"))
    target_before = output.resolve()

    real = build_module.run_pelican

    def failing(overrides, *args, **kwargs):
        if str(overrides.get("OUTPUT_PATH", "")).endswith("/b"):
            raise RuntimeError("disk penuh")
        return real(overrides, *args, **kwargs)

    monkeypatch.setattr(village_build, "run_pelican", failing)
    with pytest.raises(RuntimeError):
        build_module.build(villages, output, as_of=DEMO_AS_OF)
    assert output.resolve() == target_before
    assert sorted(p.relative_to(output.resolve()).as_posix() for p in output.resolve().rglob("*")) == before
    assert [p.name for p in (tmp_path / ".output-builds").iterdir() if p.is_dir() and p.name != ".trash"] == [target_before.name]


def test_unusable_village_is_skipped_and_the_others_build(tmp_path):
    villages = tmp_path / "villages"
    write_village(villages / "rusak", {"profil.yaml": "nama: [Rusak\n"})
    write_village(villages / "baik", {"profil.yaml": "nama: Baik\n", "dokumen/x.pdf": PDF})
    result = build_module.build(villages, tmp_path / "output", as_of=DEMO_AS_OF)
    assert result.built == ("baik",) and [(s.slug, s.file, s.line) for s in result.skipped] == [("rusak", "profil.yaml", 2)]
    assert not (tmp_path / "output" / "rusak").exists() and (tmp_path / "output" / "baik" / "index.html").exists()


def test_final_scan_fails_the_build_when_an_exempt_document_slips_through(tmp_path, monkeypatch):
    """A bug that published everything is caught by the output scan, and the old site stays."""
    villages = tmp_path / "villages"
    write_village(villages / "desa", {
        "profil.yaml": "nama: Desa\n",
        "dip.yaml": """
            informasi:
              - judul: Data kependudukan per individu
                ringkasan: Buku induk kependudukan berisi data pribadi penduduk desa.
                kategori: dikecualikan
                berkas: dokumen/buku-induk.pdf
            """,
        "dokumen/buku-induk.pdf": PDF,
    })
    output = tmp_path / "output"
    build_module.build(villages, output, as_of=DEMO_AS_OF)
    before = output.resolve()
    assert not (before / "desa" / "dokumen" / "buku-induk.pdf").exists()
    # the checker's verdict wrongly lets every document through: the final scan still stops the build
    monkeypatch.setattr(publication, "published", lambda village: tuple((r, d.sha256) for r, d in village.documents.items()))
    with pytest.raises(build_module.BuildError, match="dikecualikan"):
        build_module.build(villages, output, as_of=DEMO_AS_OF)
    assert output.resolve() == before


def test_output_scan_finds_nik_exempt_text_and_renamed_copies(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<p>NIK 3508074506870003</p><p>Rahasia keluarga Pak Slamet ada di sini</p>")
    (site / "a" / "renamed.bin").write_bytes(PDF)
    forbidden = guard.Forbidden({"Rahasia keluarga Pak Slamet"}, {hashlib.sha256(PDF).hexdigest()})
    problems = guard.scan(site, forbidden)
    assert len(problems) == 3 and any("NIK" in p for p in problems) and any("renamed.bin" in p for p in problems)
    assert guard.scan(site, guard.Forbidden()) == ["a/index.html: nomor seperti NIK (350807******0003)"]
