"""Expat handlers that turn one XML part of an office document into lines of text.

Attribute values of a body part (a drawing's alt text `descr` and `title`, a field's code) are kept
apart in `kept`, so they never join the body's lines but are scanned all the same. Lines matter to
the NIK scan: a number split over two runs of one Word paragraph must join again,
while two cells or two paragraphs must never join into one 16-digit number. So text is joined
within a paragraph (docx `w:p`, odt `text:p`, pptx `a:p`) and every paragraph, cell or element
ends a line; tabs and line breaks become a tab, which no NIK pattern spans. Names are matched by
their local part, because the prefixes (`w:`, `a:`) vary between the programs that write them.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation


def local(name: str) -> str:
    """'uri}p' -> 'p': expat's namespaced name without its namespace."""
    return name.rpartition("}")[2]


def _attr(attrs: dict[str, str], name: str) -> str:
    return next((value for key, value in attrs.items() if local(key) == name), "")


class Flow:
    """Text of one part as lines; with `split`, one page per element of that name (sheet, slide)."""

    keeps = True  # keep attribute values (a sheet's are cell addresses and styles, and its drawings are parts)

    def __init__(self, *, text: frozenset[str] | None = None, lines: frozenset[str] | None = None,
                 gaps: frozenset[str] = frozenset(), split: str = "", attributes: bool = False):
        self.text, self.lines, self.gaps, self.split, self.attributes = text, lines, gaps, split, attributes
        self.kept: list[str] = []  # attribute values of a body part: alt text (descr, title), link targets
        self.pages: list[tuple[str, list[str]]] = [("", [])]  # (sheet or slide name, pieces)
        self.inside = 0  # depth inside a text element (w:t, a:t), when only those hold text
        self.skipping = 0  # depth inside mc:Fallback, which repeats what mc:Choice already holds

    def emit(self, text: str) -> None:
        self.pages[-1][1].append(text)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        if self.skipping or tag == "Fallback":
            self.skipping += 1
            return
        if tag == self.split:
            self.pages.append((_attr(attrs, "name"), []))
        if self.text is not None and tag in self.text:
            self.inside += 1
        if tag in self.gaps:  # ODF writes runs of spaces as <text:s text:c="3"/>
            count = _attr(attrs, "c")
            self.emit("\t" if tag != "s" else " " * min(int(count), 10) if count.isdigit() else " ")
        if self.attributes:  # metadata, pivot caches: values sit in attributes
            self.emit("".join("\n" + value for value in attrs.values()) + "\n")
        elif _attr(attrs, "value"):  # an ODF cell keeps the full number beside the rounded one it shows
            self.emit("\n" + _attr(attrs, "value") + "\n")
        if attrs and self.keeps and not self.attributes:  # a drawing's descr="..." is text too, apart from the lines
            self.kept.extend(value for key, value in attrs.items() if local(key) != "value")

    def end(self, name: str) -> None:
        if self.skipping:
            self.skipping -= 1
            return
        tag = local(name)
        if self.text is not None and tag in self.text:
            self.inside -= 1
        if self.lines is None or tag in self.lines:
            self.emit("\n")

    def data(self, text: str) -> None:
        if not self.skipping and (self.text is None or self.inside):
            self.emit(text)

    def texts(self) -> list[tuple[str, str]]:
        """(name, text) of each page; the first is what came before any split element."""
        return [(name, "".join(pieces)) for name, pieces in self.pages]


WORD = dict(text=frozenset({"t", "delText", "instrText"}), lines=frozenset({"p"}), gaps=frozenset({"tab", "br", "cr"}))
SLIDE = dict(text=frozenset({"t"}), lines=frozenset({"p"}), gaps=frozenset({"br"}))
ODF_TEXT = dict(lines=frozenset({"p", "h"}), gaps=frozenset({"s", "tab", "line-break"}))
ODF_CELLS = dict(lines=frozenset({"p", "h", "table-cell"}), gaps=frozenset({"s", "tab", "line-break"}))


class Sheet(Flow):
    """A worksheet: each cell a line, shared strings put back, numbers written out in full."""

    keeps = False

    def __init__(self, strings: list[str]):
        super().__init__()
        self.strings, self.used, self.kind = strings, set(), "n"

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == "c":
            self.kind = _attr(attrs, "t") or "n"
        super().start(name, attrs)

    def data(self, text: str) -> None:
        if self.kind == "s" and text.strip().isdigit() and int(text) < len(self.strings):
            self.used.add(int(text))
            text = self.strings[int(text)]
        elif self.kind == "n" and "E" in text.upper():  # Excel writes 3.508074506870003E+15
            try:
                number = Decimal(text)
                if number == number.to_integral_value() and abs(number) < 10**20:
                    text = str(int(number))
            except (InvalidOperation, ValueError):
                pass
        super().data(text)


class Strings(Flow):
    """xl/sharedStrings.xml: one string per <si>, rich-text runs joined, phonetic guides left out."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self.pieces: list[str] = []
        self.depth = self.phonetic = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = local(name)
        self.depth += tag == "t"
        self.phonetic += tag == "rPh"
        if tag == "si":
            self.pieces = []

    def end(self, name: str) -> None:
        tag = local(name)
        self.depth -= tag == "t"
        self.phonetic -= tag == "rPh"
        if tag == "si":
            self.items.append("".join(self.pieces))

    def data(self, text: str) -> None:
        if self.depth and not self.phonetic:
            self.pieces.append(text)


class Listed(Flow):
    """The (name, relationship id) of each <sheet> of a workbook or <sldId> of a presentation, in order."""

    def __init__(self, tag: str):
        super().__init__()
        self.tag, self.items = tag, []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == self.tag:  # r:id is the namespaced "id"; a slide's plain "id" is a number
            rid = next((v for k, v in attrs.items() if "}" in k and local(k) == "id"), "")
            self.items.append((_attr(attrs, "name") or str(len(self.items) + 1), rid))

    def end(self, name: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass


class Relationships(Listed):
    """A .rels part: relationship id -> target."""

    def __init__(self) -> None:
        super().__init__("Relationship")
        self.targets: dict[str, str] = {}

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if local(name) == "Relationship" and _attr(attrs, "TargetMode") != "External":
            self.targets[_attr(attrs, "Id")] = _attr(attrs, "Target")


def xml_text(data: bytes) -> str:
    """The character data and attribute values of a standalone XML packet (XMP), one a line.

    Parsed, so a number written as character references (&#51;) is read as digits; a packet that
    is not well-formed, or declares a DTD, is read as raw text instead of being skipped."""
    from xml.parsers import expat

    flow = Flow(attributes=True)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def refuse(*_: object) -> None:
        raise ValueError("DTD")

    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = refuse
    parser.StartElementHandler, parser.EndElementHandler = flow.start, flow.end
    parser.CharacterDataHandler = flow.data
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, ValueError):
        return data.decode("utf-8", "replace")
    return flow.texts()[0][1]
