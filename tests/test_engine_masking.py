"""engine: a NIK typed into the wrong field reaches no report, in any format or writing of the number."""
from __future__ import annotations

import json
import re

import pytest

from checker.domain import nik
from checker.reporters import REPORTERS
from checker.run.pipeline import run
from tests.conftest import DEMO_AS_OF

NIK = "3508074506870003"
# One writing a field: schema messages quote the value they refuse (a pattern, a type, a known name).
WRONG_FIELDS = {
    'nama: Kraton ': f"nama: {NIK} ",
    'telepon: "0334-561234"': 'telepon: "3508 0745 0687 0003"',
    'kode_pos: "67382"': 'kode_pos: "35.08.07.450687.0003"',
    'email: pemdes.kraton@example.org': 'email: "３５０８０７４５０６８７０００３"',
    'jumlah_penduduk: 5214': 'jumlah_penduduk: "350807\u00a0450687\u00a00003"',
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from tests.conftest import copy_demo

    root = copy_demo(tmp_path_factory.mktemp("masking") / "villages", "kraton") / "kraton"
    profil = (root / "profil.yaml").read_text(encoding="utf-8")
    for old, new in WRONG_FIELDS.items():
        assert old in profil, old
        profil = profil.replace(old, new, 1)
    (root / "profil.yaml").write_text(profil, encoding="utf-8")
    return run([root], as_of=DEMO_AS_OF)


ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))")


def readable(text: str) -> str:
    """The output as a reader sees it: JSON (json, sarif) decoded, and the \\xa0 a message quoting a
    value's repr shows read as the space it stands for."""
    try:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        pass
    return ESCAPE.sub(lambda m: chr(int(m[1] or m[2], 16)), text)


def test_the_wrong_fields_are_findings_that_quote_their_values_masked(report):
    messages = [f.message_id for v in report.villages for f in v.result.findings]
    quoted = [f.message_id for v in report.villages for f in v.result.findings if f.rule == "schema"]
    assert len(quoted) == 4 and all("350807******0003" in m for m in quoted), messages
    assert report.villages[0].result.name == "350807******0003"


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_report_format_prints_the_number_in_any_writing(report, fmt, lang):
    output = readable(REPORTERS[fmt](report, lang))
    assert "350807******0003" in output  # the findings are there, masked
    assert list(nik.find(output)) == []
    assert NIK not in re.sub(r"[^0-9]", "", output.replace("******", "#"))
