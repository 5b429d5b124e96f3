"""The main window controller: composes the Designer form and fills the header from a provider."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from gdiiot_desktop.gui.forms.ui_main_window import Ui_MainWindow

WINDOW_TITLE = "广东省工业互联网试点示范申报管理"


@dataclass(frozen=True)
class HeaderTexts:
    """What the header shows, already worded for display (the services compute it, the GUI just shows it)."""

    city: str = "未选择"
    campaign: str = "未加载"
    deadline: str = "—"
    quota: str = "—"


# Anything callable that returns the current header texts: a service method, a lambda in tests.
HeaderSource = Callable[[], HeaderTexts]


class MainWindow(QMainWindow):
    """The application's main window. Knows nothing about the database: data comes in through
    the header source and a table model handed to it by the composition root."""

    def __init__(self, header_source: HeaderSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated code has no annotations
        self.setWindowTitle(WINDOW_TITLE)
        self._header_source = header_source
        # A permanent widget, so transient status messages never hide which database is open.
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.ui.statusbar.addPermanentWidget(self.database_label)
        self.refresh_header()

    def refresh_header(self) -> None:
        """Ask the header source again (after a save, an import, or once a minute for the countdown)."""
        texts = self._header_source() if self._header_source is not None else HeaderTexts()
        self.ui.cityLabel.setText(texts.city)
        self.ui.campaignLabel.setText(texts.campaign)
        self.ui.deadlineLabel.setText(texts.deadline)
        self.ui.quotaLabel.setText(texts.quota)

    def set_header_source(self, header_source: HeaderSource | None) -> None:
        self._header_source = header_source
        self.refresh_header()

    def set_applications_model(self, model: QAbstractItemModel) -> None:
        """Show a table model (normally a sort/filter proxy over the applications model)."""
        self.ui.applicationsView.setModel(model)

    def set_database_text(self, text: str) -> None:
        self.database_label.setText(text)

    def show_status(self, message: str, timeout_ms: int = 5000) -> None:
        self.ui.statusbar.showMessage(message, timeout_ms)
