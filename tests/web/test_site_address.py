"""The site's public address (slip.toml [situs] alamat, SLIP_SITE_URL, --site-url) and its operator.

Without an address nothing pretends to have one: no sitemap or robots.txt (sitemaps take absolute
URLs only), no canonical link, and an Atom feed that is still valid (absolute urn:uuid ids, links
relative to the feed). With one, sitemaps and feeds name clean folder URLs under it, every page
says its canonical address, and the portal's footer names who runs it and how to reach them.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitegen.build import build
from sitegen.settings import SiteSettings
from tests.conftest import DEMO_AS_OF

ADDRESS = "https://org.github.io/repo/"
OPERATOR = "Dinas Komunikasi dan Informatika Kabupaten Lumajang"
CONTACT = {"email": "kominfo@example.org", "phone": "0334 881234", "address": "Jl. Alun-alun Utara 1, Lumajang"}
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def addressed_site(demo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("addressed") / "output"
    build(demo_root, output, as_of=DEMO_AS_OF, site=SiteSettings(url=ADDRESS, operator=OPERATOR, contact=CONTACT))
    return output.resolve()


def pages(root: Path) -> list[Path]:
    return sorted(p for p in root.resolve().rglob("*.html") if "pagefind" not in p.parts)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_of(root: Path, url: str) -> Path:
    """The built file a public folder URL under ADDRESS serves."""
    assert url.startswith(ADDRESS) and url.endswith("/"), url
    return root / url.removeprefix(ADDRESS) / "index.html"


def test_without_an_address_no_sitemap_robots_or_canonical_link(demo_site):
    root = demo_site.resolve()
    assert not list(root.rglob("sitemap*.xml")) and not (root / "robots.txt").exists()
    for page in pages(root):
        assert soup(page).find("link", rel="canonical") is None, page
        assert soup(page).find("address") is None, page  # no operator or contact set


def _feed(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def test_without_an_address_the_feed_is_valid_atom_with_relative_links(demo_site):
    root = demo_site.resolve()
    path = root / "kraton" / "pengumuman" / "atom.xml"
    feed = _feed(path)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    ids = [feed.findtext(f"{ATOM}id")] + [e.findtext(f"{ATOM}id") for e in entries]
    assert all(i.startswith("urn:uuid:") for i in ids) and len(set(ids)) == len(ids)  # RFC 4287: absolute, unique
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert "://" not in href and not href.startswith("/"), href  # resolved against the feed's own address
        assert (path.parent / href / "index.html").is_file(), href
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "atom.xml"


def test_with_an_address_the_sitemaps_list_every_page_as_a_clean_absolute_url(addressed_site):
    index = ET.parse(addressed_site / "sitemap.xml").getroot()
    assert index.tag == f"{SITEMAP}sitemapindex"
    maps = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert maps[0] == ADDRESS + "sitemap-portal.xml"
    assert set(maps[1:]) == {f"{ADDRESS}{slug}/sitemap.xml" for slug in ("kraton", "sumberwuluh", "supiturang")}
    listed = set()
    for url in maps:
        urlset = ET.parse(addressed_site / url.removeprefix(ADDRESS)).getroot()
        for loc in urlset.iter(f"{SITEMAP}loc"):
            assert page_of(addressed_site, loc.text).is_file(), loc.text
            listed.add(page_of(addressed_site, loc.text))
    assert set(pages(addressed_site)) == listed  # every page, none made up: the portal's, its Markdown pages, each village's
    assert (addressed_site / "robots.txt").read_text(encoding="utf-8").splitlines()[-1] == f"Sitemap: {ADDRESS}sitemap.xml"


def test_with_an_address_the_feed_links_absolute_and_keeps_its_ids(addressed_site, demo_site):
    feed = _feed(addressed_site / "kraton" / "pengumuman" / "atom.xml")
    without = _feed(demo_site.resolve() / "kraton" / "pengumuman" / "atom.xml")
    for entry in feed.findall(f"{ATOM}entry"):
        assert page_of(addressed_site, entry.find(f"{ATOM}link").get("href")).is_file()
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == ADDRESS + "kraton/pengumuman/atom.xml"
    # an id never changes: setting (or moving) the address shows no announcement to a reader as new again
    assert [e.text for e in feed.iter(f"{ATOM}id")] == [e.text for e in without.iter(f"{ATOM}id")]


def test_with_an_address_every_page_names_its_canonical_folder_url(addressed_site):
    for page in pages(addressed_site):
        link = soup(page).find("link", rel="canonical")
        assert link is not None, page
        assert page_of(addressed_site, link["href"]) == page


def test_the_portal_footer_names_the_operator_and_contact_when_set(addressed_site):
    for name in ("index.html", "tentang-slip-desa/index.html"):
        footer = soup(addressed_site / name).find("footer")
        text = " ".join(footer.get_text(" ").split())
        assert OPERATOR in text and CONTACT["address"] in text, text
        assert footer.find("a", href="mailto:" + CONTACT["email"]) and footer.find("a", href="tel:0334881234")
        assert "PPID desa" in text  # a resident's request goes to the village, not to the portal's operator
    assert soup(addressed_site / "kraton" / "index.html").find("footer").find("address") is None


def test_a_partial_contact_shows_only_what_is_set(demo_root, tmp_path):
    output = tmp_path / "output"
    build(demo_root, output, as_of=DEMO_AS_OF, site=SiteSettings(contact={"phone": "0334 881234"}))
    footer = soup(output / "index.html").find("footer")
    text = " ".join(footer.find("address").get_text().split())
    assert text.startswith("Kontak penyelenggara portal: telepon 0334 881234.") and "diselenggarakan" not in text
