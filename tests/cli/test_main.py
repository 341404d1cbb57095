"""`slip` itself: one parser whose help lists every subcommand, in Indonesian or English; `check` as the
default; a mistyped subcommand named; usage errors as one line naming the subcommand; one --lang."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import __version__
from checker.cli.main import main
from tests.conftest import DEMO, DEMO_AS_OF

NAMES = ("check", "build", "portal", "new", "init", "serve", "schemas", "import-apbdes", "due")
AS_OF = DEMO_AS_OF.isoformat()


def test_slip_help_lists_every_subcommand_in_indonesian_or_english(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("pemakaian: slip") and "tampilkan bantuan ini lalu keluar" in out
    assert all(f"    {name} " in out or f"    {name}\n" in out for name in NAMES)
    assert "usage" not in out and "show this help" not in out and "options:" not in out
    assert main(["--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: slip") and "show this help message and exit" in out and "    import-apbdes" in out


@pytest.mark.parametrize("name", NAMES)
def test_each_subcommand_help_is_in_the_language_asked_for(name, capsys):
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"pemakaian: slip {name}") and "\nopsi:\n" in out and "show this help" not in out
    assert main([name, "--help", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: slip {name}") and "\noptions:\n" in out and "tampilkan bantuan" not in out


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"slip-desa {__version__}\n"


@pytest.mark.parametrize("word, lang, message", [
    ("chek", "id", "slip: perintah tidak dikenal: chek; maksud Anda: slip check?"),
    ("chek", "en", "slip: unknown command: chek; did you mean: slip check?"),
    ("buidl", "id", "slip: perintah tidak dikenal: buidl; maksud Anda: slip build?"),
    ("import", "en", "slip: unknown command: import; did you mean: slip import-apbdes?"),
])
def test_a_mistyped_subcommand_names_the_nearest_one(word, lang, message, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main([word, "--lang", lang]) == 2
    assert capsys.readouterr().err == message + "\n"


def test_a_word_far_from_every_subcommand_is_still_a_missing_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["tidak-ada"]) == 2
    assert capsys.readouterr().err == "slip: folder tidak ditemukan: tidak-ada\n"


def test_an_existing_folder_is_checked_however_close_its_name_is_to_a_subcommand(tmp_path, monkeypatch, capsys):
    shutil.copytree(DEMO / "kraton", tmp_path / "chek")
    monkeypatch.chdir(tmp_path)
    assert main(["chek", "--as-of", AS_OF]) != 2
    assert "Kraton (35.08.07.2002)" in capsys.readouterr().out


def test_a_subcommand_name_is_the_subcommand_and_check_takes_a_folder_of_that_name(tmp_path, monkeypatch, capsys):
    shutil.copytree(DEMO / "kraton", tmp_path / "due")
    monkeypatch.chdir(tmp_path)
    assert main(["due", "--as-of", AS_OF]) == 2  # `slip due` with its default path, as before
    assert capsys.readouterr().err == "slip due: folder tidak ditemukan: villages\n"
    assert main(["check", "due", "--as-of", AS_OF]) != 2
    assert "Kraton (35.08.07.2002)" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["due", "--tidak-ada"], "slip due: perintah tidak dapat dipakai: argumen tidak dikenal: --tidak-ada"),
    (["new"], "slip new: perintah tidak dapat dipakai: argumen berikut wajib diisi: kode"),
    (["check", "--format", "pdf"], "slip check: perintah tidak dapat dipakai: argumen --format: pilihan tidak sah: 'pdf' "
                                   "(pilih dari 'github', 'json', 'junit', 'markdown', 'parsable', 'sarif', 'text')"),
    (["build", "--jobs"], "slip build: perintah tidak dapat dipakai: argumen --jobs: perlu satu nilai"),
    (["serve", "--port", "delapan"], "slip serve: perintah tidak dapat dipakai: --port 'delapan' tidak sah; tulis bilangan bulat, "
                                     "misalnya --port 8080"),
    (["schemas", "--lang", "en", "--tidak-ada"], "slip schemas: cannot use the command: unrecognized arguments: --tidak-ada"),
    (["import-apbdes", "a.csv", "--lang", "en"], "slip import-apbdes: cannot use the command: "
                                                 "the following arguments are required: --village, --tahun"),
])
def test_a_usage_error_is_one_line_naming_the_subcommand_in_the_users_language(argv, message, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().err == message + "\n"


@pytest.mark.parametrize("argv", [
    ["--lang", "en", "due", "tidak-ada"], ["due", "tidak-ada", "--lang", "en"], ["due", "--lang=en", "tidak-ada"],
    ["due", "tidak-ada", "--lan", "en"],
])
def test_the_language_is_one_option_before_or_after_the_subcommand(argv, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert capsys.readouterr().err == "slip due: folder not found: tidak-ada\n"


def test_an_unknown_language_is_refused_in_indonesian(capsys):
    assert main(["check", "--lang", "fr"]) == 2
    assert capsys.readouterr().err == ("slip check: perintah tidak dapat dipakai: argumen --lang: pilihan tidak sah: 'fr' "
                                       "(pilih dari 'id', 'en')\n")
