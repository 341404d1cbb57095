"""Where slip-desa's own files are: inside the installed package, or at the top of a checkout.

The repository keeps the standard (slip_schema.yaml), the site's default settings, theme and pages,
and the spreadsheet templates at its top level, where people look for them. A wheel cannot install
top-level files, so the build (setup.py) copies each into the package that uses it, under
`_bundle/`; an editable install or a plain checkout has no `_bundle/` and finds them at the top of
the checkout. Only the standard library is imported here: setup.py reads BUNDLED before anything is
installed.
"""
from __future__ import annotations

from pathlib import Path

# name at the top of the repository -> the package whose `_bundle/` carries it when installed
BUNDLED = {
    "slip_schema.yaml": "checker",
    "templates": "checker",
    "pelicanconf.py": "sitegen",
    "theme": "sitegen",
    "content": "sitegen",
}
BUNDLE = "_bundle"
_TOP = Path(__file__).resolve().parent.parent  # site-packages when installed, the checkout otherwise


class MissingResource(Exception):
    """An installed slip-desa lacks one of its own files: the installation is broken, not the input."""

    def __init__(self, name: str, places: tuple[Path, ...]) -> None:
        super().__init__(name)
        self.name, self.places = name, places

    def message(self, lang: str) -> str:
        where = " / ".join(map(str, self.places))
        if lang == "en":
            return (f"slip-desa is installed incompletely: {self.name} is missing (looked in {where}). "
                    "Reinstall it: pip install --force-reinstall <the same source>")
        return (f"slip-desa terpasang tidak lengkap: {self.name} tidak ada (dicari di {where}). "
                "Pasang ulang: pip install --force-reinstall <sumber yang sama>")


def path(name: str) -> Path:
    """The file or folder `name` (a key of BUNDLED) of this slip-desa, installed or checked out."""
    places = (_TOP / BUNDLED[name] / BUNDLE / name, _TOP / name)
    for place in places:
        if place.exists():
            return place
    raise MissingResource(name, places)
