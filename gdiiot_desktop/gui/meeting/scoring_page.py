"""The scoring screen: points and opinion per expert and application, direct or keyed twice from paper."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.domain.meeting.aggregates import shown
from gdiiot_desktop.domain.meeting.model import MeetingState
from gdiiot_desktop.domain.model import Application
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.styles import ERROR_TEXT_STYLE, NOTICE_STYLE, OK_TEXT_STYLE
from gdiiot_desktop.services.meeting import scoring
from gdiiot_desktop.services.workspace import Workspace

from .table import RowsModel

MODE_DIRECT, MODE_ROUND_1, MODE_ROUND_2 = range(3)
MODES = ("现场录入（立即生效）", "纸质评分表 第1遍录入", "纸质评分表 第2遍录入")


class ScoringPage(QWidget):
    """Enter scores for the meeting shown; emits `changed` after every save."""

    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.state: MeetingState | None = None
        self.apps: dict[int, Application] = {}
        self.spins: dict[str, QDoubleSpinBox] = {}

        self.expert = QComboBox(self)
        self.expert.setObjectName("expertCombo")
        self.application = QComboBox(self)
        self.application.setObjectName("applicationCombo")
        self.mode = QComboBox(self)
        self.mode.setObjectName("modeCombo")
        self.mode.addItems(MODES)
        self.operator = QLineEdit(ws.operator, self)
        self.operator.setObjectName("operatorEdit")
        self.operator.setToolTip("两遍录入须由不同的操作员完成")
        self.notice = QLabel(self)
        self.notice.setObjectName("scoreNotice")
        self.notice.setWordWrap(True)
        self.criteria_box = QGroupBox("各项得分", self)
        self.criteria_form = QFormLayout(self.criteria_box)
        self.total = QLabel(self)
        self.total.setObjectName("totalLabel")
        self.opinion = QPlainTextEdit(self)
        self.opinion.setObjectName("opinionEdit")
        self.opinion.setPlaceholderText("评审意见")
        self.opinion.setMaximumHeight(90)
        self.save_button = QPushButton("保存评分", self)
        self.save_button.setObjectName("saveScoreButton")
        self.clear_button = QPushButton("清除该评分表", self)
        self.clear_button.setObjectName("clearScoreButton")
        self.result = QLabel(self)
        self.result.setObjectName("resultLabel")
        self.result.setWordWrap(True)

        form = QFormLayout()
        form.addRow("专家", self.expert)
        form.addRow("项目", self.application)
        form.addRow("录入方式", self.mode)
        form.addRow("操作员", self.operator)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        entry = QVBoxLayout()
        entry.addLayout(form)
        entry.addWidget(self.notice)
        entry.addWidget(self.criteria_box)
        entry.addWidget(self.total)
        entry.addWidget(self.opinion)
        entry.addLayout(buttons)
        entry.addWidget(self.result)
        entry.addStretch(1)

        self.matrix_model = RowsModel(["项目"], self)
        self.matrix = QTableView(self)
        self.matrix.setObjectName("scoreMatrix")
        self.matrix.setModel(self.matrix_model)
        self.matrix.verticalHeader().setVisible(False)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mismatch_model = RowsModel(["专家", "项目", "评分项", "第1遍", "第2遍"], self)
        self.mismatches = QTableView(self)
        self.mismatches.setObjectName("mismatchTable")
        self.mismatches.setModel(self.mismatch_model)
        self.mismatches.verticalHeader().setVisible(False)
        self.mismatches.horizontalHeader().setStretchLastSection(True)
        self.mismatches.setMaximumHeight(160)
        right = QVBoxLayout()
        right.addWidget(QLabel("评分汇总（合计分；“回避”不计入）", self))
        right.addWidget(self.matrix, 1)
        self.mismatch_title = QLabel(self)
        right.addWidget(self.mismatch_title)
        right.addWidget(self.mismatches)

        layout = QHBoxLayout(self)
        layout.addLayout(entry, 2)
        layout.addLayout(right, 3)

        self.expert.currentIndexChanged.connect(self._sheet_changed)
        self.application.currentIndexChanged.connect(self._sheet_changed)
        self.mode.currentIndexChanged.connect(self._sheet_changed)
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear)

    # --- state ----------------------------------------------------------------------------

    def set_state(self, state: MeetingState, apps: dict[int, Application]) -> None:
        first = self.state is None or self.state.info.id != state.info.id
        self.state, self.apps = state, apps
        if first:
            self._build_criteria()
        keep_expert, keep_app = self.expert.currentData(), self.application.currentData()
        for combo, items in (
            (self.expert, [(f"{e.name}（{e.organisation}）", e.id) for e in state.experts]),
            (
                self.application,
                [(f"{i}. {apps[a].project_name}", a) for i, a in enumerate(state.application_ids, 1)],
            ),
        ):
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.blockSignals(False)
        for combo, keep in ((self.expert, keep_expert), (self.application, keep_app)):
            found = combo.findData(keep)
            if found >= 0:
                combo.setCurrentIndex(found)
        self._refresh_tables()
        self._sheet_changed()

    def _build_criteria(self) -> None:
        assert self.state is not None
        while self.criteria_form.rowCount():
            self.criteria_form.removeRow(0)
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
            self.criteria_form.addRow(c.name, spin)

    def _sheet_changed(self) -> None:
        state = self.state
        if state is None:
            return
        expert_id, app_id = self.expert.currentData(), self.application.currentData()
        locked = state.info.locked
        recused = expert_id is not None and app_id is not None and state.is_recused(expert_id, app_id)
        keyed = self.mode.currentIndex() != MODE_DIRECT
        self.operator.setEnabled(keyed and not locked)
        existing = state.score(expert_id, app_id) if expert_id is not None and app_id is not None else None
        if keyed:
            round_no = self.mode.currentIndex()
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
        self.opinion.setPlainText(opinion)
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
        for widget in (*self.spins.values(), self.opinion, self.save_button):
            widget.setEnabled(can_edit)
        self.clear_button.setEnabled(
            not locked
            and (
                existing is not None
                or any(k.expert_id == expert_id and k.application_id == app_id for k in state.keyed)
            )
        )

    def _notice(self, text: str, style: str) -> None:
        self.notice.setText(text)
        self.notice.setStyleSheet(style)
        self.notice.setVisible(bool(text))

    def _update_total(self) -> None:
        if self.state is None:
            return
        points = self.points()
        self.total.setText(
            f"合计：{shown(self.state.info.rubric.total(points), 1)} / {self.state.info.rubric.total_max}"
        )

    def points(self) -> dict[str, Decimal]:
        return {cid: Decimal(str(round(spin.value(), 1))) for cid, spin in self.spins.items()}

    # --- actions --------------------------------------------------------------------------

    def save(self) -> None:
        state = self.state
        if state is None:
            return
        expert_id, app_id = self.expert.currentData(), self.application.currentData()
        opinion = self.opinion.toPlainText()
        try:
            if self.mode.currentIndex() == MODE_DIRECT:
                scoring.score(self.ws, state.info.id, expert_id, app_id, dict(self.points()), opinion)
                self._result("评分已保存并计入汇总。", OK_TEXT_STYLE)
            else:
                previous = self.ws.operator
                self.ws.operator = self.operator.text().strip() or previous
                try:
                    outcome = scoring.key_sheet(
                        self.ws,
                        state.info.id,
                        expert_id,
                        app_id,
                        self.mode.currentIndex(),
                        dict(self.points()),
                        opinion,
                    )
                finally:
                    self.ws.operator = previous
                if outcome.confirmed is not None:
                    self._result("两遍录入一致，评分已生效。", OK_TEXT_STYLE)
                elif outcome.mismatches:
                    self._result(
                        f"两遍录入有 {len(outcome.mismatches)} 处不一致，请核对纸质评分表后重新录入。",
                        ERROR_TEXT_STYLE,
                    )
                else:
                    self._result("已保存本遍录入，等待另一位操作员录入另一遍。", OK_TEXT_STYLE)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user
            show_error(self, exc, "评分未保存")
            return
        self.changed.emit()

    def clear(self) -> None:
        state = self.state
        if state is None:
            return
        try:
            scoring.clear_sheet(
                self.ws, state.info.id, self.expert.currentData(), self.application.currentData()
            )
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc, "未能清除")
            return
        self._result("已清除该评分表（记录保留在操作日志中）。", OK_TEXT_STYLE)
        self.changed.emit()

    def _result(self, text: str, style: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(style)

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
        self.mismatch_title.setText(
            "纸质评分表双人录入：全部一致"
            if status.resolved
            else f"纸质评分表双人录入：{len(mismatch_rows)} 处待处理（处理前不计入汇总）"
        )
        self.mismatch_title.setStyleSheet(OK_TEXT_STYLE if status.resolved else ERROR_TEXT_STYLE)
