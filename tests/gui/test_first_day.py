"""A first day that guides: the empty list's ways to start, the template, badges that act, 帮助."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from gdiiot_desktop import __version__
from gdiiot_desktop.gui.main_window import PAGE_APPLICATIONS, PAGE_BOARD, PAGE_CAMPAIGN, MainWindow
from gdiiot_desktop.services.workspace import Workspace
from tests.gui.conftest import sample, seed


def test_an_empty_database_shows_the_ways_to_start(qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]) -> None:
    window = open_window(ws)
    empty = window.empty_state
    assert empty.isVisible() and not window.ui.listSplitter.isVisible()
    texts = [b.text() for b in empty.buttons.values()]
    assert texts == ["新建项目", "导入 Excel…", "导入县区数据包…", "保存 Excel 导入模板…"]
    assert all(b.isEnabled() for b in empty.buttons.values())
    # 新建项目 opens the editor on a new application; once one is saved the list takes the place.
    empty.buttons["newButton"].click()
    editor = window.editor
    assert editor is not None and editor.app is None
    editor.ui.projectNameEdit.setText("陶瓷智能工厂")
    editor.ui.applicantNameEdit.setText("佛山市陶瓷有限公司")
    editor.ui.countyCombo.setCurrentText("禅城区")
    editor.save(close=True)
    qtbot.waitUntil(lambda: window.editor is None and window.model is not None and window.model.rowCount() == 1, timeout=10_000)
    assert not empty.isVisible() and window.ui.listSplitter.isVisible()


def test_the_bundle_way_opens_the_import_tab(qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]) -> None:
    window = open_window(ws)
    window.empty_state.buttons["bundleButton"].click()
    from gdiiot_desktop.gui.exchange_dialog import ExchangeDialog

    dialog = window.findChild(ExchangeDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.exchangeTabs.currentWidget() is dialog.ui.importTab
    dialog.close()


def test_the_template_is_saved_from_the_empty_list_and_the_file_menu(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(ws)
    assert window.actionSaveTemplate in window.ui.menuFile.actions()
    target = tmp_path / "导入模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel 表格 (*.xlsx)"))
    window.empty_state.buttons["templateButton"].click()
    assert target.exists()
    book = openpyxl.load_workbook(target)
    headers = [c.value for c in book.worksheets[0][1] if c.value]
    assert "项目名称" in " ".join(map(str, headers)) or any("项目名称" in str(c.value) for row in book.worksheets[0].iter_rows(max_row=3) for c in row)
    target.unlink()
    window.actionSaveTemplate.trigger()
    assert target.exists()
    assert "已保存导入模板" in window.ui.statusbar.currentMessage()


def test_badges_open_their_pages(qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]) -> None:
    seed(ws, sample(ws, 3))
    window = open_window(ws)
    ui = window.ui
    assert ui.directionsNotice.isVisible()
    QTest.mouseClick(ui.directionsNotice, Qt.MouseButton.LeftButton)
    assert ui.pages.currentIndex() == PAGE_CAMPAIGN
    QTest.mouseClick(ui.quotaLabel, Qt.MouseButton.LeftButton)
    assert ui.pages.currentIndex() == PAGE_BOARD
    ui.pages.setCurrentIndex(PAGE_APPLICATIONS)
    QTest.mouseClick(ui.quotaBar, Qt.MouseButton.LeftButton)
    assert ui.pages.currentIndex() == PAGE_BOARD


def test_help_menu_manual_about_and_log_folder(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(ws)
    titles = [a.text() for a in window.ui.menuHelp.actions() if not a.isSeparator()]
    assert titles == ["使用说明", "打开日志文件夹", "关于"]
    manual = window.show_help()
    assert manual.isVisible()
    text = manual.browser.toPlainText()
    for part in ("县（区）的工作", "地级以上市的工作", "二(三)", "三(二)", "四(一)", "粤工信工业互联网函〔2023〕37号"):
        assert part in text
    manual.close()
    box = window.show_about_box()
    assert f"版本 {__version__}" in box.text() and "2023年工业互联网试点示范项目推荐" in box.text()
    box.close()
    # The log folder is opened in the data folder; when nothing answers, the user is told where it is.
    monkeypatch.setenv("GDIIOT_DATA_DIR", str(tmp_path / "data"))
    opened: list[str] = []
    window.open_url = lambda url: opened.append(url.toLocalFile()) or True
    assert window.open_log_folder() is True
    assert opened == [str(tmp_path / "data" / "logs")] and (tmp_path / "data" / "logs").is_dir()
    window.open_url = lambda url: False
    assert window.open_log_folder() is False
    failed = window.findChild(QMessageBox, "openFolderFailedBox")
    assert failed is not None and failed.isVisible() and str(tmp_path / "data" / "logs") in failed.text()
    failed.close()


def test_opening_an_export_folder_that_nothing_opens_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    from gdiiot_desktop.gui.desktop import open_folder

    calls: list[QUrl] = []
    assert open_folder(None, tmp_path, lambda url: calls.append(url) or False) is False
    assert calls and calls[0].toLocalFile() == str(tmp_path)
    box = next(w for w in qtbot_top_levels() if w.objectName() == "openFolderFailedBox")
    assert "没有程序能打开这个文件夹" in box.text() and str(tmp_path) in box.text()
    box.close()


def qtbot_top_levels() -> list[QMessageBox]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
