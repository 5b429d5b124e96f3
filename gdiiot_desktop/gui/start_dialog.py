"""The start dialog: create a city database (choose the city from the campaign's 21) or open an existing one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from gdiiot_desktop import paths
from gdiiot_desktop.gui.forms.ui_start_dialog import Ui_StartDialog
from gdiiot_desktop.gui.styles import ERROR_TEXT_STYLE
from gdiiot_desktop.resources import campaign_file
from gdiiot_desktop.services.workspace import DEFAULT_OPERATOR, load_campaign_file

DB_FILTER = "数据库文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)"


class StartDialog(QDialog):
    """Returns what the user chose: `choice` is ("create", path, city, operator) or ("open", path)."""

    def __init__(self, suggested: Path | None = None, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StartDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.choice: tuple[str, ...] | None = None
        campaign = load_campaign_file(campaign_file())
        ui = self.ui
        for region in campaign.regions:
            for city in campaign.cities:
                if city.region_id == region.id:
                    ui.newCityCombo.addItem(f"{city.full_name}（{region.name}）", city.name)
        ui.newCityCombo.setMaxVisibleItems(21)
        self._suggested = suggested
        ui.newPathEdit.setText(str(suggested or self.default_path()))
        ui.newOperatorEdit.setText("")
        ui.newOperatorEdit.setPlaceholderText(f"姓名（记入操作日志；不填则记为“{DEFAULT_OPERATOR}”）")
        ui.startError.setStyleSheet(ERROR_TEXT_STYLE)
        ui.startError.setText(message)
        ui.newCityCombo.currentIndexChanged.connect(self._city_changed)
        ui.browseNewButton.clicked.connect(self.browse_new)
        ui.createButton.clicked.connect(self.create_database)
        ui.openButton.clicked.connect(self.browse_open)
        ui.cancelStartButton.clicked.connect(self.reject)
        ui.newCityCombo.setFocus()

    def default_path(self) -> Path:
        default = paths.default_db_path(create=False)
        if not default.exists():
            return default
        return default.with_name(f"{self.ui.newCityCombo.currentData() or 'city'}.sqlite3")

    def _city_changed(self) -> None:
        if self._suggested is None:
            self.ui.newPathEdit.setText(str(self.default_path()))

    def browse_new(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "新数据库保存到", self.ui.newPathEdit.text(), DB_FILTER)
        if name:
            self._suggested = Path(name)
            self.ui.newPathEdit.setText(name)

    def browse_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "打开数据库", str(paths.data_dir(create=False)), DB_FILTER)
        if name:
            self.choice = ("open", name)
            self.accept()

    def create_database(self) -> None:
        text = self.ui.newPathEdit.text().strip()
        if not text:
            self.ui.startError.setText("请填写数据库的保存位置。")
            return
        path = Path(text).expanduser()
        if path.suffix == "":
            path = path.with_suffix(".sqlite3")
        if path.exists():
            self.ui.startError.setText(f"该文件已存在：{path}。请换一个文件名，或用“打开…”打开它。")
            return
        operator = self.ui.newOperatorEdit.text().strip() or DEFAULT_OPERATOR
        self.choice = ("create", str(path), self.ui.newCityCombo.currentData(), operator)
        self.accept()
