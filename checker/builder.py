"""Values and line marks built from libyaml's event stream, within limits no village file comes near.

PyYAML's composer builds a node tree first, recursively in C: a flow list nested 100,000 deep
overflows its stack and kills the process, and a few thousand levels make any recursive walk in
Python (this builder once, Cerberus, Jinja) raise RecursionError. So values are built here
straight from the parser's events, with an explicit stack, and building stops at the first event
past a limit with one problem at its line: the file is refused, and nothing downstream ever sees a
structure deeper, wider or bigger than the limits below. They sit far above real files (5-50 KB,
nesting under 10, the longest list a DIP's hundred rows) and far below what makes a check slow.
Stopping early also keeps libyaml's own cost small: its scanner is quadratic in flow nesting.
Aliases are refused at the alias itself (no "billion laughs"), and so are tags other than the
standard scalar ones, keys that are lists or maps, and merge keys (`<<`).
"""
from __future__ import annotations

from typing import Any

import yaml
from yaml.events import (AliasEvent, DocumentEndEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                         SequenceEndEvent, SequenceStartEvent)

from checker.findings import Problem
from checker.marks import SourceMap

MAX_DEPTH = 32  # levels of nesting; the deepest demo file (an APB Desa) has 6
MAX_ITEMS = 10_000  # entries in one list or mapping; a DIP has about a hundred rows
MAX_VALUES = 50_000  # keys and values in one file; a 50 KB file holds about 3,000
MAX_KEY = 200  # characters in a key; real keys are under 40
MAX_SCALAR = 100_000  # characters in one value; a long description is a few thousand
MAX_PROBLEMS = 20  # of one kind per file: a million tags say it all in their first few
DOC_KEY = "berkas"  # every reference to a document is written under this key
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = _CONSTRUCTOR.yaml_constructors
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_TAGS = {MappingStartEvent: "tag:yaml.org,2002:map", SequenceStartEvent: "tag:yaml.org,2002:seq"}
_KEY = object()  # the slot of a mapping that waits for its next key
_SKIP = object()  # the key of an entry that is refused (a list or map as key): its value is read, not kept


class Stop(Exception):
    """Raised at the first alias or the first event past a limit; its problem is already noted."""


class _Frame:
    """One open list or mapping: its value so far, its data path, and its next key (mappings)."""

    __slots__ = ("value", "path", "key", "keep")

    def __init__(self, value: Any, path: tuple[Any, ...], keep: bool):
        self.value, self.path, self.keep = value, path, keep
        self.key = _KEY if type(value) is dict else None


class Builder:
    """Turns the events of one document into plain data, filling a SourceMap and noting problems."""

    def __init__(self, name: str, line_offset: int = 0):
        self.name = name
        self.offset = line_offset
        self.marks = SourceMap(line_offset=line_offset)
        self.problems: list[Problem] = []
        self.refs: list[str] = []
        self._counts: dict[str, int] = {}
        self._values = 0

    def problem(self, mark: yaml.Mark, message_key: str, **params: Any) -> None:
        self._counts[message_key] = self._counts.get(message_key, 0) + 1
        if self._counts[message_key] <= MAX_PROBLEMS:
            line, col = mark.line + 1 + self.offset, mark.column + 1
            self.problems.append(Problem(self.name, (), message_key, params, line=line, col=col))

    def _stop(self, mark: yaml.Mark, message_key: str, **params: Any) -> Stop:
        self.problem(mark, message_key, **params)
        return Stop()

    def document(self, loader: yaml.CSafeLoader) -> Any:
        """Build the document whose start event was just read, up to and including its end event."""
        stack: list[_Frame] = []
        result = None
        while type(event := loader.get_event()) is not DocumentEndEvent:
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                value = frame.value if frame.keep else None
                if not stack:
                    result = value
                elif stack[-1].key is _KEY:  # a list or map that was a key, refused at its start
                    stack[-1].key = _SKIP
                else:
                    self._place(stack[-1], value)
                continue
            self._values += 1
            if self._values > MAX_VALUES:
                raise self._stop(event.start_mark, "too_many_values", limit=MAX_VALUES)
            if kind is ScalarEvent:
                if not stack:
                    result = self._scalar(event, self._tag(event))
                elif stack[-1].key is _KEY:
                    self._key(event, stack[-1])
                else:
                    if type(stack[-1].value) is list:
                        self._child(stack[-1], event)
                    self._place(stack[-1], self._scalar(event, self._tag(event)))
            elif kind is AliasEvent:  # the node it names is elsewhere; the alias itself is the line to fix
                raise self._stop(event.start_mark, "alias")
            else:
                stack.append(self._open(event, stack))
        return result

    def _open(self, event: MappingStartEvent | SequenceStartEvent, stack: list[_Frame]) -> _Frame:
        if len(stack) >= MAX_DEPTH:
            raise self._stop(event.start_mark, "too_deep", limit=MAX_DEPTH)
        tag = event.tag if event.tag not in (None, "!") else _TAGS[type(event)]
        keep = tag == _TAGS[type(event)]
        if not keep and tag not in _TAGS.values():
            self.problem(event.start_mark, "tag", tag=tag)  # !!python/object/apply and friends
        value: Any = {} if type(event) is MappingStartEvent else []
        if not stack:
            return _Frame(value, (), keep)
        parent = stack[-1]
        if parent.key is _KEY:
            self.problem(event.start_mark, "complex_key")
            return _Frame(value, (), False)
        path = self._child(parent, event)
        return _Frame(value, path, keep and parent.keep and parent.key is not _SKIP)

    def _child(self, parent: _Frame, event: Any) -> tuple[Any, ...]:
        """The data path of a value about to be read into `parent` (a list item is marked here)."""
        if type(parent.value) is dict:
            return parent.path + (parent.key,)
        index = len(parent.value)
        if index >= MAX_ITEMS:
            raise self._stop(event.start_mark, "too_many_items", limit=MAX_ITEMS)
        path = parent.path + (index,)
        if parent.keep:
            self.marks.add(path, event.start_mark.line + 1, event.start_mark.column + 1)
        return path

    def _place(self, parent: _Frame, value: Any) -> None:
        """Put a finished value into its list or mapping; a refused one (keep False) is only read."""
        if type(parent.value) is list:
            if parent.keep:
                parent.value.append(value)
            return
        key, parent.key = parent.key, _KEY
        if key is _SKIP or not parent.keep:
            return
        if key == DOC_KEY and isinstance(value, str):
            self.refs.append(value)
        parent.value[key] = value

    def _key(self, event: ScalarEvent, parent: _Frame) -> None:
        """Note a mapping's next key, where staff will read the entry's line."""
        if len(event.value) > MAX_KEY:
            raise self._stop(event.start_mark, "long_key", length=len(event.value), limit=MAX_KEY)
        if len(parent.value) >= MAX_ITEMS:
            raise self._stop(event.start_mark, "too_many_items", limit=MAX_ITEMS)
        tag = self._tag(event)
        if tag == _MERGE:  # `<<: *base` would copy another mapping in
            self.problem(event.start_mark, "complex_key")
            parent.key = _SKIP
            return
        key = self._scalar(event, tag)
        if not isinstance(key, (str, int)):
            key = str(key)
        path = parent.path + (key,)
        if key in parent.value:
            self.problem(event.start_mark, "duplicate_key", key=key, first=self.marks.locate(path).line)
        if parent.keep:
            self.marks.add(path, event.start_mark.line + 1, event.start_mark.column + 1)
        parent.key = key

    @staticmethod
    def _tag(event: ScalarEvent) -> str:
        tag = event.tag
        return _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit) if tag is None or tag == "!" else tag

    def _scalar(self, event: ScalarEvent, tag: str) -> Any:
        value = event.value
        if len(value) > MAX_SCALAR:
            raise self._stop(event.start_mark, "long_value", length=len(value), limit=MAX_SCALAR)
        if tag == _STR:
            return value
        construct = _SCALARS.get(tag)
        if construct is None:
            self.problem(event.start_mark, "tag", tag=tag)
            return None
        try:
            return construct(_CONSTRUCTOR, yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))
        except (yaml.YAMLError, ValueError, IndexError, KeyError, TypeError, OverflowError):
            # e.g. 2025-02-31, or `!!int` with no digits: kept as text, so the schema says which
            # field wants a real date or number
            return value


_RESOLVER = yaml.resolver.Resolver()
