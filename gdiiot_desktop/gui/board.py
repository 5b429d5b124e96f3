"""The recommendation board: arrange the city's priority order by drag and drop within the quota."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from gdiiot_desktop.domain.rules.board import BoardState
from gdiiot_desktop.gui.columns import ColumnFitter
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_board_page import Ui_BoardPage
from gdiiot_desktop.gui.models import APP_ID_ROLE, ERROR_COLOR, HINT_COLOR, OK_COLOR, ProblemCounts, Table
from gdiiot_desktop.gui.session import WorkspaceSession
from gdiiot_desktop.gui.styles import NOTICE_STYLE

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-gdiiot-application-ids"
OVER_QUOTA_BACKGROUND = QColor("#fdecea")
QUOTA_LINE_COLOR = QColor("#d93025")

RECOMMENDED, CENTRAL, POOL = "recommended", "central", "pool"


class BoardModel(Table):
    """One list of the board (recommended, central enterprises, or not recommended), as application ids.

    Rows move by drag and drop (mimeData/dropMimeData/removeRows, as Qt's views drive them) or by
    `moveRows`. The recommended list refuses applications with errors and central enterprises.
    """

    COL_POSITION, COL_PROJECT, COL_APPLICANT, COL_COUNTY, COL_DIRECTION, COL_PROBLEMS, COL_STATE = range(7)
    HEADERS = ("顺序", "项目名称", "申报单位", "县区", "具体方向", "问题", "状态")

    def __init__(self, session: WorkspaceSession, kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.ids: list[int] = []
        self.state: BoardState | None = None
        self.editable = not session.read_only

    # --- Qt interface -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.ids):
            return None
        app_id = self.ids[index.row()]
        app = self.session.apps.get(app_id)
        if app is None:
            return None
        col = index.column()
        blocked = bool(self.session.blocking(app_id))
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_POSITION:
                return str(index.row() + 1) if self.kind == RECOMMENDED else ""
            if col == self.COL_PROJECT:
                return app.project_name
            if col == self.COL_APPLICANT:
                return app.applicant.name
            if col == self.COL_COUNTY:
                return app.county
            if col == self.COL_DIRECTION:
                d = self.session.campaign.direction(app.direction_id)
                return d.name if d else app.direction_id
            if col == self.COL_PROBLEMS:
                return self.session.counts.get(app_id, ProblemCounts()).text
            flag = self.session.ws.exchange_flags.get(app_id)  # a county bundle withdrew or changed it
            return self.state_text(app_id, blocked) + ("  ⚑" if flag else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            flag = self.session.ws.exchange_flags.get(app_id)
            note = f"\n⚑ {flag}" if flag else ""
            if blocked:
                return "有错误，不能推荐：\n" + "\n".join(v.message for v in self.session.blocking(app_id)) + note
            return app.label + note
        if role == Qt.ItemDataRole.ForegroundRole:
            if blocked:
                return QBrush(ERROR_COLOR)
            if col == self.COL_STATE and self.kind == CENTRAL:
                return QBrush(HINT_COLOR)
            if col == self.COL_STATE and self.kind == RECOMMENDED and not self._over(app_id):
                return QBrush(OK_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and self._over(app_id):
            return QBrush(OVER_QUOTA_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_POSITION:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == APP_ID_ROLE:
            return app_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not self.editable:
            return flags
        if index.isValid():
            return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return flags | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        payload = {"from": self.kind, "ids": [self.ids[r] for r in rows]}
        data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode("utf-8")))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        ids = decode_ids(data)
        return self.editable and ids is not None and action == Qt.DropAction.MoveAction and not self.refusal(ids)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids = decode_ids(data) or []
        if parent.isValid():
            # Dropped on an item (not between two): take its place. Moving down this list, that is after
            # it, since the dragged rows above it are removed once the drop is done. Inserted before it, a
            # row dropped on the next one would not move (the last inside the quota could not be dropped
            # on the first below the line).
            row = parent.row()
            if any(i in self.ids[:row] for i in ids):
                row += 1
        if row < 0 or row > len(self.ids):
            row = len(self.ids)
        self.insert_ids(row, ids)
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count <= 0 or row + count > len(self.ids):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self.ids[row : row + count]
        self.endRemoveRows()
        return True

    def moveRows(self, source_parent: Index, source_row: int, count: int, destination_parent: Index, destination_child: int) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count <= 0:
            return False
        if source_row < 0 or source_row + count > len(self.ids) or not 0 <= destination_child <= len(self.ids):
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # moving onto itself
        if not self.beginMoveRows(QModelIndex(), source_row, source_row + count - 1, QModelIndex(), destination_child):
            return False
        moving = self.ids[source_row : source_row + count]
        rest = self.ids[:source_row] + self.ids[source_row + count :]
        target = destination_child if destination_child < source_row else destination_child - count
        self.ids = rest[:target] + moving + rest[target:]
        self.endMoveRows()
        return True

    # --- our API ----------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self.ids = list(ids)
        self.endResetModel()

    def insert_ids(self, row: int, ids: Sequence[int]) -> None:
        if not ids:
            return
        self.beginInsertRows(QModelIndex(), row, row + len(ids) - 1)
        self.ids[row:row] = list(ids)
        self.endInsertRows()

    def remove_ids(self, ids: Sequence[int]) -> None:
        for app_id in ids:
            if app_id in self.ids:
                self.removeRows(self.ids.index(app_id), 1)

    def set_state(self, state: BoardState) -> None:
        self.state = state
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(self.HEADERS) - 1))

    def refusal(self, ids: Sequence[int]) -> str | None:
        """Why these applications cannot go into this list (None when they can)."""
        apps = self.session.apps
        if any(i not in apps for i in ids):
            return "项目已不存在，请刷新"
        if self.kind == RECOMMENDED:
            central = [apps[i].project_name for i in ids if apps[i].applicant.is_central_enterprise]
            if central:
                return f"中央企业项目不占本市名额，请放入下方“中央企业项目”：{'、'.join(central)}"
        if self.kind == CENTRAL:
            other = [apps[i].project_name for i in ids if not apps[i].applicant.is_central_enterprise]
            if other:
                return f"不是中央企业的项目：{'、'.join(other)}"
        if self.kind in (RECOMMENDED, CENTRAL):
            blocked = [apps[i].project_name for i in ids if self.session.blocking(i)]
            if blocked:
                return f"有错误的项目不能推荐，请先改正：{'、'.join(blocked)}"
        return None

    def state_text(self, app_id: int, blocked: bool) -> str:
        if self.kind == POOL:
            return "有错误，不能推荐" if blocked else "未推荐"
        if self.kind == CENTRAL:
            return "有错误，不能推荐" if blocked else "中央企业，不占名额"
        if blocked:
            return "有错误，不能推荐"
        if self._over(app_id):
            return "超出名额"
        if self.state is not None and self.state.line_after == app_id:
            return "推荐（名额线）"
        return "推荐"

    def _over(self, app_id: int) -> bool:
        return self.kind == RECOMMENDED and self.state is not None and app_id in self.state.over_quota


def decode_ids(data: QMimeData) -> list[int] | None:
    if not data.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
        return [int(i) for i in payload["ids"]]
    except (ValueError, KeyError, TypeError):
        return None


class QuotaLineDelegate(QStyledItemDelegate):
    """Draws the quota line under the last application that fits within the city's quota."""

    def __init__(self, model: BoardModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        state = self.model.state
        if state is None or state.line_after is None:
            return
        if index.data(APP_ID_ROLE) != state.line_after:
            return
        painter.save()
        painter.setPen(QPen(QUOTA_LINE_COLOR, 3))
        y = option.rect.bottom() - 1  # type: ignore[attr-defined]
        painter.drawLine(option.rect.left(), y, option.rect.right(), y)  # type: ignore[attr-defined]
        painter.restore()


class BoardPage(QWidget):
    """The page: recommended list with the quota line, central enterprises apart, the pool, and blockers."""

    order_changed = Signal()  # the arrangement differs from the saved order
    edit_requested = Signal(int)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_BoardPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.session = session
        self.recommended = BoardModel(session, RECOMMENDED, self)
        self.central = BoardModel(session, CENTRAL, self)
        self.pool = BoardModel(session, POOL, self)
        self.state: BoardState | None = None
        self._saved: list[int] = []
        # Rows just moved into a list, selected there once the move is complete (a view removes the
        # dragged rows from their old place by its selection, so it must not change before that).
        self._moved: dict[str, list[int]] = {}
        self._views = {
            RECOMMENDED: self.ui.recommendedView,
            CENTRAL: self.ui.centralView,
            POOL: self.ui.poolView,
        }
        for kind, model in ((RECOMMENDED, self.recommended), (CENTRAL, self.central), (POOL, self.pool)):
            view = self._views[kind]
            view.setModel(model)
            _setup_view(view)
            view.doubleClicked.connect(lambda index, m=model: self.edit_requested.emit(m.ids[index.row()]))
            for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved):
                signal.connect(self._arrangement_changed)
            model.rowsInserted.connect(lambda _p, first, last, k=kind, m=model: self._moved_in(k, m.ids[first : last + 1]))
            model.rowsRemoved.connect(lambda *_args: self.select_moved())
        self.ui.recommendedView.setItemDelegate(QuotaLineDelegate(self.recommended, self.ui.recommendedView))
        for view in (self.ui.centralView, self.ui.poolView):
            view.setColumnHidden(BoardModel.COL_POSITION, True)
        self.ui.poolView.setColumnHidden(BoardModel.COL_DIRECTION, True)
        self.ui.poolView.setColumnHidden(BoardModel.COL_COUNTY, True)
        for view in self._views.values():
            view.column_fitter.fit()  # type: ignore[attr-defined]
        self.ui.boardSplitter.setSizes([900, 90, 520])
        self.ui.boardSplitter.setStretchFactor(0, 3)
        self.ui.boardSplitter.setStretchFactor(2, 2)
        self.ui.recommendButton.clicked.connect(self.recommend_selected)
        self.ui.unrecommendButton.clicked.connect(self.unrecommend_selected)
        self.ui.upButton.clicked.connect(lambda: self.move_selected(-1))
        self.ui.downButton.clicked.connect(lambda: self.move_selected(1))
        QShortcut(QKeySequence("Alt+Up"), self.ui.recommendedView).activated.connect(lambda: self.move_selected(-1))
        QShortcut(QKeySequence("Alt+Down"), self.ui.recommendedView).activated.connect(lambda: self.move_selected(1))
        self.ui.saveOrderButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.reload)
        self.ui.blockersGroup.setStyleSheet("QGroupBox { font-weight: bold; }")
        session.loaded.connect(self.reload)
        session.applications_changed.connect(self._applications_changed)
        session.checked.connect(self.refresh_state)
        session.application_saved.connect(self._application_saved)
        self.reload()

    def _application_saved(self, app: Any) -> None:
        """A new application joins the pool; the rest only changes texts (refreshed with the check)."""
        if app.id is None or any(app.id in m.ids for m in (self.recommended, self.central, self.pool)):
            return
        if app.status.is_active and not app.is_recommended:
            self.pool.insert_ids(len(self.pool.ids), [app.id])
            self._moved.pop(POOL, None)  # a new project, not a move: the selection stays

    # --- arranging ------------------------------------------------------------------------------
    def _applications_changed(self, _changes: Any) -> None:
        self.reload()

    def reload(self) -> None:
        """Back to the saved order."""
        apps = self.session.apps
        recommended = sorted(
            (a for a in apps.values() if a.is_recommended), key=lambda a: (a.priority or 0, a.id or 0)
        )
        self._saved = [a.id for a in recommended if a.id is not None]
        self.recommended.set_ids([i for i in self._saved if not apps[i].applicant.is_central_enterprise])
        self.central.set_ids([i for i in self._saved if apps[i].applicant.is_central_enterprise])
        self.pool.set_ids([a.id for a in apps.values() if a.id is not None and a.status.is_active and not a.is_recommended])
        # As arranged on the board (central enterprises listed apart): unchanged until the user moves something.
        self._saved = self.order()
        self.refresh_state()

    def order(self) -> list[int]:
        """The order that saving would store: the recommended list, then central enterprises."""
        return self.recommended.ids + self.central.ids

    @property
    def dirty(self) -> bool:
        return self.order() != self._saved

    def _arrangement_changed(self, *_args: Any) -> None:
        self.refresh_state()
        self.order_changed.emit()

    def refresh_state(self) -> None:
        state = self.session.board_state(self.order())
        self.state = state
        for model in (self.recommended, self.central, self.pool):
            model.set_state(state)
        city = self.session.city
        limit = state.limit
        if city is not None and city.direct_quota is not None:
            route = (
                f"{city.full_name}作为计划单列市，直接向工业和信息化部报送，最多推荐 {limit} 项（319号 二(五)）；"
                "中央企业项目不占名额。"
            )
        elif city is not None:
            region = self.session.campaign.region(city.region_id).name
            route = f"{region}地区的{city.full_name}最多推荐 {limit} 项（37号 三(二)）；中央企业项目不占名额，单独列出。"
        else:
            route = ""
        used = len(state.counted)
        self.ui.routeLabel.setText(f"{route}　当前：名额内 {min(used, limit)}/{limit}，超出 {len(state.over_quota)} 项。")
        self.ui.recommendedTitle.setText(f"推荐名单（按优先顺序，拖动调整；红线为名额线，{limit} 项）")
        if state.blockers:
            self.ui.blockersLabel.setText("\n".join(f"• {b}" for b in state.blockers))
            self.ui.blockersLabel.setStyleSheet(NOTICE_STYLE)
        else:
            self.ui.blockersLabel.setText("没有阻碍报送的问题。")
            self.ui.blockersLabel.setStyleSheet("")
        writable = not self.session.read_only
        self.ui.boardStateLabel.setText("推荐顺序有未保存的修改" if self.dirty else "推荐顺序已保存")
        self.ui.saveOrderButton.setEnabled(writable and self.dirty)
        self.ui.revertButton.setEnabled(self.dirty)
        for b in (self.ui.recommendButton, self.ui.unrecommendButton, self.ui.upButton, self.ui.downButton):
            b.setEnabled(writable)

    def recommend(self, ids: Sequence[int]) -> str | None:
        """Move applications from the pool to the end of the recommended (or central) list; the refusal, if any."""
        apps = self.session.apps
        central = [i for i in ids if apps[i].applicant.is_central_enterprise]
        local = [i for i in ids if i not in central]
        for model, chosen in ((self.recommended, local), (self.central, central)):
            refusal = model.refusal(chosen) if chosen else None
            if refusal:
                self._tell(refusal)
                return refusal
        self.pool.remove_ids(ids)
        self.recommended.insert_ids(len(self.recommended.ids), local)
        self.central.insert_ids(len(self.central.ids), central)
        self.select_moved()
        return None

    def unrecommend(self, ids: Sequence[int]) -> None:
        self.recommended.remove_ids(ids)
        self.central.remove_ids(ids)
        back = sorted(ids)
        self.pool.insert_ids(len(self.pool.ids), back)
        self.select_moved()

    def recommend_selected(self) -> None:
        self.recommend(self._selected(self.ui.poolView, self.pool))

    def unrecommend_selected(self) -> None:
        ids = self._selected(self.ui.recommendedView, self.recommended) + self._selected(self.ui.centralView, self.central)
        self.unrecommend(ids)

    def move_selected(self, step: int) -> None:
        view = self.ui.recommendedView if self.ui.recommendedView.hasFocus() or not self.ui.centralView.hasFocus() else self.ui.centralView
        model = self.recommended if view is self.ui.recommendedView else self.central
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        if len(rows) != 1:
            return
        row = rows[0]
        target = row - 1 if step < 0 else row + 2
        if model.moveRows(QModelIndex(), row, 1, QModelIndex(), target):
            new_row = row - 1 if step < 0 else row + 1
            view.selectRow(new_row)

    def _moved_in(self, kind: str, ids: list[int]) -> None:
        self._moved[kind] = list(ids)

    def select_moved(self) -> None:
        """Select the rows just moved, in the list they moved to (the selection follows the dragged row)."""
        moved, self._moved = self._moved, {}
        models = {RECOMMENDED: self.recommended, CENTRAL: self.central, POOL: self.pool}
        for kind, ids in moved.items():
            view, model = self._views[kind], models[kind]
            rows = [model.ids.index(i) for i in ids if i in model.ids]
            if not rows:
                continue
            selection = view.selectionModel()
            selection.clearSelection()
            for row in rows:
                selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
            selection.setCurrentIndex(model.index(rows[0], BoardModel.COL_PROJECT), QItemSelectionModel.SelectionFlag.NoUpdate)
            view.scrollTo(model.index(rows[0], 0))
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        if self.session.read_only:
            return
        task = self.session.set_order(self.order())
        task.failed.connect(lambda exc: show_error(self, exc, "保存推荐顺序失败"))

    def _selected(self, view: QTableView, model: BoardModel) -> list[int]:
        return [model.ids[i.row()] for i in sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())]

    def _tell(self, message: str) -> None:
        window = self.window()
        show_status = getattr(window, "show_status", None)
        if show_status is not None:
            show_status(message, 8000)
        self.ui.boardStateLabel.setText(message)


def _setup_view(view: QTableView) -> None:
    # The names share the width and never collapse (two projects of one applicant must be told apart).
    names = {BoardModel.COL_PROJECT: 180, BoardModel.COL_APPLICANT: 120, BoardModel.COL_DIRECTION: 100}
    fixed = {BoardModel.COL_POSITION: 40, BoardModel.COL_COUNTY: 64, BoardModel.COL_PROBLEMS: 96, BoardModel.COL_STATE: 110}
    view.column_fitter = ColumnFitter(view, names, fixed)  # type: ignore[attr-defined]
    view.verticalHeader().setDefaultSectionSize(26)
