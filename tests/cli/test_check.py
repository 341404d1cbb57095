"""The command line: exit codes 0/1/2, one-line messages, languages, --output and --strict."""
from __future__ import annotations

import json
import subprocess
import sys

from checker.cli.main import main
from tests.conftest import write_village

GOOD_PROFILE = """
nama: Kraton
"""


def test_missing_path_is_exit_2_with_one_line(tmp_path, capsys):
    assert main(["check", str(tmp_path / "tidak-ada")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "folder tidak ditemukan" in err and "tidak-ada" in err


def test_english_message_with_lang_en(tmp_path, capsys):
    assert main(["check", str(tmp_path / "none"), "--lang", "en"]) == 2
    assert "folder not found" in capsys.readouterr().err


def test_unknown_option_and_bad_date_are_exit_2(tmp_path, capsys):
    assert main(["check", "--no-such-option"]) == 2
    assert "--no-such-option" in capsys.readouterr().err
    assert main(["check", "--as-of", "31-02-2026", str(tmp_path)]) == 2
    assert "TTTT-BB-HH" in capsys.readouterr().err


def test_broken_yaml_is_exit_2_naming_file_and_line(tmp_path, capsys):
    write_village(tmp_path / "desa", {"profil.yaml": "nama: Kraton\nmisi: [satu, dua\n"})
    assert main(["check", str(tmp_path / "desa"), "--as-of", "2026-11-28"]) == 2
    err = capsys.readouterr().err
    assert "desa/profil.yaml:3:1" in err and "YAML tidak sah" in err


def test_incomplete_village_is_exit_1_and_strict_does_not_lower_it(tmp_path, capsys):
    write_village(tmp_path / "desa", {"profil.yaml": GOOD_PROFILE})
    assert main(["check", str(tmp_path / "desa"), "--as-of", "2026-11-28"]) == 1
    assert main(["check", str(tmp_path / "desa"), "--as-of", "2026-11-28", "--strict"]) == 1


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path, capsys):
    write_village(tmp_path / "desa", {"profil.yaml": GOOD_PROFILE})
    target = tmp_path / "laporan.json"
    main(["check", str(tmp_path / "desa"), "--as-of", "2026-11-28", "--format", "json", "--output", str(target)])
    out = capsys.readouterr().out
    assert out == "" and json.loads(target.read_text())["villages"][0]["slug"] == "desa"


def test_python_m_checker_runs_without_traceback(tmp_path):
    write_village(tmp_path / "desa", {"profil.yaml": "a: [\n"})
    done = subprocess.run([sys.executable, "-m", "checker", str(tmp_path / "desa")], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "profil.yaml:2" in done.stderr
