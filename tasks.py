"""The verbs of village staff and CI (invoke): check, build, serve, demo, test, new-village,
import-apbdes, due, schemas.

Each task's docstring is its one line of help in `invoke --list`; each runs the same command line
as `slip` (checker/cli/main.py), so the two never differ.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from invoke import Context, task

ROOT = Path(__file__).resolve().parent
DEMO_AS_OF = "2026-11-28"  # the demo villages' files are dated for this day


def _exit(code: int) -> None:
    if code:
        sys.exit(code)


@task(help={"path": "folder desa atau folder desa-desa", "as_of": "tanggal acuan TTTT-BB-HH", "fmt": "bentuk laporan",
            "lang": "id atau en", "strict": "peringatan juga gagal"})
def check(c: Context, path: str = "villages", as_of: str = "", fmt: str = "text", lang: str = "id", strict: bool = False) -> None:
    """Periksa kepatuhan SLIP Desa (sama dengan `slip check`)."""
    from checker.cli.main import main

    args = ["check", path, "--format", fmt, "--lang", lang] + (["--as-of", as_of] if as_of else []) + (["--strict"] if strict else [])
    _exit(main(args))


@task(help={"path": "folder desa-desa", "output": "folder hasil", "as_of": "tanggal acuan TTTT-BB-HH"})
def build(c: Context, path: str = "villages", output: str = "output", as_of: str = "") -> None:
    """Bangun situs semua desa dan portal ke output/ (sama dengan `slip build`)."""
    from checker.cli.main import main

    _exit(main(["build", path, "--output", output] + (["--as-of", as_of] if as_of else [])))


@task(help={"port": "port lokal", "as_of": "tanggal acuan TTTT-BB-HH"})
def serve(c: Context, port: int = 8000, as_of: str = "") -> None:
    """Sajikan output/ di http://localhost:8000 dan bangun ulang saat berkas berubah (sama dengan `slip serve`)."""
    from checker.cli.main import main

    args = ["serve", str(ROOT / "villages"), "--output", str(ROOT / "output"), "--port", str(port)]
    _exit(main(args + (["--as-of", as_of] if as_of else [])))


@task
def demo(c: Context) -> None:
    """Periksa dan bangun tiga desa contoh pada tanggal berkasnya ditulis."""
    from checker.cli.main import main

    main(["check", "villages", "--as-of", DEMO_AS_OF])
    _exit(main(["build", "villages", "--as-of", DEMO_AS_OF]))


@task
def test(c: Context) -> None:
    """Jalankan seluruh pengujian."""
    c.run(f"{sys.executable} -m pytest", pty=False)


@task(help={"kode": "kode wilayah desa, misalnya 35.08.07.2002", "folder": "folder desa-desa (bawaan: villages)",
            "slug": "nama folder desa (bawaan: nama desa)"})
def new_village(c: Context, kode: str, folder: str = "villages", slug: str = "") -> None:
    """Buat folder desa baru dari kode wilayahnya, semua berkas standar siap diisi (sama dengan `slip new`)."""
    from checker.cli.main import main

    _exit(main(["new", kode, "--dir", folder] + (["--slug", slug] if slug else [])))


@task(help={"file": "lembar kerja .xlsx atau .csv", "village": "folder desa, misalnya villages/kraton",
            "tahun": "tahun anggaran (bawaan: tahun ini)", "tahap": "murni atau perubahan",
            "realisasi_per": "tanggal posisi realisasi TTTT-BB-HH"})
def import_apbdes(c: Context, file: str, village: str, tahun: int = 0, tahap: str = "murni", realisasi_per: str = "") -> None:
    """Impor APB Desa dari ekspor Siskeudes ke apbdes/<tahun>.yaml (sama dengan `slip import-apbdes`)."""
    from checker.cli.main import main

    args = ["import-apbdes", file, "--village", village, "--tahun", str(tahun or dt.date.today().year), "--tahap", tahap]
    _exit(main(args + (["--realisasi-per", realisasi_per] if realisasi_per else [])))


@task(help={"path": "folder desa atau folder desa-desa", "as_of": "tanggal acuan TTTT-BB-HH", "lang": "id atau en"})
def due(c: Context, path: str = "villages", as_of: str = "", lang: str = "id") -> None:
    """Tampilkan apa yang harus diumumkan atau diperbarui tiap desa, urut tenggat (sama dengan `slip due`)."""
    from checker.cli.main import main

    _exit(main(["due", path, "--lang", lang] + (["--as-of", as_of] if as_of else [])))


@task(help={"out": "folder tujuan (bawaan: schemas)", "check": "hanya periksa bahwa skema mutakhir"})
def schemas(c: Context, out: str = "schemas", check: bool = False) -> None:
    """Tulis JSON Schema untuk VS Code dari slip_schema.yaml (sama dengan `slip schemas`)."""
    from checker.cli.main import main

    _exit(main(["schemas", "--out", out] + (["--check"] if check else [])))
