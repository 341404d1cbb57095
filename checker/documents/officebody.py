"""The body of each kind of zipped office document, in the order a reader sees it: a Word or
OpenDocument text as paragraphs, each sheet of a workbook, each slide of a presentation in the
order the presentation lists them. checker.documents.office opens the archive and reads the rest."""
from __future__ import annotations

from typing import TYPE_CHECKING

from checker.documents import officexml as xml

if TYPE_CHECKING:
    from checker.documents.office import _Archive

_MAIN = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
_ODF = {"application/vnd.oasis.opendocument.text": "odt", "application/vnd.oasis.opendocument.spreadsheet": "ods",
        "application/vnd.oasis.opendocument.presentation": "odp"}


def _docx(archive: _Archive) -> list[tuple[str, str]]:
    return [("paragraphs", archive.parse("word/document.xml", xml.Flow(**xml.WORD)).texts()[0][1])]


def _xlsx(archive: _Archive) -> list[tuple[str, str]]:
    strings = archive.parse("xl/sharedStrings.xml", xml.Strings()).items if "xl/sharedStrings.xml" in archive.members else []
    found, used = [], set()
    for name, member in archive.ordered("xl/workbook.xml", "sheet"):
        if member in archive.members:  # a chartsheet or a dangling entry has no cells to read
            sheet = archive.parse(member, xml.Sheet(strings))
            found.append((f"sheet:{name}", sheet.texts()[0][1]))
            used |= sheet.used
    stale = [text for index, text in enumerate(strings) if index not in used]  # still in the file, never shown
    return found + ([("part:xl/sharedStrings.xml", "\n".join(stale))] if stale else [])


def _pptx(archive: _Archive) -> list[tuple[str, str]]:
    slides = archive.ordered("ppt/presentation.xml", "sldId")
    return [(f"slide:{n}", archive.parse(member, xml.Flow(**xml.SLIDE)).texts()[0][1])
            for n, (_, member) in enumerate(slides, start=1) if member in archive.members]


def _odf(archive: _Archive, kind: str) -> list[tuple[str, str]]:
    if kind == "odt":
        return [("paragraphs", archive.parse("content.xml", xml.Flow(**xml.ODF_TEXT)).texts()[0][1])]
    split = "table" if kind == "ods" else "page"
    pages = archive.parse("content.xml", xml.Flow(**xml.ODF_CELLS, split=split)).texts()[1:]
    if kind == "ods":
        return [(f"sheet:{name}", text) for name, text in pages]
    return [(f"slide:{n}", text) for n, (_, text) in enumerate(pages, start=1)]


_OOXML = {"docx": _docx, "xlsx": _xlsx, "pptx": _pptx}


def kind(archive: _Archive) -> str:
    """docx, xlsx, pptx, odt, ods, odp, or "" for a zip that is none of them."""
    if "mimetype" in archive.members and archive.members["mimetype"].file_size < 100:
        mimetype = archive.zip.read("mimetype").decode("ascii", "replace").strip()
        return _ODF.get(mimetype, "")
    return next((kind for main, kind in _MAIN.items() if main in archive.members), "")


def body(archive: _Archive, kind: str) -> list[tuple[str, str]]:
    """(place, text) of the body of a document of `kind`."""
    return _odf(archive, kind) if kind in _ODF.values() else _OOXML[kind](archive)
