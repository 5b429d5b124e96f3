"""How export steps report progress: a callable (done, total, text) that may raise to cancel."""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[int, int, str], None]


def no_progress(done: int, total: int, text: str) -> None:
    """The default: report nowhere."""
    del done, total, text


class Steps:
    """Counts steps of a whole export so each part can report within one overall scale."""

    def __init__(self, progress: ProgressFn | None, total: int) -> None:
        self._progress = progress or no_progress
        self.total = max(total, 1)
        self.done = 0

    def step(self, text: str, weight: int = 1) -> None:
        """Report `text` as the current step, then count it done (calls progress before the work)."""
        self._progress(self.done, self.total, text)
        self.done = min(self.total, self.done + weight)

    def finish(self, text: str) -> None:
        self._progress(self.total, self.total, text)
