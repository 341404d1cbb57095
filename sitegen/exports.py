"""Open data next to each page: every table as CSV and JSON, the Atom feed, sitemap.xml.

Exports read the same VillageSite the pages show, so an exempt entry or an unpublished document
cannot appear in a CSV that is absent from the HTML.

A CSV is opened in spreadsheets, which run a cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return as a formula (CSV injection). As the OWASP guidance says, such a cell is written
with a leading single quote, which spreadsheets show as text. A real number stays a number: an
amount (an int or float in the data, or text that is only a plain number such as `-1500000`) is
never a formula, and a quote would turn a deficit into text nobody can sum. A carriage return in a
cell is written as a quoted line break, because a spreadsheet ends the row at a bare one. The JSON export keeps
every value raw: JSON is read by programs, not evaluated.

The pages link to each other relatively (ending in index.html, so they also open from the disk); a
sitemap and a feed name public addresses instead, as clean folder URLs (`.../kraton/apbdes/2026/`),
built from the site's address (SLIP_SITE_URL, "" when none is set):

- sitemap.xml and robots.txt: the sitemap protocol accepts only absolute URLs (and a crawler only
  reads a sitemap at an address it knows). Without an address there is none to give, so neither
  is written, rather than one full of guessed `localhost` or root-relative URLs that a sub-path
  (`https://org.github.io/repo/`) would break.
- Atom: RFC 4287 requires every atom:id to be an absolute IRI that never changes, and allows
  atom:link to be a relative reference, resolved against the feed's own address. So the ids are
  `urn:uuid:`s derived from the village's kode wilayah (nationally unique) and the announcement's
  file name, the same whatever the address, and the feed stays valid without one; and, when setting
  or moving the address, readers see no old announcement again as new. The links are absolute with
  an address, and relative to `pengumuman/atom.xml` without one (right wherever the site is served).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
from typing import Any, Iterable, Mapping, Sequence
from xml.sax.saxutils import escape

from feedgenerator import Atom1Feed

from sitegen.context import VillageSite
from sitegen.pages import village_pages
from sitegen.portal import Portal

DIP_FIELDS = ("judul", "kategori", "badan_publik", "ringkasan", "pejabat_penguasa", "penanggung_jawab", "waktu_tempat",
              "bentuk", "retensi", "diperbarui", "berkas")
APB_FIELDS = ("tahun", "tahap", "bagian", "kode", "uraian", "anggaran", "realisasi", "sumber_dana")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def cell(value: Any) -> Any:
    """A CSV cell no spreadsheet reads as a formula (OWASP CSV injection); plain numbers stay numbers."""
    if not isinstance(value, str):
        return value
    # A lone carriage return is not quoted by the csv module (the line ends in \n) and a spreadsheet
    # splits the row there, so what follows it would start a cell of its own: make it a quoted \n.
    quoted = "'" + value if value.startswith(_FORMULA) and not _NUMBER.fullmatch(value) else value
    return quoted.replace("\r\n", "\n").replace("\r", "\n")


def table(rows: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> tuple[str, str]:
    """(CSV text, JSON text) of rows restricted to fields; only the CSV's cells are neutralised."""
    clean = [{f: _plain(row.get(f)) for f in fields} for row in rows]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows({f: cell(v) for f, v in row.items()} for row in clean)
    return buffer.getvalue(), json.dumps(clean, ensure_ascii=False, indent=1) + "\n"


def _add(files: dict[str, str], stem: str, rows: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> None:
    files[stem + ".csv"], files[stem + ".json"] = table(rows, fields)


def _dip_rows(site: VillageSite) -> list[dict[str, Any]]:
    rows = []
    for row in site.dip_rows:
        item = dict(row)
        if not isinstance(item.get("berkas"), str) or item["berkas"] not in site.published:
            item["berkas"] = None
        rows.append(item)
    return rows


def _apb_rows(site: VillageSite) -> dict[int, list[dict[str, Any]]]:
    years = {}
    for year in site.apbdes:
        years[year.tahun] = [
            {"tahun": year.tahun, "tahap": version.stage, "bagian": key, "kode": line.kode, "uraian": line.uraian,
             "anggaran": line.anggaran, "realisasi": line.realisasi, "sumber_dana": line.sumber_dana}
            for version in year.versions for key, _, lines in version.sections for line in lines
        ]
    return years


class _Feed(Atom1Feed):
    as_of: dt.date

    def latest_post_date(self) -> dt.datetime:
        """The newest item's date; with no items the reference date, never the clock (same input, same bytes)."""
        if self.items:
            return super().latest_post_date()
        return dt.datetime.combine(self.as_of, dt.time(0, 0), tzinfo=dt.timezone.utc)


ID_NAMESPACE = uuid.UUID("6f1c3d52-5a4e-4d8e-9a51-1e0c2f7b9d40")  # slip-desa's, for the feeds' urn:uuid ids


def feed_id(site: VillageSite, item: str = "") -> str:
    """A permanent absolute id for a village's feed ("") or one announcement, without any address."""
    return uuid.uuid5(ID_NAMESPACE, f"{site.kode or site.slug}/pengumuman/{item}").urn


def _feed(site: VillageSite, site_url: str) -> str:
    # links resolve against the feed's address (<slug>/pengumuman/atom.xml) when there is no site address
    base = f"{site_url}{site.slug}/pengumuman/" if site_url else ""
    feed = _Feed(title=f"Pengumuman Desa {site.name}", link=base or "./", description="", language="id",
                 feed_url=base + "atom.xml", feed_guid=feed_id(site))
    feed.as_of = site.as_of
    for item in site.pengumuman:
        when = dt.datetime.combine(item.tanggal or site.as_of, dt.time(0, 0), tzinfo=dt.timezone.utc)
        feed.add_item(title=("[Serta merta] " if item.serta_merta else "") + item.judul, link=f"{base}{item.slug}/",
                      description=item.ringkasan or item.judul, pubdate=when, unique_id=feed_id(site, item.slug))
    return feed.writeString("utf-8")


def _loc(url: str) -> str:
    return escape(url)


def sitemap(urls: Iterable[str]) -> str:
    body = "".join(f"  <url><loc>{_loc(u)}</loc></url>\n" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n'


def sitemap_index(urls: Iterable[str]) -> str:
    body = "".join(f"  <sitemap><loc>{_loc(u)}</loc></sitemap>\n" for u in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f'{body}</sitemapindex>\n')


def base_url(site_url: str) -> str:
    """The site's address ending in "/", or "" when none is set."""
    return site_url.rstrip("/") + "/" if site_url else ""


def village_files(site: VillageSite, site_url: str) -> dict[str, str]:
    files: dict[str, str] = {}
    _add(files, "dip/dip", _dip_rows(site), DIP_FIELDS)
    for tahun, rows in _apb_rows(site).items():
        _add(files, f"apbdes/apbdes-{tahun}", rows, APB_FIELDS)
    _add(files, "produk-hukum/produk-hukum", site.produk_hukum, ("jenis", "nomor", "tahun", "tentang", "topik", "tanggal", "status"))
    program = site.program
    _add(files, "program/program-kegiatan", program.get("program_kegiatan") or [],
         ("nama", "kode_kegiatan", "lokasi", "penanggung_jawab", "sumber_dana", "anggaran", "realisasi", "progres_persen", "status"))
    _add(files, "program/program-masuk-desa", program.get("program_masuk_desa") or [],
         ("program", "asal", "pelaksana", "nilai", "tahun", "jumlah_penerima"))
    _add(files, "program/pengadaan", program.get("pengadaan") or [], ("paket", "nilai", "metode", "penyedia", "tanggal", "sumber_dana"))
    _add(files, "layanan/laporan-tahunan", site.layanan.get("laporan_tahunan") or [],
         ("tahun", "permohonan", "dikabulkan", "dikabulkan_sebagian", "ditolak", "keberatan", "sengketa", "rata_rata_hari_kerja"))
    site_url = base_url(site_url)
    files["pengumuman/atom.xml"] = _feed(site, site_url)
    if site_url:  # absolute URLs only; without an address there is no sitemap (see the top of this file)
        base = f"{site_url}{site.slug}/"
        files["sitemap.xml"] = sitemap(base + spec.name.removesuffix("index.html") for spec in village_pages(site))
    return files


def portal_files(portal: Portal, site_url: str, pages: Iterable[str] = ()) -> dict[str, str]:
    """The portal's data and, with an address, its sitemaps and robots.txt.

    `pages` are the output names of the portal's other pages (kabupaten pages, Markdown pages).
    sitemap.xml is an index: the portal's own pages (sitemap-portal.xml) and each built village's
    sitemap.xml, so that every page of every village is found from the one address.
    """
    files: dict[str, str] = {}
    fields = ("slug", "name", "kode", "kecamatan", "kabupaten", "score", "band", "errors", "warnings", "built")
    _add(files, "desa", [vars(e) for e in portal.entries], fields)
    site_url = base_url(site_url)
    if site_url:  # absolute URLs only; without an address there is no sitemap (see the top of this file)
        built = [e.slug for e in portal.entries if e.built]
        own = [site_url] + [site_url + name.removesuffix("index.html") for name in pages]
        files["sitemap-portal.xml"] = sitemap(own + [f"{site_url}{slug}/" for slug in built])
        files["sitemap.xml"] = sitemap_index([f"{site_url}sitemap-portal.xml"] + [f"{site_url}{slug}/sitemap.xml" for slug in built])
        # A crawler reads robots.txt only at the root of a host: under a sub-path this one is inert.
        files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {site_url}sitemap.xml\n"
    return files
