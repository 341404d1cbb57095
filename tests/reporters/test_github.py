"""github: workflow commands with GitHub's escaping of data (% CR LF) and properties (also , :)."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st
from reportkit import APBDES_ERROR, make_report, make_village

from checker.reporters.github import escape_data, escape_property, render


def _unescape(text: str) -> str:
    # The runner's reverse of the toolkit's escaping, %25 last.
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_exact_commands(one) -> None:
    assert render(one, "id").splitlines() == [
        "::error file=villages/kraton/apbdes.yaml,line=12,col=5,"
        "title=[apbdes-arithmetic] berkala.apbdes::"
        "Jumlah belanja 120.000 tidak sama dengan rinciannya 100.000. "
        "(Perki 1/2018 Pasal 11 ayat (1) huruf c) — Periksa rincian belanja bidang 2.",
        "::error file=villages/kraton/dip.yaml,line=4,col=7,title=[input-file]::"
        "Berkas bukan YAML yang sah: tanda ':' tidak diharapkan.",
        "::warning file=villages/kraton/profil.yaml,line=3,col=1,"
        "title=[completeness] berkala.profil.visi_misi::"
        "Visi dan misi dianjurkan diumumkan. (Perki 1/2018 Pasal 11 ayat (1) huruf a)"
        " — Tambahkan kunci visi_misi.",
    ]


def test_english_message(one) -> None:
    first = render(one, "en").splitlines()[0]
    assert first.endswith(
        "::Total spending 120,000 does not equal its lines 100,000. "
        "(Perki 1/2018 Pasal 11 ayat (1) huruf c) — Check the lines of sector 2."
    )


def test_newline_percent_comma_colon_are_escaped() -> None:
    odd = dataclasses.replace(
        APBDES_ERROR,
        file="lampiran, 2024:a.yaml",
        article="",
        message_id="Baris satu\r\nnaik 100%, lihat: catatan",
        hint_id="",
    )
    line = render(make_report(make_village("kraton", (odd,), 95.0, "Informatif")), "id")
    assert line == (
        "::error file=villages/kraton/lampiran%2C 2024%3Aa.yaml,line=12,col=5,"
        "title=[apbdes-arithmetic] berkala.apbdes::Baris satu%0D%0Anaik 100%25, lihat: catatan\n"
    )


def test_whole_file_finding_has_no_line() -> None:
    whole = dataclasses.replace(APBDES_ERROR, line=0, col=0)
    line = render(make_report(make_village("kraton", (whole,), 95.0, "Informatif")), "id")
    assert line.startswith("::error file=villages/kraton/apbdes.yaml,title=")


@given(st.text())
def test_property_escaping_round_trips_and_hides_separators(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & {",", ":", "\r", "\n"}
    assert _unescape(escaped) == text


@given(st.text())
def test_data_escaping_round_trips_and_stays_on_one_line(text: str) -> None:
    escaped = escape_data(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert _unescape(escaped) == text
