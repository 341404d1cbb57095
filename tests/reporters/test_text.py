"""text: header with indicative score, findings grouped by file with hints, summary, final count."""

from __future__ import annotations

import dataclasses

from reportkit import make_report

from checker.reporters.text import render
from checker.scoring import COVERAGE


def test_village_header_and_findings_by_file(one) -> None:
    lines = render(one, "id").splitlines()
    assert lines[:8] == [
        "Kraton (35.08.05.2001) — skor 87.5/100, Menuju Informatif (indikatif)",
        "villages/kraton/apbdes.yaml",
        "  12:5  galat  Jumlah belanja 120.000 tidak sama dengan rinciannya 100.000.  "
        "[apbdes-arithmetic] (Perki 1/2018 Pasal 11 ayat (1) huruf c)",
        "        → Saran: Periksa rincian belanja bidang 2.",
        "villages/kraton/dip.yaml",
        "  4:7  fatal  Berkas bukan YAML yang sah: tanda ':' tidak diharapkan.  [input-file]",
        "villages/kraton/profil.yaml",
        "  3:1  peringatan  Visi dan misi dianjurkan diumumkan.  [completeness] "
        "(Perki 1/2018 Pasal 11 ayat (1) huruf a)",
    ]


def test_english_words(one) -> None:
    out = render(one, "en")
    assert out.startswith(
        "Kraton (35.08.05.2001) — score 87.5/100, Menuju Informatif (indicative)\n"
    )
    assert "  12:5  error  Total spending 120,000" in out
    assert "  3:1  warning  Vision and mission are recommended." in out
    assert "→ Fix: Add a visi_misi key." in out
    for word in ("galat", "peringatan", "Saran", "indikatif", "desa"):
        assert word not in out


def test_one_village_has_no_kabupaten_summary(one) -> None:
    out = render(one, "id")
    assert "Ringkasan kabupaten" not in out
    assert out.splitlines()[-1] == "1 desa diperiksa: 1 fatal, 1 galat, 1 peringatan."


def test_summary_for_several_villages(two) -> None:
    out = render(two, "id")
    assert (
        "Sukamaju (35.08.05.2001) — skor 100.0/100, Informatif (indikatif)\n  Tidak ada temuan.\n"
        in out
    )
    summary = out.split("Ringkasan kabupaten", 1)[1].splitlines()
    assert summary == [
        " (2 desa, indikatif)",
        "  Informatif: 1",
        "  Menuju Informatif: 1",
        "  Cukup Informatif: 0",
        "  Kurang Informatif: 0",
        "  Tidak Informatif: 0",
        "  Masukan tidak terbaca: 1",
        "Kekurangan terbanyak:",
        "  berkala.apbdes            1 desa",
        "  berkala.profil.visi_misi  1 desa",
        "",
        COVERAGE["id"],
        "",
        "2 desa diperiksa: 1 fatal, 1 galat, 1 peringatan.",
    ]


def test_the_score_says_it_covers_the_questionnaire_half_only(two, one) -> None:
    assert "\n\n" + COVERAGE["en"] + "\n\n" in render(two, "en")
    assert "visitasi" in COVERAGE["id"] and "visitation" in COVERAGE["en"]


def test_english_count_line_uses_plurals(two, sukamaju) -> None:
    assert render(two, "en").splitlines()[-1] == "2 villages checked: 1 fatal, 1 error, 1 warning."
    clean = make_report(sukamaju)
    assert (
        render(clean, "en").splitlines()[-1] == "1 village checked: 0 fatal, 0 errors, 0 warnings."
    )


def test_village_without_kode_has_no_empty_parentheses(sukamaju) -> None:
    nameless = dataclasses.replace(sukamaju, result=dataclasses.replace(sukamaju.result, kode=""))
    assert render(make_report(nameless), "id").startswith("Sukamaju — skor 100.0/100, Informatif")
