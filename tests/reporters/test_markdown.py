"""markdown: village table, band summary, top gaps, <details> per village; cells escaped."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st
from reportkit import APBDES_ERROR, make_report, make_village

from checker.reporters.markdown import cell, code, render


def _rows(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("|")]


def test_village_table(two) -> None:
    lines = render(two, "id").splitlines()
    start = lines.index("| Desa | Kode | Skor | Kategori | Galat | Peringatan | Fatal |")
    assert lines[start + 2 : start + 4] == [
        "| Kraton | `35.08.05.2001` | 87.5 | Menuju Informatif | 1 | 1 | 1 |",
        "| Sukamaju | `35.08.05.2001` | 100.0 | Informatif | 0 | 0 | 0 |",
    ]
    assert lines[0] == "## Hasil pemeriksaan SLIP Desa"
    assert "*indikatif*" in lines[2]


def test_summary_and_details(two) -> None:
    out = render(two, "id")
    assert "### Desa per kategori" in out and "| Menuju Informatif | 1 |" in out
    assert "### Kekurangan terbanyak" in out and "| `berkala.apbdes` | 1 |" in out
    # Only the village with findings gets a collapsible list.
    assert out.count("<details>") == out.count("</details>") == 1
    assert "<summary>Kraton (35.08.05.2001): 3 temuan</summary>" in out
    assert (
        "| `villages/kraton/apbdes.yaml:12` | galat | `apbdes-arithmetic` | "
        "Jumlah belanja 120.000 tidak sama dengan rinciannya 100.000. | "
        "Perki 1/2018 Pasal 11 ayat (1) huruf c |"
    ) in out


def test_english_headings(two) -> None:
    out = render(two, "en")
    assert out.startswith("## SLIP Desa check results\n")
    assert "| Village | Code | Score | Band | Error | Warning | Fatal |" in out
    assert "### Villages per band" in out and "### Most common gaps" in out
    assert "<summary>Kraton (35.08.05.2001): 3 findings</summary>" in out
    assert "Desa per kategori" not in out and "temuan" not in out


def test_pipe_and_html_in_a_message_stay_in_their_cell() -> None:
    odd = dataclasses.replace(
        APBDES_ERROR, file="a|b.yaml", message_id="Kolom a | b <script>x</script>\nlagi"
    )
    out = render(make_report(make_village("kraton", (odd,), 95.0, "Informatif")), "id")
    row = next(line for line in _rows(out) if "a\\|b.yaml" in line)
    assert row == (
        "| `villages/kraton/a\\|b.yaml:12` | galat | `apbdes-arithmetic` | "
        "Kolom a \\| b &lt;script&gt;x&lt;/script&gt; lagi | "
        "Perki 1/2018 Pasal 11 ayat (1) huruf c |"
    )
    head = _rows(out)[_rows(out).index(row) - 2]
    assert _separators(row) == _separators(head) == 6


def _separators(row: str) -> int:
    """Cell separators as GFM's table scanner sees them: a backslash escapes the next character."""
    count, chars = 0, iter(row)
    for char in chars:
        if char == "\\":
            next(chars, None)
        elif char == "|":
            count += 1
    return count


@given(st.text())
def test_a_cell_never_splits_or_breaks_a_row(text: str) -> None:
    escaped = cell(text)
    assert _separators(escaped) == 0
    assert "\n" not in escaped and "\r" not in escaped and "<" not in escaped


def test_backslash_before_a_pipe_is_escaped_too() -> None:
    assert cell("C:\\|x") == "C:\\\\\\|x"
    assert code("a|b") == "`a\\|b`"
    assert _separators(code("dir\\|x.yaml")) == 0


def test_missing_kode_is_an_empty_cell(sukamaju) -> None:
    nameless = dataclasses.replace(sukamaju, result=dataclasses.replace(sukamaju.result, kode=""))
    assert "| Sukamaju |  | 100.0 | Informatif | 0 | 0 | 0 |" in render(make_report(nameless), "id")
