"""Hostile structure is one file's problem: each shape in one village of the three demo villages.

Each row writes one hostile YAML or Markdown file into Sumberwuluh (a deep nesting, a huge list or
mapping, too many values, a long key or value, a NUL byte) and runs the real `slip check` on the
three villages: that file has one fatal finding at its line, quickly, exit 2, no traceback, and
Kraton and Supiturang report exactly what they report untouched. One build with every shape at once
skips Sumberwuluh, naming its first file, and still builds the other two.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker import builder
from checker.cli.main import main
from checker.loader import MAX_BYTES
from checker.parse import parse_markdown, parse_yaml
from checker.rules import input_file
from checker.reporters.json_ import to_data
from checker.run.pipeline import run
from tests.conftest import DEMO, DEMO_AS_OF, copy_demo

SLUG = "sumberwuluh"
AS_OF = ["--as-of", "2026-11-28"]
PAGE = "pengumuman/sosialisasi-evakuasi-semeru.md"


def _lines(name: str) -> int:
    return len((DEMO / SLUG / name).read_text(encoding="utf-8").splitlines())


def _block_nesting(levels: int) -> str:
    return "".join(" " * i + f"t{i}:\n" for i in range(levels)) + " " * levels + "x: 1\n"


def _many_values() -> str:
    # Six keys, each a list of 9,998 items one a line: with the key and the list itself, a block is
    # 10,000 values on 9,999 lines. The root mapping is value 1, so value 50,001 (one past the
    # limit) is the fifth block's last item, on line 5 * 9,999.
    return "".join(f"k{j}:\n" + "  - 1\n" * 9_998 for j in range(6))


@dataclass(frozen=True)
class Shape:
    id: str
    file: str
    text: str  # appended to the file (after the front matter's first line for a page), or all of it
    line: int  # of the finding
    key: str  # the input-file message key
    whole: bool = False


SHAPES = [
    Shape("nested-5000-deep", "program.yaml", "lain: " + "[" * 5_000 + "]" * 5_000 + "\n", _lines("program.yaml") + 1,
          "too_deep"),
    Shape("nested-a-million-deep", "program.yaml", "lain: " + "[" * 990_000 + "]" * 990_000 + "\n",
          _lines("program.yaml") + 1, "too_deep"),
    # The root mapping is level 1, so the mapping under t31 is level 33: the key t32's line
    Shape("nested-by-indentation", "program.yaml", _block_nesting(40), _lines("program.yaml") + 33, "too_deep"),
    Shape("nested-dashes", "program.yaml", "lain:\n" + "- " * 500_000 + "x\n", _lines("program.yaml") + 2, "too_deep"),
    Shape("list-of-half-a-million", "profil.yaml", "lain:\n" + "- 1\n" * 490_000,
          _lines("profil.yaml") + 2 + builder.MAX_ITEMS, "too_many_items"),
    Shape("mapping-of-anchors", "profil.yaml", "lain:\n" + "".join(f"  k{i}: &a{i} v\n" for i in range(90_000)),
          _lines("profil.yaml") + 2 + builder.MAX_ITEMS, "too_many_items"),
    Shape("too-many-values", "layanan.yaml", _many_values(), 5 * 9_999, "too_many_values", whole=True),
    Shape("long-key", "ppid.yaml", "lain:\n  " + "k" * 300 + ": 1\n", _lines("ppid.yaml") + 2, "long_key"),
    Shape("long-explicit-key", "ppid.yaml", "? " + "k" * 1_500_000 + "\n: 1\n", _lines("ppid.yaml") + 1, "long_key"),
    Shape("huge-value", "dokumen.yaml", "lain: " + "x" * 1_900_000 + "\n", _lines("dokumen.yaml") + 1, "long_value"),
    Shape("nul-in-yaml", "dokumen.yaml", "lain: a\x00b\n", _lines("dokumen.yaml") + 1, "control_char"),
    Shape("nul-in-markdown-body", PAGE, "", _lines(PAGE) + 1, "control_char"),
    Shape("nested-front-matter", PAGE, "lain: " + "{a: " * 5_000 + "}" * 5_000 + "\n", 2, "too_deep"),
]


def _write(root: Path, shape: Shape) -> None:
    path = root / SLUG / shape.file
    if shape.whole:
        path.write_text(shape.text, encoding="utf-8")
    elif shape.id == "nul-in-markdown-body":
        path.write_text(path.read_text(encoding="utf-8") + "Teks \x00 tersalin.\n", encoding="utf-8")
    elif shape.file.endswith(".md"):
        first, rest = path.read_text(encoding="utf-8").split("\n", 1)
        path.write_text(first + "\n" + shape.text + rest, encoding="utf-8")
    else:
        path.write_text(path.read_text(encoding="utf-8") + shape.text, encoding="utf-8")
    assert path.stat().st_size <= MAX_BYTES  # under the size limit: the structure is what is refused


def _check(target: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, str]:
    code = main(["check", str(target), *AS_OF, "--format", "json", "--jobs", "1", "--no-cache"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal" not in err.lower()
    return code, json.loads(out), err


def _essence(village: dict) -> tuple:
    return village["score"], village["band"], [(f["file"], f["line"], f["rule"], f["message"]) for f in village["findings"]]


@pytest.fixture(scope="module")
def untouched(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """The three villages' reports without any hostile file."""
    root = copy_demo(tmp_path_factory.mktemp("untouched") / "villages")
    return {v["slug"]: v for v in to_data(run([root], as_of=DEMO_AS_OF))["villages"]}


@pytest.mark.parametrize("shape", SHAPES, ids=[s.id for s in SHAPES])
def test_hostile_shape_is_one_fatal_finding_and_the_other_villages_are_untouched(shape, tmp_path, capsys, untouched):
    capsys.readouterr()
    root = copy_demo(tmp_path / "villages")
    _write(root, shape)
    start = time.process_time()
    code, report, err = _check(root, capsys)
    assert time.process_time() - start < 5.0
    assert code == 2 and report["exit_code"] == 2
    villages = {v["slug"]: v for v in report["villages"]}
    fatal = [(f["file"], f["line"], f["rule"]) for f in villages[SLUG]["findings"] if f["severity"] == "fatal"]
    assert fatal == [(shape.file, shape.line, "input-file")]
    assert input_file.MESSAGES[shape.key]["id"].split("{")[0] in err  # stderr names it too, in words
    assert f"{root / SLUG / shape.file}:{shape.line}:" in err
    others = [f for f in villages[SLUG]["findings"] if f["file"] != shape.file]
    assert others  # the village's other files are still checked
    for slug in ("kraton", "supiturang"):
        assert _essence(villages[slug]) == _essence(untouched[slug])


@pytest.mark.parametrize("shape", SHAPES, ids=[s.id for s in SHAPES])
def test_hostile_shape_is_refused_in_well_under_a_second_of_parsing(shape, tmp_path):
    root = copy_demo(tmp_path / "villages", SLUG)
    _write(root, shape)
    text = (root / SLUG / shape.file).read_text(encoding="utf-8")
    parse = parse_markdown if shape.file.endswith(".md") else parse_yaml
    start = time.process_time()
    source, problems, _ = parse(text, shape.file)
    assert time.process_time() - start < 1.0
    assert source is None and [(p.key, p.line) for p in problems] == [(shape.key, shape.line)]


def test_a_file_just_inside_every_limit_is_read(tmp_path):
    deep = "a: " + "[" * (builder.MAX_DEPTH - 1) + "]" * (builder.MAX_DEPTH - 1) + "\n"
    wide = "a:\n" + "  - 1\n" * builder.MAX_ITEMS
    key = "k" * builder.MAX_KEY + ": " + "x" * builder.MAX_SCALAR + "\n"
    for text in (deep, wide, key):
        source, problems, _ = parse_yaml(text, "profil.yaml")
        assert source is not None and problems == []
    one_deeper = "a: " + "[" * builder.MAX_DEPTH + "]" * builder.MAX_DEPTH + "\n"
    assert [p.key for p in parse_yaml(one_deeper, "profil.yaml")[1]] == ["too_deep"]


def test_the_limits_the_manual_states_are_the_limits_applied():
    words = " ".join(input_file.__doc__.split())
    for limit in (builder.MAX_DEPTH, builder.MAX_ITEMS, builder.MAX_VALUES, builder.MAX_KEY, builder.MAX_SCALAR):
        assert f"{limit:,}".replace(",", ".") in words


def test_build_skips_the_hostile_village_and_builds_the_other_two(tmp_path, capsys):
    root = copy_demo(tmp_path / "villages")
    for shape in SHAPES:
        if shape.id in ("nested-5000-deep", "list-of-half-a-million", "too-many-values", "long-key", "huge-value",
                        "nul-in-markdown-body"):
            _write(root, shape)
    output = tmp_path / "output"
    code = main(["build", str(root), *AS_OF, "--output", str(output), "--jobs", "1"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal" not in (out + err).lower()
    assert code == 2
    assert f"{SLUG}: dokumen.yaml:{_lines('dokumen.yaml') + 1}:" in out + err  # its first file, by name
    site = output.resolve()
    assert not (site / SLUG).exists()
    for slug in ("kraton", "supiturang"):
        assert (site / slug / "index.html").is_file() and (site / slug / "kepatuhan" / "index.html").is_file()
    # Its profil.yaml unread, it is named by its folder and listed under "Kabupaten belum diketahui"
    portal = (site / "kabupaten" / "lain" / "index.html").read_text(encoding="utf-8")
    assert f"Desa {SLUG} <span class=\"tag\">data belum dapat dibaca</span>" in portal
