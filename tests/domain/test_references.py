"""domain.references: which document references the schema accepts and the loader follows."""
from __future__ import annotations

import re

import pytest

from checker.domain.references import PATTERN, is_relative, is_safe

INSIDE = ["dokumen/a.pdf", "a.pdf", "dokumen\\a.pdf", "dokumen/..x.pdf", "dokumen/a..pdf", "./dokumen/a.pdf", "dokumen/a:b.pdf"]
OUTSIDE = ["/etc/passwd", "\\x.pdf", "../a.pdf", "dokumen/../../a.pdf", "dokumen\\..\\a.pdf", "..", "https://x.org/a.pdf",
           "c:/a.pdf", "C:\\a.pdf", "mailto:a@b.id"]
# Relative for the schema, yet never opened by the loader: nothing, or a colon before the first /
# that is no URL scheme (a Windows stream, a name typed with a colon).
NOT_FOLLOWED = ["", "perdes_final:v2.pdf", "2026:perdes.pdf", "dokumen\\a:b.pdf"]


@pytest.mark.parametrize("ref", INSIDE)
def test_a_reference_inside_the_village_is_relative_and_safe(ref):
    assert is_relative(ref) and is_safe(ref)


@pytest.mark.parametrize("ref", OUTSIDE)
def test_an_absolute_climbing_or_address_reference_is_neither(ref):
    assert not is_relative(ref) and not is_safe(ref)


@pytest.mark.parametrize("ref", NOT_FOLLOWED)
def test_the_loader_is_stricter_than_the_schema(ref):
    assert is_relative(ref) and not is_safe(ref)


@pytest.mark.parametrize("ref", INSIDE + OUTSIDE + NOT_FOLLOWED[1:])
def test_the_editors_pattern_is_the_schemas_test(ref):
    assert bool(re.match(PATTERN, ref)) == is_relative(ref)


def test_the_editors_pattern_also_asks_for_something():
    assert not re.match(PATTERN, "")  # the schema leaves an empty value to its `empty` rule
