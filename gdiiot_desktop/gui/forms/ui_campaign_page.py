# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'campaign_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_CampaignPage(object):
    def setupUi(self, CampaignPage):
        if not CampaignPage.objectName():
            CampaignPage.setObjectName(u"CampaignPage")
        self.campaignLayout = QVBoxLayout(CampaignPage)
        self.campaignLayout.setObjectName(u"campaignLayout")
        self.unconfirmedBanner = QLabel(CampaignPage)
        self.unconfirmedBanner.setObjectName(u"unconfirmedBanner")
        self.unconfirmedBanner.setWordWrap(True)

        self.campaignLayout.addWidget(self.unconfirmedBanner)

        self.campaignSummary = QLabel(CampaignPage)
        self.campaignSummary.setObjectName(u"campaignSummary")
        self.campaignSummary.setWordWrap(True)
        self.campaignSummary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.campaignLayout.addWidget(self.campaignSummary)

        self.campaignSplitter = QSplitter(CampaignPage)
        self.campaignSplitter.setObjectName(u"campaignSplitter")
        self.campaignSplitter.setOrientation(Qt.Orientation.Vertical)
        self.campaignSplitter.setChildrenCollapsible(False)
        self.rulesGroup = QGroupBox(self.campaignSplitter)
        self.rulesGroup.setObjectName(u"rulesGroup")
        self.rulesLayout = QVBoxLayout(self.rulesGroup)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesView = QTableView(self.rulesGroup)
        self.rulesView.setObjectName(u"rulesView")
        self.rulesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rulesView.setAlternatingRowColors(True)
        self.rulesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rulesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rulesView.setWordWrap(False)
        self.rulesView.horizontalHeader().setStretchLastSection(True)
        self.rulesView.verticalHeader().setVisible(False)

        self.rulesLayout.addWidget(self.rulesView)

        self.ruleClauseLabel = QLabel(self.rulesGroup)
        self.ruleClauseLabel.setObjectName(u"ruleClauseLabel")
        self.ruleClauseLabel.setWordWrap(True)
        self.ruleClauseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rulesLayout.addWidget(self.ruleClauseLabel)

        self.campaignSplitter.addWidget(self.rulesGroup)
        self.directionsGroup = QGroupBox(self.campaignSplitter)
        self.directionsGroup.setObjectName(u"directionsGroup")
        self.directionsLayout = QVBoxLayout(self.directionsGroup)
        self.directionsLayout.setObjectName(u"directionsLayout")
        self.directionsView = QTableView(self.directionsGroup)
        self.directionsView.setObjectName(u"directionsView")
        self.directionsView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked)
        self.directionsView.setAlternatingRowColors(True)
        self.directionsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.directionsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.directionsView.setWordWrap(False)
        self.directionsView.horizontalHeader().setStretchLastSection(True)
        self.directionsView.verticalHeader().setVisible(False)

        self.directionsLayout.addWidget(self.directionsView)

        self.directionsProblems = QLabel(self.directionsGroup)
        self.directionsProblems.setObjectName(u"directionsProblems")
        self.directionsProblems.setWordWrap(True)

        self.directionsLayout.addWidget(self.directionsProblems)

        self.directionsButtonsLayout = QHBoxLayout()
        self.directionsButtonsLayout.setObjectName(u"directionsButtonsLayout")
        self.importDirectionsButton = QPushButton(self.directionsGroup)
        self.importDirectionsButton.setObjectName(u"importDirectionsButton")

        self.directionsButtonsLayout.addWidget(self.importDirectionsButton)

        self.exportDirectionsButton = QPushButton(self.directionsGroup)
        self.exportDirectionsButton.setObjectName(u"exportDirectionsButton")

        self.directionsButtonsLayout.addWidget(self.exportDirectionsButton)

        self.directionsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.directionsButtonsLayout.addItem(self.directionsSpacer)

        self.revertDirectionsButton = QPushButton(self.directionsGroup)
        self.revertDirectionsButton.setObjectName(u"revertDirectionsButton")

        self.directionsButtonsLayout.addWidget(self.revertDirectionsButton)

        self.saveDirectionsButton = QPushButton(self.directionsGroup)
        self.saveDirectionsButton.setObjectName(u"saveDirectionsButton")

        self.directionsButtonsLayout.addWidget(self.saveDirectionsButton)

        self.confirmDirectionsButton = QPushButton(self.directionsGroup)
        self.confirmDirectionsButton.setObjectName(u"confirmDirectionsButton")

        self.directionsButtonsLayout.addWidget(self.confirmDirectionsButton)


        self.directionsLayout.addLayout(self.directionsButtonsLayout)

        self.campaignSplitter.addWidget(self.directionsGroup)

        self.campaignLayout.addWidget(self.campaignSplitter)

        QWidget.setTabOrder(self.rulesView, self.directionsView)
        QWidget.setTabOrder(self.directionsView, self.importDirectionsButton)
        QWidget.setTabOrder(self.importDirectionsButton, self.exportDirectionsButton)
        QWidget.setTabOrder(self.exportDirectionsButton, self.revertDirectionsButton)
        QWidget.setTabOrder(self.revertDirectionsButton, self.saveDirectionsButton)
        QWidget.setTabOrder(self.saveDirectionsButton, self.confirmDirectionsButton)

        self.retranslateUi(CampaignPage)

        QMetaObject.connectSlotsByName(CampaignPage)
    # setupUi

    def retranslateUi(self, CampaignPage):
        self.unconfirmedBanner.setText("")
        self.campaignSummary.setText("")
        self.rulesGroup.setTitle(QCoreApplication.translate("CampaignPage", u"\u672c\u5e74\u5ea6\u89c4\u5219", None))
        self.ruleClauseLabel.setText("")
        self.directionsGroup.setTitle(QCoreApplication.translate("CampaignPage", u"\u65b9\u5411\u6e05\u5355", None))
        self.directionsProblems.setText("")
        self.importDirectionsButton.setText(QCoreApplication.translate("CampaignPage", u"\u4ece\u8868\u683c\u5bfc\u5165\u2026", None))
#if QT_CONFIG(tooltip)
        self.importDirectionsButton.setToolTip(QCoreApplication.translate("CampaignPage", u"\u5217\uff1a\u5e8f\u53f7\u3001\u7c7b\u522b\u3001\u65b9\u5411\u3001\u8d1f\u8d23\u5355\u4f4d", None))
#endif // QT_CONFIG(tooltip)
        self.exportDirectionsButton.setText(QCoreApplication.translate("CampaignPage", u"\u5bfc\u51fa\u8868\u683c\u2026", None))
        self.revertDirectionsButton.setText(QCoreApplication.translate("CampaignPage", u"\u653e\u5f03\u4fee\u6539", None))
        self.saveDirectionsButton.setText(QCoreApplication.translate("CampaignPage", u"\u4fdd\u5b58\u4fee\u6539", None))
        self.confirmDirectionsButton.setText(QCoreApplication.translate("CampaignPage", u"\u786e\u8ba4\u65b9\u5411\u6e05\u5355", None))
#if QT_CONFIG(tooltip)
        self.confirmDirectionsButton.setToolTip(QCoreApplication.translate("CampaignPage", u"\u5df2\u6838\u5bf9\u901a\u77e5\u9644\u4ef62\uff1a\u786e\u8ba4\u540e\u4e0d\u518d\u663e\u793a\u201c\u672a\u786e\u8ba4\u201d\u63d0\u793a", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

