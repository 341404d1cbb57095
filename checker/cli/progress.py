"""Progress of a long run on stderr: a one-line bar on a terminal, plain lines in CI logs.

On a terminal the line is redrawn at most ten times a second with villages per second and the time
left. Elsewhere (CI, a file) a plain line is written every 5 seconds or every tenth of the run,
whichever comes first, because carriage returns garble logs. Runs of few villages show nothing.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

MIN_VILLAGES = 20  # below this a run takes a few seconds at most
TEXT = {"id": {"unit": "desa", "rate": "desa/dtk", "eta": "sisa"},
        "en": {"unit": "villages", "rate": "villages/s", "eta": "ETA"}}


class Progress:
    """Called with (done, total) after each village."""

    def __init__(self, stream: TextIO, lang: str = "id", *, tty: bool | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.stream, self.text, self.clock = stream, TEXT[lang], clock
        self.tty = stream.isatty() if tty is None else tty
        self.start = self.shown = clock()
        self.tenth = 0

    def __call__(self, done: int, total: int) -> None:
        if total < MIN_VILLAGES:
            return
        now = self.clock()
        if self.tty:
            if done < total and now - self.shown < 0.1:
                return
            self.stream.write("\r" + self.line(done, total, now) + ("\n" if done == total else ""))
        else:
            tenth = done * 10 // total
            if done < total and tenth == self.tenth and now - self.shown < 5:
                return
            self.tenth = tenth
            self.stream.write("slip: " + self.line(done, total, now) + "\n")
        self.stream.flush()
        self.shown = now

    def line(self, done: int, total: int, now: float) -> str:
        rate = done / max(now - self.start, 1e-6)
        left = int((total - done) / rate) if rate else 0
        filled = 20 * done // total
        bar = f"[{'#' * filled}{'.' * (20 - filled)}] " if self.tty else ""
        return (f"{bar}{done}/{total} {self.text['unit']} ({100 * done // total}%), "
                f"{rate:.1f} {self.text['rate']}, {self.text['eta']} {left // 60}:{left % 60:02d}")
