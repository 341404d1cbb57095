"""A real Pelican build of the demo villages (the tests' copy), once per test session, into a temporary folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.build import build
from tests.conftest import DEMO_AS_OF


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory, demo_root: Path) -> Path:
    """Built from the session's copy of the tests' demo villages (tests/data/demo), never villages/."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = build(demo_root, output, as_of=DEMO_AS_OF)
    assert result.built == ("sumberwuluh", "supiturang", "kraton") and result.skipped == ()
    return output


def text_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and p.suffix in (".html", ".csv", ".json", ".xml", ".txt", ".js", ".css")]
