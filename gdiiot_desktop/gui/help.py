"""帮助: the short manual, the 关于 box (version and campaign), and the log folder."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from gdiiot_desktop import __version__, resources

MANUAL_FILE = ("help", "manual.html")


def manual_html() -> str:
    return resources.resource(*MANUAL_FILE).read_text(encoding="utf-8")


class ManualDialog(QDialog):
    """The manual in a scrolling browser; not modal, so it can stay open beside the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manualDialog")
        self.setWindowTitle("使用说明")
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("manualBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(manual_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def about_text(program: str, campaign: str | None) -> str:
    lines = [
        f"<b>{program}</b>",
        f"版本 {__version__}",
        f"当前申报批次：{campaign}" if campaign else "尚未打开数据库",
        "离线桌面程序：登记、检查、排序并报送工业互联网试点示范申报项目。程序不联网。",
    ]
    return "<br>".join(lines)


def about_box(parent: QWidget | None, program: str, campaign: str | None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, "关于", about_text(program, campaign), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("aboutBox")
    box.button(QMessageBox.StandardButton.Ok).setText("确定")
    return box
