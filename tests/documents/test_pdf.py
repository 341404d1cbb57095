"""A PDF is read whole: a NIK in any part a reader or a program can extract is found and named,
and a PDF past the bounds is a finding, never half read and published."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.annotations import Text as Note
from pypdf.generic import (ArrayObject, DictionaryObject, NameObject, NumberObject, StreamObject,
                           TextStringObject)

from checker.documents import pdf
from checker.loader import load_village
from checker.rules import documents, nik
from tests.conftest import make_pdf, run_rule, publishable

NIK = "3508074506870003"  # Lumajang; a woman born 5 June 1987
BLT = "bumdes_blt:\n  blt:\n    - tahun: 2026\n      berkas: dokumen/kpm.pdf\n"  # the berkas is on line 4


def writer() -> PdfWriter:
    return PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("Daftar KPM", ["Isi tanpa nomor."]))))


def pages(*texts: str) -> bytes:
    """One page per text (make_pdf writes one page)."""
    out = PdfWriter()
    for text in texts:
        out.append(PdfReader(io.BytesIO(make_pdf("Daftar", [text]))))
    return written(out)


def written(pdf_writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    pdf_writer.write(buffer)
    return buffer.getvalue()


def with_field(value: str) -> bytes:
    """A text field 'nik_penerima' whose value is `value` (a real AcroForm with one widget)."""
    out = writer()
    field = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
                              NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject("nik_penerima"),
                              NameObject("/V"): TextStringObject(value),
                              NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (50, 500, 250, 520)])})
    reference = out._add_object(field)
    out.pages[0][NameObject("/Annots")] = ArrayObject([reference])
    out._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject([reference])})
    return written(out)


def with_xmp(value: str) -> bytes:
    out = writer()
    packet = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
              f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>{value}</dc:description>'
              '</rdf:Description></rdf:RDF></x:xmpmeta>')
    stream = StreamObject()
    stream.set_data(packet.encode())
    stream.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
    out._root_object[NameObject("/Metadata")] = out._add_object(stream)
    return written(out)


def with_info(value: str) -> bytes:
    out = writer()
    out.add_metadata({"/Keywords": value, "/Penerima": "Sumiati"})
    return written(out)


def with_note(value: str) -> bytes:
    out = writer()
    out.add_annotation(0, Note(rect=(50, 550, 200, 650), text=value))
    return written(out)


def with_link(value: str) -> bytes:
    out = writer()
    out.add_annotation(0, Link(rect=(50, 550, 200, 650), url=f"https://desa.example/cek?nik={value}"))
    return written(out)


def with_attachment(value: str) -> bytes:
    out = writer()
    out.add_attachment("lampiran.pdf", pages("Tanpa nomor.", f"Sumiati {value}"))
    return written(out)


def with_bookmark(value: str) -> bytes:
    out = writer()
    out.add_outline_item(title=f"Sumiati {value}", page_number=0)
    return written(out)


CASES = [
    (with_info, "part properti dokumen"),
    (with_xmp, "part metadata XMP"),
    (with_note, "part anotasi 1 halaman 1"),
    (with_link, "part anotasi 1 halaman 1"),
    (with_field, "part isian formulir 'nik_penerima'"),
    (with_attachment, "part lampiran 'lampiran.pdf' halaman 2"),
    (with_bookmark, "part penanda (bookmark)"),
]


def village_with(make_village, data: bytes):
    return make_village({"program.yaml": BLT, "dokumen/kpm.pdf": data})


@pytest.mark.parametrize(("make", "place"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_a_nik_anywhere_in_a_pdf_is_found_named_and_never_published(make_village, make, place):
    root = village_with(make_village, make(NIK))
    findings = run_rule(root, nik)
    assert [(f.file, f.line, f.rule) for f in findings] == [("program.yaml", 4, "nik")]
    assert f"Berkas dokumen/kpm.pdf bagian {place.removeprefix('part ')} (kepala" in findings[0].message_id
    assert "350807******0003" in findings[0].message_en
    assert publishable(load_village(root)) == frozenset()


@pytest.mark.parametrize(("make", "place"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_the_same_parts_without_a_nik_pass_and_are_published(make_village, make, place):
    root = village_with(make_village, make("ditulis tanpa nomor"))
    assert run_rule(root, nik) == [] and run_rule(root, documents) == []
    assert publishable(load_village(root)) == {"dokumen/kpm.pdf"}


def test_a_number_in_a_reader_placed_glyph_by_glyph_is_found(make_village):
    out = writer()
    page = out.pages[0]
    font = page["/Resources"]["/Font"]
    name = next(iter(font))
    glyphs = "".join(f"({digit}) Tj 7 0 Td " for digit in NIK)
    stream = StreamObject()
    stream.set_data(f"BT {name} 12 Tf 72 600 Td {glyphs}ET".encode())
    page[NameObject("/Contents")] = out._add_object(stream)
    findings = run_rule(village_with(make_village, written(out)), nik)
    assert [f.message_en.split(" holds")[0] for f in findings] == ["Document dokumen/kpm.pdf page 1"]


def test_pages_past_the_bound_make_the_pdf_a_finding_not_a_partial_scan(make_village, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    root = village_with(make_village, pages("Satu.", "Dua.", f"Sumiati {NIK}"))
    findings = run_rule(root, documents)
    assert [(f.file, f.line, f.rule, f.severity.label) for f in findings] == [("program.yaml", 4, "documents", "error")]
    assert "past the scanning limits" in findings[0].message_en
    assert publishable(load_village(root)) == frozenset()


def test_attachments_nested_past_the_bound_are_too_deep(make_village, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_DEPTH", 1)
    inner = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("Dalam", ["Tanpa nomor."]))))
    inner.add_attachment("terdalam.pdf", make_pdf("Terdalam", ["Tanpa nomor."]))
    out = writer()
    out.add_attachment("lampiran.pdf", written(inner))
    root = village_with(make_village, written(out))
    findings = run_rule(root, documents)
    assert [(f.line, f.rule) for f in findings] == [(4, "documents")]
    assert "nested too deep" in findings[0].message_en
    assert publishable(load_village(root)) == frozenset()
