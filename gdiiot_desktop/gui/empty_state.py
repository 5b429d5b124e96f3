"""The first day: an empty list shows the ways to start instead of an empty table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

CHOICES = (
    ("newButton", "新建项目", "逐项填写一份申报书（也可按 Ctrl+N）。", "new_requested"),
    ("importButton", "导入 Excel…", "企业或工作人员按导入模板填好的表格，一次导入多个项目。", "import_requested"),
    ("bundleButton", "导入县区数据包…", "市局：导入各县（区）报来的数据包，含附件。", "bundle_requested"),
    ("templateButton", "保存 Excel 导入模板…", "得到带下拉选项的空白模板，发给企业或县区填写。", "template_requested"),
)


class EmptyState(QFrame):
    """Shown in place of the list while the database has no application."""

    new_requested = Signal()
    import_requested = Signal()
    bundle_requested = Signal()
    template_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        title = QLabel("还没有申报项目。请选择一种方式开始：", self)
        title.setObjectName("emptyTitle")
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        for row, (name, text, hint, signal) in enumerate(CHOICES):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setMinimumWidth(180)
            button.clicked.connect(getattr(self, signal))
            label = QLabel(hint, self)
            label.setObjectName(f"{name}Hint")
            label.setWordWrap(True)
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
            self.buttons[name] = button
        grid.setColumnStretch(1, 1)
        holder = QWidget(self)
        holder.setLayout(grid)
        holder.setMaximumWidth(720)
        outer.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        more = QLabel("不知道从哪里开始？请看“帮助 → 使用说明”。", self)
        more.setObjectName("emptyHelp")
        more.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(more)
        outer.addStretch(2)

    def set_writable(self, writable: bool) -> None:
        for name in ("newButton", "importButton", "bundleButton"):
            self.buttons[name].setEnabled(writable)
