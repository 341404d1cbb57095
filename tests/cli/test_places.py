"""Run inside a village folder or anywhere in a repository of villages, each command finds what it
should; the cache goes to the repository root (or the user's cache folder), never into a village."""
from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from checker.cli import places
from checker.cli.main import main
from tests.conftest import DEMO_AS_OF, copy_demo

AS_OF = DEMO_AS_OF.isoformat()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of two villages, with the cache where the command line puts it (not the tests' own)."""
    copy_demo(tmp_path / "villages", "kraton", "sumberwuluh")
    monkeypatch.setattr("checker.run.cache.CACHE_DIR", Path(".slip-cache"))
    return tmp_path


def report(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    return [(v["root"], v["slug"]) for v in json.loads(capsys.readouterr().out)["villages"]]


def check(*argv: str) -> int:
    return main(["check", *argv, "--as-of", AS_OF, "--format", "json"])


def test_slip_check_inside_a_village_checks_that_village(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo / "villages" / "kraton")
    assert check() == 0 and report(capsys) == [("../kraton", "kraton")]
    monkeypatch.chdir(repo / "villages" / "kraton" / "apbdes")
    assert check() == 0 and report(capsys) == [("../../kraton", "kraton")]


@pytest.mark.parametrize("here, path", [("kraton", "."), ("kraton", "./"), ("kraton/dokumen", "..")])
def test_a_village_given_as_dot_is_named_by_its_folder(here, path, repo, monkeypatch, capsys):
    monkeypatch.chdir(repo / "villages" / here)
    assert main(["check", path, "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "Nama folder" not in out and "''" not in out and "Tidak ada temuan." in out


def test_slip_check_at_the_root_or_in_villages_checks_every_village(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo)
    assert check() == 1 and report(capsys) == [("villages/kraton", "kraton"), ("villages/sumberwuluh", "sumberwuluh")]
    monkeypatch.chdir(repo / "villages")
    assert check() == 1 and report(capsys) == [("kraton", "kraton"), ("sumberwuluh", "sumberwuluh")]
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    assert check() == 1 and [root for root, _ in report(capsys)] == ["../villages/kraton", "../villages/sumberwuluh"]


def test_the_cache_goes_to_the_repository_root_never_into_a_village(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo / "villages" / "kraton")
    assert check() == 0
    assert (repo / ".slip-cache").is_dir()
    assert [p.name for p in (repo / "villages").rglob(".slip-cache")] == []


def test_without_a_repository_the_cache_goes_to_the_users_cache_folder(tmp_path, monkeypatch, capsys):
    lone = copy_demo(tmp_path / "lepas", "kraton") / "kraton"
    monkeypatch.setattr("checker.run.cache.CACHE_DIR", Path(".slip-cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(lone)
    assert places.root() is None
    assert check() == 0 and report(capsys) == [("../kraton", "kraton")]
    assert (tmp_path / "xdg" / "slip-desa").is_dir() and not (lone / ".slip-cache").exists()


def test_the_users_cache_folder_follows_xdg_or_the_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert places.user_cache() == tmp_path / "xdg" / "slip-desa"
    for unset in ("", "relatif/cache"):  # XDG: an empty or relative value is ignored
        monkeypatch.setenv("XDG_CACHE_HOME", unset)
        monkeypatch.setenv("HOME", str(tmp_path / "rumah"))
        assert places.user_cache() == tmp_path / "rumah" / ".cache" / "slip-desa"


def test_slip_due_inside_a_village_lists_that_village(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo / "villages" / "kraton")
    assert main(["due", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Kraton (35.08.07.2002)") and "Sumberwuluh" not in out
    assert main(["due", ".", "--as-of", AS_OF]) == 0 and capsys.readouterr().out == out


def test_slip_build_inside_a_village_builds_the_repository_into_its_output(repo, monkeypatch, capsys):
    calls = []

    def build(villages, output, **options):  # type: ignore[no-untyped-def]
        calls.append((Path(villages).resolve(), Path(output).resolve(), options["cache_dir"]))
        return SimpleNamespace(skipped=(), built=("kraton", "sumberwuluh"), reused=0, seconds=0.0)

    monkeypatch.setattr("sitegen.build.build", build)
    monkeypatch.chdir(repo / "villages" / "kraton")
    assert main(["build", "--as-of", AS_OF]) == 0
    ((villages, output, cache),) = calls
    assert (villages, output, (Path.cwd() / cache).resolve()) == (repo / "villages", repo / "output", repo / ".slip-cache")
    assert "Buka ../../output/index.html" in capsys.readouterr().out


def test_slip_serve_inside_a_village_serves_the_repository_from_its_root(repo, monkeypatch):
    seen = []
    monkeypatch.setattr("sitegen.serve.serve", lambda output, villages, **_: seen.append((output, villages, Path.cwd())))
    here = repo / "villages" / "kraton"
    monkeypatch.chdir(here)
    assert main(["serve"]) == 0
    assert seen == [(repo / "output", repo / "villages", repo)]  # slip.toml and the cache are read at the root
    assert Path.cwd() == here


def test_slip_new_and_slip_schemas_inside_a_village_write_into_the_repository(repo, monkeypatch, capsys):
    kraton = repo / "villages" / "kraton"
    before = sorted(p.relative_to(kraton) for p in kraton.rglob("*"))
    monkeypatch.chdir(kraton)
    assert main(["new", "35.08.07.2005", "--as-of", AS_OF]) == 0
    assert main(["schemas"]) == 0
    assert len(list((repo / "villages").iterdir())) == 3 and (repo / "schemas" / "profil.schema.json").is_file()
    assert sorted(p.relative_to(kraton) for p in kraton.rglob("*")) == before


def test_slip_init_inside_villages_prepares_the_repository_root(repo, monkeypatch, capsys):
    kraton = repo / "villages" / "kraton"
    monkeypatch.chdir(kraton)
    assert main(["init"]) == 0
    assert (repo / "templates").is_dir() and not (kraton / "templates").exists() and not (kraton / "villages").exists()
    assert "Sudah ada, tidak diubah: .." + os.sep + ".." + os.sep + "villages" in capsys.readouterr().out
