"""Meeting work through the session's one task runner: the database is never touched on the GUI thread.

Arguments are read from the widgets before the work is handed over (a worker never touches a widget);
results come back on the GUI thread, and are dropped when the page asking for them is already gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.tasks import Task, TaskRunner

T = TypeVar("T")


def run_op(
    runner: TaskRunner,
    owner: QWidget,
    work: Callable[[], T],
    *,
    title: str,
    error_title: str,
    writes: bool = True,
    on_done: Callable[[T], None] | None = None,
) -> Task:
    def succeeded(result: Any) -> None:
        if on_done is not None and isValid(owner):
            on_done(result)

    def failed(exc: BaseException) -> None:
        if isValid(owner):
            show_error(owner, exc, error_title)

    return runner.run(
        lambda _progress: work(),
        title=title,
        writes=writes,
        cancellable=False,
        on_success=succeeded,
        on_error=failed,
    )
