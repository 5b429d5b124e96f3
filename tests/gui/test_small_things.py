"""The small things of issue 12 point 7 (and field messages, point 5), each through the widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from gdiiot_desktop.demo import build_demo
from gdiiot_desktop.gui.board import BoardModel, BoardPage
from gdiiot_desktop.gui.editor import ApplicationEditor
from gdiiot_desktop.gui.main_window import PAGE_APPLICATIONS, PAGE_BOARD, MainWindow
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.workspace import Workspace, open_workspace
from tests.gui import test_board as board_tests
from tests.gui.conftest import sample, seed
from tests.gui.test_board import Where, drag_and_drop

started_drags = board_tests.started_drags  # the fixture that records the drags a view starts


def stored_order(ws: Workspace) -> list[int]:
    recommended = [a for a in ApplicationService(ws).list() if a.is_recommended]
    return [a.id for a in sorted(recommended, key=lambda a: a.priority or 0) if a.id is not None]


def test_toolbar_save_saves_the_board_from_any_page_and_the_header_follows_the_unsaved_board(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    ids = seed(ws, sample(ws, 5))
    ApplicationService(ws).set_order(ids[:2])
    window = open_window(ws)
    board = window.board
    assert isinstance(board, BoardPage)
    assert window.ui.quotaLabel.text() == "已推荐 2/8"
    board.recommend([ids[2], ids[3]])
    assert board.dirty
    assert window.ui.quotaLabel.text() == "已推荐 4/8（排序未保存）" and window.ui.quotaBar.value() == 4
    window.ui.pages.setCurrentIndex(PAGE_APPLICATIONS)
    assert window.ui.actionSave.isEnabled()
    window.ui.actionSave.trigger()
    qtbot.waitUntil(lambda: not board.dirty, timeout=10_000)
    assert stored_order(ws) == ids[:4]
    qtbot.waitUntil(lambda: window.ui.quotaLabel.text() == "已推荐 4/8", timeout=10_000)
    # Nothing left to save: it says so instead of pretending.
    assert window.save() is False
    assert "没有需要保存的修改" in window.ui.statusbar.currentMessage()


def test_the_selection_follows_the_dragged_and_the_moved_rows(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow],
    started_drags: list[tuple[str, list[int] | None]],
) -> None:  # fmt: skip
    ids = seed(ws, sample(ws, 6))
    ApplicationService(ws).set_order(ids[:4])
    window = open_window(ws)
    board = window.board
    assert isinstance(board, BoardPage)
    window.ui.pages.setCurrentIndex(PAGE_BOARD)
    rec_view, pool_view = board.ui.recommendedView, board.ui.poolView
    qtbot.waitExposed(rec_view)

    def selected(view) -> list[int]:  # type: ignore[no-untyped-def]
        model = view.model()
        return [model.ids[i.row()] for i in view.selectionModel().selectedRows()]

    drag_and_drop(started_drags, rec_view, 3, rec_view, 0, Where.OnItem)  # the 4th dropped on the 1st
    assert board.recommended.ids[0] == ids[3]
    assert selected(rec_view) == [ids[3]]
    # From the pool into the recommended list: selected where it landed.
    drag_and_drop(started_drags, pool_view, 0, rec_view, 1, Where.OnItem)
    landed = board.recommended.ids[1]
    assert landed in ids[4:] and selected(rec_view) == [landed]
    # By the buttons too.
    board.unrecommend([ids[0]])
    assert selected(pool_view) == [ids[0]]
    assert board.recommended.index(0, BoardModel.COL_PROJECT).data()


def test_field_messages_say_what_is_expected(qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]) -> None:
    window = open_window(ws)
    editor = window.edit_application(None)
    assert isinstance(editor, ApplicationEditor)
    ui = editor.ui
    ui.projectNameEdit.setText("陶瓷智能工厂")
    ui.contactMobileEdit.setText("1381234567")  # ten digits
    ui.foundedEdit.setText("2020年13月1日")
    assert "手机：应为以1开头的11位数字" in ui.contactMobileEdit.toolTip()
    assert "成立时间：" in ui.foundedEdit.toolTip()
    told: list[str] = []
    editor.tell = lambda title, text: told.append(text)  # type: ignore[method-assign]
    assert editor.save() is False
    assert "有 2 处填写格式不正确" in told[0]
    assert "• 手机：应为以1开头的11位数字" in told[0] and "• 成立时间：" in told[0]
    editor.dirty = False
    editor.reject()


def test_the_first_attachment_of_a_new_project_asks_before_saving_it(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], tmp_path: Path
) -> None:
    window = open_window(ws)
    editor = window.edit_application(None)
    assert isinstance(editor, ApplicationEditor)
    editor.ui.projectNameEdit.setText("陶瓷智能工厂")
    editor.ui.applicantNameEdit.setText("佛山市陶瓷有限公司")
    editor.ui.countyCombo.setCurrentText("禅城区")
    file = tmp_path / "申报书.pdf"
    file.write_bytes(b"%PDF-1.4 demo")
    editor.confirm_save_for_attachments = lambda: False  # type: ignore[method-assign]
    editor.add_files([file])
    qtbot.wait(200)
    assert editor.app is None and ApplicationService(ws).list() == []  # declined: nothing saved
    assert "添加时会询问" in editor.ui.attachmentsHint.text()
    editor.confirm_save_for_attachments = lambda: True  # type: ignore[method-assign]
    editor.add_files([file])
    qtbot.waitUntil(lambda: editor.attachments_model.rowCount() == 1, timeout=10_000)
    assert editor.app is not None and len(ApplicationService(ws).list()) == 1
    editor.reject()


def test_a_small_demo_database_can_be_made(tmp_path: Path) -> None:
    path = build_demo(tmp_path / "demo.sqlite3", count=6)
    ws = open_workspace(path)
    try:
        apps = ApplicationService(ws).list()
    finally:
        ws.close()
    assert len(apps) == 7  # six and the demo's duplicate


def test_the_list_keeps_its_sideways_scroll_through_the_editor(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    ids = seed(ws, sample(ws, 4))
    window = open_window(ws)
    window.resize(900, 700)  # narrower than the columns' minimums: the list scrolls sideways
    view = window.ui.applicationsView
    bar = view.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    across = bar.value()
    window.select_application(ids[2])
    assert bar.value() == across  # selecting a row does not jump back to the first column
    editor = window.edit_application(ids[2])
    assert isinstance(editor, ApplicationEditor)
    editor.ui.noteEdit.setText("已核对")
    editor.save(close=True)
    qtbot.waitUntil(lambda: window.editor is None, timeout=10_000)
    qtbot.wait(50)
    # Still at the right end (where the 问题 column is), not back at the first column.
    assert bar.value() > 0 and bar.value() == min(across, bar.maximum())


def test_a_long_header_text_is_shortened_with_its_full_text_in_the_tooltip(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    window = open_window(ws)
    label = window.ui.campaignLabel
    full = label.text()
    label.resize(label.fontMetrics().horizontalAdvance(full) // 3, label.height())
    assert label.is_elided() and label.toolTip() == full
    assert label.minimumSizeHint().width() < label.fontMetrics().horizontalAdvance(full) // 2
