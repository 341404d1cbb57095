"""Charts are valid SVG with a title and a description, values in text, anggaran beside realisasi."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from sitegen.charts import bars, paired_bars, share_bar, short_rupiah

SVG = "{http://www.w3.org/2000/svg}"


def test_short_rupiah_speaks_indonesian():
    assert [short_rupiah(v) for v in (1_250_000_000, 7_500_000, 950_000, 500)] == ["Rp 1,25 M", "Rp 7,5 jt", "Rp 950 rb", "Rp 500"]


def test_paired_bars_draw_anggaran_and_realisasi_side_by_side_never_summed():
    svg = ET.fromstring(str(paired_bars([("Pembangunan", 1_000_000_000, 600_000_000), ("Bencana", 100_000_000, None)], "Belanja")))
    rects = svg.findall(f"{SVG}rect")
    kinds = [r.get("class") for r in rects]
    assert kinds == ["bar-anggaran", "bar-realisasi", "bar-anggaran", "bar-anggaran", "bar-realisasi"]  # last two: legend
    assert all(r.get("x") == "0" for r in rects[:3])  # each bar starts at zero: realisasi is not stacked on anggaran
    assert float(rects[1].get("width")) == 0.6 * float(rects[0].get("width"))
    assert svg.find(f"{SVG}title").text == "Belanja" and "realisasi Rp 600 jt" in svg.find(f"{SVG}desc").text


def test_two_charts_on_one_page_do_not_share_ids():
    a = ET.fromstring(str(bars([("DDS", 5)], "Sumber dana")))
    b = ET.fromstring(str(share_bar([("Bidang 1", 3), ("Bidang 2", 1)], "Porsi")))
    ids = [e.get("id") for svg in (a, b) for e in svg.iter() if e.get("id")]
    assert len(ids) == 4 and len(set(ids)) == 4


def test_share_bar_gives_percentages_that_add_up():
    svg = ET.fromstring(str(share_bar([("A", 3), ("B", 1)], "Porsi")))
    texts = "".join(svg.itertext())
    assert "75,0%" in texts and "25,0%" in texts


def test_long_names_wrap_instead_of_running_off():
    svg = ET.fromstring(str(bars([("Penanggulangan Bencana, Keadaan Darurat dan Mendesak Desa", 5)], "x")))
    assert len(svg.findall(f".//{SVG}tspan")) == 2


def test_nothing_to_draw_gives_nothing():
    assert str(bars([], "x")) == "" and str(share_bar([("A", 0)], "x")) == "" and str(paired_bars([], "x")) == ""
