"""The bundle dialog: a county exports, the city previews (changes, conflicts, cross-county) and imports
with per-field choices, returns two applications with a reason, and the county sees them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
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
    settle(qtbot, dialog)  # the lists and keys are read on the runner
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
        assert cd.ui.exportCountyCombo.currentText() == "南海区"
        first = tmp_path / "南海区-1.gdiiot"
        cd.ui.exportPathEdit.setText(str(first))
        qtbot.mouseClick(cd.ui.exportBundleButton, Qt.MouseButton.LeftButton)
        settle(qtbot, cd)
        assert first.exists() and "已导出南海区数据包" in cd.ui.exportResultLabel.text()

        county_fp = cd.ui.exportFingerprintLabel.text()
        assert len(county_fp.split()) == 6 and county_fp in cd.ui.ownFingerprintLabel.text()

        # The city previews it: the fingerprint is shown, to be checked by phone before the import.
        dd = dialog_for(qtbot, city)
        dd.ui.importPathEdit.setText(str(first))
        qtbot.mouseClick(dd.ui.previewBundleButton, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        assert "新增 4 项" in dd.ui.bundleSummaryLabel.text()
        assert "尚未确认" in dd.ui.bundleSummaryLabel.text() and county_fp in dd.ui.bundleSummaryLabel.text()
        assert dd.changes_model.rowCount() == 4
        asked: list[str] = []
        dd.confirm_trust = lambda trust: asked.append(trust.label) or False  # type: ignore[method-assign]
        qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)
        assert asked == ["南海区"] and ApplicationService(city).list() == []  # said no: nothing imported
        dd.confirm_trust = lambda trust: True  # type: ignore[method-assign]
        with qtbot.waitSignal(dd.data_changed, timeout=20_000):
            qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)
        assert len(ApplicationService(city).list()) == 4
        settle(qtbot, dd)
        assert "南海区：" + county_fp in dd.ui.pinsText.toPlainText()

        # Both change the same field: the city decides field by field in the conflicts table.
        target = sorted(ApplicationService(county).list(), key=lambda a: a.id)[0]
        ApplicationService(county).save(replace(target, total_investment=111.0, co_applicants="县区联合单位"))
        mine = next(a for a in ApplicationService(city).list() if a.uid == target.uid)
        ApplicationService(city).save(replace(mine, total_investment=222.0, co_applicants="市局联合单位"))
        second = tmp_path / "南海区-2.gdiiot"
        cd.ui.exportPathEdit.setText(str(second))
        qtbot.mouseClick(cd.ui.exportBundleButton, Qt.MouseButton.LeftButton)
        settle(qtbot, cd)
        dd.ui.importPathEdit.setText(str(second))
        qtbot.mouseClick(dd.ui.previewBundleButton, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        assert dd.conflicts_model.rowCount() == 2
        labels = [dd.conflicts_model.item(r, 1).text() for r in range(2)]
        row = labels.index("联合申报单位")
        dd.conflicts_model.item(row, 4).setCheckState(Qt.CheckState.Checked)  # take the county's value
        assert sorted(dd.decisions().values()) == ["city", "county"]
        with qtbot.waitSignal(dd.data_changed, timeout=20_000):
            qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)
        merged = next(a for a in ApplicationService(city).list() if a.uid == target.uid)
        assert (merged.total_investment, merged.co_applicants) == (222.0, "县区联合单位")

        # The city returns two applications with a reason and exports the return bundle.
        dd.refresh_lists()
        settle(qtbot, dd)
        dd.ui.returnAppsView.selectRow(0)
        dd.ui.returnAppsView.selectionModel().select(
            dd.apps_model.index(1, 0),
            dd.ui.returnAppsView.selectionModel().SelectionFlag.Select
            | dd.ui.returnAppsView.selectionModel().SelectionFlag.Rows,
        )
        dd.ui.returnReasonEdit.setText("缺少审计报告")
        with qtbot.waitSignal(dd.data_changed, timeout=20_000):
            qtbot.mouseClick(dd.ui.markReturnButton, Qt.MouseButton.LeftButton)
        assert sum(a.status is Status.RETURNED for a in ApplicationService(city).list()) == 2
        assert "缺少审计报告" in dd.ui.returnsText.toPlainText()
        back = tmp_path / "退回.gdiiot"
        dd.ui.returnCountyCombo.setCurrentText("南海区")
        dd.ui.returnPathEdit.setText(str(back))
        qtbot.mouseClick(dd.ui.exportReturnButton, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        assert back.exists() and "2 个项目" in dd.last_message

        # The county imports the return bundle through the same dialog and sees the reasons.
        cd.ui.importPathEdit.setText(str(back))
        qtbot.mouseClick(cd.ui.previewBundleButton, Qt.MouseButton.LeftButton)
        settle(qtbot, cd)
        assert "退回了 2 个项目" in cd.ui.bundleSummaryLabel.text()
        cd.confirm_trust = lambda trust: trust.label == "佛山市局"  # type: ignore[method-assign]
        with qtbot.waitSignal(cd.data_changed, timeout=20_000):
            qtbot.mouseClick(cd.ui.importBundleButton, Qt.MouseButton.LeftButton)
        assert "缺少审计报告" in cd.ui.returnsText.toPlainText()
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
        dd.ui.importPathEdit.setText(str(broken))
        qtbot.mouseClick(dd.ui.previewBundleButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        assert "已损坏" in shown[0]
        assert not dd.ui.importBundleButton.isEnabled()
        # An import refused is recorded and listed on the keys page.
        shown.clear()
        qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)  # disabled: nothing happens
        from gdiiot_desktop.services import exchange

        with pytest.raises(exchange.BundleDamagedError):
            exchange.import_bundle(city, broken)
        dd.refresh_keys()
        settle(qtbot, dd)
        assert "坏.gdiiot" in dd.ui.refusalsText.toPlainText() and "已损坏" in dd.ui.refusalsText.toPlainText()
        dd.runner.shutdown()
    finally:
        city.close()


def test_each_browse_button_fills_its_own_path(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(name: str) -> object:
        def choose(parent: object, title: str, start: str, pattern: str) -> tuple[str, str]:
            asked.append(title)
            return str(tmp_path / name), pattern

        return choose

    dialogs = "gdiiot_desktop.gui.exchange_dialog.QFileDialog"
    monkeypatch.setattr(f"{dialogs}.getSaveFileName", answer("保存.gdiiot"))
    monkeypatch.setattr(f"{dialogs}.getOpenFileName", answer("打开.gdiiot"))
    city = make_city(tmp_path)
    try:
        dd = dialog_for(qtbot, city)
        ui = dd.ui
        qtbot.mouseClick(ui.browseImportPathButton, Qt.MouseButton.LeftButton)
        assert ui.importPathEdit.text() == str(tmp_path / "打开.gdiiot")
        assert ui.exportPathEdit.text() == "" and ui.returnPathEdit.text() == ""
        qtbot.mouseClick(ui.browseExportPathButton, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(ui.browseReturnPathButton, Qt.MouseButton.LeftButton)
        assert ui.exportPathEdit.text() == ui.returnPathEdit.text() == str(tmp_path / "保存.gdiiot")
        assert asked == ["选择数据包", "保存数据包", "保存数据包"]
        assert not hasattr(ui, "importPassphraseEdit")  # one trust model: keys, no passphrase
        dd.runner.shutdown()
    finally:
        city.close()


def test_withdrawals_are_imported_only_after_the_confirmation(qtbot: QtBot, tmp_path: Path) -> None:
    from gdiiot_desktop.services import exchange
    from tests.exchange.helpers import pin_both

    (tmp_path / "county").mkdir()
    (tmp_path / "city").mkdir()
    county = make_county(tmp_path / "county")
    city = make_city(tmp_path / "city")
    try:
        pin_both(county, city)
        first = tmp_path / "1.gdiiot"
        exchange.export_county_bundle(county, first)
        exchange.import_bundle(city, first)
        gone = ApplicationService(county).list()[0]
        ApplicationService(county).delete(gone.id or 0, "企业放弃")
        second = tmp_path / "2.gdiiot"
        exchange.export_county_bundle(county, second)

        dd = dialog_for(qtbot, city)
        dd.ui.importPathEdit.setText(str(second))
        qtbot.mouseClick(dd.ui.previewBundleButton, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        assert "导入时需确认" in dd.ui.bundleSummaryLabel.text()
        asked: list[list[str]] = []
        dd.confirm_removals = lambda lines: asked.append(lines) or False  # type: ignore[method-assign]
        qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        assert len(asked) == 1 and gone.project_name in asked[0][0]
        statuses = {a.uid: a.status for a in ApplicationService(city).list()}
        assert statuses[gone.uid] is Status.REGISTERED  # said no: nothing written
        dd.confirm_removals = lambda lines: True  # type: ignore[method-assign]
        with qtbot.waitSignal(dd.data_changed, timeout=20_000):
            qtbot.mouseClick(dd.ui.importBundleButton, Qt.MouseButton.LeftButton)
        statuses = {a.uid: a.status for a in ApplicationService(city).list()}
        assert statuses[gone.uid] is Status.WITHDRAWN
        dd.runner.shutdown()
    finally:
        county.close()
        city.close()


def test_key_change_from_the_dialog_is_audited(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from gdiiot_desktop.services.exchange import keys
    from tests.exchange.helpers import office_fingerprint, pin_both

    (tmp_path / "county").mkdir()
    (tmp_path / "city").mkdir()
    county = make_county(tmp_path / "county")
    city = make_city(tmp_path / "city")
    try:
        pin_both(county, city)
        old = office_fingerprint(county)
        dd = dialog_for(qtbot, city)
        settle(qtbot, dd)
        assert "南海区：" + old in dd.ui.pinsText.toPlainText()
        new = "13579 24680 11223 34455 66778 89900"
        dialogs = "gdiiot_desktop.gui.exchange_dialog.QInputDialog"
        monkeypatch.setattr(f"{dialogs}.getItem", lambda *a, **k: ("南海区", True))
        answers = iter([(new, True), ("南海区电脑重装，已电话核对", True)])
        monkeypatch.setattr(f"{dialogs}.getText", lambda *a, **k: next(answers))
        dd.ui.exchangeTabs.setCurrentWidget(dd.ui.keysTab)
        qtbot.mouseClick(dd.ui.replaceKeyButton, Qt.MouseButton.LeftButton)
        settle(qtbot, dd)
        qtbot.waitUntil(lambda: new in dd.ui.pinsText.toPlainText(), timeout=20_000)
        assert "等待第一个数据包" in dd.ui.pinsText.toPlainText() and "已更换" in dd.ui.pinsText.toPlainText()
        pins = keys.list_pins(city)
        assert [(p.fingerprint, p.reason) for p in pins] == [(new.replace(" ", ""), "南海区电脑重装，已电话核对")]
        shots = os.environ.get("GDIIOT_SHOTS")
        if shots:  # a look at the page, for the report
            Path(shots).mkdir(parents=True, exist_ok=True)
            dd.resize(900, 640)
            dd.grab().save(str(Path(shots) / "exchange-keys-tab.png"))
        dd.runner.shutdown()
    finally:
        county.close()
        city.close()
