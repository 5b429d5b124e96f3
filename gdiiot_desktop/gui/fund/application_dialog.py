"""One special-fund application: its investments, eligible investment and maximum subsidy with the
basis, the problems found with their clauses; and the edits made on it — review score, status with a
reason, materials received, invoices and other files; 修改… opens its fields in the entry form. Every read and write runs on the fund window's
task runner; a refused edit is explained and what the user typed stays in the form."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.domain.enums import Grade
from gdiiot_desktop.domain.fund.model import FundStatus
from gdiiot_desktop.domain.fund.money import format_money
from gdiiot_desktop.gui.errors import describe, show_error
from gdiiot_desktop.gui.styles import ERROR_TEXT_STYLE
from gdiiot_desktop.gui.tasks import Progress, TaskRunner
from gdiiot_desktop.services.fund.attachments import attach
from gdiiot_desktop.services.fund.details import FundApplicationDetails, application_details, set_materials
from gdiiot_desktop.services.fund.entry import EntryResult
from gdiiot_desktop.services.fund.ranking import set_score, set_status
from gdiiot_desktop.services.fund.workspace import FundWorkspace

from .application_form import FundApplicationForm

# The statuses a user sets here; 入库 is set by ranking on the board.
STATUS_CHOICES = (FundStatus.REGISTERED, FundStatus.RETURNED, FundStatus.WITHDRAWN)
ANY_FILE = "所有文件 (*)"


def _grey(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #595959;")
    return label


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{-(-n // 1024)} KB"  # 1 byte is 1 KB


class FundApplicationDialog(QDialog):
    changed = Signal()  # something was saved: the board reads again

    def __init__(
        self, ws: FundWorkspace, runner: TaskRunner, app_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.app_id = app_id
        self.details: FundApplicationDetails | None = None
        self.busy = False
        self.setWindowTitle(f"专项资金申报项目 [{app_id}]")
        self.heading = QLabel("正在读取…")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview_page(), "投入与补贴")
        self.tabs.addTab(self._review_page(), "评审与状态")
        self.tabs.addTab(self._files_page(), "发票与材料")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        self.edit_button = QPushButton("修改…")
        self.edit_button.setToolTip("修改企业、项目、支持方向、投入和申请金额等内容")
        self.edit_button.setEnabled(False)  # until the application is read
        self.edit_button.clicked.connect(self.open_form)
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.form: FundApplicationForm | None = None
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_line)
        layout.addWidget(buttons)
        self.resize(920, 640)

    # --- pages ---------------------------------------------------------------------------------
    def _overview_page(self) -> QWidget:
        page = QWidget()
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, title in (
            ("direction", "支持方向："),
            ("county", "县（市、区）："),
            ("uscc", "统一社会信用代码："),
            ("cluster", "所属产业集群："),
            ("training", "培训场次和人数："),
            ("contact", "联系人及电话："),
        ):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = label
            self.facts.addRow(title, label)
        self.investments = QTableWidget(0, 4)
        self.investments.setHorizontalHeaderLabels(["投入类别", "金额（元）", "计入可补贴投入", "发票"])
        self.investments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.investments.verticalHeader().setVisible(False)
        self.investments.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.investments.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.subsidy = QLabel()
        self.subsidy.setWordWrap(True)
        self.subsidy.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.basis = _grey()
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setSpacing(3)
        layout = QVBoxLayout(page)
        layout.addLayout(self.facts)
        layout.addWidget(self.investments, 2)
        layout.addWidget(self.subsidy)
        layout.addWidget(self.basis)
        layout.addWidget(QLabel("检查发现的问题（及依据的通知条款）："))
        layout.addWidget(self.problems, 2)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget()
        score_box = QGroupBox("评审得分")
        self.score_edit = QLineEdit()
        self.score_edit.setPlaceholderText("0 到 1000 之间的数，如 91.5；清空则清除得分")
        self.save_score_button = QPushButton("保存得分")
        self.save_score_button.clicked.connect(self.save_score)
        row = QHBoxLayout(score_box)
        row.addWidget(self.score_edit, 1)
        row.addWidget(self.save_score_button)

        status_box = QGroupBox("状态")
        self.current_status = QLabel()
        self.status_combo = QComboBox()
        for status in STATUS_CHOICES:
            self.status_combo.addItem(status.label, status.value)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("退回或撤回须填写理由，如：企业放弃申报")
        self.save_status_button = QPushButton("更改状态")
        self.save_status_button.clicked.connect(self.change_status)
        form = QFormLayout(status_box)
        form.addRow("当前：", self.current_status)
        change = QHBoxLayout()
        change.addWidget(self.status_combo)
        change.addWidget(QLabel("理由："))
        change.addWidget(self.reason_edit, 1)
        change.addWidget(self.save_status_button)
        form.addRow("改为：", change)
        form.addRow("", _grey("入库项目改为其他状态时移出入库，后面的项目依次前移。入库请在“入库排序与预算”中操作。"))

        self.materials_box = QGroupBox("已提交的材料（勾选后保存）")
        self.materials_layout = QVBoxLayout(self.materials_box)
        self.material_checks: dict[str, QCheckBox] = {}
        for material in self.ws.campaign.materials:
            check = QCheckBox(material.name + ("" if material.required else "（非必需）"))
            self.material_checks[material.id] = check
            self.materials_layout.addWidget(check)
        self.save_materials_button = QPushButton("保存材料情况")
        self.save_materials_button.clicked.connect(self.save_materials)
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(self.save_materials_button)
        self.materials_layout.addLayout(line)

        layout = QVBoxLayout(page)
        layout.addWidget(score_box)
        layout.addWidget(status_box)
        layout.addWidget(self.materials_box)
        layout.addStretch(1)
        return page

    def _files_page(self) -> QWidget:
        page = QWidget()
        self.files = QTableWidget(0, 3)
        self.files.setHorizontalHeaderLabels(["文件名", "用途", "大小"])
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.verticalHeader().setVisible(False)
        self.files.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.purpose = QComboBox()
        for category in self.ws.campaign.categories:
            self.purpose.addItem(f"发票：{category.name}", f"category:{category.id}")
        for material in self.ws.campaign.materials:
            self.purpose.addItem(f"材料：{material.name}", f"material:{material.id}")
        self.attach_button = QPushButton("选择文件并添加…")
        self.attach_button.clicked.connect(self.ask_attach)
        row = QHBoxLayout()
        row.addWidget(QLabel("用途："))
        row.addWidget(self.purpose, 1)
        row.addWidget(self.attach_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.files, 1)
        layout.addLayout(row)
        layout.addWidget(
            _grey("文件复制到本数据库的附件库中保存（原文件不变）；添加某项材料的文件即记为该材料已提交。")
        )
        return page

    # --- reading and writing, on the runner ----------------------------------------------------
    def load(self) -> None:
        ws, app_id = self.ws, self.app_id
        self._run(lambda: application_details(ws, app_id), "正在读取…", writes=False, message="")

    def _run(
        self, work: Callable[[], Any], title: str, *, writes: bool, message: str, section: str = "all"
    ) -> None:
        ws, app_id = self.ws, self.app_id

        def job(_progress: Progress) -> FundApplicationDetails:
            result = work()
            return result if isinstance(result, FundApplicationDetails) else application_details(ws, app_id)

        def done(details: FundApplicationDetails) -> None:
            self.busy = False
            self.show_details(details, section)
            self.status_line.setStyleSheet("")
            self.status_line.setText(message)
            if writes:
                self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.status_line.setStyleSheet(ERROR_TEXT_STYLE)
            self.status_line.setText("未保存：" + describe(exc)[0] if writes else "读取失败")
            show_error(self, exc, "未保存" if writes else "无法读取")

        self.busy = True
        self.runner.run(job, title=title, writes=writes, on_success=done, on_error=failed)

    def open_form(self) -> FundApplicationForm | None:
        """The application's fields in the entry form (as `gdiiot fund edit`); saved, the details are read again."""
        if self.details is None:
            return None
        form = FundApplicationForm(self.ws, self.runner, self.details.app, self)
        form.saved.connect(self._edited)
        self.form = form
        form.open()
        return form

    def _edited(self, result: EntryResult) -> None:
        message = result.summary() + (f"。{result.pool_note}" if result.pool_note else "")
        self._run(lambda: None, "正在读取…", writes=False, message=message, section="none")
        self.changed.emit()

    def save_score(self) -> None:
        text = self.score_edit.text()
        ws, app_id = self.ws, self.app_id
        shown = text.strip()
        self._run(
            lambda: set_score(ws, app_id, text),
            "正在保存评审得分…",
            writes=True,
            message=f"已保存评审得分 {shown}" if shown else "已清除评审得分",
            section="score",
        )

    def change_status(self) -> None:
        status = FundStatus(self.status_combo.currentData())
        reason = self.reason_edit.text().strip()
        ws, app_id = self.ws, self.app_id
        self._run(
            lambda: set_status(ws, app_id, status, reason),
            "正在更改状态…",
            writes=True,
            message=f"状态已改为“{status.label}”",
            section="status",
        )

    def save_materials(self) -> None:
        received = [m for m, check in self.material_checks.items() if check.isChecked()]
        ws, app_id = self.ws, self.app_id
        self._run(
            lambda: set_materials(ws, app_id, received),
            "正在保存材料情况…",
            writes=True,
            message="已保存材料情况",
            section="materials",
        )

    def ask_attach(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, f"添加附件 — {self.purpose.currentText()}", "", ANY_FILE)
        if name:
            self.attach_file(Path(name))

    def attach_file(self, path: Path) -> None:
        kind, _, item_id = str(self.purpose.currentData()).partition(":")
        ws, app_id = self.ws, self.app_id
        category, material = (item_id, "") if kind == "category" else ("", item_id)
        self._run(
            lambda: attach(ws, app_id, path, category=category, material=material),
            "正在添加附件…",
            writes=True,
            message=f"已添加附件 {path.name}（{self.purpose.currentText()}）",
            section="materials" if material else "none",
        )

    # --- showing -----------------------------------------------------------------------------
    def show_details(self, details: FundApplicationDetails, section: str = "all") -> None:
        """Show what was read; editable fields are filled only for the section just saved (or all on
        opening), so what the user typed elsewhere stays."""
        self.details = details
        self.edit_button.setEnabled(True)
        app, campaign = details.app, self.ws.campaign
        self.setWindowTitle(f"专项资金申报项目 [{app.id}] {app.project_name}")
        rank = f"（第 {app.rank} 位）" if app.rank else ""
        self.heading.setText(
            f"<b>{app.project_name}</b>　{app.enterprise}<br>状态：{app.status.label}{rank}"
            + ("" if app.review_score is None else f"；评审得分 {app.review_score}")
        )
        direction = details.direction
        sub = direction.subdirection(app.subdirection_id) if direction and app.subdirection_id else None
        facts = {
            "direction": (direction.name if direction else app.direction_id) + (f"（{sub.name}）" if sub else ""),
            "county": app.county,
            "uscc": app.uscc or "未填写",
            "cluster": app.cluster or "—",
            "training": "—"
            if app.training_sessions is None and app.training_people is None
            else f"{app.training_sessions or 0} 场，{app.training_people or 0} 人",
            "contact": app.contact or "—",
        }
        for key, text in facts.items():
            self.fact_labels[key].setText(text)
        invoices: dict[str, int] = {}
        for a in details.attachments:
            if a["category"]:
                invoices[a["category"]] = invoices.get(a["category"], 0) + 1
        eligible = set(direction.subsidy.eligible_categories) if direction else set()
        rows = [c for c in campaign.categories if c.id in app.investment or c.id in invoices]
        self.investments.setRowCount(len(rows))
        for row, category in enumerate(rows):
            counted = not eligible or category.id in eligible
            values = (
                category.name,
                format_money(app.investment.get(category.id)),
                "是" if counted else "否",
                f"{invoices.get(category.id, 0)} 份",
            )
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col in (1, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.investments.setItem(row, col, item)
        cap = details.cap
        requested = format_money(app.requested) if app.requested is not None else "未填写"
        if cap is None:
            self.subsidy.setText(f"总投入 {format_money(app.total_investment)} 元；申请补贴 {requested} 元")
            self.basis.setText("支持方向不在本次活动中，无法计算最高可补贴金额。")
        else:
            self.subsidy.setText(
                f"总投入 <b>{format_money(cap.total_investment)}</b> 元；可补贴投入 "
                f"<b>{format_money(cap.eligible_investment)}</b> 元；最高可补贴 "
                f"<b>{format_money(cap.amount)}</b> 元；申请补贴 <b>{requested}</b> 元"
            )
            clause = direction.subsidy.citation if direction else ""
            self.basis.setText(f"计算依据：{cap.explain()}（取其中最低者）。\n{clause}")
        self.problems.clear()
        for v in details.violations:
            flag = "（已说明）" if v.is_overridden else ""
            self.problems.addItem(f"【{v.grade.label}】{v.message}{flag}\n依据：{v.clause}")
            if v.grade is Grade.ERROR and not v.is_overridden:
                self.problems.item(self.problems.count() - 1).setForeground(Qt.GlobalColor.darkRed)
        if not details.violations:
            self.problems.addItem("未发现问题")
        self.current_status.setText(f"{app.status.label}{rank}")
        if section in ("all", "score"):
            self.score_edit.setText("" if app.review_score is None else str(app.review_score))
        if section in ("all", "status"):
            index = self.status_combo.findData(app.status.value)
            self.status_combo.setCurrentIndex(max(index, 0))
            self.reason_edit.clear()
        if section in ("all", "materials"):
            for material_id, check in self.material_checks.items():
                check.setChecked(material_id in app.materials_received)
        labels = {("category", c.id): f"发票：{c.name}" for c in campaign.categories} | {
            ("material", m.id): f"材料：{m.name}" for m in campaign.materials
        }
        self.files.setRowCount(len(details.attachments))
        for row, a in enumerate(details.attachments):
            use = ("category", a["category"]) if a["category"] else ("material", a["material"])
            for col, text in enumerate((a["file_name"], labels.get(use, "其他"), _size(int(a["size"])))):
                self.files.setItem(row, col, QTableWidgetItem(text))
