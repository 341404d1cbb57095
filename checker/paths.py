"""Reading values out of loaded YAML by dotted path, the way slip_schema.yaml names them."""
from __future__ import annotations

from typing import Any

Path = tuple[Any, ...]
_MISSING = object()


def split(dotted: str) -> Path:
    return tuple(dotted.split(".")) if dotted else ()


def get(data: Any, path: Path) -> Any:
    """The value at path, or None when any step is missing or of the wrong kind."""
    for step in path:
        if isinstance(data, dict):
            data = data.get(step, _MISSING)
        elif isinstance(data, list) and isinstance(step, int) and -len(data) <= step < len(data):
            data = data[step]
        else:
            return None
        if data is _MISSING:
            return None
    return data


def has(data: Any, path: Path) -> bool:
    """The key exists (its value may be an empty list: "none this period" is an answer)."""
    parent = get(data, path[:-1]) if path else None
    return isinstance(parent, dict) and path[-1] in parent


def filled(value: Any) -> bool:
    """Holds something a resident could read: not None, not blank, not an empty list or map."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return True


def walk(data: Any, path: Path = ()) -> Any:
    """Every (path, scalar) in a loaded file, depth first.

    An explicit stack, not nested generators: every value would otherwise pass up through one
    generator per level, and the nik and documents rules walk every file of every village.
    """
    stack = [(path, data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(reversed([(here + (key,), item) for key, item in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([(here + (index,), item) for index, item in enumerate(value)]))
        else:
            yield here, value
