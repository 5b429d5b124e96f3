"""The letter's wording edited in the export dialog; the settings dialog's 报送文件 tab (contact, fonts)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pdfplumber
import pytest
from pytestqt.qtbot import QtBot

from gdiiot_desktop.gui.export_dialog import ExportDialog
from gdiiot_desktop.gui.letter_dialog import LetterDialog
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.gui.settings_dialog import SettingsDialog
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services import document_settings
from gdiiot_desktop.services.exports import ExportKind
from gdiiot_desktop.services.workspace import Workspace
from tests.exports.builders import City, build_city
from tests.gui.test_export_dialog import make_dialog


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


def test_letter_wording_edited_before_export(qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path) -> None:
    dialog: ExportDialog = make_dialog(qtbot, city, runner, tmp_path / "out")
    assert dialog.letterButton.isEnabled() and "标题：韶关市工业和信息化局关于推荐" in dialog.letter_draft
    asked: list[str] = []

    def ask(text: str, draft: str) -> str:
        asked.append(text)
        return text.replace("请予审核。", "请予审核（界面修改）。")

    dialog.ask_letter = ask
    dialog.letterButton.click()
    assert asked == [dialog.letter_draft] and dialog.letter_text is not None
    for kind in (ExportKind.PACKAGE, ExportKind.DISC, ExportKind.ISO):
        dialog.kind_boxes[kind].setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.ui.exportButton.click()
    qtbot.waitUntil(lambda: not dialog.busy)
    with pdfplumber.open(tmp_path / "out" / "推荐函" / "推荐函.pdf") as pdf:
        assert "请予审核（界面修改）" in "".join(p.extract_text() for p in pdf.pages)


def test_letter_dialog_refuses_unreadable_wording(qtbot: QtBot) -> None:
    draft = "发文机关标志：甲\n标题：乙\n主送机关：丙\n正文：\n丁\n发文机关署名：甲\n成文日期：2023年12月1日\n"
    dialog = LetterDialog(draft, draft)
    qtbot.addWidget(dialog)
    dialog.edit.setPlainText("正文：\n只有正文")
    dialog.accept()
    assert "缺少" in dialog.error.text() and dialog.result() != LetterDialog.DialogCode.Accepted
    dialog.reset_button.click()
    assert dialog.text() == draft


def test_documents_tab_contact_and_fonts(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], tmp_path: Path
) -> None:
    window = open_window(ws)
    dialog = SettingsDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.waitSignal(dialog.loaded, timeout=10_000).wait()  # read on the session's runner
    tab = dialog.documents_tab
    qtbot.waitUntil(lambda: all(label.text() for label in tab.font_labels.values()), timeout=10_000)
    assert dialog.ui.settingsTabs.tabText(dialog.ui.settingsTabs.count() - 1) == "报送文件"
    # This machine has no government fonts: every role says the shipped font stands in, as a warning.
    assert all("⚠" in label.text() and "文泉驿" in label.text() for label in tab.font_labels.values())
    tab.contactEdit.setText("王芳")
    tab.phoneEdit.setText("0757-83338888")
    with qtbot.waitSignal(window.session.settings_changed, timeout=5000):
        tab.saveContactButton.click()
    assert document_settings.get_contact(ws) == document_settings.Contact("王芳", "0757-83338888")
    otf = tmp_path / "SourceHanSerif.otf"
    otf.write_bytes(b"OTTO" + b"\0" * 40)
    shown: list[str] = []
    import gdiiot_desktop.gui.settings_dialog as module

    original = module.show_error
    module.show_error = lambda parent, exc, title: shown.append(str(exc))
    try:
        tab.pick_file = lambda role: otf
        tab.choose_font("body")
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        module.show_error = original
    assert "CFF" in shown[0]


def test_export_dialog_asks_why_required_materials_are_missing(
    qtbot: QtBot, city: City, runner: TaskRunner, tmp_path: Path
) -> None:
    from tests.exports.test_explanations import index_text, strip_third

    app_id = strip_third(city)
    dialog: ExportDialog = make_dialog(qtbot, city, runner, tmp_path / "out")
    assert "导出时须说明原因" in dialog.ui.messagesText.toPlainText()
    for kind in (ExportKind.TABLE, ExportKind.DISC, ExportKind.ISO):
        dialog.kind_boxes[kind].setChecked(False)
    dialog.ask_explanation = lambda item: None  # the official cancels: nothing is exported
    dialog.ui.exportButton.click()
    assert "未导出" in dialog.ui.progressLabel.text() and not dialog.busy
    asked: list[str] = []
    dialog.ask_explanation = lambda item: asked.append(item.text) or "企业另行报送"
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.ui.exportButton.click()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert len(asked) == 1 and f"编号 {app_id}" in asked[0]
    package = sorted((tmp_path / "out" / "纸质材料").glob("03_*.pdf"))[0]
    assert "说明：企业另行报送" in index_text(package)
