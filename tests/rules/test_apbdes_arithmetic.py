"""apbdes-arithmetic: every total equals its parts, per version (murni, perubahan) and per measure."""
from __future__ import annotations

from checker.findings import Severity
from checker.rules import apbdes_arithmetic
from tests.conftest import run_rule, triples


def version(stage: str) -> str:
    """One balanced APB Desa version, 31 lines. Line 4.2 is written block style so that its
    `anggaran:` key has a line of its own (the docstring's example)."""
    return f"""\
{stage}:
  pendapatan:
    - {{kode: "4", uraian: Pendapatan, anggaran: 1500000000}}
    - kode: "4.2"
      uraian: Transfer
      anggaran: 1500000000
    - {{kode: "4.2.1", uraian: Dana Desa, anggaran: 1000000000}}
    - {{kode: "4.2.3", uraian: Alokasi Dana Desa, anggaran: 500000000}}
  belanja:
    - {{kode: "1", uraian: Pemerintahan, anggaran: 500000000}}
    - {{kode: "1.1", uraian: Siltap, anggaran: 500000000}}
    - {{kode: "1.1.01", uraian: Siltap Kades, anggaran: 500000000, sumber_dana: ADD, jenis: "5.1"}}
    - {{kode: "2", uraian: Pembangunan, anggaran: 1100000000}}
    - {{kode: "2.3", uraian: Pekerjaan Umum, anggaran: 1100000000}}
    - {{kode: "2.3.01", uraian: Jalan, anggaran: 1000000000, sumber_dana: DDS, jenis: "5.3"}}
    - {{kode: "2.3.02", uraian: Drainase, anggaran: 100000000, sumber_dana: SiLPA, jenis: "5.3"}}
  belanja_jenis:
    - {{kode: "5", uraian: Belanja, anggaran: 1600000000}}
    - {{kode: "5.1", uraian: Pegawai, anggaran: 500000000}}
    - {{kode: "5.3", uraian: Modal, anggaran: 1100000000}}
  pembiayaan:
    - {{kode: "6.1", uraian: Penerimaan Pembiayaan, anggaran: 100000000}}
    - {{kode: "6.1.1", uraian: SiLPA Tahun Sebelumnya, anggaran: 100000000}}
  jumlah:
    pendapatan: 1500000000
    belanja: 1600000000
    surplus_defisit: -100000000
    penerimaan_pembiayaan: 100000000
    pengeluaran_pembiayaan: 0
    pembiayaan_netto: 100000000
    silpa: 0
"""


# murni on lines 2-32: belanja: 10, activity 1.1.01 on 13, belanja_jenis: 18 (5 on 19, 5.1 on 20, 5.3 on 21),
# jumlah: 25 (pendapatan 26, surplus_defisit 28, silpa 32); line 4 on 4 and the `anggaran:` of 4.2 on 7.
MURNI = "tahun: 2026\n" + version("murni")


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) == count, old
    return text.replace(old, new)


def check(make_village, text: str, name: str = "apbdes/2026.yaml", slug: str = "desa"):
    return run_rule(make_village({name: text}, slug=slug), apbdes_arithmetic)


def test_balanced_apbdes_passes(make_village):
    assert check(make_village, MURNI) == []


def test_docstring_lulus_transfer_equals_dana_desa_plus_add(make_village):
    text = """
    tahun: 2026
    murni:
      pendapatan:
        - {kode: "4", uraian: Pendapatan, anggaran: 1500000000}
        - {kode: "4.2", uraian: Transfer, anggaran: 1500000000}
        - {kode: "4.2.1", uraian: Dana Desa, anggaran: 1000000000}
        - {kode: "4.2.3", uraian: Alokasi Dana Desa, anggaran: 500000000}
    """
    assert check(make_village, text) == []


def test_parent_line_off_by_100_juta_points_at_its_anggaran_line(make_village):
    text = edit(MURNI, "      anggaran: 1500000000", "      anggaran: 1600000000")
    findings = check(make_village, text)
    # 4.2 is Rp 100.000.000 more than 4.2.1 + 4.2.3, and so 4 is Rp 100.000.000 less than 4.2
    assert triples(findings) == [("apbdes/2026.yaml", 4, "apbdes-arithmetic"), ("apbdes/2026.yaml", 7, "apbdes-arithmetic")]
    transfer = findings[1]
    assert (transfer.line, transfer.col) == (7, 7)
    assert (transfer.obligation, transfer.severity) == ("berkala.apbdes", Severity.ERROR)
    assert transfer.message_id == (
        "Anggaran 4.2 Rp 1.600.000.000 tidak sama dengan jumlah rinciannya Rp 1.500.000.000 (selisih Rp 100.000.000)."
    )
    assert "difference Rp 100.000.000" in transfer.message_en
    assert "selisih Rp 100.000.000" in findings[0].message_id


def test_wrong_jumlah_silpa(make_village):
    findings = check(make_village, edit(MURNI, "    silpa: 0", "    silpa: 25000000"))
    assert triples(findings) == [("apbdes/2026.yaml", 32, "apbdes-arithmetic")]
    assert findings[0].message_id == (
        "jumlah.silpa Rp 25.000.000 tidak sama dengan surplus/defisit + pembiayaan netto = Rp 0 (selisih Rp 25.000.000)."
    )


def test_wrong_jumlah_pendapatan_is_compared_with_line_4(make_village):
    findings = check(make_village, edit(MURNI, "    pendapatan: 1500000000", "    pendapatan: 1400000000"))
    # jumlah.pendapatan (line 26) no longer matches line 4; surplus_defisit follows from the written figures
    assert triples(findings) == [("apbdes/2026.yaml", 26, "apbdes-arithmetic"), ("apbdes/2026.yaml", 28, "apbdes-arithmetic")]
    assert "jumlah baris 4" in findings[0].message_id


def test_spending_from_a_source_beyond_its_income_points_at_belanja(make_village):
    # Drainase paid from Dana Desa: DDS spends 1.1 M against 1.0 M of income
    text = edit(MURNI, "anggaran: 100000000, sumber_dana: SiLPA", "anggaran: 100000000, sumber_dana: DDS")
    findings = check(make_village, text)
    assert triples(findings) == [("apbdes/2026.yaml", 10, "apbdes-arithmetic")]
    assert findings[0].message_id == (
        "Belanja dari sumber dana DDS Rp 1.100.000.000 melebihi pendapatan dan SiLPA-nya Rp 1.000.000.000 (selisih Rp 100.000.000)."
    )


def test_an_amount_written_as_text_is_not_read_as_zero_income(make_village):
    # The schema reports "Rp 1.000.000.000"; DDS spending must not then look overspent against Rp 0
    text = edit(MURNI, '{kode: "4.2.1", uraian: Dana Desa, anggaran: 1000000000}', '{kode: "4.2.1", uraian: Dana Desa, anggaran: "Rp 1.000.000.000"}')
    assert [f.message_id for f in check(make_village, text) if "sumber dana" in f.message_id] == []
    # ...while a real overspend of another source is still found
    text = edit(text, "anggaran: 100000000, sumber_dana: SiLPA", "anggaran: 200000000, sumber_dana: SiLPA")
    assert any("sumber dana SiLPA" in f.message_id for f in check(make_village, text))


def test_silpa_spending_without_silpa_income_is_overspent(make_village):
    text = edit(MURNI, '    - {kode: "6.1.1", uraian: SiLPA Tahun Sebelumnya, anggaran: 100000000}\n', "")
    findings = check(make_village, text)
    assert triples(findings) == [("apbdes/2026.yaml", 10, "apbdes-arithmetic")]
    assert "sumber dana SiLPA Rp 100.000.000" in findings[0].message_id


def test_activity_without_sumber_dana(make_village):
    findings = check(make_village, edit(MURNI, ", sumber_dana: ADD", ""))
    assert triples(findings) == [("apbdes/2026.yaml", 13, "apbdes-arithmetic")]
    assert findings[0].message_id == "Kegiatan 1.1.01 belum mencantumkan sumber_dana."


def test_belanja_per_jenis_must_match_the_activities_of_that_jenis(make_village):
    text = edit(MURNI, '"5.1", uraian: Pegawai, anggaran: 500000000', '"5.1", uraian: Pegawai, anggaran: 400000000')
    text = edit(text, '"5.3", uraian: Modal, anggaran: 1100000000', '"5.3", uraian: Modal, anggaran: 1200000000')
    findings = check(make_village, text)
    assert triples(findings) == [("apbdes/2026.yaml", 20, "apbdes-arithmetic"), ("apbdes/2026.yaml", 21, "apbdes-arithmetic")]
    assert "5.1 Pegawai Rp 400.000.000" in findings[0].message_id


def test_belanja_per_jenis_total_must_equal_belanja_per_bidang(make_village):
    text = edit(MURNI, '"5", uraian: Belanja, anggaran: 1600000000', '"5", uraian: Belanja, anggaran: 1700000000')
    findings = check(make_village, text)
    # line 5 against its children (19), and the per-jenis total against the per-bidang total (`belanja_jenis:`, 18)
    assert triples(findings) == [("apbdes/2026.yaml", 18, "apbdes-arithmetic"), ("apbdes/2026.yaml", 19, "apbdes-arithmetic")]


def test_duplicate_and_orphan_account_codes(make_village):
    text = edit(MURNI, '    - {kode: "4.2.3", uraian: Alokasi Dana Desa, anggaran: 500000000}\n',
                '    - {kode: "4.2.3", uraian: Alokasi Dana Desa, anggaran: 500000000}\n'
                '    - {kode: "4.2.3", uraian: Alokasi Dana Desa lagi, anggaran: 0}\n'
                '    - {kode: "4.1.2", uraian: Hasil Aset Desa, anggaran: 0}\n')
    findings = check(make_village, text)
    assert triples(findings) == [("apbdes/2026.yaml", 10, "apbdes-arithmetic"), ("apbdes/2026.yaml", 11, "apbdes-arithmetic")]
    assert findings[0].message_id == "Kode rekening 4.2.3 ditulis dua kali di pendapatan."
    assert findings[1].message_id == "Kode rekening 4.1.2 tidak punya induk 4.1 di pendapatan."


def test_year_in_the_file_must_match_its_name(make_village):
    findings = check(make_village, edit(MURNI, "tahun: 2026", "tahun: 2025"))
    assert triples(findings) == [("apbdes/2026.yaml", 1, "apbdes-arithmetic")]
    assert findings[0].message_id == "Tahun 2025 tidak sama dengan nama berkas (apbdes/2026.yaml)."


def test_murni_and_perubahan_are_each_checked_whole(make_village):
    murni_wrong = edit(version("murni"), "    silpa: 0", "    silpa: 1")
    perubahan_wrong = edit(version("perubahan"), "      anggaran: 1500000000", "      anggaran: 1600000000")
    findings = check(make_village, "tahun: 2026\n" + murni_wrong + version("perubahan"), slug="a")
    assert triples(findings) == [("apbdes/2026.yaml", 32, "apbdes-arithmetic")]
    findings = check(make_village, "tahun: 2026\n" + version("murni") + perubahan_wrong, slug="b")
    # perubahan starts on line 33: its line 4 on 35, the anggaran of 4.2 on 38
    assert triples(findings) == [("apbdes/2026.yaml", 35, "apbdes-arithmetic"), ("apbdes/2026.yaml", 38, "apbdes-arithmetic")]


def test_only_files_named_by_year_are_apbdes(make_village):
    text = edit(MURNI, "    silpa: 0", "    silpa: 1")
    assert check(make_village, text, name="apbdes/draf.yaml") == []


REALISASI = """
tahun: 2026
murni:
  pendapatan:
    - {kode: "4", uraian: Pendapatan, anggaran: 1500000000, realisasi: 700000000}
    - {kode: "4.2", uraian: Transfer, anggaran: 1500000000, realisasi: 700000000}
    - {kode: "4.2.1", uraian: Dana Desa, anggaran: 1000000000, realisasi: 500000000}
    - {kode: "4.2.3", uraian: Alokasi Dana Desa, anggaran: 500000000, realisasi: 250000000}
"""


def test_realisasi_tree_is_checked_like_anggaran(make_village):
    findings = check(make_village, REALISASI)
    assert triples(findings) == [("apbdes/2026.yaml", 5, "apbdes-arithmetic")]
    finding = findings[0]
    assert finding.obligation == "berkala.laporan_keuangan.realisasi_apbdes"
    assert finding.severity is Severity.ERROR  # secondary confidence
    assert finding.message_id == (
        "Realisasi 4.2 Rp 700.000.000 tidak sama dengan jumlah rinciannya Rp 750.000.000 (selisih Rp 50.000.000)."
    )
    assert finding.message_en.startswith("Actual of 4.2 Rp 700.000.000 does not equal")


def test_realisasi_parent_is_not_checked_while_a_child_has_none(make_village):
    text = edit(REALISASI, ", realisasi: 250000000", "")
    assert check(make_village, text) == []


def test_jumlah_realisasi_is_checked_against_the_realisasi_lines(make_village):
    text = REALISASI.replace("realisasi: 700000000", "realisasi: 750000000") + (
        "  belanja:\n"
        '    - {kode: "1", uraian: Pemerintahan, anggaran: 1500000000, realisasi: 600000000}\n'
        "  jumlah_realisasi:\n"
        "    pendapatan: 750000000\n"
        "    belanja: 600000000\n"
        "    surplus_defisit: 150000000\n"
        "    penerimaan_pembiayaan: 0\n"
        "    pengeluaran_pembiayaan: 0\n"
        "    pembiayaan_netto: 0\n"
        "    silpa: 100000000\n"
    )
    findings = check(make_village, text)
    # the activity 1 has no sumber_dana (line 9) and jumlah_realisasi.silpa is off (line 17)
    assert triples(findings) == [("apbdes/2026.yaml", 9, "apbdes-arithmetic"), ("apbdes/2026.yaml", 17, "apbdes-arithmetic")]
    assert findings[1].obligation == "berkala.laporan_keuangan.realisasi_apbdes"
    assert findings[1].message_id == (
        "jumlah_realisasi.silpa Rp 100.000.000 tidak sama dengan surplus/defisit + pembiayaan netto = Rp 150.000.000"
        " (selisih Rp 50.000.000)."
    )


def test_partial_realisasi_is_not_read_as_zero(make_village):
    # jumlah_realisasi is given, but belanja_jenis has no realisasi yet: no "Rp 0" false alarm.
    root = make_village({"apbdes/2026.yaml": """
        tahun: 2026
        murni:
          pendapatan:
            - {kode: "4", uraian: Pendapatan, anggaran: 100, realisasi: 40}
            - {kode: "4.2", uraian: Transfer, anggaran: 100, realisasi: 40}
            - {kode: "4.2.1", uraian: Dana Desa, anggaran: 100, realisasi: 40}
          belanja:
            - {kode: "2", uraian: Pembangunan, anggaran: 100, realisasi: 40}
            - {kode: "2.3", uraian: PU, anggaran: 100, realisasi: 40}
            - {kode: "2.3.01", uraian: Jalan, anggaran: 100, realisasi: 40, sumber_dana: DDS, jenis: "5.3"}
          belanja_jenis:
            - {kode: "5", uraian: Belanja, anggaran: 100}
            - {kode: "5.3", uraian: Belanja Modal, anggaran: 100}
          jumlah: {pendapatan: 100, belanja: 100, surplus_defisit: 0, penerimaan_pembiayaan: 0, pengeluaran_pembiayaan: 0, pembiayaan_netto: 0, silpa: 0}
          jumlah_realisasi: {pendapatan: 40, belanja: 40, surplus_defisit: 0, penerimaan_pembiayaan: 0, pengeluaran_pembiayaan: 0, pembiayaan_netto: 0, silpa: 0}
        """})
    assert run_rule(root, apbdes_arithmetic) == []
