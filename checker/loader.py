"""The only module that opens village files: YAML, Markdown and documents in, a Village with marks out.

Reading is here (size and encoding limits, symlinks and devices refused, documents inspected without
leaving the village); turning text into values with marks is checker.parse. Anything that makes a
file unusable is a Problem, never an exception.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Callable

from checker.documents import text as doctext
from checker.domain import references
from checker.findings import Problem
from checker.model import Document, SourceFile, Village
from checker.parse import DOC_KEY, parse_markdown, parse_yaml

__all__ = ["DOC_KEY", "MAX_BYTES", "find_villages", "inspect_document", "is_village", "kode_line", "load_village",
           "parse_markdown", "parse_yaml", "read_kode", "read_text", "village_files"]

MAX_BYTES = 2_000_000  # a real village file is 5-50 KB; refuse early what no editor produced


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


ReadDocument = Callable[[BinaryIO, int], "tuple[str, doctext.Text]"]


def inspect_document(root: Path, ref: str, read: ReadDocument = doctext.read) -> Document:
    """Where a `berkas` reference points, without ever following it out of the village.

    `read` gives the kind and text of the open file: doctext.read, or a TextCache's read. Its
    `problem` also says when the name's extension disagrees with the content ("mismatch") or the
    reference is written with backslashes ("backslash"): such a document is never published."""
    if not references.is_safe(ref):
        return Document(ref, False, False, 0, "")
    pure = PurePosixPath(ref.replace("\\", "/"))
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
            digest = hashlib.file_digest(handle, "sha256").hexdigest()  # what is judged is what is published
            handle.seek(0)
            kind, text = read(handle, size)
    except OSError:
        return Document(ref, False, True, 0, "")
    problem = text.problem or ("backslash" if "\\" in ref else "") or (doctext.mismatch(ref, text) if kind else "")
    return Document(ref, True, True, size, kind, text.pages, problem, text.places, text.format, digest)


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
                into[name] = replace(source, text=text)
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
