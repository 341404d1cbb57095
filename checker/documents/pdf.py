"""Everything a PDF holds as text, for the NIK scan: pages, properties, XMP, annotations, fields,
attachments, bookmarks.

Page text comes from pdfium (pypdfium2): it is faster than pypdf and joins a number drawn one glyph
at a time, which pypdf splits. The structure around the pages comes from pypdf, which reads the
objects themselves: the document information (every key, not only the standard ones), the XMP
metadata (its XML text and attributes), the annotations of every page pdfium counts any on
(contents, author, subject, rich text, link addresses, attached files), the form fields (names,
values, defaults, tooltips, choices), the embedded files (read again by their own kind, at most
MAX_DEPTH levels deep) and the bookmarks. Each text has a place code: "page:<n>" for a page and
"part:<words>" for the rest, in Indonesian, because the nik rule shows it to the clerk as is.
Bounds fail closed: more than MAX_PAGES pages, MAX_ITEMS annotations, fields or bookmarks, or
MAX_BYTES of attachments make the document "too_big_to_scan", deeper nesting "too_deep"; either way
it is reported and never published, because what was not read cannot be said to be free of a NIK.
"""
from __future__ import annotations

import ctypes
import io
import logging
from typing import Any, Callable

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from checker.documents import officexml
from checker.documents.office import Refused, Text

logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged PDFs are a finding, not log noise
MAX_PAGES = 2_000  # a 2,000-page PDF takes pdfium about 1.5 s; past it the document is refused, not half read
MAX_BYTES = 100_000_000  # the file, and all its attachments together
MAX_DEPTH = 3  # a PDF attached to a PDF attached to a PDF
MAX_ITEMS = 20_000  # annotations, fields, attachments and bookmarks together
_ANNOTATION_KEYS = ("/Contents", "/Subj", "/NM", "/RC", "/Name", "/T", "/V", "/TU")
Nested = Callable[[bytes, int], Text]  # reads an attached file by its own kind, one level deeper


class _Found:
    """The texts found so far, with their places, and what is left of the bounds."""

    def __init__(self, depth: int, nested: Nested):
        self.depth, self.nested = depth, nested
        self.places: list[str] = []
        self.texts: list[str] = []
        self.items, self.attached = MAX_ITEMS, MAX_BYTES

    def add(self, place: str, text: str) -> None:
        if text.strip():
            self.places.append(place)
            self.texts.append(text)

    def count(self, number: int = 1) -> None:
        self.items -= number
        if self.items < 0:
            raise Refused("too_big_to_scan")

    def attach(self, place: str, data: bytes) -> None:
        """An embedded file, read by its own kind; its places are nested under `place`."""
        self.attached -= len(data)
        if self.attached < 0:
            raise Refused("too_big_to_scan")
        if self.depth >= MAX_DEPTH:
            raise Refused("too_deep")
        inner = self.nested(data, self.depth + 1)
        if inner.problem:
            raise Refused(inner.problem)  # an attachment that cannot be read leaves its PDF unread too
        for inner_place, text in zip(inner.places or ("",) * len(inner.pages), inner.pages):
            self.add(f"part:{place}{words(inner_place)}", text)


def words(place: str) -> str:
    """A nested place in the words of the nik rule's messages: "page:2" -> " halaman 2"."""
    unit, _, name = place.partition(":")
    said = {"page": f"halaman {name}", "sheet": f"lembar '{name}'", "slide": f"salindia {name}",
            "part": name, "paragraphs": "isi"}.get(unit, "")
    return f" {said}" if said else ""


def _value(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def _strings(value: Any, depth: int = 0) -> list[str]:
    """The text of a PDF value: strings and names, inside arrays and dictionaries too (bounded)."""
    value = _value(value)
    if depth > 8 or isinstance(value, StreamObject):
        return []
    if isinstance(value, ArrayObject):
        return [text for item in value[:1000] for text in _strings(item, depth + 1)]
    if isinstance(value, DictionaryObject):
        return [text for item in list(value.values())[:1000] for text in _strings(item, depth + 1)]
    return [str(value)] if value is not None else []


def _pages(data: bytes, found: _Found) -> list[int]:
    """Each page's text through pdfium; the indexes of the pages that carry annotations.

    pdfium's C calls directly: pypdfium2's page and text-page objects cost a tenth of the time
    the text itself takes, on pages this small."""
    document = pdfium.PdfDocument(data)
    annotated = []
    try:
        count = pdfium_c.FPDF_GetPageCount(document.raw)
        if count > MAX_PAGES:
            raise Refused("too_big_to_scan")
        for index in range(count):
            page = pdfium_c.FPDF_LoadPage(document.raw, index)
            if not page:
                raise Refused("corrupt")
            try:
                found.add(f"page:{index + 1}", _page_text(page))
                if pdfium_c.FPDFPage_GetAnnotCount(page) > 0:
                    annotated.append(index)
            finally:
                pdfium_c.FPDF_ClosePage(page)
    finally:
        document.close()
    return annotated


def _page_text(page: Any) -> str:
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        raise Refused("corrupt")
    try:
        count = pdfium_c.FPDFText_CountChars(textpage)
        if count <= 0:
            return ""
        buffer = ctypes.create_string_buffer(2 * (count + 1))
        pdfium_c.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        return buffer.raw[: 2 * count].decode("utf-16-le", "replace")
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)


def _annotations(reader: pypdf.PdfReader, annotated: list[int], found: _Found) -> None:
    form = "/AcroForm" in reader.trailer["/Root"]  # then a widget's value is read with its field
    for index in annotated:
        annotations = _value(reader.pages[index].get("/Annots")) or []
        found.count(len(annotations))
        for number, annotation in enumerate(annotations, start=1):
            annotation = _value(annotation)
            if not isinstance(annotation, DictionaryObject):
                continue
            place = f"anotasi {number} halaman {index + 1}"
            action = _value(annotation.get("/A"))
            keys = _ANNOTATION_KEYS[:5] if form and annotation.get("/Subtype") == "/Widget" else _ANNOTATION_KEYS
            texts = [t for key in keys for t in _strings(annotation.get(key))]
            texts += _strings(action.get("/URI")) if isinstance(action, DictionaryObject) else []
            found.add(f"part:{place}", "\n".join(texts))
            spec = _value(annotation.get("/FS"))
            if isinstance(spec, DictionaryObject):
                found.add(f"part:{place}", "\n".join(_strings(spec.get("/F")) + _strings(spec.get("/UF"))))
                stream = _value((_value(spec.get("/EF")) or {}).get("/F"))
                if isinstance(stream, StreamObject):
                    found.attach(f"lampiran pada {place}", stream.get_data())


def _catalogue(reader: pypdf.PdfReader, found: _Found) -> None:
    """Document information, XMP, form fields, embedded files and bookmarks."""
    info = reader.metadata or {}
    found.add("part:properti dokumen", "\n".join(f"{key.lstrip('/')}: {'; '.join(_strings(value))}"
                                                  for key, value in info.items()))
    root = reader.trailer["/Root"]
    metadata = _value(root.get("/Metadata"))
    if isinstance(metadata, StreamObject):
        found.add("part:metadata XMP", officexml.xml_text(metadata.get_data()))
    if "/AcroForm" in root:
        fields = reader.get_fields() or {}
        found.count(len(fields))
        for name, field in fields.items():
            texts = [t for key in ("/V", "/DV", "/TU", "/Opt") for t in _strings(field.get(key))]
            found.add(f"part:isian formulir '{name}'", "\n".join([name, *texts]))
    if "/Names" in root and "/EmbeddedFiles" in (_value(root["/Names"]) or {}):
        for name, contents in reader.attachments.items():
            found.count()
            found.add(f"part:lampiran '{name}'", name)
            for data in contents:
                found.attach(f"lampiran '{name}'", data)
    if "/Outlines" in root:
        titles: list[str] = []
        _titles(reader.outline, titles, found)
        found.add("part:penanda (bookmark)", "\n".join(titles))


def _titles(outline: list[Any], titles: list[str], found: _Found) -> None:
    for item in outline:
        found.count()
        if isinstance(item, list):
            _titles(item, titles, found)
        else:
            titles.append(str(getattr(item, "title", "") or ""))


def read(data: bytes, depth: int, nested: Nested) -> Text:
    """Every text of a PDF with its place, or the reason it cannot all be read."""
    if len(data) > MAX_BYTES:
        return Text(problem="too_big_to_scan", format="pdf")
    found = _Found(depth, nested)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return Text(problem="encrypted", format="pdf")
        annotated = _pages(data, found)
        _catalogue(reader, found)
        _annotations(reader, annotated, found)
    except Refused as refused:
        return Text(problem=refused.problem, format="pdf")
    except RecursionError:
        return Text(problem="too_deep", format="pdf")
    except Exception:  # pypdf and pdfium raise many kinds on a damaged file; all mean the same to staff
        return Text(problem="corrupt", format="pdf")
    return Text(tuple(found.texts), tuple(found.places), format="pdf")
