"""The command line: `slip check [PATH ...]` (also `python -m checker`); main(argv) -> exit code.

0: no error-level finding; 1: the village does not comply (or, with --strict, has warnings);
2: the input or the command cannot be used (broken YAML, missing folder, unknown option). Every
problem is one line naming what to fix, in Indonesian unless --lang en; never a traceback.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
from pathlib import Path
from typing import Sequence

from checker import __version__
from checker.cli import parser as cmdline
from checker.run import cache
from checker.cli.progress import Progress
from checker.run.pipeline import InputError, run
from checker.run.shard import Shard

TEXT = {
    "id": {
        "description": "Periksa kepatuhan desa terhadap Standar Layanan Informasi Publik Desa (Perki 1/2018).",
        "paths": "folder desa atau folder berisi desa-desa (bawaan: villages/)",
        "as_of": "tanggal acuan TTTT-BB-HH untuk kemutakhiran (bawaan: hari ini)",
        "format": "bentuk laporan",
        "lang": "bahasa laporan: id (Indonesia) atau en (Inggris)",
        "output": "tulis laporan ke berkas ini, bukan ke layar",
        "strict": "peringatan juga dianggap gagal (kode keluar 1)",
        "bad_date": "tanggal acuan '{value}' tidak sah; tulis TTTT-BB-HH, misalnya 2026-11-28",
        "internal": "kesalahan internal slip-desa ({error}); mohon laporkan beserta berkas yang diperiksa",
        "written": "Laporan ditulis ke {path}",
        "unwritable": "tidak dapat menulis {path}: {error}",
        "fatal": "{path}:{line}:{col}: berkas tidak dapat dipakai: {message}",
        "jobs": "jumlah proses pemeriksa paralel (bawaan: jumlah CPU)",
        "shard": "periksa bagian ke-K dari N (urut kode wilayah), misalnya 2/4 untuk CI paralel",
        "cache_dir": "folder cache hasil pemeriksaan (bawaan: .slip-cache/)",
        "no_cache": "jangan memakai atau menulis cache",
        "bad_shard": "bagian '{value}' tidak sah; tulis K/N dengan 1 <= K <= N, misalnya --shard 2/4",
        "bad_jobs": "jumlah proses '{value}' tidak sah; tulis bilangan bulat 1 atau lebih, misalnya --jobs 2",
        "commands": "perintah lain (bantuan: slip PERINTAH --help):",
    },
    "en": {
        "description": "Check villages against the Standar Layanan Informasi Publik Desa (Perki 1/2018).",
        "paths": "a village folder or a folder of villages (default: villages/)",
        "as_of": "reference date YYYY-MM-DD for freshness (default: today)",
        "format": "report format",
        "lang": "report language: id (Indonesian) or en (English)",
        "output": "write the report to this file instead of the screen",
        "strict": "warnings fail too (exit 1)",
        "bad_date": "reference date '{value}' is not valid; write YYYY-MM-DD, e.g. 2026-11-28",
        "internal": "internal error in slip-desa ({error}); please report it with the files checked",
        "written": "Report written to {path}",
        "unwritable": "cannot write {path}: {error}",
        "fatal": "{path}:{line}:{col}: file cannot be used: {message}",
        "jobs": "parallel checker processes (default: number of CPUs)",
        "shard": "check the K-th of N parts (by kode wilayah), e.g. 2/4 for parallel CI",
        "cache_dir": "folder of the results cache (default: .slip-cache/)",
        "no_cache": "neither use nor write the cache",
        "bad_shard": "shard '{value}' is not valid; write K/N with 1 <= K <= N, e.g. --shard 2/4",
        "bad_jobs": "process count '{value}' is not valid; write a whole number of 1 or more, e.g. --jobs 2",
        "commands": "other commands (help: slip COMMAND --help):",
    },
}


# slip <subcommand>: module and function taking (argv, lang) -> exit code; `check` is the default.
SUBCOMMANDS = {
    "build": ("checker.cli.site", "build_command"),
    "portal": ("checker.cli.site", "portal_command"),
    "new": ("checker.scaffold", "command"),
    "init": ("checker.cli.site", "init_command"),
    "serve": ("checker.cli.site", "serve_command"),
    "schemas": ("checker.schema.export", "command"),
    "import-apbdes": ("checker.apbdes.importer", "command"),
    "due": ("checker.due", "command"),
}


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise ValueError(value)
    return int(value)


def _shard(value: str) -> Shard:
    return Shard.parse(value)


def cpu_count() -> int:
    """CPUs this process may use (a CI container often gets fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def build_parser(lang: str) -> cmdline.Parser:
    from checker.reporters import REPORTERS

    text = TEXT[lang]
    commands = "\n".join(f"  slip {name}" for name in ("check", *SUBCOMMANDS))
    parser = cmdline.Parser(prog="slip", description=text["description"], epilog=f"{text['commands']}\n{commands}",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help=text["paths"])
    parser.add_argument("--as-of", type=cmdline.date, default=None, help=text["as_of"])
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text", help=text["format"])
    parser.add_argument("--lang", choices=("id", "en"), default="id", help=text["lang"])
    parser.add_argument("--output", type=Path, help=text["output"])
    parser.add_argument("--strict", action="store_true", help=text["strict"])
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N", help=text["jobs"])
    parser.add_argument("--shard", type=_shard, default=None, metavar="K/N", help=text["shard"])
    parser.add_argument("--cache-dir", type=Path, default=None, metavar="DIR", help=text["cache_dir"])
    parser.add_argument("--no-cache", action="store_true", help=text["no_cache"])
    parser.add_argument("--version", action="version", version=f"slip-desa {__version__}")
    return parser


def check_command(argv: Sequence[str], lang: str) -> int:
    from checker.reporters import REPORTERS, STREAMING

    text = TEXT[lang]
    invalid = {option: {lg: TEXT[lg][key] for lg in TEXT} for option, key in
               (("--as-of", "bad_date"), ("--shard", "bad_shard"), ("--jobs", "bad_jobs"))}
    args = cmdline.parse(build_parser(lang), argv, lang, invalid)
    if isinstance(args, int):
        return args  # --help or --version printed (0), or an unusable command line (2)
    report = run(
        args.paths or [Path("villages")],
        as_of=args.as_of or dt.date.today(),
        strict=args.strict,
        jobs=args.jobs or cpu_count(),
        shard=args.shard,
        cache_dir=None if args.no_cache else args.cache_dir or cache.CACHE_DIR,
        progress=Progress(sys.stderr, args.lang),
    )
    for village in report.villages:
        for finding in village.result.findings:
            if finding.severity.label == "fatal":
                path = f"{village.result.root}/{finding.file}"
                print(text["fatal"].format(path=path, line=finding.line, col=finding.col, message=finding.message(lang)), file=sys.stderr)
    stream = STREAMING.get(args.format)
    pieces = stream(report, args.lang) if stream else [REPORTERS[args.format](report, args.lang)]
    if args.output:
        try:
            with args.output.open("w", encoding="utf-8") as handle:
                handle.writelines(pieces)
        except OSError as error:
            print(f"slip: {text['unwritable'].format(path=args.output, error=error.strerror)}", file=sys.stderr)
            return 2
        print(text["written"].format(path=args.output), file=sys.stderr)
    else:
        last = ""
        for piece in pieces:
            sys.stdout.write(piece)
            last = piece or last
        if not last.endswith("\n"):
            sys.stdout.write("\n")
    return report.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = cmdline.lang_of(argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            module_name, function = SUBCOMMANDS[argv[0]]
            command = getattr(importlib.import_module(module_name), function)  # imported only when used
            return command(argv[1:], lang)
        return check_command(argv[1:] if argv and argv[0] == "check" else argv, lang)
    except BrokenPipeError:  # `slip due | head`: the reader left; nothing more to say
        sys.stderr.close()
        return 0
    except InputError as error:
        print(f"slip: {error.message(lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: say so in one line, never a traceback
        print(f"slip: {TEXT[lang]['internal'].format(error=f'{type(error).__name__}: {error}')}", file=sys.stderr)
        return 2


def main_entry() -> None:
    """Console-script entry point (`slip`)."""
    raise SystemExit(main())
