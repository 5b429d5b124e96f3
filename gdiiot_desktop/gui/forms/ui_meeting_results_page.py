# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_results_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_MeetingResultsPage(object):
    def setupUi(self, MeetingResultsPage):
        if not MeetingResultsPage.objectName():
            MeetingResultsPage.setObjectName(u"MeetingResultsPage")
        self.resultsLayout = QVBoxLayout(MeetingResultsPage)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsSummary = QLabel(MeetingResultsPage)
        self.resultsSummary.setObjectName(u"resultsSummary")
        self.resultsSummary.setWordWrap(True)

        self.resultsLayout.addWidget(self.resultsSummary)

        self.rankingTable = QTableView(MeetingResultsPage)
        self.rankingTable.setObjectName(u"rankingTable")
        self.rankingTable.horizontalHeader().setStretchLastSection(True)
        self.rankingTable.verticalHeader().setVisible(False)

        self.resultsLayout.addWidget(self.rankingTable)

        self.tieRuleLabel = QLabel(MeetingResultsPage)
        self.tieRuleLabel.setObjectName(u"tieRuleLabel")
        self.tieRuleLabel.setWordWrap(True)

        self.resultsLayout.addWidget(self.tieRuleLabel)

        self.resultsButtonsLayout = QHBoxLayout()
        self.resultsButtonsLayout.setObjectName(u"resultsButtonsLayout")
        self.adoptButton = QPushButton(MeetingResultsPage)
        self.adoptButton.setObjectName(u"adoptButton")

        self.resultsButtonsLayout.addWidget(self.adoptButton)

        self.lockButton = QPushButton(MeetingResultsPage)
        self.lockButton.setObjectName(u"lockButton")

        self.resultsButtonsLayout.addWidget(self.lockButton)

        self.minutesButton = QPushButton(MeetingResultsPage)
        self.minutesButton.setObjectName(u"minutesButton")

        self.resultsButtonsLayout.addWidget(self.minutesButton)

        self.resultsButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resultsButtonsLayout.addItem(self.resultsButtonsSpacer)

        self.lockStatus = QLabel(MeetingResultsPage)
        self.lockStatus.setObjectName(u"lockStatus")

        self.resultsButtonsLayout.addWidget(self.lockStatus)


        self.resultsLayout.addLayout(self.resultsButtonsLayout)

        self.resultsLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.rankingTable, self.adoptButton)
        QWidget.setTabOrder(self.adoptButton, self.lockButton)
        QWidget.setTabOrder(self.lockButton, self.minutesButton)

        self.retranslateUi(MeetingResultsPage)

        QMetaObject.connectSlotsByName(MeetingResultsPage)
    # setupUi

    def retranslateUi(self, MeetingResultsPage):
        self.resultsSummary.setText("")
        self.tieRuleLabel.setText("")
        self.adoptButton.setText(QCoreApplication.translate("MeetingResultsPage", u"\u91c7\u7528\u4e3a\u672c\u5e02\u63a8\u8350\u987a\u5e8f", None))
        self.lockButton.setText(QCoreApplication.translate("MeetingResultsPage", u"\u9501\u5b9a\u8bc4\u5ba1\u7ed3\u679c\u2026", None))
        self.minutesButton.setText(QCoreApplication.translate("MeetingResultsPage", u"\u8f93\u51fa\u4f1a\u8bae\u7eaa\u8981\uff08PDF\uff09\u2026", None))
        self.lockStatus.setText("")
        pass
    # retranslateUi

