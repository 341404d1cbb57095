"""The verbs of village staff and CI (invoke): `invoke check`, `invoke test`.

Each task is one line of help, shown by `invoke --list`. The site verbs (build, serve) and
new-village arrive with the site and the scaffolding.
"""
from __future__ import annotations

import sys

from invoke import Context, task

DEMO_AS_OF = "2026-11-28"


@task(help={"path": "folder desa atau folder desa-desa", "as_of": "tanggal acuan TTTT-BB-HH", "fmt": "bentuk laporan",
            "lang": "id atau en", "strict": "peringatan juga gagal"})
def check(c: Context, path: str = "villages", as_of: str = "", fmt: str = "text", lang: str = "id", strict: bool = False) -> None:
    """Periksa kepatuhan SLIP Desa (sama dengan `slip check`)."""
    args = ["check", path, "--format", fmt, "--lang", lang]
    args += ["--as-of", as_of] if as_of else []
    args += ["--strict"] if strict else []
    from checker.cli import main

    code = main(args)
    if code:
        sys.exit(code)


@task
def demo(c: Context) -> None:
    """Periksa tiga desa contoh pada tanggal berkasnya ditulis."""
    check(c, as_of=DEMO_AS_OF)


@task
def test(c: Context) -> None:
    """Jalankan seluruh pengujian."""
    c.run(f"{sys.executable} -m pytest", pty=False)
