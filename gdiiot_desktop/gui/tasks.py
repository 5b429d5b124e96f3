"""One helper for slow work: run it off the GUI thread with progress, cancel, results by signal.

    task = runner.run(lambda progress: import_workbook(ws, path), title="正在导入…", writes=True)
    task.succeeded.connect(show_report)

The work starts on the next turn of the event loop, so the caller can connect to the returned
task's signals first. It gets a `progress(done, total, text)` callable; calling it after the user pressed 取消 raises
`Cancelled`, so long loops stop at the next step. Results and exceptions come back to the GUI
thread by signal; `finished` is always emitted last. The progress dialog appears only when the
work lasts more than `SHOW_AFTER_MS`. Work that writes to SQLite runs on a single worker thread,
so writes never race each other.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QMetaMethod, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gdiiot_desktop.logs import log
from gdiiot_desktop.threads import READER_THREAD_PREFIX, WRITER_THREAD_PREFIX

SHOW_AFTER_MS = 500
MAX_REREADS = 2  # a read overtaken by writes this often is delivered after one last read

Work = Callable[["Progress"], Any]


class Cancelled(Exception):  # noqa: N818 - it is no error: the user chose to stop
    """Raised inside the work by `progress()` once the user has cancelled."""


class Progress:
    """Handed to the work: report how far it got; raises Cancelled when the user cancelled."""

    def __init__(self, task: Task) -> None:
        self._task = task

    def __call__(self, done: int = 0, total: int = 0, text: str = "") -> None:
        if self._task.cancel_requested:
            raise Cancelled
        self._task.progressed.emit(int(done), int(total), text)

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested


class Task(QObject):
    """One piece of work under way. Signals arrive in the GUI thread; `finished` always comes last."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class TaskRunner(QObject):
    """Runs work for one window: reads on a small pool, writes on a single thread."""

    task_started = Signal(object)
    task_finished = Signal(object)

    def __init__(self, parent_widget: QWidget | None = None, show_after_ms: int = SHOW_AFTER_MS) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self.show_after_ms = show_after_ms
        self._reads = ThreadPoolExecutor(max_workers=2, thread_name_prefix=READER_THREAD_PREFIX)
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix=WRITER_THREAD_PREFIX)
        self._running: set[Task] = set()
        self._closed = False
        # Writes finished so far; bumped only by the single writer thread, read by readers.
        self._writes_done = 0
        self.dialog: QProgressDialog | None = None  # the dialog of the task shown last (tests look at it)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Work,
        *,
        title: str,
        writes: bool = False,
        cancellable: bool = True,
        show_dialog: bool = True,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        task = Task(title, self)
        self._running.add(task)
        if on_success is not None:
            task.succeeded.connect(on_success)
        if on_error is not None:
            task.failed.connect(on_error)
        timer = QTimer(task)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._show_dialog(task, cancellable))
        task.finished.connect(lambda: self._finish(task, timer))
        if show_dialog:  # work the window shows its own way (the status bar while a database opens)
            timer.start(self.show_after_ms)
        self.task_started.emit(task)
        pool = self._writes if writes else self._reads
        # Submitted on the next turn of the event loop, so that signals the caller connects after
        # run() returns are connected before the worker can emit them (queued connections are
        # chosen when a signal is emitted).
        QTimer.singleShot(0, task, lambda: self._submit(pool, task, work))
        return task

    def _submit(self, pool: ThreadPoolExecutor, task: Task, work: Work) -> None:
        if self._closed:  # the window closed before the work could start: it never runs
            task.cancelled.emit()
            task.finished.emit()
            return
        pool.submit(self._execute, task, work, pool is self._writes)

    def _execute(self, task: Task, work: Work, writes: bool = False) -> None:
        # Runs in a worker thread: touches no widget, only emits signals (queued to the GUI thread).
        try:
            result = self._write(work, task) if writes else self._read(work, task)
        except Cancelled:
            task.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the user
            task.error = exc
            log.warning("task %r failed: %s", task.title, exc, exc_info=exc)
            task.failed.emit(exc)
        else:
            if task.cancel_requested:
                task.cancelled.emit()
            else:
                task.result = result
                task.succeeded.emit(result)
        finally:
            task.finished.emit()

    def _write(self, work: Work, task: Task) -> Any:
        try:
            return work(Progress(task))
        finally:
            self._writes_done += 1

    def _read(self, work: Work, task: Task) -> Any:
        """The read's result; read again (at most twice more) when a write finished meanwhile."""
        for _ in range(MAX_REREADS):
            before = self._writes_done
            result = work(Progress(task))
            if self._writes_done == before:
                return result
        return work(Progress(task))

    def _show_dialog(self, task: Task, cancellable: bool) -> None:
        if task.done:
            return
        dialog = QProgressDialog(task.title, "取消" if cancellable else "", 0, 0, self._parent_widget)
        dialog.setObjectName("taskProgressDialog")
        dialog.setWindowTitle("请稍候")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(task.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText("正在取消…"))

        def on_progress(done: int, total: int, text: str) -> None:
            dialog.setMaximum(max(total, 0))
            if total:
                dialog.setValue(min(done, total))
            if text:
                dialog.setLabelText(text)

        task.progressed.connect(on_progress)
        task.finished.connect(dialog.close)
        task.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.show()

    def _finish(self, task: Task, timer: QTimer) -> None:
        if task.error is not None and not task.isSignalConnected(QMetaMethod.fromSignal(task.failed)):
            report_unhandled(task.error)  # nobody shows this failure: it must not vanish
        task.done = True
        timer.stop()
        self._running.discard(task)
        self.task_finished.emit(task)

    def shutdown(self, wait: bool = True) -> None:
        """Cancel what runs and (by default) wait for the workers: before closing the database."""
        self._closed = True
        for task in list(self._running):
            task.cancel()
        self._reads.shutdown(wait=wait)
        self._writes.shutdown(wait=wait)


def report_unhandled(exc: BaseException) -> None:
    """A failed task nobody listens to: to the crash reporter when installed, else at least to the log."""
    from gdiiot_desktop.gui import crash

    reporter = crash.reporter()
    if reporter is not None:
        reporter.report_exception(exc)
    else:
        log.error("unhandled task failure", exc_info=exc)
