"""Shared fixtures: tiny villages built from strings, and one-rule checks on them."""
from __future__ import annotations

import datetime as dt
import importlib.util
import io
import hashlib
import os
import shutil
import textwrap
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterator, Mapping

import openpyxl
import pytest
from hypothesis import settings

from checker import engine, publication
from checker.catalogue import load_catalogue
from checker.findings import Finding
from checker.loader import load_village

# The suite gates every landing: property tests replay the same examples each run, so CI is not
# red by the luck of a seed. `HYPOTHESIS_PROFILE=explore` searches with fresh randomness.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def publishable(village) -> set[str]:  # type: ignore[no-untyped-def]
    """The checker's publish verdict (checker.publication), as the references the site may copy."""
    return {ref for ref, _ in publication.published(village)}

ROOT = Path(__file__).resolve().parent.parent
# The tests' own copy of the demo villages (see its README.md). Never `ROOT / "villages"`: in a
# kabupaten's fork that folder holds their real villages, and `slip new` adds to it. Checks, builds
# and commands run on the copies the fixtures below make in a temporary folder; a test may read a
# file's text straight from DEMO, but nothing ever writes under it.
DEMO = ROOT / "tests" / "data" / "demo"
DEMO_SLUGS = ("kraton", "sumberwuluh", "supiturang")
DEMO_AS_OF = dt.date(2026, 11, 28)  # the date the demo villages are written for


def copy_demo(target: Path, *slugs: str) -> Path:
    """Copy demo villages (all three unless named) into `target/<slug>/`; returns `target`."""
    for slug in slugs or DEMO_SLUGS:
        shutil.copytree(DEMO / slug, target / slug)
    return target


def _digest(root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*")):
        sha.update(path.relative_to(root).as_posix().encode() + b"\0")
        if path.is_file() and not path.is_symlink():
            sha.update(path.read_bytes())
    return sha.hexdigest()


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder `villages/` holding the three demo villages, copied once per session: for tests
    that only read it. It is checked unchanged at the end, so a test that writes into it fails;
    a test that changes a village uses `demo_villages` or `demo_village` instead."""
    root = copy_demo(tmp_path_factory.mktemp("demo") / "villages")
    before = _digest(root)
    yield root
    assert _digest(root) == before, f"a test changed the shared demo copy {root}: use demo_villages/demo_village"


@pytest.fixture
def demo_villages(tmp_path: Path) -> Path:
    """This test's own writable copy of the three demo villages, in `tmp_path/villages/`."""
    return copy_demo(tmp_path / "villages")


@pytest.fixture
def demo_village(tmp_path: Path) -> Callable[..., Path]:
    """`demo_village("kraton")`: this test's own writable copy of one demo village, in
    `tmp_path/villages/kraton/`."""

    def copy(slug: str) -> Path:
        return copy_demo(tmp_path / "villages", slug) / slug

    return copy


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's `slip check` caches into its own folder: never into the repository, and never
    serving a result computed before a test monkeypatched the checker."""
    monkeypatch.setattr("checker.run.cache.CACHE_DIR", tmp_path_factory.mktemp("slip-cache"))


@pytest.fixture(autouse=True)
def _no_site_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's own slip.toml (a fork's real address) and the environment reach no test;
    a test that wants settings writes its own `tmp_path / "slip.toml"`."""
    monkeypatch.setattr("sitegen.settings.FILE", tmp_path / "slip.toml")
    for variable in ("SLIP_SITE_URL", "SLIP_SITE_TITLE"):
        monkeypatch.delenv(variable, raising=False)


def write_village(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write files (relative name -> text, dedented, or bytes) into a village folder."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def make_village(tmp_path: Path) -> Callable[[Mapping[str, str | bytes]], Path]:
    def make(files: Mapping[str, str | bytes], slug: str = "desa") -> Path:
        return write_village(tmp_path / slug, files)

    return make


def run_rule(root: Path, rule: ModuleType, as_of: dt.date = DEMO_AS_OF) -> list[Finding]:
    return list(engine.check(load_village(root), load_catalogue(), as_of=as_of, rules=[rule]).findings)


def triples(findings: list[Finding]) -> list[tuple[str, int, str]]:
    """The truth-table view of findings: (file, line, rule)."""
    return [(f.file, f.line, f.rule) for f in findings]


def _pdf_maker() -> Callable[[str, list[str]], bytes]:
    """The demo villages' PDF writer (scripts/make_demo_pdfs.py), reused for fixtures."""
    spec = importlib.util.spec_from_file_location("make_demo_pdfs", ROOT / "scripts" / "make_demo_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_pdf


make_pdf = _pdf_maker()
PDF = make_pdf("Dokumen uji", ["Isi dokumen uji."])


WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx(paragraphs: list[list[str]], parts: Mapping[str, str | bytes] | None = None) -> bytes:
    """A minimal Word document, one list of runs per paragraph (Word opens it); `parts` adds members."""
    body = "".join("<w:p>" + "".join(f"<w:r><w:t xml:space=\"preserve\">{run}</w:t></w:r>" for run in runs) + "</w:p>"
                   for runs in paragraphs)
    members = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {WORD_NS}><w:body>{body}</w:body></w:document>',
        **(parts or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def make_xlsx(sheets: Mapping[str, list[list[Any]]]) -> bytes:
    """A workbook written by openpyxl: sheet name -> rows."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


DOCX = make_docx([["Dokumen uji."]])
