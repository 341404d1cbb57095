"""serta-merta: an immediate announcement states its kind, its media and the eight elements of Pasal 3 ayat (2)."""
from __future__ import annotations


from checker.findings import Severity
from checker.rules import serta_merta
from tests.conftest import run_rule, triples

PAGE = """\
---
judul: Peringatan dini banjir Sungai Bondoyudo
tanggal: 2026-11-20
serta_merta: true
jenis: bencana_alam
media: [papan_pengumuman, pengeras_suara]
potensi_bahaya: Air sungai naik sampai 1 meter
pihak_terdampak: Warga Dusun Krajan RT 01-04
prosedur_evakuasi: Menuju balai desa lewat jalan desa ke utara
cara_menghindari: Jauhi bantaran sungai
cara_bantuan: Hubungi posko desa 0334-561234
pihak_pengumum: Kepala Desa Kraton
tata_cara_pengumuman: Kentongan, pengeras suara masjid dan papan pengumuman
upaya_penanggulangan: Karung pasir dan perahu karet di posko
---
Warga diminta waspada.
"""


def without(text: str, key: str) -> str:
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith(key + ":")]
    assert len(lines) == len(text.splitlines()) - 1, key
    return "".join(lines)


def findings_for(make_village, page: str, name: str = "pengumuman/banjir.md"):
    return run_rule(make_village({name: page}), serta_merta)


def test_docstring_lulus_all_eight_elements_kind_and_media(make_village):
    assert findings_for(make_village, PAGE) == []


def test_docstring_gagal_without_prosedur_evakuasi_points_at_serta_merta(make_village):
    findings = findings_for(make_village, without(PAGE, "prosedur_evakuasi"))
    assert triples(findings) == [("pengumuman/banjir.md", 4, "serta-merta")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("sertamerta.pengumuman", Severity.ERROR)
    assert finding.article == "Perki 1/2018 Pasal 3"
    assert finding.message_id == (
        "Pengumuman serta merta belum memuat prosedur dan tempat evakuasi apabila keadaan darurat terjadi."
    )
    assert finding.message_en.startswith("Immediate announcement lacks prosedur_evakuasi (")


def test_without_jenis(make_village):
    findings = findings_for(make_village, without(PAGE, "jenis"))
    assert triples(findings) == [("pengumuman/banjir.md", 4, "serta-merta")]
    assert findings[0].message_id == "Pengumuman serta merta belum menyebut jenisnya."


def test_empty_media_list_is_no_media(make_village):
    findings = findings_for(make_village, PAGE.replace("media: [papan_pengumuman, pengeras_suara]", "media: []"))
    assert triples(findings) == [("pengumuman/banjir.md", 4, "serta-merta")]
    assert findings[0].message_id.startswith("Pengumuman serta merta belum menyebut medianya")


def test_blank_element_counts_as_missing(make_village):
    page = PAGE.replace("pihak_pengumum: Kepala Desa Kraton", 'pihak_pengumum: "  "')
    assert triples(findings_for(make_village, page)) == [("pengumuman/banjir.md", 4, "serta-merta")]


def test_each_missing_element_is_its_own_finding(make_village):
    page = without(without(without(PAGE, "potensi_bahaya"), "cara_bantuan"), "media")
    findings = findings_for(make_village, page)
    assert triples(findings) == [("pengumuman/banjir.md", 4, "serta-merta")] * 3


def test_ordinary_announcements_need_none_of_this(make_village):
    page = "---\njudul: Musyawarah desa RAPB Desa 2027\ntanggal: 2026-11-10\n---\nUndangan.\n"
    assert findings_for(make_village, page) == []
    page = "---\njudul: Musyawarah desa\ntanggal: 2026-11-10\nserta_merta: false\n---\nUndangan.\n"
    assert findings_for(make_village, page) == []


def test_only_pages_under_pengumuman_are_announcements(make_village):
    assert findings_for(make_village, without(PAGE, "prosedur_evakuasi"), name="halaman/banjir-2025.md") == []
