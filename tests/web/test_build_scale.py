"""A build at scale gives the same site however it runs: serial or parallel, whole or in shards
joined by `slip portal`, from scratch or reusing the villages that did not change."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.run.shard import Shard
from sitegen import build as build_module
from sitegen import records
from tests.conftest import DEMO, DEMO_AS_OF
from tests.run.conftest import break_yaml, copy, fold_kode


def files_of(site: Path) -> dict[str, bytes]:
    root = site.resolve()
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def serial_site(tmp_path_factory, demo_root) -> Path:
    output = tmp_path_factory.mktemp("serial") / "output"
    build_module.build(demo_root, output, as_of=DEMO_AS_OF, jobs=1)
    return output


def test_parallel_build_writes_the_same_bytes_as_a_serial_one(serial_site, tmp_path, demo_root):
    output = tmp_path / "output"
    result = build_module.build(demo_root, output, as_of=DEMO_AS_OF, jobs=2)
    assert result.built == ("sumberwuluh", "supiturang", "kraton")
    assert files_of(output) == files_of(serial_site)


def test_shards_joined_by_slip_portal_equal_the_whole_build(serial_site, tmp_path, demo_root):
    parts = []
    for k in (1, 2):
        part = tmp_path / f"bagian-{k}"
        build_module.build(demo_root, part, as_of=DEMO_AS_OF, jobs=1, shard=Shard(k, 2))
        assert not (part / "index.html").exists()  # a shard has no portal of its own
        parts.append(part)
    assert sorted(r.slug for p in parts for r in records.read(p.resolve()).records) == ["kraton", "sumberwuluh", "supiturang"]
    assert main(["portal", *map(str, parts), "--output", str(tmp_path / "output")]) == 0
    assert files_of(tmp_path / "output") == files_of(serial_site)


def test_portal_only_writes_the_portal_from_the_records_alone(serial_site, tmp_path, demo_root):
    parts = []
    for k in (1, 2):
        part = tmp_path / f"bagian-{k}"
        build_module.build(demo_root, part, as_of=DEMO_AS_OF, shard=Shard(k, 2))
        keep = tmp_path / f"artefak-{k}"  # what a shard job uploads: its records and Pagefind's script
        keep.mkdir()
        shutil.copy(part / records.MANIFEST, keep)
        shutil.copytree(part / "pagefind", keep / "pagefind")
        parts.append(keep)
    assert main(["portal", "--portal-only", *map(str, parts), "--output", str(tmp_path / "portal")]) == 0
    whole, portal = files_of(serial_site), files_of(tmp_path / "portal")
    assert portal == {name: data for name, data in whole.items() if name.split("/")[0] not in ("kraton", "sumberwuluh", "supiturang")}


def test_slip_portal_refuses_a_folder_that_is_not_a_shard(tmp_path, capsys):
    (tmp_path / "kosong").mkdir()
    assert main(["portal", str(tmp_path / "kosong"), "--output", str(tmp_path / "output")]) == 2
    assert "slip-build.json" in capsys.readouterr().err and not (tmp_path / "output").exists()


def test_rebuild_after_one_change_redoes_only_that_village_and_matches_a_fresh_build(tmp_path, demo_villages):
    villages = demo_villages  # this test's own copy: it edits one village
    output, cache = tmp_path / "output", tmp_path / "cache"
    first = build_module.build(villages, output, as_of=DEMO_AS_OF, jobs=2, cache_dir=cache)
    assert first.reused == 0
    kept = (output.resolve() / "kraton" / "index.html").stat().st_ino
    profile = villages / "sumberwuluh" / "profil.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Sumberwuluh", "Sumberwuluh Baru", 1), encoding="utf-8")
    again = build_module.build(villages, output, as_of=DEMO_AS_OF, jobs=2, cache_dir=cache)
    assert again.reused == 2 and again.built == first.built
    assert (output.resolve() / "kraton" / "index.html").stat().st_ino == kept  # linked, not written again
    assert "Sumberwuluh Baru" in (output / "sumberwuluh" / "index.html").read_text(encoding="utf-8")
    build_module.build(villages, tmp_path / "fresh", as_of=DEMO_AS_OF, jobs=1)
    expected = files_of(tmp_path / "fresh")
    got = files_of(output)
    assert got.keys() == expected.keys()
    assert [name for name in got if got[name] != expected[name]] == [records.MANIFEST]  # only the build keys differ


def test_two_villages_with_one_kode_show_the_finding_on_their_pages(tmp_path):
    villages = tmp_path / "villages"
    shutil.copytree(DEMO / "kraton", villages / "kraton")
    shutil.copytree(DEMO / "kraton", villages / "kraton-salinan")
    result = build_module.build(villages, tmp_path / "output", as_of=DEMO_AS_OF, jobs=2)
    assert result.built == ("kraton", "kraton-salinan")
    for slug, other in (("kraton", "kraton-salinan"), ("kraton-salinan", "kraton")):
        page = (tmp_path / "output" / slug / "kepatuhan" / "index.html").read_text(encoding="utf-8")
        # the finding names the other folder by its path (the village's own name, Kraton, is on every page)
        assert f"juga dipakai oleh folder desa lain dalam pemeriksaan ini: {villages / other}." in page
    entries = {r.slug: r.entry for r in records.read((tmp_path / "output").resolve()).records}
    assert all(e.errors == 1 and e.score < 100 for e in entries.values())


def test_the_build_settles_findings_between_villages_as_the_check_does(tmp_path):
    """A kode only YAML reads is compared, a profil.yaml that does not parse has none: pages say what `slip check` says."""
    villages = tmp_path / "villages"
    copy(villages / "a")
    fold_kode(copy(villages / "b"))
    copy(villages / "c", kode="35.08.07.2001", nama="Darungan")
    break_yaml(copy(villages / "d", kode="35.08.07.2001", nama="Darungan"))
    for reused in (0, 4):  # from scratch, then again through the cache: every village is taken from the first build
        result = build_module.build(villages, tmp_path / "output", as_of=DEMO_AS_OF, jobs=2, cache_dir=tmp_path / "cache")
        assert sorted(result.built) == ["a", "b", "c"] and [s.slug for s in result.skipped] == ["d"] and result.reused == reused
        page = {slug: (tmp_path / "output" / slug / "kepatuhan" / "index.html").read_text(encoding="utf-8") for slug in "abc"}
        assert f"dalam pemeriksaan ini: {villages / 'b'}." in page["a"] and f"dalam pemeriksaan ini: {villages / 'a'}." in page["b"]
        assert "juga dipakai oleh folder desa lain" not in page["c"]
        entries = {r.slug: r.entry for r in records.read((tmp_path / "output").resolve()).records}
        assert entries["a"].errors == entries["b"].errors == entries["c"].errors + 1


def test_older_builds_are_deleted_in_the_background(tmp_path):
    import time

    villages = tmp_path / "villages"
    shutil.copytree(DEMO / "kraton", villages / "kraton")
    output = tmp_path / "output"
    lives = []
    for _ in range(3):
        build_module.build(villages, output, as_of=DEMO_AS_OF, cache_dir=tmp_path / "cache")
        lives.append(output.resolve())
    builds = tmp_path / ".output-builds"
    assert {p for p in builds.iterdir() if p.is_dir() and p.name != ".trash"} == {lives[1], lives[2]}  # live and previous
    deadline = time.monotonic() + 20
    while (builds / ".trash").exists() and any((builds / ".trash").iterdir()):
        assert time.monotonic() < deadline, "the detached deletion did not finish"
        time.sleep(0.1)
    assert not lives[0].exists() and (output / "kraton" / "index.html").is_file()


def test_a_portal_over_several_kabupaten_gets_one_page_per_kabupaten(tmp_path):
    villages = tmp_path / "villages"
    shutil.copytree(DEMO / "kraton", villages / "kraton")
    other = villages / "tulungrejo"
    shutil.copytree(DEMO / "kraton", other)
    profile = other / "profil.yaml"  # a desa of Kota Batu (35.79), so that the run spans two areas
    text = profile.read_text(encoding="utf-8").replace("35.08.07.2002", "35.79.03.2004").replace("nama: Kraton", "nama: Tulungrejo")
    profile.write_text(text.replace("kabupaten: Lumajang", "kabupaten: Kota Batu"), encoding="utf-8")
    build_module.build(villages, tmp_path / "output", as_of=DEMO_AS_OF)
    site = (tmp_path / "output").resolve()
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="./kabupaten/3508/index.html"' in front and 'href="./kabupaten/3579/index.html"' in front
    assert 'href="./kraton/index.html"' not in front  # the front page lists areas, not villages
    lumajang = (site / "kabupaten" / "3508" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../kraton/index.html"' in lumajang and "tulungrejo" not in lumajang
    assert "Kabupaten Lumajang" in lumajang and "Kota Batu" in (site / "kabupaten" / "3579" / "index.html").read_text(encoding="utf-8")


def test_a_single_kabupaten_portal_lists_its_villages_on_the_front_page(serial_site):
    front = (serial_site / "index.html").read_text(encoding="utf-8")
    assert 'href="./kraton/index.html"' in front and not (serial_site / "kabupaten").exists()
