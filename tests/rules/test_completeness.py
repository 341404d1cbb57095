"""completeness: every obligation's evidence (slip_schema.yaml `evidence:`) is found in the village."""
from __future__ import annotations

import datetime as dt

from checker.findings import Severity
from checker.rules import completeness
from tests.conftest import run_rule, triples

# The smallest village that meets every obligation with evidence on DEMO_AS_OF (2026-11-28).
PROFIL = """
alamat: Jl. Raya Kraton No. 1
kode_wilayah: "35.08.07.2002"
kontak: {telepon: "0334-561234", situs: https://kraton.example.org}
visi: Desa yang terbuka
misi: [Pelayanan yang terbuka]
tugas_fungsi: Menyelenggarakan pemerintahan desa
struktur_organisasi: [{jabatan: Kepala Desa, nama: Moch. Syaifuddin}]
pejabat: [{nama: Moch. Syaifuddin, jabatan: Kepala Desa}]
sarana:
  papan_pengumuman: Depan kantor desa
  meja_informasi: Ruang pelayanan
  forum_aspirasi: Rembug warga
  pengaduan: Kotak pengaduan
  ramah_disabilitas: Jalur landai
  papan_proyek: Di lokasi kegiatan
  tanda_penerima_bansos: Stiker KPM
peringatan_dini:
  titik_kumpul: [Balai desa]
  jalur_evakuasi: Jalan desa ke utara
  kontak_darurat: [{nama: Posko, telepon: "112"}]
sistem_informasi: [{nama: Siskeudes, kegunaan: keuangan desa}]
"""
PPID = """
penetapan: {nomor: 141/12/2025, tanggal: 2025-12-01, berkas: dokumen/sk-ppid.pdf}
pejabat: {nama: Siti Nur Aini, jabatan: Sekretaris Desa}
atasan: {nama: Moch. Syaifuddin, jabatan: Kepala Desa}
visi_misi: Informasi terbuka
tugas_wewenang: Mengelola informasi desa
struktur: [{jabatan: PPID, nama: Siti Nur Aini}]
maklumat: Kami siap memberikan layanan informasi publik
jam_layanan: Senin-Jumat 08.00-14.00
kontak:
  alamat: Kantor Desa Kraton
  telepon: "0334-561234"
alur_layanan: [{langkah: Pemohon mengisi formulir}]
batas_waktu: {jawab: 10, perpanjangan: 7, keberatan_ajukan: 30, keberatan_tanggapan: 30, sengketa_ajukan: 14}
tata_cara: {permohonan: Datang atau surel, keberatan: Kepada Kepala Desa, sengketa: Ke Komisi Informasi}
formulir:
  permohonan: {berkas: dokumen/formulir-permohonan.pdf}
  keberatan: {berkas: dokumen/formulir-keberatan.pdf}
  daring: ppid@example.org
komisi_informasi: {nama: KI Jawa Timur, alamat: Surabaya}
biaya: Gratis
alamat_pengaduan: Kantor Desa Kraton
petugas: {layanan_informasi: [{nama: Hasan Basri, jabatan: Kasi Pelayanan}], arsip: [{nama: Dwi, jabatan: Kaur Umum}]}
"""
DIP = """
diperbarui: 2026-11-15
penetapan: {nomor: 141/01/2026, tanggal: 2026-01-05, berkas: dokumen/sk-dip.pdf}
informasi: [{judul: APB Desa 2026}]
"""
PRODUK_HUKUM = """
produk_hukum:
  - {jenis: perdes, topik: kip, nomor: "3", tanggal: 2019-05-02, berkas: dokumen/perdes-kip.pdf}
  - {jenis: perdes, topik: rpjmdes, berkas: dokumen/rpjmdes.pdf, berlaku: {mulai: 2022, selesai: 2027}}
  - {jenis: perdes, topik: rkpdes, tahun: 2025, berlaku: {mulai: 2026}, berkas: dokumen/rkpdes-2026.pdf}
  - {jenis: keputusan_bpd, berkas: dokumen/kep-bpd.pdf}
"""
PROGRAM = """
program_kegiatan: [{nama: Jalan rabat beton, realisasi: 100000000}]
program_masuk_desa: [{program: PKH}]
kegiatan_belum_selesai: []
pengadaan: []
bumdes_blt: {penyertaan_modal: [], blt: []}
"""
DOKUMEN = """
dokumen:
  - {jenis: durkpdes, berkas: dokumen/durkpdes.pdf}
  - {jenis: lppd_akhir_tahun, tahun: 2025, berkas: dokumen/lppd-2025.pdf}
  - {jenis: perjanjian_pihak_ketiga, berkas: dokumen/pks.pdf}
  - {jenis: register_surat, berkas: dokumen/register.pdf}
  - {jenis: inventaris_aset, berkas: dokumen/inventaris.pdf}
  - {jenis: berita_acara_musdes, berkas: dokumen/ba-musdes.pdf}
  - {jenis: berita_acara_musdes, tahun: 2026, tanggal: 2026-07-09, batas_waktu: 2026-09-30, berkas: dokumen/ba-2026.pdf}
  - {jenis: dokumen_bumdes, berkas: dokumen/bumdes.pdf}
  - {jenis: sop_pelayanan, berkas: dokumen/sop.pdf}
"""
LAYANAN = """
register_permohonan: []
register_keberatan: []
laporan_tahunan:
  - {tahun: 2025, permohonan: 12, dikabulkan: 11, ditolak: 1}
"""
APBDES_2026 = """
murni:
  perdes: {nomor: 1 Tahun 2026, tanggal: 2026-01-12, berkas: dokumen/perdes-apbdes-2026.pdf}
  pendapatan: [{kode: "4", anggaran: 1500000000}]
  belanja: [{kode: "1", anggaran: 1500000000, pelaksana: {nama: Budi Santoso, jabatan: Kaur Keuangan, tim: [{nama: Sutrisno, peran: ketua}]}}]
  jumlah: {pendapatan: 1500000000, belanja: 1500000000}
"""
APBDES_2025 = """
murni:
  jumlah_realisasi: {silpa: 25000000}
"""
FULL = {
    "profil.yaml": PROFIL, "ppid.yaml": PPID, "dip.yaml": DIP, "produk_hukum.yaml": PRODUK_HUKUM,
    "program.yaml": PROGRAM, "dokumen.yaml": DOKUMEN, "layanan.yaml": LAYANAN,
    "apbdes/2026.yaml": APBDES_2026, "apbdes/2025.yaml": APBDES_2025,
}


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def village(make_village, **changes: str | None):
    """FULL with some files replaced (name with / written as __) or removed (None)."""
    files = dict(FULL)
    for key, text in changes.items():
        name = key.replace("__", "/").replace("_yaml", ".yaml")
        if text is None:
            del files[name]
        else:
            files[name] = text
    return make_village(files)


def test_a_village_with_all_evidence_passes(make_village):
    assert run_rule(village(make_village), completeness) == []


def test_docstring_gagal_empty_maklumat_is_a_warning_on_its_line(make_village):
    ppid = edit(PPID, "maklumat: Kami siap memberikan layanan informasi publik", 'maklumat: ""')
    findings = run_rule(village(make_village, ppid_yaml=ppid), completeness)
    assert triples(findings) == [("ppid.yaml", 7, "completeness")]
    finding = findings[0]
    # ppid.maklumat is an inferred obligation: a recommendation, never an error
    assert (finding.obligation, finding.severity, finding.confidence) == ("ppid.maklumat", Severity.WARNING, "inferred")
    assert finding.message_id == "Dianjurkan: Belum lengkap (maklumat): maklumat pelayanan informasi publik diumumkan."
    assert finding.message_en.startswith("Recommended: Incomplete (maklumat)")


def test_missing_key_points_at_the_nearest_existing_parent(make_village):
    profil = edit(PROFIL, "  meja_informasi: Ruang pelayanan\n", "")
    findings = run_rule(village(make_village, profil_yaml=profil), completeness)
    assert triples(findings) == [("profil.yaml", 9, "completeness")] * 2  # the line of `sarana:`
    # a quoted obligation (Perki 1/2018 Pasal 7 huruf d) is an error; the monev item asking for it too, a warning
    assert {(f.obligation, f.severity) for f in findings} == {
        ("kewajiban.sarana_prasarana", Severity.ERROR), ("monev.akses_partisipasi", Severity.WARNING)}
    findings = [f for f in findings if f.obligation == "kewajiban.sarana_prasarana"]
    assert findings[0].article == "Perki 1/2018 Pasal 7 huruf d"
    assert "sarana.meja_informasi" in findings[0].message_id


def test_missing_file_is_reported_once_per_obligation_on_line_1(make_village):
    findings = run_rule(village(make_village, dip_yaml=None), completeness)
    assert triples(findings) == [("dip.yaml", 1, "completeness")] * 3
    assert sorted(f.obligation for f in findings) == ["kewajiban.dip_ditetapkan", "kewajiban.dip_mutakhir", "setiapsaat.dip"]
    assert findings[0].message_id.startswith("Belum ada dip.yaml: ")


def test_this_years_apbdes_is_looked_for_under_its_year_in_the_file_name(make_village):
    # apbdes/2025.yaml is there, but on 2026-11-28 the APB Desa of 2026 is what must be published
    findings = run_rule(village(make_village, apbdes__2026_yaml=None), completeness)
    assert triples(findings) == [("apbdes/2026.yaml", 1, "completeness")] * 3
    assert sorted(f.obligation for f in findings) == ["berkala.apbdes", "berkala.apbdes_pelaksana", "berkala.perdes_apbdes"]


def test_list_evidence_filtered_by_this_year(make_village):
    # the RKP Desa on file plans 2025 (enacted in 2024); on 2026-11-28 the one for 2026 is needed
    produk = edit(PRODUK_HUKUM, "tahun: 2025, berlaku: {mulai: 2026}", "tahun: 2024, berlaku: {mulai: 2025}")
    findings = run_rule(village(make_village, produk_hukum_yaml=produk), completeness)
    assert triples(findings) == [("produk_hukum.yaml", 1, "completeness")]  # the `produk_hukum:` key
    assert findings[0].obligation == "berkala.rkpdes"
    assert "produk_hukum.yaml > produk_hukum (topik: rkpdes, berlaku.mulai: 2026)" in findings[0].message_id


def test_lppd_before_april_1_is_the_one_of_two_years_ago(make_village):
    # laporan tahunan for both years, so only the LPPD depends on the date here
    layanan = LAYANAN + "  - {tahun: 2024, permohonan: 9, dikabulkan: 9, ditolak: 0}\n"
    only_2024 = edit(DOKUMEN, "tahun: 2025", "tahun: 2024")
    root = village(make_village, dokumen_yaml=only_2024, layanan_yaml=layanan)
    assert run_rule(root, completeness, as_of=dt.date(2026, 3, 31)) == []
    findings = run_rule(root, completeness, as_of=dt.date(2026, 4, 1))
    assert triples(findings) == [("dokumen.yaml", 1, "completeness")]
    assert findings[0].obligation == "berkala.lppd_akhir_tahun"
    assert "(jenis: lppd_akhir_tahun, tahun: 2025)" in findings[0].message_id


def test_lppd_from_april_1_is_last_years(make_village):
    layanan = LAYANAN + "  - {tahun: 2024, permohonan: 9, dikabulkan: 9, ditolak: 0}\n"
    root = village(make_village, layanan_yaml=layanan)  # holds the 2025 LPPD only
    assert run_rule(root, completeness, as_of=dt.date(2026, 4, 1)) == []
    findings = run_rule(root, completeness, as_of=dt.date(2026, 3, 31))
    assert triples(findings) == [("dokumen.yaml", 1, "completeness")]
    assert "(jenis: lppd_akhir_tahun, tahun: 2024)" in findings[0].message_id


def test_reports_due_by_date_move_back_a_year_in_january(make_village):
    # On 2026-01-31 the SiLPA (due from 02-01) and the LPPD (due from 04-01) that are due are 2024's;
    # the village holds 2025's. The laporan tahunan has no deadline in version 2: 2025's, which it holds.
    findings = run_rule(village(make_village), completeness, as_of=dt.date(2026, 1, 31))
    assert triples(findings) == [
        ("apbdes/2024.yaml", 1, "completeness"),
        ("dokumen.yaml", 1, "completeness"),
    ]
    assert [f.obligation for f in findings] == [
        "berkala.laporan_keuangan.sisa_anggaran", "berkala.lppd_akhir_tahun",
    ]
    layanan = edit(LAYANAN, "tahun: 2025", "tahun: 2024")
    findings = run_rule(village(make_village, layanan_yaml=layanan), completeness, as_of=dt.date(2026, 1, 31))
    assert [f.obligation for f in findings if f.file == "layanan.yaml"] == ["laporan.layanan_tahunan"]
    assert run_rule(village(make_village), completeness, as_of=dt.date(2026, 4, 1)) == []


def test_either_alternative_meets_the_obligation(make_village):
    # ppid.jam_kontak: telepon or email
    ppid = edit(PPID, '  telepon: "0334-561234"', "  email: ppid@kraton.example")
    assert run_rule(village(make_village, ppid_yaml=ppid), completeness) == []
    ppid = edit(PPID, '  telepon: "0334-561234"\n', "")
    findings = run_rule(village(make_village, ppid_yaml=ppid), completeness)
    assert triples(findings) == [("ppid.yaml", 9, "completeness")]  # the line of `kontak:`
    assert (findings[0].obligation, findings[0].severity) == ("ppid.jam_kontak", Severity.WARNING)


def test_empty_list_is_an_answer_where_presence_is_enough(make_village):
    program = edit(PROGRAM, "kegiatan_belum_selesai: []\n", "")
    findings = run_rule(village(make_village, program_yaml=program), completeness)
    assert triples(findings) == [("program.yaml", 1, "completeness")]
    assert findings[0].obligation == "berkala.laporan_keuangan.kegiatan_belum_selesai"


def test_empty_list_is_not_evidence_where_content_is_needed(make_village):
    program = edit(PROGRAM, "program_masuk_desa: [{program: PKH}]", "program_masuk_desa: []")
    findings = run_rule(village(make_village, program_yaml=program), completeness)
    assert triples(findings) == [("program.yaml", 2, "completeness")]
    assert findings[0].obligation == "berkala.program_masuk_desa"


def test_end_of_term_report_only_when_a_previous_kepala_desa_is_named(make_village):
    profil = PROFIL + "kepala_desa_sebelumnya: {nama: H. Sugiarto, akhir_masa_jabatan: 2025-06-30}\n"
    findings = run_rule(village(make_village, profil_yaml=profil), completeness)
    assert triples(findings) == [("dokumen.yaml", 1, "completeness")]
    assert findings[0].obligation == "berkala.lppd_akhir_jabatan"
    dokumen = DOKUMEN + "  - {jenis: lppd_akhir_jabatan, berkas: dokumen/lppd-akhir-jabatan.pdf}\n"
    assert run_rule(village(make_village, profil_yaml=profil, dokumen_yaml=dokumen), completeness) == []


def test_list_item_lacking_a_field_points_at_that_item(make_village):
    produk = edit(PRODUK_HUKUM, ", berkas: dokumen/perdes-kip.pdf", "")
    findings = run_rule(village(make_village, produk_hukum_yaml=produk), completeness)
    assert triples(findings) == [("produk_hukum.yaml", 2, "completeness")]
    assert (findings[0].obligation, findings[0].severity) == ("kewajiban.perdes_kip", Severity.ERROR)
