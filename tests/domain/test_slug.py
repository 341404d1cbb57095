"""domain.slug: which folder names can be a village's web address."""
from __future__ import annotations

import pytest

from checker.domain.slug import SLUG


@pytest.mark.parametrize("name", ["kraton", "yosowilangun-lor", "desa-2", "2026"])
def test_lowercase_letters_digits_and_single_hyphens(name):
    assert SLUG.match(name)


@pytest.mark.parametrize("name", ["Desa Kraton", "Kraton", "kraton lor", "kraton--lor", "-kraton", "kraton-", "kraton_lor", "kratón", ""])
def test_anything_else_is_not_an_address(name):
    assert not SLUG.match(name)
