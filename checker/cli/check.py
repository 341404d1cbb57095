"""`slip check [PATH ...]`: the compliance report of village folders (also `slip PATH`, the default).

Exit 0: no error-level finding; 1: a village does not comply (or, with --strict, has warnings);
2: the input cannot be used (broken YAML, missing folder: one line naming the file and line).
Without PATH it checks the village folder it is run in, or the repository's villages/.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from checker import __version__
from checker.cli import options, places
from checker.cli.progress import Progress
from checker.run import pool

TEXT = {
    "id": {
        "description": "Periksa kepatuhan desa terhadap Standar Layanan Informasi Publik Desa (Perki 1/2018).",
        "paths": "folder desa atau folder berisi desa-desa (bawaan: desa tempat perintah dijalankan, atau villages/)",
        "as_of": "tanggal acuan TTTT-BB-HH untuk kemutakhiran (bawaan: hari ini)",
        "format": "bentuk laporan",
        "output": "tulis laporan ke berkas ini, bukan ke layar",
        "strict": "peringatan juga dianggap gagal (kode keluar 1)",
        "jobs": "jumlah proses pemeriksa paralel (bawaan: jumlah CPU)",
        "shard": "periksa bagian ke-K dari N (urut kode wilayah), misalnya 2/4 untuk CI paralel",
        "version": "tampilkan versi slip-desa lalu keluar",
        "written": "Laporan ditulis ke {path}",
        "unwritable": "tidak dapat menulis {path}: {error}",
        "fatal": "{path}:{line}:{col}: berkas tidak dapat dipakai: {message}",
    },
    "en": {
        "description": "Check villages against the Standar Layanan Informasi Publik Desa (Perki 1/2018).",
        "paths": "a village folder or a folder of villages (default: the village it runs in, or villages/)",
        "as_of": "reference date YYYY-MM-DD for freshness (default: today)",
        "format": "report format",
        "output": "write the report to this file instead of the screen",
        "strict": "warnings fail too (exit 1)",
        "jobs": "parallel checker processes (default: number of CPUs)",
        "shard": "check the K-th of N parts (by kode wilayah), e.g. 2/4 for parallel CI",
        "version": "show the version of slip-desa and exit",
        "written": "Report written to {path}",
        "unwritable": "cannot write {path}: {error}",
        "fatal": "{path}:{line}:{col}: file cannot be used: {message}",
    },
}


def add(commands: argparse._SubParsersAction, lang: str) -> None:
    from checker.reporters import REPORTERS

    text = TEXT[lang]
    parser = commands.add_parser("check", lang=lang, strict=True, help=text["description"], description=text["description"])
    parser.add_argument("paths", nargs="*", type=Path, help=text["paths"])
    parser.add_argument("--as-of", type=options.date(lang, reference=True), default=None, help=text["as_of"])
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text", help=text["format"])
    options.add_lang(parser, lang)
    parser.add_argument("--output", type=Path, help=text["output"])
    parser.add_argument("--strict", action="store_true", help=text["strict"])
    options.add_run_options(parser, lang, jobs=text["jobs"], shard_help=text["shard"])
    parser.add_argument("--version", action="version", version=f"slip-desa {__version__}", help=text["version"])
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    from checker.reporters import REPORTERS, STREAMING
    from checker.run.pipeline import run as check

    report = check(
        [places.named(path) for path in args.paths] or [places.villages()],
        as_of=args.as_of or dt.date.today(),
        strict=args.strict,
        jobs=args.jobs or pool.cpu_count(),
        shard=args.shard,
        cache_dir=options.cache_of(args),
        progress=Progress(sys.stderr, lang),
    )
    _print_fatal(report, lang)
    stream = STREAMING.get(args.format)
    pieces = stream(report, lang) if stream else [REPORTERS[args.format](report, lang)]
    if args.output:
        return _write(pieces, args.output, lang) or report.exit_code
    last = ""
    for piece in pieces:
        sys.stdout.write(piece)
        last = piece or last
    if not last.endswith("\n"):
        sys.stdout.write("\n")
    return report.exit_code


def _print_fatal(report, lang: str) -> None:  # type: ignore[no-untyped-def]
    """A file that cannot be read at all, on stderr too: the report may go to a file or a CI log."""
    for village in report.villages:
        for finding in village.result.findings:
            if finding.severity.label == "fatal":
                path = f"{village.result.root}/{finding.file}"
                print(TEXT[lang]["fatal"].format(path=path, line=finding.line, col=finding.col, message=finding.message(lang)),
                      file=sys.stderr)


def _write(pieces, output: Path, lang: str) -> int:  # type: ignore[no-untyped-def]
    """Write the report to --output; 2 when it cannot be written, else 0."""
    try:
        with output.open("w", encoding="utf-8") as handle:
            handle.writelines(pieces)
    except OSError as error:
        print(f"slip: {TEXT[lang]['unwritable'].format(path=output, error=error.strerror)}", file=sys.stderr)
        return 2
    print(TEXT[lang]["written"].format(path=output), file=sys.stderr)
    return 0
