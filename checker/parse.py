"""YAML and Markdown text into values with line marks; the loader reads the files, this parses them.

libyaml's C parser builds the node tree; values are then built from the nodes here, so that each
value gets its line and column, duplicate keys are seen (PyYAML would silently keep the last one),
and aliases are refused (village files never need them, and they are how a small "billion laughs"
file blows up memory). Anything that makes a text unusable is a Problem, never an exception.
"""
from __future__ import annotations

from typing import Any

import yaml

from checker import markup
from checker.findings import Problem
from checker.marks import SourceMap
from checker.model import SourceFile

try:  # libyaml is ten times faster; the pure-Python parser gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - wheels for CPython ship libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_PROBLEMS = 20  # of one kind per file: a million aliases or tags say it all in their first few
DOC_KEY = "berkas"  # every reference to a document is written under this key
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_SCALARS = _CONSTRUCTOR.yaml_constructors
_STR = "tag:yaml.org,2002:str"
_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _Refused(Exception):
    """Raised by the builder to stop at the first alias; its problem is already noted."""


class _Builder:
    """Turns a node tree into plain data, filling a SourceMap and noting problems."""

    def __init__(self, name: str, line_offset: int = 0):
        self.name = name
        self.offset = line_offset
        self.marks = SourceMap(line_offset=line_offset)
        self.problems: list[Problem] = []
        self.refs: list[str] = []
        self._seen: set[int] = set()
        self._counts: dict[str, int] = {}

    def _problem(self, node: yaml.Node, message_key: str, **params: Any) -> None:
        self._counts[message_key] = self._counts.get(message_key, 0) + 1
        if self._counts[message_key] > MAX_PROBLEMS:
            return
        mark = node.start_mark
        line, col = mark.line + 1 + self.offset, mark.column + 1
        self.problems.append(Problem(self.name, (), message_key, params, line=line, col=col))

    def build(self, node: yaml.Node, path: tuple[Any, ...] = ()) -> Any:
        if id(node) in self._seen:
            self._problem(node, "alias")
            raise _Refused  # the file is refused anyway; building on would walk every copy
        self._seen.add(id(node))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            self._problem(node, "tag", tag=node.tag)  # !!python/object/apply and friends
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.marks.add(path + (index,), item.start_mark.line + 1, item.start_mark.column + 1)
                items.append(self.build(item, path + (index,)))
            return items
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: tuple[Any, ...]) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, "complex_key")
                continue
            key = self._scalar(key_node)
            if not isinstance(key, (str, int)):
                key = str(key)
            if key in result:
                first = self.marks.locate(path + (key,)).line
                self._problem(key_node, "duplicate_key", key=key, first=first)
            mark = key_node.start_mark
            self.marks.add(path + (key,), mark.line + 1, mark.column + 1)
            value = self.build(value_node, path + (key,))
            if key == DOC_KEY and isinstance(value, str):
                self.refs.append(value)
            result[key] = value
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):
            return node.value  # what construct_yaml_str returns, minus three calls on the commonest node
        construct = _SCALARS.get(node.tag)
        if construct is None or not isinstance(node, yaml.ScalarNode):
            self._problem(node, "tag", tag=node.tag)
            return None
        try:
            return construct(_CONSTRUCTOR, node)
        except (yaml.YAMLError, ValueError):
            # e.g. 2025-02-31: kept as text, so the schema says which field wants a real date
            return node.value


def parse_yaml(text: str, name: str, line_offset: int = 0) -> tuple[SourceFile | None, list[Problem], list[str]]:
    """Parse one YAML text into a SourceFile whose top level is a mapping."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        key = "multi_doc" if "single document" in str(error.context or "") else "syntax"
        detail = (error.problem or "").strip()
        source_lines = text.splitlines()
        index = line - 1 - line_offset
        if 0 <= index < len(source_lines) and "\t" in source_lines[index]:
            key = "tab"  # the commonest editor mistake deserves its own hint
        return None, [Problem(name, (), key, {"detail": detail}, line=line, col=col)], []
    except yaml.reader.ReaderError as error:  # control characters; position counts characters
        line = text.count("\n", 0, error.position) + 1 + line_offset
        col = error.position - text.rfind("\n", 0, error.position)
        return None, [Problem(name, (), "control_char", {"char": f"U+{error.character:04X}"}, line=line, col=col)], []
    except yaml.YAMLError as error:  # anything else libyaml refuses
        return None, [Problem(name, (), "syntax", {"detail": str(error).splitlines()[0]}, line=1 + line_offset, col=1)], []
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(name, (), "empty", {}, line=1 + line_offset, col=1)], []
    builder = _Builder(name, line_offset)
    try:
        data = builder.build(node)
    except _Refused:  # an alias: the node it names carries the anchor's line, so find the alias itself
        line, col = _first_alias(text)
        alias = Problem(name, (), "alias", {}, line=line + line_offset, col=col)
        return None, [p for p in builder.problems if p.key != "alias"] + [alias], []
    if not isinstance(data, dict):
        builder._problem(node, "not_mapping")
        return None, builder.problems, []
    builder.marks.add((), node.start_mark.line + 1, node.start_mark.column + 1)
    return SourceFile(name, data, builder.marks), builder.problems, builder.refs


def _first_alias(text: str) -> tuple[int, int]:
    """Line and column of the first alias (*name) of a text that parses: read event by event, up to it."""
    loader = _Loader(text)
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + 1, event.start_mark.column + 1
    finally:
        loader.dispose()
    return 1, 1


def parse_markdown(text: str, name: str) -> tuple[SourceFile | None, list[Problem], list[str]]:
    """Split front matter (between two '---' lines) from the body and parse it as YAML."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return SourceFile(name, {}, SourceMap({(): (1, 1)})), markup.problems(text, name, 1), []
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return None, [Problem(name, (), "front_matter", {}, line=1, col=1)], []
    source, problems, refs = parse_yaml("".join(lines[1:end]) or "{}", name, line_offset=1)
    if source is None:
        return None, problems, refs
    body = "".join(lines[end + 1 :])
    return SourceFile(name, source.data, source.marks, body, end + 2), problems + markup.problems(body, name, end + 2), refs
