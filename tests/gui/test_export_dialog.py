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
    assert "可以导出：3 个推荐项目" in dialog.ui.summaryLabel.text()
    assert "项目介绍.docx" in dialog.ui.messagesText.toPlainText()  # the Word file is flagged before export
    assert dialog.ui.exportButton.isEnabled() and not dialog.ui.openButton.isEnabled()
    dialog.kind_boxes[ExportKind.ISO].setChecked(False)
    steps: list[int] = []
    dialog.ui.progressBar.valueChanged.connect(steps.append)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.ui.exportButton.click()
        assert dialog.ui.cancelButton.isEnabled() and not dialog.ui.exportButton.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.export_result is not None and steps and max(steps) == dialog.ui.progressBar.maximum()
    assert (tmp_path / "out" / "光盘" / "manifest.json").is_file()
    assert not list((tmp_path / "out").glob("*.iso"))
    assert dialog.export_result.snapshot.id in dialog.ui.messagesText.toPlainText()
    opened: list[str] = []
    monkeypatch.setattr(
        "gdiiot_desktop.gui.export_dialog.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    assert dialog.ui.openButton.isEnabled()
    dialog.ui.openButton.click()
    assert opened == [str(tmp_path / "out")]


def test_cancel_leaves_nothing_under_final_names(
    qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, city, runner, tmp_path / "out")
    gate = threading.Event()
    runner.run(lambda _p: gate.wait(10), title="占用写线程", writes=True)  # the export queues behind it
    with qtbot.waitSignal(dialog.export_cancelled, timeout=20_000):
        dialog.ui.exportButton.click()
        dialog.ui.cancelButton.click()
        gate.set()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert "已取消" in dialog.ui.progressLabel.text()
    out = tmp_path / "out"
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]
    assert not dialog.ui.openButton.isEnabled() and dialog.ui.exportButton.isEnabled()


def test_blocking_errors_are_listed_and_export_disabled(
    qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path
) -> None:
    service = ApplicationService(city.ws)
    app = service.get(city.ids[2])
    service.save(replace(app, build_status=BuildStatus.NOT_BUILT))
    dialog = make_dialog(qtbot, city, runner, tmp_path / "out")
    assert "1 个错误" in dialog.ui.summaryLabel.text()
    assert app.project_name in dialog.ui.messagesText.toPlainText()
    assert not dialog.ui.exportButton.isEnabled()


def test_the_form_offers_every_export_kind_under_its_own_label(
    qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path
) -> None:
    dialog = ExportDialog(city.ws, runner, clock=lambda: CLOCK, out_dir=tmp_path / "out")
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "exportDialog" and dialog.windowTitle() == "导出报送材料"
    assert [dialog.kind_boxes[k].text() for k in ExportKind] == [k.label for k in ExportKind]
    assert all(box.isChecked() for box in dialog.kind_boxes.values())
    assert dialog.ui.outDirEdit.text() == str(tmp_path / "out")
    assert [dialog.ui.mediumCombo.itemText(i) for i in range(dialog.ui.mediumCombo.count())][1:] == [
        "CD（700 MB）", "DVD（4.7 GB）", "DVD 双层（8.5 GB）"
    ]  # fmt: skip
    # The disc type only matters for the disc folder and the ISO.
    for kind in (ExportKind.DISC, ExportKind.ISO):
        dialog.kind_boxes[kind].setChecked(False)
    assert not dialog.ui.mediumCombo.isEnabled()


def test_choosing_a_template_names_its_empty_columns_before_export(
    qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.exports.official_template import make_official_template

    template = make_official_template(tmp_path / "附件4模板.xlsx")
    dialog = make_dialog(qtbot, city, runner, tmp_path / "out")
    monkeypatch.setattr(
        "gdiiot_desktop.gui.export_dialog.QFileDialog.getOpenFileName", lambda *a, **k: (str(template), "")
    )
    dialog.ui.pickTemplateButton.click()
    text = dialog.ui.messagesText.toPlainText()
    assert "将留空" in text and "审核意见" in text and "预留 5 行" in text
    assert "项目介绍.docx" in text  # the check's own warnings stay
    dialog.ui.templateEdit.setText(str(tmp_path / "没有.xlsx"))
    dialog.describe_template()
    assert "找不到汇总表模板" in dialog.ui.messagesText.toPlainText()
