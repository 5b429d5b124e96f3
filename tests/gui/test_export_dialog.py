"""The export dialog: checks first, exports off the GUI thread with progress, cancels cleanly, opens the folder."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.enums import BuildStatus
from gdiiot_desktop.gui.export_dialog import ExportDialog
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.exports import ExportKind
from tests.exports.builders import City, build_city

CLOCK = datetime(2023, 11, 28, 10, 0)


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    built = build_city(tmp_path)
    yield built
    built.ws.close()


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner(show_after_ms=60_000)
    yield made
    made.shutdown()


def make_dialog(qtbot: QtBot, city: City, runner: TaskRunner, out: Path) -> ExportDialog:
    dialog = ExportDialog(city.ws, runner, clock=lambda: CLOCK, out_dir=out)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy)
    return dialog


def test_export_runs_in_the_background_and_opens_the_folder(
    qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(qtbot, city, runner, tmp_path / "out")
    assert "可以导出：3 个推荐项目" in dialog.summary.text()
    assert "项目介绍.docx" in dialog.messages.toPlainText()  # the Word file is flagged before export
    assert dialog.export_button.isEnabled() and not dialog.open_button.isEnabled()
    dialog.kind_boxes[ExportKind.ISO].setChecked(False)
    steps: list[int] = []
    dialog.progress.valueChanged.connect(steps.append)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
        assert dialog.cancel_button.isEnabled() and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.export_result is not None and steps and max(steps) == dialog.progress.maximum()
    assert (tmp_path / "out" / "光盘" / "manifest.json").is_file()
    assert not list((tmp_path / "out").glob("*.iso"))
    assert dialog.export_result.snapshot.id in dialog.messages.toPlainText()
    opened: list[str] = []
    monkeypatch.setattr("gdiiot_desktop.gui.export_dialog.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()))
    assert dialog.open_button.isEnabled()
    dialog.open_button.click()
    assert opened == [str(tmp_path / "out")]


def test_cancel_leaves_nothing_under_final_names(qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, city, runner, tmp_path / "out")
    gate = threading.Event()
    runner.run(lambda _p: gate.wait(10), title="占用写线程", writes=True)  # the export queues behind it
    with qtbot.waitSignal(dialog.export_cancelled, timeout=20_000):
        dialog.export_button.click()
        dialog.cancel_button.click()
        gate.set()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "已取消" in dialog.progress_text.text()
    out = tmp_path / "out"
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]
    assert not dialog.open_button.isEnabled() and dialog.export_button.isEnabled()


def test_blocking_errors_are_listed_and_export_disabled(qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path) -> None:
    service = ApplicationService(city.ws)
    app = service.get(city.ids[2])
    service.save(replace(app, build_status=BuildStatus.NOT_BUILT))
    dialog = make_dialog(qtbot, city, runner, tmp_path / "out")
    assert "1 个错误" in dialog.summary.text()
    assert app.project_name in dialog.messages.toPlainText()
    assert not dialog.export_button.isEnabled()
