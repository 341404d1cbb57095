"""What a referenced document is, by its first bytes, and the text it holds, for the NIK scan.

PDF pages through pypdf; zipped office documents through checker.office; old binary office files
(doc, xls: OLE2 containers) by a best-effort look for 16-digit runs in their raw bytes, as 8-bit
text and as UTF-16. The loader opens the file and passes the open handle: nothing here opens a
village file. A document that cannot be read within the limits says why in `problem`.
"""
from __future__ import annotations

import io
import logging
import re
from typing import BinaryIO

import pypdf

from checker.documents.office import ZIP_MAGIC, Text
from checker.documents.office import read as read_zip

logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged PDFs are a finding, not log noise
MAX_PDF_PAGES = 200  # a scan beyond this is left to the text the village publishes elsewhere
MAX_PDF_BYTES = 100_000_000  # pypdf holds the whole file; a 100 MB scan is already far past a web download
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
    if kind == "office" and head.startswith(ZIP_MAGIC):
        text = read_zip(handle)
        return (kind if text.known else ""), text
    if kind == "office":
        return kind, ole_text(handle)
    return kind, Text()


def pdf_text(handle: BinaryIO, size: int) -> Text:
    """The text of each page, or the reason it cannot be read."""
    if size > MAX_PDF_BYTES:
        return Text(problem="too_big_to_scan")
    try:
        reader = pypdf.PdfReader(io.BytesIO(handle.read()))  # what pypdf does with a path, minus the second open
        if reader.is_encrypted:
            return Text(problem="encrypted")
        return Text(tuple(page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]))
    except Exception:  # pypdf raises many kinds on a damaged file; all mean the same to staff
        return Text(problem="corrupt")


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
    return Text(("\n".join(found),), ("file",))
