"""Write docs/referensi-aturan.md: every obligation of slip_schema.yaml and every rule's own manual.

The obligations come with their id, article, confidence (and so severity), evidence, freshness and
due dates, as slip_schema.yaml states them; the rules with their Indonesian module docstring (the
manual, with its LULUS/GAGAL examples), the obligations they judge, and the messages and hints they
print. Nothing is written by hand, so the reference cannot drift from the checker: a test compares
the committed file with a fresh generation.

Usage: python scripts/make_rule_reference.py [output]   (default: docs/referensi-aturan.md)
"""
from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Mapping

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker import rules  # noqa: E402 - after the path is set
from checker.catalogue import Catalogue, Obligation, load_catalogue  # noqa: E402
from checker.rules.freshness import months_in  # noqa: E402

GROUPS = {
    "kewajiban": "Kewajiban Badan Publik Desa (Perki 1/2018 Pasal 7)",
    "ppid": "PPID Desa (Perki 1/2018 Pasal 8)",
    "berkala": "Informasi berkala (Perki 1/2018 Pasal 2)",
    "sertamerta": "Informasi serta merta (Perki 1/2018 Pasal 3)",
    "setiapsaat": "Informasi tersedia setiap saat",
    "dikecualikan": "Informasi yang dikecualikan",
    "layanan": "Layanan informasi",
    "laporan": "Laporan",
    "monev": "Ditanyakan kuesioner monev, bukan teks Perki (selalu dianjurkan, tidak pernah galat)",
}
SEVERITY = {"quoted": "galat (dikutip dari teks peraturan)", "secondary": "galat (sumber sekunder yang konsisten)",
            "inferred": "peringatan, \"Dianjurkan\" (disimpulkan dari UU KIP, standar umum atau kuesioner monev)"}
HEADER = """# Referensi aturan SLIP Desa

> Berkas ini **dibuat otomatis** oleh `python scripts/make_rule_reference.py` dari `slip_schema.yaml`
> dan docstring modul aturan di `checker/rules/`. Jangan diubah dengan tangan: ubah sumbernya, lalu
> jalankan skrip itu lagi (sebuah pengujian memastikan berkas ini sama dengan hasil pembuatan ulang).

Setiap temuan `slip check` menyebut **aturan** yang menemukannya (misalnya `[apbdes-arithmetic]`),
**kewajiban** yang dilanggar dan **pasal** asalnya. Bagian pertama di bawah ini adalah daftar
kewajiban (katalog SLIP Desa); bagian kedua adalah manual setiap aturan, dengan contoh yang lulus
dan yang gagal, serta pesan dan saran yang dicetaknya.

Tingkat keyakinan menentukan beratnya temuan: `quoted` dan `secondary` menjadi **galat** (desa belum
patuh, kode keluar 1); `inferred` menjadi **peringatan** yang diawali "Dianjurkan".
"""


def _evidence(spec: Mapping[str, Any]) -> str:
    text = f"`{spec['file']}`"
    if "list" in spec:
        where = ", ".join(f"{k}: {v}" for k, v in spec.get("where", {}).items())
        text += f" > `{spec['list']}`" + (f" (butir dengan {where})" if where else " (ada butir)")
    fields = [f"`{p}`" for p in spec.get("all", ())] + [f"`{p}` (boleh `[]`)" for p in spec.get("present", ())]
    return text + (": " + ", ".join(fields) if fields else "")


def _obligation(obligation: Obligation) -> list[str]:
    out = [f"#### `{obligation.id}`", "", obligation.text[0].upper() + obligation.text[1:] + ".", "",
           f"- Pasal: {obligation.basis}", f"- Keyakinan: `{obligation.confidence}`, {SEVERITY[obligation.confidence]}"]
    alternatives = [_evidence(spec) for spec in obligation.evidence]
    if len(alternatives) == 1:
        out.append(f"- Bukti: {alternatives[0]}")
    elif alternatives:
        out.append("- Bukti (salah satu):")
        out += [f"  - {alt}" for alt in alternatives]
    if obligation.fresh:
        months = months_in(obligation.fresh)
        out.append(f"- Kemutakhiran: `diperbarui` paling lama {months} bulan sebelum tanggal acuan (`{obligation.fresh}`)")
    if obligation.due_from:
        month, day = obligation.due_from.split("-")
        out.append(f"- Jatuh tempo: mulai {day}/{month} laporan tahun lalu wajib ada (`{{tahun_lapor}}`)")
    if obligation.when:
        out.append(f"- Berlaku bila `{obligation.when['file']}` > `{obligation.when['path']}` terisi")
    if obligation.rule:
        out.append(f"- Dinilai juga oleh aturan [`{obligation.rule}`](#{obligation.rule})")
    return out + [""]


def _docstring(text: str) -> list[str]:
    """A rule's docstring as Markdown: its indented examples in yaml code blocks."""
    out: list[str] = []
    in_code = False
    for line in text.strip().splitlines():
        code = line.startswith("    ")
        if code and not in_code:
            out.append("```yaml")
        elif not code and in_code:
            out.append("```")
        in_code = code
        out.append(line[4:] if code else line)
    return out + (["```"] if in_code else [])


def _rule(module: ModuleType, catalogue: Catalogue) -> list[str]:
    doc = (module.__doc__ or "").strip().splitlines()
    out = [f"### `{module.ID}`", "", f"**{module.TITLE['id']}** ({module.TITLE['en']})", ""]
    out += _docstring("\n".join(doc)) + [""]
    out.append("Kewajiban yang dinilai: " + ", ".join(
        f"`{o}` ({catalogue.get(o).basis})" for o in module.OBLIGATIONS) + ".")
    out += ["", "Pesan:", ""]
    hints: Mapping[str, Mapping[str, str]] = getattr(module, "HINTS", {})
    for key, message in module.MESSAGES.items():
        hint = f" Saran: {hints[key]['id']}" if key in hints else ""
        out.append(f"- `{key}`: {message['id']}{hint}")
    return out + [""]


def render(catalogue: Catalogue, modules: Iterable[ModuleType]) -> str:
    """The whole reference as Markdown."""
    modules = list(modules)
    out = [HEADER, f"## Kewajiban ({len(catalogue.obligations)})", ""]
    for prefix, title in GROUPS.items():
        members = [o for o in catalogue.obligations.values() if o.id.split(".")[0] == prefix]
        if members:
            out += [f"### {title}", ""]
            for obligation in members:
                out += _obligation(obligation)
    out += [f"## Aturan ({len(modules)})", "", "Urutan ini adalah urutan pemeriksaan.", ""]
    for module in modules:
        out += _rule(module, catalogue)
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "docs" / "referensi-aturan.md"
    target.write_text(render(load_catalogue(), rules.RULES), encoding="utf-8")
    print(f"Ditulis: {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
