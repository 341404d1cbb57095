"""What several commands share on the command line: the --lang option, dates, whole numbers, the
parallel and cache options of `slip check` and `slip build`, and the number of CPUs.

Each type turns a refused value into one sentence naming the option and what to write instead
(parser.BadValue); argparse's own "invalid _shard value: 'x'" would mean nothing to village staff.
"""
from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from checker.cli import parser as cmdline
from checker.cli import places

TEXT = {
    "id": {
        "lang": "bahasa pesan dan laporan: id (Indonesia, bawaan) atau en (Inggris)",
        "cache_dir": "folder cache hasil pemeriksaan (bawaan: .slip-cache/ di akar repositori)",
        "no_cache": "jangan memakai atau menulis cache",
        "reference_date": "tanggal acuan '{value}' tidak sah; tulis TTTT-BB-HH, misalnya 2026-11-28",
        "date": "tanggal '{value}' tidak sah; tulis TTTT-BB-HH, misalnya 2026-11-28",
        "shard": "bagian '{value}' tidak sah; tulis K/N dengan 1 <= K <= N, misalnya --shard 2/4",
        "jobs_value": "jumlah proses '{value}' tidak sah; tulis bilangan bulat 1 atau lebih, misalnya --jobs 2",
        "integer": "{option} '{value}' tidak sah; tulis bilangan bulat, misalnya {option} {example}",
    },
    "en": {
        "lang": "language of messages and reports: id (Indonesian, the default) or en (English)",
        "cache_dir": "folder of the results cache (default: .slip-cache/ at the repository root)",
        "no_cache": "neither use nor write the cache",
        "reference_date": "reference date '{value}' is not valid; write YYYY-MM-DD, e.g. 2026-11-28",
        "date": "date '{value}' is not valid; write YYYY-MM-DD, e.g. 2026-11-28",
        "shard": "shard '{value}' is not valid; write K/N with 1 <= K <= N, e.g. --shard 2/4",
        "jobs_value": "process count '{value}' is not valid; write a whole number of 1 or more, e.g. --jobs 2",
        "integer": "{option} '{value}' is not valid; write a whole number, e.g. {option} {example}",
    },
}


def _typed(convert: Callable[[str], object], message: str) -> Callable[[str], object]:
    def parse(value: str) -> object:
        try:
            return convert(value)
        except ValueError:
            raise cmdline.BadValue(message.format(value=value)) from None

    return parse


def date(lang: str, *, reference: bool = False) -> Callable[[str], object]:
    """TTTT-BB-HH; `reference` for --as-of of check, build and serve (the date freshness is judged on)."""
    return _typed(dt.date.fromisoformat, TEXT[lang]["reference_date" if reference else "date"])


def integer(lang: str, option: str, example: str) -> Callable[[str], object]:
    return _typed(int, TEXT[lang]["integer"].replace("{option}", option).replace("{example}", example))


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise ValueError(value)
    return int(value)


def shard(lang: str) -> Callable[[str], object]:
    from checker.run.shard import Shard

    return _typed(Shard.parse, TEXT[lang]["shard"])


def add_lang(parser: argparse.ArgumentParser, lang: str) -> None:
    cmdline.add_lang(parser, TEXT[lang]["lang"])


def add_run_options(parser: argparse.ArgumentParser, lang: str, *, jobs: str, shard_help: str) -> None:
    """--jobs, --shard, --cache-dir and --no-cache, as `slip check` and `slip build` take them."""
    text = TEXT[lang]
    parser.add_argument("--jobs", type=_typed(_jobs, text["jobs_value"]), default=None, metavar="N", help=jobs)
    parser.add_argument("--shard", type=shard(lang), default=None, metavar="K/N", help=shard_help)
    parser.add_argument("--cache-dir", type=Path, default=None, metavar="DIR", help=text["cache_dir"])
    parser.add_argument("--no-cache", action="store_true", help=text["no_cache"])


def cache_of(args: argparse.Namespace) -> Path | None:
    """The cache folder the run options ask for (None: no cache)."""
    return None if args.no_cache else args.cache_dir or places.cache_dir()
