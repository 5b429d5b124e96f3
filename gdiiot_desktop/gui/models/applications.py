"""The applications list: rows with their display texts and sort/search keys made once, and the filtering proxy.

Sorting and filtering 10,000 rows never calls `data()` row by row (TECH-NOTES, "Qt")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush

from gdiiot_desktop.domain.campaign import Campaign
from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.gui.search import fold, search_key
from gdiiot_desktop.storage.quick_read import ListEntry

if TYPE_CHECKING:
    from gdiiot_desktop.domain.model import Application

from .table import (
    APP_ID_ROLE,
    APPLICATION_ROLE,
    ERROR_COLOR,
    HINT_COLOR,
    NO_PROBLEMS,
    NOT_CHECKED,
    OK_COLOR,
    SEARCH_ROLE,
    SORT_ROLE,
    WARNING_COLOR,
    Index,
    ProblemCounts,
    Table,
)

Lookups = tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]  # category and direction id → (position, name)

_STATUS_RANK = {status: i for i, status in enumerate(Status)}
_STATUS_OF = {status.value: status for status in Status}  # a dict lookup: Status(value) is slow on 10,000 rows


def _status_label(status: Status, priority: int | None) -> str:
    if status is Status.RECOMMENDED and priority is not None:
        return f"已推荐（第{priority}位）"
    return status.label



# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------


@dataclass
class AppRow:
    """One application as the list shows it, with its keys computed once.

    `app` is None while the list shows the quick first read of the database (see
    storage.quick_read); the open workspace then supplies every Application.
    """

    id: int
    county: str
    category_id: str
    status: Status
    texts: list[str]
    sort_keys: list[Any]
    counts: ProblemCounts
    search_parts: tuple[str, str, str]  # project, applicant, USCC
    app: Application | None = None
    _search: str | None = None

    @property
    def search(self) -> str:
        """The search key, made on first use: pinyin initials of 10,000 rows take ~0.15 s."""
        if self._search is None:
            self._search = search_key(*self.search_parts)
        return self._search


class ApplicationsModel(Table):
    """The city's applications. Sorting is done here on precomputed keys (see ApplicationsProxy.sort)."""

    COL_PRIORITY, COL_PROJECT, COL_APPLICANT, COL_USCC, COL_COUNTY, COL_CATEGORY, COL_DIRECTION, COL_STATUS, COL_PROBLEMS = range(9)  # fmt: skip
    HEADERS = ("顺序", "项目名称", "申报单位", "统一社会信用代码", "县区", "类别", "具体方向", "状态", "问题")
    FOLDED_COLUMNS = (COL_PROJECT, COL_APPLICANT)  # sorted on folded text, made on first use

    def __init__(self, campaign: Campaign, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.campaign = campaign
        # A row stays the ListEntry of the quick read until it is first needed (~4 µs each, 10,000 of them).
        self._rows: list[AppRow | ListEntry] = []
        self._row_of: dict[int, int] = {}
        self._counts: dict[int, ProblemCounts] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._keys_made = 0  # make_search_keys' progress (rows before it have their key)
        self.checked = False  # until the first check's counts arrive the problems column says so

    # --- Qt interface ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._at(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_PROBLEMS:
                return "双击打开申报书；下方“问题”面板列出每一项问题及其依据"
            return row.texts[col] or None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_PROBLEMS:
            if not self.checked:
                return QBrush(HINT_COLOR)
            c = row.counts
            color = ERROR_COLOR if c.errors else (WARNING_COLOR if c.warnings else (HINT_COLOR if c.hints else OK_COLOR))
            return QBrush(color)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_PRIORITY:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == APP_ID_ROLE:
            return row.id
        if role == APPLICATION_ROLE:
            return row.app
        if role == SORT_ROLE:
            key = row.sort_keys[col]
            return fold(row.texts[col]) if key is None else key
        if role == SEARCH_ROLE:
            return row.search
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder rows on the column's precomputed key (a few ms for 10,000 rows)."""
        if not 0 <= column < len(self.HEADERS):
            return
        self._sort = (column, order)
        self._relayout(self._rows)

    # --- our API ----------------------------------------------------------------------------
    def set_entries(self, entries: Sequence[ListEntry]) -> None:
        """Show the quick first read of the database: every row, no Application behind it yet."""
        self._replace_rows(list(entries))

    def set_applications(self, apps: Sequence[Application]) -> None:
        """Show these applications. Rows already shown for the same applications keep their place,
        so the selection and the scroll position survive (the quick first read, a reload)."""
        lookups = self._lookups()
        self._replace_rows([self._make_row(app, lookups) for app in apps])

    def set_problem_counts(self, counts: dict[int, ProblemCounts]) -> None:
        """New counts from a check: updates the problems column in place."""
        self._counts = counts
        self.checked = True
        empty = ProblemCounts()
        for row in self.rows():
            row.counts = counts.get(row.id, empty)
            row.texts[self.COL_PROBLEMS] = row.counts.text
            row.sort_keys[self.COL_PROBLEMS] = row.counts.sort_key
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.COL_PROBLEMS), self.index(len(self._rows) - 1, self.COL_PROBLEMS)
            )

    def upsert(self, app: Application) -> None:
        """Show a saved application: its row is updated in place, or added at the end."""
        assert app.id is not None
        row_no = self._row_of.get(app.id)
        new = self._make_row(app, self._lookups())
        if row_no is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(new)
            self._row_of[app.id] = len(self._rows) - 1
            self.endInsertRows()
        else:
            self._rows[row_no] = new
            self.dataChanged.emit(self.index(row_no, 0), self.index(row_no, len(self.HEADERS) - 1))

    def apply_changes(self, updated: Sequence[Application], removed: Sequence[int]) -> None:
        """Show what a write changed: rows replaced in place and put back in sort order (a new priority
        moves its row when the list is sorted by 顺序), deleted rows dropped. The selection follows."""
        for app_id in removed:
            self.remove(app_id)
        lookups = self._lookups()
        rows = list(self._rows)
        for app in updated:
            row_no = self._row_of.get(app.id) if app.id is not None else None
            if row_no is not None:
                rows[row_no] = self._make_row(app, lookups)
        if rows:
            self._relayout(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))
        for app in updated:
            if app.id not in self._row_of:
                self.upsert(app)

    def remove(self, app_id: int) -> None:
        """Drop a deleted application's row; the rows after it move up one."""
        row_no = self._row_of.get(app_id)
        if row_no is None:
            return
        self.beginRemoveRows(QModelIndex(), row_no, row_no)
        del self._rows[row_no]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._keys_made = min(self._keys_made, row_no)
        self.endRemoveRows()

    @property
    def complete(self) -> bool:
        """Whether every row has its Application (False while the quick first read is shown)."""
        return all(isinstance(r, AppRow) and r.app is not None for r in self._rows)

    def row_of(self, app_id: int) -> int | None:
        return self._row_of.get(app_id)

    def app_at(self, row: int) -> Application:
        app = self._at(row).app
        assert app is not None, "the list still shows the quick first read"
        return app

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def applications(self) -> list[Application]:
        return [r.app for r in self._rows if isinstance(r, AppRow) and r.app is not None]

    def rows(self) -> list[AppRow]:
        """Every row, made now where still pending."""
        return [self._at(i) for i in range(len(self._rows))]

    def counties(self) -> list[str]:
        return sorted({r.county for r in self._rows})

    def make_search_keys(self, limit: int) -> bool:
        """Compute up to `limit` rows' search keys ahead of the first keystroke; True once every row has one.

        Called in small steps while the window is idle, so painting and typing are never held up."""
        made = 0
        while self._keys_made < len(self._rows) and made < limit:
            _ = self._at(self._keys_made).search
            self._keys_made += 1
            made += 1
        return self._keys_made >= len(self._rows)

    # --- internals --------------------------------------------------------------------------
    def _lookups(self) -> Lookups:
        """Category and direction id → (position, name), made once per campaign."""
        cached = self.__dict__.get("_lookup_cache")
        if cached is None or cached[0] is not self.campaign:
            categories = {c.id: (i, c.name) for i, c in enumerate(self.campaign.categories)}
            directions = {d.id: (d.no, d.name) for d in self.campaign.directions}
            cached = (self.campaign, categories, directions)
            self.__dict__["_lookup_cache"] = cached
        return cached[1], cached[2]

    def _make_row(self, app: Application, lookups: Lookups) -> AppRow:
        assert app.id is not None
        a = app.applicant
        return self._row(app.id, app.priority, app.status, app.project_name, a.name, a.uscc, app.county,
                         app.category_id, app.direction_id, app, lookups)  # fmt: skip

    def _entry_row(self, e: ListEntry, lookups: Lookups) -> AppRow:
        return self._row(e.id, e.priority, _STATUS_OF[e.status], e.project_name, e.applicant_name, e.uscc, e.county,
                         e.category_id, e.direction_id, None, lookups)  # fmt: skip

    def _row(
        self,
        app_id: int,
        priority: int | None,
        status: Status,
        project: str,
        applicant: str,
        uscc: str,
        county: str,
        category_id: str,
        direction_id: str,
        app: Application | None,
        lookups: Lookups,
    ) -> AppRow:
        categories, directions = lookups
        category = categories.get(category_id, (99, category_id))
        direction = directions.get(direction_id, (999, direction_id))
        counts = self._counts.get(app_id, NO_PROBLEMS) if self._counts else NO_PROBLEMS
        recommended = status is Status.RECOMMENDED and priority is not None
        texts = [str(priority) if recommended else "", project, applicant, uscc, county, category[1], direction[1],
                 _status_label(status, priority), counts.text if self.checked else NOT_CHECKED]  # fmt: skip
        sort_keys: list[Any] = [
            _priority_sort_key(app_id, status, priority),
            None,  # the project's and the applicant's keys are folded when first sorted on (see _apply_sort)
            None,
            uscc,
            county,
            category,
            direction,
            (_STATUS_RANK[status], priority or 0),
            counts.sort_key,
        ]
        return AppRow(app_id, county, category_id, status, texts, sort_keys, counts, (project, applicant, uscc), app)

    def _at(self, row: int) -> AppRow:
        """The row at `row`, made from its quick-read entry if it was not yet."""
        found = self._rows[row]
        if isinstance(found, AppRow):
            return found
        made = self._entry_row(found, self._lookups())
        self._rows[row] = made
        return made

    def _replace_rows(self, rows: list[AppRow | ListEntry]) -> None:
        if self._rows and {r.id for r in rows} == set(self._row_of):
            self._relayout(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._apply_sort()
        self.endResetModel()

    def _relayout(self, rows: list[AppRow | ListEntry]) -> None:
        """Put `rows` (the same applications as shown) in sort order; persistent indexes follow their row."""
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old_persistent]
        self._rows = rows
        self._apply_sort()
        new_indexes = [
            self.index(self._row_of[app_id], i.column()) if app_id in self._row_of else QModelIndex()
            for app_id, i in zip(old_ids, old_persistent, strict=True)
        ]
        self.changePersistentIndexList(old_persistent, new_indexes)
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            reverse = order == Qt.SortOrder.DescendingOrder
            if column == self.COL_PRIORITY:  # the first sort: no row needs making for it
                self._rows.sort(key=_priority_order, reverse=reverse)
            else:
                rows = self.rows()
                if column in self.FOLDED_COLUMNS:
                    for r in rows:
                        if r.sort_keys[column] is None:
                            r.sort_keys[column] = fold(r.texts[column])
                ordered = sorted(rows, key=lambda r: (r.sort_keys[column], r.id), reverse=reverse)
                self._rows = [*ordered]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._keys_made = 0  # rows moved: make_search_keys starts over (rows with a key are quick to pass)


def _priority_sort_key(app_id: int, status: str, priority: int | None) -> tuple[int, int]:
    """Recommended applications first in their order, then the others by id.

    `status` is a Status or its value: a StrEnum equals its value, so quick-read entries need no conversion."""
    return (0, priority) if status == Status.RECOMMENDED and priority is not None else (1, app_id)


def _priority_order(row: AppRow | ListEntry) -> tuple[int, int, int]:
    """The list's first order, for made rows and quick-read entries alike (one call per row: 10,000 at start)."""
    if type(row) is ListEntry:
        return (*_priority_sort_key(row.id, row.status, row.priority), row.id)
    rank, value = row.sort_keys[ApplicationsModel.COL_PRIORITY]  # type: ignore[union-attr]
    return (rank, value, row.id)


@dataclass(frozen=True)
class ListFilter:
    """What the filter bar asks for; empty fields do not filter."""

    text: str = ""
    county: str = ""
    category_id: str = ""
    status: Status | None = None
    problems: str = ""  # "errors", "warnings", "any", "none"


class ApplicationsProxy(QSortFilterProxyModel):
    """Filters on the model's precomputed keys; sorting is handed to the source model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = ListFilter()
        self._accepted: set[int] | None = None  # accepted app ids; None accepts everything
        self._model: ApplicationsModel | None = None

    def setSourceModel(self, model: QAbstractTableModel) -> None:  # type: ignore[override]
        assert isinstance(model, ApplicationsModel)
        self._model = model
        super().setSourceModel(model)
        model.modelReset.connect(self._recompute)
        model.dataChanged.connect(self._on_data_changed)
        model.rowsInserted.connect(self._recompute)
        self._recompute()

    def source(self) -> ApplicationsModel:
        model = self.sourceModel()
        assert isinstance(model, ApplicationsModel)
        return model

    @property
    def list_filter(self) -> ListFilter:
        return self._filter

    def set_filter(self, list_filter: ListFilter) -> None:
        if list_filter == self._filter:
            return
        self._filter = list_filter
        self._recompute()

    def set_text(self, text: str) -> None:
        self.set_filter(ListFilter(text, self._filter.county, self._filter.category_id, self._filter.status, self._filter.problems))

    # --- Qt interface ---------------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._accepted is None or self._model is None:
            return True
        return self._model._rows[source_row].id in self._accepted

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, ApplicationsModel):
            model.sort(column, order)

    # --- internals --------------------------------------------------------------------------
    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()) -> None:
        # Problem counts or an edited row may change what the filter accepts.
        if self._filter != ListFilter():
            self._recompute()

    def _recompute(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, ApplicationsModel):
            return
        f = self._filter
        if f == ListFilter():
            accepted = None
        else:
            needle = fold(f.text)
            selected = model.rows()
            if needle:
                selected = [r for r in selected if needle in r.search]
            if f.county:
                selected = [r for r in selected if r.county == f.county]
            if f.category_id:
                selected = [r for r in selected if r.category_id == f.category_id]
            if f.status is not None:
                selected = [r for r in selected if r.status is f.status]
            if f.problems == "errors":
                selected = [r for r in selected if r.counts.errors]
            elif f.problems == "warnings":
                selected = [r for r in selected if r.counts.warnings]
            elif f.problems == "any":
                selected = [r for r in selected if r.counts.errors or r.counts.warnings]
            elif f.problems == "none":
                selected = [r for r in selected if not (r.counts.errors or r.counts.warnings)]
            accepted = {r.id for r in selected}
        if accepted is None and self._accepted is None:
            return  # nothing filtered before or now: Qt has already seen every row (10,000 calls spared)
        self.beginFilterChange()
        self._accepted = accepted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
