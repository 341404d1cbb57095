"""The loaded village: plain data, a mark table per file, and what went wrong while loading."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any, Mapping

from checker.findings import Problem
from checker.marks import SourceMap


@dataclass(frozen=True)
class SourceFile:
    """One YAML file, or the front matter of one Markdown file."""

    name: str  # relative to the village folder, with forward slashes: "apbdes/2026.yaml"
    data: Any
    marks: SourceMap
    body: str = ""  # Markdown body (empty for YAML files)
    body_line: int = 0  # line of the body's first line in the file
    # The file as read, for what the data does not keep: comments and keys (the nik rule scans them,
    # since a public repository shows them as the site shows values).
    text: str = ""


@dataclass(frozen=True)
class Document:
    """A file a village refers to under a `berkas` key, as the loader found it on disk."""

    ref: str  # as written in the YAML
    exists: bool
    inside: bool  # resolves (symlinks too) inside the village folder
    size: int
    kind: str  # pdf, image, office, or "" when the content is not a document type
    pages: tuple[str, ...] = ()  # text of each PDF page, sheet, slide or part, for the NIK scan
    # "encrypted", "corrupt", "too_big_to_scan" / "too_deep" (past the extraction limits), "macro",
    # "mismatch" (the name's extension is not what the content is) or "backslash" (a \\ in the
    # reference); a document with a problem is never published
    problem: str = ""
    places: tuple[str, ...] = ()  # where each text is ("page:2", "sheet:Penerima", see checker.documents)
    format: str = ""  # what the content is: pdf, png, jpeg, gif, webp, docx, ..., ole (checker.documents.text)
    sha256: str = ""  # of the bytes that were read and judged: the site copies only these bytes


# What makes a file unusable, among the problems the loader records: the file is not read at all,
# so other rules must not call its contents "missing" (hostile markup in a readable page is not one).
UNUSABLE = frozenset({
    "too_big", "unreadable", "encoding", "syntax", "tab", "multi_doc", "not_mapping", "tag",
    "alias", "complex_key", "front_matter", "outside", "control_char", "special",
    "too_deep", "too_many_items", "too_many_values", "long_key", "long_value",  # checker.builder's limits
})


@dataclass(frozen=True)
class Village:
    slug: str
    root: FsPath
    files: Mapping[str, SourceFile]  # YAML files by relative name
    pages: Mapping[str, SourceFile]  # Markdown files by relative name (front matter as data)
    documents: Mapping[str, Document]  # by the reference string
    problems: tuple[Problem, ...] = field(default=())  # from loading: broken YAML, encoding, ...

    @property
    def unreadable(self) -> frozenset[str]:
        """The files (relative names) that could not be read."""
        return frozenset(p.file for p in self.problems if p.key in UNUSABLE)

    def data(self, name: str) -> Any:
        """The data of one file, or None when it is missing or unusable."""
        source = self.files.get(name)
        return None if source is None else source.data

    def apbdes_years(self) -> dict[int, SourceFile]:
        """APB Desa files by year, from the file name apbdes/<tahun>.yaml."""
        years = {}
        for name, source in self.files.items():
            stem = name.removeprefix("apbdes/").removesuffix(".yaml")
            if name.startswith("apbdes/") and stem.isdigit():
                years[int(stem)] = source
        return dict(sorted(years.items()))
