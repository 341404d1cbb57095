"""`slip build --output` never loses a user's files: a folder slip-desa did not make, `.`, `/`, the
villages and any folder holding them are refused with exit 2, every byte left as it was."""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from checker.cli.main import main
from sitegen import output as output_module
from tests.conftest import DEMO_AS_OF, copy_demo

AS_OF = ["--as-of", DEMO_AS_OF.isoformat()]


def tree(root: Path) -> dict[str, str]:
    """Every entry under root (links as their target, files by their bytes): what 'untouched' means."""
    entries = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            entries[name] = "-> " + os.readlink(path)
        elif path.is_file():
            entries[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            entries[name] = "dir"
    return entries


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kabupaten's repository holding one village and a user's own files, as the working folder."""
    root = tmp_path / "repo"
    copy_demo(root / "villages", "kraton")
    (root / "public").mkdir()
    (root / "public" / "index.html").write_text("<p>situs lama kabupaten</p>", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "catatan.md").write_text("catatan saya\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("target, says", [
    ("public", "bukan buatan slip-desa"),
    ("docs", "bukan buatan slip-desa"),
    (".", "folder kerja"),
    ("..", "folder kerja"),
    ("/", "folder akar"),
    ("villages", "folder desa-desa itu sendiri"),
    ("villages/kraton", "di dalam folder desa"),
    ("villages/kraton/situs", "di dalam folder desa"),
    ("docs/catatan.md", "bukan buatan slip-desa"),
])
def test_a_folder_it_did_not_make_is_refused_and_nothing_is_touched(repo: Path, target: str, says: str,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(repo.parent)
    assert main(["build", "villages", "--output", target, *AS_OF]) == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err
    assert tree(repo.parent) == before


def test_the_message_is_english_with_lang_en(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "villages", "--output", "public", "--lang", "en", *AS_OF]) == 2
    assert "was not made by slip-desa, so it is left alone" in capsys.readouterr().err


def test_the_home_folder_is_refused(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(repo.parent))
    before = tree(repo.parent)
    assert main(["build", str(repo / "villages"), "--output", str(repo.parent), *AS_OF]) == 2
    assert tree(repo.parent) == before


def test_a_link_to_a_users_folder_and_a_foreign_builds_folder_are_refused(repo: Path) -> None:
    (repo / "situs").symlink_to(repo / "docs")
    (repo / ".hasil-builds").mkdir()
    (repo / ".hasil-builds" / "punya-saya.txt").write_text("jangan dihapus", encoding="utf-8")
    before = tree(repo.parent)
    assert main(["build", "villages", "--output", "situs", *AS_OF]) == 2
    assert main(["build", "villages", "--output", "hasil", *AS_OF]) == 2
    assert tree(repo.parent) == before


def test_a_new_or_empty_folder_is_taken_and_rebuilt_only_as_its_own(repo: Path) -> None:
    (repo / "kosong").mkdir()
    assert main(["build", "villages", "--output", "kosong", *AS_OF]) == 0
    assert (repo / "kosong").is_symlink() and (repo / "kosong" / "kraton" / "index.html").is_file()
    assert (repo / ".kosong-builds" / output_module.MARKER).is_file()
    first = os.readlink(repo / "kosong")
    assert main(["build", "villages", "--output", "kosong", *AS_OF]) == 0  # its own: replaced
    assert os.readlink(repo / "kosong") != first
    assert tree(repo / "public") == {"index.html": hashlib.sha256(b"<p>situs lama kabupaten</p>").hexdigest()}


def test_a_builds_folder_of_the_previous_version_is_adopted(repo: Path) -> None:
    builds = repo / ".output-builds"
    (builds / "20261101-101010-abcd1234").mkdir(parents=True)
    (builds / ".lock").touch()
    (repo / "output").symlink_to(".output-builds/20261101-101010-abcd1234")
    assert main(["build", "villages", *AS_OF]) == 0
    assert (builds / output_module.MARKER).is_file() and (repo / "output" / "index.html").is_file()


@pytest.mark.parametrize("code, hint", [(errno.EACCES, "izin tulis"), (errno.EROFS, "izin tulis"), (errno.ENOSPC, "Disk penuh")])
def test_a_read_only_folder_or_a_full_disk_names_the_folder_and_what_to_do(
        repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: int, hint: str) -> None:
    # Tests run as root here, for whom chmod makes nothing read-only: the file system's answer is simulated.
    def refuse(builds: Path) -> None:
        raise OSError(code, os.strerror(code), str(builds))

    monkeypatch.setattr("sitegen.build.mark", refuse)
    assert main(["build", "villages", *AS_OF]) == 2
    err = capsys.readouterr().err
    assert str(repo / ".output-builds") in err and hint in err and "kesalahan internal" not in err
    assert not (repo / "output").exists()
