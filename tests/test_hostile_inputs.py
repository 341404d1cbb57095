"""Every hostile input the Hardening issue lists, one row each, through the real CLI in both languages.

Each row writes one file into a copy of the demo village Kraton (compliant, no finding, at
2026-11-28), or one folder beside it, then runs `slip check --format json` in Indonesian and in
English and asserts: the exit code (2 unusable input, 1 a finding, 0 accepted), the finding the row
is about at its file and line, that no other rule speaks unless the row allows it, that every
message and hint is present in both languages and the English one is English (not the Indonesian
text), and that nothing printed a traceback. A fatal finding is also printed to stderr as
`path:line:col:`.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pypdf
import pytest

from checker.cli.main import main
from tests.conftest import DEMO, PDF

ANNOUNCEMENT = "pengumuman/musdes-rapbdes-2027.md"  # its front matter closes on line 5; the body starts on line 6
LOL = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10 if i else ["lol"] * 10) + "]\n" for i in range(10))
ALIASES = "a: &a x\nb: [" + ", ".join(["*a"] * 480_000) + "]\n"  # 1.9 MB, just under the size limit


def _encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(PDF))
    writer.encrypt("rahasia")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass(frozen=True)
class Write:
    """Replace the whole file (or create it)."""

    content: str | bytes

    def apply(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        path.write_bytes(self.content if isinstance(self.content, bytes) else self.content.encode("utf-8"))


@dataclass(frozen=True)
class Edit:
    """Replace the first `old` in the file by `new`; then write it in `encoding`, CRLF, after `prefix`."""

    old: str
    new: str
    encoding: str = "utf-8"
    crlf: bool = False
    prefix: str = ""

    def apply(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert self.old in text, f"{path.name} has no {self.old!r}"
        text = self.prefix + text.replace(self.old, self.new, 1)
        path.write_bytes((text.replace("\n", "\r\n") if self.crlf else text).encode(self.encoding))


@dataclass(frozen=True)
class Do:
    """Anything else: a symlink, a sparse file, a FIFO, a folder."""

    action: Callable[[Path], None]

    def apply(self, path: Path) -> None:
        self.action(path)


def _symlink(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.unlink(missing_ok=True)
        villages = next(parent for parent in path.parents if parent.name == "villages")
        os.symlink(target if target.startswith("/") else villages / target, path)
    return make


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.truncate(size)  # 50 MB on the page, nothing on disk
    return make


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _many_files(path: Path) -> None:
    for number in range(3_000):
        (path / f"lampiran-{number:04d}.pdf").write_bytes(PDF)


def _copy_kraton(name: str) -> Callable[[Path], None]:
    return lambda path: shutil.copytree(DEMO / "kraton", path.parent / name)


@dataclass(frozen=True)
class Case:
    id: str
    file: str  # written inside villages/kraton/; a folder case ("../x") writes beside it
    change: Write | Edit | Do
    exit: int
    where: tuple[str, int, str] | None  # (file, line, rule) of the finding; None: accepted, no finding
    village: str = "kraton"  # the village whose finding it is
    others: frozenset[str] = frozenset()  # rules that may speak too (a broken value is also stale)
    hint: str = ""  # the hint, in both languages, contains this (the right form of an amount)
    seconds: float = 5.0


CASES = [
    # YAML
    Case("yaml-syntax-error", "profil.yaml", Edit("nama: Kraton", 'nama: "Kraton'), 2, ("profil.yaml", 10, "input-file")),
    Case("yaml-tab-indent", "profil.yaml", Edit("  telepon:", "\ttelepon:"), 2, ("profil.yaml", 17, "input-file")),
    Case("yaml-duplicate-key", "profil.yaml", Edit("kecamatan: Yosowilangun", "kecamatan: Yosowilangun\nnama: Krai"), 1,
         ("profil.yaml", 12, "input-file"), others=frozenset({"kode-wilayah"})),
    Case("yaml-billion-laughs", "profil.yaml", Write(LOL), 2, ("profil.yaml", 2, "input-file"), seconds=2.0),
    Case("yaml-alias-flood", "profil.yaml", Write(ALIASES), 2, ("profil.yaml", 2, "input-file"), seconds=2.0),
    Case("yaml-python-tag", "profil.yaml", Edit("luas_km2: 4.87", "luas_km2: !!python/object/apply:os.system ['true']"), 2,
         ("profil.yaml", 20, "input-file")),
    Case("yaml-two-documents", "ppid.yaml", Edit("\npenetapan:", "\n---\npenetapan:"), 2, ("ppid.yaml", 8, "input-file")),
    Case("yaml-empty-file", "ppid.yaml", Write(""), 1, ("ppid.yaml", 1, "input-file"), others=frozenset({"completeness"})),
    Case("yaml-50-mb", "profil.yaml", Do(_sparse(50_000_000)), 2, ("profil.yaml", 1, "input-file"), seconds=2.0),
    Case("yaml-key-not-text", "profil.yaml", Edit("luas_km2: 4.87", "[luas, km2]: 4.87"), 2, ("profil.yaml", 20, "input-file")),
    Case("yaml-unknown-number-key", "profil.yaml", Edit("luas_km2: 4.87", "2026: 4.87"), 1, ("profil.yaml", 20, "schema")),
    Case("yaml-value-of-wrong-type", "profil.yaml", Edit("jumlah_penduduk: 5214", "jumlah_penduduk: banyak"), 1,
         ("profil.yaml", 21, "schema")),
    Case("yaml-rupiah-with-dots", "apbdes/2026.yaml", Edit("anggaran: 1096384000", "anggaran: Rp 1.096.384.000,00"), 1,
         ("apbdes/2026.yaml", 42, "schema"), others=frozenset({"apbdes-arithmetic"}), hint="1096384000"),
    Case("yaml-rupiah-in-words", "apbdes/2026.yaml", Edit("anggaran: 1096384000", "anggaran: 1,2 M"), 1,
         ("apbdes/2026.yaml", 42, "schema"), others=frozenset({"apbdes-arithmetic"}), hint="1200000000"),
    Case("yaml-impossible-date", "profil.yaml", Edit("diperbarui: 2026-10-05", "diperbarui: 31-02-2025"), 1,
         ("profil.yaml", 7, "schema"), others=frozenset({"freshness"})),
    # Text
    Case("text-windows-1252", "profil.yaml", Edit("Dusun Krajan, Desa", "Dusun Krajan, Café Desa", encoding="cp1252"), 2,
         ("profil.yaml", 14, "input-file")),
    Case("text-bom-keeps-lines", "profil.yaml", Edit("jumlah_penduduk: 5214", "jumlah_penduduk: banyak", prefix="\ufeff"), 1,
         ("profil.yaml", 21, "schema")),
    Case("text-crlf-keeps-lines", "profil.yaml", Edit("jumlah_penduduk: 5214", "jumlah_penduduk: banyak", crlf=True), 1,
         ("profil.yaml", 21, "schema")),
    Case("text-zero-width-in-name", "profil.yaml", Edit("nama: Kraton", "nama: Kra\u200bton"), 1,
         ("profil.yaml", 10, "hidden-characters"), others=frozenset({"kode-wilayah"})),
    Case("text-right-to-left-in-name", "profil.yaml", Edit("nama: Moch. Syaifuddin", "nama: Moch. \u202eSyaifuddin"), 1,
         ("profil.yaml", 47, "hidden-characters")),
    # Markdown
    Case("md-script", ANNOUNCEMENT, Edit("\n---\n", "\n---\n<script>alert(1)</script>\n"), 1, (ANNOUNCEMENT, 6, "input-file")),
    Case("md-event-handler", ANNOUNCEMENT, Edit("\n---\n", '\n---\nFoto:\n<img src="x.png"\n  onerror="alert(1)">\n'), 1,
         (ANNOUNCEMENT, 8, "input-file")),
    Case("md-iframe", ANNOUNCEMENT, Edit("\n---\n", '\n---\n<iframe src="https://peta.example"></iframe>\n'), 1,
         (ANNOUNCEMENT, 6, "input-file")),
    Case("md-javascript-link", ANNOUNCEMENT, Edit("\n---\n", "\n---\nLihat [jadwal](&#106;ava&#x09;script:alert(1)).\n"), 1,
         (ANNOUNCEMENT, 6, "input-file")),
    Case("md-data-link", ANNOUNCEMENT, Edit("\n---\n", "\n---\n\n[unduh](data:text/html;base64,PHNjcmlwdD4=)\n"), 1,
         (ANNOUNCEMENT, 7, "input-file")),
    Case("md-huge-inline-image", ANNOUNCEMENT, Edit("\n---\n", "\n---\n![peta](data:image/png;base64," + "A" * 1_500_000 + ")\n"),
         1, (ANNOUNCEMENT, 6, "input-file"), seconds=3.0),
    Case("md-html-in-code-is-text", ANNOUNCEMENT, Edit("\n---\n", "\n---\nTulis `<script>` atau\n```\n<iframe>\n```\n"), 0, None),
    # Paths
    Case("path-dot-dot", "ppid.yaml", Edit("berkas: dokumen/kepdes-2025-14-ppid.pdf", "berkas: ../rahasia.pdf"), 1,
         ("ppid.yaml", 12, "documents"), others=frozenset({"schema"})),
    Case("path-absolute", "ppid.yaml", Edit("berkas: dokumen/kepdes-2025-14-ppid.pdf", "berkas: /etc/passwd"), 1,
         ("ppid.yaml", 12, "documents"), others=frozenset({"schema"})),
    Case("path-document-symlink-out", "dokumen/kepdes-2025-14-ppid.pdf", Do(_symlink("rahasia.pdf")), 1,
         ("ppid.yaml", 12, "documents")),
    Case("path-document-symlink-to-device", "dokumen/kepdes-2025-14-ppid.pdf", Do(_symlink("/dev/zero")), 1,
         ("ppid.yaml", 12, "documents")),
    Case("path-yaml-symlink-to-device", "ppid.yaml", Do(_symlink("/dev/zero")), 2, ("ppid.yaml", 1, "input-file")),
    Case("path-yaml-symlink-out", "ppid.yaml", Do(_symlink("rahasia.pdf")), 2, ("ppid.yaml", 1, "input-file")),
    Case("path-yaml-fifo", "ppid.yaml", Do(_fifo), 2, ("ppid.yaml", 1, "input-file")),
    Case("path-pdf-is-executable", "dokumen/kepdes-2025-14-ppid.pdf", Write(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64), 1,
         ("ppid.yaml", 12, "documents")),
    Case("path-pdf-is-html", "dokumen/kepdes-2025-14-ppid.pdf", Write(b"<!DOCTYPE html><script>alert(1)</script>"), 1,
         ("ppid.yaml", 12, "documents")),
    Case("path-pdf-encrypted", "dokumen/kepdes-2025-14-ppid.pdf", Write(_encrypted_pdf()), 1, ("ppid.yaml", 12, "documents")),
    Case("path-pdf-corrupt", "dokumen/kepdes-2025-14-ppid.pdf", Write(b"%PDF-1.4\n" + b"\x00garbage" * 50), 1,
         ("ppid.yaml", 12, "documents")),
    # Folders
    Case("folder-without-files", "../kosong", Do(lambda path: path.mkdir()), 1, ("profil.yaml", 1, "completeness"),
         village="kosong", others=frozenset({"apbdes-layanan", "apbdes-realisasi"})),
    Case("folder-same-kode", "../kraton-salinan", Do(_copy_kraton("kraton-salinan")), 1, ("profil.yaml", 9, "kode-wilayah")),
    Case("folder-slug-with-spaces-and-capitals", "../Desa Kraton", Do(_copy_kraton("Desa Kraton")), 1,
         ("profil.yaml", 1, "village-folder"), village="Desa Kraton", others=frozenset({"kode-wilayah"})),
    Case("folder-thousands-of-documents", "dokumen", Do(_many_files), 0, None, seconds=5.0),
]


@pytest.fixture(scope="session")
def secret(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("outside")


def _run(target: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, str, float]:
    start = time.perf_counter()
    code = main(["check", str(target), "--as-of", "2026-11-28", "--format", "json", "--lang", lang, "--jobs", "1"])
    seconds = time.perf_counter() - start
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return code, json.loads(out), err, seconds


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input_gives_a_located_finding_in_both_languages(case: Case, tmp_path: Path, capsys):
    villages = tmp_path / "villages"
    shutil.copytree(DEMO / "kraton", villages / "kraton")
    (villages / "rahasia.pdf").write_bytes(PDF)  # outside the village: what the symlinks point to
    case.change.apply(villages / "kraton" / case.file)
    target = villages if case.file.startswith("../") else villages / "kraton"
    runs = {lang: _run(target, lang, capsys) for lang in ("id", "en")}
    assert runs["id"][3] < case.seconds, f"took {runs['id'][3]:.1f} s"
    found = {lang: [f for v in report["villages"] for f in v["findings"] if v["slug"] == case.village]
             for lang, (_, report, _, _) in runs.items()}
    every = [f for v in runs["id"][1]["villages"] for f in v["findings"]]
    assert [runs[lang][0] for lang in runs] == [case.exit] * 2
    if case.where is None:
        assert every == []
        return
    assert case.where in [(f["file"], f["line"], f["rule"]) for f in found["id"]]
    assert {f["rule"] for f in every} <= {case.where[2]} | case.others
    for finding_id, finding_en in zip(found["id"], found["en"], strict=True):
        assert (finding_id["file"], finding_id["line"]) == (finding_en["file"], finding_en["line"])
        assert finding_id["message"] and finding_en["message"] and finding_id["message"] != finding_en["message"]
        if finding_id["hint"] or finding_en["hint"]:
            assert finding_id["hint"] != finding_en["hint"]
    primary = {lang: next(f for f in found[lang] if (f["file"], f["line"], f["rule"]) == case.where) for lang in found}
    if case.hint:
        assert case.hint in primary["id"]["hint"] and case.hint in primary["en"]["hint"]
    if case.exit == 2:  # also one line on stderr, naming the file and line
        file, line, _ = case.where
        for lang in ("id", "en"):
            assert f"{target / file}:{line}:" in runs[lang][2] and primary[lang]["message"] in runs[lang][2]


def test_billion_laughs_is_refused_with_bounded_memory(tmp_path: Path, capsys):
    root = tmp_path / "kraton"
    shutil.copytree(DEMO / "kraton", root)
    (root / "profil.yaml").write_text(ALIASES, encoding="utf-8")
    tracemalloc.start()
    try:
        code = main(["check", str(root), "--as-of", "2026-11-28", "--format", "json", "--jobs", "1", "--no-cache"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    capsys.readouterr()
    assert code == 2
    assert peak < 40_000_000, f"peak {peak / 1e6:.0f} MB"  # a 1.9 MB file; built out, it took 170 MB; expanded, gigabytes
