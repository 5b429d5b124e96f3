"""A special-fund application typed or corrected by hand (新建申报…, and 修改… in the details dialog):
the fields of the intake sheet, those a direction does not use disabled, one amount per investment
category of the call, and the maximum subsidy recomputed as the user types. Saving runs on the fund
window's task runner (services/fund/entry.py, the intake's checks); a refusal names each field in
Chinese, marks it, and leaves everything typed in place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.domain.fund.campaign import FundDirection
from gdiiot_desktop.domain.fund.model import FundApplication, FundStatus
from gdiiot_desktop.domain.fund.money import MoneyError, format_money, to_money
from gdiiot_desktop.gui.errors import describe, show_error
from gdiiot_desktop.gui.styles import ERROR_STYLE, ERROR_TEXT_STYLE
from gdiiot_desktop.gui.tasks import Progress, TaskRunner
from gdiiot_desktop.services.fund import intake as cols
from gdiiot_desktop.services.fund.entry import (
    INVESTMENT,
    EntryRefusedError,
    EntryResult,
    FundEntry,
    add_application,
    edit_application,
    entry_cap,
)
from gdiiot_desktop.services.fund.workspace import FundWorkspace

NO_SUBDIRECTION = "（不选）"


def _grey(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #595959;")
    return label


def _text(value: object) -> str:
    return "" if value is None else str(value)


class FundApplicationForm(QDialog):
    saved = Signal(object)  # the EntryResult of a save: the window and the details dialog read again

    def __init__(
        self, ws: FundWorkspace, runner: TaskRunner, app: FundApplication | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.app = app  # None: a new application
        self.busy = False
        self.result_: EntryResult | None = None
        campaign = ws.campaign
        self.setWindowTitle("新建专项资金申报项目" if app is None else f"修改申报项目 [{app.id}] {app.project_name}")
        self.fields: dict[str, QWidget] = {}  # intake header → its widget, to mark a refused field

        self.county = QComboBox()
        self.county.setEditable(True)  # typed names are checked against the call's counties on saving
        self.county.addItems(list(campaign.counties))
        county_line = self.county.lineEdit()
        if county_line is not None:  # always, the combo being editable
            county_line.setPlaceholderText("选择或填写")
        self.enterprise = QLineEdit()
        self.uscc = QLineEdit()
        self.uscc.setPlaceholderText("18 位，可不填")
        self.project = QLineEdit()
        self.direction = QComboBox()
        self.direction.setPlaceholderText("请选择支持方向")
        for d in campaign.directions:
            self.direction.addItem(d.name, d.id)
        self.subdirection = QComboBox()
        self.cluster = QLineEdit()
        self.sessions = QLineEdit()
        self.people = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setPlaceholderText("如：张伟 0750-1234567")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(64)
        self.requested = QLineEdit()
        self.requested.setPlaceholderText("元，可精确到分")
        self.fields.update({
            cols.COUNTY: self.county, cols.ENTERPRISE: self.enterprise, cols.USCC: self.uscc,
            cols.PROJECT: self.project, cols.DIRECTION: self.direction, cols.SUBDIRECTION: self.subdirection,
            cols.CLUSTER: self.cluster, cols.SESSIONS: self.sessions, cols.PEOPLE: self.people,
            cols.CONTACT: self.contact, cols.NOTE: self.note, cols.REQUESTED: self.requested,
        })  # fmt: skip

        left = QFormLayout()
        left.addRow("县（市、区）：", self.county)
        left.addRow("企业名称：", self.enterprise)
        left.addRow("统一社会信用代码：", self.uscc)
        left.addRow("项目名称：", self.project)
        left.addRow("支持方向：", self.direction)
        left.addRow("子方向：", self.subdirection)
        left.addRow("所属产业集群：", self.cluster)
        training = QHBoxLayout()
        training.addWidget(self.sessions)
        training.addWidget(QLabel("场，"))
        training.addWidget(self.people)
        training.addWidget(QLabel("人"))
        left.addRow("培训场次和人数：", training)
        left.addRow("联系人及电话：", self.contact)
        left.addRow("备注：", self.note)
        self.direction_hint = _grey()
        left.addRow("", self.direction_hint)

        self.invest_box = QGroupBox("投入（元，以发票金额为准）")
        grid = QGridLayout(self.invest_box)
        self.invest_edits: dict[str, QLineEdit] = {}
        self.invest_hints: dict[str, QLabel] = {}
        for row, category in enumerate(campaign.categories):
            edit = QLineEdit()
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            hint = _grey()
            grid.addWidget(QLabel(category.name + "："), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(hint, row, 2)
            self.invest_edits[category.id] = edit
            self.invest_hints[category.id] = hint
            self.fields[cols.investment_header(category.name)] = edit
        self.fields[INVESTMENT] = self.invest_box
        grid.setColumnStretch(1, 1)
        money = QFormLayout()
        money.addRow("申请补贴金额（元）：", self.requested)
        self.cap_label = QLabel()
        self.cap_label.setWordWrap(True)
        self.cap_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis = _grey()
        right = QVBoxLayout()
        right.addWidget(self.invest_box)
        right.addLayout(money)
        right.addWidget(self.cap_label)
        right.addWidget(self.basis)
        right.addStretch(1)

        left_column = QVBoxLayout()
        left_column.addLayout(left)
        left_column.addStretch(1)  # rows keep their height; the space goes below them
        columns = QHBoxLayout()
        columns.addLayout(left_column, 1)
        columns.addLayout(right, 1)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        if app is not None and app.status is FundStatus.POOLED:
            self.status_line.setText(
                f"该项目已入库（第 {app.rank} 位）：修改后排序不变；改动金额时拟补贴和预算线可能随之变化。"
            )
        buttons = QDialogButtonBox()
        self.save_button = QPushButton("保存")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("取消")
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status_line)
        layout.addWidget(buttons)

        self._fill(app)
        self.direction.currentIndexChanged.connect(self._direction_changed)
        for edit in (*self.invest_edits.values(), self.requested):
            edit.textChanged.connect(self.update_cap)
        self._direction_changed()
        self._watch_marks()
        self.resize(1040, 600)

    # --- the fields --------------------------------------------------------------------------
    def _fill(self, app: FundApplication | None) -> None:
        if app is None:
            self.county.setCurrentIndex(-1)
            self.county.setEditText("")
            self.direction.setCurrentIndex(-1)
            return
        self.county.setEditText(app.county)
        self.enterprise.setText(app.enterprise)
        self.uscc.setText(app.uscc)
        self.project.setText(app.project_name)
        self.direction.setCurrentIndex(self.direction.findData(app.direction_id))
        self._fill_subdirections()
        self.subdirection.setCurrentIndex(max(self.subdirection.findData(app.subdirection_id), 0))
        self.cluster.setText(app.cluster)
        self.sessions.setText(_text(app.training_sessions))
        self.people.setText(_text(app.training_people))
        self.contact.setText(app.contact)
        self.note.setPlainText(app.note)
        self.requested.setText(format_money(app.requested))  # 1,500,000 reads back as the same yuan
        for category_id, edit in self.invest_edits.items():
            edit.setText(format_money(app.investment.get(category_id)))

    def current_direction(self) -> FundDirection | None:
        return self.ws.campaign.direction(str(self.direction.currentData() or ""))

    def _fill_subdirections(self) -> None:
        chosen = self.subdirection.currentData()
        self.subdirection.clear()
        self.subdirection.addItem(NO_SUBDIRECTION, "")
        direction = self.current_direction()
        for sub in direction.subdirections if direction else ():
            self.subdirection.addItem(sub.name, sub.id)
        self.subdirection.setCurrentIndex(max(self.subdirection.findData(chosen), 0))

    def _direction_changed(self) -> None:
        """Only the fields the direction's rule uses are open; what was typed in the others stays
        (and is saved empty) so that choosing the direction back brings it back."""
        direction = self.current_direction()
        self._fill_subdirections()
        rule = direction.subsidy if direction else None
        self.subdirection.setEnabled(bool(direction and direction.subdirections))
        self.cluster.setEnabled(bool(rule and rule.needs_cluster))
        for edit in (self.sessions, self.people):
            edit.setEnabled(bool(rule and rule.needs_training))
        notes = []
        if rule is not None and rule.needs_training:
            notes.append(f"须填写培训场次和人数（不少于 {rule.min_sessions or 0} 场、{rule.min_people or 0} 人）")
        if rule is not None and rule.needs_cluster:
            notes.append("须填写所属产业集群")
        self.direction_hint.setText(f"{direction.subsidy.clause}：{direction.subsidy.clause_text}" if direction else "")
        if notes:
            self.direction_hint.setText(self.direction_hint.text() + "\n" + "；".join(notes) + "。")
        eligible = set(rule.eligible_categories) if rule else set()
        for category_id, hint in self.invest_hints.items():
            hint.setText("" if rule is None else "计入可补贴投入" if not eligible or category_id in eligible else "不计入")
        self.update_cap()

    def entry(self) -> FundEntry:
        """What is typed, as the service takes it; a field the direction does not use goes empty."""
        direction = self.current_direction()
        return FundEntry(
            enterprise=self.enterprise.text(),
            uscc=self.uscc.text(),
            county=self.county.currentText(),
            project=self.project.text(),
            direction=direction.id if direction else "",
            subdirection=str(self.subdirection.currentData() or "") if self.subdirection.isEnabled() else "",
            investment={category_id: edit.text() for category_id, edit in self.invest_edits.items()},
            requested=self.requested.text(),
            cluster=self.cluster.text() if self.cluster.isEnabled() else "",
            sessions=self.sessions.text() if self.sessions.isEnabled() else "",
            people=self.people.text() if self.people.isEnabled() else "",
            contact=self.contact.text(),
            note=self.note.toPlainText(),
        )

    def update_cap(self) -> None:
        """The maximum subsidy of what is typed (pure arithmetic, no database): shown as the user types."""
        entry = self.entry()
        cap = entry_cap(self.ws.campaign, entry)
        if cap is None:
            self.cap_label.setText("选择支持方向后计算最高可补贴金额。")
            self.basis.setText("")
            return
        unread = [
            c.name for c in self.ws.campaign.categories if not _reads(self.invest_edits[c.id].text())
        ]
        text = (
            f"总投入 <b>{format_money(cap.total_investment)}</b> 元；可补贴投入 "
            f"<b>{format_money(cap.eligible_investment)}</b> 元；最高可补贴 <b>{format_money(cap.amount)}</b> 元"
        )
        requested = entry.requested or ""
        if _reads(requested) and requested.strip() and to_money(requested) > cap.amount:
            text += f"<br><span style='color:#b3261e'>申请补贴 {format_money(to_money(requested))} 元超过最高可补贴</span>"
        if unread:
            text += f"<br><span style='color:#b3261e'>{'、'.join(unread)}的金额有误，未计入</span>"
        self.cap_label.setText(text)
        self.basis.setText(f"计算依据：{cap.explain()}（取其中最低者）")

    # --- saving, on the runner ---------------------------------------------------------------
    def save(self) -> None:
        if self.busy:
            return
        entry = self.entry()
        ws, app = self.ws, self.app
        self._unmark()
        self.busy = True
        self.save_button.setEnabled(False)
        self.status_line.setStyleSheet("")
        self.status_line.setText("正在保存…")

        def work(_progress: Progress) -> EntryResult:
            if app is None:
                return add_application(ws, entry)
            assert app.id is not None
            return edit_application(ws, app.id, entry)

        self.runner.run(work, title="正在保存…", writes=True, on_success=self._saved, on_error=self._refused)

    def _saved(self, result: EntryResult) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.result_ = result
        self.status_line.setText(result.summary())
        self.saved.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        """Nothing was saved: mark each field named, say what is wrong; every widget keeps its text."""
        self.busy = False
        self.save_button.setEnabled(True)
        self.status_line.setStyleSheet(ERROR_TEXT_STYLE)
        if isinstance(exc, EntryRefusedError):
            for header, message in exc.problems:
                widget = self.fields.get(header)
                if widget is not None:
                    widget.setStyleSheet(ERROR_STYLE)
                    widget.setToolTip(message)
            first = exc.problems[0] if exc.problems else None
            self.status_line.setText(
                f"未保存：“{first[0]}”：{first[1]}" + (f"（共 {len(exc.problems)} 处）" if len(exc.problems) > 1 else "")
                if first
                else "未保存"
            )
            if first and first[0] in self.fields:
                self.fields[first[0]].setFocus()
        else:
            self.status_line.setText("未保存：" + describe(exc)[0])
        show_error(self, exc, "未保存")

    def _watch_marks(self) -> None:
        """A field marked as refused loses its mark once the user changes it."""
        for widget in self.fields.values():
            clear = lambda *_a, w=widget: self._unmark(w)  # noqa: E731
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(clear)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(clear)
                widget.editTextChanged.connect(clear)
        for edit in self.invest_edits.values():  # an unknown category is named on the whole box
            edit.textChanged.connect(lambda *_a: self._unmark(self.invest_box))

    def _unmark(self, only: QWidget | None = None) -> None:
        if only is not None:
            only.setStyleSheet("")
            only.setToolTip("")
            return
        for widget in self.fields.values():
            widget.setStyleSheet("")
            widget.setToolTip("")

    @property
    def marked(self) -> list[str]:
        """The headers of the fields marked as refused (for tests and the status line)."""
        return [header for header, widget in self.fields.items() if widget.styleSheet() == ERROR_STYLE]


def _reads(text: str) -> bool:
    """Whether a typed amount reads as yuan (an empty one does)."""
    if not text.strip():
        return True
    try:
        to_money(text)
    except MoneyError:
        return False
    return True
