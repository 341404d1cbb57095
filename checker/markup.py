"""Hostile markup in a Markdown body: HTML that can run script, and links with script or data schemes.

The site cleans every page with nh3 whatever this finds; finding it at check time, with its line,
tells staff why part of a page would vanish and stops a pasted attack at the check. Looked for:
script-capable elements (script, iframe, object, embed, form, style, svg, ...), event handler
attributes (onerror=, onclick=), and `javascript:`, `vbscript:` and `data:` URLs in Markdown links
and images, autolinks, reference definitions and HTML attributes, after undoing character
references and the tabs and newlines browsers ignore (`&#106;ava&#x09;script:`). A `data:` image is
refused too: inlined, it makes every page view download it. Code spans and fenced code blocks show
their text literally and are skipped.
"""
from __future__ import annotations

import html
import re
from typing import NamedTuple

from checker.findings import Problem

MAX_REPORTED = 20  # per file
_ELEMENTS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
             "textarea", "select", "style", "link", "meta", "base", "svg", "math", "template", "portal")
_ELEMENT = re.compile(r"<\s*(" + "|".join(_ELEMENTS) + r")(?![a-z0-9-])", re.I)
_TAG = re.compile(r"<[a-z][a-z0-9-]*(\s[^<>]*)?>", re.I)
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]+)"  # [text](url), ![alt](url)
    r"|^ {0,3}\[[^\]]+\]:\s*<?(\S+)"  # [ref]: url
    r"|<([a-z][a-z0-9+.\-]*:[^<>\s]*)>",  # <scheme:...>
    re.I | re.M)
_URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "action", "formaction", "poster", "background", "cite", "data",
                             "xlink:href", "longdesc", "lowsrc", "dynsrc", "codebase", "archive", "ping", "manifest"})
_SCHEME = re.compile(r"(javascript|vbscript|data):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[ \t]*$|\Z)", re.M | re.S)
_CODE = re.compile(r"(`+)[^`].*?(?<!`)\1(?!`)", re.S)


class Markup(NamedTuple):
    offset: int  # in the text given
    key: str  # "html_tag", "html_event" or "url_scheme"
    params: dict[str, str]


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())  # keeps every offset and line where it was


def _scheme(url: str) -> str | None:
    """The dangerous scheme a URL starts with, as a browser would read it, or None."""
    # The WHATWG URL parser drops tabs and newlines anywhere and C0 controls and spaces at the ends.
    match = _SCHEME.match(_TAB_OR_NEWLINE.sub("", html.unescape(url)).strip("".join(map(chr, range(33)))).lower())
    return match.group(1) if match else None


def unsafe(text: str) -> list[Markup]:
    """Hostile markup in a Markdown text, in the order it appears (at most MAX_REPORTED)."""
    if "<" not in text and ":" not in text:
        return []
    text = _CODE.sub(_blank, _FENCE.sub(_blank, text))
    found = [Markup(m.start(), "html_tag", {"tag": m.group(1).lower()}) for m in _ELEMENT.finditer(text)]
    for tag in _TAG.finditer(text):
        for attribute in _ATTRIBUTE.finditer(tag.group(1) or ""):
            name, value = attribute.group(1).lower(), next(g for g in attribute.groups()[1:] if g is not None)
            offset = tag.start(1) + attribute.start()
            if re.fullmatch(r"on[a-z]+", name):
                found.append(Markup(offset, "html_event", {"attr": name}))
            elif name in _URL_ATTRIBUTES and (scheme := _scheme(value)):
                found.append(Markup(offset, "url_scheme", {"scheme": scheme}))
    for link in _LINK.finditer(text):
        index = next(i for i in range(1, 4) if link.group(i) is not None)
        if scheme := _scheme(link.group(index)):
            found.append(Markup(link.start(index), "url_scheme", {"scheme": scheme}))
    return sorted(found, key=lambda m: m.offset)[:MAX_REPORTED]


def problems(text: str, name: str, first_line: int) -> list[Problem]:
    """The hostile markup of a Markdown body as input-file Problems at their line and column in the file."""
    found = []
    for markup in unsafe(text):
        line = first_line + text.count("\n", 0, markup.offset)
        col = markup.offset - text.rfind("\n", 0, markup.offset)
        found.append(Problem(name, (), markup.key, markup.params, line=line, col=col))
    return found
