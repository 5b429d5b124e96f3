"""The scoring screen: points and opinion per expert and application, direct or keyed twice from paper."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHeaderView, QWidget

from gdiiot_desktop.domain.meeting.aggregates import shown
from gdiiot_desktop.domain.meeting.model import MeetingState
from gdiiot_desktop.domain.meeting.subjects import ReviewSubject
from gdiiot_desktop.gui.forms.ui_meeting_scoring_page import Ui_MeetingScoringPage
from gdiiot_desktop.gui.styles import ERROR_TEXT_STYLE, NOTICE_STYLE, OK_TEXT_STYLE
from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services.meeting import scoring
from gdiiot_desktop.services.meeting.scoring import KeyResult
from gdiiot_desktop.services.meeting.subjects import MeetingWorkspace

from .ops import run_op
from .table import RowsModel

# The entry modes, in the order of modeCombo's items in the form (a keyed round is its own number).
MODE_DIRECT, MODE_ROUND_1, MODE_ROUND_2 = range(3)


class ScoringPage(QWidget):
    """Enter scores for the meeting shown; emits `changed` after every save."""

    changed = Signal()

    def __init__(self, ws: MeetingWorkspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingScoringPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ws = ws
        self.runner = runner
        self.state: MeetingState | None = None
        self.apps: dict[int, ReviewSubject] = {}
        self.spins: dict[str, QDoubleSpinBox] = {}
        ui = self.ui
        ui.operatorEdit.setText(ws.operator)
        self.matrix_model = RowsModel(["项目"], self)
        ui.scoreMatrix.setModel(self.matrix_model)
        ui.scoreMatrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mismatch_model = RowsModel(["专家", "项目", "评分项", "第1遍", "第2遍"], self)
        ui.mismatchTable.setModel(self.mismatch_model)

        ui.expertCombo.currentIndexChanged.connect(self._sheet_changed)
        ui.applicationCombo.currentIndexChanged.connect(self._sheet_changed)
        ui.modeCombo.currentIndexChanged.connect(self._sheet_changed)
        ui.saveScoreButton.clicked.connect(self.save)
        ui.clearScoreButton.clicked.connect(self.clear)

    # --- state ----------------------------------------------------------------------------

    def set_state(self, state: MeetingState, apps: dict[int, ReviewSubject]) -> None:
        first = self.state is None or self.state.info.id != state.info.id
        self.state, self.apps = state, apps
        if first:
            self._build_criteria()
        keep_expert, keep_app = self.ui.expertCombo.currentData(), self.ui.applicationCombo.currentData()
        for combo, items in (
            (self.ui.expertCombo, [(f"{e.name}（{e.organisation}）", e.id) for e in state.experts]),
            (
                self.ui.applicationCombo,
                [(f"{i}. {apps[a].project_name}", a) for i, a in enumerate(state.application_ids, 1)],
            ),
        ):
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.blockSignals(False)
        for combo, keep in ((self.ui.expertCombo, keep_expert), (self.ui.applicationCombo, keep_app)):
            found = combo.findData(keep)
            if found >= 0:
                combo.setCurrentIndex(found)
        self._refresh_tables()
        self._sheet_changed()

    def _build_criteria(self) -> None:
        assert self.state is not None
        form = self.ui.criteriaForm
        while form.rowCount():
            form.removeRow(0)
        self.spins = {}
        rubric = self.state.info.rubric
        for c in rubric.criteria:
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"points_{c.id}")
            spin.setDecimals(1)
            spin.setRange(0, float(c.max_points))
            spin.setSingleStep(float(rubric.step) or 0.5)
            spin.setSuffix(f" / {c.max_points}")
            spin.setToolTip(c.guidance)
            spin.valueChanged.connect(self._update_total)
            self.spins[c.id] = spin
            form.addRow(c.name, spin)
        # The points come between the operator and the opinion when tabbing, as on the page.
        chain = [self.ui.operatorEdit, *self.spins.values(), self.ui.opinionEdit]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _sheet_changed(self) -> None:
        state = self.state
        if state is None:
            return
        expert_id, app_id = self.ui.expertCombo.currentData(), self.ui.applicationCombo.currentData()
        locked = state.info.locked
        recused = expert_id is not None and app_id is not None and state.is_recused(expert_id, app_id)
        keyed = self.ui.modeCombo.currentIndex() != MODE_DIRECT
        self.ui.operatorEdit.setEnabled(keyed and not locked)
        existing = state.score(expert_id, app_id) if expert_id is not None and app_id is not None else None
        if keyed:
            round_no = self.ui.modeCombo.currentIndex()
            entry = next(
                (
                    k
                    for k in state.keyed
                    if k.expert_id == expert_id and k.application_id == app_id and k.round == round_no
                ),
                None,
            )
            points, opinion = (entry.points, entry.opinion) if entry else ({}, "")
        else:
            points, opinion = (existing.points, existing.opinion) if existing else ({}, "")
        for cid, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(float(points.get(cid, 0)))
            spin.blockSignals(False)
        self.ui.opinionEdit.setPlainText(opinion)
        self._update_total()
        if locked:
            self._notice("评审结果已锁定，不能再修改评分。", NOTICE_STYLE)
        elif recused:
            self._notice("该专家已回避此项目，不能评分，也不计入汇总。", NOTICE_STYLE)
        elif existing is not None:
            self._notice(
                f"已有评分（{existing.source.label}），保存将覆盖。" if not keyed else "", OK_TEXT_STYLE
            )
        else:
            self._notice("", "")
        can_edit = not locked and not recused and expert_id is not None and app_id is not None
        for widget in (*self.spins.values(), self.ui.opinionEdit, self.ui.saveScoreButton):
            widget.setEnabled(can_edit)
        self.ui.clearScoreButton.setEnabled(
            not locked
            and (
                existing is not None
                or any(k.expert_id == expert_id and k.application_id == app_id for k in state.keyed)
            )
        )

    def _notice(self, text: str, style: str) -> None:
        self.ui.scoreNotice.setText(text)
        self.ui.scoreNotice.setStyleSheet(style)
        self.ui.scoreNotice.setVisible(bool(text))

    def _update_total(self) -> None:
        if self.state is None:
            return
        points = self.points()
        self.ui.totalLabel.setText(
            f"合计：{shown(self.state.info.rubric.total(points), 1)} / {self.state.info.rubric.total_max}"
        )

    def points(self) -> dict[str, Decimal]:
        return {cid: Decimal(str(round(spin.value(), 1))) for cid, spin in self.spins.items()}

    # --- actions --------------------------------------------------------------------------

    def save(self) -> None:
        state = self.state
        if state is None:
            return
        ws, meeting_id = self.ws, state.info.id
        expert_id, app_id = self.ui.expertCombo.currentData(), self.ui.applicationCombo.currentData()
        opinion, points = self.ui.opinionEdit.toPlainText(), dict(self.points())
        mode = self.ui.modeCombo.currentIndex()
        if mode == MODE_DIRECT:
            run_op(
                self.runner, self,
                lambda: scoring.score(ws, meeting_id, expert_id, app_id, points, opinion),
                title="正在保存评分…", error_title="评分未保存",
                on_done=lambda _sheet: self._saved("评分已保存并计入汇总。", OK_TEXT_STYLE),
            )  # fmt: skip
            return
        operator = self.ui.operatorEdit.text().strip()
        run_op(
            self.runner, self,
            lambda: scoring.key_sheet(ws, meeting_id, expert_id, app_id, mode, points, opinion, operator=operator),
            title="正在保存评分…", error_title="评分未保存", on_done=self._keyed,
        )  # fmt: skip

    def _keyed(self, outcome: KeyResult) -> None:
        if outcome.confirmed is not None:
            self._saved("两遍录入一致，评分已生效。", OK_TEXT_STYLE)
        elif outcome.mismatches:
            self._saved(
                f"两遍录入有 {len(outcome.mismatches)} 处不一致，请核对纸质评分表后重新录入。",
                ERROR_TEXT_STYLE,
            )
        else:
            self._saved("已保存本遍录入，等待另一位操作员录入另一遍。", OK_TEXT_STYLE)

    def clear(self) -> None:
        state = self.state
        if state is None:
            return
        ws, meeting_id = self.ws, state.info.id
        expert_id, app_id = self.ui.expertCombo.currentData(), self.ui.applicationCombo.currentData()
        run_op(
            self.runner, self,
            lambda: scoring.clear_sheet(ws, meeting_id, expert_id, app_id),
            title="正在清除…", error_title="未能清除",
            on_done=lambda _none: self._saved("已清除该评分表（记录保留在操作日志中）。", OK_TEXT_STYLE),
        )  # fmt: skip

    def _saved(self, text: str, style: str) -> None:
        self._result(text, style)
        self.changed.emit()

    def _result(self, text: str, style: str) -> None:
        self.ui.resultLabel.setText(text)
        self.ui.resultLabel.setStyleSheet(style)

    def _refresh_tables(self) -> None:
        state = self.state
        assert state is not None
        rubric = state.info.rubric
        self.matrix_model.headers = ["项目"] + [e.name for e in state.experts]
        rows: list[list[str]] = []
        colours: list[str | None] = []
        for i, app_id in enumerate(state.application_ids, 1):
            row = [f"{i}. {self.apps[app_id].project_name}"]
            for e in state.experts:
                sheet = state.score(e.id, app_id)
                if state.is_recused(e.id, app_id):
                    row.append("回避")
                elif sheet is not None:
                    row.append(shown(rubric.total(sheet.points), 1))
                elif any(k.expert_id == e.id and k.application_id == app_id for k in state.keyed):
                    row.append("待核对")
                else:
                    row.append("—")
            rows.append(row)
            colours.append(None)
        self.matrix_model.set_rows(rows, list(state.application_ids), colours)
        status = scoring.sheet_status(state)
        names = {e.id: e.name for e in state.experts}
        mismatch_rows = [
            [names.get(m.expert_id, ""), self.apps[m.application_id].project_name, m.what, m.first, m.second]
            for m in status.mismatches
        ] + [
            [
                names.get(k.expert_id, ""),
                self.apps[k.application_id].project_name,
                f"只录入了第{k.round}遍",
                "",
                "",
            ]
            for k in status.single
        ]
        self.mismatch_model.set_rows(mismatch_rows, colours=["#fdecea"] * len(mismatch_rows))
        self.ui.mismatchTitle.setText(
            "纸质评分表双人录入：全部一致"
            if status.resolved
            else f"纸质评分表双人录入：{len(mismatch_rows)} 处待处理（处理前不计入汇总）"
        )
        self.ui.mismatchTitle.setStyleSheet(OK_TEXT_STYLE if status.resolved else ERROR_TEXT_STYLE)
