"""Table models of the main window: applications (with a filtering proxy), violations, rules, backups.

Every model keeps display texts and sort/search keys precomputed per row, so sorting and
filtering 10,000 rows never calls `data()` row by row (TECH-NOTES, "Qt").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from gdiiot_desktop.domain.campaign import Campaign, Direction, RuleSpec
from gdiiot_desktop.domain.enums import AttachmentClass, Authority, Grade, Status
from gdiiot_desktop.gui.search import fold, search_key
from gdiiot_desktop.storage.quick_read import ListEntry

if TYPE_CHECKING:
    from gdiiot_desktop.domain.model import Application, Attachment, Violation
    from gdiiot_desktop.services.settings import BackupInfo, CountyInfo

Index = QModelIndex | QPersistentModelIndex
Lookups = tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]  # category and direction id → (position, name)

# Custom roles shared by the models.
APP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
APPLICATION_ROLE = Qt.ItemDataRole.UserRole + 2
VIOLATION_ROLE = Qt.ItemDataRole.UserRole + 3
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 5
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 6

ERROR_COLOR = QColor("#b3261e")
NEEDS_COLOR = QColor("#9a5b00")
WARNING_COLOR = QColor("#8a6d00")
HINT_COLOR = QColor("#5f6368")
OK_COLOR = QColor("#1e7b34")

GRADE_COLORS = {
    Grade.ERROR: ERROR_COLOR,
    Grade.NEEDS_EXPLANATION: NEEDS_COLOR,
    Grade.WARNING: WARNING_COLOR,
    Grade.HINT: HINT_COLOR,
}


@dataclass(frozen=True)
class ProblemCounts:
    """Violations of one application by severity; overridden ones are counted apart."""

    errors: int = 0
    warnings: int = 0  # needs explanation + warning
    hints: int = 0
    overridden: int = 0

    @classmethod
    def of(cls, violations: Iterable[Violation]) -> ProblemCounts:
        errors = warnings = hints = overridden = 0
        for v in violations:
            if v.is_overridden:
                overridden += 1
            elif v.grade is Grade.ERROR:
                errors += 1
            elif v.grade is Grade.HINT:
                hints += 1
            else:
                warnings += 1
        return cls(errors, warnings, hints, overridden)

    @cached_property
    def text(self) -> str:
        parts = []
        if self.errors:
            parts.append(f"错误 {self.errors}")
        if self.warnings:
            parts.append(f"警告 {self.warnings}")
        if self.hints:
            parts.append(f"提示 {self.hints}")
        if self.overridden:
            parts.append(f"已说明 {self.overridden}")
        return "，".join(parts) if parts else "无"

    @cached_property
    def sort_key(self) -> tuple[int, int, int]:
        return (-self.errors, -self.warnings, -self.hints)


_NO_PROBLEMS = ProblemCounts()
NOT_CHECKED = "检查中…"  # the problems column before the first check: never "无" by default
_STATUS_RANK = {status: i for i, status in enumerate(Status)}
_STATUS_OF = {status.value: status for status in Status}  # a dict lookup: Status(value) is slow on 10,000 rows


def _status_label(status: Status, priority: int | None) -> str:
    if status is Status.RECOMMENDED and priority is not None:
        return f"已推荐（第{priority}位）"
    return status.label


class _Table(QAbstractTableModel):
    """Shared header handling: subclasses set HEADERS."""

    HEADERS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None


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


class ApplicationsModel(_Table):
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
        counts = self._counts.get(app_id, _NO_PROBLEMS) if self._counts else _NO_PROBLEMS
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


# ---------------------------------------------------------------------------------------------
# Violations
# ---------------------------------------------------------------------------------------------


class ViolationsModel(_Table):
    """Violations of one application or of the whole city, each with its clause."""

    COL_GRADE, COL_PROJECT, COL_MESSAGE, COL_RULE, COL_OVERRIDE = range(5)
    HEADERS = ("级别", "项目", "问题", "规则", "说明")

    def __init__(self, campaign: Campaign, parent: QObject | None = None, *, show_project: bool = True) -> None:
        super().__init__(parent)
        self.campaign = campaign
        self.show_project = show_project
        self._items: list[Violation] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        v = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_GRADE:
                return "已说明" if v.is_overridden else v.grade.label
            if col == self.COL_PROJECT:
                return v.project or "（全市）"
            if col == self.COL_MESSAGE:
                return v.message
            if col == self.COL_RULE:
                spec = self.campaign.rules.get(v.rule)
                return spec.title if spec else v.rule
            if col == self.COL_OVERRIDE:
                if v.override_reason:
                    return v.override_reason
                return "可记录说明" if v.overridable else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{v.message}\n\n依据：{v.clause}\n规则编号：{v.rule}"
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_GRADE:
            return QBrush(OK_COLOR if v.is_overridden else GRADE_COLORS[v.grade])
        if role == VIOLATION_ROLE:
            return v
        if role == APP_ID_ROLE:
            return v.application_id
        return None

    def set_violations(self, violations: Sequence[Violation]) -> None:
        self.beginResetModel()
        self._items = list(violations)
        self.endResetModel()

    def violation_at(self, row: int) -> Violation:
        return self._items[row]

    def violations(self) -> list[Violation]:
        return list(self._items)


# ---------------------------------------------------------------------------------------------
# Rules of the campaign
# ---------------------------------------------------------------------------------------------


class RulesModel(_Table):
    """The campaign's rules in plain Chinese: title, grade, whether it can be overridden, clause."""

    COL_TITLE, COL_GRADE, COL_OVERRIDABLE, COL_CLAUSE, COL_CLAUSE_TEXT, COL_ID = range(6)
    HEADERS = ("规则", "级别", "可说明", "条款", "条款原文", "编号")

    def __init__(self, rules: Sequence[RuleSpec] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rules = list(rules)

    def set_rules(self, rules: Sequence[RuleSpec]) -> None:
        self.beginResetModel()
        self._rules = list(rules)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rules)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rules[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.title, r.grade.label, "是" if r.overridable else "否", r.clause, r.clause_text, r.id)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.citation}\n规则编号：{r.id}"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.COL_GRADE:
            return QBrush(GRADE_COLORS[r.grade])
        if role == OBJECT_ROLE:
            return r
        return None

    def rule_at(self, row: int) -> RuleSpec:
        return self._rules[row]


# ---------------------------------------------------------------------------------------------
# Attachments of one application
# ---------------------------------------------------------------------------------------------


def size_text(size: int) -> str:
    if size >= 1024 * 1024 * 1024:
        return f"{size / 1024 ** 3:.2f} GB"
    if size >= 1024 * 1024:
        return f"{size / 1024 ** 2:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} 字节"


def duration_text(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}分{whole % 60:02d}秒"


def attachment_detail(a: Attachment) -> str:
    if a.duration_seconds is not None:
        return f"时长 {duration_text(a.duration_seconds)}"
    if a.pages is not None:
        return f"{a.pages} 页"
    return ""


class AttachmentsModel(_Table):
    """The files of one application; the class column is edited through a drop-down delegate."""

    COL_CLASS, COL_NAME, COL_YEAR, COL_SIZE, COL_DETAIL, COL_NOTE = range(6)
    HEADERS = ("类别", "文件名", "年度", "大小", "页数/时长", "说明")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Attachment] = []
        self.editable = True
        # Set by the editor: a plain callback keeps the model free of service calls.
        self.on_class_change: Callable[[Attachment, AttachmentClass], None] | None = None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self._items[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = (
                a.attachment_class.label,
                a.file_name,
                str(a.year) if a.year else "",
                size_text(a.size),
                attachment_detail(a),
                a.note,
            )
            if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_NAME:
                return f"{a.file_name}\n文件校验码：{a.sha256}"
            return texts[col]
        if role == Qt.ItemDataRole.EditRole and col == self.COL_CLASS:
            return a.attachment_class.value
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_NOTE and a.note:
            return QBrush(WARNING_COLOR)
        if role == OBJECT_ROLE:
            return a
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() == self.COL_CLASS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Only records the wish: the editor changes the class through the service and reloads."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != self.COL_CLASS:
            return False
        try:
            new = AttachmentClass(value)
        except ValueError:
            return False
        current = self._items[index.row()]
        if new is current.attachment_class:
            return False
        if self.on_class_change is not None:
            self.on_class_change(current, new)
        return True

    def set_attachments(self, attachments: Sequence[Attachment]) -> None:
        self.beginResetModel()
        self._items = list(attachments)
        self.endResetModel()

    def attachment_at(self, row: int) -> Attachment:
        return self._items[row]

    def attachments(self) -> list[Attachment]:
        return list(self._items)


# ---------------------------------------------------------------------------------------------
# Directions (editable: name and authority)
# ---------------------------------------------------------------------------------------------

AUTHORITY_CHOICES: tuple[tuple[Authority, ...], ...] = (
    (Authority.MIIT_PROVINCE,),
    (Authority.COMMUNICATIONS_ADMINISTRATION,),
    (Authority.MIIT_PROVINCE, Authority.COMMUNICATIONS_ADMINISTRATION),
)


def authority_text(authorities: Sequence[Authority]) -> str:
    return "、".join(a.value for a in authorities)


class DirectionsModel(_Table):
    """The direction list being edited; `changed` tells whether it differs from the stored one."""

    COL_NO, COL_CATEGORY, COL_NAME, COL_AUTHORITY = range(4)
    HEADERS = ("序号", "类别", "具体方向", "负责单位")

    def __init__(self, campaign: Campaign, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.campaign = campaign
        self.editable = True
        self._stored: list[Direction] = list(campaign.directions)
        self._items: list[Direction] = list(campaign.directions)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self._items[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_NO:
                return str(d.no)
            if col == self.COL_CATEGORY:
                category = self.campaign.category(d.category_id)
                return category.name if category else d.category_id
            if col == self.COL_NAME:
                return d.name
            return d.authority_text
        if role == Qt.ItemDataRole.FontRole and d != self._stored_by_id().get(d.id):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == OBJECT_ROLE:
            return d
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.editable and index.column() in (self.COL_NAME, self.COL_AUTHORITY):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        from dataclasses import replace

        d = self._items[index.row()]
        if index.column() == self.COL_NAME:
            name = " ".join(str(value).split())
            if not name or name == d.name:
                return False
            self._items[index.row()] = replace(d, name=name)
        elif index.column() == self.COL_AUTHORITY:
            choice = next((c for c in AUTHORITY_CHOICES if authority_text(c) == str(value)), None)
            if choice is None or choice == d.authorities:
                return False
            self._items[index.row()] = replace(d, authorities=choice)
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.HEADERS) - 1))
        return True

    def set_directions(self, directions: Sequence[Direction], *, stored: bool) -> None:
        self.beginResetModel()
        self._items = list(directions)
        if stored:
            self._stored = list(directions)
        self.endResetModel()

    def directions(self) -> list[Direction]:
        return list(self._items)

    @property
    def changed(self) -> bool:
        return self._items != self._stored

    def _stored_by_id(self) -> dict[str, Direction]:
        return {d.id: d for d in self._stored}


# ---------------------------------------------------------------------------------------------
# Settings: counties and backups
# ---------------------------------------------------------------------------------------------


class CountiesModel(_Table):
    COL_NAME, COL_APPLICATIONS = range(2)
    HEADERS = ("县区", "申报项目数")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CountyInfo] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return c.name if index.column() == self.COL_NAME else str(c.applications)
        if role == OBJECT_ROLE:
            return c
        return None

    def set_counties(self, counties: Sequence[CountyInfo]) -> None:
        self.beginResetModel()
        self._items = list(counties)
        self.endResetModel()

    def county_at(self, row: int) -> CountyInfo:
        return self._items[row]


BACKUP_REASONS = {
    "manual": "手动备份",
    "auto": "自动备份",
    "before-migration": "升级前自动备份",
    "before-restore": "恢复前自动备份",
    "before-restore-damaged": "恢复前备份（原库已损坏）",
}


class BackupsModel(_Table):
    COL_CREATED, COL_REASON, COL_SIZE, COL_FILE = range(4)
    HEADERS = ("时间", "原因", "大小", "文件")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[BackupInfo] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{b.created:%Y-%m-%d %H:%M:%S}",
                BACKUP_REASONS.get(b.reason, b.reason),
                size_text(b.size),
                b.path.name,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == OBJECT_ROLE:
            return b
        return None

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        self.beginResetModel()
        self._items = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._items[row]
