"""The recommendation board: drag and drop reorders, the quota line and statuses follow, errors are refused,
central enterprises stand apart, and saving stores the order through ApplicationService.set_order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.enums import BuildStatus
from gdiiot_desktop.gui.board import BoardModel, BoardPage
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.workspace import Workspace
from tests.gui.conftest import sample, seed


def drag(source: BoardModel, rows: list[int], target: BoardModel, row: int) -> bool:
    """What a view does on a drag and drop: mimeData from the source, dropMimeData on the target,
    then (the drop accepted as a move) removeRows of the dragged rows on the source."""
    mime = source.mimeData([source.index(r, 0) for r in rows])
    if not target.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, QModelIndex()):
        return False
    # As QAbstractItemView does after a move: remove the dragged rows from the source, where they are now.
    for r in sorted(rows, reverse=True):
        source.removeRows(r + len(rows) if source is target and row <= r else r, 1)
    return True


def status_texts(model: BoardModel) -> list[str]:
    return [model.index(r, BoardModel.COL_STATE).data() for r in range(model.rowCount())]


def test_drag_and_drop_moves_the_quota_line_and_saves_the_order(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow], qtmodeltester
) -> None:
    apps = sample(ws, 12)
    apps[11] = replace(apps[11], build_status=BuildStatus.NOT_BUILT)  # an error: not recommendable
    ids = seed(ws, apps)
    ApplicationService(ws).set_order(ids[:9])  # 佛山 (珠三角): quota 8, so one is over
    window = open_window(ws)
    board = window.board
    assert isinstance(board, BoardPage)
    window.ui.pages.setCurrentIndex(1)
    rec, pool = board.recommended, board.pool
    for model in (rec, board.central, pool):
        qtmodeltester.check(model)
    assert rec.ids == ids[:9] and pool.ids == ids[9:]
    assert board.state is not None and board.state.limit == 8
    assert board.state.line_after == ids[7] and board.state.over_quota == [ids[8]]
    assert status_texts(rec)[7] == "推荐（名额线）" and status_texts(rec)[8] == "超出名额"
    assert any("超出名额 1 项" in b for b in board.state.blockers)
    assert not board.dirty

    # Drag the last (over the line) to the top: the line now falls under the old 7th.
    assert drag(rec, [8], rec, 0)
    assert rec.ids == [ids[8], *ids[:8]]
    assert board.state.line_after == ids[6] and board.state.over_quota == [ids[7]]
    assert status_texts(rec)[0] == "推荐" and status_texts(rec)[8] == "超出名额"
    assert board.dirty and board.ui.saveOrderButton.isEnabled()

    # Move one back out to the pool: everything fits again.
    assert drag(rec, [8], pool, 0)
    assert board.state.over_quota == [] and board.state.line_after == ids[6]
    assert not any("超出名额" in b for b in board.state.blockers)

    # An application with an error is refused by the recommended list.
    refused = pool.ids.index(ids[11])
    assert not rec.canDropMimeData(pool.mimeData([pool.index(refused, 0)]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not drag(pool, [refused], rec, 0)
    assert "有错误" in (board.recommend([ids[11]]) or "")
    assert status_texts(pool)[refused] == "有错误，不能推荐"

    # Keyboard-style move (moveRows) and save.
    assert rec.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    expected = board.order()
    session = window.session
    assert session is not None
    with qtbot.waitSignal(session.order_saved, timeout=5000):
        window.save()  # Ctrl+S on the board page
    stored = sorted((a for a in ApplicationService(ws).list() if a.is_recommended), key=lambda a: a.priority or 0)
    assert [a.id for a in stored] == expected
    assert not board.dirty
    assert window.ui.quotaLabel.text() == "已推荐 8/8"


def test_central_enterprises_are_listed_apart_and_take_no_quota(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    apps = sample(ws, 10)
    apps[0] = replace(apps[0], applicant=replace(apps[0].applicant, is_central_enterprise=True, uscc=apps[0].applicant.uscc))
    ids = seed(ws, apps)
    window = open_window(ws)
    board = window.board
    assert board.recommend(ids[:9]) is None
    assert board.central.ids == [ids[0]] and board.recommended.ids == ids[1:9]
    assert board.state.over_quota == []  # 8 local + 1 central: within the quota of 8
    assert [board.central.index(0, BoardModel.COL_STATE).data()] == ["中央企业，不占名额"]
    assert board.recommended.refusal([ids[0]]) is not None  # a central enterprise cannot go into the local list
    assert "中央企业" in board.ui.routeLabel.text()
    board.unrecommend([ids[0]])
    assert board.central.ids == [] and ids[0] in board.pool.ids
    board.reload()
    assert board.recommended.ids == [] and not board.dirty


def test_shenzhen_submits_directly(qtbot: QtBot, tmp_path, open_window) -> None:  # type: ignore[no-untyped-def]
    from gdiiot_desktop.services.workspace import create_workspace

    shenzhen = create_workspace(tmp_path / "深圳.sqlite3", "深圳")
    window = open_window(shenzhen)
    assert "计划单列市" in window.ui.cityLabel.text()
    assert "直接向工业和信息化部报送" in window.board.ui.routeLabel.text()
    assert window.board.state.limit == 15
