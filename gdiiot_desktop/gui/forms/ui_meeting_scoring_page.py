# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_scoring_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_MeetingScoringPage(object):
    def setupUi(self, MeetingScoringPage):
        if not MeetingScoringPage.objectName():
            MeetingScoringPage.setObjectName(u"MeetingScoringPage")
        self.scoringLayout = QHBoxLayout(MeetingScoringPage)
        self.scoringLayout.setObjectName(u"scoringLayout")
        self.entryColumn = QVBoxLayout()
        self.entryColumn.setObjectName(u"entryColumn")
        self.sheetForm = QFormLayout()
        self.sheetForm.setObjectName(u"sheetForm")
        self.expertCaption = QLabel(MeetingScoringPage)
        self.expertCaption.setObjectName(u"expertCaption")

        self.sheetForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.expertCaption)

        self.expertCombo = QComboBox(MeetingScoringPage)
        self.expertCombo.setObjectName(u"expertCombo")

        self.sheetForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.expertCombo)

        self.applicationCaption = QLabel(MeetingScoringPage)
        self.applicationCaption.setObjectName(u"applicationCaption")

        self.sheetForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.applicationCaption)

        self.applicationCombo = QComboBox(MeetingScoringPage)
        self.applicationCombo.setObjectName(u"applicationCombo")

        self.sheetForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.applicationCombo)

        self.modeCaption = QLabel(MeetingScoringPage)
        self.modeCaption.setObjectName(u"modeCaption")

        self.sheetForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.modeCaption)

        self.modeCombo = QComboBox(MeetingScoringPage)
        self.modeCombo.addItem("")
        self.modeCombo.addItem("")
        self.modeCombo.addItem("")
        self.modeCombo.setObjectName(u"modeCombo")

        self.sheetForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.modeCombo)

        self.operatorCaption = QLabel(MeetingScoringPage)
        self.operatorCaption.setObjectName(u"operatorCaption")

        self.sheetForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.operatorCaption)

        self.operatorEdit = QLineEdit(MeetingScoringPage)
        self.operatorEdit.setObjectName(u"operatorEdit")

        self.sheetForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.operatorEdit)


        self.entryColumn.addLayout(self.sheetForm)

        self.scoreNotice = QLabel(MeetingScoringPage)
        self.scoreNotice.setObjectName(u"scoreNotice")
        self.scoreNotice.setWordWrap(True)

        self.entryColumn.addWidget(self.scoreNotice)

        self.criteriaGroup = QGroupBox(MeetingScoringPage)
        self.criteriaGroup.setObjectName(u"criteriaGroup")
        self.criteriaForm = QFormLayout(self.criteriaGroup)
        self.criteriaForm.setObjectName(u"criteriaForm")

        self.entryColumn.addWidget(self.criteriaGroup)

        self.totalLabel = QLabel(MeetingScoringPage)
        self.totalLabel.setObjectName(u"totalLabel")

        self.entryColumn.addWidget(self.totalLabel)

        self.opinionEdit = QPlainTextEdit(MeetingScoringPage)
        self.opinionEdit.setObjectName(u"opinionEdit")
        self.opinionEdit.setMaximumSize(QSize(16777215, 90))

        self.entryColumn.addWidget(self.opinionEdit)

        self.scoreButtonsLayout = QHBoxLayout()
        self.scoreButtonsLayout.setObjectName(u"scoreButtonsLayout")
        self.saveScoreButton = QPushButton(MeetingScoringPage)
        self.saveScoreButton.setObjectName(u"saveScoreButton")

        self.scoreButtonsLayout.addWidget(self.saveScoreButton)

        self.clearScoreButton = QPushButton(MeetingScoringPage)
        self.clearScoreButton.setObjectName(u"clearScoreButton")

        self.scoreButtonsLayout.addWidget(self.clearScoreButton)

        self.scoreButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scoreButtonsLayout.addItem(self.scoreButtonsSpacer)


        self.entryColumn.addLayout(self.scoreButtonsLayout)

        self.resultLabel = QLabel(MeetingScoringPage)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.entryColumn.addWidget(self.resultLabel)

        self.entryColumnSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.entryColumn.addItem(self.entryColumnSpacer)

        self.entryColumn.setStretch(7, 1)

        self.scoringLayout.addLayout(self.entryColumn)

        self.overviewColumn = QVBoxLayout()
        self.overviewColumn.setObjectName(u"overviewColumn")
        self.matrixCaption = QLabel(MeetingScoringPage)
        self.matrixCaption.setObjectName(u"matrixCaption")

        self.overviewColumn.addWidget(self.matrixCaption)

        self.scoreMatrix = QTableView(MeetingScoringPage)
        self.scoreMatrix.setObjectName(u"scoreMatrix")
        self.scoreMatrix.verticalHeader().setVisible(False)

        self.overviewColumn.addWidget(self.scoreMatrix)

        self.mismatchTitle = QLabel(MeetingScoringPage)
        self.mismatchTitle.setObjectName(u"mismatchTitle")

        self.overviewColumn.addWidget(self.mismatchTitle)

        self.mismatchTable = QTableView(MeetingScoringPage)
        self.mismatchTable.setObjectName(u"mismatchTable")
        self.mismatchTable.setMaximumSize(QSize(16777215, 160))
        self.mismatchTable.horizontalHeader().setStretchLastSection(True)
        self.mismatchTable.verticalHeader().setVisible(False)

        self.overviewColumn.addWidget(self.mismatchTable)

        self.overviewColumn.setStretch(1, 1)

        self.scoringLayout.addLayout(self.overviewColumn)

        self.scoringLayout.setStretch(0, 2)
        self.scoringLayout.setStretch(1, 3)
#if QT_CONFIG(shortcut)
        self.expertCaption.setBuddy(self.expertCombo)
        self.applicationCaption.setBuddy(self.applicationCombo)
        self.modeCaption.setBuddy(self.modeCombo)
        self.operatorCaption.setBuddy(self.operatorEdit)
        self.matrixCaption.setBuddy(self.scoreMatrix)
        self.mismatchTitle.setBuddy(self.mismatchTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.expertCombo, self.applicationCombo)
        QWidget.setTabOrder(self.applicationCombo, self.modeCombo)
        QWidget.setTabOrder(self.modeCombo, self.operatorEdit)
        QWidget.setTabOrder(self.operatorEdit, self.opinionEdit)
        QWidget.setTabOrder(self.opinionEdit, self.saveScoreButton)
        QWidget.setTabOrder(self.saveScoreButton, self.clearScoreButton)
        QWidget.setTabOrder(self.clearScoreButton, self.scoreMatrix)
        QWidget.setTabOrder(self.scoreMatrix, self.mismatchTable)

        self.retranslateUi(MeetingScoringPage)

        QMetaObject.connectSlotsByName(MeetingScoringPage)
    # setupUi

    def retranslateUi(self, MeetingScoringPage):
        self.expertCaption.setText(QCoreApplication.translate("MeetingScoringPage", u"\u4e13\u5bb6", None))
        self.applicationCaption.setText(QCoreApplication.translate("MeetingScoringPage", u"\u9879\u76ee", None))
        self.modeCaption.setText(QCoreApplication.translate("MeetingScoringPage", u"\u5f55\u5165\u65b9\u5f0f", None))
        self.modeCombo.setItemText(0, QCoreApplication.translate("MeetingScoringPage", u"\u73b0\u573a\u5f55\u5165\uff08\u7acb\u5373\u751f\u6548\uff09", None))
        self.modeCombo.setItemText(1, QCoreApplication.translate("MeetingScoringPage", u"\u7eb8\u8d28\u8bc4\u5206\u8868 \u7b2c1\u904d\u5f55\u5165", None))
        self.modeCombo.setItemText(2, QCoreApplication.translate("MeetingScoringPage", u"\u7eb8\u8d28\u8bc4\u5206\u8868 \u7b2c2\u904d\u5f55\u5165", None))

        self.operatorCaption.setText(QCoreApplication.translate("MeetingScoringPage", u"\u64cd\u4f5c\u5458", None))
#if QT_CONFIG(tooltip)
        self.operatorEdit.setToolTip(QCoreApplication.translate("MeetingScoringPage", u"\u4e24\u904d\u5f55\u5165\u987b\u7531\u4e0d\u540c\u7684\u64cd\u4f5c\u5458\u5b8c\u6210", None))
#endif // QT_CONFIG(tooltip)
        self.scoreNotice.setText("")
        self.criteriaGroup.setTitle(QCoreApplication.translate("MeetingScoringPage", u"\u5404\u9879\u5f97\u5206", None))
        self.totalLabel.setText("")
        self.opinionEdit.setPlaceholderText(QCoreApplication.translate("MeetingScoringPage", u"\u8bc4\u5ba1\u610f\u89c1", None))
        self.saveScoreButton.setText(QCoreApplication.translate("MeetingScoringPage", u"\u4fdd\u5b58\u8bc4\u5206", None))
        self.clearScoreButton.setText(QCoreApplication.translate("MeetingScoringPage", u"\u6e05\u9664\u8be5\u8bc4\u5206\u8868", None))
        self.resultLabel.setText("")
        self.matrixCaption.setText(QCoreApplication.translate("MeetingScoringPage", u"\u8bc4\u5206\u6c47\u603b\uff08\u5408\u8ba1\u5206\uff1b\u201c\u56de\u907f\u201d\u4e0d\u8ba1\u5165\uff09", None))
        self.mismatchTitle.setText("")
        pass
    # retranslateUi

