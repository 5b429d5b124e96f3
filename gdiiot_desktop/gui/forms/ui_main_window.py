# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMainWindow, QMenu, QMenuBar, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QStatusBar, QTabWidget, QTableView, QToolBar,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.actionNewDatabase = QAction(MainWindow)
        self.actionNewDatabase.setObjectName(u"actionNewDatabase")
        self.actionOpenDatabase = QAction(MainWindow)
        self.actionOpenDatabase.setObjectName(u"actionOpenDatabase")
        self.actionImport = QAction(MainWindow)
        self.actionImport.setObjectName(u"actionImport")
        self.actionExport = QAction(MainWindow)
        self.actionExport.setObjectName(u"actionExport")
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionNewApplication = QAction(MainWindow)
        self.actionNewApplication.setObjectName(u"actionNewApplication")
        self.actionEditApplication = QAction(MainWindow)
        self.actionEditApplication.setObjectName(u"actionEditApplication")
        self.actionWithdrawApplication = QAction(MainWindow)
        self.actionWithdrawApplication.setObjectName(u"actionWithdrawApplication")
        self.actionReinstateApplication = QAction(MainWindow)
        self.actionReinstateApplication.setObjectName(u"actionReinstateApplication")
        self.actionDeleteApplication = QAction(MainWindow)
        self.actionDeleteApplication.setObjectName(u"actionDeleteApplication")
        self.actionSave = QAction(MainWindow)
        self.actionSave.setObjectName(u"actionSave")
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
        self.actionCheck = QAction(MainWindow)
        self.actionCheck.setObjectName(u"actionCheck")
        self.actionShowApplications = QAction(MainWindow)
        self.actionShowApplications.setObjectName(u"actionShowApplications")
        self.actionShowBoard = QAction(MainWindow)
        self.actionShowBoard.setObjectName(u"actionShowBoard")
        self.actionShowCampaign = QAction(MainWindow)
        self.actionShowCampaign.setObjectName(u"actionShowCampaign")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.actionSubmission = QAction(MainWindow)
        self.actionSubmission.setObjectName(u"actionSubmission")
        self.actionBundles = QAction(MainWindow)
        self.actionBundles.setObjectName(u"actionBundles")
        self.actionMeeting = QAction(MainWindow)
        self.actionMeeting.setObjectName(u"actionMeeting")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(6)
        self.centralLayout.setObjectName(u"centralLayout")
        self.headerFrame = QFrame(self.centralWidget)
        self.headerFrame.setObjectName(u"headerFrame")
        self.headerFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.headerLayout = QHBoxLayout(self.headerFrame)
        self.headerLayout.setSpacing(6)
        self.headerLayout.setObjectName(u"headerLayout")
        self.cityCaption = QLabel(self.headerFrame)
        self.cityCaption.setObjectName(u"cityCaption")

        self.headerLayout.addWidget(self.cityCaption)

        self.cityLabel = QLabel(self.headerFrame)
        self.cityLabel.setObjectName(u"cityLabel")
        self.cityLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.cityLabel)

        self.headerSpacer1 = QSpacerItem(24, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer1)

        self.campaignCaption = QLabel(self.headerFrame)
        self.campaignCaption.setObjectName(u"campaignCaption")

        self.headerLayout.addWidget(self.campaignCaption)

        self.campaignLabel = QLabel(self.headerFrame)
        self.campaignLabel.setObjectName(u"campaignLabel")
        self.campaignLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.campaignLabel)

        self.directionsNotice = QLabel(self.headerFrame)
        self.directionsNotice.setObjectName(u"directionsNotice")
        self.directionsNotice.setVisible(False)

        self.headerLayout.addWidget(self.directionsNotice)

        self.headerSpacer2 = QSpacerItem(24, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer2)

        self.deadlineCaption = QLabel(self.headerFrame)
        self.deadlineCaption.setObjectName(u"deadlineCaption")

        self.headerLayout.addWidget(self.deadlineCaption)

        self.deadlineLabel = QLabel(self.headerFrame)
        self.deadlineLabel.setObjectName(u"deadlineLabel")
        self.deadlineLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.deadlineLabel)

        self.headerSpacer3 = QSpacerItem(24, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer3)

        self.quotaCaption = QLabel(self.headerFrame)
        self.quotaCaption.setObjectName(u"quotaCaption")

        self.headerLayout.addWidget(self.quotaCaption)

        self.quotaLabel = QLabel(self.headerFrame)
        self.quotaLabel.setObjectName(u"quotaLabel")
        self.quotaLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.quotaLabel)

        self.quotaBar = QProgressBar(self.headerFrame)
        self.quotaBar.setObjectName(u"quotaBar")
        self.quotaBar.setMaximum(8)
        self.quotaBar.setValue(0)
        self.quotaBar.setTextVisible(False)
        self.quotaBar.setMaximumSize(QSize(120, 14))

        self.headerLayout.addWidget(self.quotaBar)

        self.headerSpacer4 = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer4)


        self.centralLayout.addWidget(self.headerFrame)

        self.readOnlyBanner = QLabel(self.centralWidget)
        self.readOnlyBanner.setObjectName(u"readOnlyBanner")
        self.readOnlyBanner.setWordWrap(True)
        self.readOnlyBanner.setVisible(False)

        self.centralLayout.addWidget(self.readOnlyBanner)

        self.pages = QTabWidget(self.centralWidget)
        self.pages.setObjectName(u"pages")
        self.pages.setDocumentMode(True)
        self.applicationsPage = QWidget()
        self.applicationsPage.setObjectName(u"applicationsPage")
        self.applicationsPageLayout = QVBoxLayout(self.applicationsPage)
        self.applicationsPageLayout.setObjectName(u"applicationsPageLayout")
        self.applicationsPageLayout.setContentsMargins(0, 6, 0, 0)
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setSpacing(6)
        self.filterLayout.setObjectName(u"filterLayout")
        self.searchCaption = QLabel(self.applicationsPage)
        self.searchCaption.setObjectName(u"searchCaption")

        self.filterLayout.addWidget(self.searchCaption)

        self.searchEdit = QLineEdit(self.applicationsPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setMinimumSize(QSize(280, 0))

        self.filterLayout.addWidget(self.searchEdit)

        self.countyCaption = QLabel(self.applicationsPage)
        self.countyCaption.setObjectName(u"countyCaption")

        self.filterLayout.addWidget(self.countyCaption)

        self.countyFilter = QComboBox(self.applicationsPage)
        self.countyFilter.setObjectName(u"countyFilter")
        self.countyFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.countyFilter)

        self.categoryCaption = QLabel(self.applicationsPage)
        self.categoryCaption.setObjectName(u"categoryCaption")

        self.filterLayout.addWidget(self.categoryCaption)

        self.categoryFilter = QComboBox(self.applicationsPage)
        self.categoryFilter.setObjectName(u"categoryFilter")
        self.categoryFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.categoryFilter)

        self.statusCaption = QLabel(self.applicationsPage)
        self.statusCaption.setObjectName(u"statusCaption")

        self.filterLayout.addWidget(self.statusCaption)

        self.statusFilter = QComboBox(self.applicationsPage)
        self.statusFilter.setObjectName(u"statusFilter")
        self.statusFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.statusFilter)

        self.problemCaption = QLabel(self.applicationsPage)
        self.problemCaption.setObjectName(u"problemCaption")

        self.filterLayout.addWidget(self.problemCaption)

        self.problemFilter = QComboBox(self.applicationsPage)
        self.problemFilter.setObjectName(u"problemFilter")
        self.problemFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.problemFilter)

        self.filterSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.countLabel = QLabel(self.applicationsPage)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)


        self.applicationsPageLayout.addLayout(self.filterLayout)

        self.listSplitter = QSplitter(self.applicationsPage)
        self.listSplitter.setObjectName(u"listSplitter")
        self.listSplitter.setOrientation(Qt.Orientation.Vertical)
        self.listSplitter.setChildrenCollapsible(False)
        self.applicationsView = QTableView(self.listSplitter)
        self.applicationsView.setObjectName(u"applicationsView")
        self.applicationsView.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.applicationsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.applicationsView.setAlternatingRowColors(True)
        self.applicationsView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.applicationsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.applicationsView.setWordWrap(False)
        self.applicationsView.setSortingEnabled(True)
        self.listSplitter.addWidget(self.applicationsView)
        self.applicationsView.horizontalHeader().setStretchLastSection(True)
        self.applicationsView.verticalHeader().setVisible(False)
        self.problemsPanel = QWidget(self.listSplitter)
        self.problemsPanel.setObjectName(u"problemsPanel")
        self.problemsLayout = QVBoxLayout(self.problemsPanel)
        self.problemsLayout.setObjectName(u"problemsLayout")
        self.problemsLayout.setContentsMargins(0, 0, 0, 0)
        self.problemsHeaderLayout = QHBoxLayout()
        self.problemsHeaderLayout.setObjectName(u"problemsHeaderLayout")
        self.problemsTitle = QLabel(self.problemsPanel)
        self.problemsTitle.setObjectName(u"problemsTitle")
        font = QFont()
        font.setBold(True)
        self.problemsTitle.setFont(font)

        self.problemsHeaderLayout.addWidget(self.problemsTitle)

        self.problemsSummary = QLabel(self.problemsPanel)
        self.problemsSummary.setObjectName(u"problemsSummary")

        self.problemsHeaderLayout.addWidget(self.problemsSummary)

        self.problemsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.problemsHeaderLayout.addItem(self.problemsSpacer)

        self.problemsScopeCaption = QLabel(self.problemsPanel)
        self.problemsScopeCaption.setObjectName(u"problemsScopeCaption")

        self.problemsHeaderLayout.addWidget(self.problemsScopeCaption)

        self.problemsScope = QComboBox(self.problemsPanel)
        self.problemsScope.setObjectName(u"problemsScope")

        self.problemsHeaderLayout.addWidget(self.problemsScope)


        self.problemsLayout.addLayout(self.problemsHeaderLayout)

        self.violationsView = QTableView(self.problemsPanel)
        self.violationsView.setObjectName(u"violationsView")
        self.violationsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.violationsView.setAlternatingRowColors(True)
        self.violationsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.violationsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.violationsView.setWordWrap(False)
        self.violationsView.horizontalHeader().setStretchLastSection(True)
        self.violationsView.verticalHeader().setVisible(False)

        self.problemsLayout.addWidget(self.violationsView)

        self.problemsButtonsLayout = QHBoxLayout()
        self.problemsButtonsLayout.setObjectName(u"problemsButtonsLayout")
        self.jumpButton = QPushButton(self.problemsPanel)
        self.jumpButton.setObjectName(u"jumpButton")

        self.problemsButtonsLayout.addWidget(self.jumpButton)

        self.overrideButton = QPushButton(self.problemsPanel)
        self.overrideButton.setObjectName(u"overrideButton")

        self.problemsButtonsLayout.addWidget(self.overrideButton)

        self.withdrawOverrideButton = QPushButton(self.problemsPanel)
        self.withdrawOverrideButton.setObjectName(u"withdrawOverrideButton")

        self.problemsButtonsLayout.addWidget(self.withdrawOverrideButton)

        self.problemsButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.problemsButtonsLayout.addItem(self.problemsButtonsSpacer)

        self.clauseLabel = QLabel(self.problemsPanel)
        self.clauseLabel.setObjectName(u"clauseLabel")
        self.clauseLabel.setWordWrap(True)
        self.clauseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(3)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.clauseLabel.sizePolicy().hasHeightForWidth())
        self.clauseLabel.setSizePolicy(sizePolicy)

        self.problemsButtonsLayout.addWidget(self.clauseLabel)


        self.problemsLayout.addLayout(self.problemsButtonsLayout)

        self.listSplitter.addWidget(self.problemsPanel)

        self.applicationsPageLayout.addWidget(self.listSplitter)

        self.pages.addTab(self.applicationsPage, "")
        self.boardPage = QWidget()
        self.boardPage.setObjectName(u"boardPage")
        self.boardPageLayout = QVBoxLayout(self.boardPage)
        self.boardPageLayout.setObjectName(u"boardPageLayout")
        self.boardPageLayout.setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self.boardPage, "")
        self.campaignPage = QWidget()
        self.campaignPage.setObjectName(u"campaignPage")
        self.campaignPageLayout = QVBoxLayout(self.campaignPage)
        self.campaignPageLayout.setObjectName(u"campaignPageLayout")
        self.campaignPageLayout.setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self.campaignPage, "")

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuApplications = QMenu(self.menubar)
        self.menuApplications.setObjectName(u"menuApplications")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuSubmission = QMenu(self.menubar)
        self.menuSubmission.setObjectName(u"menuSubmission")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.mainToolBar = QToolBar(MainWindow)
        self.mainToolBar.setObjectName(u"mainToolBar")
        self.mainToolBar.setMovable(False)
        self.mainToolBar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        MainWindow.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.mainToolBar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.cityCaption.setBuddy(self.cityLabel)
        self.campaignCaption.setBuddy(self.campaignLabel)
        self.deadlineCaption.setBuddy(self.deadlineLabel)
        self.quotaCaption.setBuddy(self.quotaLabel)
        self.searchCaption.setBuddy(self.searchEdit)
        self.countyCaption.setBuddy(self.countyFilter)
        self.categoryCaption.setBuddy(self.categoryFilter)
        self.statusCaption.setBuddy(self.statusFilter)
        self.problemCaption.setBuddy(self.problemFilter)
        self.problemsScopeCaption.setBuddy(self.problemsScope)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.countyFilter)
        QWidget.setTabOrder(self.countyFilter, self.categoryFilter)
        QWidget.setTabOrder(self.categoryFilter, self.statusFilter)
        QWidget.setTabOrder(self.statusFilter, self.problemFilter)
        QWidget.setTabOrder(self.problemFilter, self.applicationsView)
        QWidget.setTabOrder(self.applicationsView, self.problemsScope)
        QWidget.setTabOrder(self.problemsScope, self.violationsView)
        QWidget.setTabOrder(self.violationsView, self.jumpButton)
        QWidget.setTabOrder(self.jumpButton, self.overrideButton)
        QWidget.setTabOrder(self.overrideButton, self.withdrawOverrideButton)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuApplications.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuSubmission.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionNewDatabase)
        self.menuFile.addAction(self.actionOpenDatabase)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionImport)
        self.menuFile.addAction(self.actionExport)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionSettings)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuApplications.addAction(self.actionNewApplication)
        self.menuApplications.addAction(self.actionEditApplication)
        self.menuApplications.addAction(self.actionSave)
        self.menuApplications.addSeparator()
        self.menuApplications.addAction(self.actionWithdrawApplication)
        self.menuApplications.addAction(self.actionReinstateApplication)
        self.menuApplications.addAction(self.actionDeleteApplication)
        self.menuApplications.addSeparator()
        self.menuApplications.addAction(self.actionFind)
        self.menuApplications.addAction(self.actionCheck)
        self.menuView.addAction(self.actionShowApplications)
        self.menuView.addAction(self.actionShowBoard)
        self.menuView.addAction(self.actionShowCampaign)
        self.menuSubmission.addAction(self.actionBundles)
        self.menuSubmission.addAction(self.actionMeeting)
        self.menuSubmission.addSeparator()
        self.menuSubmission.addAction(self.actionSubmission)
        self.menuHelp.addAction(self.actionAbout)
        self.mainToolBar.addAction(self.actionNewApplication)
        self.mainToolBar.addAction(self.actionEditApplication)
        self.mainToolBar.addAction(self.actionSave)
        self.mainToolBar.addSeparator()
        self.mainToolBar.addAction(self.actionImport)
        self.mainToolBar.addAction(self.actionCheck)
        self.mainToolBar.addSeparator()
        self.mainToolBar.addAction(self.actionSettings)

        self.retranslateUi(MainWindow)

        self.pages.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u5e7f\u4e1c\u7701\u5de5\u4e1a\u4e92\u8054\u7f51\u8bd5\u70b9\u793a\u8303\u7533\u62a5\u7ba1\u7406", None))
        self.actionNewDatabase.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u5efa\u6570\u636e\u5e93\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionNewDatabase.setToolTip(QCoreApplication.translate("MainWindow", u"\u4e3a\u672c\u5e02\u65b0\u5efa\u4e00\u4e2a\u6570\u636e\u5e93\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.actionOpenDatabase.setText(QCoreApplication.translate("MainWindow", u"\u6253\u5f00\u6570\u636e\u5e93\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionOpenDatabase.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
        self.actionImport.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u5165 Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionImport.setToolTip(QCoreApplication.translate("MainWindow", u"\u4ece Excel \u5bfc\u5165\u6a21\u677f\u5bfc\u5165\u7533\u62a5\u9879\u76ee\uff08Ctrl+I\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionImport.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+I", None))
#endif // QT_CONFIG(shortcut)
        self.actionExport.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa Excel\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionExport.setToolTip(QCoreApplication.translate("MainWindow", u"\u628a\u5168\u90e8\u7533\u62a5\u9879\u76ee\u5bfc\u51fa\u4e3a Excel \u6a21\u677f\u683c\u5f0f", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionExport.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+E", None))
#endif // QT_CONFIG(shortcut)
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"\u8bbe\u7f6e\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionSettings.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+,", None))
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"\u9000\u51fa", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionNewApplication.setText(QCoreApplication.translate("MainWindow", u"\u65b0\u5efa\u9879\u76ee", None))
#if QT_CONFIG(tooltip)
        self.actionNewApplication.setToolTip(QCoreApplication.translate("MainWindow", u"\u767b\u8bb0\u4e00\u4e2a\u65b0\u7684\u7533\u62a5\u9879\u76ee\uff08Ctrl+N\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionNewApplication.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+N", None))
#endif // QT_CONFIG(shortcut)
        self.actionEditApplication.setText(QCoreApplication.translate("MainWindow", u"\u7f16\u8f91\u9879\u76ee", None))
#if QT_CONFIG(tooltip)
        self.actionEditApplication.setToolTip(QCoreApplication.translate("MainWindow", u"\u6253\u5f00\u6240\u9009\u9879\u76ee\u7684\u7533\u62a5\u4e66\uff08Ctrl+E \u6216\u56de\u8f66\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionEditApplication.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.actionWithdrawApplication.setText(QCoreApplication.translate("MainWindow", u"\u64a4\u56de\u9879\u76ee\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionWithdrawApplication.setToolTip(QCoreApplication.translate("MainWindow", u"\u4f01\u4e1a\u653e\u5f03\u7533\u62a5\uff1a\u9879\u76ee\u6539\u4e3a\u201c\u5df2\u64a4\u56de\u201d\uff0c\u4e0d\u518d\u53c2\u52a0\u68c0\u67e5\u548c\u63a8\u8350\uff08\u53ef\u6062\u590d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionReinstateApplication.setText(QCoreApplication.translate("MainWindow", u"\u6062\u590d\u4e3a\u5df2\u767b\u8bb0", None))
#if QT_CONFIG(tooltip)
        self.actionReinstateApplication.setToolTip(QCoreApplication.translate("MainWindow", u"\u628a\u5df2\u64a4\u56de\u6216\u5df2\u9000\u56de\u7684\u9879\u76ee\u6062\u590d\u4e3a\u201c\u5df2\u767b\u8bb0\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.actionDeleteApplication.setText(QCoreApplication.translate("MainWindow", u"\u5220\u9664\u9879\u76ee\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionDeleteApplication.setToolTip(QCoreApplication.translate("MainWindow", u"\u5220\u9664\u8bef\u5f55\u5165\u7684\u9879\u76ee\uff08\u5982\u91cd\u590d\u5f55\u5165\uff09\uff1b\u539f\u5185\u5bb9\u548c\u5220\u9664\u7406\u7531\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionDeleteApplication.setShortcut(QCoreApplication.translate("MainWindow", u"Del", None))
#endif // QT_CONFIG(shortcut)
        self.actionSave.setText(QCoreApplication.translate("MainWindow", u"\u4fdd\u5b58", None))
#if QT_CONFIG(tooltip)
        self.actionSave.setToolTip(QCoreApplication.translate("MainWindow", u"\u4fdd\u5b58\u63a8\u8350\u987a\u5e8f\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionSave.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+S", None))
#endif // QT_CONFIG(shortcut)
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"\u67e5\u627e", None))
#if QT_CONFIG(tooltip)
        self.actionFind.setToolTip(QCoreApplication.translate("MainWindow", u"\u8f6c\u5230\u67e5\u627e\u6846\uff08Ctrl+F\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionCheck.setText(QCoreApplication.translate("MainWindow", u"\u68c0\u67e5", None))
#if QT_CONFIG(tooltip)
        self.actionCheck.setToolTip(QCoreApplication.translate("MainWindow", u"\u6309\u672c\u5e74\u5ea6\u89c4\u5219\u91cd\u65b0\u68c0\u67e5\u5168\u90e8\u9879\u76ee\uff08F5\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionCheck.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.actionShowApplications.setText(QCoreApplication.translate("MainWindow", u"\u7533\u62a5\u9879\u76ee", None))
#if QT_CONFIG(shortcut)
        self.actionShowApplications.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+1", None))
#endif // QT_CONFIG(shortcut)
        self.actionShowBoard.setText(QCoreApplication.translate("MainWindow", u"\u63a8\u8350\u6392\u5e8f", None))
#if QT_CONFIG(shortcut)
        self.actionShowBoard.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+2", None))
#endif // QT_CONFIG(shortcut)
        self.actionShowCampaign.setText(QCoreApplication.translate("MainWindow", u"\u6d3b\u52a8\u4e0e\u65b9\u5411", None))
#if QT_CONFIG(shortcut)
        self.actionShowCampaign.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+3", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"\u5173\u4e8e", None))
        self.actionSubmission.setText(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa\u62a5\u9001\u6750\u6599\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionSubmission.setToolTip(QCoreApplication.translate("MainWindow", u"\u751f\u6210\u6c47\u603b\u8868\u3001\u7eb8\u8d28\u6750\u6599\u548c\u5149\u76d8\uff08Ctrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.actionSubmission.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+P", None))
#endif // QT_CONFIG(shortcut)
        self.actionBundles.setText(QCoreApplication.translate("MainWindow", u"\u53bf\u533a\u6570\u636e\u5305\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionBundles.setToolTip(QCoreApplication.translate("MainWindow", u"\u5bfc\u51fa\u6216\u5bfc\u5165\u53bf\u533a\u6570\u636e\u5305\uff0c\u9000\u56de\u9879\u76ee", None))
#endif // QT_CONFIG(tooltip)
        self.actionMeeting.setText(QCoreApplication.translate("MainWindow", u"\u4e13\u5bb6\u8bc4\u5ba1\u4f1a\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionMeeting.setToolTip(QCoreApplication.translate("MainWindow", u"\u8bc4\u5ba1\u4f1a\uff1a\u4e13\u5bb6\u3001\u56de\u907f\u3001\u8bc4\u5206\u3001\u6392\u540d\u548c\u4f1a\u8bae\u7eaa\u8981", None))
#endif // QT_CONFIG(tooltip)
        self.cityCaption.setText(QCoreApplication.translate("MainWindow", u"\u5730\u5e02\uff1a", None))
        self.cityLabel.setText(QCoreApplication.translate("MainWindow", u"\u672a\u9009\u62e9", None))
        self.campaignCaption.setText(QCoreApplication.translate("MainWindow", u"\u7533\u62a5\u6279\u6b21\uff1a", None))
        self.campaignLabel.setText(QCoreApplication.translate("MainWindow", u"\u672a\u52a0\u8f7d", None))
        self.directionsNotice.setText(QCoreApplication.translate("MainWindow", u"\u65b9\u5411\u6e05\u5355\u672a\u786e\u8ba4", None))
#if QT_CONFIG(tooltip)
        self.directionsNotice.setToolTip(QCoreApplication.translate("MainWindow", u"\u65b9\u5411\u6e05\u5355\u4e3a\u6682\u5b9a\u540d\u79f0\uff0c\u8bf7\u5728\u201c\u6d3b\u52a8\u4e0e\u65b9\u5411\u201d\u4e2d\u6838\u5bf9\u901a\u77e5\u9644\u4ef62\u540e\u786e\u8ba4\u6216\u5bfc\u5165\u6b63\u5f0f\u6e05\u5355", None))
#endif // QT_CONFIG(tooltip)
        self.deadlineCaption.setText(QCoreApplication.translate("MainWindow", u"\u622a\u6b62\uff1a", None))
        self.deadlineLabel.setText(QCoreApplication.translate("MainWindow", u"\u2014", None))
        self.quotaCaption.setText(QCoreApplication.translate("MainWindow", u"\u63a8\u8350\u540d\u989d\uff1a", None))
        self.quotaLabel.setText(QCoreApplication.translate("MainWindow", u"\u2014", None))
#if QT_CONFIG(tooltip)
        self.quotaBar.setToolTip(QCoreApplication.translate("MainWindow", u"\u5df2\u63a8\u8350\u9879\u76ee\u5360\u672c\u5e02\u540d\u989d\u7684\u6bd4\u4f8b\uff08\u4e2d\u592e\u4f01\u4e1a\u4e0d\u5360\u540d\u989d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.readOnlyBanner.setText(QCoreApplication.translate("MainWindow", u"\u53ea\u8bfb", None))
        self.searchCaption.setText(QCoreApplication.translate("MainWindow", u"\u67e5\u627e\uff1a", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"\u9879\u76ee\u540d\u79f0\u3001\u7533\u62a5\u5355\u4f4d\u3001\u4fe1\u7528\u4ee3\u7801\u6216\u62fc\u97f3\u9996\u5b57\u6bcd\uff08Ctrl+F\uff09", None))
        self.countyCaption.setText(QCoreApplication.translate("MainWindow", u"\u53bf\u533a\uff1a", None))
        self.categoryCaption.setText(QCoreApplication.translate("MainWindow", u"\u7c7b\u522b\uff1a", None))
        self.statusCaption.setText(QCoreApplication.translate("MainWindow", u"\u72b6\u6001\uff1a", None))
        self.problemCaption.setText(QCoreApplication.translate("MainWindow", u"\u95ee\u9898\uff1a", None))
        self.countLabel.setText("")
        self.problemsTitle.setText(QCoreApplication.translate("MainWindow", u"\u95ee\u9898", None))
        self.problemsSummary.setText("")
        self.problemsScopeCaption.setText(QCoreApplication.translate("MainWindow", u"\u8303\u56f4\uff1a", None))
        self.jumpButton.setText(QCoreApplication.translate("MainWindow", u"\u8f6c\u5230\u5b57\u6bb5", None))
#if QT_CONFIG(tooltip)
        self.jumpButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u6253\u5f00\u7533\u62a5\u4e66\u5e76\u8f6c\u5230\u5f15\u8d77\u8be5\u95ee\u9898\u7684\u680f\u76ee\uff08\u56de\u8f66\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.overrideButton.setText(QCoreApplication.translate("MainWindow", u"\u8bb0\u5f55\u8bf4\u660e\u2026", None))
#if QT_CONFIG(tooltip)
        self.overrideButton.setToolTip(QCoreApplication.translate("MainWindow", u"\u5bf9\u53ef\u8bf4\u660e\u7684\u95ee\u9898\u8bb0\u5f55\u63a5\u53d7\u7406\u7531\uff08\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.withdrawOverrideButton.setText(QCoreApplication.translate("MainWindow", u"\u64a4\u9500\u8bf4\u660e", None))
        self.clauseLabel.setText("")
        self.pages.setTabText(self.pages.indexOf(self.applicationsPage), QCoreApplication.translate("MainWindow", u"\u7533\u62a5\u9879\u76ee", None))
        self.pages.setTabText(self.pages.indexOf(self.boardPage), QCoreApplication.translate("MainWindow", u"\u63a8\u8350\u6392\u5e8f", None))
        self.pages.setTabText(self.pages.indexOf(self.campaignPage), QCoreApplication.translate("MainWindow", u"\u6d3b\u52a8\u4e0e\u65b9\u5411", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"\u6587\u4ef6(&F)", None))
        self.menuApplications.setTitle(QCoreApplication.translate("MainWindow", u"\u7533\u62a5(&A)", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"\u89c6\u56fe(&V)", None))
        self.menuSubmission.setTitle(QCoreApplication.translate("MainWindow", u"\u62a5\u9001(&S)", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"\u5e2e\u52a9(&H)", None))
        self.mainToolBar.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u5e38\u7528\u64cd\u4f5c", None))
    # retranslateUi

