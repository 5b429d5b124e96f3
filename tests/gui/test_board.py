"""The recommendation board: drag and drop reorders, the quota line and statuses follow, errors are refused,
central enterprises stand apart, and saving stores the order through ApplicationService.set_order."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gdiiot_desktop.domain.enums import BuildStatus
from gdiiot_desktop.gui.board import (
    OVER_QUOTA_BACKGROUND,
    QUOTA_LINE_COLOR,
    BoardModel,
    BoardPage,
    QuotaLineDelegate,
    decode_ids,
)
from gdiiot_desktop.gui.main_window import MainWindow
from gdiiot_desktop.gui.models import APP_ID_ROLE
from gdiiot_desktop.services.applications import ApplicationService
from gdiiot_desktop.services.workspace import Workspace, open_workspace
from tests.gui.conftest import sample, seed

Where = QAbstractItemView.DropIndicatorPosition


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
    assert not rec.canDropMimeData(
        pool.mimeData([pool.index(refused, 0)]), Qt.DropAction.MoveAction, 0, 0, QModelIndex()
    )
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
    stored = sorted(
        (a for a in ApplicationService(ws).list() if a.is_recommended), key=lambda a: a.priority or 0
    )
    assert [a.id for a in stored] == expected
    assert not board.dirty
    assert window.ui.quotaLabel.text() == "已推荐 8/8"


def test_central_enterprises_are_listed_apart_and_take_no_quota(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    apps = sample(ws, 10)
    apps[0] = replace(
        apps[0], applicant=replace(apps[0].applicant, is_central_enterprise=True, uscc=apps[0].applicant.uscc)
    )
    ids = seed(ws, apps)
    window = open_window(ws)
    board = window.board
    assert board.recommend(ids[:9]) is None
    assert board.central.ids == [ids[0]] and board.recommended.ids == ids[1:9]
    assert board.state.over_quota == []  # 8 local + 1 central: within the quota of 8
    assert [board.central.index(0, BoardModel.COL_STATE).data()] == ["中央企业，不占名额"]
    assert (
        board.recommended.refusal([ids[0]]) is not None
    )  # a central enterprise cannot go into the local list
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


# --- drag and drop through the views ----------------------------------------------------------------
#
# Offscreen, the mouse can start a drag but not finish it: the offscreen platform's QDrag.exec() returns
# IgnoreAction at once (its QPlatformDrag runs no drag loop), so move and release events scheduled with
# QTimer.singleShot only arrive after exec() has returned, and nothing is ever dropped (tried 20 times: the
# view's startDrag runs and asks the model for the mime data, the order stays as it was). So each drag is
# done in two halves. The first is real mouse input on the source view: press on a row (the view selects
# it), move past the drag distance (the view's own startDrag runs and asks the model for the mime data).
# The second is the drop, delivered as a drag loop would deliver it: QDragEnterEvent, QDragMoveEvent and
# QDropEvent sent to the target view's viewport, carrying the model's mime data for the view's selection,
# so that QAbstractItemView's dragEnterEvent/dragMoveEvent/dropEvent compute the drop indicator position
# and call the model's canDropMimeData/dropMimeData exactly as in a real drop. Then, as startDrag does
# when exec() returns MoveAction, the dragged rows are removed from the source where its selection is now.


@pytest.fixture
def started_drags(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[int] | None]]:
    """What each call of BoardModel.mimeData carried (the list's kind and the ids): a view that starts a drag
    asks for it."""
    started: list[tuple[str, list[int] | None]] = []
    real = BoardModel.mimeData

    def recording(model: BoardModel, indexes: Sequence[QModelIndex]):  # type: ignore[no-untyped-def]
        data = real(model, indexes)
        started.append((model.kind, decode_ids(data)))
        return data

    monkeypatch.setattr(BoardModel, "mimeData", recording)
    return started


ModelCheck = Callable[..., None]


@pytest.fixture
def model_check(request: pytest.FixtureRequest) -> Iterator[ModelCheck]:
    """pytest-qt's model tester for several models at once, in its Python mode, which fails the test on the
    spot (the C++ mode only logs warnings). `watch=True` keeps checking the model on every change until the
    end of the test; `watch=False` checks it as it is now."""
    testers: list[ModelTester] = []

    def check(model: QAbstractItemModel, *, watch: bool) -> None:
        tester = ModelTester(request.config)
        tester.check(model, force_py=True)
        if watch:
            testers.append(tester)
        else:
            tester._cleanup()  # what the qtmodeltester fixture does at teardown

    yield check
    for tester in testers:
        tester._cleanup()


def point(view: QTableView, row: int, where: Where) -> QPoint:
    """A point in the view's viewport: in the middle of a row, just inside its top or bottom edge (between two
    rows), or in the empty space under the last row."""
    model = view.model()
    if where == Where.OnViewport:
        last = view.visualRect(model.index(model.rowCount() - 1, BoardModel.COL_PROJECT))
        return QPoint(last.center().x(), last.bottom() + view.verticalHeader().defaultSectionSize())
    rect = view.visualRect(model.index(row, BoardModel.COL_PROJECT))
    y = {Where.AboveItem: rect.top() + 1, Where.BelowItem: rect.bottom() - 1, Where.OnItem: rect.center().y()}
    return QPoint(rect.center().x(), y[where])


def start_drag(view: QTableView, row: int, started: list[tuple[str, list[int] | None]]) -> None:
    """Real mouse input on the view: press on a row, move past the drag distance (sideways, staying on the
    row), release."""
    model = view.model()
    assert isinstance(model, BoardModel)
    before, calls = list(model.ids), len(started)
    viewport = view.viewport()
    start = point(view, row, Where.OnItem)
    far = start + QPoint(QApplication.startDragDistance() * 2 + 1, 0)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert [i.row() for i in view.selectionModel().selectedRows()] == [row]
    QTest.mouseMove(viewport, start + QPoint(1, 0))
    QTest.mouseMove(viewport, far)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, far)
    assert started[calls:] == [(model.kind, [model.ids[row]])]  # the view's startDrag ran, dragging that row
    assert model.ids == before  # and, offscreen, returned at once without a drop
    assert [i.row() for i in view.selectionModel().selectedRows()] == [row]


def drop(source: QTableView, target: QTableView, at: QPoint) -> bool:
    """Deliver the drag started on `source` to `target` at `at`; whether it was accepted (as a move)."""
    model = source.model()
    assert isinstance(model, BoardModel)
    mime = model.mimeData(source.selectionModel().selectedIndexes())
    viewport = target.viewport()
    actions = model.supportedDragActions()  # what startDrag offers to QDrag.exec()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, actions, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(at, actions, mime, buttons, modifiers)
    if enter.isAccepted():
        QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        QApplication.sendEvent(viewport, QDragLeaveEvent())
        return False
    event = QDropEvent(at, actions, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, event)
    if not event.isAccepted():
        return False
    assert event.dropAction() == Qt.DropAction.MoveAction
    # What startDrag does once QDrag.exec() returns MoveAction: remove the dragged rows from the source,
    # where its selection now is (a drop into the same list has shifted them).
    for row in sorted((i.row() for i in source.selectionModel().selectedRows()), reverse=True):
        model.removeRows(row, 1)
    return True


def drag_and_drop(
    started: list[tuple[str, list[int] | None]],
    source: QTableView,
    row: int,
    target: QTableView,
    target_row: int,
    where: Where,
) -> None:
    start_drag(source, row, started)
    assert drop(source, target, point(target, target_row, where))
    assert target.dropIndicatorPosition() == where  # where the view took the drop to be


def quota_line_rows(view: QTableView) -> list[int]:
    """The rows under which the view paints the red quota line, read from the painted pixels."""
    image = view.viewport().grab().toImage()
    model = view.model()
    rows = []
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, BoardModel.COL_PROJECT))
        if image.pixelColor(rect.center().x(), rect.bottom() - 1) == QUOTA_LINE_COLOR:
            rows.append(row)
    return rows


def assert_recommended(board: BoardPage, order: list[int], check: ModelCheck, limit: int = 8) -> None:
    """The recommended view shows `order`, numbered, with the quota line under the `limit`th and the rest
    over the quota."""
    view = board.ui.recommendedView
    model = view.model()
    # Checked as it stands, not watched through the drags: its first column is the row's number, which by
    # design changes for the rows after an insert or a removal, where the tester expects them unchanged.
    check(model, watch=False)
    rows = range(model.rowCount())
    assert [model.index(r, 0).data(APP_ID_ROLE) for r in rows] == order
    assert [model.index(r, BoardModel.COL_POSITION).data() for r in rows] == [str(r + 1) for r in rows]
    assert board.state is not None
    assert board.state.line_after == order[limit - 1] and board.state.over_quota == order[limit:]
    assert quota_line_rows(view) == [limit - 1]
    states = ["推荐"] * (limit - 1) + ["推荐（名额线）"] + ["超出名额"] * (len(order) - limit)
    assert [model.index(r, BoardModel.COL_STATE).data() for r in rows] == states
    over = [model.index(r, BoardModel.COL_PROJECT).data(Qt.ItemDataRole.BackgroundRole) for r in rows]
    assert [b is not None and b.color() == OVER_QUOTA_BACKGROUND for b in over] == [r >= limit for r in rows]
    assert f"超出 {len(order) - limit} 项" in board.ui.routeLabel.text()


def test_dragging_rows_in_the_views_moves_the_quota_line_and_saves_the_order(
    qtbot: QtBot,
    ws: Workspace,
    open_window: Callable[[Workspace], MainWindow],
    started_drags: list[tuple[str, list[int] | None]],
    model_check: ModelCheck,
) -> None:
    apps = sample(ws, 12)
    apps[11] = replace(apps[11], build_status=BuildStatus.NOT_BUILT)  # an error: not recommendable
    ids = seed(ws, apps)
    ApplicationService(ws).set_order(ids[:9])  # 佛山 (珠三角): quota 8, so one is over
    window = open_window(ws)
    board = window.board
    assert isinstance(board, BoardPage)
    window.ui.pages.setCurrentIndex(1)
    rec_view, pool_view = board.ui.recommendedView, board.ui.poolView
    qtbot.waitExposed(rec_view)
    assert isinstance(rec_view.itemDelegate(), QuotaLineDelegate)
    for model in (board.central, board.pool):
        model_check(model, watch=True)
    assert_recommended(board, ids[:9], model_check)
    assert not board.dirty

    # The one over the line, dropped on the first row: it takes the first place, the old 8th falls below.
    drag_and_drop(started_drags, rec_view, 8, rec_view, 0, Where.OnItem)
    order = [ids[8], *ids[:8]]
    assert_recommended(board, order, model_check)
    assert board.dirty and board.ui.saveOrderButton.isEnabled()

    # The last inside the quota, dropped on the first row below the line: it takes that place (they swap).
    drag_and_drop(started_drags, rec_view, 7, rec_view, 8, Where.OnItem)
    order = [ids[8], *ids[:6], ids[7], ids[6]]
    assert_recommended(board, order, model_check)
    assert rec_view.model().index(8, BoardModel.COL_STATE).data() == "超出名额"

    # The first, dropped between the 4th and the 5th (on the upper edge of the 5th): it goes between them.
    drag_and_drop(started_drags, rec_view, 0, rec_view, 4, Where.AboveItem)
    order = [*ids[:3], ids[8], *ids[3:6], ids[7], ids[6]]
    assert_recommended(board, order, model_check)

    # The one over the line, dragged out to the empty space of the pool: everything fits the quota again.
    drag_and_drop(started_drags, rec_view, 8, pool_view, -1, Where.OnViewport)
    order = order[:8]
    assert_recommended(board, order, model_check)
    assert board.pool.ids == [*ids[9:], ids[6]]
    assert board.pool.index(3, BoardModel.COL_STATE).data() == "未推荐"
    assert "超出名额" not in "".join(board.state.blockers)

    # The application with an error: the view starts the drag, the recommended view refuses the drop.
    start_drag(pool_view, board.pool.ids.index(ids[11]), started_drags)
    assert not drop(pool_view, rec_view, point(rec_view, 0, Where.OnItem))
    assert_recommended(board, order, model_check)
    assert ids[11] in board.pool.ids

    # Back from the pool, dropped on the lower edge of the 3rd row: in after it; the last goes over the quota.
    drag_and_drop(started_drags, pool_view, 3, rec_view, 2, Where.BelowItem)
    order = [*ids[:3], ids[6], ids[8], *ids[3:6], ids[7]]
    assert_recommended(board, order, model_check)
    assert board.pool.ids == ids[9:]

    # Saved with the button, then read back from the file by a workspace of its own.
    session = window.session
    assert session is not None
    with qtbot.waitSignal(session.order_saved, timeout=5000):
        qtbot.mouseClick(board.ui.saveOrderButton, Qt.MouseButton.LeftButton)
    assert not board.dirty and board.ui.boardStateLabel.text() == "推荐顺序已保存"
    fresh = open_workspace(ws.db.path)
    try:
        stored = [a for a in ApplicationService(fresh).list() if a.is_recommended]
    finally:
        fresh.close()
    assert [a.id for a in sorted(stored, key=lambda a: a.priority or 0)] == order
    assert [a.priority for a in sorted(stored, key=lambda a: a.priority or 0)] == list(range(1, 10))


def test_applications_a_county_bundle_withdrew_or_changed_are_flagged_in_place(
    qtbot: QtBot, ws: Workspace, open_window: Callable[[Workspace], MainWindow]
) -> None:
    from gdiiot_desktop.storage.exchange_repository import ExchangeRepository

    ids = seed(ws, sample(ws, 4))
    ApplicationService(ws).set_order(ids[:3])
    uids = {a.id: a.uid for a in ApplicationService(ws).list()}
    with ws.db.session() as session:  # as an import with --accept-removals leaves them
        ExchangeRepository(session).add_flag(uids[ids[1]], "南海区", "b" * 32, "withdrawn")
    window = open_window(ws)
    board = window.board
    assert board.recommended.ids == ids[:3]  # the order is the city's, untouched
    texts = status_texts(board.recommended)
    assert texts[1].endswith("⚑") and not texts[0].endswith("⚑") and not texts[2].endswith("⚑")
    tip = board.recommended.index(1, BoardModel.COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "县区数据包已撤回此项目" in tip
