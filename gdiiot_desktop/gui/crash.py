"""Unexpected exceptions never vanish: they go to the log file and to a Chinese dialog with copyable details.

A windowed build has no console; without this hook a bug in a slot would only print to nowhere.
Exceptions raised in worker threads (threading.excepthook) are handed to the GUI thread first.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from gdiiot_desktop.logs import log

TITLE = "程序出错"
MESSAGE = (
    "程序遇到了意外错误，刚才的操作可能没有完成。已保存的数据不受影响。\n"
    "请点“显示详情”查看，并用“复制详细信息”把内容发给技术人员；这些内容也已记入日志文件"
    "（帮助 → 打开日志文件夹）。"
)


def technical_text(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(exc_type, exc, tb))


def error_box(details: str, parent: QWidget | None = None) -> QMessageBox:
    """The dialog: a plain Chinese message; the traceback behind 详细信息, with a button that copies it."""
    box = QMessageBox(QMessageBox.Icon.Critical, TITLE, MESSAGE, QMessageBox.StandardButton.Close, parent)
    box.setObjectName("crashBox")
    box.setDetailedText(details)
    copy = QPushButton("复制详细信息", box)
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # an action button would close the box
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    return box


class CrashReporter(QObject):
    """Installed once per process: sys.excepthook and threading.excepthook log and show the error."""

    _from_thread = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box: QMessageBox | None = None  # the dialog shown (one at a time; later errors are only logged)
        self.shown = 0
        self.show_box: Callable[[str], Any] = self._show  # tests may replace it
        self._previous: tuple[Any, Any] | None = None
        self._from_thread.connect(self._report_text, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.report(args.exc_type, args.exc_value, args.exc_traceback)

    def report(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """Log the exception and show it (from any thread)."""
        text = technical_text(exc_type, exc, tb)
        log.error("unexpected exception:\n%s", text.rstrip())
        if threading.current_thread() is threading.main_thread():
            self._report_text(text)
        else:
            self._from_thread.emit(text)

    def report_exception(self, exc: BaseException) -> None:
        self.report(type(exc), exc, exc.__traceback__)

    def _report_text(self, text: str) -> None:
        if QApplication.instance() is None or (self.box is not None and self.box.isVisible()):
            return
        self.shown += 1
        self.show_box(text)

    def _show(self, text: str) -> None:
        parent = QApplication.activeWindow()
        box = error_box(text, parent)
        box.finished.connect(lambda _r: self._closed(box))
        self.box = box
        box.open()

    def _closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None
        box.deleteLater()


_reporter: CrashReporter | None = None


def install(app: QApplication) -> CrashReporter:
    """The process's reporter (created and installed on first call)."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter(app)
        _reporter.install()
    return _reporter


def reporter() -> CrashReporter | None:
    return _reporter
