"""A compiled acceptance test: True only when Cerberus would accept a village file's data.

Cerberus spends most of a check building a child validator for every mapping and list item, even
for data that turns out valid, and most village files are valid. slip_schema.yaml uses a small set
of rules (type, required, empty, allowed, min, max, regex, check_with, schema, allow_unknown, meta);
for those this module builds plain closures once per file kind, following Cerberus 1.3's own code
for each rule and never more lenient than it. A file they accept is valid as it stands; anything
else (an error, a None, a rule not listed here) goes to Cerberus, which finds and reports the
errors. So this can make a check faster, never different.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence, Sized
from typing import Any

from checker.catalogue import Catalogue
from checker.schema.validator import (
    SlipValidator,
    check_passes,
    expanded_schema,
    file_pattern,
    validator_for,
)

Check = Callable[[Any], bool]
RULES = frozenset({"type", "required", "empty", "allowed", "min", "max", "regex", "check_with", "schema", "allow_unknown", "meta"})


class Unsupported(Exception):
    """The schema uses something this module does not mirror: that file kind always goes to Cerberus."""


def _type(names: Any) -> Check:
    definitions = [SlipValidator.types_mapping[name] for name in ((names,) if isinstance(names, str) else names)]
    pairs = tuple((d.included_types, d.excluded_types) for d in definitions)
    return lambda value: any(isinstance(value, inc) and not isinstance(value, exc) for inc, exc in pairs)


def _allowed(allowed: Any) -> Check:
    def check(value: Any) -> bool:  # Cerberus checks each item of a non-string iterable
        if isinstance(value, Iterable) and not isinstance(value, str):
            return all(item in allowed for item in value)
        return value in allowed

    return check


def _bound(limit: Any, lower: bool) -> Check:
    def check(value: Any) -> bool:
        try:
            return not (value < limit if lower else value > limit)
        except TypeError:  # Cerberus ignores an incomparable value; leave that case to it
            return False

    return check


def _regex(pattern: str) -> Check:
    compiled = re.compile(pattern if pattern.endswith("$") else pattern + "$")  # as Cerberus does
    return lambda value: not isinstance(value, str) or bool(compiled.match(value))


def _rules(rules: Any, allow_unknown: bool, catalogue: Catalogue) -> Check:
    """One field's rules as a single check."""
    if not isinstance(rules, Mapping) or not set(rules) <= RULES:
        raise Unsupported(rules)
    checks: list[Check] = []
    if rules.get("type"):
        checks.append(_type(rules["type"]))
    if rules.get("empty", True) is not True:
        checks.append(lambda value: not (isinstance(value, Sized) and len(value) == 0))
    if "allowed" in rules:
        checks.append(_allowed(rules["allowed"]))
    if "min" in rules:
        checks.append(_bound(rules["min"], lower=True))
    if "max" in rules:
        checks.append(_bound(rules["max"], lower=False))
    if "regex" in rules:
        checks.append(_regex(rules["regex"]))
    if "check_with" in rules:
        name = rules["check_with"]
        if not isinstance(name, str):
            raise Unsupported(name)
        check_passes(name, "", catalogue)  # KeyError now, for a check this module does not know
        checks.append(lambda value: check_passes(name, value, catalogue))
    if rules.get("schema") is not None:
        checks.append(_schema(rules, allow_unknown, catalogue))
    # None is an error unless nullable, which slip_schema.yaml never sets: leave it to Cerberus.
    return lambda value: value is not None and all(check(value) for check in checks)


def _schema(rules: Mapping[str, Any], allow_unknown: bool, catalogue: Catalogue) -> Check:
    if rules.get("type") == "list":  # the items' rules; items inherit the list's allow_unknown
        item = _rules(rules["schema"], allow_unknown, catalogue)
        return lambda value: not isinstance(value, Sequence) or isinstance(value, str) or all(item(v) for v in value)
    if rules.get("type") == "dict":
        inner = rules.get("allow_unknown", allow_unknown)
        if not isinstance(inner, bool):
            raise Unsupported(inner)
        return _mapping(rules["schema"], inner, catalogue)
    raise Unsupported(rules)


def _mapping(schema: Any, allow_unknown: bool, catalogue: Catalogue) -> Check:
    if not isinstance(schema, Mapping):
        raise Unsupported(schema)
    fields = {name: _rules(rules, allow_unknown, catalogue) for name, rules in schema.items()}
    required = frozenset(name for name, rules in schema.items() if rules.get("required") is True)

    def check(value: Any) -> bool:
        if not isinstance(value, Mapping):
            return False
        for key, item in value.items():
            field = fields.get(key)
            if field is None:
                if not allow_unknown:
                    return False
            elif not field(item):
                return False
        return required.issubset(value)

    return check


@functools.lru_cache(maxsize=16)
def compiled(pattern: str, catalogue: Catalogue) -> Check | None:
    """The acceptance test of one file kind, or None when its schema needs Cerberus itself."""
    try:
        top = validator_for(pattern, catalogue)
        if not isinstance(top.allow_unknown, bool):
            return None
        return _mapping(expanded_schema(pattern, catalogue), top.allow_unknown, catalogue)
    except (Unsupported, KeyError, TypeError):
        return None


def accepts(name: str, data: Any, catalogue: Catalogue) -> bool:
    """True when Cerberus is sure to find no error in this file's data; False means: ask Cerberus."""
    pattern = file_pattern(name, catalogue)
    check = compiled(pattern, catalogue) if pattern is not None else None
    return check is not None and check(data)
