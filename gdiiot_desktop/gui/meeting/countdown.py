"""The per-application timer: presentation, then questions, then overtime; the clock is injected."""

from __future__ import annotations

import time
from collections.abc import Callable

PRESENTING, QUESTIONS, OVERTIME = "汇报", "答疑", "超时"


class Countdown:
    """Counts down the presentation, then the questions; after both it counts the overtime up.

    `clock` returns seconds (time.monotonic by default); tests pass a fake one.
    """

    def __init__(
        self, presentation_s: float, questions_s: float, clock: Callable[[], float] = time.monotonic
    ):
        self.presentation_s = presentation_s
        self.questions_s = questions_s
        self._clock = clock
        self._spent = 0.0
        self._since: float | None = None

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self) -> None:
        if self._since is None:
            self._since = self._clock()

    def pause(self) -> None:
        if self._since is not None:
            self._spent += self._clock() - self._since
            self._since = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        self._spent, self._since = 0.0, None

    def elapsed(self) -> float:
        return self._spent + (self._clock() - self._since if self._since is not None else 0.0)

    def phase(self) -> str:
        elapsed = self.elapsed()
        if elapsed < self.presentation_s:
            return PRESENTING
        if elapsed < self.presentation_s + self.questions_s:
            return QUESTIONS
        return OVERTIME

    def remaining(self) -> float:
        """Seconds left in the current phase; in overtime, minus the seconds over."""
        elapsed = self.elapsed()
        if elapsed < self.presentation_s:
            return self.presentation_s - elapsed
        return self.presentation_s + self.questions_s - elapsed

    def text(self) -> str:
        """ "07:59" while counting down, "+00:12" in overtime (whole seconds, rounded up while counting down)."""
        left = self.remaining()
        if left < 0 or self.phase() == OVERTIME:
            over = int(-left)
            return f"+{over // 60:02d}:{over % 60:02d}"
        whole = int(left) if left == int(left) else int(left) + 1
        return f"{whole // 60:02d}:{whole % 60:02d}"
