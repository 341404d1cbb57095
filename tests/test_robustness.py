"""Random edits of a demo village never crash the checker: every outcome is a report with exit 0/1/2,
and a score exactly when the village can be assessed."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import engine
from checker.catalogue import load_catalogue
from checker.loader import load_village
from checker.scoring import score
from tests.conftest import DEMO, DEMO_AS_OF

KRATON = DEMO / "kraton"  # copied into a temporary folder for each example
TEXT_FILES = sorted(p.relative_to(KRATON).as_posix() for p in KRATON.rglob("*") if p.suffix in (".yaml", ".md"))

values = st.one_of(
    st.text(max_size=30), st.integers(), st.just(""), st.just("[1, 2"), st.just("{a: 1}"), st.just("- x"),
    st.just("2025-02-31"), st.just("Rp 1.234.567,00"), st.just("&a x"), st.just("*a"), st.just("!!python/name:os.system"),
    st.just("\t"), st.just("null"), st.just("3508074506870003"), st.just("../../etc/passwd"),
)
edits = st.lists(st.tuples(st.sampled_from(TEXT_FILES or ["profil.yaml"]), st.integers(0, 400),
                           st.sampled_from(["value", "delete", "duplicate", "raw"]), values), min_size=1, max_size=4)


def apply(root: Path, name: str, line_no: int, kind: str, value: object) -> None:
    path = root / name
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines:
        return
    i = line_no % len(lines)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "value" and ":" in lines[i]:
        lines[i] = lines[i].split(":", 1)[0] + ": " + str(value)
    else:
        lines[i] = str(value)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits)
def test_random_edits_never_crash(changes):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "kraton"
        shutil.copytree(KRATON, root)
        for change in changes:
            apply(root, *change)
        catalogue = load_catalogue()
        result = engine.check(load_village(root), catalogue, as_of=DEMO_AS_OF)
        village_score = score(result, catalogue)
        assert result.exit_code() in (0, 1, 2)
        # A village with an unreadable file (exit 2) has no score and no band; any other has both
        assert (village_score.value is None) == (village_score.band is None) == (not village_score.assessable)
        assert village_score.assessable or result.exit_code() == 2 or "dip.yaml" not in result.files
        assert village_score.value is None or 0 <= village_score.value <= 100
        for finding in result.findings:
            assert finding.line >= 1 and finding.message_id and finding.message_en and finding.article
