"""The set-up screen: meeting details, the panel of experts, and conflicts of interest (recusals)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from gdiiot_desktop.domain.meeting.conflicts import SuggestedConflict
from gdiiot_desktop.domain.meeting.model import MeetingState, RecusalKind
from gdiiot_desktop.domain.model import Application
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_meeting_setup_page import Ui_MeetingSetupPage
from gdiiot_desktop.services.meeting import setup
from gdiiot_desktop.services.workspace import Workspace

from .table import RowsModel


def _show(view: QTableView, model: RowsModel) -> None:
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)


class SetupPage(QWidget):
    """Edit the meeting's details, experts and recusals; emits `changed` after each change."""

    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingSetupPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = ws
        self.state: MeetingState | None = None
        self.apps: dict[int, Application] = {}
        self.suggestions: list[SuggestedConflict] = []
        ui = self.ui
        self.expert_model = RowsModel(["编号", "姓名", "工作单位", "专业领域"], self)
        self.recusal_model = RowsModel(["专家", "项目", "方式", "理由"], self)
        self.suggestion_model = RowsModel(["可能的冲突（按名称匹配）", "专家", "项目"], self)
        _show(ui.expertTable, self.expert_model)
        _show(ui.recusalTable, self.recusal_model)
        _show(ui.suggestionTable, self.suggestion_model)
        for kind in RecusalKind:
            ui.recuseKindCombo.addItem(kind.label, kind)

        ui.saveDetailsButton.clicked.connect(self._save_details)
        ui.addExpertButton.clicked.connect(self._add_expert)
        ui.removeExpertButton.clicked.connect(self._remove_expert)
        ui.applySuggestionButton.clicked.connect(self._apply_suggestion)
        ui.recuseButton.clicked.connect(self._recuse)
        ui.withdrawRecusalButton.clicked.connect(self._withdraw)

    def set_state(self, state: MeetingState, apps: dict[int, Application]) -> None:
        self.state, self.apps = state, apps
        info = state.info
        self.ui.titleEdit.setText(info.title)
        self.ui.dateEdit.setDate(QDate(info.held_on.year, info.held_on.month, info.held_on.day))
        self.ui.placeEdit.setText(info.place)
        self.ui.chairEdit.setText(info.chair)
        self.ui.presentationMinutesSpin.setValue(info.presentation_minutes)
        self.ui.questionsMinutesSpin.setValue(info.questions_minutes)
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
            (self.ui.recuseExpertCombo, [(e.name, e.id) for e in state.experts]),
            (self.ui.recuseApplicationCombo, [(apps[a].project_name, a) for a in state.application_ids]),
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
        d = self.ui.dateEdit.date()
        self._do(
            lambda: setup.update_meeting(
                self.ws,
                self._meeting(),
                title=self.ui.titleEdit.text(),
                held_on=date(d.year(), d.month(), d.day()),
                place=self.ui.placeEdit.text(),
                chair=self.ui.chairEdit.text(),
                presentation_minutes=self.ui.presentationMinutesSpin.value(),
                questions_minutes=self.ui.questionsMinutesSpin.value(),
            ),
            "会议信息未保存",
        )

    def _add_expert(self) -> None:
        def add() -> None:
            setup.add_expert(
                self.ws,
                self._meeting(),
                self.ui.expertNameEdit.text(),
                self.ui.expertOrganisationEdit.text(),
                self.ui.expertFieldEdit.text(),
            )
            for edit in (self.ui.expertNameEdit, self.ui.expertOrganisationEdit, self.ui.expertFieldEdit):
                edit.clear()

        self._do(add, "未能添加专家")

    def _selected_key(self, view: QTableView, model: RowsModel) -> object:
        rows = view.selectionModel().selectedRows()
        return model.key_at(rows[0].row()) if rows else None

    def _remove_expert(self) -> None:
        expert_id = self._selected_key(self.ui.expertTable, self.expert_model)
        if expert_id is not None:
            self._do(
                lambda: setup.remove_expert(self.ws, self._meeting(), int(str(expert_id))), "未能移出专家"
            )

    def _apply_suggestion(self) -> None:
        found = self._selected_key(self.ui.suggestionTable, self.suggestion_model)
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
                self.ui.recuseExpertCombo.currentData(),
                self.ui.recuseApplicationCombo.currentData(),
                self.ui.recuseReasonEdit.text(),
                self.ui.recuseKindCombo.currentData(),
            ),
            "未能记录回避",
        )

    def _withdraw(self) -> None:
        key = self._selected_key(self.ui.recusalTable, self.recusal_model)
        if isinstance(key, tuple):
            self._do(lambda: setup.withdraw_recusal(self.ws, self._meeting(), key[0], key[1]), "未能撤销回避")
