"""How long work reports progress: a callable `(done, total, text)` that may raise to cancel.

The GUI's task runner hands one to the work it runs; the CLI passes none."""

from __future__ import annotations

from collections.abc import Callable

ProgressFn = Callable[[int, int, str], None]


def no_progress(done: int, total: int, text: str) -> None:
    """The default: report nowhere."""
    del done, total, text
