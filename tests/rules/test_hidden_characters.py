"""hidden-characters: zero-width and bidi control characters in values and keys."""
from __future__ import annotations

from checker.rules import hidden_characters
from tests.conftest import run_rule, triples


def test_plain_text_passes(make_village):
    assert run_rule(make_village({"profil.yaml": "nama: Kraton\nalamat: Jl. Raya Kraton No. 1\n"}), hidden_characters) == []


def test_zero_width_space_in_a_name_points_at_its_line(make_village):
    findings = run_rule(make_village({"profil.yaml": "nama: Kraton\nkecamatan: \"Yoso\u200bwilangun\"\n"}), hidden_characters)
    assert triples(findings) == [("profil.yaml", 2, "hidden-characters")]
    assert "U+200B" in findings[0].message_id and "zero width space" in findings[0].message_en


def test_right_to_left_override_in_markdown_front_matter_and_in_a_key(make_village):
    root = make_village({"pengumuman/a.md": "---\njudul: \"laporan\u202efdp.exe\"\n---\nIsi\n", "dip.yaml": "\u200dnama: x\n"})
    assert triples(run_rule(root, hidden_characters)) == [("dip.yaml", 1, "hidden-characters"), ("pengumuman/a.md", 2, "hidden-characters")]
