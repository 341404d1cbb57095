"""Write the small stand-in documents that the demo villages refer to under `berkas` keys.

Every `berkas: dokumen/...` path in a village's YAML files and Markdown front matter gets a
minimal, valid one-page PDF (or a tiny PNG for .png paths) whose text names the document, the
village, and says that it is a demo document and not an official one. The output is
deterministic (no timestamps), so running it twice changes nothing.

Usage: python scripts/make_demo_pdfs.py [villages_dir]   (default: villages/ beside scripts/)
"""
from __future__ import annotations

import struct
import sys
import textwrap
import unicodedata
import zlib
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

import yaml

ROOT = Path(__file__).resolve().parent.parent
TITLE_KEYS = ("judul", "tentang", "uraian", "paket", "program")
JENIS_LABEL = {
    "perdes": "Peraturan Desa",
    "perkades": "Peraturan Kepala Desa",
    "kepdes": "Keputusan Kepala Desa",
    "keputusan_bpd": "Keputusan BPD",
    "peraturan_bersama": "Peraturan Bersama Kepala Desa",
}
NOTICE = "Dokumen contoh untuk demo slip-desa. Isi rekaan, bukan dokumen resmi desa."


def ascii_text(text: str) -> str:
    """Helvetica in a bare PDF speaks Latin-1 at best; keep to printable ASCII."""
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(flat.split())


def pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF with a bold title and a few lines of text; offsets computed exactly."""
    ops = ["BT", "/F2 14 Tf", "56 780 Td", "16 TL"]
    for part in textwrap.wrap(ascii_text(title), 70) or ["Dokumen"]:
        ops.append(f"{pdf_string(part)} Tj T*")
    ops += ["/F1 10 Tf", "14 TL", "T*"]
    for line in lines:
        for part in textwrap.wrap(ascii_text(line), 95) or [""]:
            ops.append(f"{pdf_string(part)} Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        ("<< /Title " + pdf_string(ascii_text(title)) + " /Producer (slip-desa scripts/make_demo_pdfs.py) >>").encode("ascii"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_png(width: int = 96, height: int = 64) -> bytes:
    """A tiny grey-scale PNG: a white card with a dark frame and three boxes, like a bagan."""
    def pixel(x: int, y: int) -> int:
        frame = x in (0, width - 1) or y in (0, height - 1)
        top = 40 <= x <= 56 and y in (8, 20) or x in (40, 56) and 8 <= y <= 20
        boxes = any((bx <= x <= bx + 16 and y in (40, 52)) or (x in (bx, bx + 16) and 40 <= y <= 52) for bx in (12, 40, 68))
        stem = x == 48 and 20 <= y <= 40 or y == 30 and 20 <= x <= 76 or x in (20, 76) and 30 <= y <= 40
        return 40 if frame or top or boxes or stem else 250

    raw = b"".join(b"\x00" + bytes(pixel(x, y) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def title_of(item: dict[str, Any], context: str, ref: str) -> str:
    """The best human title for the document an item refers to."""
    parts = []
    if item.get("jenis") in JENIS_LABEL:
        parts.append(JENIS_LABEL[item["jenis"]])
    if item.get("nomor"):
        nomor = str(item["nomor"])
        if item.get("tahun") and "Tahun" not in nomor:
            nomor += f" Tahun {item['tahun']}"
        parts.append(f"Nomor {nomor}")
    text = next((str(item[k]) for k in TITLE_KEYS if item.get(k)), "")
    if text:
        parts.append(("tentang " + text) if parts else text)
    if parts:
        return " ".join(parts)
    if context:
        return f"{context} Tahun {item['tahun']}" if item.get("tahun") else context
    return PurePosixPath(ref).stem.replace("-", " ").replace("_", " ").capitalize()


def references(data: Any, context: str = "") -> Iterator[tuple[str, str]]:
    """(berkas path, title) for every `berkas` key, titled from the nearest describing keys."""
    if isinstance(data, dict):
        here = next((str(data[k]) for k in TITLE_KEYS if isinstance(data.get(k), str)), context)
        ref = data.get("berkas")
        if isinstance(ref, str):
            yield ref, title_of(data, context, ref)
        for key, value in data.items():
            label = {"uji_konsekuensi": f"Uji Konsekuensi: {here}", "perdes": f"Peraturan Desa {data.get('tahun', '')}".strip(),
                     "penetapan": "Keputusan Kepala Desa (penetapan)", "permohonan": "Formulir Permohonan Informasi Publik",
                     "keberatan": "Formulir Pengajuan Keberatan", "bagan": "Bagan Struktur Organisasi",
                     "laporan_tahunan": "Laporan Layanan Informasi Publik"}.get(key, here)
            if key != "berkas":
                yield from references(value, label)
    elif isinstance(data, list):
        for value in data:
            yield from references(value, context)


def front_matter(text: str) -> Any:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return yaml.safe_load("\n".join(lines[1:end])) or {}
    return {}


# Files whose items carry the formal title of a document come first; the DIP only describes them.
TITLE_PRIORITY = ("produk_hukum.yaml", "dokumen.yaml", "apbdes", "ppid.yaml", "layanan.yaml", "profil.yaml")


def priority(village: Path, path: Path) -> tuple[int, str]:
    rel = path.relative_to(village).as_posix()
    rank = next((i for i, name in enumerate(TITLE_PRIORITY) if rel.startswith(name)), len(TITLE_PRIORITY))
    return rank, rel


def village_refs(village: Path) -> dict[str, str]:
    refs: dict[str, str] = {}
    for path in sorted(village.rglob("*"), key=lambda p: priority(village, p)):
        if "dokumen" in path.relative_to(village).parts or not path.is_file():
            continue
        if path.suffix in (".yaml", ".yml"):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        elif path.suffix == ".md":
            data = front_matter(path.read_text(encoding="utf-8"))
        else:
            continue
        for ref, title in references(data):
            refs.setdefault(ref, title)
    return refs


def village_line(village: Path) -> str:
    profil = village / "profil.yaml"
    data = yaml.safe_load(profil.read_text(encoding="utf-8")) if profil.exists() else {}
    data = data or {}
    parts = [f"Desa {data.get('nama', village.name.title())}"]
    if data.get("kecamatan"):
        parts.append(f"Kecamatan {data['kecamatan']}")
    if data.get("kabupaten"):
        parts.append(f"Kabupaten {data['kabupaten']}")
    if data.get("provinsi"):
        parts.append(f"Provinsi {data['provinsi']}")
    return ", ".join(parts)


def write_village(village: Path) -> int:
    """Write every referenced document of one village; returns how many files were written."""
    written = 0
    where = village_line(village)
    for ref, title in village_refs(village).items():
        pure = PurePosixPath(ref)
        if pure.is_absolute() or ".." in pure.parts:
            print(f"skip {village.name}: {ref} (outside the village)", file=sys.stderr)
            continue
        target = village / pure
        target.parent.mkdir(parents=True, exist_ok=True)
        if pure.suffix.lower() == ".png":
            target.write_bytes(make_png())
        else:
            target.write_bytes(make_pdf(title, [where, "", f"Berkas: {ref}", "", NOTICE]))
        written += 1
    return written


def main(argv: list[str]) -> int:
    base = Path(argv[0]) if argv else ROOT / "villages"
    for village in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        print(f"{village.name}: {write_village(village)} berkas")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
