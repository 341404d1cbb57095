"""Document references (`berkas: dokumen/perdes-2026.pdf`): which ones stay inside the village folder.

A reference is written relative to the village folder, with / (or the \\ typed on Windows). The
schema refuses one that is absolute, climbs out with "..", or is an address (https:, c:): that is
`is_relative`, and `PATTERN` is the same test as a regular expression for the editors' JSON
Schema. The loader, and the result cache that must see exactly what the loader sees, are stricter
before they open anything (`is_safe`): an empty reference, and any colon in its first part (a
drive letter, an NTFS stream such as `dokumen:rahasia`), are never followed either.
"""
from __future__ import annotations

import re

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # https:, mailto:, and a drive letter c:
PATTERN = r"^(?![/\\])(?![A-Za-z][A-Za-z0-9+.-]*:)(?!(?:.*[/\\])?\.\.(?:[/\\]|$)).+$"


def is_relative(ref: str) -> bool:
    """Not absolute, no ".." part, no URL scheme: the schema's test of a `berkas` value."""
    parts = ref.replace("\\", "/").split("/")
    return not (ref.startswith(("/", "\\")) or ".." in parts or SCHEME.match(ref))


def is_safe(ref: str) -> bool:
    """A reference the loader may follow: relative, not empty, and no colon before its first /."""
    return bool(ref) and ":" not in ref.split("/")[0] and is_relative(ref)
