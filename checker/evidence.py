"""Finding the evidence of an obligation in a village, as its `evidence:` entries describe.

Shared by the completeness rule (is it there?) and the freshness rule (how old is it?), so both
read slip_schema.yaml the same way; the PPID's calendar (checker/deadlines.py) reads it too.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from checker import paths
from checker.catalogue import Obligation
from checker.context import Context
from checker.model import Village

Path = tuple[Any, ...]


@dataclass(frozen=True)
class Match:
    """One evidence alternative tried: where it points and what it lacks."""

    file: str
    path: Path  # the item (or file root) the evidence lives in
    missing: tuple[str, ...]  # dotted paths that are absent or empty
    found: bool  # the file exists (and, for a list, a matching item exists)

    @property
    def met(self) -> bool:
        return self.found and not self.missing


def _values(obligation: Obligation, context: Context) -> dict[str, str]:
    return {"tahun": str(context.as_of.year), "tahun_lapor": str(context.report_year(obligation.due_from))}


def _fill(value: Any, values: Mapping[str, str]) -> Any:
    return value.format_map(values) if isinstance(value, str) else value


def _matches(item: Any, where: Mapping[str, Any], values: Mapping[str, str]) -> bool:
    if not isinstance(item, dict):
        return False
    return all(str(paths.get(item, paths.split(k))) == str(_fill(v, values)) for k, v in where.items())


def _lacking(data: Any, spec: Mapping[str, Any]) -> tuple[str, ...]:
    lacking = [p for p in spec.get("all", ()) if not paths.filled(paths.get(data, paths.split(p)))]
    lacking += [p for p in spec.get("present", ()) if not paths.has(data, paths.split(p))]
    return tuple(lacking)


def try_alternative(village: Village, spec: Mapping[str, Any], values: Mapping[str, str]) -> Match:
    name = _fill(spec["file"], values)
    data = village.data(name)
    if data is None:
        return Match(name, (), tuple(spec.get("all", ())) + tuple(spec.get("present", ())), False)
    if "list" not in spec:
        return Match(name, (), _lacking(data, spec), True)
    list_path = paths.split(spec["list"])
    items = paths.get(data, list_path)
    candidates = [(i, item) for i, item in enumerate(items or []) if _matches(item, spec.get("where", {}), values)]
    if not candidates:
        return Match(name, list_path, (spec["list"],), False)
    # The best candidate is the one that lacks least; report against it.
    index, item = min(candidates, key=lambda pair: len(_lacking(pair[1], spec)))
    return Match(name, list_path + (index,), _lacking(item, spec), True)


def applies(village: Village, obligation: Obligation) -> bool:
    if not obligation.when:
        return True
    data = village.data(obligation.when["file"])
    return paths.filled(paths.get(data, paths.split(obligation.when["path"])))


def find(village: Village, obligation: Obligation, context: Context) -> list[Match]:
    """Every alternative, tried; the first met one first."""
    values = _values(obligation, context)
    tried = [try_alternative(village, spec, values) for spec in obligation.evidence]
    return sorted(tried, key=lambda m: (not m.met, not m.found, len(m.missing)))


def last_updated(village: Village, match: Match) -> tuple[Path, Any]:
    """The nearest `diperbarui` above a match (on the item, then on the file) and its path; ((), None) if none.

    The freshness rule judges this date and the PPID's calendar (checker/deadlines.py) counts from
    it, so both must find the same one.
    """
    data = village.data(match.file)
    for depth in range(len(match.path), -1, -1):
        node = paths.get(data, match.path[:depth])
        if isinstance(node, dict) and "diperbarui" in node:
            return match.path[:depth] + ("diperbarui",), node["diperbarui"]
    return (), None


def describe_where(obligation: Obligation, context: Context) -> str:
    """A short, filled description of the first alternative, for messages: file, list and filter."""
    spec = obligation.evidence[0]
    values = _values(obligation, context)
    where = ", ".join(f"{k}: {_fill(v, values)}" for k, v in spec.get("where", {}).items())
    text = _fill(spec["file"], values)
    if "list" in spec:
        text += f" > {spec['list']}" + (f" ({where})" if where else "")
    return text


_RANK = {"quoted": 0, "secondary": 1, "inferred": 2}


def _holds(village: Village, name: str, path: Path, spec: Mapping[str, Any], values: Mapping[str, str]) -> bool:
    if "list" in spec:
        list_path = paths.split(spec["list"])
        depth = len(list_path)
        if path[:depth] != list_path or len(path) <= depth or not isinstance(path[depth], int):
            return False
        return _matches(paths.get(village.data(name), path[: depth + 1]), spec.get("where", {}), values)
    wanted = [paths.split(p) for p in (*spec.get("all", ()), *spec.get("present", ()))]
    return any(path[: len(w)] == w for w in wanted)


def owner(village: Village, name: str, path: Path, context: Context) -> str | None:
    """The obligation whose evidence holds this data path; a quoted one before an inferred one.

    A missing Perdes KIP document lives in produk_hukum.yaml, whose general obligation is only
    inferred; the item it belongs to (topik: kip) makes it evidence of a quoted obligation.
    """
    found = []
    for obligation in context.catalogue.obligations.values():
        values = _values(obligation, context)
        if any(_fill(spec["file"], values) == name and _holds(village, name, path, spec, values) for spec in obligation.evidence):
            found.append(obligation)
    return min(found, key=lambda o: _RANK[o.confidence]).id if found else None


def _wants(village: Village, spec: Mapping[str, Any], name: str, path: Path, values: Mapping[str, str]) -> str | None:
    """How this evidence alternative needs the value at path (or something inside it): "filled"
    (`all`, or a list item it looks for), "present" (the key, an empty list allowed) or None."""
    if _fill(spec["file"], values) != name:
        return None
    rest = path
    if "list" in spec:
        list_path = paths.split(spec["list"])
        depth = len(list_path)
        if rest == list_path:
            return "filled"
        if rest[:depth] != list_path or len(rest) <= depth or not isinstance(rest[depth], int):
            return None
        if not _matches(paths.get(village.data(name), rest[: depth + 1]), spec.get("where", {}), values):
            return None
        rest = rest[depth + 1:]
    if any(w[: len(rest)] == rest for w in map(paths.split, spec.get("all", ()))):
        return "filled"
    if any(w[: len(rest)] == rest for w in map(paths.split, spec.get("present", ()))):
        return "present"
    return None


def demand(village: Village, name: str, path: Path, context: Context) -> str | None:
    """What the obligations that apply ask of this value: "filled", "present" or nothing (None).

    A value counts when an obligation needs it in every one of its evidence alternatives. A blank
    field nothing needs may simply be deleted (the surel of a village without one); a list only
    "present" may be written [] ("none this period"); a "filled" one must hold something.
    """
    found = None
    for obligation in context.catalogue.obligations.values():
        if not obligation.evidence or not applies(village, obligation):
            continue
        values = _values(obligation, context)
        needs = [_wants(village, spec, name, path, values) for spec in obligation.evidence]
        if all(needs):
            if "present" not in needs:
                return "filled"
            found = "present"
    return found
