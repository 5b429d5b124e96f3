"""The application editor: the 申报书's fields grouped as on paper, live checks, attachments and materials."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from shiboken6 import isValid

from gdiiot_desktop.domain import fields as registry
from gdiiot_desktop.domain.enums import (
    ApplicantType,
    AttachmentClass,
    BuildStatus,
    Grade,
    InnovationAcceptance,
    OtherChannel,
    PriorityCondition,
    Status,
)
from gdiiot_desktop.domain.model import Applicant, Application, Attachment, Violation
from gdiiot_desktop.domain.rules.per_application import material_satisfied
from gdiiot_desktop.gui import overrides, screen_fit, validation
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_application_editor import Ui_ApplicationEditor
from gdiiot_desktop.gui.models import AttachmentsModel, ProblemCounts, ViolationsModel
from gdiiot_desktop.gui.session import WorkspaceSession
from gdiiot_desktop.gui.styles import ERROR_STYLE, ERROR_TEXT_STYLE, OK_TEXT_STYLE, READ_ONLY_STYLE
from gdiiot_desktop.services import settings as settings_service

VIDEO_SUFFIXES = {".mp4", ".m4v", ".mov", ".avi", ".wmv", ".flv", ".mkv", ".mpg", ".mpeg", ".ts", ".webm", ".3gp"}


def guess_class(path: Path, default: AttachmentClass) -> AttachmentClass:
    """A dropped video is the video; anything else takes the class chosen in the drop-down."""
    return AttachmentClass.VIDEO if path.suffix.lower() in VIDEO_SUFFIXES else default


class ClassDelegate(QStyledItemDelegate):
    """A drop-down of attachment classes for the class column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for cls in AttachmentClass:
            combo.addItem(cls.label, cls.value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ApplicationEditor(QDialog):
    """Edits one application (or a new one). Every change is checked at once against the campaign's rules."""

    saved = Signal(object)  # the Application as stored
    violations_updated = Signal(list)

    def __init__(self, session: WorkspaceSession, app: Application | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ApplicationEditor()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.session = session
        self.campaign = session.campaign
        self.app = app  # as stored (None until the first save)
        self.violations: list[Violation] = []
        self.field_errors: dict[str, str] = {}
        self.dirty = False
        self._loading = False
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # replaced in tests
        self._temp_dir: Path | None = None

        self.problems_model = ViolationsModel(self.campaign, self)
        self.ui.problemsView.setModel(self.problems_model)
        self.ui.problemsView.setColumnHidden(ViolationsModel.COL_PROJECT, True)
        self.ui.problemsView.setWordWrap(True)
        header = self.ui.problemsView.horizontalHeader()
        header.setSectionResizeMode(ViolationsModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ViolationsModel.COL_GRADE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.ui.problemsView.setColumnHidden(ViolationsModel.COL_RULE, True)
        self.ui.problemsView.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.attachments_model = AttachmentsModel(self)
        self.attachments_model.on_class_change = self._change_class
        self.ui.attachmentsView.setModel(self.attachments_model)
        self.ui.attachmentsView.setItemDelegateForColumn(AttachmentsModel.COL_CLASS, ClassDelegate(self.ui.attachmentsView))
        self.ui.attachmentsView.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.SelectedClicked
        )
        att_header = self.ui.attachmentsView.horizontalHeader()
        att_header.setSectionResizeMode(AttachmentsModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        att_header.setStretchLastSection(False)
        for col in (AttachmentsModel.COL_CLASS, AttachmentsModel.COL_YEAR, AttachmentsModel.COL_SIZE, AttachmentsModel.COL_DETAIL):
            att_header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self._fill_choices()
        self._field_widgets = self._map_fields()
        self._connect()
        screen_fit.scrollable_tabs(self.ui.formTabs)  # a small screen scrolls the form; the buttons stay in view
        self.ui.editorSplitter.setStretchFactor(0, 3)
        self.ui.editorSplitter.setStretchFactor(1, 2)
        ws = session.ws
        session.runner.run(  # the bureau's name as the exports print it, read off the GUI thread
            lambda _progress: settings_service.get_recommender(ws), title="正在读取推荐单位…",
            cancellable=False, show_dialog=False, on_success=self._show_recommender,
        )  # fmt: skip
        # Files can be dropped on the whole attachments box.
        for target in (self.ui.attachmentsGroup, self.ui.attachmentsView, self.ui.attachmentsView.viewport()):
            target.setAcceptDrops(True)
            target.installEventFilter(self)

        self.load(app)
        self._apply_read_only()

    # --- setting up -------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        for c in self.campaign.categories:
            ui.categoryCombo.addItem(c.name, c.id)
        for status in BuildStatus:
            ui.buildStatusCombo.addItem(status.value, status.value)
        for acceptance in InnovationAcceptance:
            ui.innovationCombo.addItem(acceptance.value, acceptance.value)
        for channel in OtherChannel:
            ui.otherChannelCombo.addItem(channel.value, channel.value)
        ui.applicantTypeCombo.addItem("（请选择）", "")
        for kind in ApplicantType:
            ui.applicantTypeCombo.addItem(kind.value, kind.value)
        ui.countyCombo.addItems(self.session.counties())
        ui.countyCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        ui.countyCombo.lineEdit().setPlaceholderText("如 南海区")
        for cls in AttachmentClass:
            ui.attachClassCombo.addItem(cls.label, cls.value)
        ui.attachYearSpin.setValue(0)
        ui.attachYearSpin.setEnabled(False)
        self._checks = {
            PriorityCondition.DEMONSTRATION_BASE: ui.priorityBaseCheck,
            PriorityCondition.INNOVATION_ACCEPTED: ui.priorityInnovationCheck,
            PriorityCondition.OLD_REVOLUTIONARY_AREA: ui.priorityOldAreaCheck,
            PriorityCondition.NOTABLE_RESULTS: ui.priorityResultsCheck,
        }

    def _map_fields(self) -> dict[str, QWidget]:
        ui = self.ui
        return {
            "project_name": ui.projectNameEdit,
            "applicant_name": ui.applicantNameEdit,
            "uscc": ui.usccEdit,
            "applicant_type": ui.applicantTypeCombo,
            "independent_legal_person": ui.independentCheck,
            "registered_city": ui.registeredCityEdit,
            "other_channel": ui.otherChannelCombo,
            "pilot_year": ui.pilotYearEdit,
            "innovation_acceptance": ui.innovationCombo,
            "build_status": ui.buildStatusCombo,
            "direction": ui.directionCombo,
            "category": ui.categoryCombo,
            "county": ui.countyCombo,
            "attachments": ui.attachmentsView,
            "materials": ui.materialsList,
            "filed_on": ui.filedOnEdit,
            "founded": ui.foundedEdit,
            "build_start": ui.buildStartEdit,
            "build_end": ui.buildEndEdit,
            "total_investment": ui.investmentEdit,
            "registered_capital": ui.capitalEdit,
            "employees": ui.employeesEdit,
            "revenue": ui.revenueEdit,
            "profit": ui.profitEdit,
            "rnd_spending": ui.rndEdit,
            "contact_phone": ui.contactPhoneEdit,
            "contact_mobile": ui.contactMobileEdit,
            "contact_email": ui.contactEmailEdit,
        }

    def _connect(self) -> None:
        ui = self.ui
        for edit in self.findChildren(QLineEdit):
            if edit is not ui.countyCombo.lineEdit():
                edit.textChanged.connect(self._changed)
        ui.countyCombo.currentTextChanged.connect(self._changed)
        ui.usccEdit.editingFinished.connect(self.offer_known_applicant)
        for combo in (ui.buildStatusCombo, ui.innovationCombo, ui.otherChannelCombo, ui.applicantTypeCombo, ui.directionCombo):
            combo.currentIndexChanged.connect(self._changed)
        ui.categoryCombo.currentIndexChanged.connect(self._category_changed)
        for box in self.findChildren(QCheckBox):
            box.toggled.connect(self._changed)
        ui.materialsList.itemChanged.connect(self._changed)
        ui.attachClassCombo.currentIndexChanged.connect(self._attach_class_changed)
        ui.addFileButton.clicked.connect(self.pick_files)
        ui.openFileButton.clicked.connect(self.open_selected)
        ui.replaceFileButton.clicked.connect(self.replace_selected)
        ui.removeFileButton.clicked.connect(self.remove_selected)
        ui.attachmentsView.doubleClicked.connect(
            lambda index: self.open_selected() if index.column() != AttachmentsModel.COL_CLASS else None
        )
        ui.attachmentsView.selectionModel().selectionChanged.connect(self._update_buttons)
        ui.saveButton.clicked.connect(self.save)
        ui.saveCloseButton.clicked.connect(lambda: self.save(close=True))
        ui.closeButton.clicked.connect(self.reject)
        ui.problemsView.doubleClicked.connect(lambda _index: self.jump_to_selected())
        ui.problemsView.selectionModel().selectionChanged.connect(self._problem_selected)
        ui.problemJumpButton.clicked.connect(self.jump_to_selected)
        ui.problemOverrideButton.clicked.connect(self.override_selected)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)

    def _show_recommender(self, name: str) -> None:
        if isValid(self):  # the editor may have closed before the read came back
            self.ui.recommenderLabel.setText(name)

    # --- loading and building -----------------------------------------------------------------
    def load(self, app: Application | None) -> None:
        """Fill the form from an application (or clear it for a new one)."""
        ui = self.ui
        self._loading = True
        try:
            a = app or Application(
                project_name="",
                applicant=Applicant(uscc="", name="", registered_city=f"{self.session.ws.city}市"),
                county="",
                category_id=self.campaign.categories[0].id,
                direction_id="",
                location_city=f"{self.session.ws.city}市",
                filed_on=date.today(),
            )
            p = a.applicant
            values = registry.application_values(a)
            for name, widget in _TEXT_EDITS.items():
                getattr(ui, widget).setText(values[name])
            for name, (widget, _parse, show) in _PARSED_EDITS.items():
                getattr(ui, widget).setText(show(values[name]))
            for name, widget in _CHECK_BOXES.items():
                getattr(ui, widget).setChecked(values[name])
            for name, widget in _ENUM_COMBOS.items():
                _select(getattr(ui, widget), values[name].value)
            _select(ui.categoryCombo, a.category_id)
            self._fill_directions(a.category_id)
            _select(ui.directionCombo, a.direction_id)
            ui.countyCombo.setCurrentText(a.county)
            for condition, box in self._checks.items():
                box.setChecked(condition in a.priority_conditions)
            if p.applicant_type is None and p.applicant_type_text:
                ui.applicantTypeCombo.addItem(f"{p.applicant_type_text}（所填类型）", p.applicant_type_text)
            _select(ui.applicantTypeCombo, p.type_text)
            ui.independentCheck.setChecked(p.independent_legal_person is not False)
            self.attachments_model.set_attachments(a.attachments)
            self._fill_materials(a)
        finally:
            self._loading = False
        self._set_title()
        self.dirty = False
        self._refresh()
        self._update_buttons()

    def _fill_directions(self, category_id: str) -> None:
        combo = self.ui.directionCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("（请选择方向）", "")
        for d in self.campaign.directions_of(category_id):
            note = "" if self.campaign.submit_authority in d.authorities else "（不由本渠道受理）"
            combo.addItem(f"{d.no}. {d.name}{note}", d.id)
            combo.setItemData(combo.count() - 1, f"负责单位：{d.authority_text}", Qt.ItemDataRole.ToolTipRole)
        _select(combo, current or "")
        combo.blockSignals(False)

    def _fill_materials(self, app: Application) -> None:
        listing = self.ui.materialsList
        listing.blockSignals(True)
        listing.clear()
        for m in self.campaign.materials:
            item = QListWidgetItem(listing)
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if m.id in app.materials_received else Qt.CheckState.Unchecked)
        listing.blockSignals(False)
        self._label_materials(app)

    def _label_materials(self, app: Application) -> None:
        listing = self.ui.materialsList
        listing.blockSignals(True)
        for row, m in enumerate(self.campaign.materials):
            item = listing.item(row)
            attached = len(app.attachments_of(m.attachment_class))
            need = "必需" if m.required else "如有"
            count = f"，需{m.min_count}份" if m.min_count > 1 else ""
            state = f"已附 {attached} 份" if attached else "未附电子版"
            done = material_satisfied(app, m.id, m.attachment_class, m.min_count)
            item.setText(f"{m.name}（{need}{count}）— {state}{'  ✓' if done else ''}")
        listing.blockSignals(False)

    def build(self) -> Application:
        """The application as the form shows it now; entries in a bad form are left out and noted."""
        ui = self.ui
        errors: dict[str, str] = {}

        def parse(field: str, fn: Callable[[str], Any], text: str) -> Any:
            try:
                return fn(text)
            except validation.FieldError as exc:
                errors[field] = str(exc)
                return None

        values: dict[str, Any] = {name: getattr(ui, widget).text().strip() for name, widget in _TEXT_EDITS.items()}
        for name, (widget, read, _show) in _PARSED_EDITS.items():
            values[name] = parse(registry.field(name).key, read, getattr(ui, widget).text())
        for name, widget in _CHECK_BOXES.items():
            values[name] = getattr(ui, widget).isChecked()
        for name, widget in _ENUM_COMBOS.items():
            enum = registry.field(name).enum
            assert enum is not None
            values[name] = enum(getattr(ui, widget).currentData())
        for field, check, widget in (
            ("contact_phone", validation.phone_problem, ui.contactPhoneEdit),
            ("contact_mobile", validation.mobile_problem, ui.contactMobileEdit),
            ("contact_email", validation.email_problem, ui.contactEmailEdit),
        ):
            problem = check(widget.text())
            if problem:
                errors[field] = problem
        base = self.app
        values.update(
            {
                "applicant.applicant_type": ui.applicantTypeCombo.currentData() or "",
                "applicant.independent_legal_person": ui.independentCheck.isChecked(),
                "county": ui.countyCombo.currentText().strip(),
                "category_id": ui.categoryCombo.currentData() or "",
                "direction_id": ui.directionCombo.currentData() or "",
                "priority_conditions": frozenset(c for c, box in self._checks.items() if box.isChecked()),
                "materials_received": frozenset(
                    ui.materialsList.item(i).data(Qt.ItemDataRole.UserRole)
                    for i in range(ui.materialsList.count())
                    if ui.materialsList.item(i).checkState() == Qt.CheckState.Checked
                ),
                "uid": base.uid if base else "",
                "status": base.status if base else Status.REGISTERED,
                "priority": base.priority if base else None,
                "overrides": dict(base.overrides) if base else {},
            }
        )
        app = registry.build_application(values, self.attachments_model.attachments())
        app.id = base.id if base else None
        self.field_errors = errors
        return app

    # --- live checks ------------------------------------------------------------------------------
    def _changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self.dirty = True
        self._refresh()

    def _category_changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self._fill_directions(self.ui.categoryCombo.currentData() or "")
        self._changed()

    def _refresh(self) -> None:
        draft = self.build()
        self.violations = self.session.preview(draft)
        self.problems_model.set_violations(self.violations)
        self._label_materials(draft)
        self._mark_fields()
        counts = ProblemCounts.of(self.violations)
        self.ui.problemsCountLabel.setText(
            "没有发现问题" if not self.violations else f"共 {len(self.violations)} 项：{counts.text}"
        )
        self.ui.problemsCountLabel.setStyleSheet(ERROR_TEXT_STYLE if counts.errors else OK_TEXT_STYLE)
        self._update_state_label()
        self.violations_updated.emit(self.violations)

    def _mark_fields(self) -> None:
        ui = self.ui
        problems: dict[str, list[str]] = {}
        for v in self.violations:
            if v.field and not v.is_overridden and v.grade in (Grade.ERROR, Grade.NEEDS_EXPLANATION, Grade.WARNING):
                problems.setdefault(v.field, []).append(v.message)
        for field, message in self.field_errors.items():
            problems.setdefault(field, []).append(f"{field_label(field)}：{message}")
        for field, widget in self._field_widgets.items():
            messages = problems.get(field)
            widget.setStyleSheet(ERROR_STYLE if messages else "")
            widget.setToolTip("\n".join(messages) if messages else "")
        status = validation.uscc_status(ui.usccEdit.text())
        if not ui.usccEdit.text().strip():
            ui.usccStatus.setText("")
        elif status:
            ui.usccStatus.setText(status)
            ui.usccStatus.setStyleSheet(ERROR_TEXT_STYLE)
        else:
            note = getattr(self, "_known_note", None)  # (code, text) after a known enterprise filled the form
            same = note is not None and note[0] == ui.usccEdit.text().strip()
            ui.usccStatus.setText(note[1] if note is not None and same else "✓ 校验位正确")
            ui.usccStatus.setStyleSheet(OK_TEXT_STYLE)

    def offer_known_applicant(self) -> None:
        """A new application whose credit code names an enterprise the database knows (entered
        before, or carried from last year's database): its details fill the fields still blank."""
        code = self.ui.usccEdit.text().strip()
        if self.app is not None or not code or validation.uscc_status(code):
            return
        self.session.known_applicant(code, self._fill_known_applicant)

    def _fill_known_applicant(self, applicant: Applicant | None) -> None:
        if applicant is None or not isValid(self):
            return
        ui = self.ui
        values = registry.application_values(
            Application(project_name="", applicant=applicant, county="", category_id="", direction_id="")
        )
        filled = 0
        for name, widget in _TEXT_EDITS.items():
            edit = getattr(ui, widget)
            if name.startswith("applicant.") and name != "applicant.uscc" and not edit.text().strip() and values[name]:
                edit.setText(values[name])
                filled += 1
        for name, (widget, _parse, show) in _PARSED_EDITS.items():
            edit = getattr(ui, widget)
            if name.startswith("applicant.") and not edit.text().strip() and values[name] is not None:
                edit.setText(show(values[name]))
                filled += 1
        if applicant.applicant_type is not None and not ui.applicantTypeCombo.currentText().strip():
            _select(ui.applicantTypeCombo, applicant.applicant_type.value)
            filled += 1
        if filled:
            text = f"✓ 校验位正确；已填入本数据库中“{applicant.name}”的企业信息（{filled} 项，可修改）"
            self._known_note = (ui.usccEdit.text().strip(), text)
            ui.usccStatus.setText(text)
            ui.usccStatus.setStyleSheet(OK_TEXT_STYLE)

    def field_error_text(self) -> str:
        """One line per entry in a bad form: the field's name and what is expected there."""
        return "\n".join(f"• {field_label(name)}：{message}" for name, message in self.field_errors.items())

    def tell(self, title: str, text: str) -> None:
        """A warning box (tests replace this)."""
        QMessageBox.warning(self, title, text)

    def _update_state_label(self) -> None:
        parts = []
        if self.field_errors:
            parts.append(f"格式有误 {len(self.field_errors)} 处（见标红的栏目）")
        if self.dirty:
            parts.append("有未保存的修改")
        elif self.app is not None:
            parts.append("已保存")
        self.ui.savedLabel.setText("；".join(parts))

    def _set_title(self) -> None:
        if self.app is None:
            self.setWindowTitle("新建申报项目")
        else:
            self.setWindowTitle(f"申报项目：{self.app.project_name}（编号 {self.app.id}）")

    # --- jump and override ------------------------------------------------------------------------
    def focus_field(self, field: str | None) -> bool:
        """Show the tab holding the field a violation names and put the cursor there."""
        widget = self._field_widgets.get(field or "")
        if widget is None:
            return False
        tabs = self.ui.formTabs
        for i in range(tabs.count()):
            if tabs.widget(i).isAncestorOf(widget):
                tabs.setCurrentIndex(i)
                break
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        screen_fit.scroll_to(widget)
        if isinstance(widget, QLineEdit):
            widget.selectAll()
        return True

    def selected_violation(self) -> Violation | None:
        rows = self.ui.problemsView.selectionModel().selectedRows()
        return self.problems_model.violation_at(rows[0].row()) if rows else None

    def jump_to_selected(self) -> None:
        v = self.selected_violation()
        if v is not None:
            self.focus_field(v.field)

    def override_selected(self) -> None:
        v = self.selected_violation()
        if v is None or self.app is None or self.app.id is None:
            return
        reason = overrides.ask_override(self, v)
        if reason is None:
            return
        self.session.set_override(self.app.id, v.rule, reason, on_success=self._after_store_keep_form)

    def _problem_selected(self, *_args: Any) -> None:
        v = self.selected_violation()
        self.ui.problemClauseLabel.setText(f"依据：{v.clause}" if v else "")
        can_write = not self.session.read_only
        self.ui.problemJumpButton.setEnabled(v is not None and v.field in self._field_widgets)
        self.ui.problemOverrideButton.setEnabled(
            can_write and v is not None and v.overridable and self.app is not None
        )

    # --- saving --------------------------------------------------------------------------------------
    def save(self, close: bool = False) -> bool:
        """Save the form (off the GUI thread, through the writer); False when refused at once."""
        if self.session.read_only:
            return False
        draft = self.build()
        if self.field_errors:
            self.tell("无法保存", f"有 {len(self.field_errors)} 处填写格式不正确，请先改正标红的栏目：\n{self.field_error_text()}")
            self.focus_field(next(iter(self.field_errors)))
            return False

        def done(stored: Application) -> None:
            self._after_save(stored)
            if close:
                self.accept()

        task = self.session.save(draft, on_success=done)
        task.failed.connect(lambda exc: show_error(self, exc, "保存失败"))
        return True

    def _after_save(self, stored: Application) -> None:
        self.app = stored
        self.dirty = False
        self._set_title()
        self.attachments_model.set_attachments(stored.attachments)
        self._refresh()
        self.dirty = False
        self._update_state_label()
        self.saved.emit(stored)

    def _after_store_keep_form(self, stored: Application) -> None:
        """After an attachment or override change: take the stored attachments/overrides, keep typed text."""
        was_dirty = self.dirty
        base = self.app
        self.app = replace(base, attachments=stored.attachments, overrides=stored.overrides, id=stored.id) if base else stored
        self.attachments_model.set_attachments(stored.attachments)
        self._refresh()
        self.dirty = was_dirty
        self._update_state_label()
        self._update_buttons()

    def closeEvent(self, event: Any) -> None:
        # Every way out (window close button, Esc, 关闭) goes through reject(), which asks about unsaved work.
        event.ignore()
        self.reject()

    def reject(self) -> None:
        if self.dirty and not self.session.read_only:
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save(close=True)
                return
        self.discard()
        super().reject()

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self,
            "有未保存的修改",
            "申报项目有未保存的修改。要保存吗？",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )

    def discard(self) -> None:
        """Leave without saving: the engine gets the stored version back."""
        self.session.end_preview(self.app.id if self.app else None)
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def done(self, result: int) -> None:
        self.discard()
        super().done(result)

    # --- attachments ----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if event.mimeData().hasUrls() and not self.session.read_only:  # type: ignore[attr-defined]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif kind == QEvent.Type.Drop:
            urls = event.mimeData().urls()  # type: ignore[attr-defined]
            paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                self.add_files(paths)
                return True
        return super().eventFilter(watched, event)

    def chosen_class(self) -> AttachmentClass:
        return AttachmentClass(self.ui.attachClassCombo.currentData())

    def chosen_year(self) -> int | None:
        value = self.ui.attachYearSpin.value()
        return value if value and self.chosen_class() is AttachmentClass.AUDIT_REPORT else None

    def _attach_class_changed(self, *_args: Any) -> None:
        audit = self.chosen_class() is AttachmentClass.AUDIT_REPORT
        self.ui.attachYearSpin.setEnabled(audit)
        if audit and not self.ui.attachYearSpin.value():
            self.ui.attachYearSpin.setValue(self.campaign.year - 1)

    def pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "选择附件", "", "所有文件 (*)")
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path], cls: AttachmentClass | None = None, year: int | None = None) -> None:
        """Attach files (the class from the drop-down unless given; videos are recognised)."""
        if self.session.read_only or not paths:
            return
        chosen = cls or self.chosen_class()
        files = [(p, cls or guess_class(p, chosen), year if year is not None else self.chosen_year()) for p in paths]

        def attach(app_id: int) -> None:
            task = self.session.attach(app_id, files, on_success=self._after_store_keep_form)
            task.failed.connect(lambda exc: show_error(self, exc, "添加附件失败"))

        self._with_saved_app(attach)

    def _with_saved_app(self, then: Callable[[int], None]) -> None:
        """Attachments belong to a stored application: a new one is saved first."""
        if self.app is not None and self.app.id is not None and not self.dirty:
            then(self.app.id)
            return
        draft = self.build()
        if self.field_errors:
            self.tell("请先改正", f"添加附件前需要先保存项目，但有栏目格式不正确，请先改正标红的栏目：\n{self.field_error_text()}")
            return
        if not self.confirm_save_for_attachments():
            return

        def saved(stored: Application) -> None:
            self._after_save(stored)
            assert stored.id is not None
            then(stored.id)

        task = self.session.save(draft, on_success=saved)
        task.failed.connect(lambda exc: show_error(self, exc, "添加附件前需要先保存项目"))

    def confirm_save_for_attachments(self) -> bool:
        """Attachments belong to a saved project: ask before saving a new one or unsaved changes (tests replace this)."""
        what = "这是一个新项目，添加附件前需要先保存它" if self.app is None else "项目有未保存的修改，添加附件前需要先保存"
        answer = QMessageBox.question(self, "先保存项目", f"{what}。现在保存项目并添加附件吗？")
        return answer == QMessageBox.StandardButton.Yes

    def selected_attachment(self) -> Attachment | None:
        rows = self.ui.attachmentsView.selectionModel().selectedRows()
        return self.attachments_model.attachment_at(rows[0].row()) if rows else None

    def open_selected(self) -> bool:
        """Open the stored file with the system viewer (a copy under its original name, for the extension)."""
        a = self.selected_attachment()
        if a is None:
            return False
        source = self.session.ws.db.store.path_of(a.sha256)
        if not source.exists():
            QMessageBox.warning(self, "附件文件缺失", f"找不到附件“{a.file_name}”的文件。请重新添加该附件。")
            return False
        if self._temp_dir is None:
            self._temp_dir = Path(tempfile.mkdtemp(prefix="gdiiot-open-"))
        folder = self._temp_dir / a.sha256[:12]
        folder.mkdir(exist_ok=True)
        copy = folder / Path(a.file_name).name
        if not copy.exists():
            shutil.copyfile(source, copy)
        return bool(self.open_url(QUrl.fromLocalFile(str(copy))))

    def replace_selected(self) -> None:
        a = self.selected_attachment()
        if a is None or self.app is None or self.app.id is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, f"替换“{a.file_name}”", "", "所有文件 (*)")
        if name:
            self.replace_attachment(a, Path(name))

    def replace_attachment(self, old: Attachment, path: Path) -> None:
        assert self.app is not None and self.app.id is not None
        task = self.session.replace_attachment(self.app.id, old, path, on_success=self._after_store_keep_form)
        task.failed.connect(lambda exc: show_error(self, exc, "替换附件失败"))

    def remove_selected(self) -> None:
        a = self.selected_attachment()
        if a is None or self.app is None or self.app.id is None or a.id is None:
            return
        answer = QMessageBox.question(self, "删除附件", f"从本项目删除附件“{a.file_name}”？")
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_attachment(a)

    def remove_attachment(self, a: Attachment) -> None:
        assert self.app is not None and self.app.id is not None and a.id is not None
        task = self.session.remove_attachment(self.app.id, a.id, on_success=self._after_store_keep_form)
        task.failed.connect(lambda exc: show_error(self, exc, "删除附件失败"))

    def _change_class(self, a: Attachment, cls: AttachmentClass) -> None:
        if self.app is None or self.app.id is None or self.session.read_only:
            return
        year = a.year if cls is AttachmentClass.AUDIT_REPORT else None
        if cls is AttachmentClass.AUDIT_REPORT and year is None:
            year = self.campaign.year - 1
        task = self.session.change_attachment_class(self.app.id, a, cls, year, on_success=self._after_store_keep_form)
        task.failed.connect(lambda exc: show_error(self, exc, "修改附件类别失败"))

    def _update_buttons(self, *_args: Any) -> None:
        has = self.selected_attachment() is not None
        writable = not self.session.read_only
        self.ui.openFileButton.setEnabled(has)
        self.ui.replaceFileButton.setEnabled(has and writable)
        self.ui.removeFileButton.setEnabled(has and writable)
        self.ui.addFileButton.setEnabled(writable)
        hint = "把文件拖到此处即可添加；视频会自动归入“视频”类，其他文件归入左下方所选类别。双击类别可修改。"
        if self.app is None:
            hint += "新项目要先保存才能添加附件（添加时会询问）。"
        self.ui.attachmentsHint.setText(hint)

    def _apply_read_only(self) -> None:
        if not self.session.read_only:
            return
        self.ui.editorReadOnlyLabel.setVisible(True)
        self.ui.editorReadOnlyLabel.setText(self.session.read_only_notice or "只读：不能保存修改")
        self.ui.editorReadOnlyLabel.setStyleSheet(READ_ONLY_STYLE)
        for line_edit in self.findChildren(QLineEdit):
            line_edit.setReadOnly(True)
        for choice in [*self.findChildren(QComboBox), *self.findChildren(QCheckBox)]:
            choice.setEnabled(False)
        self.ui.materialsList.setEnabled(False)
        self.attachments_model.editable = False
        for b in (self.ui.saveButton, self.ui.saveCloseButton, self.ui.problemOverrideButton):
            b.setEnabled(False)
        self._update_buttons()


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if abs(value) < 1e15 else str(value)


# The form's widgets by registry field (domain/fields.py). Plain text; entries parsed on the way back
# (how a value is read from and shown in its line edit); check boxes; drop-downs of an enumeration.
# The county, category, direction, applicant type, priority conditions and materials have their own code.
_TEXT_EDITS = {
    "project_name": "projectNameEdit",
    "location_city": "locationCityEdit",
    "location_county": "locationCountyEdit",
    "co_applicants": "coApplicantsEdit",
    "note": "noteEdit",
    "contact.name": "contactNameEdit",
    "contact.title": "contactTitleEdit",
    "contact.phone": "contactPhoneEdit",
    "contact.mobile": "contactMobileEdit",
    "contact.email": "contactEmailEdit",
    "applicant.uscc": "usccEdit",
    "applicant.name": "applicantNameEdit",
    "applicant.registered_city": "registeredCityEdit",
    "applicant.registered_address": "registeredAddressEdit",
    "applicant.legal_representative": "legalRepEdit",
    "applicant.industry": "industryEdit",
}
_PARSED_EDITS: dict[str, tuple[str, Callable[[str], Any], Callable[[Any], str]]] = {
    "filed_on": ("filedOnEdit", validation.parse_date, _date_text),
    "build_start": ("buildStartEdit", validation.parse_date, _date_text),
    "build_end": ("buildEndEdit", validation.parse_date, _date_text),
    "total_investment": ("investmentEdit", validation.parse_amount, _number_text),
    "pilot_year": ("pilotYearEdit", validation.parse_year, lambda v: str(v) if v else ""),
    "applicant.founded": ("foundedEdit", validation.parse_date, _date_text),
    "applicant.registered_capital": ("capitalEdit", validation.parse_amount, _number_text),
    "applicant.employees": ("employeesEdit", validation.parse_count, lambda v: "" if v is None else str(v)),
    "applicant.revenue": ("revenueEdit", validation.parse_amount, _number_text),
    "applicant.profit": ("profitEdit", validation.parse_signed_amount, _number_text),
    "applicant.rnd_spending": ("rndEdit", validation.parse_amount, _number_text),
}
_CHECK_BOXES = {
    "applicant.is_central_enterprise": "centralCheck",
    "credit_checked": "creditCheck",
    "commitment_letter": "commitmentCheck",
}
_ENUM_COMBOS = {
    "build_status": "buildStatusCombo",
    "innovation_acceptance": "innovationCombo",
    "other_channel": "otherChannelCombo",
}
# Fields the form handles with code of their own, or that the editor does not change (the city's).
_OWN_CODE = frozenset(
    {
        "uid", "county", "category_id", "direction_id", "priority_conditions", "materials_received",
        "status", "priority", "overrides", "applicant.applicant_type", "applicant.independent_legal_person",
    }
)  # fmt: skip


def field_label(name: str) -> str:
    """The Chinese name of an editor field ("contact_mobile" is the contact's 手机)."""
    for flat in (name, name.replace("contact_", "contact.", 1), f"applicant.{name}"):
        if flat in registry.BY_NAME:
            return registry.BY_NAME[flat].print_label or registry.label(flat)
    return registry.label(name)
