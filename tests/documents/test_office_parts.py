"""Every part of an office document is read: a NIK in a drawing's alt text, a hyperlink target, a
VML drawing, an embedded image's metadata, an embedded PDF or an old OLE object is found; an
embedding nested past the bound is a finding."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from checker.documents import office
from checker.loader import load_village
from checker.rules import documents, nik
from tests.conftest import WORD_NS, make_docx, make_pdf, run_rule, publishable

NIK = "3508074506870003"
LIST = "dokumen:\n  - judul: Daftar\n    berkas: dokumen/kpm.docx\n"  # the berkas is on line 3
DRAWING = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
           'wordprocessingDrawing"><wp:docPr id="1" name="Gambar 1" descr="{value}"/></wp:inline></w:drawing></w:r></w:p>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'hyperlink" Target="https://desa.example/cek?nik={value}" TargetMode="External"/></Relationships>')


def docx_with_body(xml: str) -> bytes:
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {WORD_NS}><w:body>{xml}</w:body></w:document>'
    return make_docx([], {"word/document.xml": document})


def alt_text(value: str) -> bytes:
    return docx_with_body(DRAWING.format(value=value))


def hyperlink(value: str) -> bytes:
    return make_docx([["Cek data."]], {"word/_rels/document.xml.rels": RELS.format(value=value)})


def vml(value: str) -> bytes:
    return make_docx([["Isi."]], {"word/vmlDrawing1.vml": f"<xml><v:shape alt='{value}'><br></v:shape>"})


def embedded_image(value: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "JPEG", comment=f"KTP {value}")
    return make_docx([["Isi."]], {"word/media/image1.jpeg": buffer.getvalue()})


def embedded_pdf(value: str) -> bytes:
    return make_docx([["Isi."]], {"word/embeddings/lampiran.pdf": make_pdf("Lampiran", [f"Sumiati {value}"])})


def ole_object(value: str) -> bytes:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50 + f"Penerima {value}".encode("utf-16-le")
    return make_docx([["Isi."]], {"word/embeddings/oleObject1.bin": ole})


CASES = [alt_text, hyperlink, vml, embedded_image, embedded_pdf, ole_object]


@pytest.mark.parametrize("make", CASES, ids=[make.__name__ for make in CASES])
def test_a_nik_in_any_part_of_a_word_document_is_found(make_village, make):
    root = make_village({"dokumen.yaml": LIST, "dokumen/kpm.docx": make(NIK)})
    findings = run_rule(root, nik)
    assert [(f.file, f.line, f.rule) for f in findings] == [("dokumen.yaml", 3, "nik")]
    assert "350807******0003" in findings[0].message_id
    assert publishable(load_village(root)) == frozenset()


@pytest.mark.parametrize("make", CASES, ids=[make.__name__ for make in CASES])
def test_the_same_parts_without_a_nik_pass(make_village, make):
    root = make_village({"dokumen.yaml": LIST, "dokumen/kpm.docx": make("tanpa nomor")})
    assert run_rule(root, nik) == [] and run_rule(root, documents) == []
    assert publishable(load_village(root)) == {"dokumen/kpm.docx"}


def test_alt_text_is_named_apart_from_the_paragraphs():
    text = office.read(io.BytesIO(alt_text(NIK)))
    by_place = dict(zip(text.places, text.pages))
    assert NIK in by_place["part:word/document.xml (atribut: teks alternatif, tautan)"]
    assert NIK not in by_place["paragraphs"]


def test_embeddings_nested_past_the_bound_are_too_deep(make_village):
    deepest = make_docx([["Terdalam."]])
    middle = make_docx([["Tengah."]], {"word/embeddings/dalam.docx": deepest})
    outer = make_docx([["Luar."]], {"word/embeddings/tengah.docx": make_docx([["x"]], {"word/embeddings/b.docx": middle})})
    root = make_village({"dokumen.yaml": LIST, "dokumen/kpm.docx": outer})
    assert [(f.line, "nested too deep" in f.message_en) for f in run_rule(root, documents)] == [(3, True)]
    assert publishable(load_village(root)) == frozenset()
