"""The last check before a build is swapped in: nothing private slipped into the output.

Templates and the view already leave out exempt entries and NIKs; this scan does not trust them. It
reads every file of the finished build and fails the build when it finds a NIK/KK-shaped number
(in a page, an export, a file name, or the text of a published document, read again with the
check's own document reader and never through a cache), the content summary or document path of
an exempt DIP entry, a copy of an exempt document (matched by its bytes, whatever its name), or a
published village document a browser would run or that is not the document its name says: only
the theme and the build write HTML, SVG, XML or JavaScript.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checker import paths
from checker.domain.dip import exempt_rows
from checker.documents import text as doctext
from checker.domain.nik import find as find_nik
from checker.loader import DOC_KEY
from checker.model import Village
from checker.publication import ACTIVE_SUFFIXES

TEXT_SUFFIXES = (".html", ".xml", ".json", ".csv", ".txt", ".css", ".js", ".svg")



@dataclass
class Forbidden:
    texts: set[str] = field(default_factory=set)  # exact strings that must not appear
    digests: set[str] = field(default_factory=set)  # sha256 of files that must not be copied

    def add_village(self, village: Village) -> None:
        for _, row in exempt_rows(village.data("dip.yaml")):
            for path, value in paths.walk(row):
                if not isinstance(value, str) or len(value) < 12:
                    continue  # short values (a date, "Permanen") say nothing private and would match by chance
                if path and path[-1] == DOC_KEY:
                    self.texts.add(value)
                    target = village.root / value
                    if village.documents.get(value) and village.documents[value].exists and target.is_file():
                        self.digests.add(hashlib.sha256(target.read_bytes()).hexdigest())
                elif path and path[-1] in ("ringkasan",):
                    self.texts.add(value)


def scan(site: Path, forbidden: Forbidden, *, prefix: str = "", skip: frozenset[str] = frozenset(),
         documents: Iterable[str] = ()) -> list[str]:
    """Every problem found in a built site, as 'file: what' lines; empty when it is clean.

    `skip` names top-level folders not to read (the villages, when scanning the portal's own files);
    `prefix` is put before each file name (a village folder scanned on its own); `documents` are
    the village documents copied into it (their references), read whole again here.
    """
    problems = [f"{prefix}{ref}: {what}" for ref in sorted(documents) for what in _document(site / ref, ref)]
    skip = skip | {"pagefind"}  # Pagefind's index holds the text of pages scanned here, compressed
    tops = (p for p in site.iterdir() if p.name not in skip)  # never walk into a skipped folder
    for path in sorted(q for p in tops for q in ([p] if p.is_file() else p.rglob("*")) if q.is_file()):
        name = prefix + path.relative_to(site).as_posix()
        problems += [f"{name}: nomor seperti NIK pada nama berkas ({masked})" for _, masked in find_nik(name)]
        if path.relative_to(site).parts[0] == "dokumen" and path.name.lower().endswith(ACTIVE_SUFFIXES):
            problems.append(f"{name}: dokumen desa berjenis HTML/SVG/XML/JS tidak boleh diterbitkan")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() in forbidden.digests:
            problems.append(f"{name}: salinan dokumen yang dikecualikan")
        if path.suffix not in TEXT_SUFFIXES:
            continue
        text = data.decode("utf-8", errors="replace")
        problems += [f"{name}: nomor seperti NIK ({masked})" for _, masked in find_nik(text)]
        problems += [f"{name}: isi informasi yang dikecualikan ({secret[:40]})" for secret in forbidden.texts if secret in text]
    return sorted(problems)


def _document(path: Path, ref: str) -> list[str]:
    """What is wrong with a published document: a type a browser runs, other content than its name, a NIK."""
    if path.name.lower().endswith(ACTIVE_SUFFIXES):
        return ["dokumen desa berjenis HTML/SVG/XML/JS tidak boleh diterbitkan"]
    try:
        with path.open("rb") as handle:
            kind, text = doctext.read(handle, path.stat().st_size)
    except OSError as error:
        return [f"tidak terbaca ({error.strerror or error})"]
    if not kind or doctext.mismatch(ref, text):  # the reader's own table of what each content may be named
        return [f"isinya bukan {path.suffix or 'dokumen'} ({text.format or 'bukan dokumen'})"]
    if text.problem:
        return [f"tidak dapat dibaca utuh ({text.problem})"]
    return [f"nomor seperti NIK dalam isinya ({masked})" for page in text.pages for _, masked in find_nik(page)]
