"""The dialog that records the city's reason to accept an overridable violation."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from gdiiot_desktop.domain.model import Violation
from gdiiot_desktop.gui.forms.ui_override_dialog import Ui_OverrideDialog
from gdiiot_desktop.gui.styles import ERROR_TEXT_STYLE


class OverrideDialog(QDialog):
    """Shows the problem and its clause and asks for the reason (required)."""

    def __init__(self, violation: Violation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_OverrideDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.violation = violation
        who = f"“{violation.project}”：" if violation.project else ""
        self.ui.overrideProblem.setText(f"<b>{violation.grade.label}</b>　{who}{violation.message}")
        self.ui.overrideClause.setText(f"依据：{violation.clause}")
        self.ui.reasonEdit.setPlainText(violation.override_reason or "")
        self.ui.overrideError.setStyleSheet(ERROR_TEXT_STYLE)
        ok = self.ui.overrideButtons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("记录说明")
        self.ui.overrideButtons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.overrideButtons.accepted.connect(self.accept)
        self.ui.overrideButtons.rejected.connect(self.reject)
        self.ui.reasonEdit.setFocus()

    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason():
            self.ui.overrideError.setText("请填写理由：它会记入操作日志，并写入汇总表的备注。")
            return
        super().accept()


def ask_override(parent: QWidget, violation: Violation) -> str | None:
    """The reason the user typed, or None when cancelled. (Tests replace this function.)"""
    dialog = OverrideDialog(violation, parent)
    try:
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
