"""Progress reporting for long exchange work: a callback `(done, total, text)`, as the GUI's tasks take."""

from __future__ import annotations

from collections.abc import Callable

STEP = 16 * 1024 * 1024  # report at most every 16 MB

ProgressFn = Callable[[int, int, str], None]


def no_progress(done: int, total: int, text: str) -> None:
    del done, total, text


class ByteCounter:
    """Turns chunk sizes into progress calls with a running total."""

    def __init__(self, progress: ProgressFn | None, total: int, text: str) -> None:
        self.progress = progress or no_progress
        self.total = total
        self.text = text
        self.done = 0
        self._shown = 0
        self.progress(0, total, text)

    def __call__(self, n: int) -> None:
        self.done += n
        if self.done - self._shown >= STEP or self.done >= self.total:
            self._shown = self.done
            self.progress(self.done, self.total, self.text)
