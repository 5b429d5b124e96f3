"""The campaign page: the year's rules in plain Chinese with their clauses, and the direction list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gdiiot_desktop.domain.campaign import Direction, direction_problems
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_campaign_page import Ui_CampaignPage
from gdiiot_desktop.gui.models import AUTHORITY_CHOICES, DirectionsModel, RulesModel, authority_text
from gdiiot_desktop.gui.session import WorkspaceSession
from gdiiot_desktop.gui.styles import ERROR_TEXT_STYLE, NOTICE_STYLE, OK_TEXT_STYLE

Index = QModelIndex | QPersistentModelIndex
COPY_NAMES = {"summary_table": "推荐项目汇总表", "paper_package": "纸质申报材料（每个项目）", "disc": "光盘"}


class AuthorityDelegate(QStyledItemDelegate):
    """The three possible authorities of a direction as a drop-down."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems([authority_text(c) for c in AUTHORITY_CHOICES])
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data()))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class CampaignPage(QWidget):
    """Rules (read-only) and directions (rename, change authority, import, export, confirm)."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CampaignPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.session = session
        campaign = session.campaign
        self.rules_model = RulesModel([campaign.rules[r] for r in campaign.rules], self)
        self.directions_model = DirectionsModel(campaign, self)
        self.directions_model.editable = not session.read_only
        ui = self.ui
        ui.rulesView.setModel(self.rules_model)
        ui.rulesView.setWordWrap(True)
        rh = ui.rulesView.horizontalHeader()
        rh.setStretchLastSection(False)
        rh.setSectionResizeMode(RulesModel.COL_CLAUSE_TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (RulesModel.COL_TITLE, RulesModel.COL_GRADE, RulesModel.COL_OVERRIDABLE, RulesModel.COL_CLAUSE, RulesModel.COL_ID):
            rh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        ui.rulesView.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ui.rulesView.setColumnHidden(RulesModel.COL_ID, True)  # the id is in each row's tooltip
        ui.rulesView.selectionModel().currentRowChanged.connect(self._rule_selected)
        ui.directionsView.setModel(self.directions_model)
        ui.directionsView.setItemDelegateForColumn(DirectionsModel.COL_AUTHORITY, AuthorityDelegate(ui.directionsView))
        dh = ui.directionsView.horizontalHeader()
        dh.setStretchLastSection(False)
        dh.setSectionResizeMode(DirectionsModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (DirectionsModel.COL_NO, DirectionsModel.COL_CATEGORY, DirectionsModel.COL_AUTHORITY):
            dh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.directions_model.dataChanged.connect(self._directions_edited)
        self.directions_model.modelReset.connect(self._directions_edited)
        ui.importDirectionsButton.clicked.connect(self.pick_import)
        ui.exportDirectionsButton.clicked.connect(self.pick_export)
        ui.saveDirectionsButton.clicked.connect(self.save)
        ui.revertDirectionsButton.clicked.connect(self.revert)
        ui.confirmDirectionsButton.clicked.connect(self.confirm)
        ui.campaignSplitter.setStretchFactor(0, 1)
        ui.campaignSplitter.setStretchFactor(1, 1)
        session.campaign_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        campaign = self.session.campaign
        self.directions_model.campaign = campaign
        self.directions_model.set_directions(campaign.directions, stored=True)
        city = self.session.city
        quota = self.session.quota_limit
        copies = "，".join(f"{COPY_NAMES.get(k, k)} {v} 份" for k, v in campaign.copies.items())
        self.ui.campaignSummary.setText(
            f"<b>{campaign.title}</b><br>"
            f"省通知：{campaign.province_notice}（{campaign.province_notice_date:%Y年%m月%d日}）；"
            f"部通知：{campaign.ministry_notice}（{campaign.ministry_notice_date:%Y年%m月%d日}）<br>"
            f"报送截止：{campaign.deadline.moment:%Y年%m月%d日 %H:%M}（{campaign.deadline.text}）；"
            f"{city.full_name if city else self.session.ws.city}推荐名额 {quota} 项；"
            f"每个申报主体最多 {campaign.max_projects_per_applicant} 个项目；"
            f"视频 {campaign.video_min_seconds / 60:g}~{campaign.video_max_seconds / 60:g} 分钟"
            + (f"<br>报送份数：{copies}" if copies else "")
        )
        if campaign.directions_confirmed:
            self.ui.unconfirmedBanner.setText("方向清单已确认。")
            self.ui.unconfirmedBanner.setStyleSheet(OK_TEXT_STYLE)
        else:
            note = campaign.directions_note or "方向名称为暂定，须与通知附件2核对。"
            self.ui.unconfirmedBanner.setText(f"方向清单未确认：{note}（核对后点击右下方“确认方向清单”，或“从表格导入…”正式清单）")
            self.ui.unconfirmedBanner.setStyleSheet(NOTICE_STYLE)
        self._directions_edited()

    def _rule_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.ui.ruleClauseLabel.setText("")
            return
        rule = self.rules_model.rule_at(current.row())
        self.ui.ruleClauseLabel.setText(f"<b>{rule.title}</b>（{rule.grade.label}）<br>{rule.clause}：{rule.clause_text}")

    def _directions_edited(self, *_args: Any) -> None:
        model = self.directions_model
        problems = direction_problems(self.session.campaign, model.directions(), "方向清单")
        writable = not self.session.read_only
        if problems:
            self.ui.directionsProblems.setText("；".join(str(p) for p in problems[:6]))
            self.ui.directionsProblems.setStyleSheet(ERROR_TEXT_STYLE)
        elif model.changed:
            self.ui.directionsProblems.setText("有未保存的修改（加粗的行）。")
            self.ui.directionsProblems.setStyleSheet("")
        else:
            self.ui.directionsProblems.setText(
                f"共 {len(model.directions())} 个方向。双击方向名称可改名，双击负责单位可修改。"
            )
            self.ui.directionsProblems.setStyleSheet("")
        self.ui.saveDirectionsButton.setEnabled(writable and model.changed and not problems)
        self.ui.revertDirectionsButton.setEnabled(model.changed)
        self.ui.importDirectionsButton.setEnabled(writable)
        self.ui.confirmDirectionsButton.setEnabled(
            writable and not problems and (model.changed or not self.session.campaign.directions_confirmed)
        )

    # --- actions --------------------------------------------------------------------------------
    def save(self, confirmed: bool | None = None) -> None:
        model = self.directions_model
        keep = self.session.campaign.directions_confirmed if confirmed is None else confirmed
        task = self.session.replace_directions(model.directions(), keep, on_success=self._saved)
        task.failed.connect(lambda exc: show_error(self, exc, "方向清单未保存"))

    def confirm(self) -> None:
        if self.directions_model.changed:
            self.save(confirmed=True)
            return
        task = self.session.confirm_directions(on_success=lambda _r: self._status("已确认方向清单"))
        task.failed.connect(lambda exc: show_error(self, exc, "未能确认方向清单"))

    def revert(self) -> None:
        self.directions_model.set_directions(self.session.campaign.directions, stored=True)

    def pick_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入方向清单", "", "Excel 表格 (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Read a spreadsheet into the editor (not saved until 保存修改 or 确认方向清单)."""

        def loaded(directions: list[Direction]) -> None:
            self.directions_model.set_directions(directions, stored=False)
            self._status(f"已读取 {len(directions)} 个方向，请检查后保存或确认")

        task = self.session.read_directions(path, on_success=loaded)
        task.failed.connect(lambda exc: show_error(self, exc, "方向清单不能导入"))

    def pick_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "导出方向清单", "方向清单.xlsx", "Excel 表格 (*.xlsx)")
        if name:
            task = self.session.export_directions(Path(name), on_success=lambda _r: self._status(f"已导出到 {name}"))
            task.failed.connect(lambda exc: show_error(self, exc, "导出失败"))

    def _saved(self, notes: list[str]) -> None:
        self._status("已保存方向清单" + (f"：{'；'.join(notes[:3])}" if notes else ""))

    def _status(self, text: str) -> None:
        window = self.window()
        show_status = getattr(window, "show_status", None)
        if show_status is not None:
            show_status(text)
        else:  # pragma: no cover - the page outside the main window
            QMessageBox.information(self, "方向清单", text)
