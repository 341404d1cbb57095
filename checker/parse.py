"""YAML and Markdown text into values with line marks; the loader reads the files, this parses them.

libyaml's C parser reads the text into events; checker.builder builds the values from them, within
its limits on depth, breadth and size, so that each value gets its line and column, duplicate keys
are seen (PyYAML would silently keep the last one), and aliases are refused (village files never
need them, and they are how a small "billion laughs" file blows up memory). Anything that makes a
text unusable is a Problem, never an exception.
"""
from __future__ import annotations

import re
from typing import Any

import yaml

from checker import markup
from checker.builder import DOC_KEY, Builder, Stop
from checker.findings import Problem
from checker.marks import SourceMap
from checker.model import SourceFile

try:  # libyaml is ten times faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - wheels for CPython ship libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["DOC_KEY", "parse_markdown", "parse_yaml"]
_EMPTY = object()  # a stream without a document: only comments, or nothing
# What YAML refuses as unprintable (C0 and C1 controls but tab, newlines and NEL), for Markdown bodies too
_CONTROL = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _MultipleDocuments(Exception):
    def __init__(self, mark: yaml.Mark):
        super().__init__()
        self.mark = mark


def parse_yaml(text: str, name: str, line_offset: int = 0) -> tuple[SourceFile | None, list[Problem], list[str]]:
    """Parse one YAML text into a SourceFile whose top level is a mapping."""
    loader = _Loader(text)
    builder = Builder(name, line_offset)
    try:
        data, root_mark = _document(loader, builder)
    except Stop:  # an alias or a limit: the file is refused, with what was noted up to there
        return None, builder.problems, []
    except _MultipleDocuments as error:
        line, col = error.mark.line + 1 + line_offset, error.mark.column + 1
        return None, [Problem(name, (), "multi_doc", {"detail": ""}, line=line, col=col)], []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        key = "syntax"
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
    if data is _EMPTY:
        return None, [Problem(name, (), "empty", {}, line=1 + line_offset, col=1)], []
    if not isinstance(data, dict):
        builder.problem(root_mark, "not_mapping")
        return None, builder.problems, []
    builder.marks.add((), root_mark.line + 1, root_mark.column + 1)
    return SourceFile(name, data, builder.marks), builder.problems, builder.refs


def _document(loader: yaml.CSafeLoader, builder: Builder) -> tuple[Any, yaml.Mark | None]:
    """The one document of a stream and its first mark (_EMPTY for none); MultipleDocuments past it."""
    loader.get_event()  # the stream's start
    if isinstance(loader.get_event(), yaml.StreamEndEvent):
        return _EMPTY, None
    root_mark = loader.peek_event().start_mark
    data = builder.document(loader)
    if not isinstance(event := loader.get_event(), yaml.StreamEndEvent):
        raise _MultipleDocuments(event.start_mark)
    return data, root_mark


def _control(text: str, name: str, first_line: int) -> list[Problem]:
    """The first control character of a Markdown body, which libyaml never sees (pages would carry a NUL)."""
    match = _CONTROL.search(text)
    if match is None:
        return []
    line = first_line + text.count("\n", 0, match.start())
    col = match.start() - text.rfind("\n", 0, match.start())
    return [Problem(name, (), "control_char", {"char": f"U+{ord(match.group()):04X}"}, line=line, col=col)]


def parse_markdown(text: str, name: str) -> tuple[SourceFile | None, list[Problem], list[str]]:
    """Split front matter (between two '---' lines) from the body and parse it as YAML."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        if control := _control(text, name, 1):
            return None, control, []
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
    if control := _control(body, name, end + 2):
        return None, problems + control, refs
    return SourceFile(name, source.data, source.marks, body, end + 2), problems + markup.problems(body, name, end + 2), refs
