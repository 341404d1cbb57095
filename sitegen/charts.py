"""Charts drawn at build time as inline SVG: readable without JavaScript, printable, accessible.

Every chart has a <title> and <desc> and a text value beside each bar, so a screen reader and a
black-and-white printout say the same as the colours. Anggaran and realisasi are drawn as two bars
side by side, never stacked or summed.
"""
from __future__ import annotations

import hashlib
from typing import Sequence
from xml.sax.saxutils import escape

from markupsafe import Markup

WIDTH = 640
LABEL_W = 230
BAR_H = 16
PALETTE = ("#1b5e8c", "#c2571a", "#2e7d32", "#6a3d9a", "#8d6e00", "#ad1457", "#00695c", "#4e342e")


def short_rupiah(value: int) -> str:
    """1250000000 -> 'Rp 1,25 M'; 7500000 -> 'Rp 7,5 jt' (Indonesian abbreviations)."""
    for size, unit in ((1_000_000_000, "M"), (1_000_000, "jt"), (1_000, "rb")):
        if abs(value) >= size:
            text = f"{value / size:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"Rp {text} {unit}"
    return f"Rp {value}"


def _svg(height: int, title: str, desc: str, body: str) -> Markup:
    # ids must be unique on a page that holds several charts: derive them from the content
    key = "c" + hashlib.sha1((title + desc).encode()).hexdigest()[:8]
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-labelledby="{key}t {key}d">'
        f'<title id="{key}t">{escape(title)}</title><desc id="{key}d">{escape(desc)}</desc>{body}</svg>'
    )


def _label(y: float, text: str) -> str:
    short = text if len(text) <= 34 else text[:32] + "…"
    return f'<text x="0" y="{y:.1f}" class="chart-label">{escape(short)}</text>'


def paired_bars(items: Sequence[tuple[str, int, int | None]], title: str) -> Markup:
    """Per item, an anggaran bar and (when known) a realisasi bar beneath it."""
    if not items:
        return Markup("")
    top = max(max(a, r or 0) for _, a, r in items) or 1
    scale = (WIDTH - LABEL_W - 110) / top
    rows, y = [], 10
    for label, anggaran, realisasi in items:
        rows.append(_label(y + 12, label))
        rows.append(f'<rect x="{LABEL_W}" y="{y}" width="{anggaran * scale:.1f}" height="{BAR_H}" class="bar-anggaran"/>')
        rows.append(f'<text x="{LABEL_W + anggaran * scale + 4:.1f}" y="{y + 12}" class="chart-value">{short_rupiah(anggaran)}</text>')
        if realisasi is not None:
            y += BAR_H + 2
            rows.append(f'<rect x="{LABEL_W}" y="{y}" width="{realisasi * scale:.1f}" height="{BAR_H}" class="bar-realisasi"/>')
            rows.append(f'<text x="{LABEL_W + realisasi * scale + 4:.1f}" y="{y + 12}" class="chart-value">{short_rupiah(realisasi)}</text>')
        y += BAR_H + 12
    legend = (f'<rect x="{LABEL_W}" y="{y}" width="12" height="12" class="bar-anggaran"/>'
              f'<text x="{LABEL_W + 16}" y="{y + 10}" class="chart-label">Anggaran</text>'
              f'<rect x="{LABEL_W + 100}" y="{y}" width="12" height="12" class="bar-realisasi"/>'
              f'<text x="{LABEL_W + 116}" y="{y + 10}" class="chart-label">Realisasi</text>')
    desc = "; ".join(f"{l}: anggaran {short_rupiah(a)}" + (f", realisasi {short_rupiah(r)}" if r is not None else "") for l, a, r in items)
    return _svg(y + 20, title, desc, "".join(rows) + legend)


def share_bar(items: Sequence[tuple[str, int]], title: str) -> Markup:
    """One 100% bar split by share, with a legend giving each share in percent."""
    total = sum(v for _, v in items)
    if not items or total <= 0:
        return Markup("")
    x, parts, legend = 0.0, [], []
    for i, (label, value) in enumerate(items):
        width = WIDTH * value / total
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="28" fill="{colour}"/>')
        x += width
        pct = f"{100 * value / total:.1f}".replace(".", ",")
        y = 44 + 20 * i
        legend.append(f'<rect x="0" y="{y}" width="12" height="12" fill="{colour}"/>'
                      f'<text x="18" y="{y + 10}" class="chart-label">{escape(label)}: {pct}% ({short_rupiah(value)})</text>')
    desc = "; ".join(f"{l}: {100 * v / total:.1f}%" for l, v in items)
    return _svg(44 + 20 * len(items), title, desc, "".join(parts + legend))


def bars(items: Sequence[tuple[str, int]], title: str) -> Markup:
    """Simple horizontal bars with their values."""
    if not items:
        return Markup("")
    top = max(v for _, v in items) or 1
    scale = (WIDTH - LABEL_W - 110) / top
    rows = []
    for i, (label, value) in enumerate(items):
        y = 6 + i * (BAR_H + 10)
        rows.append(_label(y + 12, label))
        rows.append(f'<rect x="{LABEL_W}" y="{y}" width="{value * scale:.1f}" height="{BAR_H}" fill="{PALETTE[i % len(PALETTE)]}"/>')
        rows.append(f'<text x="{LABEL_W + value * scale + 4:.1f}" y="{y + 12}" class="chart-value">{short_rupiah(value)}</text>')
    desc = "; ".join(f"{l}: {short_rupiah(v)}" for l, v in items)
    return _svg(12 + len(items) * (BAR_H + 10), title, desc, "".join(rows))
