"""Progress of long exchange work counted in bytes (the callback type is services/progress.py's)."""

from __future__ import annotations

from ..progress import ProgressFn as ProgressFn
from ..progress import no_progress

STEP = 16 * 1024 * 1024  # report at most every 16 MB


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
