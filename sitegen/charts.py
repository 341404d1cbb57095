"""Charts drawn at build time as inline SVG: readable without JavaScript, printable, accessible.

Every chart has a <title> and <desc> and a text value beside each bar, so a screen reader and a
black-and-white printout say the same as the colours. Anggaran and realisasi are drawn as two bars
side by side, never stacked or summed.
"""
from __future__ import annotations

import hashlib
import textwrap
from typing import Sequence
from xml.sax.saxutils import escape

from markupsafe import Markup

from checker.domain.rupiah import short as short_rupiah

WIDTH = 420  # user units; text stays readable when a phone scales the chart to its width
BAR_H = 16
LABEL_H = 18  # each item's name sits on its own line above its bars, so long names never clip
VALUE_W = 100  # room right of the longest bar for its value
PALETTE = ("#1b5e8c", "#c2571a", "#2e7d32", "#6a3d9a", "#8d6e00", "#ad1457", "#00695c", "#4e342e")


def _svg(height: int, title: str, desc: str, body: str) -> Markup:
    # ids must be unique on a page that holds several charts: derive them from the content
    key = "c" + hashlib.sha1((title + desc).encode()).hexdigest()[:8]
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="{key}t {key}d">'
        f'<title id="{key}t">{escape(title)}</title><desc id="{key}d">{escape(desc)}</desc>{body}</svg>'
    )


LINE_CHARS = 52  # about what fits in WIDTH at 13 units per character height


def _lines(text: str) -> list[str]:
    return textwrap.wrap(text, LINE_CHARS) or [""]


def _label(y: float, text: str, x: float = 0) -> str:
    """A name on one or more lines (long bidang names wrap instead of running off the chart)."""
    spans = "".join(f'<tspan x="{x}" dy="{0 if i == 0 else 15}">{escape(line)}</tspan>' for i, line in enumerate(_lines(text)))
    return f'<text x="{x}" y="{y:.1f}" class="chart-label">{spans}</text>'


def _bar(y: float, value: int, scale: float, css: str) -> str:
    width = value * scale
    return (f'<rect x="0" y="{y}" width="{width:.1f}" height="{BAR_H}" {css}/>'
            f'<text x="{width + 4:.1f}" y="{y + 12}" class="chart-value">{short_rupiah(value)}</text>')


def paired_bars(items: Sequence[tuple[str, int, int | None]], title: str) -> Markup:
    """Per item, its name, an anggaran bar and (when known) a realisasi bar beneath it."""
    if not items:
        return Markup("")
    top = max(max(a, r or 0) for _, a, r in items) or 1
    scale = (WIDTH - VALUE_W) / top
    rows, y = [], 0
    for label, anggaran, realisasi in items:
        rows.append(_label(y + 13, label))
        y += LABEL_H + 15 * (len(_lines(label)) - 1)
        rows.append(_bar(y, anggaran, scale, 'class="bar-anggaran"'))
        if realisasi is not None:
            y += BAR_H + 2
            rows.append(_bar(y, realisasi, scale, 'class="bar-realisasi"'))
        y += BAR_H + 12
    legend = ('<rect x="0" y="{y}" width="12" height="12" class="bar-anggaran"/>'
              '<text x="16" y="{t}" class="chart-label">Anggaran</text>'
              '<rect x="110" y="{y}" width="12" height="12" class="bar-realisasi"/>'
              '<text x="126" y="{t}" class="chart-label">Realisasi</text>').format(y=y, t=y + 10)
    desc = "; ".join(f"{name}: anggaran {short_rupiah(a)}" + (f", realisasi {short_rupiah(r)}" if r is not None else "") for name, a, r in items)
    return _svg(y + 20, title, desc, "".join(rows) + legend)


def share_bar(items: Sequence[tuple[str, int]], title: str) -> Markup:
    """One 100% bar split by share, with a legend: each name, then its share and amount beneath."""
    total = sum(v for _, v in items)
    if not items or total <= 0:
        return Markup("")
    x, y, parts, legend = 0.0, 44, [], []
    for i, (label, value) in enumerate(items):
        width = WIDTH * value / total
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="28" fill="{colour}"/>')
        x += width
        pct = f"{100 * value / total:.1f}".replace(".", ",")
        below = y + 27 + 15 * (len(_lines(label)) - 1)
        legend.append(f'<rect x="0" y="{y}" width="12" height="12" fill="{colour}"/>{_label(y + 10, label, 18)}'
                      f'<text x="18" y="{below}" class="chart-value">{pct}% ({short_rupiah(value)})</text>')
        y = below + 11
    desc = "; ".join(f"{name}: {100 * v / total:.1f}%" for name, v in items)
    return _svg(y, title, desc, "".join(parts + legend))


def bars(items: Sequence[tuple[str, int]], title: str) -> Markup:
    """Simple horizontal bars, each under its name, with its value."""
    if not items:
        return Markup("")
    top = max(v for _, v in items) or 1
    scale = (WIDTH - VALUE_W) / top
    rows, y = [], 0
    for i, (label, value) in enumerate(items):
        rows.append(_label(y + 13, label))
        extra = 15 * (len(_lines(label)) - 1)
        rows.append(_bar(y + LABEL_H + extra, value, scale, f'fill="{PALETTE[i % len(PALETTE)]}"'))
        y += LABEL_H + extra + BAR_H + 10
    desc = "; ".join(f"{name}: {short_rupiah(v)}" for name, v in items)
    return _svg(y, title, desc, "".join(rows))
