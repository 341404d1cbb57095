"""parsable: one exact `path:line:col: level: [rule] message (article)` line per finding."""

from __future__ import annotations

import re

from reportkit import APBDES_ERROR, DIP_FATAL, PROFIL_WARNING, make_report, make_village

from checker.reporters.parsable import render

LINE = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|fatal): "
    r"\[(?P<rule>[a-z0-9-]+)\] (?P<rest>.+)$"
)


def test_exact_lines_in_indonesian(one) -> None:
    assert render(one, "id").splitlines() == [
        "villages/kraton/apbdes.yaml:12:5: error: [apbdes-arithmetic] Jumlah belanja 120.000 tidak "
        "sama dengan rinciannya 100.000. (Perki 1/2018 Pasal 11 ayat (1) huruf c)",
        "villages/kraton/dip.yaml:4:7: fatal: [input-file] Berkas bukan YAML yang sah: tanda ':' "
        "tidak diharapkan.",
        "villages/kraton/profil.yaml:3:1: warning: [completeness] Visi dan misi dianjurkan "
        "diumumkan. (Perki 1/2018 Pasal 11 ayat (1) huruf a)",
    ]


def test_english_changes_the_message_not_the_level(one) -> None:
    first = render(one, "en").splitlines()[0]
    assert first == (
        "villages/kraton/apbdes.yaml:12:5: error: [apbdes-arithmetic] Total spending "
        "120,000 does not equal its lines 100,000. (Perki 1/2018 Pasal 11 ayat (1) huruf c)"
    )


def test_every_line_matches_the_pattern(two) -> None:
    lines = render(two, "id").splitlines()
    assert len(lines) == 3  # the clean village adds nothing: no header, no summary
    for line in lines:
        match = LINE.match(line)
        assert match, line
        assert match["path"].startswith("villages/kraton/")


def test_root_as_typed_is_joined_with_forward_slashes() -> None:
    village = make_village(
        "kraton", (APBDES_ERROR,), 95.0, "Informatif", root="C:\\data\\villages\\kraton\\"
    )
    line = render(make_report(village), "id")
    assert line.startswith("C:/data/villages/kraton/apbdes.yaml:12:5: error: ")


def test_dot_slash_root_is_tidied() -> None:
    village = make_village(
        "kraton", (PROFIL_WARNING, DIP_FATAL), 95.0, "Informatif", root="./kraton/"
    )
    paths = [line.split(":")[0] for line in render(make_report(village), "id").splitlines()]
    assert paths == ["kraton/dip.yaml", "kraton/profil.yaml"]


def test_no_findings_no_output(sukamaju) -> None:
    assert render(make_report(sukamaju), "id") == ""
