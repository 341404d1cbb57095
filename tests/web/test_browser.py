"""What residents see, in a real headless browser (Debian's chromium driven by Playwright).

On a phone-sized screen a resident finds their village from the portal, reaches its APB Desa and
how to ask for information within three taps; no page logs a console error; axe-core finds no
serious or critical accessibility violation. Screenshots go to test-artifacts/screenshots/.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 740}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

if not Path(CHROMIUM).exists():
    if os.environ.get("SLIP_REQUIRE_BROWSER"):
        raise RuntimeError("chromium is required (SLIP_REQUIRE_BROWSER is set) but not installed")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it", allow_module_level=True)

playwright = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")


@pytest.fixture(scope="module")
def server(demo_site):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(demo_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def tap(page, link, url_pattern: str) -> None:
    """Tap a link and wait until the browser has arrived where it leads."""
    link.tap()
    page.wait_for_url(re.compile(url_pattern))


def test_resident_finds_village_apbdes_and_how_to_ask_in_three_taps(server, phone):
    phone.goto(server + "/")
    shot(phone, "01-portal")
    search = phone.get_by_role("searchbox")
    if search.count():  # progressive enhancement: typing narrows the list
        search.first.fill("krat")
        assert phone.get_by_role("link", name=re.compile("Kraton")).first.is_visible()
    tap(phone, phone.get_by_role("link", name=re.compile(r"\bKraton\b")).first, r"/kraton/(index\.html)?$")  # tap 1
    shot(phone, "02-beranda-kraton")
    beranda = phone.url
    tap(phone, phone.get_by_role("link", name=re.compile("APB Desa")).first, r"/kraton/apbdes/")  # tap 2
    if not re.search(r"/apbdes/\d{4}/(index\.html)?$", phone.url):
        tap(phone, phone.get_by_role("link", name=re.compile("2026")).first, r"/apbdes/2026/")  # tap 3: the year
    assert phone.get_by_text(re.compile("Dana Desa")).first.is_visible()
    shot(phone, "03-apbdes-kraton")
    phone.goto(beranda)  # how to ask is one tap from the village's first page
    tap(phone, phone.get_by_role("link", name=re.compile("(meminta|permohonan) informasi", re.I)).first, r"/kraton/ppid/")
    assert phone.get_by_text(re.compile("10 hari kerja")).first.is_visible()
    shot(phone, "04-ppid-kraton")
    assert phone.errors == []


def test_village_search_finds_its_own_pages_only(server, phone):
    """Each village has its own Pagefind index; results open pages of that village."""
    phone.goto(server + "/kraton/cari/")
    phone.get_by_role("searchbox").fill("anggaran")
    results = phone.locator("#hasil a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs and all(h.startswith(server + "/kraton/") for h in hrefs), hrefs
    assert any("/kraton/apbdes/" in h for h in hrefs)
    shot(phone, "05-cari-kraton")
    tap(phone, results.first, r"/kraton/")
    assert phone.errors == []


PAGES = ["/", "/kraton/", "/kraton/apbdes/2026/", "/kraton/dip/", "/kraton/ppid/", "/kraton/ppid/formulir-permohonan/",
         "/kraton/kepatuhan/", "/kraton/profil/", "/supiturang/", "/tentang-slip-desa/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_console_error_and_no_serious_accessibility_violation(server, phone, path):
    phone.goto(server + path)
    results = axe_module.Axe().run(phone)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
    assert phone.errors == []
    shot(phone, "axe-" + (path.strip("/").replace("/", "-") or "portal"))
