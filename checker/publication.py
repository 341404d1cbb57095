"""Which referenced documents a village's site may publish: the checker's verdict, decided once.

The check reads every referenced document (checker.loader, checker.documents); this module turns
what it found into the list the site copies and links, each with the SHA-256 of the bytes that were
judged. A document is published only when all of these hold:

- the reference is plain: safe (checker.domain.references), forward slashes, no empty or `.` part,
  no control or invisible character, no type a browser runs (HTML, SVG, XML, JavaScript), and no
  NIK in the name (`dokumen/ktp-3508074506870003.pdf` would publish the number in its address);
- the file exists inside the village, is a document by its content, is not empty, and its reader
  found no problem (encrypted, damaged, past the reading limits, a name that disagrees with its
  content, macros);
- no text of it holds a NIK-like number (checker.domain.nik), wherever it was found in the file;
- no exempt DIP row refers to it (checker.domain.dip): an exempt document is never published.

The site (sitegen) copies only what is listed here, and only when the bytes it copies hash to the
digest listed; its final output scan reads those documents again as the second line of defence.
"""
from __future__ import annotations

import unicodedata

from checker import paths
from checker.domain import nik, references
from checker.domain.dip import exempt_rows
from checker.model import Document, Village
from checker.parse import DOC_KEY

Published = tuple[tuple[str, str], ...]  # (reference, sha256 of the bytes that were checked), sorted


# Served by a web server as something a browser runs or renders as markup, from the village's own origin.
ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".js", ".mjs",
                   ".php", ".swf")


def plain_reference(ref: str) -> bool:
    """A reference the site can use as a file name and an address as it stands, of a type a browser never runs."""
    if not references.is_safe(ref) or "\\" in ref or ref.endswith("/") or ref.lower().endswith(ACTIVE_SUFFIXES):
        return False
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in ref):  # a \n once crashed every build
        return False
    return all(part not in ("", ".") for part in ref.split("/")) and not any(True for _ in nik.find(ref))


def safe_document(document: Document) -> bool:
    """Read whole, found to be a document, and holding nothing that may not be published."""
    return (document.exists and document.inside and bool(document.kind) and document.size > 0
            and not document.problem and bool(document.sha256)
            and not any(True for text in document.pages for _ in nik.find(text)))


def exempt_references(village: Village) -> frozenset[str]:
    """Every `berkas` of an exempt DIP row."""
    return frozenset(value for _, row in exempt_rows(village.data("dip.yaml")) for path, value in paths.walk(row)
                     if path and path[-1] == DOC_KEY and isinstance(value, str))


def published(village: Village) -> Published:
    closed = exempt_references(village)
    return tuple(sorted((ref, doc.sha256) for ref, doc in village.documents.items()
                        if ref not in closed and plain_reference(ref) and safe_document(doc)))
