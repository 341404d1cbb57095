"""Where the commands look when no path is given: the repository root, the village you stand in.

A repository of villages is the nearest folder at or above the current one that holds `villages/`
or `slip.toml` (a village folder itself never counts). From anywhere inside it, `slip check` and
`slip due` take the village folder you stand in, or else the repository's villages/; `slip build`,
`slip serve`, `slip new` and `slip schemas` take the repository's villages/, output/ and schemas/.
The results cache goes to the repository root, or without one to the user's cache folder
($XDG_CACHE_HOME/slip-desa or ~/.cache/slip-desa), so it never lands inside a village.

Paths stay relative to the current folder, as a user would type them, so reports and messages
from the repository root read exactly as before (`villages/kraton/profil.yaml`); a village
given as `.` or `..` is named by its folder (`../kraton`), because its name is its address.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from checker.loader import is_village

VILLAGES = Path("villages")
SETTINGS = "slip.toml"  # sitegen/settings.py reads it from the repository root


def _holds_villages(folder: Path) -> bool:
    return (folder / VILLAGES).is_dir() or (folder / SETTINGS).is_file()


def _upwards(start: Path | None) -> Iterator[Path]:
    here = start or Path.cwd()
    yield here
    yield from here.parents


def root(start: Path | None = None) -> Path | None:
    """The repository root at or above `start` (the current folder), or None outside any."""
    return next((f for f in _upwards(start) if not is_village(f) and _holds_villages(f)), None)


def village(start: Path | None = None) -> Path | None:
    """The village folder `start` (the current folder) is in, or None (reaching a repository root first)."""
    for folder in _upwards(start):
        if is_village(folder):
            return folder
        if _holds_villages(folder):
            return None
    return None


def relative(path: Path) -> Path:
    """`path` as typed from the current folder (lexically, as `cd ..` works in a shell)."""
    return Path(os.path.relpath(path))


def named(path: Path) -> Path:
    """A village path that ends in its folder's name: `.` inside kraton becomes `../kraton`."""
    if path.name not in ("", "..") or not is_village(path):
        return path
    absolute = Path(os.path.abspath(path))
    return relative(absolute.parent) / absolute.name if absolute.name else path


def at_root(path: Path) -> Path:
    """A default path (villages, output, schemas) of the repository; unchanged outside one or when absolute."""
    top = None if path.is_absolute() else root()
    return path if top is None else relative(top / path)


def villages() -> Path:
    """What `slip check` and `slip due` look at by default: this village, else the repository's villages/."""
    here = village()
    return named(relative(here)) if here is not None else at_root(VILLAGES)


def init_folder() -> Path:
    """Where `slip init` prepares a repository: its root when standing in its villages/, else here."""
    top, here = root(), Path.cwd()
    return relative(top) if top is not None and top / VILLAGES in (here, *here.parents) else Path(".")


def user_cache() -> Path:
    """The user's cache folder for slip-desa (XDG: a relative $XDG_CACHE_HOME is ignored)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "slip-desa"


def cache_dir() -> Path:
    """The results cache: .slip-cache/ at the repository root, else the user's cache folder."""
    from checker.run import cache

    if cache.CACHE_DIR.is_absolute():  # set by a test or a program embedding slip: used as it is
        return cache.CACHE_DIR
    top = root()
    return relative(top / cache.CACHE_DIR) if top is not None else user_cache()


@contextmanager
def inside(folder: Path | None) -> Iterator[None]:
    """Work from `folder` for the block (`slip serve` there finds slip.toml and the cache), then come back."""
    back = Path.cwd()
    if folder is not None:
        os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(back)
