"""Pure Jinja filters: rupiah, Indonesian dates, safe Markdown, public addresses and their QR codes,
and the NIK guard on all output.

Templates receive clean data and show it; these filters are the last line of defence: every value
a template prints passes `finalize`, which masks anything shaped like a NIK or KK number, so a
resident's number never reaches a page even if a village file carries one.
"""
from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import markdown as markdown_lib
import nh3
import segno
from markupsafe import Markup, escape

from checker.domain import dates, nik
from checker.domain.rupiah import written as rupiah_text

# Markdown may format text, link and show images; nothing that runs or embeds another site.
ALLOWED_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i", "img", "li",
                "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"}, "abbr": {"title"},
                      "td": {"align"}, "th": {"align"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def mask_nik(text: str) -> str:
    """Replace every NIK/KK-shaped number, however it is written, by its masked form (350807******0003)."""
    return nik.mask(text)


def finalize(value: Any) -> Any:
    """Jinja `finalize`: runs on every printed expression."""
    if isinstance(value, Markup):
        return Markup(mask_nik(str(value)))
    if isinstance(value, str):
        return mask_nik(value)
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) == 16:
        return mask_nik(str(value))
    return value


def rupiah(value: Any, prefix: bool = True) -> str:
    """1250000 -> 'Rp 1.250.000' (negative as '-Rp 1.250.000')."""
    if not isinstance(value, int) or isinstance(value, bool):
        return "-"
    return rupiah_text(value, prefix=prefix)


def tanggal(value: Any) -> str:
    """2026-11-28 -> '28 November 2026'."""
    if isinstance(value, dt.date):
        return dates.written(value)
    return "" if value is None else str(value)


def persen(part: Any, whole: Any) -> str:
    if not isinstance(part, int) or not isinstance(whole, int) or whole <= 0:
        return "-"
    return f"{100 * part / whole:.1f}%".replace(".", ",")


def page_link(ref: str) -> str:
    """A relative link to a folder gets its `index.html`: `../apbdes/2026/` -> `../apbdes/2026/index.html`.

    Only a web server turns a folder into its index.html; a site opened from the disk (file://) or
    copied to a USB stick would show a file listing. Absolute and root-relative links are left alone.
    """
    parts = urlsplit(ref)
    path = parts.path
    if path in (".", "..") or path.endswith(("/.", "/..")):
        path += "/"
    if parts.scheme or parts.netloc or ref.startswith("/") or not path.endswith("/"):
        return ref
    return urlunsplit(parts._replace(path=path + "index.html"))


def _link_filter(element: str, attribute: str, value: str) -> str:
    return page_link(value) if element == "a" and attribute == "href" else value


def markdown(text: Any) -> Markup:
    """Markdown to HTML, sanitised by nh3: no script, event handler, iframe or javascript:/data: link.

    Relative links to a folder end in index.html, like the theme's own (see page_link).
    """
    html = markdown_lib.markdown(str(text or ""), extensions=["tables", "sane_lists"], output_format="html")
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                      link_rel="noopener noreferrer", attribute_filter=_link_filter)
    return Markup(mask_nik(clean))


def public_url(site_url: Any, path: str = "") -> str:
    """The public address of `path` (a page's output name or folder) under the site's address, as a
    clean folder URL: ("https://x.go.id/", "kraton/apbdes/2026/index.html") -> "https://x.go.id/kraton/apbdes/2026/".

    "" when no address is set: the site then never prints an address it does not have.
    """
    if not isinstance(site_url, str) or not site_url:
        return ""
    path = path.removesuffix("index.html")
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def shown_url(url: Any) -> str:
    """An address as people read and type it: without "https://" (browsers add it), http:// kept."""
    return url.removeprefix("https://") if isinstance(url, str) else ""


def qr(url: Any) -> Markup:
    """A QR code of `url` as inline SVG (no script, no style attribute: the CSP allows it), or nothing.

    Drawn at build time with segno: one path of unit modules in a viewBox, so CSS sizes it to any
    print size; a white quiet zone of 4 modules, as the standard asks, is part of the drawing.
    """
    if not isinstance(url, str) or not url:
        return Markup("")
    code = segno.make(url, error="m", micro=False)  # segno raises the level when the size allows
    svg = code.svg_inline(scale=1, border=4, dark="#000", light="#fff", svgclass="qr", lineclass=None, omitsize=True)
    label = escape(f"Kode QR alamat {url}")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def label(value: Any) -> str:
    """snake_case codes as words: 'softcopy_dan_hardcopy' -> 'softcopy dan hardcopy'."""
    return str(value or "").replace("_", " ")


FILTERS = {"rupiah": rupiah, "tanggal": tanggal, "persen": persen, "markdown": markdown, "label": label,
           "public_url": public_url, "shown_url": shown_url, "qr": qr}
