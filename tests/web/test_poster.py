"""The APB Desa poster, printed on A3 and pinned to the village's papan pengumuman.

With a site address it prints the address of the year's page and a QR code of it (inline SVG, drawn
at build time); without one it prints neither. In chromium, each poster prints on one A3 sheet with
the QR at least 3 cm wide and the address large enough to read.
"""
from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
import segno
from bs4 import BeautifulSoup

from sitegen.build import build
from sitegen.settings import SiteSettings
from tests.conftest import DEMO_AS_OF

ADDRESS = "https://desa.example.go.id/"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
A3_POINTS = (841.89, 1190.55)


@pytest.fixture(scope="module")
def addressed_site(demo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("poster") / "output"
    build(demo_root, output, as_of=DEMO_AS_OF, site=SiteSettings(url=ADDRESS))
    return output.resolve()


def posters(root: Path) -> list[Path]:
    found = sorted(root.glob("*/apbdes/*/poster/index.html"))
    assert len(found) == 5  # kraton 2025, 2026; sumberwuluh 2025, 2026; supiturang 2025
    return found


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def modules(svg) -> list[list[bool]]:
    """The dark modules of a QR drawn as segno draws it: horizontal strokes of one unit, in a viewBox of units."""
    size = int(svg["viewbox"].split()[2])
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    (path,) = [p for p in svg.find_all("path") if p.get("stroke")]
    for op, a, b in re.findall(r"([MmHh])(-?[\d.]+)(?:\s(-?[\d.]+))?", path["d"]):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:  # h: a stroke from x, on row y - 0.5
            for column in range(int(x), int(x + float(a))):
                grid[int(y)][column] = True
            x += float(a)
    return grid


def segno_grid(url: str, error: str) -> list[list[bool]]:
    code = segno.make(url, error=error, boost_error=False, micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=4)]


def test_the_poster_prints_the_year_page_address_and_a_qr_code_of_it(addressed_site):
    for poster in posters(addressed_site):
        slug, _, year = poster.relative_to(addressed_site).parts[:3]
        url = f"{ADDRESS}{slug}/apbdes/{year}/"
        assert (addressed_site / slug / "apbdes" / year / "index.html").is_file()  # the address leads to a page
        html = soup(poster)
        article = html.find("article", class_="poster")
        assert article.find(class_="url").get_text(strip=True) == url.removeprefix("https://")
        (svg,) = article.find_all("svg", class_="qr")
        assert svg.get("role") == "img" and url in svg.get("aria-label")
        assert not html.select("[style]") and not [s for s in html.find_all("script") if not s.get("src")]  # the CSP holds
        drawn = modules(svg)
        # the symbol is segno's encoding of exactly this URL, at error correction M or better (a smudged print still scans)
        levels = [e for e in "LMQH" if segno_grid(url, e) == drawn]
        assert levels and levels[0] in "MQH", (poster, levels)
        assert segno_grid(url + "x", levels[0]) != drawn


def test_without_an_address_the_poster_prints_no_address_and_no_qr_code(demo_site):
    for poster in posters(demo_site.resolve()):
        article = soup(poster).find("article", class_="poster")
        assert article.find("svg", class_="qr") is None and article.find(class_="url") is None
        text = article.get_text(" ")
        assert "apbdes/" not in text and "http" not in text and "localhost" not in text and "QR" not in text


def _browser_available() -> bool:
    if Path(CHROMIUM).exists():
        return True
    if os.environ.get("SLIP_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required (SLIP_REQUIRE_BROWSER is set) but not installed")
    return False


@pytest.mark.skipif(not _browser_available(), reason="Debian's chromium is not installed (apt-get install chromium)")
def test_each_poster_prints_on_one_a3_sheet_with_a_qr_code_of_at_least_3_cm(addressed_site, demo_site):
    sync_api = pytest.importorskip("playwright.sync_api")
    pypdf = pytest.importorskip("pypdf")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        for poster in posters(addressed_site) + posters(demo_site.resolve()):
            page.goto(poster.as_uri())
            pdf = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
            assert len(pdf.pages) == 1, poster
            box = pdf.pages[0].mediabox
            assert (float(box.width), float(box.height)) == pytest.approx(A3_POINTS, abs=1), poster
        page.emulate_media(media="print")  # after the PDFs: an emulated medium would also apply to them
        for poster in posters(addressed_site):
            page.goto(poster.as_uri())
            mm = page.locator("svg.qr").bounding_box()["width"] * 25.4 / 96  # CSS px are 1/96 inch on paper
            assert mm >= 40, (poster, mm)  # with its quiet zone; the symbol itself is about 4/5 of it
            points = float(page.eval_on_selector(".poster .url", "e => parseFloat(getComputedStyle(e).fontSize)")) * 72 / 96
            assert points >= 14, (poster, points)
        browser.close()
