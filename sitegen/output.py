"""Which folder a build may take as its output: only one slip-desa made, never a user's.

`slip build --output DIR` replaces DIR, so pointing it at a web root, GitLab's `public/`, `docs/` or
`.` must not cost anyone a file. A build takes DIR only when DIR does not exist, is an empty folder,
or is the link slip-desa itself made into `.<DIR>-builds/`, a folder marked by the file MARKER that
only a build writes. Everything else is refused before anything is touched: a folder or file it did
not make, `/`, the home folder, the current folder or one above it, and any folder that holds, or
lies inside, the villages being built. Old builds are removed only from a marked builds folder.
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

MARKER = ".slip-desa-builds"
MARKER_TEXT = "Folder ini dibuat dan dikelola oleh `slip build`; isinya boleh dihapus kapan saja.\n"
# What a builds folder of slip-desa 0.1 (before MARKER) holds: adopted, since it made them all.
_LEGACY = re.compile(r"^(\.lock|\.trash|\d{8}-\d{6}-\w+|previous-\d+)$")

TEXT = {
    "id": {
        "root": "{path} adalah folder akar atau folder rumah; pilih folder hasil tersendiri, misalnya --output output",
        "villages": "{path} adalah folder desa-desa itu sendiri; pilih folder hasil tersendiri, misalnya --output output",
        "holds": "{path} berisi folder desa {what}; `slip build` mengganti seluruh isi folder hasil. Pilih folder hasil tersendiri, "
                 "misalnya --output output",
        "here": "{path} adalah folder kerja ({what}) atau folder di atasnya, tempat villages/ dan berkas Anda; "
                "pilih folder hasil tersendiri, misalnya --output output",
        "inside": "{path} berada di dalam folder desa {what}; pilih folder hasil di luarnya, misalnya --output output",
        "foreign": "{path} sudah ada dan bukan buatan slip-desa, jadi tidak disentuh. Pilih folder yang belum ada "
                   "(misalnya --output output), atau pindahkan/hapus sendiri isinya bila memang tidak diperlukan",
        "foreign_builds": "{path} sudah ada dan bukan buatan slip-desa (tidak ada berkas {marker}), jadi tidak disentuh. "
                          "Pilih nama folder hasil lain",
        "unwritable": "tidak dapat menulis ke {path}: {reason}. {hint}",
        "hint_permission": "Periksa izin tulis folder itu (atau pilih folder hasil lain dengan --output)",
        "hint_space": "Disk penuh: kosongkan ruang (df -h menunjukkan sisa ruang) lalu bangun lagi",
        "hint_other": "Periksa folder itu lalu bangun lagi",
    },
    "en": {
        "root": "{path} is the root or the home folder; choose an output folder of its own, e.g. --output output",
        "villages": "{path} is the villages folder itself; choose an output folder of its own, e.g. --output output",
        "holds": "{path} holds the village folder {what}; `slip build` replaces the whole output folder. Choose an output folder of its own, "
                 "e.g. --output output",
        "here": "{path} is the working folder ({what}) or one above it, where villages/ and your files are; "
                "choose an output folder of its own, e.g. --output output",
        "inside": "{path} lies inside the village folder {what}; choose an output folder outside it, e.g. --output output",
        "foreign": "{path} already exists and was not made by slip-desa, so it is left alone. Choose a folder that does "
                   "not exist yet (e.g. --output output), or move or delete its contents yourself if they are not needed",
        "foreign_builds": "{path} already exists and was not made by slip-desa (no {marker} file), so it is left alone. "
                          "Choose another output folder name",
        "unwritable": "cannot write to {path}: {reason}. {hint}",
        "hint_permission": "Check that folder's write permission (or choose another output folder with --output)",
        "hint_space": "The disk is full: free some space (df -h shows what is left) and build again",
        "hint_other": "Check that folder and build again",
    },
}


class Refused(Exception):
    """The output folder is not the build's to replace; nothing was touched."""

    def __init__(self, kind: str, path: Path, what: str = "") -> None:
        super().__init__(f"{kind}: {path}")
        self.kind, self.path, self.what = kind, path, what

    def message(self, lang: str) -> str:
        return TEXT[lang][self.kind].format(path=self.path, what=self.what, marker=MARKER)


def unwritable(error: OSError, lang: str) -> str:
    """A message for a read-only folder or a full disk that says which folder and what to do."""
    import errno

    hint = {errno.EACCES: "hint_permission", errno.EPERM: "hint_permission", errno.EROFS: "hint_permission",
            errno.ENOSPC: "hint_space", errno.EDQUOT: "hint_space"}.get(error.errno or 0, "hint_other")
    path = error.filename or "?"
    return TEXT[lang]["unwritable"].format(path=path, reason=error.strerror or error, hint=TEXT[lang][hint])


def builds_folder(output: Path) -> Path:
    return output.parent / f".{output.name}-builds"


def claim(output: Path, protected: Sequence[Path]) -> Path:
    """The builds folder for `output` (absolute), or Refused; reads only, writes nothing."""
    # the folder the build would replace: where a link of its own points is judged below
    target = Path(os.path.realpath(output.parent)) / output.name if output.is_symlink() else Path(os.path.realpath(output))
    if target == Path(target.anchor):
        raise Refused("root", output)
    home = Path(os.path.realpath(Path.home()))
    here = Path(os.path.realpath(Path.cwd()))
    if target == home or target in home.parents:
        raise Refused("root", output)
    if target == here or target in here.parents:
        raise Refused("here", output, str(here))
    for place in protected:
        real = Path(os.path.realpath(place))
        if target == real:
            raise Refused("villages", output)
        if target in real.parents:
            raise Refused("holds", output, str(place))
        if real in target.parents:
            raise Refused("inside", output, str(place))
    builds = builds_folder(target)
    if output.is_symlink():
        pointed = Path(os.path.realpath(output))
        if pointed.parent != Path(os.path.realpath(builds)) or not _ours(builds):
            raise Refused("foreign", output)
    elif output.exists():
        if not output.is_dir() or any(output.iterdir()):
            raise Refused("foreign", output)
    if builds.exists() and not _ours(builds) and (builds.is_symlink() or not builds.is_dir() or any(builds.iterdir())):
        raise Refused("foreign_builds", builds)
    return builds


def _ours(builds: Path) -> bool:
    if builds.is_symlink() or not builds.is_dir():
        return False
    if (builds / MARKER).is_file():
        return True
    return all(_LEGACY.match(entry.name) for entry in builds.iterdir())


def mark(builds: Path) -> None:
    """Make (or adopt) the builds folder; called only after claim() accepted it."""
    builds.mkdir(parents=True, exist_ok=True)
    marker = builds / MARKER
    if not marker.is_file():
        marker.write_text(MARKER_TEXT, encoding="utf-8")
