"""Rupiah: amounts written the way staff and residents read them, and read back from what people type.

Village files hold whole rupiah as plain integers (`1096384000`). People write them with thousands
dots ("Rp 1.096.384.000"), in words ("1,2 M") or as spreadsheets show them ("(500.000)"). Written:
`digits` for messages and importer output, `written` for the site's tables, `short` for chart
labels. Read: `parse` for a spreadsheet cell, which must be exactly whole rupiah because it becomes
data, and `suggest` for the schema rule's hint, which only proposes a number to type.
"""
from __future__ import annotations

import re
from typing import Any

_MULTIPLIERS = {"m": 1_000_000_000, "miliar": 1_000_000_000, "jt": 1_000_000, "juta": 1_000_000, "rb": 1000, "ribu": 1000}
_SHORT = ((1_000_000_000, "M"), (1_000_000, "jt"), (1_000, "rb"))


def digits(value: int) -> str:
    """1250000 -> '1.250.000' (a minus sign stays before the digits: '-1.250.000')."""
    return f"{value:,}".replace(",", ".")


def written(value: int, *, prefix: bool = True) -> str:
    """1250000 -> 'Rp 1.250.000'; negative as '-Rp 1.250.000' (without `prefix`: '1.250.000')."""
    return ("-" if value < 0 else "") + ("Rp " if prefix else "") + digits(abs(value))


def short(value: int) -> str:
    """1250000000 -> 'Rp 1,25 M'; 7500000 -> 'Rp 7,5 jt' (Indonesian abbreviations, for chart labels)."""
    for size, unit in _SHORT:
        if abs(value) >= size:
            text = f"{value / size:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"Rp {text} {unit}"
    return f"Rp {value}"


def parse(value: Any) -> int | None:
    """Whole rupiah from a spreadsheet cell; None for an empty cell; ValueError for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if float(value) != int(value):
            raise ValueError(value)
        return int(value)
    text = re.sub(r"(?i)^rp\.?|[\s\u00a0]|\.-$|,-$", "", str(value).strip())
    negative = text.startswith("(") and text.endswith(")") or text.startswith("-")
    text = text.strip("()-") if text not in ("-",) else "0"
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?", text):  # 1.234.567,00 or 1234567,5
        whole, _, fraction = text.replace(".", "").partition(",")
    elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d{1,2}", text):  # 1,234,567.00 or 1234567.00
        whole, _, fraction = text.replace(",", "").partition(".")
    else:
        raise ValueError(value)
    if fraction.strip("0"):
        raise ValueError(value)  # rupiah in an APB Desa are whole
    return -int(whole) if negative else int(whole)


def suggest(text: str) -> int | None:
    """Read an amount written the Indonesian way ("Rp 1.234.567,00", "1,2 M") as whole rupiah, rounded."""
    match = re.fullmatch(r"(?i)\s*(?:rp\.?)?\s*([\d.]+(?:,\d+)?)\s*(m|miliar|jt|juta|rb|ribu)?\s*", text)
    if not match:
        return None
    number, unit = match.groups()
    whole, _, fraction = number.replace(".", "").partition(",")
    value = float(f"{whole}.{fraction or 0}")
    return round(value * _MULTIPLIERS.get((unit or "").lower(), 1))
