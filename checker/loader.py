"""The only module that opens village files: YAML and Markdown in, a Village with marks out.

libyaml's C parser builds the node tree; values are then built from the nodes here, so that each
value gets its line and column, duplicate keys are seen (PyYAML would silently keep the last one),
and aliases are refused (village files never need them, and they are how a small "billion laughs"
file blows up memory). Anything that makes a file unusable is a Problem, never an exception.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Callable

import yaml

from checker import doctext, markup
from checker.findings import Problem
from checker.marks import SourceMap
from checker.model import Document, SourceFile, Village

try:  # libyaml is ten times faster; the pure-Python parser gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - wheels for CPython ship libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2_000_000  # a real village file is 5-50 KB; refuse early what no editor produced
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


def read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """Read a village file as UTF-8 (a BOM is fine), refusing huge and undecodable files."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a FIFO or device would block or never end
            return None, [Problem(name, (), "special", {}, line=1, col=1)]
        size = status.st_size
        if size > MAX_BYTES:
            return None, [Problem(name, (), "too_big", {"size": size, "limit": MAX_BYTES}, line=1, col=1)]
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(name, (), "unreadable", {"error": error.strerror or str(error)}, line=1, col=1)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        col = error.start - raw.rfind(b"\n", 0, error.start)
        return None, [Problem(name, (), "encoding", {"byte": f"0x{raw[error.start]:02X}"}, line=line, col=col)]


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



ReadDocument = Callable[[BinaryIO, int], "tuple[str, doctext.Text]"]


def inspect_document(root: Path, ref: str, read: ReadDocument = doctext.read) -> Document:
    """Where a `berkas` reference points, without ever following it out of the village.

    `read` gives the kind and text of the open file: doctext.read, or a TextCache's read."""
    pure = PurePosixPath(ref.replace("\\", "/"))
    if not ref or pure.is_absolute() or ".." in pure.parts or ":" in ref.split("/")[0]:
        return Document(ref, False, False, 0, "")
    target = root / pure
    try:
        inside = target.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # symlink loops
        return Document(ref, False, False, 0, "")
    if not inside:
        return Document(ref, target.exists(), False, 0, "")
    if not target.is_file():  # also a FIFO or a device: never opened
        return Document(ref, False, True, 0, "")
    try:
        with target.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            kind, text = read(handle, size)
    except OSError:
        return Document(ref, False, True, 0, "")
    return Document(ref, True, True, size, kind, text.pages, text.problem, text.places)


def village_files(root: Path) -> tuple[list[str], list[str]]:
    """Relative names of the village's YAML and Markdown files (dokumen/ holds no data).

    Walks like os.walk: files of a folder before its subfolders, names sorted, hidden folders
    skipped, symlinked folders not entered. Written on os.scandir because the result cache walks
    every village on every run, and pathlib made the walk cost more than hashing the files.
    """
    yaml_names: list[str] = []
    md_names: list[str] = []

    def visit(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError:
            return
        folders, files = [], []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (folders if is_dir else files).append(entry.name)
        for filename in sorted(files):
            if filename.endswith((".yaml", ".yml")):
                yaml_names.append(prefix + filename)
            elif filename.endswith(".md"):
                md_names.append(prefix + filename)
        for name in sorted(folders):
            path = os.path.join(folder, name)
            if not name.startswith(".") and prefix + name != "dokumen" and not os.path.islink(path):
                visit(path, prefix + name + "/")

    visit(str(root), "")
    return yaml_names, md_names


def load_village(root: Path | str, read: ReadDocument = doctext.read) -> Village:
    """Load every file of one village folder once (documents' text through `read`)."""
    root = Path(root)
    files: dict[str, SourceFile] = {}
    pages: dict[str, SourceFile] = {}
    problems: list[Problem] = []
    refs: list[str] = []
    yaml_names, md_names = village_files(root)
    for names, parse, into in ((yaml_names, parse_yaml, files), (md_names, parse_markdown, pages)):
        for name in names:
            if (root / name).is_symlink() and not (root / name).resolve().is_relative_to(root.resolve()):
                problems.append(Problem(name, (), "outside", {}, line=1, col=1))
                continue
            text, read_problems = read_text(root / name, name)
            problems.extend(read_problems)
            if text is None:
                continue
            source, parse_problems, file_refs = parse(text, name)
            problems.extend(parse_problems)
            refs.extend(file_refs)
            if source is not None:
                into[name] = source
    documents = {ref: inspect_document(root, ref, read) for ref in dict.fromkeys(refs)}
    return Village(root.name, root, files, pages, documents, tuple(problems))


_KODE_LINE = re.compile(r"^kode_wilayah[ \t]*:[ \t]*['\"]?([^'\"#\s]+)", re.MULTILINE)


def _kode_match(root: Path) -> tuple[re.Match[str] | None, str]:
    path = root / "profil.yaml"
    try:
        if path.is_symlink() or not path.is_file():
            return None, ""
        with path.open("rb") as handle:  # never more than the loader would read
            text = handle.read(MAX_BYTES).decode("utf-8-sig", "replace")
    except OSError:
        return None, ""
    return _KODE_LINE.search(text), text


def read_kode(root: Path) -> str:
    """The top-level kode_wilayah of profil.yaml by a line scan ("" if none): sharding needs it for
    every village before any is loaded, and a full parse of each profil would cost seconds."""
    match, _ = _kode_match(root)
    return match.group(1) if match else ""


def kode_line(root: Path) -> int:
    """The line of the top-level kode_wilayah key in profil.yaml (1 when there is none)."""
    match, text = _kode_match(root)
    return text.count("\n", 0, match.start()) + 1 if match else 1


VILLAGE_MARKERS = ("profil.yaml", "ppid.yaml", "dip.yaml", "apbdes", "produk_hukum.yaml", "program.yaml")


def is_village(path: Path) -> bool:
    """A village folder holds at least one of the standard's files (a new one may hold only a few)."""
    return path.is_dir() and any((path / marker).exists() for marker in VILLAGE_MARKERS)


def find_villages(path: Path | str) -> list[Path]:
    """A village folder, or the village folders inside a folder of villages, sorted by name."""
    path = Path(path)
    if is_village(path):
        return [path]
    return sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
