"""Rows of the Daftar Informasi Publik (dip.yaml `informasi`) that are exempt, so never published.

A row with `kategori: dikecualikan` names information closed after a consequence test (UU KIP
Pasal 17). Its content and documents must not reach the site, and its text is not searched for
NIK numbers because it is not published. The nik and dip-exempt rules, the site's view of a
village and the final scan of the output all ask this one question of a row.
"""
from __future__ import annotations

from typing import Any

EXEMPT = "dikecualikan"


def is_exempt(row: Any) -> bool:
    """Whether one DIP row is exempt information (anything but a mapping is not a row)."""
    return isinstance(row, dict) and row.get("kategori") == EXEMPT


def exempt_rows(dip: Any) -> list[tuple[int, dict[str, Any]]]:
    """(index, row) of every exempt row of the loaded dip.yaml; [] when it has no list of rows."""
    rows = dip.get("informasi") if isinstance(dip, dict) else None
    return [(index, row) for index, row in enumerate(rows or []) if is_exempt(row)]
