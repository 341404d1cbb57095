"""`slip build` (every village site and the portal) and `slip portal` (join a sharded build).

Both read the site settings (slip.toml at the repository root, the environment, --site-url and
--title) and warn while residents could not open the site's address. Exit 2 when a village was
skipped or the output folder was refused; the previous site stays intact when a build fails.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from checker.cli import options, places
from checker.cli import parser as cmdline
from checker.cli.progress import Progress
from checker.run import pool

TEXT = {
    "id": {
        "description": "Bangun situs setiap desa dan portal kabupaten ke folder output/.",
        "portal_description": "Gabungkan hasil `slip build --shard K/N` menjadi satu situs dengan portal kabupaten.",
        "paths": "folder berisi desa-desa (bawaan: villages/ repositori)",
        "shards": "folder hasil tiap bagian (`slip build --shard`)",
        "output": "folder hasil (bawaan: output/ repositori)",
        "as_of": "tanggal acuan TTTT-BB-HH (bawaan: hari ini)",
        "jobs": "jumlah proses pembangun paralel (bawaan: jumlah CPU)",
        "shard": "bangun bagian ke-K dari N (urut kode wilayah), tanpa portal; gabungkan dengan `slip portal`",
        "portal_only": "tulis portal saja, tanpa menyalin folder desa (tiap bagian menerbitkan desanya sendiri)",
        "site_url": "alamat publik situs, misalnya https://desa.lumajangkab.go.id/ (menimpa slip.toml dan SLIP_SITE_URL)",
        "title": "judul portal (menimpa slip.toml dan SLIP_SITE_TITLE)",
        "skipped": "dilewati: {slug}: {file}:{line}: {message}",
        "done": "Selesai dalam {seconds:.1f} detik: {built} desa dibangun ({reused} tidak berubah, dipakai ulang), {skipped} dilewati.",
        "portal_done": "Selesai dalam {seconds:.1f} detik: portal untuk {built} desa dari {shards} bagian, {skipped} desa dilewati.",
        "open": "Buka {index} di peramban, atau jalankan `slip serve` lalu buka http://localhost:8000/",
        "failed": "pembangunan gagal, situs sebelumnya tetap utuh: {error}",
        "waiting": "pembangunan lain sedang berjalan ke folder yang sama; menunggu giliran",
        "no_address": "peringatan: alamat publik situs belum diatur, jadi poster APB Desa tidak memuat alamat dan kode QR. "
                      "Tulis di slip.toml bagian [situs]: alamat = \"https://...\" (buat dengan `slip init`), atau pakai --site-url.",
        "local_address": "peringatan: alamat situs {url} hanya dapat dibuka di komputer ini; warga tidak dapat membukanya. "
                         "Ganti alamat di slip.toml bagian [situs] dengan alamat publik.",
        "settings": "slip: pengaturan tidak dapat dipakai: {error}",
    },
    "en": {
        "description": "Build every village site and the kabupaten portal into output/.",
        "portal_description": "Join the outputs of `slip build --shard K/N` into one site with the kabupaten portal.",
        "paths": "folder of villages (default: the repository's villages/)",
        "shards": "output folder of each part (`slip build --shard`)",
        "output": "output folder (default: the repository's output/)",
        "as_of": "reference date YYYY-MM-DD (default: today)",
        "jobs": "parallel build processes (default: number of CPUs)",
        "shard": "build the K-th of N parts (by kode wilayah), without the portal; join them with `slip portal`",
        "portal_only": "write the portal only, without copying village folders (each shard publishes its own)",
        "site_url": "the site's public address, e.g. https://desa.lumajangkab.go.id/ (overrides slip.toml and SLIP_SITE_URL)",
        "title": "the portal's title (overrides slip.toml and SLIP_SITE_TITLE)",
        "skipped": "skipped: {slug}: {file}:{line}: {message}",
        "done": "Done in {seconds:.1f} s: {built} villages built ({reused} unchanged, reused), {skipped} skipped.",
        "portal_done": "Done in {seconds:.1f} s: the portal of {built} villages from {shards} parts, {skipped} villages skipped.",
        "open": "Open {index} in a browser, or run `slip serve` and open http://localhost:8000/",
        "failed": "build failed, the previous site is intact: {error}",
        "waiting": "another build into the same folder is running; waiting for it",
        "no_address": "warning: the site's public address is not set, so the APB Desa poster shows no address and no QR code. "
                      "Write it in slip.toml under [situs]: alamat = \"https://...\" (create it with `slip init`), or use --site-url.",
        "local_address": "warning: the site address {url} opens only on this computer; residents cannot open it. "
                         "Put the public address in slip.toml under [situs].",
        "settings": "slip: the settings cannot be used: {error}",
    },
}


def add(commands: argparse._SubParsersAction, lang: str) -> None:
    text = TEXT[lang]
    build = commands.add_parser("build", lang=lang, strict=True, help=text["description"], description=text["description"])
    build.add_argument("path", nargs="?", type=Path, default=None, help=text["paths"])
    build.add_argument("--output", type=Path, default=None, help=text["output"])
    build.add_argument("--as-of", type=options.date(lang, reference=True), default=None, help=text["as_of"])
    options.add_run_options(build, lang, jobs=text["jobs"], shard_help=text["shard"])
    _site_options(build, lang)
    build.set_defaults(run=run_build)
    portal = commands.add_parser("portal", lang=lang, strict=True, help=text["portal_description"],
                                 description=text["portal_description"])
    portal.add_argument("shards", nargs="+", type=Path, help=text["shards"])
    portal.add_argument("--output", type=Path, default=None, help=text["output"])
    portal.add_argument("--portal-only", action="store_true", help=text["portal_only"])
    _site_options(portal, lang)
    portal.set_defaults(run=run_portal)


def run_build(args: argparse.Namespace, lang: str) -> int:
    from sitegen.build import build

    text, output = TEXT[lang], args.output or places.at_root(Path("output"))
    villages = places.named(args.path) if args.path else places.at_root(places.VILLAGES)
    site = _settings(args, lang)
    if site is None:
        return 2
    return _guarded(lambda: build(villages, output, as_of=args.as_of or dt.date.today(), site=site,
                                  jobs=args.jobs or pool.cpu_count(), shard=args.shard, cache_dir=options.cache_of(args),
                                  progress=Progress(sys.stderr, lang), message=_say(text)),
                    lambda result: _report(result, text["done"], output, lang), lang)


def run_portal(args: argparse.Namespace, lang: str) -> int:
    from sitegen.build import merge

    text, output = TEXT[lang], args.output or places.at_root(Path("output"))
    site = _settings(args, lang)
    if site is None:
        return 2
    return _guarded(lambda: merge(args.shards, output, site=site, portal_only=args.portal_only, message=_say(text)),
                    lambda result: _report(result, text["portal_done"].replace("{shards}", str(len(args.shards))), output, lang),
                    lang)


def _guarded(make, report, lang: str) -> int:  # type: ignore[no-untyped-def]
    """Run the build and report it; a refused output folder or a failed build is one line (exit 2)."""
    from sitegen.build import BuildError, Refused
    from sitegen.output import unwritable

    text = TEXT[lang]
    try:
        result = make()
    except Refused as error:
        return cmdline.fail("slip", error.message(lang))
    except BuildError as error:
        return cmdline.fail("slip", text["failed"].format(error=error))
    except OSError as error:  # a read-only folder, a full disk: which folder, and what to do
        return cmdline.fail("slip", text["failed"].format(error=unwritable(error, lang)))
    return report(result)


def _site_options(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--site-url", default=None, metavar="URL", help=TEXT[lang]["site_url"])
    parser.add_argument("--title", default=None, help=TEXT[lang]["title"])
    options.add_lang(parser, lang)


def _settings(args: argparse.Namespace, lang: str):  # type: ignore[no-untyped-def]
    """slip.toml, the environment and the options; a warning while residents could not open the address."""
    from sitegen import settings

    text = TEXT[lang]
    try:
        site = settings.load(places.at_root(settings.FILE), url=args.site_url, title=args.title)
    except settings.SettingsError as error:
        print(text["settings"].format(error=error.message(lang)), file=sys.stderr)
        return None
    if not site.url:
        print(text["no_address"], file=sys.stderr)
    elif site.local:
        print(text["local_address"].format(url=site.url), file=sys.stderr)
    return site


def _say(text: dict[str, str]):  # type: ignore[no-untyped-def]
    return lambda _: print(text["waiting"], file=sys.stderr, flush=True)


def _report(result, done: str, output: Path, lang: str) -> int:  # type: ignore[no-untyped-def]
    for skip in result.skipped:
        print(TEXT[lang]["skipped"].format(slug=skip.slug, file=skip.file, line=skip.line, message=skip.text(lang)), file=sys.stderr)
    print(done.format(seconds=result.seconds, built=len(result.built), reused=result.reused, skipped=len(result.skipped)))
    print(TEXT[lang]["open"].format(index=output / "index.html"))
    return 2 if result.skipped else 0
