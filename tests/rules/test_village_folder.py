"""village-folder: the folder name becomes the site address."""
from __future__ import annotations

from checker.rules import village_folder
from tests.conftest import run_rule, triples, write_village


def test_lowercase_hyphenated_slug_passes(tmp_path):
    root = write_village(tmp_path / "yosowilangun-lor", {"profil.yaml": "nama: Yosowilangun Lor\n"})
    assert run_rule(root, village_folder) == []


def test_spaces_and_capitals_are_refused_with_a_suggestion(tmp_path):
    root = write_village(tmp_path / "Desa Kraton", {"profil.yaml": "nama: Kraton\n"})
    findings = run_rule(root, village_folder)
    assert triples(findings) == [("profil.yaml", 1, "village-folder")]
    assert "'kraton'" in findings[0].message_id and "Rename the folder to 'kraton'" in findings[0].hint_en
