"""The one hook that turns an exception into a Chinese message that says what to do next."""

from __future__ import annotations

import re
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from gdiiot_desktop.logs import log
from gdiiot_desktop.services.errors import ServiceError, StorageError

UNEXPECTED = (
    "发生了意外错误，操作未完成。已保存的数据不受影响。"
    "请重试；如果问题再次出现，请把“显示详情”中的内容发给技术人员。"
)


# A hint for the command line in a service's message ("（见 gdiiot fund list）", "（--skip-bad-rows）"):
# the window has its own way to do it, so the hint is left out there.
_CLI_HINT = re.compile(r"\s*[（(][^（）()]*(?:gdiiot\s|--[a-z])[^（）()]*[）)]")


def window_text(message: str) -> str:
    """A service's message as the window shows it: without the hints meant for the command line."""
    return _CLI_HINT.sub("", message)


def describe(exc: BaseException) -> tuple[str, list[str], str]:
    """(message, details, technical text) for any exception."""
    if isinstance(exc, ServiceError):
        return window_text(exc.message), [window_text(d) for d in exc.details], ""
    if isinstance(exc, StorageError):
        return exc.message, [], getattr(exc, "detail", "")  # SQLite's own words only behind 详细信息
    if isinstance(exc, OSError):
        where = f"：{exc.filename}" if getattr(exc, "filename", None) else ""
        return f"无法读写文件{where}（{exc.strerror or exc}）。请检查文件是否存在、是否被其他程序占用，然后重试。", [], ""
    technical = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error shown to the user:\n%s", technical.rstrip())
    return UNEXPECTED, [], technical


def show_error(parent: QWidget | None, exc: BaseException, title: str = "操作未完成") -> QMessageBox:
    """Show the error (non-blocking: the box is opened window-modal and returned)."""
    message, details, technical = describe(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    text = "\n".join(f"• {d}" for d in details[:200])
    if len(details) > 200:
        text += f"\n……另有 {len(details) - 200} 处"
    if technical:
        text = (text + "\n\n" if text else "") + technical
    if text:
        box.setDetailedText(text)
        if details:
            box.setInformativeText("\n".join(f"• {d}" for d in details[:5]) + ("\n……（见“显示详情”）" if len(details) > 5 else ""))
    box.open()
    return box
