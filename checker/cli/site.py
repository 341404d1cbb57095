"""`slip build` (every village site and the portal), `slip portal` (join a sharded build) and
`slip init` (a starter slip.toml, the villages folder and the spreadsheet templates)."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Sequence

from checker.cli import parser as cmdline
from checker.run import cache
from checker.cli.main import TEXT as CHECK_TEXT
from checker.cli.main import _jobs, _shard, cpu_count
from checker.cli.progress import Progress
from sitegen import settings
from sitegen.settings import SiteSettings

TEXT = {
    "id": {
        "description": "Bangun situs setiap desa dan portal kabupaten ke folder output/.",
        "portal_description": "Gabungkan hasil `slip build --shard K/N` menjadi satu situs dengan portal kabupaten.",
        "paths": "folder berisi desa-desa (bawaan: villages/)",
        "shards": "folder hasil tiap bagian (`slip build --shard`)",
        "output": "folder hasil (bawaan: output/)",
        "as_of": "tanggal acuan TTTT-BB-HH (bawaan: hari ini)",
        "jobs": "jumlah proses pembangun paralel (bawaan: jumlah CPU)",
        "shard": "bangun bagian ke-K dari N (urut kode wilayah), tanpa portal; gabungkan dengan `slip portal`",
        "skipped": "dilewati: {slug}: {file}:{line}: {message}",
        "done": "Selesai dalam {seconds:.1f} detik: {built} desa dibangun ({reused} tidak berubah, dipakai ulang), {skipped} dilewati.",
        "open": "Buka {index} di peramban, atau jalankan `slip serve` lalu buka http://localhost:8000/",
        "serve_description": "Sajikan situs di http://localhost:PORT/ dan bangun ulang saat berkas desa atau slip.toml berubah.",
        "port": "port lokal (bawaan: 8000)",
        "failed": "pembangunan gagal, situs sebelumnya tetap utuh: {error}",
        "waiting": "pembangunan lain sedang berjalan ke folder yang sama; menunggu giliran",
        "portal_only": "tulis portal saja, tanpa menyalin folder desa (tiap bagian menerbitkan desanya sendiri)",
        "portal_done": "Selesai dalam {seconds:.1f} detik: portal untuk {built} desa dari {shards} bagian, {skipped} desa dilewati.",
        "site_url": "alamat publik situs, misalnya https://desa.lumajangkab.go.id/ (menimpa slip.toml dan SLIP_SITE_URL)",
        "title": "judul portal (menimpa slip.toml dan SLIP_SITE_TITLE)",
        "no_address": "peringatan: alamat publik situs belum diatur, jadi poster APB Desa tidak memuat alamat dan kode QR. "
                      "Tulis di slip.toml bagian [situs]: alamat = \"https://...\" (buat dengan `slip init`), atau pakai --site-url.",
        "local_address": "peringatan: alamat situs {url} hanya dapat dibuka di komputer ini; warga tidak dapat membukanya. "
                         "Ganti alamat di slip.toml bagian [situs] dengan alamat publik.",
        "settings": "slip: pengaturan tidak dapat dipakai: {error}",
        "init_description": "Siapkan folder ini untuk slip-desa: slip.toml (pengaturan situs), villages/ dan templat lembar kerja.",
        "init_wrote": "Ditulis: {path}",
        "init_kept": "Sudah ada, tidak diubah: {path}",
        "init_next": "Berikutnya: isi alamat situs di slip.toml, lalu tambahkan desa dengan `slip new <kode wilayah desa>`.",
    },
    "en": {
        "description": "Build every village site and the kabupaten portal into output/.",
        "portal_description": "Join the outputs of `slip build --shard K/N` into one site with the kabupaten portal.",
        "paths": "folder of villages (default: villages/)",
        "shards": "output folder of each part (`slip build --shard`)",
        "output": "output folder (default: output/)",
        "as_of": "reference date YYYY-MM-DD (default: today)",
        "jobs": "parallel build processes (default: number of CPUs)",
        "shard": "build the K-th of N parts (by kode wilayah), without the portal; join them with `slip portal`",
        "skipped": "skipped: {slug}: {file}:{line}: {message}",
        "done": "Done in {seconds:.1f} s: {built} villages built ({reused} unchanged, reused), {skipped} skipped.",
        "open": "Open {index} in a browser, or run `slip serve` and open http://localhost:8000/",
        "serve_description": "Serve the site on http://localhost:PORT/ and rebuild when a village file or slip.toml changes.",
        "port": "local port (default: 8000)",
        "failed": "build failed, the previous site is intact: {error}",
        "waiting": "another build into the same folder is running; waiting for it",
        "portal_only": "write the portal only, without copying village folders (each shard publishes its own)",
        "portal_done": "Done in {seconds:.1f} s: the portal of {built} villages from {shards} parts, {skipped} villages skipped.",
        "site_url": "the site's public address, e.g. https://desa.lumajangkab.go.id/ (overrides slip.toml and SLIP_SITE_URL)",
        "title": "the portal's title (overrides slip.toml and SLIP_SITE_TITLE)",
        "no_address": "warning: the site's public address is not set, so the APB Desa poster shows no address and no QR code. "
                      "Write it in slip.toml under [situs]: alamat = \"https://...\" (create it with `slip init`), or use --site-url.",
        "local_address": "warning: the site address {url} opens only on this computer; residents cannot open it. "
                         "Put the public address in slip.toml under [situs].",
        "settings": "slip: the settings cannot be used: {error}",
        "init_description": "Prepare this folder for slip-desa: slip.toml (site settings), villages/ and the spreadsheet templates.",
        "init_wrote": "Written: {path}",
        "init_kept": "Already there, left as it is: {path}",
        "init_next": "Next: fill in the site address in slip.toml, then add a village with `slip new <village kode wilayah>`.",
    },
}


def _invalid() -> dict[str, dict[str, str]]:
    return {option: {lang: CHECK_TEXT[lang][key] for lang in CHECK_TEXT}
            for option, key in (("--as-of", "bad_date"), ("--shard", "bad_shard"), ("--jobs", "bad_jobs"))}


def build_command(argv: Sequence[str], lang: str) -> int:
    from sitegen.build import BuildError, Refused, build
    from sitegen.output import unwritable

    text = TEXT[lang]
    parser = cmdline.Parser(prog="slip build", description=text["description"])
    parser.add_argument("path", nargs="?", type=Path, default=Path("villages"), help=text["paths"])
    parser.add_argument("--output", type=Path, default=Path("output"), help=text["output"])
    parser.add_argument("--as-of", type=cmdline.date, default=None, help=text["as_of"])
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N", help=text["jobs"])
    parser.add_argument("--shard", type=_shard, default=None, metavar="K/N", help=text["shard"])
    parser.add_argument("--cache-dir", type=Path, default=None, metavar="DIR", help=CHECK_TEXT[lang]["cache_dir"])
    parser.add_argument("--no-cache", action="store_true", help=CHECK_TEXT[lang]["no_cache"])
    _site_options(parser, text)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = cmdline.parse(parser, argv, lang, _invalid())
    if isinstance(args, int):
        return args
    site = _settings(args, text)
    if site is None:
        return 2
    try:
        result = build(args.path, args.output, as_of=args.as_of or dt.date.today(), site=site, jobs=args.jobs or cpu_count(),
                       shard=args.shard, cache_dir=None if args.no_cache else args.cache_dir or cache.CACHE_DIR,
                       progress=Progress(sys.stderr, args.lang), message=_say(text))
    except Refused as error:
        return cmdline.fail("slip", error.message(args.lang))
    except BuildError as error:
        return cmdline.fail("slip", text["failed"].format(error=error))
    except OSError as error:  # a read-only folder, a full disk: which folder, and what to do
        return cmdline.fail("slip", text["failed"].format(error=unwritable(error, args.lang)))
    return _report(result, text, args.output, args.lang)


def portal_command(argv: Sequence[str], lang: str) -> int:
    from sitegen.build import BuildError, Refused, merge
    from sitegen.output import unwritable

    text = TEXT[lang]
    parser = cmdline.Parser(prog="slip portal", description=text["portal_description"])
    parser.add_argument("shards", nargs="+", type=Path, help=text["shards"])
    parser.add_argument("--output", type=Path, default=Path("output"), help=text["output"])
    parser.add_argument("--portal-only", action="store_true", help=text["portal_only"])
    _site_options(parser, text)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = cmdline.parse(parser, argv, lang)
    if isinstance(args, int):
        return args
    site = _settings(args, text)
    if site is None:
        return 2
    try:
        result = merge(args.shards, args.output, site=site, portal_only=args.portal_only, message=_say(text))
    except Refused as error:
        return cmdline.fail("slip", error.message(args.lang))
    except BuildError as error:
        return cmdline.fail("slip", text["failed"].format(error=error))
    except OSError as error:  # a read-only folder, a full disk: which folder, and what to do
        return cmdline.fail("slip", text["failed"].format(error=unwritable(error, args.lang)))
    done = text["portal_done"].format(seconds=result.seconds, built=len(result.built), shards=len(args.shards),
                                      skipped=len(result.skipped))
    return _report(result, {**text, "done": done}, args.output, args.lang)


def serve_command(argv: Sequence[str], lang: str) -> int:
    from sitegen.serve import serve

    text = TEXT[lang]
    parser = cmdline.Parser(prog="slip serve", description=text["serve_description"])
    parser.add_argument("path", nargs="?", type=Path, default=Path("villages"), help=text["paths"])
    parser.add_argument("--output", type=Path, default=Path("output"), help=text["output"])
    parser.add_argument("--as-of", type=cmdline.date, default=None, help=text["as_of"])
    parser.add_argument("--port", type=int, default=8000, help=text["port"])
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = cmdline.parse(parser, argv, lang, _invalid())
    if isinstance(args, int):
        return args
    try:
        serve(args.output, args.path, port=args.port, as_of=args.as_of)
    except OSError as error:  # the port is taken
        return cmdline.fail("slip", f"{args.port}: {error.strerror}")
    return 0


def init_command(argv: Sequence[str], lang: str) -> int:
    """`slip init`: never overwrites; a second run only says what is already there."""
    import shutil

    from checker import resources

    text = TEXT[lang]
    parser = cmdline.Parser(prog="slip init", description=text["init_description"])
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = cmdline.parse(parser, argv, lang)
    if isinstance(args, int):
        return args
    templates = resources.path("templates")
    wanted = [(settings.FILE, lambda p: p.write_text(settings.STARTER, encoding="utf-8")),
              (Path("villages"), lambda p: p.mkdir()),
              *((Path("templates") / t.name, lambda p, t=t: shutil.copyfile(t, p)) for t in sorted(templates.iterdir()) if t.is_file())]
    try:
        for path, make in wanted:
            if path.exists() or path.is_symlink():
                print(text["init_kept"].format(path=path))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            make(path)
            print(text["init_wrote"].format(path=path))
    except OSError as error:
        from sitegen.output import unwritable

        return cmdline.fail("slip", unwritable(error, args.lang))
    print(text["init_next"])
    return 0


def _site_options(parser: cmdline.Parser, text: dict[str, str]) -> None:
    parser.add_argument("--site-url", default=None, metavar="URL", help=text["site_url"])
    parser.add_argument("--title", default=None, help=text["title"])


def _settings(args, text: dict[str, str]) -> SiteSettings | None:  # type: ignore[no-untyped-def]
    """slip.toml, the environment and the options; a warning while residents could not open the address."""
    try:
        site = settings.load(url=args.site_url, title=args.title)
    except settings.SettingsError as error:
        print(text["settings"].format(error=error.message(args.lang)), file=sys.stderr)
        return None
    if not site.url:
        print(text["no_address"], file=sys.stderr)
    elif site.local:
        print(text["local_address"].format(url=site.url), file=sys.stderr)
    return site


def _say(text: dict[str, str]):  # type: ignore[no-untyped-def]
    return lambda _: print(text["waiting"], file=sys.stderr, flush=True)


def _report(result, text: dict[str, str], output: Path, lang: str) -> int:  # type: ignore[no-untyped-def]
    for skip in result.skipped:
        print(text["skipped"].format(slug=skip.slug, file=skip.file, line=skip.line, message=skip.text(lang)), file=sys.stderr)
    print(text["done"].format(seconds=result.seconds, built=len(result.built), reused=result.reused, skipped=len(result.skipped)))
    print(text["open"].format(index=output / "index.html"))
    return 2 if result.skipped else 0
