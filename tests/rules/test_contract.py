"""Every registered rule keeps the contract of checker.rules.base: the engine reads nothing else."""
from __future__ import annotations

import inspect
import string

import pytest

from checker import rules
from checker.catalogue import load_catalogue
from checker.rules import base


def _fields(template: str) -> set[str]:
    """The placeholders of a template, a language's own variant (`want_en`, `detail_id`) as the one field."""
    return {name.removesuffix("_id").removesuffix("_en") for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.ID)
def test_a_rule_declares_its_id_title_obligations_messages_and_one_generator(rule):
    assert rule.ID == rule.__name__.rsplit(".", 1)[-1].replace("_", "-")
    assert set(rule.TITLE) == {"id", "en"} and all(rule.TITLE.values())
    catalogue = load_catalogue()
    assert rule.OBLIGATIONS and all(catalogue.get(o) for o in rule.OBLIGATIONS)
    assert inspect.isgeneratorfunction(rule.check)
    assert list(inspect.signature(rule.check).parameters) == ["village", "context"]
    assert rule.__doc__ and "LULUS" in rule.__doc__ and "GAGAL" in rule.__doc__


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.ID)
def test_every_template_is_in_both_languages_and_english_drops_no_placeholder(rule):
    for templates in (rule.MESSAGES, base.hints(rule)):
        for key, template in templates.items():
            assert set(template) == {"id", "en"}, (rule.ID, key)
            # English may also name the field an Indonesian label stands for ("lacks {field} ({label})")
            assert _fields(template["id"]) <= _fields(template["en"]), (rule.ID, key)
    assert set(base.hints(rule)) <= set(rule.MESSAGES)  # a hint belongs to a message
    assert base.fatal(rule) <= set(rule.MESSAGES) or rule.ID == "input-file"


def test_only_the_input_file_rule_makes_a_village_unusable():
    assert [r.ID for r in rules.RULES if base.fatal(r)] == ["input-file"]
