"""The main window controller: header, application list with search and filters, problems panel, pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHeaderView, QLabel, QMainWindow, QMessageBox, QWidget

from gdiiot_desktop.domain.enums import Status
from gdiiot_desktop.gui.columns import ColumnFitter
from gdiiot_desktop.gui.elided_label import replace_with_elided
from gdiiot_desktop.gui.empty_state import EmptyState
from gdiiot_desktop.gui.errors import show_error
from gdiiot_desktop.gui.forms.ui_main_window import Ui_MainWindow
from gdiiot_desktop.gui.header import HeaderTexts, header_texts
from gdiiot_desktop.gui.models import (
    ApplicationsModel,
    ApplicationsProxy,
    ListFilter,
    ProblemCounts,
    ViolationsModel,
)
from gdiiot_desktop.gui.screen_fit import fit_to_screen, fits_screen
from gdiiot_desktop.gui.styles import NOTICE_STYLE, OVERDUE_STYLE, READ_ONLY_STYLE

if TYPE_CHECKING:
    # The session brings the ORM: the window is shown from the quick first read before it is imported.
    from gdiiot_desktop.domain.campaign import Campaign
    from gdiiot_desktop.domain.model import Application, Violation
    from gdiiot_desktop.gui.session import WorkspaceSession
    from gdiiot_desktop.services.intake import ImportReport, IntakeRejectedError
    from gdiiot_desktop.storage.quick_read import QuickView

WINDOW_TITLE = "广东省工业互联网试点示范申报管理"
PAGE_APPLICATIONS, PAGE_BOARD, PAGE_CAMPAIGN = range(3)
SCOPE_SELECTED, SCOPE_CITY = range(2)
SEARCH_KEYS_PER_STEP = 500  # ~6 ms of work between two turns of the event loop
SEARCH_KEYS_DELAY_MS = 250
GEOMETRY_KEY, SPLITTER_KEY = "mainWindow/geometry", "mainWindow/listSplitter"

PROBLEM_FILTERS = (("全部", ""), ("有错误", "errors"), ("有警告", "warnings"), ("有错误或警告", "any"), ("无错误和警告", "none"))

# Columns of the list: short ones at the width their content needs; names share what is left (never
# below these minimums: narrower, the list scrolls sideways), so the 问题 column shows at any window size.
COLUMN_WIDTHS = {
    ApplicationsModel.COL_PRIORITY: 48,
    ApplicationsModel.COL_USCC: 160,
    ApplicationsModel.COL_COUNTY: 76,
    ApplicationsModel.COL_CATEGORY: 72,
    ApplicationsModel.COL_STATUS: 116,
    ApplicationsModel.COL_PROBLEMS: 150,
}
NAME_COLUMNS = {ApplicationsModel.COL_PROJECT: 200, ApplicationsModel.COL_APPLICANT: 160, ApplicationsModel.COL_DIRECTION: 120}


class MainWindow(QMainWindow):
    """The application's main window. Without a session it offers only to create or open a database."""

    new_database_requested = Signal()
    open_database_requested = Signal()
    settings_requested = Signal()
    editor_opened = Signal(object)

    def __init__(self, session: WorkspaceSession | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setWindowTitle(WINDOW_TITLE)
        # Long header texts are shortened with "…" (full text in the tooltip) rather than widen the window.
        self.ui.campaignLabel = replace_with_elided(self.ui.campaignLabel)
        self.ui.quotaLabel = replace_with_elided(self.ui.quotaLabel)
        self.manual: Any = None
        self.open_url: Any = None  # the system's opener (tests replace it)
        self._add_actions()
        # The first day: the ways to start, in place of an empty list.
        self.empty_state = EmptyState(self.ui.applicationsPage)
        self.ui.applicationsPageLayout.addWidget(self.empty_state, 1)
        self.empty_state.hide()
        self.empty_state.new_requested.connect(self.ui.actionNewApplication.trigger)
        self.empty_state.import_requested.connect(self.ui.actionImport.trigger)
        self.empty_state.bundle_requested.connect(self.import_bundle)
        self.empty_state.template_requested.connect(self.save_template)
        # The header's badges act: the direction notice opens its page, the quota the board.
        for badge, tip in ((self.ui.directionsNotice, "点击打开“活动与方向”页核对方向清单"),
                           (self.ui.quotaLabel, "点击打开“推荐排序”页"), (self.ui.quotaBar, "点击打开“推荐排序”页")):  # fmt: skip
            badge.setCursor(Qt.CursorShape.PointingHandCursor)
            badge.setToolTip(tip)
            badge.installEventFilter(self)
        self.session: WorkspaceSession | None = None
        self.model: ApplicationsModel | None = None
        self.proxy = ApplicationsProxy(self)
        self.violations_model: ViolationsModel | None = None
        self.board: Any = None
        self.campaign_page: Any = None
        self.charts_dialog: Any = None  # one 统计图表 window at a time
        self.editor: Any = None
        self.confirm_close = self._ask_close  # tests replace it
        self.pending_status: str | None = None  # shown once the list has loaded (after a restore)
        self.quick_view: QuickView | None = None  # the list shown while the database opens
        self.window_settings: QSettings | None = None  # where the window's size and layout are kept
        # A permanent widget, so transient status messages never hide which database is open.
        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.ui.statusbar.addPermanentWidget(self.database_label)
        self.ui.directionsNotice.setStyleSheet(NOTICE_STYLE)
        self.ui.readOnlyBanner.setStyleSheet(READ_ONLY_STYLE)
        self.ui.listSplitter.setStretchFactor(0, 3)
        self.ui.listSplitter.setStretchFactor(1, 1)
        self.ui.listSplitter.setSizes([520, 220])
        self._connect_actions()
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)  # the countdown
        self._clock.timeout.connect(self.refresh_header)
        self._clock.start()
        # Search keys (pinyin initials) are made in steps when idle: the list is painted before them.
        self._search_keys = QTimer(self)
        self._search_keys.setInterval(0)
        self._search_keys.timeout.connect(self._make_search_keys)
        if session is not None:
            self.set_session(session)
        else:
            self._enable_actions()
            self.refresh_header()

    # --- wiring ------------------------------------------------------------------------------
    def _add_actions(self) -> None:
        """Menu entries made here rather than in the form: the template, the manual, the log folder."""
        ui = self.ui
        self.actionSaveTemplate = QAction("保存 Excel 导入模板…", self)
        self.actionSaveTemplate.setObjectName("actionSaveTemplate")
        self.actionSaveTemplate.setToolTip("保存空白的 Excel 导入模板（带下拉选项），发给企业或县区填写")
        self.actionSaveTemplate.triggered.connect(self.save_template)
        ui.menuFile.insertAction(ui.actionSettings, self.actionSaveTemplate)
        self.actionNewCampaign = QAction("新建申报批次（活动文件）…", self)
        self.actionNewCampaign.setObjectName("actionNewCampaign")
        self.actionNewCampaign.setToolTip("以本活动为基础，按新一年的通知填写名额、日期、规则和方向，保存为活动文件")
        self.actionNewCampaign.triggered.connect(self.new_campaign_editor)
        ui.menuFile.insertAction(ui.actionSettings, self.actionNewCampaign)
        self.actionTaskList = QAction("省级任务清单…", self)  # issue 14
        self.actionTaskList.setObjectName("actionTaskList")
        self.actionTaskList.setToolTip("导入省里的地市任务清单，查看本市各项任务的完成进度和剩余天数")
        self.actionTaskList.triggered.connect(self.show_task_list)
        ui.menuFile.insertAction(ui.actionSettings, self.actionTaskList)
        ui.menuFile.insertSeparator(ui.actionSettings)
        self.actionCharts = QAction("统计图表…", self)  # issue 14
        self.actionCharts.setObjectName("actionCharts")
        self.actionCharts.setShortcut(QKeySequence("Ctrl+4"))  # after the three pages' Ctrl+1…3
        self.actionCharts.setToolTip("名额使用、各县区和各类别/方向的申报与推荐数、任务进度，可导出 PDF")
        self.actionCharts.triggered.connect(self.open_charts)
        ui.menuView.addSeparator()
        ui.menuView.addAction(self.actionCharts)
        self.actionManual = QAction("使用说明", self)
        self.actionManual.setObjectName("actionManual")
        self.actionManual.setShortcut(QKeySequence("F1"))
        self.actionManual.triggered.connect(self.show_help)
        self.actionOpenLogFolder = QAction("打开日志文件夹", self)
        self.actionOpenLogFolder.setObjectName("actionOpenLogFolder")
        self.actionOpenLogFolder.setToolTip("程序出错时的记录在这里；把其中的文件发给技术人员")
        self.actionOpenLogFolder.triggered.connect(self.open_log_folder)
        ui.menuHelp.insertAction(ui.actionAbout, self.actionManual)
        ui.menuHelp.insertAction(ui.actionAbout, self.actionOpenLogFolder)
        ui.menuHelp.insertSeparator(ui.actionAbout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and self.session is not None:
            if watched is self.ui.directionsNotice:
                self.ui.pages.setCurrentIndex(PAGE_CAMPAIGN)
                return True
            if watched in (self.ui.quotaLabel, self.ui.quotaBar):
                self.ui.pages.setCurrentIndex(PAGE_BOARD)
                return True
        return super().eventFilter(watched, event)

    def _connect_actions(self) -> None:
        ui = self.ui
        ui.actionNewDatabase.triggered.connect(self.new_database_requested)
        ui.actionOpenDatabase.triggered.connect(self.open_database_requested)
        ui.actionSettings.triggered.connect(self.settings_requested)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionNewApplication.triggered.connect(lambda: self.edit_application(None))
        ui.actionEditApplication.triggered.connect(self.edit_selected)
        ui.actionSave.triggered.connect(self.save)
        ui.actionFind.triggered.connect(self.focus_search)
        ui.actionCheck.triggered.connect(self.check)
        ui.actionImport.triggered.connect(self.pick_import)
        ui.actionExport.triggered.connect(self.pick_export)
        ui.actionShowApplications.triggered.connect(lambda: ui.pages.setCurrentIndex(PAGE_APPLICATIONS))
        ui.actionShowBoard.triggered.connect(lambda: ui.pages.setCurrentIndex(PAGE_BOARD))
        ui.actionShowCampaign.triggered.connect(lambda: ui.pages.setCurrentIndex(PAGE_CAMPAIGN))
        ui.actionAbout.triggered.connect(self.show_about_box)
        ui.actionSubmission.triggered.connect(self.open_submission)
        ui.actionBundles.triggered.connect(self.open_bundles)
        ui.actionMeeting.triggered.connect(self.open_meeting)
        # Actions keep Qt's default WindowShortcut context (findChildren over every widget costs ~7 ms at start).
        ui.actionWithdrawApplication.triggered.connect(self.withdraw_selected)
        ui.actionReinstateApplication.triggered.connect(self.reinstate_selected)
        ui.actionDeleteApplication.triggered.connect(self.delete_selected)
        # The list's right-click menu; Del deletes only while the list has the focus (never while typing).
        ui.applicationsView.addActions([ui.actionEditApplication, ui.actionWithdrawApplication,
                                        ui.actionReinstateApplication, ui.actionDeleteApplication])  # fmt: skip
        ui.actionDeleteApplication.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        ui.searchEdit.textChanged.connect(self._filters_changed)
        for combo in (ui.countyFilter, ui.categoryFilter, ui.statusFilter, ui.problemFilter):
            combo.currentIndexChanged.connect(self._filters_changed)
        ui.applicationsView.doubleClicked.connect(lambda _index: self.edit_selected())
        QShortcut(QKeySequence(Qt.Key.Key_Return), ui.applicationsView).activated.connect(self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), ui.searchEdit).activated.connect(ui.searchEdit.clear)
        ui.problemsScope.addItems(["所选项目", "全市"])
        ui.problemsScope.currentIndexChanged.connect(self._show_problems)
        ui.jumpButton.clicked.connect(self.jump_to_selected_problem)
        ui.overrideButton.clicked.connect(self.override_selected_problem)
        ui.withdrawOverrideButton.clicked.connect(self.withdraw_selected_override)
        ui.violationsView.doubleClicked.connect(lambda _index: self.jump_to_selected_problem())
        ui.pages.currentChanged.connect(lambda _i: self._enable_actions())

    def set_session(self, session: WorkspaceSession) -> None:
        """Show an open workspace (called once per window)."""
        from gdiiot_desktop.gui.board import BoardPage
        from gdiiot_desktop.gui.campaign_view import CampaignPage

        self.session = session
        shown_quick_view = self.quick_view is not None
        self.quick_view = None
        campaign = session.campaign
        self._set_up_list(campaign)

        self.violations_model = ViolationsModel(campaign, self)
        vv = self.ui.violationsView
        vv.setModel(self.violations_model)
        vh = vv.horizontalHeader()
        vh.setStretchLastSection(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        vh.setSectionResizeMode(ViolationsModel.COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        vv.setColumnWidth(ViolationsModel.COL_GRADE, 64)
        vv.setColumnWidth(ViolationsModel.COL_PROJECT, 240)
        vv.setColumnWidth(ViolationsModel.COL_RULE, 200)
        vv.setColumnWidth(ViolationsModel.COL_OVERRIDE, 180)
        vv.selectionModel().selectionChanged.connect(self._problem_selected)

        self.board = BoardPage(session, self.ui.boardPage)
        self.ui.boardPageLayout.addWidget(self.board)
        self.board.edit_requested.connect(lambda app_id: self.edit_application(app_id))
        self.board.order_changed.connect(self._enable_actions)
        self.board.order_changed.connect(self.refresh_header)
        self.campaign_page = CampaignPage(session, self.ui.campaignPage)
        self.ui.campaignPageLayout.addWidget(self.campaign_page)

        if shown_quick_view:
            self._refill_counties()  # keeps what the user chose while the database opened
        else:
            self._fill_filters(session.counties(), campaign)
        session.loaded.connect(self._loaded)
        session.checked.connect(self._checked)
        session.application_saved.connect(self._application_saved)
        session.applications_changed.connect(self._applications_changed)
        session.campaign_changed.connect(self._campaign_changed)
        session.order_saved.connect(lambda: self.show_status("已保存推荐顺序"))
        # Counties renamed or added: reload, so the list and the filter show the new names.
        session.settings_changed.connect(session.load)
        session.runner.task_started.connect(lambda _t: self._enable_actions())
        session.runner.task_finished.connect(lambda _t: self._enable_actions())
        self.set_database_text(f"数据库：{session.ws.db.path}")
        self.setWindowTitle(f"{WINDOW_TITLE} — {session.ws.city}市")
        notice = session.read_only_notice
        self.ui.readOnlyBanner.setVisible(notice is not None)
        self.ui.readOnlyBanner.setText(f"只读：{notice}" if notice else "")
        if session.is_loaded:
            self._loaded()
        if session.is_checked:
            self._checked()
        self.refresh_header()
        self._enable_actions()

    def show_quick_view(self, view: QuickView) -> None:
        """Show the list and header from the quick first read while the database opens (no session yet)."""
        self.quick_view = view
        self._set_up_list(view.campaign)
        assert self.model is not None
        self.model.set_entries(view.entries)
        self._fill_filters(view.counties, view.campaign)
        self.set_database_text(f"数据库：{view.path}")
        self.setWindowTitle(f"{WINDOW_TITLE} — {view.city}市")
        self.refresh_header()
        self._update_count()
        self.show_status("正在打开数据库，稍候即可编辑…", 0)
        self._enable_actions()
        self._problem_selected()  # no problems yet: their buttons wait greyed
        # After the first frames: nobody types that soon, and a search before then makes its keys itself.
        QTimer.singleShot(SEARCH_KEYS_DELAY_MS, self._search_keys, self._search_keys.start)

    def _make_search_keys(self) -> None:
        if self.model is None or self.model.make_search_keys(SEARCH_KEYS_PER_STEP):
            self._search_keys.stop()

    def _set_up_list(self, campaign: Campaign) -> None:
        """The application list's model and columns (once per window; the campaign may change later)."""
        if self.model is not None:
            self.model.campaign = campaign
            return
        self.model = ApplicationsModel(campaign, self)
        self.proxy.setSourceModel(self.model)
        view = self.ui.applicationsView
        view.setModel(self.proxy)
        self.list_columns = ColumnFitter(view, NAME_COLUMNS, COLUMN_WIDTHS)
        view.verticalHeader().setDefaultSectionSize(26)
        view.sortByColumn(ApplicationsModel.COL_PRIORITY, Qt.SortOrder.AscendingOrder)
        view.selectionModel().selectionChanged.connect(self._selection_changed)

    # --- header ---------------------------------------------------------------------------------
    def header_texts(self) -> HeaderTexts:
        if self.session is not None:
            if self.board is not None and self.board.dirty:  # the quota as arranged, before it is saved
                texts = self.session.header_texts(self.board.order())
                return replace(texts, quota=f"{texts.quota}（排序未保存）")
            return self.session.header_texts()
        view = self.quick_view
        if view is not None:
            value = Status.RECOMMENDED.value
            recommended = (e.is_central_enterprise for e in view.entries if e.status == value)
            return header_texts(view.campaign, view.city, recommended, datetime.now())
        return HeaderTexts()

    def refresh_header(self) -> None:
        texts = self.header_texts()
        ui = self.ui
        ui.cityLabel.setText(texts.city)
        ui.campaignLabel.setText(texts.campaign)
        ui.deadlineLabel.setText(texts.deadline)
        ui.deadlineLabel.setStyleSheet(OVERDUE_STYLE if texts.overdue else "")
        ui.quotaLabel.setText(texts.quota)
        ui.directionsNotice.setVisible(texts.directions_unconfirmed)
        ui.quotaBar.setVisible(texts.quota_limit > 0)
        ui.quotaBar.setMaximum(max(texts.quota_limit, 1))
        ui.quotaBar.setValue(min(texts.quota_used, texts.quota_limit))
        over = texts.quota_used > texts.quota_limit
        ui.quotaBar.setStyleSheet("QProgressBar::chunk { background: #d93025; }" if over else "")
        ui.quotaLabel.setStyleSheet(OVERDUE_STYLE if over else "")

    # --- list and filters -------------------------------------------------------------------------
    def _fill_filters(self, counties: list[str], campaign: Campaign) -> None:
        ui = self.ui
        for combo in (ui.countyFilter, ui.categoryFilter, ui.statusFilter, ui.problemFilter):
            combo.blockSignals(True)
            combo.clear()
        ui.countyFilter.addItem("全部县区", "")
        for county in counties:
            ui.countyFilter.addItem(county, county)
        ui.categoryFilter.addItem("全部类别", "")
        for c in campaign.categories:
            ui.categoryFilter.addItem(c.name, c.id)
        ui.statusFilter.addItem("全部状态", "")
        for s in Status:
            ui.statusFilter.addItem(s.label, s.value)
        for text, value in PROBLEM_FILTERS:
            ui.problemFilter.addItem(text, value)
        for combo in (ui.countyFilter, ui.categoryFilter, ui.statusFilter, ui.problemFilter):
            combo.blockSignals(False)

    def _refill_counties(self) -> None:
        if self.session is None:
            return
        combo = self.ui.countyFilter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("全部县区", "")
        for county in self.session.counties():
            combo.addItem(county, county)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def current_filter(self) -> ListFilter:
        ui = self.ui
        status = ui.statusFilter.currentData()
        return ListFilter(
            text=ui.searchEdit.text(),
            county=ui.countyFilter.currentData() or "",
            category_id=ui.categoryFilter.currentData() or "",
            status=Status(status) if status else None,
            problems=ui.problemFilter.currentData() or "",
        )

    def _filters_changed(self, *_args: Any) -> None:
        self.proxy.set_filter(self.current_filter())
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount() if self.model is not None else 0
        shown = self.proxy.rowCount()
        self.ui.countLabel.setText(f"共 {total} 项" if shown == total else f"显示 {shown} / {total} 项")
        self._update_empty_state()

    def focus_search(self) -> None:
        self.ui.pages.setCurrentIndex(PAGE_APPLICATIONS)
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _loaded(self) -> None:
        assert self.session is not None and self.model is not None
        self.model.set_applications(list(self.session.apps.values()))
        self._search_keys.start()
        if self.session.is_checked:
            self.model.set_problem_counts(self.session.counts)
        self._refill_counties()
        self._update_count()
        self.refresh_header()
        self._show_problems()
        if self.pending_status:
            self.show_status(self.pending_status, 20_000)
            self.pending_status = None
        else:
            self.show_status(f"已读取 {len(self.session.apps)} 个申报项目")

    def _checked(self) -> None:
        assert self.session is not None and self.model is not None
        self.model.set_problem_counts(self.session.counts)
        self._update_count()
        self._show_problems()
        self.refresh_header()
        counts = ProblemCounts.of(self.session.violations)
        self.ui.problemsSummary.setText(f"全市：{counts.text}")

    def _application_saved(self, app: Any) -> None:
        assert self.model is not None
        self.model.upsert(app)
        self._refill_counties()
        self._update_count()
        self.refresh_header()

    def _applications_changed(self, changes: Any) -> None:
        """A status change, delete or new order: only the rows it touched change (no reload of the list)."""
        assert self.model is not None
        self.model.apply_changes(changes.updated, changes.removed)
        self._refill_counties()
        self._update_count()
        self.refresh_header()

    def _campaign_changed(self) -> None:
        assert self.session is not None and self.model is not None
        self.model.campaign = self.session.campaign
        if self.violations_model is not None:
            self.violations_model.campaign = self.session.campaign
        self.model.set_applications(list(self.session.apps.values()))
        self.model.set_problem_counts(self.session.counts)
        self.refresh_header()

    def selected_ids(self) -> list[int]:
        if self.model is None:
            return []
        rows = self.ui.applicationsView.selectionModel().selectedRows()
        return [self.model.id_at(self.proxy.mapToSource(i).row()) for i in sorted(rows, key=lambda i: i.row())]

    def select_application(self, app_id: int) -> bool:
        if self.model is None:
            return False
        row = self.model.row_of(app_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        view = self.ui.applicationsView
        across = view.horizontalScrollBar().value()  # scrollTo would bring column 0 into view
        view.selectRow(index.row())
        view.scrollTo(index)
        view.horizontalScrollBar().setValue(across)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_problems()
        self._enable_actions()

    # --- problems panel ---------------------------------------------------------------------------
    def _show_problems(self, *_args: Any) -> None:
        if self.session is None or self.violations_model is None:
            return
        scope = self.ui.problemsScope.currentIndex()
        if scope == SCOPE_CITY:
            # Errors first, then what needs explaining, warnings, hints; the engine's order within each.
            shown = sorted(self.session.violations, key=lambda v: (v.is_overridden, v.grade.rank))
            self.ui.problemsTitle.setText("全市的问题")
        else:
            ids = self.selected_ids()
            shown = [v for i in ids for v in self.session.by_app.get(i, [])]
            if ids:
                app = self.session.apps.get(ids[0])
                title = f"“{app.project_name}”的问题" if app is not None and len(ids) == 1 else f"所选 {len(ids)} 项的问题"
            else:
                title = "问题（请在上方选择项目，或把范围改为“全市”）"
            self.ui.problemsTitle.setText(title)
        self.violations_model.set_violations(shown)
        self.ui.violationsView.setColumnHidden(ViolationsModel.COL_PROJECT, scope == SCOPE_SELECTED and len(self.selected_ids()) <= 1)
        self._problem_selected()

    def show_city_problems(self) -> None:
        self.ui.problemsScope.setCurrentIndex(SCOPE_CITY)

    def selected_violation(self) -> Violation | None:
        if self.violations_model is None:
            return None
        rows = self.ui.violationsView.selectionModel().selectedRows()
        return self.violations_model.violation_at(rows[0].row()) if rows else None

    def _problem_selected(self, *_args: Any) -> None:
        v = self.selected_violation()
        writable = self.session is not None and not self.session.read_only
        self.ui.clauseLabel.setText(f"依据：{v.clause}" if v else "")
        self.ui.jumpButton.setEnabled(v is not None and v.application_id is not None)
        self.ui.overrideButton.setEnabled(writable and v is not None and v.overridable and v.application_id is not None)
        self.ui.withdrawOverrideButton.setEnabled(writable and v is not None and v.is_overridden)

    def jump_to_selected_problem(self) -> None:
        v = self.selected_violation()
        if v is None or v.application_id is None:
            return
        if v.field == "priority":
            self.ui.pages.setCurrentIndex(PAGE_BOARD)
            return
        self.edit_application(v.application_id, field=v.field)

    def override_selected_problem(self) -> None:
        v = self.selected_violation()
        if v is None or v.application_id is None or self.session is None:
            return
        from gdiiot_desktop.gui import overrides

        reason = overrides.ask_override(self, v)
        if reason is None:
            return
        task = self.session.set_override(v.application_id, v.rule, reason, on_success=lambda _a: self.show_status("已记录说明"))
        task.failed.connect(lambda exc: show_error(self, exc, "未能记录说明"))

    def withdraw_selected_override(self) -> None:
        v = self.selected_violation()
        if v is None or v.application_id is None or self.session is None or not v.is_overridden:
            return
        task = self.session.set_override(v.application_id, v.rule, None, on_success=lambda _a: self.show_status("已撤销说明"))
        task.failed.connect(lambda exc: show_error(self, exc, "未能撤销说明"))

    # --- actions --------------------------------------------------------------------------------------
    # --- withdraw, reinstate, delete -------------------------------------------------------------
    def selected_application(self) -> Application | None:
        """The one selected application (None when none, several, or the database is still opening)."""
        ids = self.selected_ids()
        if self.session is None or len(ids) != 1:
            return None
        return self.session.apps.get(ids[0])

    def ask_reason(self, title: str, prompt: str) -> str | None:
        """A reason for the audit log, or None when the user cancels (tests replace this)."""
        from PySide6.QtWidgets import QInputDialog

        while True:
            text, ok = QInputDialog.getText(self, title, prompt)
            if not ok:
                return None
            if text.strip():
                return text.strip()
            QMessageBox.information(self, title, "请填写理由：它会记入操作日志。")

    def tell(self, title: str, text: str) -> None:
        """An information box (tests replace this)."""
        QMessageBox.information(self, title, text)

    def withdraw_selected(self) -> None:
        app = self.selected_application()
        if app is None or app.id is None or self.session is None:
            return
        moved = f"\n它现在推荐第{app.priority}位，撤回后其后的项目依次前移。" if app.is_recommended else ""
        reason = self.ask_reason(
            "撤回项目", f"撤回“{app.project_name}”？撤回后不再参加检查和推荐，可随时恢复。{moved}\n\n撤回原因："
        )
        if reason is None:
            return
        name = app.project_name
        task = self.session.set_status(
            app.id, Status.WITHDRAWN, reason, on_success=lambda: self.show_status(f"已撤回“{name}”")
        )
        task.failed.connect(lambda exc: show_error(self, exc, "未能撤回"))

    def reinstate_selected(self) -> None:
        app = self.selected_application()
        if app is None or app.id is None or self.session is None:
            return
        name = app.project_name
        task = self.session.set_status(
            app.id, Status.REGISTERED, "恢复为已登记", on_success=lambda: self.show_status(f"“{name}”已恢复为已登记")
        )
        task.failed.connect(lambda exc: show_error(self, exc, "未能恢复"))

    def delete_selected(self) -> Any:
        """Delete after a reason is given; a project that may not be deleted is refused before that question."""
        app = self.selected_application()
        if app is None or app.id is None or self.session is None:
            return None
        task = self.session.delete_refusal(app.id, on_success=lambda refusal: self._delete_if_allowed(app, refusal))
        task.failed.connect(lambda exc: show_error(self, exc, "未能删除"))
        return task

    def _delete_if_allowed(self, app: Application, refusal: str | None) -> None:
        if refusal:
            self.tell("不能删除", refusal)
            return
        assert app.id is not None and self.session is not None
        reason = self.ask_reason(
            "删除项目",
            f"删除“{app.project_name}”（{app.applicant.name}）？\n只用于误录入的项目（如重复录入）；企业放弃申报请用“撤回”。"
            "\n删除后原内容只能从操作日志查到。\n\n删除理由：",
        )
        if reason is None:
            return
        name = app.project_name
        task = self.session.delete(app.id, reason, on_success=lambda: self.show_status(f"已删除“{name}”"))
        task.failed.connect(lambda exc: show_error(self, exc, "未能删除"))

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.edit_application(ids[0])

    def edit_application(self, app_id: int | None, field: str | None = None) -> Any:
        """Open the editor (window-modal, not blocking) on an application, or on a new one."""
        from gdiiot_desktop.gui.editor import ApplicationEditor

        if self.session is None:
            if self.quick_view is not None:
                self.show_status("数据库正在打开，稍候即可编辑", 5000)
            return None
        if self.editor is not None:
            self.editor.raise_()
            return self.editor
        app = self.session.apps.get(app_id) if app_id is not None else None
        if app_id is not None and app is None:
            return None
        across = self.ui.applicationsView.horizontalScrollBar().value()
        editor = ApplicationEditor(self.session, app, self)
        editor.finished.connect(lambda _r: QTimer.singleShot(0, self, lambda: self.ui.applicationsView.horizontalScrollBar().setValue(across)))
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.finished.connect(lambda _r: self._editor_closed(editor))
        editor.saved.connect(lambda a: self.select_application(a.id) if a.id is not None else None)
        self.editor = editor
        editor.show()
        if field:
            editor.focus_field(field)
        self.editor_opened.emit(editor)
        return editor

    def _editor_closed(self, editor: Any) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def save(self) -> bool:
        """Save what is unsaved in this window, whatever page shows: the recommended order and the directions."""
        if self.session is None or self.session.read_only:
            return False
        saved = []
        if self.board is not None and self.board.dirty:
            self.board.save()
            saved.append("推荐顺序")
        if self.campaign_page is not None and self.campaign_page.directions_model.changed:
            self.campaign_page.save()
            saved.append("方向清单")
        if saved:
            self.show_status(f"正在保存{'和'.join(saved)}…")
        else:
            self.show_status("没有需要保存的修改（申报项目在申报书窗口中随时保存）")
        return bool(saved)

    def check(self) -> None:
        if self.session is None:
            return
        task = self.session.check()
        task.succeeded.connect(lambda _r: self._report_check())
        task.failed.connect(lambda exc: show_error(self, exc, "检查未完成"))

    def _report_check(self) -> None:
        assert self.session is not None
        counts = ProblemCounts.of(self.session.violations)
        self.show_city_problems()
        self.show_status(f"检查完成：{len(self.session.apps)} 个项目，{counts.text}", 10_000)

    def pick_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "导入 Excel", "", "Excel 表格 (*.xlsx)")
        if name:
            self.import_workbook(Path(name))

    def import_workbook(self, path: Path, skip_bad_rows: bool = False) -> Any:
        if self.session is None or self.session.read_only:
            return None
        task = self.session.import_workbook(path, skip_bad_rows, on_success=self._imported)
        task.failed.connect(lambda exc: self._import_failed(path, exc))
        return task

    def _imported(self, report: ImportReport) -> None:
        self.show_status(report.summary(), 15_000)

    def _import_failed(self, path: Path, exc: BaseException) -> None:
        from gdiiot_desktop.services.intake import IntakeRejectedError

        if isinstance(exc, IntakeRejectedError) and self.ask_import_good_rows(exc):
            self.import_workbook(path, skip_bad_rows=True)
            return
        show_error(self, exc, "导入未完成")

    def ask_import_good_rows(self, exc: IntakeRejectedError) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "表格有错误", exc.message, parent=self)
        box.setDetailedText("\n".join(exc.details))
        box.setInformativeText("要只导入正确的行吗？有错误的行不会导入，可改正后再次导入。")
        good = box.addButton("只导入正确的行", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("不导入", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is good

    def pick_export(self) -> None:
        if self.session is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "导出 Excel", f"{self.session.ws.city}申报项目.xlsx", "Excel 表格 (*.xlsx)")
        if not name:
            return
        from gdiiot_desktop.services.intake import export_workbook

        ws = self.session.ws
        task = self.session.runner.run(lambda _p: export_workbook(ws, Path(name)), title="正在导出…")
        task.succeeded.connect(lambda n: self.show_status(f"已导出 {n} 个项目到 {name}"))
        task.failed.connect(lambda exc: show_error(self, exc, "导出未完成"))

    # --- feature windows (imported when first opened: they are not needed to start) -------------
    def open_submission(self) -> Any:
        """The export screen: summary table, printed package, disc and ISO from one snapshot."""
        if self.session is None:
            return None
        from gdiiot_desktop.gui.export_dialog import ExportDialog

        dialog = ExportDialog(self.session.ws, self.session.runner, clock=self.session.clock, parent=self)
        dialog.show()
        return dialog

    def open_bundles(self) -> Any:
        """County bundles: export, import with its diff, and returns with reasons."""
        if self.session is None:
            return None
        from gdiiot_desktop.gui.exchange_dialog import ExchangeDialog

        dialog = ExchangeDialog(self.session.ws, self.session.runner, parent=self)
        dialog.finished.connect(self._reload_after_feature)
        dialog.show()
        return dialog

    def open_meeting(self) -> Any:
        """The review meeting's window (set-up, scoring, results, presentation)."""
        if self.session is None:
            return None
        from gdiiot_desktop.gui.meeting import MeetingWindow

        window = MeetingWindow(self.session.ws, self.session.runner, parent=self)
        # Adopting the meeting's ranking changes the order: reload the list once the window is gone.
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._reload_after_feature)
        window.show()
        return window

    def open_charts(self) -> Any:
        """统计图表: quota use and the applications by county, category and direction (issue 14)."""
        if self.session is None:
            return None
        if self.charts_dialog is None:
            from gdiiot_desktop.gui.charts_dialog import ChartsDialog

            self.charts_dialog = ChartsDialog(self.session, self)
            self.charts_dialog.destroyed.connect(lambda *_a: setattr(self, "charts_dialog", None))
        dialog = self.charts_dialog
        dialog.show()
        dialog.raise_()
        dialog.refresh()
        return dialog

    def _reload_after_feature(self, *_args: Any) -> None:
        if self.session is not None:
            self.session.load()

    def new_campaign_editor(self) -> Any:
        """新建申报批次: the campaign form, started from this database's campaign (next year)."""
        from gdiiot_desktop.gui.campaign_editor import open_campaign_editor

        campaign = self.current_campaign()
        directions = [
            {"id": d.id, "no": d.no, "category": d.category_id, "name": d.name, "authorities": [a.value for a in d.authorities]}
            for d in campaign.directions
        ]
        editor = open_campaign_editor(
            self, source_text=campaign.source_text or None, label=campaign.title, directions=directions
        )
        if editor is None and not campaign.source_text:
            editor = open_campaign_editor(self, campaign.id, label=campaign.title)
        if editor is not None:
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.show()
        return editor

    # --- 帮助 and the first day ------------------------------------------------------------------------
    def show_about_box(self) -> Any:
        from gdiiot_desktop.gui.help import about_box

        campaign = self.session.campaign if self.session is not None else (self.quick_view.campaign if self.quick_view else None)
        box = about_box(self, WINDOW_TITLE, f"{campaign.title}（{campaign.province_notice}）" if campaign else None)
        box.open()
        return box

    def show_help(self) -> Any:
        from gdiiot_desktop.gui.help import ManualDialog

        if self.manual is None:
            self.manual = ManualDialog(self)
        self.manual.show()
        self.manual.raise_()
        return self.manual

    def show_task_list(self) -> None:
        """The province task list of this city (issue 14), read on the session's runner."""
        if self.session is None:
            return
        from gdiiot_desktop.gui.fund.task_list_dialog import TaskListDialog
        from gdiiot_desktop.services.tasks.service import task_list_database

        dialog = TaskListDialog(task_list_database(self.session.ws), self.session.runner, self)
        self.task_list_dialog = dialog  # kept for tests; one at a time
        dialog.refresh()
        dialog.show()

    def open_log_folder(self) -> bool:
        from gdiiot_desktop.gui.desktop import open_folder
        from gdiiot_desktop.logs import log_dir

        return open_folder(self, log_dir(create=True), self.open_url)

    def current_campaign(self) -> Campaign:
        if self.session is not None:
            return self.session.campaign
        if self.quick_view is not None:
            return self.quick_view.campaign
        from gdiiot_desktop.resources import campaign_file
        from gdiiot_desktop.services.workspace import load_campaign_file

        return load_campaign_file(campaign_file())

    def save_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "保存 Excel 导入模板", "申报项目导入模板.xlsx", "Excel 表格 (*.xlsx)")
        if name:
            self.write_template(Path(name))

    def write_template(self, path: Path) -> bool:
        from gdiiot_desktop.services.intake_template import write_template

        try:
            write_template(path, self.current_campaign())
        except Exception as exc:  # noqa: BLE001 - shown to the user
            show_error(self, exc, "模板未保存")
            return False
        self.show_status(f"已保存导入模板：{path}", 10_000)
        return True

    def import_bundle(self) -> Any:
        """The county bundles window on its import tab (the first day's third way in)."""
        dialog = self.open_bundles()
        if dialog is not None:
            dialog.ui.exchangeTabs.setCurrentWidget(dialog.ui.importTab)
        return dialog

    def _update_empty_state(self) -> None:
        total = self.model.rowCount() if self.model is not None else 0
        ready = (self.session is not None and self.session.is_loaded) or self.quick_view is not None
        empty = ready and total == 0
        self.empty_state.setVisible(empty)
        self.ui.listSplitter.setVisible(not empty)
        self.empty_state.set_writable(self.session is not None and not self.session.read_only)

    def _enable_actions(self) -> None:
        ui = self.ui
        has = self.session is not None
        writable = has and not self.session.read_only  # type: ignore[union-attr]
        busy = has and self.session.runner.busy  # type: ignore[union-attr]
        for action in (ui.actionNewApplication, ui.actionImport):
            action.setEnabled(writable)
        ui.actionEditApplication.setEnabled(has and bool(self.selected_ids()))
        app = self.selected_application()
        ui.actionWithdrawApplication.setEnabled(writable and app is not None and app.status.is_active)
        ui.actionReinstateApplication.setEnabled(writable and app is not None and not app.status.is_active)
        ui.actionDeleteApplication.setEnabled(writable and app is not None)
        ui.actionFind.setEnabled(has or self.quick_view is not None)
        for action in (ui.actionCheck, ui.actionExport, ui.actionSettings, ui.actionSubmission,
                       ui.actionBundles, ui.actionMeeting, self.actionCharts,
                       ui.actionShowApplications, ui.actionShowBoard, ui.actionShowCampaign):
            action.setEnabled(has)
        board_dirty = self.board is not None and self.board.dirty
        ui.actionSave.setEnabled(writable and not busy)
        ui.actionSave.setToolTip("保存推荐顺序（Ctrl+S）" if board_dirty else "保存（Ctrl+S）")
        ui.pages.setEnabled(has or self.quick_view is not None)  # the quick first read can be browsed

    # --- size and layout, kept between runs ----------------------------------------------------------
    def restore_layout(self, settings: QSettings) -> bool:
        """Take the size, position and splitter of the last run from `settings`; False when there was none."""
        self.window_settings = settings
        geometry = settings.value(GEOMETRY_KEY)
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            return False
        if not fits_screen(self):  # kept on a bigger screen: only as much as this one holds
            self.setWindowState(Qt.WindowState.WindowNoState)
            fit_to_screen(self)
        splitter = settings.value(SPLITTER_KEY)
        if isinstance(splitter, QByteArray):
            self.ui.listSplitter.restoreState(splitter)
        return True

    def save_layout(self) -> None:
        if self.window_settings is None:
            return
        self.window_settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.window_settings.setValue(SPLITTER_KEY, self.ui.listSplitter.saveState())
        self.window_settings.sync()

    # --- misc -------------------------------------------------------------------------------------------
    def set_database_text(self, text: str) -> None:
        self.database_label.setText(text)

    def show_status(self, message: str, timeout_ms: int = 5000) -> None:
        self.ui.statusbar.showMessage(message, timeout_ms)

    def _ask_close(self) -> bool:
        if self.board is None or not self.board.dirty or (self.session is not None and self.session.read_only):
            return True
        answer = QMessageBox.question(
            self,
            "推荐顺序未保存",
            "推荐顺序有未保存的修改。要保存吗？",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.board.save()
            return False  # closes after the save; the user closes again
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor is not None:
            self.editor.reject()
            if self.editor is not None and self.editor.isVisible():
                event.ignore()
                return
        if not self.confirm_close():
            event.ignore()
            return
        self.save_layout()
        self.release()
        super().closeEvent(event)

    def release(self) -> None:
        """Finish background work and close the database (the window closes or another database opens)."""
        if self.session is not None:
            self.session.close()

