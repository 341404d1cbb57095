"""nik: no NIK/KK-like 16-digit number in anything published; exempt DIP rows are not published."""
from __future__ import annotations

import io
import zipfile

from checker.findings import Severity
from checker.loader import load_village
from checker.rules import nik
from tests.conftest import WORD_NS, make_docx, make_pdf, make_xlsx, publishable, run_rule, triples



NIK = "3508074506870003"  # Lumajang, Yosowilangun; a woman born 5 June 1987 (day 45 = 5 + 40)
PROGRAM = """
program_masuk_desa:
  - program: PKH
    penerima:
      - nama: Sumiati
        {field}: {value}
"""


def findings_for(make_village, files):
    return run_rule(make_village(files), nik)


def test_docstring_lulus_name_dusun_and_rt_only(make_village):
    program = PROGRAM.format(field="dusun", value="Krajan") + '        rt: "003"\n'
    assert findings_for(make_village, {"program.yaml": program}) == []


def test_docstring_gagal_valid_female_nik_in_yaml_on_the_line_of_the_value(make_village):
    findings = findings_for(make_village, {"program.yaml": PROGRAM.format(field="nik", value=f'"{NIK}"')})
    assert triples(findings) == [("program.yaml", 5, "nik")]
    finding = findings[0]
    assert (finding.obligation, finding.severity) == ("dikecualikan.data_pribadi", Severity.ERROR)
    # the message never repeats the whole number
    assert finding.message_id == (
        "Ada nomor yang tampak seperti NIK atau nomor KK (350807******0003); data pribadi tidak boleh diumumkan."
    )
    assert NIK not in finding.message_en


def test_unquoted_nik_read_as_a_number_is_found(make_village):
    findings = findings_for(make_village, {"program.yaml": PROGRAM.format(field="nik", value=NIK)})
    assert triples(findings) == [("program.yaml", 5, "nik")]


def test_nik_written_in_groups_inside_text_is_found(make_village):
    value = "Sumiati (NIK 3508 0745 0687 0003)"
    findings = findings_for(make_village, {"program.yaml": PROGRAM.format(field="keterangan", value=value)})
    assert triples(findings) == [("program.yaml", 5, "nik")]


def test_nik_in_a_markdown_body_is_reported_on_its_line_in_the_file(make_village):
    page = f"---\njudul: Penyaluran BLT\ntanggal: 2026-11-01\n---\nPenerima bulan ini:\n\n- Sumiati, NIK {NIK}\n"
    findings = findings_for(make_village, {"pengumuman/blt.md": page})
    assert triples(findings) == [("pengumuman/blt.md", 7, "nik")]
    assert findings[0].col == len("- Sumiati, NIK ") + 1


def test_nik_in_front_matter_is_reported_on_its_line(make_village):
    page = f"---\njudul: Penyaluran BLT\npenerima: Sumiati {NIK}\n---\nIsi.\n"
    assert triples(findings_for(make_village, {"pengumuman/blt.md": page})) == [("pengumuman/blt.md", 3, "nik")]


def test_numbers_without_a_province_or_a_real_birth_date_are_not_nik(make_village):
    for slug, number in (("province-99", "9908074506870003"), ("month-13", "3508074513870003"),
                         ("day-32", "3508073206870003"), ("seventeen-digits", NIK + "1")):
        program = PROGRAM.format(field="nomor", value=f'"{number}"')
        assert run_rule(make_village({"program.yaml": program}, slug=slug), nik) == [], number


DIP = f"""
informasi:
  - judul: Data kependudukan per individu
    kategori: dikecualikan
    ringkasan: Contoh baris {NIK}
  - judul: Daftar penerima BLT
    kategori: berkala
    ringkasan: Contoh baris {NIK}
"""


def test_exempt_dip_row_is_not_published_so_not_reported(make_village):
    findings = findings_for(make_village, {"dip.yaml": DIP})
    assert triples(findings) == [("dip.yaml", 7, "nik")]  # only the berkala row


def test_every_file_is_searched(make_village):
    findings = findings_for(make_village, {
        "layanan.yaml": f"register_permohonan:\n  - nomor: 001/2026\n    pemohon: Sumiati / {NIK}\n",
        "profil.yaml": f"pejabat:\n  - nama: Sugiarto\n    riwayat: NIK {NIK}\n",
    })
    assert triples(findings) == [("layanan.yaml", 3, "nik"), ("profil.yaml", 3, "nik")]


def test_nik_in_the_text_of_a_referenced_pdf_names_the_document_and_page(make_village):
    root = make_village({
        "program.yaml": "bumdes_blt:\n  blt:\n    - tahun: 2026\n      berkas: dokumen/kpm.pdf\n",
        "dokumen/kpm.pdf": make_pdf("Daftar KPM BLT", ["1. Sumiati, Dusun Krajan, NIK 3508074506870003"]),
    })
    findings = run_rule(root, nik)
    assert triples(findings) == [("program.yaml", 4, "nik")]
    assert "dokumen/kpm.pdf halaman 1" in findings[0].message_id and "350807******0003" in findings[0].message_id


BLT = "bumdes_blt:\n  blt:\n    - tahun: 2026\n      berkas: dokumen/{name}\n"  # the berkas is on line 4


def office_findings(make_village, name: str, data: bytes):
    root = make_village({"program.yaml": BLT.format(name=name), f"dokumen/{name}": data})
    return root, run_rule(root, nik)


def test_nik_in_a_word_paragraph_names_the_paragraph_even_when_split_over_runs(make_village):
    docx = make_docx([["Daftar KPM BLT"], ["1. Sumiati, Dusun Krajan"], ["   NIK 3508", "0745068", "70003"]])
    root, findings = office_findings(make_village, "kpm.docx", docx)
    assert triples(findings) == [("program.yaml", 4, "nik")]
    assert findings[0].message_id.startswith("Berkas dokumen/kpm.docx paragraf ke-3 memuat nomor")
    assert findings[0].message_en.startswith("Document dokumen/kpm.docx paragraph 3 holds a number")
    assert "350807******0003" in findings[0].message_id and NIK not in findings[0].message_en
    assert "dokumen/kpm.docx" not in publishable(load_village(root))  # the site never copies it


def test_nik_in_a_word_header_names_the_part(make_village):
    header = f'<w:hdr {WORD_NS}><w:p><w:r><w:t>Petugas: NIK {NIK}</w:t></w:r></w:p></w:hdr>'
    _, findings = office_findings(make_village, "kpm.docx", make_docx([["Isi tanpa nomor."]], {"word/header1.xml": header}))
    assert [f.message_en.split(" holds")[0] for f in findings] == [
        "Document dokumen/kpm.docx part word/header1.xml (header/footer, notes, comments, metadata or embedded content)"]


def test_nik_in_a_spreadsheet_names_each_sheet_as_text_or_as_a_number(make_village):
    xlsx = make_xlsx({"Ringkasan": [["Jumlah KPM", 12]], "Penerima": [["Nama", "NIK"], ["Sumiati", NIK]],
                      "Angka": [["Sumiati", int(NIK)]]})
    root, findings = office_findings(make_village, "kpm.xlsx", xlsx)
    assert triples(findings) == [("program.yaml", 4, "nik")] * 2
    assert sorted(f.message_en.split(" holds")[0] for f in findings) == [
        "Document dokumen/kpm.xlsx sheet 'Angka'", "Document dokumen/kpm.xlsx sheet 'Penerima'"]
    assert "lembar kerja 'Penerima'" in " ".join(f.message_id for f in findings)
    assert "dokumen/kpm.xlsx" not in publishable(load_village(root))


def test_sixteen_digit_numbers_without_nik_structure_in_office_documents_are_not_nik(make_village):
    not_nik = ["9908074506870003", "3508074513870003", "3508073206870003"]  # no province; month 13; day 32
    docx = make_docx([[f"Nomor rekening {n}"] for n in not_nik] + [["3508"], ["0745"], ["0687"], ["0003"]])
    xlsx = make_xlsx({"Data": [[n for n in not_nik], ["3508", "0745", "0687", "0003"], [3508, 745068, 70003]]})
    root = make_village({
        "program.yaml": "bumdes_blt:\n  blt:\n    - {tahun: 2026, berkas: dokumen/a.docx}\n    - {tahun: 2025, berkas: dokumen/b.xlsx}\n",
        "dokumen/a.docx": docx, "dokumen/b.xlsx": xlsx,
    })
    assert run_rule(root, nik) == []  # neither those numbers nor paragraphs or cells joined into one
    assert {"dokumen/a.docx", "dokumen/b.xlsx"} <= publishable(load_village(root))


def _zip(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
       'text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def test_nik_in_opendocument_text_and_spreadsheet(make_village):
    odt = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml":
                f'<office:document-content {ODF}><office:body><office:text><text:p>Daftar</text:p>'
                f'<text:p>Sumiati <text:span>3508</text:span><text:s/>0745<text:s/>0687<text:s/>0003</text:p>'
                '</office:text></office:body></office:document-content>'})
    ods = _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml":
                f'<office:document-content {ODF}><office:body><office:spreadsheet><table:table table:name="KPM">'
                f'<table:table-row><table:table-cell office:value-type="float" office:value="{NIK}"><text:p>3,51E+15'
                '</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>'
                '</office:document-content>'})
    root = make_village({
        "program.yaml": "bumdes_blt:\n  blt:\n    - {tahun: 2026, berkas: dokumen/a.odt}\n    - {tahun: 2025, berkas: dokumen/b.ods}\n",
        "dokumen/a.odt": odt, "dokumen/b.ods": ods,
    })
    findings = run_rule(root, nik)
    assert [(f.line, f.message_en.split(" holds")[0]) for f in findings] == [
        (3, "Document dokumen/a.odt paragraph 2"), (4, "Document dokumen/b.ods sheet 'KPM'")]


def test_old_binary_office_files_are_searched_for_digits_as_best_effort(make_village):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + f"Sumiati {NIK}".encode("utf-16-le") + b"\x00" * 64
    _, findings = office_findings(make_village, "kpm.doc", ole)
    assert [f.message_en.split(" (")[0] for f in findings] == ["Document dokumen/kpm.doc holds a number that looks like a NIK or KK number"]


def _rewrite(archive: bytes, name: str, old: str, new: str, added: dict[str, str] | None = None) -> bytes:
    """A copy of a zip archive with one text replaced in one member, and members added."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    members = {info.filename: source.read(info) for info in source.infolist()}
    assert old.encode() in members[name]
    members[name] = members[name].replace(old.encode(), new.encode())
    return _zip({**members, **(added or {})})


def test_what_a_file_keeps_but_does_not_show_is_searched_too(make_village):
    # a tracked deletion keeps its text in w:delText
    deleted = _rewrite(make_docx([["Isi."]]), "word/document.xml", '<w:t xml:space="preserve">Isi.</w:t>',
                       f"<w:t>Isi.</w:t></w:r><w:del><w:r><w:delText>{NIK}</w:delText></w:r></w:del><w:r><w:t/>")
    excel = _rewrite(make_xlsx({"Data": [["Sumiati", int(NIK)]]}), "xl/worksheets/sheet1.xml",
                     f"<v>{NIK}</v>", "<v>3.508074506870003E+15</v>")  # how Excel itself writes a big number
    # Excel's shared strings: the cell that showed the second one was deleted, the string stays in the file
    strings = f"<sst><si><t>Sumiati</t></si><si><r><t>{NIK[:8]}</t></r><r><t>{NIK[8:]}</t></r></si></sst>"
    stale = _rewrite(make_xlsx({"Data": [["Sumiati"]]}), "xl/worksheets/sheet1.xml",
                     '<c r="A1" t="inlineStr"><is><t>Sumiati</t></is></c>', '<c r="A1" t="s"><v>0</v></c>',
                     {"xl/sharedStrings.xml": strings})
    shared = _rewrite(make_xlsx({"Data": [["Sumiati"]]}), "xl/worksheets/sheet1.xml",
                      '<c r="A1" t="inlineStr"><is><t>Sumiati</t></is></c>', '<c r="A1" t="s"><v>1</v></c>',
                      {"xl/sharedStrings.xml": strings})
    embedded = make_docx([["Lampiran terlampir."]], {"word/embeddings/Microsoft_Excel_Worksheet.xlsx": make_xlsx({"KPM": [[NIK]]})})
    files = {"deleted.docx": deleted, "excel.xlsx": excel, "stale.xlsx": stale, "shared.xlsx": shared, "embedded.docx": embedded}
    root = make_village({
        "program.yaml": "bumdes_blt:\n  blt:\n" + "".join(f"    - {{tahun: 2026, berkas: dokumen/{n}}}\n" for n in files),
        **{f"dokumen/{name}": data for name, data in files.items()},
    })
    assert [(f.line, f.message_en.split(" holds")[0]) for f in run_rule(root, nik)] == [
        (3, "Document dokumen/deleted.docx paragraph 1"),
        (4, "Document dokumen/excel.xlsx sheet 'Data'"),
        (5, "Document dokumen/stale.xlsx part xl/sharedStrings.xml (header/footer, notes, comments, metadata or embedded content)"),
        (6, "Document dokumen/shared.xlsx sheet 'Data'"),
        (7, "Document dokumen/embedded.docx part word/embeddings/Microsoft_Excel_Worksheet.xlsx (header/footer, notes, comments, "
            "metadata or embedded content)"),
    ]


def test_nik_in_a_presentation_names_the_slide_in_the_order_shown(make_village):
    ns = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="http://schemas.openxmlformats.org/'
          'drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    slide = f'<p:sld {ns}><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{{}}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>'
    pptx = _zip({  # slide2.xml was moved to the front: the order is the presentation's list, not the file names
        "ppt/presentation.xml": f'<p:presentation {ns}><p:sldIdLst><p:sldId id="256" r:id="rId3"/><p:sldId id="257" r:id="rId2"/>'
                                '</p:sldIdLst></p:presentation>',
        "ppt/_rels/presentation.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                           '<Relationship Id="rId2" Target="slides/slide1.xml"/><Relationship Id="rId3" '
                                           'Target="/ppt/slides/slide2.xml"/></Relationships>',
        "ppt/slides/slide1.xml": slide.format(f"Penerima: Sumiati {NIK}"),
        "ppt/slides/slide2.xml": slide.format("Sosialisasi BLT 2026"),
    })
    _, findings = office_findings(make_village, "blt.pptx", pptx)
    assert [f.message_en.split(" holds")[0] for f in findings] == ["Document dokumen/blt.pptx slide 2"]
    assert "salindia 2" in findings[0].message_id
