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
from gdiiot_desktop.domain.meeting.subjects import ReviewSubject
from gdiiot_desktop.gui.forms.ui_meeting_setup_page import Ui_MeetingSetupPage
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services.meeting import setup
from gdiiot_desktop.services.meeting.subjects import MeetingWorkspace

from .ops import run_op
from .table import RowsModel


def _show(view: QTableView, model: RowsModel) -> None:
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)


class SetupPage(QWidget):
    """Edit the meeting's details, experts and recusals; emits `changed` after each change."""

    changed = Signal()

    def __init__(self, ws: MeetingWorkspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingSetupPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = ws
        self.runner = runner
        self.state: MeetingState | None = None
        self.apps: dict[int, ReviewSubject] = {}
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

    def set_state(
        self, state: MeetingState, apps: dict[int, ReviewSubject], suggestions: list[SuggestedConflict]
    ) -> None:
        """Show the meeting; `suggestions` are the likely conflicts not yet recused (read with the state)."""
        self.state, self.apps = state, apps
        info = state.info
        self.ui.titleEdit.setText(info.title)
        self.ui.titleEdit.setToolTip(info.title)
        self.ui.titleEdit.setCursorPosition(0)  # the start of a long name, not its end
        # Wide enough for a city's usual meeting name (about 28 characters), not wider than a small screen allows.
        self.ui.titleEdit.setMinimumWidth(
            min(self.ui.titleEdit.fontMetrics().horizontalAdvance(info.title) + 24, 420)
        )
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
        self.suggestions = [] if info.locked else suggestions
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

    def _do(self, action: Callable[[], object], title: str, then: Callable[[], None] | None = None) -> None:
        """Run a change on the writer; `changed` follows when it is stored."""

        def done(_result: object) -> None:
            if then is not None:
                then()
            self.changed.emit()

        run_op(self.runner, self, action, title="正在保存…", error_title=title, on_done=done)

    def _meeting(self) -> int:
        assert self.state is not None
        return self.state.info.id

    def _save_details(self) -> None:
        d = self.ui.dateEdit.date()
        ws, meeting_id, ui = self.ws, self._meeting(), self.ui
        title, place, chair = ui.titleEdit.text(), ui.placeEdit.text(), ui.chairEdit.text()
        held_on = date(d.year(), d.month(), d.day())
        minutes = ui.presentationMinutesSpin.value(), ui.questionsMinutesSpin.value()
        self._do(
            lambda: setup.update_meeting(
                ws,
                meeting_id,
                title=title,
                held_on=held_on,
                place=place,
                chair=chair,
                presentation_minutes=minutes[0],
                questions_minutes=minutes[1],
            ),  # fmt: skip
            "会议信息未保存",
        )

    def _add_expert(self) -> None:
        edits = (self.ui.expertNameEdit, self.ui.expertOrganisationEdit, self.ui.expertFieldEdit)
        ws, meeting_id = self.ws, self._meeting()
        name, organisation, field = (edit.text() for edit in edits)

        def cleared() -> None:
            for edit in edits:
                edit.clear()

        self._do(lambda: setup.add_expert(ws, meeting_id, name, organisation, field), "未能添加专家", cleared)

    def _selected_key(self, view: QTableView, model: RowsModel) -> object:
        rows = view.selectionModel().selectedRows()
        return model.key_at(rows[0].row()) if rows else None

    def _remove_expert(self) -> None:
        expert_id = self._selected_key(self.ui.expertTable, self.expert_model)
        if expert_id is not None:
            ws, meeting_id = self.ws, self._meeting()
            self._do(lambda: setup.remove_expert(ws, meeting_id, int(str(expert_id))), "未能移出专家")

    def _apply_suggestion(self) -> None:
        found = self._selected_key(self.ui.suggestionTable, self.suggestion_model)
        if isinstance(found, SuggestedConflict):
            ws, meeting_id = self.ws, self._meeting()
            self._do(
                lambda: setup.recuse(
                    ws,
                    meeting_id,
                    found.expert_id,
                    found.application_id,
                    found.reason,
                    RecusalKind.ASSIGNED,
                ),
                "未能记录回避",
            )

    def _recuse(self) -> None:
        ws, meeting_id = self.ws, self._meeting()
        expert_id = self.ui.recuseExpertCombo.currentData()
        application_id = self.ui.recuseApplicationCombo.currentData()
        reason, kind = self.ui.recuseReasonEdit.text(), self.ui.recuseKindCombo.currentData()
        self._do(
            lambda: setup.recuse(ws, meeting_id, expert_id, application_id, reason, kind), "未能记录回避"
        )

    def _withdraw(self) -> None:
        key = self._selected_key(self.ui.recusalTable, self.recusal_model)
        if isinstance(key, tuple):
            ws, meeting_id = self.ws, self._meeting()
            self._do(lambda: setup.withdraw_recusal(ws, meeting_id, key[0], key[1]), "未能撤销回避")
