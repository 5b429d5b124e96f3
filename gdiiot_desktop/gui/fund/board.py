"""The 入库 board of a special-fund call: the ranking with the running total and the budget line
(drawn like the quota line), the applications not ranked, and charts by direction and county."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.domain.enums import Grade
from gdiiot_desktop.domain.fund.money import ZERO, format_money
from gdiiot_desktop.domain.fund.subsidy import max_subsidy
from gdiiot_desktop.gui.charts import BarChart, BudgetStrip, ChartBar
from gdiiot_desktop.services.fund.board import FundBoardData

LINE_COLOR = QColor("#C00000")
RANK_HEADERS = (
    "排序",
    "支持方向",
    "县（市、区）",
    "企业名称",
    "项目名称",
    "最高可补贴",
    "申请补贴",
    "拟补贴",
    "累计",
)
OPEN_HEADERS = (
    "编号",
    "支持方向",
    "县（市、区）",
    "企业名称",
    "项目名称",
    "最高可补贴",
    "申请补贴",
    "评审得分",
    "问题",
)


class BudgetLineDelegate(QStyledItemDelegate):
    """Draws the budget line under the last ranked project the budget still covers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.line_after_row: int | None = None

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        if self.line_after_row is None or index.row() != self.line_after_row:
            return
        painter.save()
        painter.setPen(QPen(LINE_COLOR, 3))
        rect = option.rect  # type: ignore[attr-defined]
        painter.drawLine(rect.left(), rect.bottom() - 1, rect.right(), rect.bottom() - 1)
        painter.restore()


def _table(headers: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, *, right: bool = False, grey: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if grey:
        item.setForeground(QColor("#7F7F7F"))
    return item


class FundBoard(QWidget):
    details_requested = Signal(int)  # an application's id: a row was double-clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.strip = BudgetStrip()
        self.ranked = _table(RANK_HEADERS, stretch=4)
        self.delegate = BudgetLineDelegate(self.ranked)
        self.ranked.setItemDelegate(self.delegate)
        self.open_label = QLabel("未入库的项目")
        self.open = _table(OPEN_HEADERS, stretch=8)
        self.ranked_ids: list[int] = []
        self.waiting_ids: list[int] = []
        self.open_ids: list[int] = []  # every row of the lower table: waiting, then returned or withdrawn
        self._last_chosen = self.ranked  # the table the user selected in last (a button takes the focus)
        self.ranked.itemSelectionChanged.connect(lambda: self._chosen(self.ranked))
        self.open.itemSelectionChanged.connect(lambda: self._chosen(self.open))
        self.ranked.doubleClicked.connect(lambda index: self._double_clicked(self.ranked_ids, index.row()))
        self.open.doubleClicked.connect(lambda index: self._double_clicked(self.open_ids, index.row()))
        self.by_direction = BarChart("拟补贴金额（按支持方向；灰色为预算线以下）")
        self.by_county = BarChart("申报项目数（按县、市、区）")
        charts = QHBoxLayout()
        charts.addWidget(self.by_direction, 3)
        charts.addWidget(self.by_county, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.strip)
        layout.addWidget(self.ranked, 3)
        layout.addWidget(self.open_label)
        layout.addWidget(self.open, 2)
        layout.addLayout(charts)

    def selected_ranked(self) -> int | None:
        """The row chosen in the ranking (None: none)."""
        rows = {i.row() for i in self.ranked.selectedIndexes()}
        return min(rows) if rows else None

    def selected_waiting(self) -> list[int]:
        rows = sorted({i.row() for i in self.open.selectedIndexes()})
        return [self.waiting_ids[r] for r in rows if r < len(self.waiting_ids)]

    def _chosen(self, table: QTableWidget) -> None:
        if table.selectedIndexes():
            self._last_chosen = table

    def selected_app_id(self) -> int | None:
        """The application chosen in either table (the one selected in last first); None: none."""
        tables = [(self.ranked, self.ranked_ids), (self.open, self.open_ids)]
        if self._last_chosen is self.open:
            tables.reverse()
        for table, ids in tables:
            rows = sorted({i.row() for i in table.selectedIndexes()})
            if rows and rows[0] < len(ids):
                return ids[rows[0]]
        return None

    def _double_clicked(self, ids: list[int], row: int) -> None:
        if 0 <= row < len(ids):
            self.details_requested.emit(ids[row])

    def show_data(self, data: FundBoardData) -> None:
        pool = data.pool
        campaign = data.campaign
        budget = (
            "未设定（请点“设定预算…”）" if pool.budget is None else f"{format_money(pool.budget)} 元"
        )
        remaining = "" if pool.remaining is None else f"，结余 {format_money(pool.remaining)} 元"
        days = (campaign.deadline.day - data.today).days
        deadline = f"已截止 {-days} 天" if days < 0 else f"距截止 {days} 天"
        self.summary.setText(
            f"<b>{campaign.title}</b>　截止 {campaign.deadline.text}（{deadline}）<br>"
            f"预算 {budget}；入库 {len(pool.lines)} 个，预算线以上 {pool.funded} 个，"
            f"拟补贴 {format_money(pool.funded_total)} 元{remaining}"
        )
        self.strip.set_segments(
            [(float(line.proposed), line.within_budget) for line in pool.lines],
            None if pool.budget is None else float(pool.budget),
            f"累计拟补贴 {format_money(pool.total)} 元"
            + ("" if pool.budget is None else f"，红线为预算 {format_money(pool.budget)} 元"),
        )
        self.ranked.setRowCount(len(pool.lines))
        for row, line in enumerate(pool.lines):
            grey = not line.within_budget
            values = [
                (str(line.rank), False),
                (line.direction.name if line.direction else line.app.direction_id, False),
                (line.app.county, False),
                (line.app.enterprise, False),
                (line.app.project_name, False),
                (format_money(line.cap.amount) if line.cap else "", True),
                (format_money(line.app.requested), True),
                (format_money(line.proposed), True),
                (format_money(line.running_total), True),
            ]
            for col, (text, right) in enumerate(values):
                self.ranked.setItem(row, col, _item(text, right=right, grey=grey))
        funded = pool.funded
        self.delegate.line_after_row = funded - 1 if pool.budget is not None and funded > 0 else None
        errors: dict[int, list[str]] = {}
        for v in data.violations:
            if v.application_id is not None and v.grade is Grade.ERROR and not v.is_overridden:
                errors.setdefault(v.application_id, []).append(
                    f"{v.message}（依据 {v.clause.split('：')[0]}）"
                )
        waiting = [a for a in data.apps if a.status.is_active and a.rank is None]
        gone = [a for a in data.apps if not a.status.is_active]  # returned or withdrawn: greyed, last
        self.ranked_ids = [line.app.id for line in pool.lines if line.app.id is not None]
        self.waiting_ids = [a.id for a in waiting if a.id is not None]
        self.open_ids = [a.id for a in waiting + gone if a.id is not None]
        others = f"；另有已退回或已撤回 {len(gone)} 个（灰色）" if gone else ""
        self.open_label.setText(f"未入库的项目（{len(waiting)} 个{others}）　双击项目查看详情、录入评审得分、添加发票")
        self.open.setRowCount(len(waiting) + len(gone))
        for row, app in enumerate(waiting + gone):
            direction = campaign.direction(app.direction_id)
            cap = max_subsidy(direction.subsidy, app) if direction else None
            messages = errors.get(app.id or 0, [])
            problems = len(messages)
            values = [
                (str(app.id), False),
                (direction.name if direction else app.direction_id, False),
                (app.county, False),
                (app.enterprise, False),
                (app.project_name, False),
                (format_money(cap.amount) if cap else "", True),
                (format_money(app.requested), True),
                ("" if app.review_score is None else str(app.review_score), True),
                (f"{problems} 个错误" if problems else "", False),
            ]
            inactive = not app.status.is_active
            if inactive:
                values[8] = (app.status.label, False)
            for col, (text, right) in enumerate(values):
                item = _item(text, right=right, grey=inactive)
                if col == 8 and problems and not inactive:
                    item.setForeground(LINE_COLOR)
                    item.setToolTip("\n".join(messages))
                self.open.setItem(row, col, item)
        bars = []
        for direction in campaign.directions:
            lines = pool.of_direction(direction.id)
            above = sum((x.proposed for x in lines if x.within_budget), ZERO)
            below = sum((x.proposed for x in lines if not x.within_budget), ZERO)
            bars.append(ChartBar(direction.name, float(above), f"{format_money(above)} 元"))
            if below:
                bars.append(
                    ChartBar(
                        direction.name + "（线下）", float(below), f"{format_money(below)} 元", dimmed=True
                    )
                )
        self.by_direction.set_bars(bars)
        self.by_county.set_bars([ChartBar(county, float(n), f"{n} 个") for county, n in data.by_county])
