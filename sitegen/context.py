"""What a village site shows, built once from the loaded village and its CheckResult.

Only `checker.loader` reads village files; this module turns the loaded `Village` into clean,
publishable data for the templates: exempt DIP entries reduced to their title and legal ground,
documents listed only when the checker says they may be published (CheckResult.published), APB Desa lines with their depth for tables,
announcements and pages rendered from sanitised Markdown. Templates show it and never recompute it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from markupsafe import Markup

from checker import paths
from checker.catalogue import Catalogue
from checker.domain.dip import exempt_rows, is_exempt
from checker.findings import CheckResult
from checker.model import Village
from checker.scoring import Score
from sitegen import apbdes as apbdes_view
from sitegen.filters import markdown

DIP_CATEGORIES = {"berkala": "Informasi Berkala", "serta_merta": "Informasi Serta Merta", "setiap_saat": "Informasi Setiap Saat"}


@dataclass(frozen=True)
class ExemptEntry:
    """All a resident may see of an exempt entry: that it exists, and why it is closed."""

    judul: str
    dasar_hukum: str
    jangka_waktu: str


@dataclass(frozen=True)
class Announcement:
    slug: str
    judul: str
    tanggal: dt.date | None
    diperbarui: dt.date | None
    ringkasan: str
    serta_merta: bool
    jenis: str
    media: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]  # the eight elements of Pasal 3 ayat (2), (label, text)
    html: Markup


@dataclass(frozen=True)
class ProsePage:
    slug: str
    judul: str
    diperbarui: dt.date | None
    html: Markup


@dataclass(frozen=True)
class VillageSite:
    slug: str
    name: str
    kode: str
    kecamatan: str
    kabupaten: str
    provinsi: str
    profile: Mapping[str, Any]
    ppid: Mapping[str, Any]
    dip: Mapping[str, Any]  # penetapan, diterbitkan, diperbarui (no rows)
    dip_rows: tuple[Mapping[str, Any], ...]  # public rows only
    dip_exempt: tuple[ExemptEntry, ...]
    apbdes: tuple[apbdes_view.ApbYear, ...]  # newest year first
    produk_hukum: tuple[Mapping[str, Any], ...]
    program: Mapping[str, Any]
    layanan: Mapping[str, Any]
    dokumen: tuple[Mapping[str, Any], ...]
    pengumuman: tuple[Announcement, ...]  # newest first
    halaman: tuple[ProsePage, ...]
    result: CheckResult
    score: Score
    published: frozenset[str]  # document references that may be copied and linked (the checker's verdict)
    as_of: dt.date
    serta_merta_labels: Mapping[str, str] = field(default_factory=dict)
    digests: Mapping[str, str] = field(default_factory=dict)  # of the published documents as checked: the copy must match


def _date(value: Any) -> dt.date | None:
    """A date, or None for anything else a broken file may hold (the checker reports it)."""
    return value if isinstance(value, dt.date) else None


def _announcement(name: str, data: Mapping[str, Any], body: str, labels: Mapping[str, str]) -> Announcement:
    slug = name.rsplit("/", 1)[-1].removesuffix(".md")
    serta_merta = data.get("serta_merta") is True
    fields = tuple((labels[k], str(data[k])) for k in labels if serta_merta and paths.filled(data.get(k)))
    media = data.get("media")
    media = media if isinstance(media, list) else [media] if isinstance(media, str) else []
    return Announcement(slug, str(data.get("judul") or slug), _date(data.get("tanggal")), _date(data.get("diperbarui")),
                        str(data.get("ringkasan") or ""), serta_merta, str(data.get("jenis") or ""),
                        tuple(map(str, media)), fields, markdown(body))


def _date_key(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.min


def build(village: Village, result: CheckResult, score: Score, catalogue: Catalogue, as_of: dt.date) -> VillageSite:
    profile = village.data("profil.yaml") or {}
    dip = village.data("dip.yaml") or {}
    exempt = exempt_rows(dip)
    rows = [r for r in paths.get(dip, ("informasi",)) or [] if isinstance(r, dict) and not is_exempt(r)]
    labels = catalogue.serta_merta_fields
    announcements = [_announcement(n, p.data or {}, p.body, labels) for n, p in village.pages.items() if n.startswith("pengumuman/")]
    pages = [ProsePage(n.rsplit("/", 1)[-1].removesuffix(".md"), str((p.data or {}).get("judul") or n), (p.data or {}).get("diperbarui"),
                       markdown(p.body)) for n, p in sorted(village.pages.items()) if n.startswith("halaman/")]
    return VillageSite(
        slug=village.slug,
        name=str(profile.get("nama") or village.slug),
        kode=str(profile.get("kode_wilayah") or ""),
        kecamatan=str(profile.get("kecamatan") or ""),
        kabupaten=str(profile.get("kabupaten") or ""),
        provinsi=str(profile.get("provinsi") or ""),
        profile=profile,
        ppid=village.data("ppid.yaml") or {},
        dip={k: v for k, v in dip.items() if k != "informasi"},
        dip_rows=tuple(rows),
        dip_exempt=tuple(ExemptEntry(str(r.get("judul", "")), str(paths.get(r, ("pengecualian", "dasar_hukum")) or ""),
                                     str(paths.get(r, ("pengecualian", "jangka_waktu")) or "")) for _, r in exempt),
        apbdes=tuple(apbdes_view.year(y, s.data, catalogue) for y, s in sorted(village.apbdes_years().items(), reverse=True)),
        produk_hukum=tuple(x for x in paths.get(village.data("produk_hukum.yaml"), ("produk_hukum",)) or [] if isinstance(x, dict)),
        program=village.data("program.yaml") or {},
        layanan=village.data("layanan.yaml") or {},
        dokumen=tuple(x for x in paths.get(village.data("dokumen.yaml"), ("dokumen",)) or [] if isinstance(x, dict)),
        pengumuman=tuple(sorted(announcements, key=lambda a: (_date_key(a.tanggal), a.slug), reverse=True)),
        halaman=tuple(pages),
        result=result,
        score=score,
        published=frozenset(ref for ref, _ in result.published),
        digests=dict(result.published),
        as_of=as_of,
        serta_merta_labels=labels,
    )
