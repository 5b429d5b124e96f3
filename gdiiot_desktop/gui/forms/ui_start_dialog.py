# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_StartDialog(object):
    def setupUi(self, StartDialog):
        if not StartDialog.objectName():
            StartDialog.setObjectName(u"StartDialog")
        StartDialog.resize(760, 440)
        self.startLayout = QVBoxLayout(StartDialog)
        self.startLayout.setObjectName(u"startLayout")
        self.startIntro = QLabel(StartDialog)
        self.startIntro.setObjectName(u"startIntro")
        self.startIntro.setWordWrap(True)

        self.startLayout.addWidget(self.startIntro)

        self.newGroup = QGroupBox(StartDialog)
        self.newGroup.setObjectName(u"newGroup")
        self.newForm = QFormLayout(self.newGroup)
        self.newForm.setObjectName(u"newForm")
        self.newCampaignCaption = QLabel(self.newGroup)
        self.newCampaignCaption.setObjectName(u"newCampaignCaption")

        self.newForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.newCampaignCaption)

        self.newCampaignBox = QWidget(self.newGroup)
        self.newCampaignBox.setObjectName(u"newCampaignBox")
        self.newCampaignBoxLayout = QHBoxLayout(self.newCampaignBox)
        self.newCampaignBoxLayout.setObjectName(u"newCampaignBoxLayout")
        self.newCampaignBoxLayout.setContentsMargins(0, 0, 0, 0)
        self.newCampaignCombo = QComboBox(self.newCampaignBox)
        self.newCampaignCombo.setObjectName(u"newCampaignCombo")
        self.newCampaignCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.newCampaignBoxLayout.addWidget(self.newCampaignCombo)

        self.browseCampaignButton = QPushButton(self.newCampaignBox)
        self.browseCampaignButton.setObjectName(u"browseCampaignButton")

        self.newCampaignBoxLayout.addWidget(self.browseCampaignButton)

        self.makeCampaignButton = QPushButton(self.newCampaignBox)
        self.makeCampaignButton.setObjectName(u"makeCampaignButton")

        self.newCampaignBoxLayout.addWidget(self.makeCampaignButton)

        self.newCampaignBoxLayout.setStretch(0, 1)

        self.newForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newCampaignBox)

        self.newCityCaption = QLabel(self.newGroup)
        self.newCityCaption.setObjectName(u"newCityCaption")

        self.newForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newCityCaption)

        self.newCityCombo = QComboBox(self.newGroup)
        self.newCityCombo.setObjectName(u"newCityCombo")

        self.newForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newCityCombo)

        self.newPathCaption = QLabel(self.newGroup)
        self.newPathCaption.setObjectName(u"newPathCaption")

        self.newForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.newPathCaption)

        self.newPathBox = QWidget(self.newGroup)
        self.newPathBox.setObjectName(u"newPathBox")
        self.newPathLayout = QHBoxLayout(self.newPathBox)
        self.newPathLayout.setObjectName(u"newPathLayout")
        self.newPathLayout.setContentsMargins(0, 0, 0, 0)
        self.newPathEdit = QLineEdit(self.newPathBox)
        self.newPathEdit.setObjectName(u"newPathEdit")

        self.newPathLayout.addWidget(self.newPathEdit)

        self.browseNewButton = QPushButton(self.newPathBox)
        self.browseNewButton.setObjectName(u"browseNewButton")

        self.newPathLayout.addWidget(self.browseNewButton)


        self.newForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.newPathBox)

        self.newOperatorCaption = QLabel(self.newGroup)
        self.newOperatorCaption.setObjectName(u"newOperatorCaption")

        self.newForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.newOperatorCaption)

        self.newOperatorEdit = QLineEdit(self.newGroup)
        self.newOperatorEdit.setObjectName(u"newOperatorEdit")

        self.newForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.newOperatorEdit)

        self.carryCaption = QLabel(self.newGroup)
        self.carryCaption.setObjectName(u"carryCaption")

        self.newForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.carryCaption)

        self.carryBox = QWidget(self.newGroup)
        self.carryBox.setObjectName(u"carryBox")
        self.carryBoxLayout = QHBoxLayout(self.carryBox)
        self.carryBoxLayout.setObjectName(u"carryBoxLayout")
        self.carryBoxLayout.setContentsMargins(0, 0, 0, 0)
        self.carryCheck = QCheckBox(self.carryBox)
        self.carryCheck.setObjectName(u"carryCheck")

        self.carryBoxLayout.addWidget(self.carryCheck)

        self.carryPathEdit = QLineEdit(self.carryBox)
        self.carryPathEdit.setObjectName(u"carryPathEdit")

        self.carryBoxLayout.addWidget(self.carryPathEdit)

        self.browseCarryButton = QPushButton(self.carryBox)
        self.browseCarryButton.setObjectName(u"browseCarryButton")

        self.carryBoxLayout.addWidget(self.browseCarryButton)

        self.carryBoxLayout.setStretch(1, 1)

        self.newForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.carryBox)

        self.newHint = QLabel(self.newGroup)
        self.newHint.setObjectName(u"newHint")
        self.newHint.setWordWrap(True)

        self.newForm.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.newHint)

        self.createLayout = QHBoxLayout()
        self.createLayout.setObjectName(u"createLayout")
        self.createSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.createLayout.addItem(self.createSpacer)

        self.createButton = QPushButton(self.newGroup)
        self.createButton.setObjectName(u"createButton")

        self.createLayout.addWidget(self.createButton)


        self.newForm.setLayout(6, QFormLayout.ItemRole.SpanningRole, self.createLayout)


        self.startLayout.addWidget(self.newGroup)

        self.openGroup = QGroupBox(StartDialog)
        self.openGroup.setObjectName(u"openGroup")
        self.openLayout = QHBoxLayout(self.openGroup)
        self.openLayout.setObjectName(u"openLayout")
        self.openHint = QLabel(self.openGroup)
        self.openHint.setObjectName(u"openHint")
        self.openHint.setWordWrap(True)

        self.openLayout.addWidget(self.openHint)

        self.openButton = QPushButton(self.openGroup)
        self.openButton.setObjectName(u"openButton")

        self.openLayout.addWidget(self.openButton)


        self.startLayout.addWidget(self.openGroup)

        self.startError = QLabel(StartDialog)
        self.startError.setObjectName(u"startError")
        self.startError.setWordWrap(True)

        self.startLayout.addWidget(self.startError)

        self.startButtonsLayout = QHBoxLayout()
        self.startButtonsLayout.setObjectName(u"startButtonsLayout")
        self.startButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.startButtonsLayout.addItem(self.startButtonsSpacer)

        self.cancelStartButton = QPushButton(StartDialog)
        self.cancelStartButton.setObjectName(u"cancelStartButton")

        self.startButtonsLayout.addWidget(self.cancelStartButton)


        self.startLayout.addLayout(self.startButtonsLayout)

#if QT_CONFIG(shortcut)
        self.newCampaignCaption.setBuddy(self.newCampaignBox)
        self.newCityCaption.setBuddy(self.newCityCombo)
        self.newPathCaption.setBuddy(self.newPathBox)
        self.newOperatorCaption.setBuddy(self.newOperatorEdit)
        self.carryCaption.setBuddy(self.carryBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newCityCombo, self.newPathEdit)
        QWidget.setTabOrder(self.newPathEdit, self.browseNewButton)
        QWidget.setTabOrder(self.browseNewButton, self.newOperatorEdit)
        QWidget.setTabOrder(self.newOperatorEdit, self.createButton)
        QWidget.setTabOrder(self.createButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.cancelStartButton)

        self.retranslateUi(StartDialog)

        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(StartDialog)
    # setupUi

    def retranslateUi(self, StartDialog):
        StartDialog.setWindowTitle(QCoreApplication.translate("StartDialog", u"\u5f00\u59cb\u4f7f\u7528", None))
        self.startIntro.setText(QCoreApplication.translate("StartDialog", u"\u5c1a\u672a\u6253\u5f00\u6570\u636e\u5e93\u3002\u8bf7\u4e3a\u672c\u5e02\u65b0\u5efa\u4e00\u4e2a\u6570\u636e\u5e93\uff0c\u6216\u6253\u5f00\u5df2\u6709\u7684\u6570\u636e\u5e93\u3002", None))
        self.newGroup.setTitle(QCoreApplication.translate("StartDialog", u"\u65b0\u5efa\u6570\u636e\u5e93", None))
        self.newCampaignCaption.setText(QCoreApplication.translate("StartDialog", u"\u7533\u62a5\u6279\u6b21\uff1a", None))
        self.browseCampaignButton.setText(QCoreApplication.translate("StartDialog", u"\u5176\u4ed6\u6d3b\u52a8\u6587\u4ef6\u2026", None))
        self.makeCampaignButton.setText(QCoreApplication.translate("StartDialog", u"\u65b0\u5efa\u7533\u62a5\u6279\u6b21\u2026", None))
        self.newCityCaption.setText(QCoreApplication.translate("StartDialog", u"\u5730\u5e02\uff1a", None))
        self.newPathCaption.setText(QCoreApplication.translate("StartDialog", u"\u4fdd\u5b58\u4f4d\u7f6e\uff1a", None))
        self.browseNewButton.setText(QCoreApplication.translate("StartDialog", u"\u6d4f\u89c8\u2026", None))
        self.newOperatorCaption.setText(QCoreApplication.translate("StartDialog", u"\u64cd\u4f5c\u5458\uff1a", None))
        self.newOperatorEdit.setPlaceholderText(QCoreApplication.translate("StartDialog", u"\u59d3\u540d\uff08\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff09", None))
        self.carryCaption.setText(QCoreApplication.translate("StartDialog", u"\u4f01\u4e1a\u4fe1\u606f\uff1a", None))
        self.carryCheck.setText(QCoreApplication.translate("StartDialog", u"\u4ece\u672c\u5e02\u4e0a\u4e00\u5e74\u5ea6\u7684\u6570\u636e\u5e93\u5e26\u5165\uff08\u4e0d\u5e26\u5165\u7533\u62a5\u9879\u76ee\uff09", None))
        self.carryPathEdit.setPlaceholderText(QCoreApplication.translate("StartDialog", u"\u4e0a\u4e00\u5e74\u5ea6\u7684\u6570\u636e\u5e93\u6587\u4ef6", None))
        self.browseCarryButton.setText(QCoreApplication.translate("StartDialog", u"\u6d4f\u89c8\u2026", None))
        self.newHint.setText(QCoreApplication.translate("StartDialog", u"\u6570\u636e\u5e93\u5c5e\u4e8e\u4e00\u4e2a\u7533\u62a5\u6279\u6b21\uff08\u6d3b\u52a8\uff09\u548c\u4e00\u4e2a\u5730\u5e02\uff0c\u786e\u5b9a\u540e\u4e0d\u80fd\u4fee\u6539\uff1b\u65b0\u7684\u4e00\u5e74\u8bf7\u65b0\u5efa\u6570\u636e\u5e93\u3002", None))
        self.createButton.setText(QCoreApplication.translate("StartDialog", u"\u65b0\u5efa\u5e76\u6253\u5f00", None))
        self.openGroup.setTitle(QCoreApplication.translate("StartDialog", u"\u6253\u5f00\u5df2\u6709\u6570\u636e\u5e93", None))
        self.openHint.setText(QCoreApplication.translate("StartDialog", u"\u9009\u62e9\u672c\u7a0b\u5e8f\u521b\u5efa\u7684\u6570\u636e\u5e93\u6587\u4ef6\uff08.sqlite3\uff09\u3002", None))
        self.openButton.setText(QCoreApplication.translate("StartDialog", u"\u6253\u5f00\u2026", None))
        self.startError.setText("")
        self.cancelStartButton.setText(QCoreApplication.translate("StartDialog", u"\u9000\u51fa", None))
    # retranslateUi

