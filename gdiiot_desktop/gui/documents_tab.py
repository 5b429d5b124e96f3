"""The settings dialog's "报送文件" tab: the contact printed on the letter and the summary table, and
which font fills each role of the documents (with a warning where the shipped font stands in).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.gui.tasks import TaskRunner
from gdiiot_desktop.services import document_settings
from gdiiot_desktop.services.pdf.fonts import ROLE_LABELS, ROLES, RoleChoice
from gdiiot_desktop.services.workspace import Workspace

WriteFn = Callable[[Callable[[], Any], str], None]


class DocumentsTab(QWidget):
    """Contact and fonts; `write(work, done_text)` runs a change on the writer (the dialog's)."""

    loaded = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, write: WriteFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.write = write
        self.pick_file = self._pick_file  # replaced in tests
        layout = QVBoxLayout(self)
        contact_box = QGroupBox("填表人/联系人（印在推荐函和汇总表上）", self)
        form = QFormLayout(contact_box)
        self.contactEdit = QLineEdit(contact_box)
        self.contactEdit.setObjectName("contactEdit")
        self.phoneEdit = QLineEdit(contact_box)
        self.phoneEdit.setObjectName("phoneEdit")
        self.phoneEdit.setPlaceholderText("如 0751-8888123")
        self.saveContactButton = QPushButton("保存", contact_box)
        self.saveContactButton.setObjectName("saveContactButton")
        form.addRow("联系人：", self.contactEdit)
        form.addRow("联系电话：", self.phoneEdit)
        form.addRow("", self.saveContactButton)
        layout.addWidget(contact_box)

        fonts_box = QGroupBox("字体（导出时在本机查找：Windows 字体文件夹、用户字体文件夹；找不到时用随程序提供的字体）", self)
        fonts_form = QFormLayout(fonts_box)
        self.font_labels: dict[str, QLabel] = {}
        for role in ROLES:
            row = QWidget(fonts_box)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(row)
            label.setObjectName(f"font_{role}")
            label.setWordWrap(True)
            pick = QPushButton("指定字体文件…", row)
            auto = QPushButton("自动查找", row)
            pick.clicked.connect(lambda _checked=False, r=role: self.choose_font(r))
            auto.clicked.connect(lambda _checked=False, r=role: self.auto_font(r))
            row_layout.addWidget(label, 1)
            row_layout.addWidget(pick)
            row_layout.addWidget(auto)
            fonts_form.addRow(f"{ROLE_LABELS[role]}：", row)
            self.font_labels[role] = label
        layout.addWidget(fonts_box)
        layout.addStretch(1)
        self.saveContactButton.clicked.connect(self.save_contact)
        self.refresh()

    def refresh(self) -> None:
        """Read the settings and look for the fonts off the GUI thread, then show them."""
        ws = self.ws

        def work(_progress: Any) -> tuple[document_settings.Contact, dict[str, RoleChoice]]:
            return document_settings.get_contact(ws), document_settings.font_report(ws)

        self.runner.run(work, title="正在查找字体…", cancellable=False, show_dialog=False, on_success=self._show)

    def _show(self, result: tuple[document_settings.Contact, dict[str, RoleChoice]]) -> None:
        contact, report = result
        self.contactEdit.setText(contact.name)
        self.phoneEdit.setText(contact.phone)
        self.show_fonts(report)
        self.loaded.emit()

    def show_fonts(self, report: dict[str, RoleChoice]) -> None:
        for role, choice in report.items():
            label = self.font_labels[role]
            if choice.is_fallback:
                label.setText(f"⚠ {choice.label}：{choice.note}")
                label.setStyleSheet("color: #B00000;")
            else:
                label.setText(choice.label + (f"（{choice.note}）" if choice.note else ""))
                label.setStyleSheet("")

    def save_contact(self) -> None:
        name, phone = self.contactEdit.text(), self.phoneEdit.text()
        self.write(lambda: document_settings.set_contact(self.ws, name, phone), "已保存联系人")

    def choose_font(self, role: str) -> None:
        path = self.pick_file(role)
        if path is not None:
            self.write(lambda: document_settings.set_font(self.ws, role, path), f"已指定{ROLE_LABELS[role]}字体")

    def auto_font(self, role: str) -> None:
        self.write(lambda: document_settings.set_font(self.ws, role, None), f"{ROLE_LABELS[role]}字体改为自动查找")

    def _pick_file(self, role: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, f"选择{ROLE_LABELS[role]}字体", "", "TrueType 字体 (*.ttf *.ttc);;所有文件 (*)"
        )
        return Path(name) if name else None
