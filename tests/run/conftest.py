"""Shared by the pipeline tests: a corpus of 30 generated villages (bench/generate.py: real Lumajang
codes, some with defects), a report in its JSON form, and copies of the demo Kraton with another kode."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from checker.reporters import REPORTERS
from tests.conftest import DEMO, ROOT


def _generator():  # bench/ is not a package; load it the way conftest loads scripts/
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    manifest = _generator().generate(out, "35.08", 30, seed=7, defect_share=0.3, template=DEMO / "kraton")
    assert len(set(manifest.values())) > 2  # clean villages and several kinds of defect
    return out


def as_json(report) -> dict:  # type: ignore[no-untyped-def]
    return json.loads(REPORTERS["json"](report, "id"))


def copy(target: Path, kode: str = "35.08.07.2002", nama: str = "Kraton") -> Path:
    """The demo Kraton at `target`, with another kode and name when asked."""
    shutil.copytree(DEMO / "kraton", target)
    profile = target / "profil.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace('"35.08.07.2002"', f'"{kode}"').replace("\nnama: Kraton ", f"\nnama: {nama} "), encoding="utf-8")
    return target


def fold_kode(village: Path) -> Path:
    """The kode as a folded block: the same kode to YAML, another one to a line scan of profil.yaml."""
    profile = village / "profil.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(re.sub(r'(?m)^kode_wilayah: "([^"]+)".*$', r"kode_wilayah: >-\n  \1", text), encoding="utf-8")
    return village


def break_yaml(village: Path) -> Path:
    """A profil.yaml that no longer parses, its kode line intact."""
    with (village / "profil.yaml").open("a", encoding="utf-8") as handle:
        handle.write("catatan: [rusak\n")
    return village
