"""The Indonesian guides: the rule reference is generated and current, the staff guide explains every
rule a finding can name, and every file or command the guides point to exists."""
from __future__ import annotations

import importlib.util
import re

import pytest

from checker import rules
from checker.catalogue import load_catalogue
from tests.conftest import DEMO, ROOT

DOCS = ROOT / "docs"
GUIDES = ("panduan-staf-desa.md", "panduan-it-kabupaten.md")


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_rule_reference_equals_a_fresh_generation():
    fresh = _script("make_rule_reference").render(load_catalogue(), rules.RULES)
    assert (DOCS / "referensi-aturan.md").read_text(encoding="utf-8") == fresh


def test_the_rule_reference_lists_every_obligation_and_every_rule():
    text = (DOCS / "referensi-aturan.md").read_text(encoding="utf-8")
    catalogue = load_catalogue()
    for obligation in catalogue.obligations.values():
        section = text.split(f"#### `{obligation.id}`\n", 1)[1].split("####", 1)[0]
        assert f"- Pasal: {obligation.basis}" in section and f"`{obligation.confidence}`" in section
    for module in rules.RULES:
        section = text.split(f"### `{module.ID}`\n", 1)[1].split("\n### ", 1)[0]
        assert module.__doc__.strip().splitlines()[0] in section
        assert "LULUS" in section and "GAGAL" in section  # every manual carries its two examples


def test_the_staff_guide_explains_every_rule_a_finding_can_name():
    text = (DOCS / "panduan-staf-desa.md").read_text(encoding="utf-8")
    explained = set(re.findall(r"^- \*\*`([a-z-]+)`\*\*", text, re.M))
    assert explained == set(rules.by_id)


def test_the_staff_guide_describes_every_kind_of_village_file():
    text = (DOCS / "panduan-staf-desa.md").read_text(encoding="utf-8")
    for pattern in load_catalogue().files:
        shown = pattern.replace("apbdes/*.yaml", "apbdes/2026.yaml")
        assert f"`{shown}`" in text, pattern


@pytest.mark.parametrize("guide", GUIDES)
def test_every_repository_path_a_guide_names_exists(guide: str):
    text = (DOCS / guide).read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:templates|ci-templates|schemas|scripts|docs|villages/kraton)/[\w./-]+\.[a-z]+)`", text))
    named |= {f"docs/{link}" for link in re.findall(r"\]\(([\w-]+\.md)\)", text)}
    assert named, "the guide points to files"
    # villages/kraton/ is the demo the guides show: its files are looked up in the tests' copy of the
    # demo, since a fork's villages/ holds its own villages.
    where = {p: DEMO / p.removeprefix("villages/") if p.startswith("villages/") else ROOT / p for p in named}
    assert sorted(p for p, path in where.items() if not path.exists()) == []


def test_the_it_guide_says_how_to_copy_the_output_symlink():
    text = (DOCS / "panduan-it-kabupaten.md").read_text(encoding="utf-8")
    assert "cp -rL output" in text and "rsync -aL" in text and "tautan simbolik" in text
    for template in ("ci-templates/github-actions.yml", "ci-templates/gitlab-ci.yml", ".pre-commit-hooks.yaml"):
        assert template in text and (ROOT / template).is_file()


def test_the_readme_draws_every_package_of_the_layout_in_ten_lines():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    drawing = text.split("## Pengembangan", 1)[1].split("```\nchecker/", 1)[1].split("```", 1)[0]
    lines = ("checker/" + drawing).strip().splitlines()
    assert len(lines) <= 10
    packages = {p.name for p in (ROOT / "checker").iterdir() if (p / "__init__.py").is_file()}
    named = set(re.findall(r"\b([a-z]+)/", drawing))
    assert packages <= named, f"missing from the README drawing: {sorted(packages - named)}"
