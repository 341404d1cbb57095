"""The suite never reads the repository's villages/ folder: a kabupaten's fork keeps its own villages
there, and `slip new` adds to it. Tests read the demo from tests/data/demo (see tests/conftest.py)."""
from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from tests.conftest import DEMO, DEMO_SLUGS, ROOT

TESTS = ROOT / "tests"
_NAME = r"""["']villages\b"""  # a string literal starting with the folder's name
# Ways of pointing at <repository>/villages: joined onto ROOT (or onto the repository's folder
# computed from __file__), in an f-string after ROOT, or the old shared constant.
FORBIDDEN = [
    re.compile(r"\bROOT\s*/\s*" + _NAME),
    re.compile(r"\bROOT\s*\.\s*joinpath\(\s*" + _NAME),
    re.compile(r"\bjoin\(\s*(?:str\()?\s*ROOT\s*\)?\s*,\s*" + _NAME),
    re.compile(r"__file__[^\n]*?/\s*" + _NAME),
    re.compile(r"\{ROOT\}[/\\]villages\b"),
    re.compile(r"\bVILLAGES\b"),
]


def offences(source: str) -> list[str]:
    """The lines of a module's source (comments left out) that point at the repository's villages/."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type != tokenize.COMMENT]
    code = tokenize.untokenize(tokens)
    return [line.strip() for line in code.splitlines() if any(p.search(line) for p in FORBIDDEN)]


# A fallback written before tests/data/demo existed; never taken now that the demo copy is committed.
# Remove the entry when that module takes its villages from tests.conftest.DEMO alone.
ALLOWED: dict[str, list[str]] = {}  # module -> lines allowed to name villages/ (none today)


def test_no_test_module_points_at_the_repositorys_villages_folder():
    modules = [p for p in sorted(TESTS.rglob("*.py")) if p != Path(__file__).resolve()]  # not its own examples
    assert len(modules) > 20
    found = {name: lines for path in modules for name in [path.relative_to(ROOT).as_posix()]
             for lines in [[line for line in offences(path.read_text(encoding="utf-8"))
                            if line not in ALLOWED.get(name, [])]] if lines}
    assert found == {}, "use tests.conftest.DEMO or the demo_root/demo_villages/demo_village fixtures"


@pytest.mark.parametrize("line", [
    'VILLAGES = ROOT / "villages"',
    "x = ROOT/'villages'/'kraton'",
    'ROOT.joinpath("villages", "kraton")',
    'os.path.join(ROOT, "villages")',
    'os.path.join(str(ROOT), "villages/kraton")',
    'HERE = Path(__file__).resolve().parent.parent / "villages"',
    'f"{ROOT}/villages/kraton"',
    "from tests.conftest import VILLAGES",
])
def test_the_scan_catches_each_way_of_writing_it(line: str):
    assert offences(line + "\n") == [line]


@pytest.mark.parametrize("line", [
    'village = tmp_path / "villages" / "kraton"',  # a folder named villages inside a temporary repository
    'files = ["villages/kraton/apbdes/2026.yaml"]',
    'data["villages"][0]',
    'KRATON = DEMO / "kraton"',
    'x = 1  # never ROOT / "villages"',
])
def test_the_scan_leaves_temporary_folders_and_report_keys_alone(line: str):
    assert offences(line + "\n") == []


def test_the_tests_copy_of_the_demo_is_complete():
    for slug in DEMO_SLUGS:
        assert (DEMO / slug / "profil.yaml").is_file() and any((DEMO / slug / "dokumen").iterdir()), slug
