"""A bounded fuzz run over the loader: any text, any bytes, never an exception, always located problems."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.loader import load_village, parse_markdown, parse_yaml
from tests.conftest import write_village

yaml_alphabet = st.sampled_from(list(" \t\n:-[]{}&*!|>'\"#%@`,?0123456789abcxyz\u200b\u00e9"))


@settings(max_examples=400, deadline=None)
@given(st.text(yaml_alphabet, max_size=200))
def test_any_yaml_text_gives_data_or_located_problems(text):
    source, problems, _ = parse_yaml(text, "profil.yaml")
    assert source is not None or problems
    for problem in problems:
        assert problem.line is not None and problem.line >= 1 and problem.col >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(yaml_alphabet, max_size=120), st.text(max_size=120))
def test_any_markdown_gives_data_or_located_problems(front, body):
    source, problems, _ = parse_markdown(f"---\n{front}\n---\n{body}", "pengumuman/a.md")
    assert source is not None or problems


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_on_disk_never_raise(tmp_path_factory, data):
    root = write_village(tmp_path_factory.mktemp("fuzz") / "desa", {"profil.yaml": data})
    village = load_village(root)
    assert "profil.yaml" in village.files or village.problems
