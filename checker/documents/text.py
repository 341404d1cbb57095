"""What a referenced document is, by its first bytes, and every text it holds, for the NIK scan.

PDF through checker.documents.pdf (pages, properties, annotations, fields, attachments,
bookmarks); images through checker.documents.image (their metadata); zipped office documents
through checker.documents.office; old binary office files (doc, xls: OLE2 containers) by a
best-effort look for 16-digit runs in their raw bytes, as 8-bit text and as UTF-16. A file embedded
in another is read by the same dispatch (`read_bytes`), one level deeper; one of no document type
is read as plain text there, since its reader will see it as such. The loader opens the file and
passes the open handle: nothing here opens a village file. A document that cannot be read whole
within the limits says why in `problem`, and `format` says what its content is, so the loader can
compare it with the name.
"""
from __future__ import annotations

import io
import re
from typing import BinaryIO

from checker.documents import image, pdf
from checker.documents.office import ZIP_MAGIC, Text
from checker.documents.office import read as read_zip

MAX_PDF_BYTES = pdf.MAX_BYTES  # a 100 MB scan is already far past a web download
MAX_IMAGE_BYTES = 50_000_000
MAX_OLE_BYTES = 200_000_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (ZIP_MAGIC, "office"),  # docx, xlsx, pptx, odt, ods, odp: zip containers (other zips are not documents)
    (OLE_MAGIC, "office"),  # doc, xls: OLE2
)
_DIGITS = re.compile(rb"(?<![0-9])[0-9][0-9 .\-]{14,22}[0-9](?![0-9])")
_DIGITS16 = re.compile(rb"(?<![0-9]\x00)[0-9]\x00(?:[0-9 .\-]\x00){14,22}[0-9]\x00(?![0-9]\x00)")
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # a password-protected docx or xlsx is an OLE2 file


# The names each content may go by. A browser picks how to run a served file by its name, so a PNG
# named .html or .svg would run as a page of the village's own site: the name must agree.
EXTENSIONS = {"pdf": (".pdf",), "png": (".png",), "jpeg": (".jpg", ".jpeg"), "gif": (".gif",), "webp": (".webp",),
              "docx": (".docx",), "xlsx": (".xlsx",), "pptx": (".pptx",), "odt": (".odt",), "ods": (".ods",),
              "odp": (".odp",), "ole": (".doc", ".xls", ".ppt")}


def mismatch(ref: str, text: Text) -> str:
    """ "mismatch" when the name's extension is not one the document's content may go by, else ""."""
    suffix = "." + ref.rpartition(".")[2].lower() if "." in ref.rpartition("/")[2] else ""
    return "" if suffix in EXTENSIONS.get(text.format, ()) else "mismatch"


def kind_of(head: bytes) -> str:
    """pdf, image, office, or "" when the first bytes are no document type."""
    kind = next((k for magic, k in _MAGIC if head.startswith(magic)), "")
    if not kind and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "image"
    return kind


def read(handle: BinaryIO, size: int) -> tuple[str, Text]:
    """The kind of an open document and its text; the kind is "" for a zip that is no office document."""
    head = handle.read(16)
    handle.seek(0)
    kind = kind_of(head)
    if kind == "pdf":
        return kind, pdf_text(handle, size)
    if kind == "image":
        return kind, image.read(handle.read()) if size <= MAX_IMAGE_BYTES else Text(problem="too_big_to_scan")
    if kind == "office" and head.startswith(ZIP_MAGIC):
        text = read_zip(handle)
        return (kind if text.known else ""), text
    if kind == "office":
        return kind, ole_text(handle)
    return kind, Text()


def read_bytes(data: bytes, depth: int) -> Text:
    """An embedded file, by its own kind; one of no document type as plain text."""
    kind = kind_of(data[:16])
    if kind == "pdf":
        return pdf.read(data, depth, read_bytes)
    if kind == "image":
        return image.read(data)
    if kind == "office" and data.startswith(ZIP_MAGIC):
        text = read_zip(io.BytesIO(data))
        return text if text.known else Text((image.binary(data),), ("file",))
    if kind == "office":
        return ole_text(io.BytesIO(data))
    return Text((image.binary(data),), ("file",))


def pdf_text(handle: BinaryIO, size: int) -> Text:
    """Every text of a PDF, or the reason it cannot all be read."""
    if size > MAX_PDF_BYTES:
        return Text(problem="too_big_to_scan", format="pdf")
    return pdf.read(handle.read(), 0, read_bytes)


def ole_text(handle: BinaryIO) -> Text:
    """Best effort for doc and xls: every 16-digit-looking run of the raw bytes, read in chunks."""
    found: dict[str, None] = {}
    tail, total = b"", 0
    while chunk := handle.read(1 << 20):
        total += len(chunk)
        if total > MAX_OLE_BYTES:
            return Text(problem="too_big_to_scan")
        data = tail + chunk
        if _ENCRYPTED in data:
            return Text(problem="encrypted")
        found.update(dict.fromkeys(match.group().decode("latin-1") for match in _DIGITS.finditer(data)))
        found.update(dict.fromkeys(match.group().decode("utf-16-le") for match in _DIGITS16.finditer(data)))
        tail = data[-64:]  # a number cut by the chunk boundary is whole in the next round
    return Text(("\n".join(found),), ("file",), format="ole")
