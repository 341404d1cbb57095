"""nik: names, comments, keys and wrapped numbers are published too, and are found at their line."""
from __future__ import annotations

from checker.domain import nik as domain_nik
from checker.rules import nik
from tests.conftest import PDF, run_rule, triples

NIK = "3508074506870003"
MASKED = "350807******0003"


def test_a_document_whose_name_holds_a_nik_is_a_finding_at_its_berkas_line(make_village):
    ref = f"dokumen/ktp-{NIK}.pdf"
    root = make_village({"program.yaml": f"bumdes_blt:\n  blt:\n    - tahun: 2026\n      berkas: {ref}\n", ref: PDF})
    findings = run_rule(root, nik)
    assert triples(findings) == [("program.yaml", 4, "nik")]
    assert findings[0].message_id.startswith("Nama berkas dokumen/ktp-350807******0003.pdf memuat nomor")
    assert "tidak akan diterbitkan" in findings[0].message_id and NIK not in findings[0].message_en
    assert list(domain_nik.find(ref)) == [(len("dokumen/ktp-"), MASKED)]  # what the publish step asks


def test_a_folder_name_holding_a_nik_in_the_berkas_is_found_too(make_village):
    ref = "dokumen/3508-0745-0687-0003/surat.pdf"
    root = make_village({"program.yaml": f"bumdes_blt:\n  blt:\n    - tahun: 2026\n      berkas: {ref}\n", ref: PDF})
    assert triples(run_rule(root, nik)) == [("program.yaml", 4, "nik")]


def test_a_page_whose_file_name_holds_a_nik_is_a_finding_on_its_first_line(make_village):
    root = make_village({f"pengumuman/blt-{NIK}.md": "---\njudul: BLT\ntanggal: 2026-11-01\n---\nIsi.\n"})
    findings = run_rule(root, nik)
    assert [(f.line, f.col) for f in findings] == [(1, 1)]
    assert findings[0].file == f"pengumuman/blt-{MASKED}.md"  # reports never carry the number, not even as a name
    assert "Nama berkas ini" in findings[0].message_id


def test_a_nik_in_a_yaml_comment_is_a_finding_at_its_line_and_column(make_village):
    program = "program_masuk_desa:\n  - program: PKH\n    # penerima: Sumiati 3508 0745 0687 0003\n    penerima: []\n"
    findings = run_rule(make_village({"program.yaml": program}), nik)
    assert [(f.file, f.line, f.col) for f in findings] == [("program.yaml", 3, len("    # penerima: Sumiati ") + 1)]
    assert "komentar (#)" in findings[0].message_id and MASKED in findings[0].message_id


def test_a_nik_as_a_key_is_a_finding(make_village):
    program = f"program_masuk_desa:\n  - program: PKH\n    penerima:\n      {NIK}: Sumiati\n"
    assert triples(run_rule(make_village({"program.yaml": program}), nik)) == [("program.yaml", 4, "nik")]


def test_a_number_both_in_a_value_and_its_comment_is_reported_once_at_the_value(make_village):
    program = f'program_masuk_desa:\n  - program: PKH\n    nik: "{NIK}"   # {NIK}\n'
    findings = run_rule(make_village({"program.yaml": program}), nik)
    assert [(f.line, f.message_id.split(" (")[0]) for f in findings] == [(3, "Ada nomor yang tampak seperti NIK atau nomor KK")]


def test_an_exempt_dip_row_stays_unreported_although_its_text_is_scanned(make_village):
    dip = f"informasi:\n  - judul: Data kependudukan\n    kategori: dikecualikan\n    ringkasan: Contoh {NIK}\n"
    assert run_rule(make_village({"dip.yaml": dip}), nik) == []


def test_a_comment_in_front_matter_and_an_html_comment_in_the_body_are_findings(make_village):
    page = (f"---\njudul: BLT  # Sumiati {NIK}\ntanggal: 2026-11-01\n---\nIsi.\n\n"
            "<!-- catatan: 35.08.07.450687.0003 -->\n")
    findings = run_rule(make_village({"pengumuman/blt.md": page}), nik)
    assert [(f.line, f.col) for f in findings] == [(2, len("judul: BLT  # Sumiati ") + 1), (7, len("<!-- catatan: ") + 1)]


def test_a_grouped_number_wrapped_over_two_body_lines_is_found_on_its_first_line(make_village):
    page = "---\njudul: BLT\ntanggal: 2026-11-01\n---\nPenerima: Sumiati, NIK 3508 0745\n0687 0003, Dusun Krajan.\n"
    findings = run_rule(make_village({"pengumuman/blt.md": page}), nik)
    assert [(f.line, f.col) for f in findings] == [(5, len("Penerima: Sumiati, NIK ") + 1)]


def test_numbers_as_people_write_them_are_found_in_values(make_village):
    for slug, written in (("six-six-four", "350807 450687 0003"), ("wilayah", "35.08.07.450687.0003"),
                          ("fullwidth", "３５０８０７４５０６８７０００３"), ("nbsp", "3508\u00a00745\u00a00687\u00a00003")):
        program = f'program_masuk_desa:\n  - program: PKH\n    keterangan: "Sumiati {written}"\n'
        findings = run_rule(make_village({"program.yaml": program}, slug=slug), nik)
        assert triples(findings) == [("program.yaml", 3, "nik")], slug


def test_a_nik_in_a_comment_is_reported_even_when_a_value_elsewhere_holds_the_same_number(make_village):
    root = make_village({
        "dokumen.yaml": f"dokumen:\n  - judul: 'KTP {NIK}'\n    tanggal: 2026-01-02   # pemohon {NIK[:6]} {NIK[6:12]} {NIK[12:]}\n"
                        f"  - judul: 'Catatan # bukan komentar {NIK}'\n",
    })
    lines = sorted((f.line, f.message_id.split(" (")[0]) for f in run_rule(root, nik) if f.file == "dokumen.yaml")
    assert [line for line, _ in lines] == [2, 3, 4]  # the value, the comment, and a value with a # inside quotes


def test_a_place_the_rule_has_no_words_for_is_named_as_a_part():
    from checker.model import Document
    document = Document("dokumen/a.pdf", True, True, 10, "pdf", (f"NIK {NIK}",), places=("pdf:info",))
    assert nik._where(document, 0, document.pages[0], 4) == ("nik_part", {"part": "pdf:info"})
