"""`slip serve`: the built site on http://localhost:PORT/, rebuilt when a village file or slip.toml changes.

Run anywhere inside a repository of villages, it serves that repository: it works from the
repository root for as long as it serves, where sitegen/serve.py finds slip.toml and the cache.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from checker.cli import options, places
from checker.cli import parser as cmdline

TEXT = {
    "id": {"description": "Sajikan situs di http://localhost:PORT/ dan bangun ulang saat berkas desa atau slip.toml berubah.",
           "paths": "folder berisi desa-desa (bawaan: villages/ repositori)", "output": "folder hasil (bawaan: output/ repositori)",
           "as_of": "tanggal acuan TTTT-BB-HH (bawaan: hari ini)", "port": "port lokal (bawaan: 8000)"},
    "en": {"description": "Serve the site on http://localhost:PORT/ and rebuild when a village file or slip.toml changes.",
           "paths": "folder of villages (default: the repository's villages/)", "output": "output folder (default: the repository's output/)",
           "as_of": "reference date YYYY-MM-DD (default: today)", "port": "local port (default: 8000)"},
}


def add(commands: argparse._SubParsersAction, lang: str) -> None:
    text = TEXT[lang]
    parser = commands.add_parser("serve", lang=lang, strict=True, help=text["description"], description=text["description"])
    parser.add_argument("path", nargs="?", type=Path, default=None, help=text["paths"])
    parser.add_argument("--output", type=Path, default=None, help=text["output"])
    parser.add_argument("--as-of", type=options.date(lang, reference=True), default=None, help=text["as_of"])
    parser.add_argument("--port", type=options.integer(lang, "--port", "8080"), default=8000, help=text["port"])
    options.add_lang(parser, lang)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, lang: str) -> int:
    from sitegen.serve import serve

    top = places.root()
    # Absolute before moving to the root; a path the user gave stays the one they meant.
    villages = Path(os.path.abspath(places.named(args.path) if args.path else places.at_root(places.VILLAGES)))
    output = Path(os.path.abspath(args.output or places.at_root(Path("output"))))
    try:
        with places.inside(top):
            serve(output, villages, port=args.port, as_of=args.as_of)
    except OSError as error:  # the port is taken
        return cmdline.fail("slip", f"{args.port}: {error.strerror}")
    return 0
