"""Unexpected exceptions never vanish: a Chinese dialog with copyable details, and the log file."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from gdiiot_desktop import logs
from gdiiot_desktop.gui import crash
from gdiiot_desktop.gui.tasks import TaskRunner


@pytest.fixture
def reporter(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[crash.CrashReporter]:
    logs.setup_logging(tmp_path)
    made = crash.CrashReporter()
    monkeypatch.setattr(crash, "_reporter", made)
    yield made
    if made.box is not None:
        made.box.close()
    logs.stop_logging()


def log_text(tmp_path: Path) -> str:
    for handler in logs.log.handlers:
        handler.flush()
    return (tmp_path / logs.LOG_FILE).read_text(encoding="utf-8")


def raise_and_catch() -> ZeroDivisionError:
    try:
        _ = 1 / 0
    except ZeroDivisionError as exc:
        return exc
    raise AssertionError


def test_the_excepthook_shows_a_chinese_dialog_with_copyable_details(reporter: crash.CrashReporter, tmp_path: Path) -> None:
    exc = raise_and_catch()
    reporter.excepthook(type(exc), exc, exc.__traceback__)
    box = reporter.box
    assert box is not None and box.isVisible()
    assert box.windowTitle() == crash.TITLE and "意外错误" in box.text()
    assert "ZeroDivisionError" in box.detailedText() and "ZeroDivisionError" not in box.text()
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "复制详细信息")
    copy.click()
    assert "ZeroDivisionError" in QGuiApplication.clipboard().text()
    assert box.isVisible()  # copying does not close the box
    assert "ZeroDivisionError" in log_text(tmp_path)
    # A second error while the box is open is logged, not stacked in another box.
    reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert reporter.shown == 1


def test_an_exception_in_a_thread_reaches_the_gui_thread(qtbot: QtBot, reporter: crash.CrashReporter, tmp_path: Path) -> None:
    def fail() -> None:
        raise RuntimeError("线程里的错误")

    previous = threading.excepthook
    threading.excepthook = reporter.thread_excepthook
    try:
        thread = threading.Thread(target=fail)
        thread.start()
        thread.join()
    finally:
        threading.excepthook = previous
    qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible())
    assert "线程里的错误" in reporter.box.detailedText()  # type: ignore[union-attr]
    assert "线程里的错误" in log_text(tmp_path)


def test_a_failed_background_task_nobody_handles_is_reported(qtbot: QtBot, reporter: crash.CrashReporter, tmp_path: Path) -> None:
    runner = TaskRunner()

    def work(_progress: object) -> None:
        raise KeyError("没人处理")

    task = runner.run(work, title="测试", show_dialog=False)
    qtbot.waitUntil(lambda: task.done)
    assert reporter.box is not None and "没人处理" in reporter.box.detailedText()
    reporter.box.done(0)
    assert reporter.box is None
    # A task whose failure is shown by its caller is only logged.
    shown: list[BaseException] = []
    handled = runner.run(work, title="测试", show_dialog=False, on_error=shown.append)
    qtbot.waitUntil(lambda: handled.done)
    assert shown and reporter.shown == 1
    assert log_text(tmp_path).count("没人处理") >= 2
    runner.shutdown()


def test_logging_is_set_up_at_warning_for_failed_tasks(reporter: crash.CrashReporter) -> None:
    assert logs.log.isEnabledFor(logging.WARNING)
