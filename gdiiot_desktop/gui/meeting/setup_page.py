"""The set-up screen: meeting details, the panel of experts, and conflicts of interest (recusals)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.domain.meeting.conflicts import SuggestedConflict
from gdiiot_desktop.domain.meeting.model import MeetingState, RecusalKind
from gdiiot_desktop.domain.model import Application
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.services.meeting import setup
from gdiiot_desktop.services.workspace import Workspace

from .table import RowsModel


def _table(model: RowsModel, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class SetupPage(QWidget):
    """Edit the meeting's details, experts and recusals; emits `changed` after each change."""

    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.state: MeetingState | None = None
        self.apps: dict[int, Application] = {}
        self.suggestions: list[SuggestedConflict] = []

        details = QGroupBox("会议信息", self)
        self.title = QLineEdit(self)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy年M月d日")
        self.place = QLineEdit(self)
        self.chair = QLineEdit(self)
        self.presentation = QSpinBox(self)
        self.presentation.setRange(0, 120)
        self.presentation.setSuffix(" 分钟")
        self.questions = QSpinBox(self)
        self.questions.setRange(0, 120)
        self.questions.setSuffix(" 分钟")
        self.save_details = QPushButton("保存会议信息", self)
        form = QFormLayout(details)
        form.addRow("名称", self.title)
        form.addRow("日期", self.date)
        form.addRow("地点", self.place)
        form.addRow("主持人", self.chair)
        form.addRow("每项汇报", self.presentation)
        form.addRow("每项答疑", self.questions)
        form.addRow(self.save_details)

        experts = QGroupBox("评审专家", self)
        self.expert_model = RowsModel(["编号", "姓名", "工作单位", "专业领域"], self)
        self.expert_view = _table(self.expert_model, "expertTable", self)
        self.expert_name = QLineEdit(self)
        self.expert_name.setPlaceholderText("姓名")
        self.expert_org = QLineEdit(self)
        self.expert_org.setPlaceholderText("工作单位")
        self.expert_field = QLineEdit(self)
        self.expert_field.setPlaceholderText("专业领域")
        self.add_expert_button = QPushButton("添加专家", self)
        self.remove_expert_button = QPushButton("移出选中专家", self)
        row = QHBoxLayout()
        for widget in (
            self.expert_name,
            self.expert_org,
            self.expert_field,
            self.add_expert_button,
            self.remove_expert_button,
        ):
            row.addWidget(widget)
        box = QVBoxLayout(experts)
        box.addWidget(self.expert_view)
        box.addLayout(row)

        conflicts = QGroupBox("利益冲突与回避", self)
        self.recusal_model = RowsModel(["专家", "项目", "方式", "理由"], self)
        self.recusal_view = _table(self.recusal_model, "recusalTable", self)
        self.suggestion_model = RowsModel(["可能的冲突（按名称匹配）", "专家", "项目"], self)
        self.suggestion_view = _table(self.suggestion_model, "suggestionTable", self)
        self.apply_suggestion = QPushButton("将选中的提示记为回避", self)
        self.recuse_expert = QComboBox(self)
        self.recuse_app = QComboBox(self)
        self.recuse_kind = QComboBox(self)
        for kind in RecusalKind:
            self.recuse_kind.addItem(kind.label, kind)
        self.recuse_reason = QLineEdit(self)
        self.recuse_reason.setPlaceholderText("回避理由，如：同一单位、存在咨询服务关系")
        self.recuse_button = QPushButton("记录回避", self)
        self.withdraw_button = QPushButton("撤销选中的回避", self)
        manual = QHBoxLayout()
        for field in (
            self.recuse_expert,
            self.recuse_app,
            self.recuse_kind,
            self.recuse_reason,
            self.recuse_button,
        ):
            manual.addWidget(field)
        box = QVBoxLayout(conflicts)
        box.addWidget(self.recusal_view)
        box.addWidget(self.withdraw_button)
        box.addWidget(self.suggestion_view)
        box.addWidget(self.apply_suggestion)
        box.addLayout(manual)

        left = QVBoxLayout()
        left.addWidget(details)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(experts, 2)
        right.addWidget(conflicts, 3)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)

        self.save_details.clicked.connect(self._save_details)
        self.add_expert_button.clicked.connect(self._add_expert)
        self.remove_expert_button.clicked.connect(self._remove_expert)
        self.apply_suggestion.clicked.connect(self._apply_suggestion)
        self.recuse_button.clicked.connect(self._recuse)
        self.withdraw_button.clicked.connect(self._withdraw)

    def set_state(self, state: MeetingState, apps: dict[int, Application]) -> None:
        self.state, self.apps = state, apps
        info = state.info
        self.title.setText(info.title)
        self.date.setDate(QDate(info.held_on.year, info.held_on.month, info.held_on.day))
        self.place.setText(info.place)
        self.chair.setText(info.chair)
        self.presentation.setValue(info.presentation_minutes)
        self.questions.setValue(info.questions_minutes)
        self.expert_model.set_rows(
            [[str(e.id), e.name, e.organisation, e.field] for e in state.experts],
            [e.id for e in state.experts],
        )
        names = {e.id: e.name for e in state.experts}
        self.recusal_model.set_rows(
            [
                [names.get(r.expert_id, ""), apps[r.application_id].project_name, r.kind.label, r.reason]
                for r in state.recusals
            ],
            [(r.expert_id, r.application_id) for r in state.recusals],
        )
        self.suggestions = [] if info.locked else setup.suggested_conflicts(self.ws, info.id)
        self.suggestion_model.set_rows(
            [
                [s.reason, names.get(s.expert_id, ""), apps[s.application_id].project_name]
                for s in self.suggestions
            ],
            self.suggestions,
            ["#fff4ce"] * len(self.suggestions),
        )
        for combo, items in (
            (self.recuse_expert, [(e.name, e.id) for e in state.experts]),
            (self.recuse_app, [(apps[a].project_name, a) for a in state.application_ids]),
        ):
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
        for kind in (QPushButton, QLineEdit, QComboBox, QSpinBox, QDateEdit):
            for widget in self.findChildren(kind):
                widget.setEnabled(not info.locked)

    # --- actions --------------------------------------------------------------------------

    def _do(self, action: Callable[[], object], title: str) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user
            show_error(self, exc, title)
            return
        self.changed.emit()

    def _meeting(self) -> int:
        assert self.state is not None
        return self.state.info.id

    def _save_details(self) -> None:
        d = self.date.date()
        self._do(
            lambda: setup.update_meeting(
                self.ws,
                self._meeting(),
                title=self.title.text(),
                held_on=date(d.year(), d.month(), d.day()),
                place=self.place.text(),
                chair=self.chair.text(),
                presentation_minutes=self.presentation.value(),
                questions_minutes=self.questions.value(),
            ),
            "会议信息未保存",
        )

    def _add_expert(self) -> None:
        def add() -> None:
            setup.add_expert(
                self.ws,
                self._meeting(),
                self.expert_name.text(),
                self.expert_org.text(),
                self.expert_field.text(),
            )
            for edit in (self.expert_name, self.expert_org, self.expert_field):
                edit.clear()

        self._do(add, "未能添加专家")

    def _selected_key(self, view: QTableView, model: RowsModel) -> object:
        rows = view.selectionModel().selectedRows()
        return model.key_at(rows[0].row()) if rows else None

    def _remove_expert(self) -> None:
        expert_id = self._selected_key(self.expert_view, self.expert_model)
        if expert_id is not None:
            self._do(
                lambda: setup.remove_expert(self.ws, self._meeting(), int(str(expert_id))), "未能移出专家"
            )

    def _apply_suggestion(self) -> None:
        found = self._selected_key(self.suggestion_view, self.suggestion_model)
        if isinstance(found, SuggestedConflict):
            self._do(
                lambda: setup.recuse(
                    self.ws,
                    self._meeting(),
                    found.expert_id,
                    found.application_id,
                    found.reason,
                    RecusalKind.ASSIGNED,
                ),
                "未能记录回避",
            )

    def _recuse(self) -> None:
        self._do(
            lambda: setup.recuse(
                self.ws,
                self._meeting(),
                self.recuse_expert.currentData(),
                self.recuse_app.currentData(),
                self.recuse_reason.text(),
                self.recuse_kind.currentData(),
            ),
            "未能记录回避",
        )

    def _withdraw(self) -> None:
        key = self._selected_key(self.recusal_view, self.recusal_model)
        if isinstance(key, tuple):
            self._do(lambda: setup.withdraw_recusal(self.ws, self._meeting(), key[0], key[1]), "未能撤销回避")
