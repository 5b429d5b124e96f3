"""The text a user can see in a window: titles, labels, buttons, tabs, menus, headers, list cells, tooltips."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

ROWS_LOOKED_AT = 40

# Latin words a Chinese user meets everywhere: file kinds, products, standard names, key names.
ALLOWED = {
    "excel", "pdf", "iso", "uscc", "wps", "xlsx", "xls", "zip", "csv", "toml", "txt", "doc", "docx", "ofd",
    "mp4", "mov", "avi", "wmv", "flv", "mkv", "mpg", "mpeg", "ts", "webm", "sqlite", "sqlite3", "db",
    "ctrl", "shift", "alt", "del", "esc", "enter", "tab", "kb", "mb", "gb", "tb", "cd", "dvd", "bd",
    "udf", "ai", "mes", "erp", "plc", "scada", "iot", "it", "ok", "qq", "pgup", "pgdn", "home", "end",
    "windows", "word", "office",
}  # fmt: skip
TOKEN = re.compile(r"[A-Za-z0-9_]+")
PATH_LIKE = re.compile(r"\S*[/\\]\S*")  # file and folder paths the user chose are shown as they are
EMAIL_LIKE = re.compile(r"\S+@\S+")
FILE_NAME = re.compile(r"[A-Za-z0-9_\-]+\.(txt|xlsx|xls|zip|pdf|iso|toml|sqlite3|log)\b")  # names the user must type or find
RULE_ID_NOTE = re.compile(r"规则编号：\S+")  # a rule's id, given in its tooltip for those who ask us


def plain(text: str) -> str:
    if "<" in text and ">" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def latin_words(text: str) -> list[str]:
    text = FILE_NAME.sub(" ", RULE_ID_NOTE.sub(" ", EMAIL_LIKE.sub(" ", PATH_LIKE.sub(" ", plain(text)))))
    words = []
    for word in TOKEN.findall(text):
        # Codes and numbers with letters (credit codes, 5G, 12MB) are data, not words.
        if any(c.isdigit() for c in word) or sum(c.isalpha() for c in word) < 2 or word.lower() in ALLOWED:
            continue
        words.append(word)
    return words


def visible_texts(window: QWidget, *, tooltips: bool = True) -> Iterator[tuple[str, str]]:
    """(where, text) for everything visible in `window` (children in other windows are left out)."""
    yield "window title", window.windowTitle()

    def shown(w: QWidget) -> bool:
        return w.window() is window and w.isVisibleTo(window)

    for label in window.findChildren(QLabel):
        if shown(label):
            yield f"label {label.objectName()}", label.text()
            if tooltips:
                yield f"tooltip {label.objectName()}", label.toolTip()
    for button in window.findChildren(QAbstractButton):
        if shown(button):
            yield f"button {button.objectName()}", button.text()
            if tooltips:
                yield f"tooltip {button.objectName()}", button.toolTip()
    for box in window.findChildren(QGroupBox):
        if shown(box):
            yield f"group {box.objectName()}", box.title()
    for tabs in window.findChildren(QTabWidget):
        if shown(tabs):
            for i in range(tabs.count()):
                yield f"tab {tabs.objectName()}", tabs.tabText(i)
    for edit in window.findChildren(QLineEdit):
        if shown(edit):
            yield f"placeholder {edit.objectName()}", edit.placeholderText()
    for combo in window.findChildren(QComboBox):
        if shown(combo):
            for i in range(combo.count()):
                yield f"choice {combo.objectName()}", combo.itemText(i)
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if not shown(view) or model is None or isinstance(view, QHeaderView):
            continue
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model: one column
            columns = 1
        for col in range(columns):
            if hasattr(view, "isColumnHidden") and view.isColumnHidden(col):
                continue
            yield f"header {view.objectName()}", str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            for row in range(min(model.rowCount(QModelIndex()), ROWS_LOOKED_AT)):
                index = model.index(row, col)
                yield f"cell {view.objectName()}[{row},{col}]", str(index.data() or "")
                if tooltips:
                    yield f"cell tooltip {view.objectName()}[{row},{col}]", str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    if isinstance(window, QMainWindow):
        for menu in window.menuBar().findChildren(QMenu):
            yield f"menu {menu.objectName()}", menu.title()
            for action in menu.actions():
                yield f"menu item {menu.objectName()}", action.text()
                if tooltips:
                    yield f"menu tip {action.objectName()}", action.toolTip()
    for action in window.actions():
        yield f"action {action.objectName()}", action.text()


def latin_findings(window: QWidget, *, tooltips: bool = True) -> list[str]:
    found = []
    for where, text in visible_texts(window, tooltips=tooltips):
        words = latin_words(text)
        if words:
            found.append(f"{where}: {words} in {text[:80]!r}")
    return found
