"""Generate realistic village folders for benchmarks and scale tests, from the demo village Kraton.

Every village is a copy of the demo village Kraton under a real desa code and name of the
Kepmendagri 2025 dataset (checker.wilayah.names(), desa only: the last segment starts with 2): the
names, the e-mail slug and the kecamatan and kabupaten change, the APB Desa amounts (and the
program.yaml amounts that report them) are scaled by a per-village factor that keeps every sum,
balance and report exact, and each referenced document is a PDF of
its own that names the village (so no two villages share a document's bytes). About 15% of the
villages get one typical defect: a stale `diperbarui`, a missing file, a broken subtotal or a missing
document. When more villages are asked for than the area has desa, the extra ones get made-up codes
(last segment from 2901) in a real kecamatan, which the kode-wilayah rule reports as unknown.

Kraton's folder is a parameter (`--template`, default villages/kraton); the tests pass their own
copy, tests/data/demo/kraton, since in a fork villages/ holds the kabupaten's real villages.

Usage: python bench/generate.py OUT --count 205 --area 35.08 [--seed 1] [--defects 0.15] [--template DIR]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "villages" / "kraton"  # the command line's default; tests pass tests/data/demo/kraton
KODE, NAMA, KECAMATAN, KABUPATEN = "35.08.07.2002", "Kraton", "Yosowilangun", "Lumajang"
STALE = ("profil.yaml", "diperbarui: 2026-10-05", "diperbarui: 2025-11-05")  # over 6 months before 2026-11-28
MISSING_FILE = "layanan.yaml"
MISSING_DOCUMENT = "dokumen/perdes-2026-01-apbdes.pdf"
SUBTOTAL = ("apbdes/2026.yaml", 42)  # the Dana Desa line the README breaks by hand
DEFECTS = ("stale", "missing_file", "subtotal", "missing_document")
_AMOUNT = re.compile(r"^(\s*-?\s*[a-z_]+:\s*)(-?\d{5,})\b", re.MULTILINE)


def _pdf_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_demo_pdfs", ROOT / "scripts" / "make_demo_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Place:
    kode: str
    nama: str
    kecamatan: str
    kabupaten: str  # without the word "Kabupaten"

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.nama.lower()).strip("-") + "-" + self.kode.replace(".", "")


def places(area: str, count: int) -> list[Place]:
    """`count` desa of an area (a province "35" or a kabupaten "35.08"), real ones first."""
    from checker.domain import wilayah

    names = wilayah.names()
    desa = sorted(k for k in names if len(k) == 13 and k.startswith(area + ".") and k[9] == "2")
    if not desa:
        raise SystemExit(f"no desa under {area}")

    def place(kode: str, nama: str) -> Place:
        return Place(kode, nama, names[kode[:8]], names[kode[:5]].removeprefix("Kabupaten "))

    found = [place(k, names[k]) for k in desa[:count]]
    taken, serials, index = set(desa), {}, 0
    while len(found) < count:  # made-up codes, unique, cycling through the real desa's kecamatan
        base = desa[index % len(desa)]
        index += 1
        serials[base[:9]] = serials.get(base[:9], 2900) + 1
        kode = f"{base[:9]}{serials[base[:9]]:04d}"
        if kode not in taken:
            taken.add(kode)
            found.append(place(kode, names[base] + " Baru"))
    return found


class Template:
    """Kraton read once: its text files, its binary files and the title of every document."""

    def __init__(self, root: Path = TEMPLATE):
        self.pdf = _pdf_script()
        self.texts: dict[str, str] = {}
        self.binaries: dict[str, bytes] = {}
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            if path.suffix in (".yaml", ".md"):
                self.texts[name] = path.read_text(encoding="utf-8")
            elif path.suffix != ".pdf":
                self.binaries[name] = path.read_bytes()
        self.titles = {ref: title for ref, title in self.pdf.village_refs(root).items() if ref.endswith(".pdf")}
        amounts = [int(m.group(2)) for n, t in self.texts.items() if n.startswith("apbdes/") for m in _AMOUNT.finditer(t)]
        self.unit = next(u for u in (1000, 100, 10, 1) if all(a % u == 0 for a in amounts))

    def files(self, place: Place, rng: random.Random) -> Iterator[tuple[str, bytes]]:
        """Every file of one village: relative name and bytes."""
        step = rng.randint(-3 * self.unit // 10, 3 * self.unit // 10)  # amounts scaled by (unit+step)/unit, exactly

        def scale(match: re.Match[str]) -> str:
            return match.group(1) + str(int(match.group(2)) // self.unit * (self.unit + step))

        swaps = ((KODE, place.kode), (NAMA.upper(), place.nama.upper()), (NAMA, place.nama),
                 (NAMA.lower(), place.slug), (KECAMATAN, place.kecamatan), (KABUPATEN, place.kabupaten))
        for name, text in self.texts.items():
            for old, new in swaps:
                text = text.replace(old, new)
            if name.startswith("apbdes/") or name == "program.yaml":  # program.yaml reports APB Desa amounts
                text = _AMOUNT.sub(scale, text)
            yield name, text.encode("utf-8")
        yield from self.binaries.items()
        where = f"Desa {place.nama}, Kecamatan {place.kecamatan}, Kabupaten {place.kabupaten}, Provinsi Jawa Timur"
        for ref, title in self.titles.items():
            title = title.replace(NAMA, place.nama)
            yield ref, self.pdf.make_pdf(title, [where, "", f"Berkas: {ref}", "", self.pdf.NOTICE])


def _defective(files: dict[str, bytes], defect: str) -> dict[str, bytes]:
    if defect == "stale":
        name, old, new = STALE
        files[name] = files[name].replace(old.encode(), new.encode(), 1)
    elif defect == "missing_file":
        del files[MISSING_FILE]
    elif defect == "missing_document":
        del files[MISSING_DOCUMENT]
    elif defect == "subtotal":
        name, line = SUBTOTAL
        lines = files[name].split(b"\n")
        key, _, value = lines[line - 1].partition(b": ")
        number = value.split()[0]
        lines[line - 1] = key + b": " + str(int(number) + 100_000).encode() + value[len(number):]
        files[name] = b"\n".join(lines)
    return files


def generate(out: Path, area: str, count: int, *, seed: int = 1, defect_share: float = 0.15,
             template: Path = TEMPLATE) -> dict[str, str]:
    """Write `count` villages under out/, copies of the Kraton folder `template`; returns slug -> defect
    ("" for a clean village)."""
    kraton, rng = Template(template), random.Random(seed)
    manifest: dict[str, str] = {}
    for place in places(area, count):
        defect = rng.choice(DEFECTS) if rng.random() < defect_share else ""
        files = _defective(dict(kraton.files(place, rng)), defect)
        for name, data in files.items():
            target = out / place.slug / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        manifest[place.slug] = defect
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--area", default="35.08", help="province (35) or kabupaten (35.08) code")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--defects", type=float, default=0.15, help="share of villages with one defect")
    parser.add_argument("--template", type=Path, default=TEMPLATE,
                        help="the demo village Kraton's folder (default: villages/kraton)")
    args = parser.parse_args(argv)
    manifest = generate(args.out, args.area, args.count, seed=args.seed, defect_share=args.defects,
                        template=args.template)
    broken = sum(1 for d in manifest.values() if d)
    print(f"{len(manifest)} villages in {args.out} ({broken} with a defect)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
