"""The compiled acceptance test never accepts what Cerberus rejects, and accepts the valid demo files."""
from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import paths
from checker.schema.acceptance import accepts, compiled
from checker.catalogue import load_catalogue
from checker.loader import load_village
from checker.schema.validator import validator_for
from tests.conftest import DEMO, DEMO_SLUGS

CATALOGUE = load_catalogue()
SOURCES = [source for slug in DEMO_SLUGS for loaded in [load_village(DEMO / slug)]  # read into memory only
           for source in [*loaded.files.values(), *loaded.pages.values()]]


def cerberus_accepts(name: str, data: Any) -> bool:
    return validator_for(name, CATALOGUE).validate(data, normalize=False)


def test_every_file_kind_compiles_so_cerberus_is_asked_only_about_errors():
    assert all(compiled(pattern, CATALOGUE) is not None for pattern in CATALOGUE.files)


def test_agrees_with_cerberus_on_every_demo_file():
    verdicts = [(s.name, accepts(s.name, s.data, CATALOGUE), cerberus_accepts(s.name, s.data)) for s in SOURCES]
    assert [v for v in verdicts if v[1] != v[2]] == []
    assert any(not fast for _, fast, _ in verdicts)  # the demo's defects reach Cerberus


replacements = st.sampled_from([None, "", [], {}, 0, -1, 10**13, 1.5, True, "x", "2025-02-31", "Rp 1.000",
                                dt.date(2026, 1, 1), "/etc/passwd", "../x.pdf", "https://x", "99.99", "4.2.x",
                                ["x"], [{"x": 1}], {"x": 1}, "kewajiban.tidak_ada"])
edits = st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(["replace", "delete", "unknown"]), replacements),
                 min_size=1, max_size=3)


def mutate(data: Any, index: int, kind: str, value: Any) -> Any:
    data = copy.deepcopy(data)
    nodes = [path for path, _ in paths.walk(data)]
    nodes += sorted({path[:i] for path in nodes for i in range(1, len(path))}, key=repr)  # containers too
    path = nodes[index % len(nodes)] if nodes else ()
    parent = paths.get(data, path[:-1]) if path else None
    if parent is None:
        return data
    if kind == "delete" and isinstance(parent, dict):
        parent.pop(path[-1], None)
    elif kind == "unknown" and isinstance(parent, dict):
        parent["kunci_tak_dikenal"] = value
    elif isinstance(parent, (dict, list)):
        parent[path[-1]] = value
    return data


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(SOURCES))), edits)
def test_never_accepts_what_cerberus_rejects(which, changes):
    source = SOURCES[which]
    data = source.data
    for change in changes:
        data = mutate(data, *change)
    if accepts(source.name, data, CATALOGUE):
        assert cerberus_accepts(source.name, data), (source.name, changes)
