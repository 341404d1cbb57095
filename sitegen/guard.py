"""The last check before a build is swapped in: nothing private slipped into the output.

Templates and the view already leave out exempt entries and NIKs; this scan does not trust them. It
reads every file of the finished build and fails the build when it finds a NIK/KK-shaped number,
the content summary or document path of an exempt DIP entry, or a copy of an exempt document
(matched by its bytes, whatever its name).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from checker import paths
from checker.domain.dip import exempt_rows
from checker.domain.nik import find as find_nik
from checker.loader import DOC_KEY
from checker.model import Village

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


def scan(site: Path, forbidden: Forbidden, *, prefix: str = "", skip: frozenset[str] = frozenset()) -> list[str]:
    """Every problem found in a built site, as 'file: what' lines; empty when it is clean.

    `skip` names top-level folders not to read (the villages, when scanning the portal's own files);
    `prefix` is put before each file name (a village folder scanned on its own).
    """
    problems = []
    skip = skip | {"pagefind"}  # Pagefind's index holds the text of pages scanned here, compressed
    tops = (p for p in site.iterdir() if p.name not in skip)  # never walk into a skipped folder
    for path in sorted(q for p in tops for q in ([p] if p.is_file() else p.rglob("*")) if q.is_file()):
        name = prefix + path.relative_to(site).as_posix()
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() in forbidden.digests:
            problems.append(f"{name}: salinan dokumen yang dikecualikan")
        if path.suffix not in TEXT_SUFFIXES:
            continue
        text = data.decode("utf-8", errors="replace")
        problems += [f"{name}: nomor seperti NIK ({masked})" for _, masked in find_nik(text)]
        problems += [f"{name}: isi informasi yang dikecualikan ({secret[:40]})" for secret in forbidden.texts if secret in text]
    return problems
