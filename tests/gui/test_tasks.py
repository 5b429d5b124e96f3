"""The slow-work helper: results and errors by signal, finished always, cancel, a late progress dialog."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gdiiot_desktop.gui.tasks import Cancelled, Progress, TaskRunner


@pytest.fixture
def runner(qtbot: QtBot) -> TaskRunner:
    parent = QWidget()
    qtbot.addWidget(parent)
    return TaskRunner(parent, show_after_ms=100)


def test_result_arrives_by_signal_then_finished(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[str] = []
    runner.show_after_ms = 5000  # "quick" on a loaded CI machine too (100 ms is not always enough there)
    task = runner.run(lambda progress: 6 * 7, title="计算")
    task.succeeded.connect(lambda value: seen.append(f"ok {value}"))
    task.finished.connect(lambda: seen.append("finished"))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == ["ok 42", "finished"]
    assert not runner.busy and runner.dialog is None  # quick work shows no dialog


def test_exception_arrives_by_signal_and_finished_still_comes(qtbot: QtBot, runner: TaskRunner) -> None:
    def work(_progress: Progress) -> None:
        raise ValueError("坏数据")

    task = runner.run(work, title="失败")
    seen: list[object] = []
    task.failed.connect(seen.append)
    task.finished.connect(lambda: seen.append("finished"))
    with qtbot.waitSignals([task.failed, task.finished], order="strict", timeout=5000):
        pass
    assert isinstance(seen[0], ValueError) and seen[1] == "finished"
    assert isinstance(task.error, ValueError)


def test_slow_work_shows_a_dialog_that_cancels(qtbot: QtBot, runner: TaskRunner) -> None:
    started, release = threading.Event(), threading.Event()
    steps: list[int] = []

    def work(progress: Progress) -> str:
        started.set()
        for i in range(1000):
            release.wait(0.01)
            progress(i, 1000, f"第 {i} 步")
            steps.append(i)
        return "done"

    task = runner.run(work, title="慢活")
    progresses: list[tuple[int, int, str]] = []
    task.progressed.connect(lambda d, t, x: progresses.append((d, t, x)))
    qtbot.waitUntil(lambda: runner.dialog is not None and runner.dialog.isVisible(), timeout=5000)
    assert runner.dialog.windowTitle() == "请稍候"
    cancel = runner.dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    with qtbot.waitSignals([task.cancelled, task.finished], timeout=5000):
        cancel.click()
    assert task.result is None and len(steps) < 1000
    assert progresses and progresses[0][1] == 1000
    qtbot.waitUntil(lambda: runner.dialog is None or not runner.dialog.isVisible())


def test_writes_run_one_at_a_time(qtbot: QtBot, runner: TaskRunner) -> None:
    active, most = [0], [0]
    lock = threading.Lock()

    def write(_progress: Progress) -> None:
        with lock:
            active[0] += 1
            most[0] = max(most[0], active[0])
        threading.Event().wait(0.02)
        with lock:
            active[0] -= 1

    tasks = [runner.run(write, title="写", writes=True) for _ in range(4)]
    with qtbot.waitSignals([t.finished for t in tasks], timeout=5000):
        pass
    assert most[0] == 1


def test_progress_raises_once_cancelled(runner: TaskRunner) -> None:
    from gdiiot_desktop.gui.tasks import Task

    task = Task("x")
    progress = Progress(task)
    progress(1, 2)
    task.cancel()
    with pytest.raises(Cancelled):
        progress(2, 2)


def test_a_read_a_write_finished_under_is_read_again(qtbot: QtBot, runner: TaskRunner) -> None:
    # The window must not show the state from before a change it already made: a read that started
    # before a write and ends after it is read again before its result is delivered.
    state = {"value": "旧"}
    reading, release = threading.Event(), threading.Event()
    reads: list[str] = []

    def read(_progress: Progress) -> str:
        seen = state["value"]
        reads.append(seen)
        if len(reads) == 1:
            reading.set()
            release.wait(5)
        return seen

    def write(_progress: Progress) -> None:
        state["value"] = "新"

    read_task = runner.run(read, title="读取")
    results: list[str] = []
    read_task.succeeded.connect(results.append)
    qtbot.waitUntil(reading.is_set, timeout=5000)
    write_task = runner.run(write, title="保存", writes=True)
    with qtbot.waitSignal(write_task.finished, timeout=5000):
        pass
    with qtbot.waitSignal(read_task.finished, timeout=5000):  # connected before the read can end
        release.set()
    assert reads == ["旧", "新"] and results == ["新"]
