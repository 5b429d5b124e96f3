"""Editing the recommendation letter's wording before export (the text form of services/exports/letter.py)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gdiiot_desktop.services.errors import InputError
from gdiiot_desktop.services.exports.letter import parse


class LetterDialog(QDialog):
    """The wording as text, checked before it is accepted; "恢复拟写文字" brings the proposal back."""

    def __init__(self, text: str, draft: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("推荐函文字")
        self.draft = draft
        layout = QVBoxLayout(self)
        hint = QLabel(
            "每行以“标题：”“主送机关：”等开头；正文写在“正文：”一行之后，以“一、”“（一）”开头的段落为标题。"
            "导出时文字随快照冻结，同一快照重新导出得到同样的推荐函。",
            self,
        )
        hint.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("letterEdit")
        self.edit.setFont(QFont("FangSong", 12))
        self.edit.setPlainText(text)
        self.error = QLabel(self)
        self.error.setObjectName("letterError")
        self.error.setStyleSheet("color: #B00000;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.reset_button = QPushButton("恢复拟写文字", self)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_button.clicked.connect(lambda: self.edit.setPlainText(self.draft))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(hint)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 640)

    def text(self) -> str:
        return self.edit.toPlainText()

    def accept(self) -> None:
        try:
            parse(self.text())
        except InputError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
