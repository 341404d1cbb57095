"""The built site reads correctly wherever it is put: opened from the disk (file://), where no
server turns a folder into its index.html, and served under a sub-path (`https://org.github.io/repo/`).

Offline, every relative link and asset of every page must name a file that exists (a page by its
index.html); in chromium, a resident clicks portal -> village -> APB Desa -> a year from both, and
searches a village on the served copy.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
# what refers to another file: links, assets, and the folders the search script loads from
REFS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"), ("iframe", "src"),
        ("form", "action"), ("div", "data-bundle"), ("div", "data-index"))


def unresolvable(root: Path) -> list[tuple[str, str, str]]:
    """(page, reference, why) for every reference of a built page that would not open from the disk."""
    root = root.resolve()
    bad = []
    for page in sorted(root.rglob("*.html")):
        if "pagefind" in page.relative_to(root).parts:
            continue
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in REFS:
            for element in html.find_all(tag):
                ref = element.get(attr)
                if ref is None:
                    continue
                parts = urlsplit(ref)
                if parts.scheme in ("http", "https", "mailto", "tel", "data") or (not parts.path and ref.startswith("#")):
                    continue  # outside links, and anchors within the page
                name = page.relative_to(root).as_posix()
                if parts.scheme or parts.netloc or ref.startswith("/") or not parts.path:
                    bad.append((name, ref, "not relative"))
                    continue
                target = (page.parent / unquote(parts.path)).resolve()
                if attr.startswith("data-"):  # a folder by design; what the script loads from it must exist
                    need = target / ("pagefind.js" if attr == "data-bundle" else "pagefind-entry.json")
                    why = "" if need.is_file() else f"no {need.name}"
                elif not target.is_relative_to(root):
                    why = "outside the site"
                elif target.is_dir() or parts.path.endswith("/"):
                    why = "a folder: only a web server opens its index.html"
                elif not target.is_file():
                    why = "missing"
                else:
                    why = ""
                if why:
                    bad.append((name, ref, why))
    return bad


def test_every_relative_reference_of_every_page_names_an_existing_file(demo_site):
    bad = unresolvable(demo_site)
    assert bad == [], bad[:20]
    pages = [p for p in demo_site.resolve().rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 60  # three villages and the portal, not an empty folder


def test_the_link_check_fails_on_a_folder_link_a_missing_file_and_a_root_relative_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="a/">folder</a> <a href="a">bare folder</a> <a href="a/index.html">ok</a> '
                                         '<a href="b.csv">missing</a> <a href="/a/index.html">root</a> <a href="#top">anchor</a> '
                                         '<a href="https://example.org/x/">outside</a> <link href="../x.css" rel="stylesheet">',
                                         encoding="utf-8")
    assert [(ref, why.split(":")[0]) for _, ref, why in unresolvable(tmp_path)] == [
        ("a/", "a folder"), ("a", "a folder"), ("b.csv", "missing"), ("/a/index.html", "not relative"), ("../x.css", "outside the site")]


# ---- in chromium ----

def _browser_available() -> bool:
    if Path(CHROMIUM).exists():
        return True
    if os.environ.get("SLIP_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required (SLIP_REQUIRE_BROWSER is set) but not installed")
    return False


needs_browser = pytest.mark.skipif(not _browser_available(), reason="Debian's chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.errors = errors  # type: ignore[attr-defined]
    yield tab
    context.close()


@pytest.fixture(scope="module")
def sub_path(demo_site, tmp_path_factory):
    """The built site at http://127.0.0.1:PORT/repo/: a server of the folder holding it, as GitHub Pages
    serves a project's site under the repository's name."""
    parent = tmp_path_factory.mktemp("pages")
    (parent / "repo").symlink_to(demo_site.resolve(), target_is_directory=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(parent))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/repo/"
    httpd.shutdown()
    httpd.server_close()


def assert_site_page(tab) -> None:
    """The page is one of the site's, styled: not a server's or the browser's file listing."""
    title = tab.title()
    assert not re.match(r"(Directory listing for|Index of)\b", title), (tab.url, title)
    assert tab.locator("main#isi").count() == 1, tab.url
    # the stylesheet loaded (from the theme folder, relative to the page): the header is the theme's dark blue
    assert tab.evaluate("getComputedStyle(document.querySelector('header.top')).backgroundColor") == "rgb(11, 61, 92)", tab.url


def click_through(tab, start: str, prefix: str) -> None:
    """portal -> Desa Kraton -> APB Desa -> APB Desa 2026, each step a click on a link."""
    tab.goto(start)
    assert_site_page(tab)
    steps = [(tab.get_by_role("link", name="Desa Kraton"), r"kraton/index\.html$"),
             (tab.get_by_role("navigation", name="Menu utama").get_by_role("link", name="APB Desa"), r"kraton/apbdes/index\.html$"),
             (tab.get_by_role("link", name="APB Desa 2026"), r"kraton/apbdes/2026/index\.html$")]
    for link, where in steps:
        link.first.click()
        tab.wait_for_url(re.compile(re.escape(prefix) + where))
        assert_site_page(tab)
    assert tab.get_by_role("heading", name=re.compile("APB Desa Kraton Tahun 2026")).is_visible()
    assert tab.locator("svg.chart").count() >= 1 and tab.locator("svg.chart").first.bounding_box()["width"] > 200


@needs_browser
def test_served_under_a_sub_path_links_and_search_work(sub_path, page):
    click_through(page, sub_path, sub_path)
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Cari").click()
    page.wait_for_url(re.compile(re.escape(sub_path) + r"kraton/cari/index\.html$"))
    assert page.locator("#cari-berkas").is_hidden()  # the note for file:// is not shown when served
    page.get_by_role("searchbox").fill("anggaran")
    results = page.locator("#hasil a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs and all(h.startswith(sub_path + "kraton/") for h in hrefs), hrefs
    assert any(h.startswith(sub_path + "kraton/apbdes/") for h in hrefs), hrefs
    results.first.click()
    page.wait_for_url(re.compile(re.escape(sub_path) + "kraton/"))
    assert_site_page(page)
    assert page.errors == []


@needs_browser
def test_opened_from_the_disk_every_click_opens_a_styled_page_and_search_says_why_not(demo_site, page):
    start = (demo_site / "index.html").as_uri()  # output/index.html, as a resident double-clicks it
    prefix = start.removesuffix("index.html")
    click_through(page, start, prefix)
    page.get_by_role("link", name=re.compile("Poster APB Desa 2026")).click()
    page.wait_for_url(re.compile(re.escape(prefix) + r"kraton/apbdes/2026/poster/index\.html$"))
    assert_site_page(page)
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Cari").click()
    page.wait_for_url(re.compile(re.escape(prefix) + r"kraton/cari/index\.html$"))
    note = page.locator("#cari-berkas")
    assert note.is_visible() and page.locator("#cari-desa").is_hidden()  # no search box that cannot work
    assert "file://" in note.inner_text() and "server web" in note.inner_text()
    page.get_by_role("link", name="Daftar Informasi Publik").first.click()  # the list below still leads on
    page.wait_for_url(re.compile(re.escape(prefix) + r"kraton/dip/index\.html$"))
    assert_site_page(page)
    page.get_by_role("link", name=re.compile(r"Portal desa Kabupaten")).click()
    page.wait_for_url(re.compile(re.escape(prefix) + r"index\.html$"))
    assert_site_page(page)
    assert page.errors == []
