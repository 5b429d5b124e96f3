"""The bundle dialog: a county exports, the city previews (changes, conflicts, cross-county) and imports
with per-field choices, returns two applications with a reason, and the county sees them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.gui.exchange_dialog import ExchangeDialog
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services.applications import ApplicationService
from tests.exchange.helpers import make_city, make_county


def dialog_for(qtbot: QtBot, ws: object) -> ExchangeDialog:
    runner = TaskRunner(None, show_after_ms=10_000)
    dialog = ExchangeDialog(ws, runner)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def settle(qtbot: QtBot, dialog: ExchangeDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20_000)


def test_export_preview_decide_import_and_return(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "county").mkdir()
    (tmp_path / "city").mkdir()
    county = make_county(tmp_path / "county")
    city = make_city(tmp_path / "city")
    try:
        # The county exports from the dialog.
        cd = dialog_for(qtbot, county)
        assert cd.county_combo.currentText() == "南海区"
        first = tmp_path / "南海区-1.gdiiot"
        cd.export_path.edit.setText(str(first))
        qtbot.mouseClick(cd.export_button, Qt.MouseButton.LeftButton)
        settle(qtbot, cd)
        assert first.exists() and "已导出南海区数据包" in cd.export_result.text()

        # The city previews and imports it.
        dd = dialog_for(qtbot, city)
        dd.import_path.edit.setText(str(first))
        qtbot.mouseClick(dd.preview_button, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        assert "新增 4 项" in dd.summary_label.text()
        assert dd.changes_model.rowCount() == 4
        with qtbot.waitSignal(dd.data_changed, timeout=20_000):
            qtbot.mouseClick(dd.import_button, Qt.MouseButton.LeftButton)
        assert len(ApplicationService(city).list()) == 4

        # Both change the same field: the city decides field by field in the conflicts table.
        target = sorted(ApplicationService(county).list(), key=lambda a: a.id)[0]
        ApplicationService(county).save(replace(target, total_investment=111.0, co_applicants="县区联合单位"))
        mine = next(a for a in ApplicationService(city).list() if a.uid == target.uid)
        ApplicationService(city).save(replace(mine, total_investment=222.0, co_applicants="市局联合单位"))
        second = tmp_path / "南海区-2.gdiiot"
        cd.export_path.edit.setText(str(second))
        qtbot.mouseClick(cd.export_button, Qt.MouseButton.LeftButton)
        settle(qtbot, cd)
        dd.import_path.edit.setText(str(second))
        qtbot.mouseClick(dd.preview_button, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        assert dd.conflicts_model.rowCount() == 2
        labels = [dd.conflicts_model.item(r, 1).text() for r in range(2)]
        row = labels.index("联合申报单位")
        dd.conflicts_model.item(row, 4).setCheckState(Qt.CheckState.Checked)  # take the county's value
        assert sorted(dd.decisions().values()) == ["city", "county"]
        with qtbot.waitSignal(dd.data_changed, timeout=20_000):
            qtbot.mouseClick(dd.import_button, Qt.MouseButton.LeftButton)
        merged = next(a for a in ApplicationService(city).list() if a.uid == target.uid)
        assert (merged.total_investment, merged.co_applicants) == (222.0, "县区联合单位")

        # The city returns two applications with a reason and exports the return bundle.
        dd.refresh_lists()
        dd.apps_view.selectRow(0)
        dd.apps_view.selectionModel().select(
            dd.apps_model.index(1, 0),
            dd.apps_view.selectionModel().SelectionFlag.Select | dd.apps_view.selectionModel().SelectionFlag.Rows,
        )
        dd.reason_edit.setText("缺少审计报告")
        with qtbot.waitSignal(dd.data_changed, timeout=20_000):
            qtbot.mouseClick(dd.mark_button, Qt.MouseButton.LeftButton)
        assert sum(a.status is Status.RETURNED for a in ApplicationService(city).list()) == 2
        assert "缺少审计报告" in dd.returns_text.toPlainText()
        back = tmp_path / "退回.gdiiot"
        dd.return_county.setCurrentText("南海区")
        dd.return_path.edit.setText(str(back))
        qtbot.mouseClick(dd.return_button, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        assert back.exists() and "2 个项目" in dd.last_message

        # The county imports the return bundle through the same dialog and sees the reasons.
        cd.import_path.edit.setText(str(back))
        qtbot.mouseClick(cd.preview_button, Qt.MouseButton.LeftButton)
        settle(qtbot, cd)
        assert "退回了 2 个项目" in cd.summary_label.text()
        with qtbot.waitSignal(cd.data_changed, timeout=20_000):
            qtbot.mouseClick(cd.import_button, Qt.MouseButton.LeftButton)
        assert "缺少审计报告" in cd.returns_text.toPlainText()
        cd.runner.shutdown()
        dd.runner.shutdown()
    finally:
        county.close()
        city.close()


def test_refused_bundle_shows_the_message(qtbot: QtBot, tmp_path: Path, monkeypatch: object) -> None:
    city = make_city(tmp_path)
    try:
        dd = dialog_for(qtbot, city)
        broken = tmp_path / "坏.gdiiot"
        broken.write_bytes(b"PK\x03\x04 not really")
        shown: list[str] = []
        import gdiiot_desktop.gui.exchange_dialog as module

        monkeypatch.setattr(module, "show_error", lambda parent, exc: shown.append(str(exc)))  # type: ignore[attr-defined]
        dd.import_path.edit.setText(str(broken))
        qtbot.mouseClick(dd.preview_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        assert "已损坏" in shown[0]
        assert not dd.import_button.isEnabled()
        dd.runner.shutdown()
    finally:
        city.close()
