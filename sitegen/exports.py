"""Open data next to each page: every table as CSV and JSON, the Atom feed, sitemap.xml.

Exports read the same VillageSite the pages show, so an exempt entry or an unpublished document
cannot appear in a CSV that is absent from the HTML.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any, Iterable, Mapping, Sequence

from feedgenerator import Atom1Feed

from sitegen.context import VillageSite
from sitegen.pages import village_pages
from sitegen.portal import Portal

DIP_FIELDS = ("judul", "kategori", "badan_publik", "ringkasan", "pejabat_penguasa", "penanggung_jawab", "waktu_tempat",
              "bentuk", "retensi", "diperbarui", "berkas")
APB_FIELDS = ("tahun", "tahap", "bagian", "kode", "uraian", "anggaran", "realisasi", "sumber_dana")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def table(rows: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> tuple[str, str]:
    """(CSV text, JSON text) of rows restricted to fields."""
    clean = [{f: _plain(row.get(f)) for f in fields} for row in rows]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    writer.writerows(clean)
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


def _feed(site: VillageSite, site_url: str) -> str:
    base = f"{site_url.rstrip('/')}/{site.slug}/"
    feed = _Feed(title=f"Pengumuman Desa {site.name}", link=base + "pengumuman/", description="", language="id",
                     feed_url=base + "pengumuman/atom.xml")
    feed.as_of = site.as_of
    for item in site.pengumuman:
        when = dt.datetime.combine(item.tanggal or site.as_of, dt.time(0, 0), tzinfo=dt.timezone.utc)
        feed.add_item(title=("[Serta merta] " if item.serta_merta else "") + item.judul, link=f"{base}pengumuman/{item.slug}/",
                      description=item.ringkasan or item.judul, pubdate=when, unique_id=f"{base}pengumuman/{item.slug}/")
    return feed.writeString("utf-8")


def sitemap(urls: Iterable[str]) -> str:
    body = "".join(f"  <url><loc>{u}</loc></url>\n" for u in urls)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n'


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
    files["pengumuman/atom.xml"] = _feed(site, site_url)
    base = f"{site_url.rstrip('/')}/{site.slug}/"
    files["sitemap.xml"] = sitemap(base + spec.name.removesuffix("index.html") for spec in village_pages(site))
    return files


def portal_files(portal: Portal, site_url: str) -> dict[str, str]:
    files: dict[str, str] = {}
    fields = ("slug", "name", "kode", "kecamatan", "kabupaten", "score", "band", "errors", "warnings", "built")
    _add(files, "desa", [vars(e) for e in portal.entries], fields)
    base = site_url.rstrip("/") + "/"
    files["sitemap.xml"] = sitemap([base] + [f"{base}{e.slug}/" for e in portal.entries if e.built])
    return files
