"""Search a built site for NIK numbers everywhere a visitor or a program could find one.

Usage: python scripts/scan_output.py OUTPUT_DIR. Walks every file and folder of the output: the
names themselves, pages, exports, feeds and the sitemap as text, Pagefind's index fragments (gzip,
opened first), and every other file (a published PDF, office document or image) through
checker.documents.text, the same reader as the check; each text goes through checker.domain.nik.find,
so numbers are normalised and judged exactly as the checker does. Prints one line per NIK found,
masked, and exits 1 when there is any (2 when the folder does not exist); 0 means none was found.
It does not stop a build: sitegen.guard does that, before the swap; this is the independent proof
that an issue's "no NIK anywhere in the output" holds.
"""
from __future__ import annotations

import gzip
import io
import sys
import zlib
from pathlib import Path

from checker.documents import text as doctext
from checker.domain.nik import find as find_nik

TEXT_SUFFIXES = (".html", ".htm", ".xml", ".json", ".csv", ".txt", ".css", ".js", ".mjs", ".svg", ".md", ".map")
MAX_INFLATED = 200_000_000  # a search fragment is a few kB; a larger one is read only this far


def _inflate(data: bytes) -> bytes:
    """gzip (Pagefind's fragments and indexes), unpacked as far as the bound allows."""
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data, MAX_INFLATED)
    except (zlib.error, gzip.BadGzipFile, EOFError):
        return data


def texts(path: Path) -> list[str]:
    """Every text a reader could take out of one file of the output."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = _inflate(data)
    if path.suffix.lower() in TEXT_SUFFIXES or path.parent.name.startswith("pagefind") or "pagefind" in path.parts:
        return [data.decode("utf-8", errors="replace")]
    kind, text = doctext.read(io.BytesIO(data), len(data))
    # an unknown kind is still searched as bytes: a NIK must not hide behind an odd name
    return list(text.pages) if kind else [data.decode("utf-8", errors="replace")]


def scan(root: Path) -> list[str]:
    """'file: masked NIK' for every NIK in the names and contents under root."""
    found = []
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        found += [f"{name}: NIK di nama ({masked})" for _, masked in find_nik(path.name)]
        if path.is_file() and not path.is_symlink():
            found += [f"{name}: NIK ({masked})" for text in texts(path) for _, masked in find_nik(text)]
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("pemakaian / usage: scan_output.py OUTPUT_DIR (folder hasil build / a built output folder)", file=sys.stderr)
        return 2
    found = scan(Path(argv[0]))
    for line in found:
        print(line)
    print(f"{len(found)} NIK ditemukan / found" if found else "tidak ada NIK / no NIK found", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
