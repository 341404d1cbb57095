"""The pre-commit hook: in a fresh git repository, the wrapper pre-commit would call checks exactly the
villages of the staged files and refuses a commit that breaks one."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.cli import precommit
from tests.conftest import DEMO, ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
CONFIG = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kabupaten repository with two villages, as pre-commit sees it: a git work tree, files staged."""
    for slug in ("kraton", "sumberwuluh"):
        shutil.copytree(DEMO / slug, tmp_path / "villages" / slug)
    (tmp_path / "README.md").write_text("# Desa-desa kami\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def staged(repo: Path) -> list[str]:
    """The file names pre-commit passes: staged files matching the hook's `files` pattern."""
    names = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=repo, check=True, capture_output=True,
                           text=True).stdout.split()
    return [n for n in names if re.search(HOOKS[0]["files"], n)]


def test_each_changed_file_maps_to_its_village_once(repo: Path):
    files = ["villages/kraton/apbdes/2026.yaml", "villages/kraton/dokumen/lppd-2025.pdf",
             "villages/kraton/pengumuman/musdes-rapbdes-2027.md", "villages/sumberwuluh/dip.yaml", "README.md",
             "villages/dihapus/profil.yaml"]
    assert precommit.villages_for(files, Path("villages")) == [Path("villages/kraton"), Path("villages/sumberwuluh")]
    assert precommit.villages_for(["slip_schema.yaml"], Path("villages")) == [Path("villages/kraton"), Path("villages/sumberwuluh")]
    assert precommit.villages_for(["docs/slip_schema.yaml"], Path("villages")) == []


def test_a_clean_village_passes_and_only_it_is_checked(repo: Path, capsys):
    files = [n for n in staged(repo) if n.startswith("villages/kraton/")]
    assert files and precommit.main([*files, "--as-of", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert "Kraton (35.08.07.2002)" in out and "Sumberwuluh" not in out


def test_a_commit_touching_a_non_compliant_village_is_refused(repo: Path, capsys):
    assert precommit.main([*staged(repo), "--as-of", "2026-11-28", "--format", "parsable"]) == 1
    out = capsys.readouterr().out
    assert "villages/sumberwuluh/dip.yaml:32:5: error: [schema]" in out


def test_breaking_a_total_in_the_work_tree_is_caught(repo: Path, capsys):
    apbdes = repo / "villages" / "kraton" / "apbdes" / "2026.yaml"
    apbdes.write_text(apbdes.read_text(encoding="utf-8").replace("anggaran: 1096384000", "anggaran: 1096484000", 1), encoding="utf-8")
    subprocess.run(["git", "add", str(apbdes)], cwd=repo, check=True)
    assert precommit.main([*staged(repo), "--as-of", "2026-11-28", "--format", "parsable"]) == 1
    assert "villages/kraton/apbdes/2026.yaml:38:7: error: [apbdes-arithmetic]" in capsys.readouterr().out


def test_nothing_to_check_is_a_pass_without_output(repo: Path, capsys):
    assert precommit.main(["README.md"]) == 0
    assert precommit.main([]) == 0
    assert capsys.readouterr() == ("", "")


def test_the_module_runs_as_the_hook_entry(repo: Path):
    """`entry: python -m checker.cli.precommit`, as pre-commit runs it, from the repository's root."""
    entry = HOOKS[0]["entry"].split()
    assert entry[:2] == ["python", "-m"]
    done = subprocess.run([sys.executable, "-m", entry[2], "villages/kraton/profil.yaml", "--as-of", "2026-11-28"],
                          check=False, cwd=repo, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "Informatif" in done.stdout


def test_hook_definitions():
    (hook,) = HOOKS
    assert (hook["id"], hook["language"], hook["pass_filenames"]) == ("slip-check", "python", True)
    assert re.search(hook["files"], "villages/kraton/apbdes/2026.yaml") and re.search(hook["files"], "slip_schema.yaml")
    assert not re.search(hook["files"], "README.md")
    (local,) = CONFIG["repos"]
    assert local["repo"] == "local" and local["hooks"][0]["id"] == "slip-check"
    assert local["hooks"][0]["entry"].endswith("-m checker.cli.precommit")
    assert re.search(local["hooks"][0]["exclude"], "villages/supiturang/profil.yaml")
