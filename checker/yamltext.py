"""Writing YAML text the way the demo villages are written: one key a line, a comment beside it.

PyYAML's dumper drops comments and quotes what people would not; the files `slip new` and
`slip import-apbdes` write are read and edited by village staff, so they are written as text
here, with every value passed through `scalar()` so that the text always reads back as the value.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml

COMMENT_COLUMN = 49  # where the comments of the demo's APB Desa files start


def scalar(value: Any) -> str:
    """A YAML scalar that reads back as `value`: plain when that is safe, else double-quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    text = str(value)
    try:
        plain_ok = text == text.strip() and "\n" not in text and yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok else quoted(text)


def quoted(text: str) -> str:
    """Always double-quoted (kode rekening and kode wilayah are written so, as the demo explains)."""
    return json.dumps(text, ensure_ascii=False)


def inner(text: str) -> str:
    """The inside of a double-quoted YAML string, for text placed between quotes in a template."""
    return quoted(text)[1:-1]


def line(indent: int, key: str, value: str, comment: str = "", *, item: bool = False) -> str:
    """`key: value  # comment` at an indent; `- key: ...` for the first key of a list item."""
    lead = " " * indent + ("- " if item else "")
    text = f"{lead}{key}:" + (f" {value}" if value != "" else "")
    if not comment:
        return text
    return f"{text:<{COMMENT_COLUMN}} # {comment}" if len(text) < COMMENT_COLUMN else f"{text}  # {comment}"
