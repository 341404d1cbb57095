"""The Pelican plugin: register() connects signals, nothing more (the pelican-plugins model)."""
from __future__ import annotations

from pelican import signals

from sitegen import generators


def register() -> None:
    signals.get_generators.connect(generators.get_generators)
