"""Which pages a village site and the portal have: output name, template, and page extras."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from sitegen.context import DIP_CATEGORIES, VillageSite
from sitegen.portal import Portal


@dataclass(frozen=True)
class PageSpec:
    name: str  # output file, relative to the site root
    template: str
    page_id: str  # which navigation item is current
    extra: Mapping[str, Any] = field(default_factory=dict)


def village_pages(site: VillageSite) -> list[PageSpec]:
    specs = [
        PageSpec("index.html", "beranda", "beranda"),
        PageSpec("profil/index.html", "profil", "profil"),
        PageSpec("ppid/index.html", "ppid", "ppid"),
        PageSpec("ppid/formulir-permohonan/index.html", "formulir", "ppid", {"jenis": "permohonan"}),
        PageSpec("ppid/formulir-keberatan/index.html", "formulir", "ppid", {"jenis": "keberatan"}),
        PageSpec("dip/index.html", "dip", "dip", {"kategori": None}),
        PageSpec("apbdes/index.html", "apbdes_index", "apbdes"),
        PageSpec("produk-hukum/index.html", "produk_hukum", "produk-hukum"),
        PageSpec("program/index.html", "program", "program"),
        PageSpec("laporan/index.html", "laporan", "laporan"),
        PageSpec("layanan/index.html", "layanan", "layanan"),
        PageSpec("pengumuman/index.html", "pengumuman_index", "pengumuman"),
        PageSpec("kepatuhan/index.html", "kepatuhan", "kepatuhan"),
        PageSpec("cari/index.html", "cari", "cari"),
    ]
    specs += [PageSpec(f"dip/{k.replace('_', '-')}/index.html", "dip", "dip", {"kategori": k}) for k in DIP_CATEGORIES]
    for year in site.apbdes:
        # The budget in force gets the year's page; an amended year's original (murni) its own page,
        # so that neither outgrows the page budget and the two are never mixed.
        specs.append(PageSpec(f"apbdes/{year.tahun}/index.html", "apbdes", "apbdes",
                              {"year": year, "shown": (year.latest,), "murni_page": False}))
        if len(year.versions) > 1:
            specs.append(PageSpec(f"apbdes/{year.tahun}/murni/index.html", "apbdes", "apbdes",
                                  {"year": year, "shown": year.versions[:1], "murni_page": True}))
        specs.append(PageSpec(f"apbdes/{year.tahun}/poster/index.html", "poster", "apbdes", {"year": year}))
    specs += [PageSpec(f"pengumuman/{a.slug}/index.html", "pengumuman", "pengumuman", {"item": a}) for a in site.pengumuman]
    specs += [PageSpec(f"halaman/{p.slug}/index.html", "halaman", "halaman", {"item": p}) for p in site.halaman]
    return specs


def portal_pages(portal: Portal) -> list[PageSpec]:
    """The portal's own pages; its Markdown pages in content/ are written by Pelican itself."""
    specs = [PageSpec("index.html", "portal", "portal")]
    specs += [PageSpec(f"{area.path}index.html", "portal", "portal", {"portal": area.portal, "parent": portal})
              for area in portal.areas]
    return specs
