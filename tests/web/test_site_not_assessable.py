"""A village without a readable dip.yaml is built but scored nowhere: "Belum dapat dinilai" on its
Kepatuhan page, its front page and the portal, which counts it apart from the bands; a village with
an unreadable file is skipped and listed the same way."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from checker.cli.main import main
from tests.conftest import copy_demo


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_villages_that_cannot_be_scored_show_no_band_on_the_site(tmp_path, capsys):
    root = copy_demo(tmp_path / "villages")
    (root / "supiturang" / "dip.yaml").unlink()
    program = root / "sumberwuluh" / "program.yaml"
    program.write_text(program.read_text(encoding="utf-8") + "lain: [\n", encoding="utf-8")
    output = tmp_path / "output"
    assert main(["build", str(root), "--as-of", "2026-11-28", "--output", str(output), "--jobs", "1"]) == 2
    assert "Traceback" not in "".join(capsys.readouterr())
    site = output.resolve()
    kepatuhan = _soup(site / "supiturang" / "kepatuhan" / "index.html")
    assert kepatuhan.select_one(".score") is None  # no "NN dari 100"
    assert kepatuhan.select_one(".band").get_text() == "Belum dapat dinilai"
    assert "dip.yaml tidak ada, kosong atau tidak terbaca" in kepatuhan.get_text()
    assert {td.get_text() for td in kepatuhan.select(".kq td.n")} == {"-"}  # no points per question either
    assert _soup(site / "supiturang" / "index.html").select_one("a.band").get_text() == "Belum dapat dinilai"
    kraton = _soup(site / "kraton" / "kepatuhan" / "index.html")
    assert kraton.select_one(".score").get_text().startswith("100,0")
    entries = {}
    for page in [site / "index.html", *site.glob("kabupaten/*/index.html")]:
        for item in _soup(page).select("ul.desa li"):
            if item.select_one(".band") is not None:
                entries[item.get_text(" ", strip=True).split(" ")[1]] = item.select_one(".band").get_text()
    assert entries["Supiturang"] == entries["Sumberwuluh"] == "Belum dapat dinilai"
    assert entries["Kraton"].startswith("Informatif")
    rows = {tr.th.get_text(strip=True): tr.td.get_text(strip=True) for tr in _soup(site / "index.html").select("tbody tr")
            if tr.th is not None and tr.td is not None}
    assert rows["Belum dapat dinilai"] == "2" and rows["Informatif"] == "1"
