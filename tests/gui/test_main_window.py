"""The main window opens offscreen with its title, header labels, table view and status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QLabel, QMainWindow, QStatusBar, QTableView
from pytestqt.qtbot import QtBot

from gdiiot_desktop.app import build_main_window
from gdiiot_desktop.gui.main_window import WINDOW_TITLE, HeaderTexts, MainWindow


def header_labels(window: MainWindow) -> dict[str, str]:
    ui = window.ui
    return {
        "city": ui.cityLabel.text(),
        "campaign": ui.campaignLabel.text(),
        "deadline": ui.deadlineLabel.text(),
        "quota": ui.quotaLabel.text(),
    }


def test_window_opens_with_title_and_widgets(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert isinstance(window, QMainWindow)
    assert window.windowTitle() == "广东省工业互联网试点示范申报管理" == WINDOW_TITLE
    table = window.findChild(QTableView, "applicationsView")
    assert table is window.ui.applicationsView
    assert table.isVisible()
    assert window.centralWidget().isAncestorOf(table)
    assert isinstance(window.statusBar(), QStatusBar)
    assert window.statusBar() is window.ui.statusbar
    for name in ("cityLabel", "campaignLabel", "deadlineLabel", "quotaLabel"):
        label = window.findChild(QLabel, name)
        assert label is not None and label.isVisible(), name
    captions = [
        window.findChild(QLabel, n).text()
        for n in ("cityCaption", "campaignCaption", "deadlineCaption", "quotaCaption")
    ]
    assert captions == ["地市：", "申报批次：", "截止：", "推荐名额："]


def test_defaults_without_a_header_source(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert header_labels(window) == {"city": "未选择", "campaign": "未加载", "deadline": "—", "quota": "—"}


def test_header_texts_come_from_the_source_and_refresh(qtbot: QtBot) -> None:
    current = [
        HeaderTexts(
            city="广州市",
            campaign="2023年工业互联网试点示范",
            deadline="还剩 12 天（12月8日）",
            quota="3 / 8",
        )
    ]
    window = MainWindow(header_source=lambda: current[0])
    qtbot.addWidget(window)
    assert header_labels(window) == {
        "city": "广州市",
        "campaign": "2023年工业互联网试点示范",
        "deadline": "还剩 12 天（12月8日）",
        "quota": "3 / 8",
    }

    current[0] = HeaderTexts(
        city="汕头市", campaign="2023年工业互联网试点示范", deadline="已截止", quota="6 / 5"
    )
    window.refresh_header()
    assert header_labels(window)["city"] == "汕头市"
    assert header_labels(window)["deadline"] == "已截止"
    assert header_labels(window)["quota"] == "6 / 5"

    window.set_header_source(None)
    assert header_labels(window)["city"] == "未选择"


def test_table_takes_a_model_and_status_bar_shows_messages(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    model = QStringListModel(["项目甲", "项目乙"])
    window.set_applications_model(model)
    assert window.ui.applicationsView.model() is model
    assert window.ui.applicationsView.model().rowCount() == 2

    window.show_status("已保存")
    assert window.statusBar().currentMessage() == "已保存"


def test_composition_root_shows_the_database(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "城市.sqlite3"
    window = build_main_window(db)
    qtbot.addWidget(window)
    assert window.database_label.text() == f"数据库：{db}"
    assert window.statusBar().isAncestorOf(window.database_label)
