"""The start dialog: create a city database under a chosen campaign (shipped, or a file; never a silent
default), optionally carrying the enterprises of last year's database, or open an existing database.

The campaign's kind decides the database: a pilot-recommendation campaign makes a database for the
main window; a special-fund call (issue 14) makes one for the fund window, for the call's own city."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from gdiiot_desktop import paths
from gdiiot_desktop.domain.campaign import Campaign
from gdiiot_desktop.domain.fund.campaign import FUND_KIND, FundCampaign
from gdiiot_desktop.gui.forms.ui_start_dialog import Ui_StartDialog
from gdiiot_desktop.gui.styles import ERROR_TEXT_STYLE
from gdiiot_desktop.services.campaign_files import shipped_choices
from gdiiot_desktop.services.fund.workspace import is_fund_campaign_file, load_fund_campaign_file
from gdiiot_desktop.services.workspace import DEFAULT_OPERATOR, load_campaign_file

DB_FILTER = "数据库文件 (*.sqlite3 *.sqlite *.db);;所有文件 (*)"
CAMPAIGN_FILTER = "活动文件 (*.toml);;所有文件 (*)"
PILOT_KIND = "pilot-recommendation"


@dataclass(frozen=True)
class CreateChoice:
    """Make a new database for `city` under the campaign file, maybe carrying last year's enterprises."""

    path: Path
    city: str
    operator: str
    campaign_file: Path
    carry_applicants_from: Path | None = None
    kind: str = PILOT_KIND  # the campaign file's kind: which database is made, and which window opens it


@dataclass(frozen=True)
class OpenChoice:
    """Open an existing database."""

    path: Path


class StartDialog(QDialog):
    """Returns what the user chose in `choice`: a CreateChoice or an OpenChoice (None when cancelled)."""

    def __init__(self, suggested: Path | None = None, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StartDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.choice: CreateChoice | OpenChoice | None = None
        self.campaign: Campaign | None = None
        self.fund_campaign: FundCampaign | None = None  # a special-fund call chosen instead
        ui = self.ui
        # No campaign is chosen for the user: the year's notice decides, and 2023's is long closed.
        ui.newCampaignCombo.addItem("请选择本年度的申报批次…", None)
        for shipped in shipped_choices():
            if shipped.kind == PILOT_KIND:
                ui.newCampaignCombo.addItem(f"{shipped.title}（随程序提供）", str(shipped.path))
            elif shipped.kind == FUND_KIND:
                ui.newCampaignCombo.addItem(f"{shipped.title}（专项资金申报，随程序提供）", str(shipped.path))
        ui.newCampaignCombo.setToolTip("数据库按所选申报批次（活动文件）的名额、日期和规则工作；新的一年请新建数据库")
        ui.newCityCombo.setMaxVisibleItems(21)
        self._suggested = suggested
        self._fill_cities(None)
        ui.newPathEdit.setText(str(suggested or self.default_path()))
        ui.newOperatorEdit.setText("")
        ui.newOperatorEdit.setPlaceholderText(f"姓名（记入操作日志；不填则记为“{DEFAULT_OPERATOR}”）")
        ui.carryPathEdit.setEnabled(False)
        ui.browseCarryButton.setEnabled(False)
        ui.startError.setStyleSheet(ERROR_TEXT_STYLE)
        ui.startError.setText(message)
        ui.newCampaignCombo.currentIndexChanged.connect(self._campaign_changed)
        ui.browseCampaignButton.clicked.connect(self.browse_campaign)
        ui.makeCampaignButton.clicked.connect(self.make_campaign)
        ui.carryCheck.toggled.connect(self._carry_toggled)
        ui.browseCarryButton.clicked.connect(self.browse_carry)
        ui.newCityCombo.currentIndexChanged.connect(self._city_changed)
        ui.browseNewButton.clicked.connect(self.browse_new)
        ui.createButton.clicked.connect(self.create_database)
        ui.openButton.clicked.connect(self.browse_open)
        ui.cancelStartButton.clicked.connect(self.reject)
        ui.newCampaignCombo.setFocus()

    # --- the campaign ----------------------------------------------------------------------

    def choose_campaign_file(self, path: Path) -> bool:
        """Take a campaign file (from 其他活动文件… or 新建申报批次); False, with the reason shown, when unusable."""
        try:
            campaign: Campaign | FundCampaign = (
                load_fund_campaign_file(path) if is_fund_campaign_file(path) else load_campaign_file(path)
            )
        except Exception as exc:  # noqa: BLE001 - a file the user chose: say why it cannot be used
            from gdiiot_desktop.gui.errors import describe

            text, details, _ = describe(exc)
            self.ui.startError.setText("\n".join([text, *details[:5]]))
            return False
        combo = self.ui.newCampaignCombo
        index = combo.findData(str(path))
        if index < 0:
            kind = "专项资金申报，" if isinstance(campaign, FundCampaign) else ""
            combo.addItem(f"{campaign.title}（{kind}{path.name}）", str(path))
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        return True

    def _campaign_changed(self) -> None:
        data = self.ui.newCampaignCombo.currentData()
        self.campaign = self.fund_campaign = None
        if data:
            try:
                if is_fund_campaign_file(Path(data)):
                    self.fund_campaign = load_fund_campaign_file(Path(data))
                else:
                    self.campaign = load_campaign_file(Path(data))
            except Exception:  # noqa: BLE001 - listed files were readable; a vanished one is said below
                self.ui.startError.setText("无法读取所选的活动文件，请重新选择。")
        else:
            self.ui.startError.setText("")
        self._set_fund_mode(self.fund_campaign)
        if self.fund_campaign is None:
            self._fill_cities(self.campaign)
        if self.campaign is not None or self.fund_campaign is not None:
            self.ui.startError.setText("")

    def _set_fund_mode(self, fund: FundCampaign | None) -> None:
        """A special-fund call is the call of one city, and carries no enterprises from last year."""
        ui = self.ui
        if fund is not None:
            ui.newCityCombo.blockSignals(True)
            ui.newCityCombo.clear()
            ui.newCityCombo.addItem(f"{fund.city}市（{fund.issuer}的专项资金申报）", fund.city)
            ui.newCityCombo.blockSignals(False)
            ui.carryCheck.setChecked(False)
            self._city_changed()
        ui.newCityCombo.setEnabled(fund is None)
        ui.carryCheck.setEnabled(fund is None)
        ui.carryCheck.setToolTip("专项资金申报的企业从导入的申报表中登记，不从上一年度带入。" if fund else "")

    def _fill_cities(self, campaign: Campaign | None) -> None:
        """The chosen campaign's cities by region (before a choice: the shipped campaign's, for a look)."""
        combo = self.ui.newCityCombo
        current = combo.currentData()
        if campaign is None:
            choices = [c for c in shipped_choices() if c.kind == PILOT_KIND]
            campaign = load_campaign_file(choices[0].path) if choices else None
        combo.blockSignals(True)
        combo.clear()
        if campaign is not None:
            for region in campaign.regions:
                for city in campaign.cities:
                    if city.region_id == region.id:
                        quota = campaign.quota_for(city)
                        combo.addItem(f"{city.full_name}（{region.name}，推荐指标 {quota} 个）", city.name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        self._city_changed()

    def browse_campaign(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "选择活动文件", str(Path.home()), CAMPAIGN_FILTER)
        if name:
            self.choose_campaign_file(Path(name))

    def make_campaign(self) -> None:
        """新建申报批次 from the chosen campaign (or the newest shipped one); a saved file is chosen."""
        from gdiiot_desktop.gui.campaign_editor import open_campaign_editor

        current = self.ui.newCampaignCombo.currentData() if self.fund_campaign is None else None
        source = current or next((str(c.path) for c in shipped_choices() if c.kind == PILOT_KIND), None)
        editor = open_campaign_editor(self, source)
        if editor is None:
            return
        editor.exec()  # closed with 关闭 after saving, or given up
        if editor.saved_path is not None:
            self.choose_campaign_file(editor.saved_path)

    # --- carrying last year's enterprises ---------------------------------------------------

    def _carry_toggled(self, on: bool) -> None:
        self.ui.carryPathEdit.setEnabled(on)
        self.ui.browseCarryButton.setEnabled(on)
        if on and not self.ui.carryPathEdit.text():
            self.browse_carry()

    def browse_carry(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "上一年度的数据库", str(paths.data_dir(create=False)), DB_FILTER)
        if name:
            self.ui.carryPathEdit.setText(name)

    # --- where and who ----------------------------------------------------------------------

    def default_path(self) -> Path:
        default = paths.default_db_path(create=False)
        if self.fund_campaign is not None:  # never the pilot database's default name
            fund = self.fund_campaign
            return default.with_name(f"{fund.city}{fund.year}年专项资金.sqlite3")
        if not default.exists():
            return default
        year = f"{self.campaign.year}年" if self.campaign is not None else ""
        return default.with_name(f"{self.ui.newCityCombo.currentData() or 'city'}{year}.sqlite3")

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
            self.choice = OpenChoice(Path(name))
            self.accept()

    def create_database(self) -> None:
        ui = self.ui
        campaign_path = ui.newCampaignCombo.currentData()
        if not campaign_path or (self.campaign is None and self.fund_campaign is None):
            ui.startError.setText("请先选择本年度的申报批次（随程序提供的活动，或通知对应的活动文件）。")
            ui.newCampaignCombo.setFocus()
            return
        text = ui.newPathEdit.text().strip()
        if not text:
            ui.startError.setText("请填写数据库的保存位置。")
            return
        path = Path(text).expanduser()
        if path.suffix == "":
            path = path.with_suffix(".sqlite3")
        if path.exists():
            ui.startError.setText(f"该文件已存在：{path}。请换一个文件名，或用“打开…”打开它。")
            return
        operator = ui.newOperatorEdit.text().strip() or DEFAULT_OPERATOR
        if self.fund_campaign is not None:
            city = self.fund_campaign.city
            self.choice = CreateChoice(path, city, operator, Path(campaign_path), None, kind=FUND_KIND)
            self.accept()
            return
        carry: Path | None = None
        if ui.carryCheck.isChecked():
            carry_text = ui.carryPathEdit.text().strip()
            if not carry_text:
                ui.startError.setText("请选择上一年度的数据库，或取消“从本市上一年度的数据库带入”。")
                return
            carry = Path(carry_text)
        self.choice = CreateChoice(path, ui.newCityCombo.currentData(), operator, Path(campaign_path), carry)
        self.accept()
