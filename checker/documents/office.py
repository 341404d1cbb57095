"""Text of zipped office documents (docx, xlsx, pptx, odt, ods, odp) for the NIK scan: every part.

The loader opens the file and hands the open handle here. A zip archive is read as hostile input:
at most MAX_MEMBERS members and a small central directory, checked before zipfile reads it; at most
MAX_TEXT_BYTES inflated per document, all parts together, counted as XML streams (a zip bomb stops
there and is reported as "too_big_to_scan"); XML carrying a DTD is refused, so no entity expands or
fetches anything. Every member is read: the body (and, apart from it, its attribute values: a
drawing's alt text `descr`/`title`), every other XML part (headers, footers, notes, comments,
metadata, relationships with their hyperlink targets, VML), and each other member by what its bytes
are: an image by its metadata, an embedded PDF or OLE object by its own reader, an embedded zipped
document once more within the same budget (at most MAX_DEPTH levels, deeper is "too_deep"), and
anything else as raw bytes. Each text comes with a place code the nik rule turns into words:
"paragraphs" (the body, one paragraph a line), "sheet:<name>", "slide:<n>", "part:<member>" (the
rest; "part:<member> (atribut: teks alternatif, tautan)" for a body part's attributes).
"""
from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO
from xml.parsers import expat

from checker.documents import officebody
from checker.documents import officexml as xml

MAX_MEMBERS = 2_000  # a real docx holds 10-40 members, a big xlsx a few hundred
MAX_DIRECTORY_BYTES = 2_000_000
MAX_TEXT_BYTES = 100_000_000  # every part inflated, per document; a 500-page report is about 5 MB of XML, photos more
MAX_DEPTH = 2  # a spreadsheet embedded in a letter embedded in a letter
ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 1 << 16
_BASIC_INDEXES = ("script-lc.xml", "script-lb.xml", "dialog-lc.xml", "dialog-lb.xml")


@dataclass(frozen=True)
class Text:
    pages: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # one place code per text, see the module docstring
    problem: str = ""  # "", "corrupt", "encrypted", "too_big_to_scan", "too_deep" or "macro"
    known: bool = True  # False: a zip archive, but not an office document
    format: str = ""  # what the content is: pdf, png, jpeg, gif, webp, docx, xlsx, ..., ole; "" unknown


class Refused(Exception):
    """The document cannot be scanned within the limits; `problem` says why."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


def _no_dtd(*_: object) -> None:
    raise Refused("corrupt")


class Budget:
    """Bytes a document may still inflate; shared with the documents embedded in it."""

    def __init__(self) -> None:
        self.left = MAX_TEXT_BYTES

    def take(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise Refused("too_big_to_scan")


class _Archive:
    """One open zip archive and the budget its parts share."""

    def __init__(self, archive: zipfile.ZipFile, budget: Budget):
        self.zip, self.budget = archive, budget
        self.members = {info.filename: info for info in archive.infolist()}
        self.done: set[str] = set()  # members already read: the other parts are scanned as "part:<member>"
        self.kept: list[tuple[str, str]] = []  # attribute texts of the parts read so far
        if any(info.flag_bits & 0x1 for info in self.members.values()):
            raise Refused("encrypted")

    def parse(self, name: str, handler: xml.Flow) -> xml.Flow:
        """Stream one member through expat into `handler`."""
        info = self.members.get(name)
        if info is None:
            raise Refused("corrupt")  # a part the document's own index names is missing
        self.done.add(name)
        if info.file_size > self.budget.left:
            raise Refused("too_big_to_scan")
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True  # one callback per text node, so a number is never cut in two
        parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = _no_dtd  # neither OOXML nor ODF has one
        parser.StartElementHandler, parser.EndElementHandler = handler.start, handler.end
        parser.CharacterDataHandler = handler.data
        with self.zip.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                self.budget.take(len(chunk))
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
        if handler.kept:
            self.kept.append((f"part:{name} (atribut: teks alternatif, tautan)", "\n".join(handler.kept)))
        return handler

    def ordered(self, main: str, tag: str) -> list[tuple[str, str]]:
        """(name, member) of each sheet or slide `main` lists, in its order, through its relationships."""
        folder, base = posixpath.split(main)
        rels = f"{folder}/_rels/{base}.rels"
        targets = self.parse(rels, xml.Relationships()).targets if rels in self.members else {}
        listed = [(name, targets[rid]) for name, rid in self.parse(main, xml.Listed(tag)).items if rid in targets]
        return [(name, target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target)))
                for name, target in listed]


def _has_macros(names: list[str]) -> bool:
    return any(name.lower().endswith("vbaproject.bin") or (name.startswith("Basic/") and name.count("/") == 2
                                                            and not name.endswith(_BASIC_INDEXES)) for name in names)


def _other_parts(archive: _Archive, depth: int) -> list[tuple[str, str]]:
    """Every other part: XML ones (headers, footers, notes, comments, metadata, relationships with
    their hyperlink targets, VML drawings), and the rest by its own kind (images by their metadata,
    embedded documents, old OLE objects), each against the archive's budget."""
    found = []
    for name, info in list(archive.members.items()):
        if name in archive.done or name.endswith("/"):
            continue
        if name.lower().endswith((".xml", ".rels")):  # streamed against the budget, a DTD refused
            found.append((f"part:{name}", archive.parse(name, xml.Flow(attributes=True)).texts()[0][1]))
            continue
        if info.file_size > archive.budget.left:
            raise Refused("too_big_to_scan")
        data = archive.zip.read(info)
        archive.budget.take(len(data))
        found += [(f"part:{name}{place}", text) for place, text in _part(data, depth, archive.budget)]
    return found


def _part(data: bytes, depth: int, budget: Budget) -> list[tuple[str, str]]:
    """The texts of one member that is not a body part, by what its bytes are."""
    from checker.documents import image, pdf, text  # they read office documents too

    if data.startswith(ZIP_MAGIC):
        if depth + 1 > MAX_DEPTH:
            raise Refused("too_deep")
        inner = _zip(io.BytesIO(data), budget, depth + 1)  # the same budget: no bomb inside a bomb
        if not inner.known:
            return [("", image.binary(data))]  # a plain archive: what its stored bytes show
        if inner.problem:
            raise Refused(inner.problem)  # a macro or a bomb inside is the document's own problem
        return [("", "\n".join(inner.pages))]  # as one text: the place is the embedded document
    if data.lstrip()[:1] == b"<":
        return [("", xml.xml_text(data))]  # parsed, or raw text when it is not well-formed (VML often is not)
    if not text.kind_of(data[:16]):
        return [("", image.binary(data))]  # printer settings, fonts: any digits they hold
    inner = text.read_bytes(data, depth + 1)  # an image's metadata, an embedded PDF, an old OLE object
    if inner.problem:
        raise Refused(inner.problem)
    return [(pdf.words(place), page) for place, page in zip(inner.places or ("",) * len(inner.pages), inner.pages)]


def _directory_fits(handle: BinaryIO) -> None:
    """Refuse, from the end record alone, a central directory too big to read (zipfile reads it whole)."""
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(max(0, size - 65_557))  # the end record (22 bytes) and the longest comment
    tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise Refused("corrupt")
    entries, directory = struct.unpack("<xxxxxxxxxxHL", tail[at : at + 16])
    if entries > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:  # 0xFFFF entries also means zip64
        raise Refused("too_big_to_scan")
    handle.seek(0)


def _zip(handle: BinaryIO, budget: Budget, depth: int) -> Text:
    _directory_fits(handle)
    with zipfile.ZipFile(handle) as opened:
        archive = _Archive(opened, budget)
        kind = officebody.kind(archive)
        if not kind:
            return Text(known=False)
        found = officebody.body(archive, kind)
        found += _other_parts(archive, depth) + archive.kept
        problem = "macro" if _has_macros(list(archive.members)) else ""
    return Text(tuple(text for _, text in found), tuple(place for place, _ in found), problem, format=kind)


def read(handle: BinaryIO, depth: int = 0) -> Text:
    """The text of a zipped office document, or why it cannot be read; known=False for other zips."""
    try:
        return _zip(handle, Budget(), depth)
    except Refused as refused:
        return Text(problem=refused.problem)
    except (zipfile.BadZipFile, zlib.error, expat.ExpatError, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError, struct.error, KeyError):  # a damaged archive, in any of its ways
        return Text(problem="corrupt")

