"""The built HTML, parsed: links resolve, budgets hold, figures equal the YAML, the basics of access."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from sitegen.filters import rupiah
from tests.conftest import DEMO

BUDGET = 50 * 1024  # bytes per page, HTML plus the CSS it links, before images


def pages(root: Path) -> list[Path]:
    return sorted(p for p in root.resolve().rglob("*.html") if "pagefind" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def local_target(page: Path, ref: str, root: Path) -> Path | None:
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith(("#", "mailto:", "tel:")) or not parts.path:
        return None
    target = (page.parent / unquote(parts.path)).resolve()
    return target / "index.html" if target.is_dir() or ref.endswith("/") else target


def test_every_internal_link_and_asset_resolves(demo_site):
    root = demo_site.resolve()
    broken = []
    for page in pages(demo_site):
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup(page).find_all(tag):
                ref = element.get(attr)
                target = local_target(page, ref, root) if ref else None
                if target is not None and (not target.exists() or not target.is_relative_to(root)):
                    broken.append((page.relative_to(root).as_posix(), ref))
    assert broken == []


def test_every_page_fits_the_budget_and_needs_no_javascript_to_read(demo_site):
    over = []
    for page in pages(demo_site):
        html = soup(page)
        css = sum(local_target(page, link["href"], demo_site.resolve()).stat().st_size
                  for link in html.find_all("link", rel="stylesheet") if local_target(page, link["href"], demo_site.resolve()))
        if page.stat().st_size + css > BUDGET:
            over.append((page.name, page.stat().st_size + css))
        assert html.find("main") is not None and html.find("main").get_text(strip=True), page
    assert over == []


@pytest.mark.parametrize("page", ["index.html", "kraton/index.html", "kraton/apbdes/2026/index.html", "kraton/dip/index.html"])
def test_basic_accessibility_and_security_of_each_kind_of_page(demo_site, page):
    html = soup(demo_site / page)
    assert html.html.get("lang") == "id"
    assert len(html.find_all("h1")) == 1
    assert html.find("meta", attrs={"name": "viewport"})
    csp = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp and "default-src 'self'" in csp["content"] and "unsafe-inline" not in csp["content"]
    assert not html.select("[style]") and not [s for s in html.find_all("script") if not s.get("src")]
    assert not [e for e in html.find_all(True) if any(a.startswith("on") for a in e.attrs)]


def _rows(path: Path) -> list[list[str]]:
    return [[c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])] for tr in soup(path).find_all("tr")]


def test_apbdes_tables_show_the_figures_of_the_yaml(demo_site):
    """Each line's kode, anggaran and realisasi appear together in one table row of its version's page."""
    data = yaml.safe_load((DEMO / "kraton" / "apbdes" / "2026.yaml").read_text(encoding="utf-8"))
    pages_of = {"perubahan": "kraton/apbdes/2026/index.html", "murni": "kraton/apbdes/2026/murni/index.html"}
    for stage in ("murni", "perubahan"):
        rows = _rows(demo_site / pages_of[stage])
        for section in ("pendapatan", "belanja", "belanja_jenis", "pembiayaan"):
            for line in data[stage].get(section, []):
                want = [rupiah(line["anggaran"], False)] + ([rupiah(line["realisasi"], False)] if "realisasi" in line else [])
                assert any(row and row[0] == line["kode"] and all(w in row for w in want) for row in rows), (stage, line["kode"])


def test_dip_pages_split_by_kategori_and_list_exempt_titles_only(demo_site):
    data = yaml.safe_load((DEMO / "kraton" / "dip.yaml").read_text(encoding="utf-8"))
    for kategori, folder in (("berkala", "berkala"), ("serta_merta", "serta-merta"), ("setiap_saat", "setiap-saat")):
        text = soup(demo_site / "kraton" / "dip" / folder / "index.html").get_text(" ")
        for row in data["informasi"]:
            if row["kategori"] == kategori:
                assert re.sub(r"\s+", " ", row["judul"]) in re.sub(r"\s+", " ", text)
    everything = soup(demo_site / "kraton" / "dip" / "index.html").get_text(" ")
    for row in data["informasi"]:
        if row["kategori"] == "dikecualikan":
            assert row["judul"] in everything and row["ringkasan"] not in everything
