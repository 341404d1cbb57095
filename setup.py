"""Build hook: copy the top-level files slip-desa needs at run time into its packages.

Everything else about the package is in pyproject.toml. The list of files is checker/resources.py's
BUNDLED, read from its source (nothing is installed yet when this runs); the sdist carries the same
files through MANIFEST.in, so a wheel built from the sdist (what pip does with a git address or a
tarball) has them too. An editable install copies nothing: it reads them from the checkout.
"""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("_slip_resources", HERE / "checker" / "resources.py")
resources = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(resources)


class BuildWithBundle(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name, package in resources.BUNDLED.items():
            source, target = HERE / name, Path(self.build_lib) / package / resources.BUNDLE / name
            if not source.exists():
                raise SystemExit(f"slip-desa: {name} is missing from the source tree; the package would be incomplete")
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.rmtree(target, ignore_errors=True)  # an in-tree build/ may hold files since removed
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(source, target)


setup(cmdclass={"build_py": BuildWithBundle})
