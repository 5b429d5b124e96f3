# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(860, 620)
        self.settingsLayout = QVBoxLayout(SettingsDialog)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsTabs = QTabWidget(SettingsDialog)
        self.settingsTabs.setObjectName(u"settingsTabs")
        self.generalTab = QWidget()
        self.generalTab.setObjectName(u"generalTab")
        self.generalLayout = QVBoxLayout(self.generalTab)
        self.generalLayout.setObjectName(u"generalLayout")
        self.generalForm = QFormLayout()
        self.generalForm.setObjectName(u"generalForm")
        self.settingsCityCaption = QLabel(self.generalTab)
        self.settingsCityCaption.setObjectName(u"settingsCityCaption")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.settingsCityCaption)

        self.settingsCityLabel = QLabel(self.generalTab)
        self.settingsCityLabel.setObjectName(u"settingsCityLabel")
        self.settingsCityLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.generalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.settingsCityLabel)

        self.operatorCaption = QLabel(self.generalTab)
        self.operatorCaption.setObjectName(u"operatorCaption")

        self.generalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.operatorCaption)

        self.operatorBox = QWidget(self.generalTab)
        self.operatorBox.setObjectName(u"operatorBox")
        self.operatorLayout = QHBoxLayout(self.operatorBox)
        self.operatorLayout.setObjectName(u"operatorLayout")
        self.operatorLayout.setContentsMargins(0, 0, 0, 0)
        self.operatorEdit = QLineEdit(self.operatorBox)
        self.operatorEdit.setObjectName(u"operatorEdit")

        self.operatorLayout.addWidget(self.operatorEdit)

        self.saveOperatorButton = QPushButton(self.operatorBox)
        self.saveOperatorButton.setObjectName(u"saveOperatorButton")

        self.operatorLayout.addWidget(self.saveOperatorButton)


        self.generalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.operatorBox)

        self.recommenderCaption = QLabel(self.generalTab)
        self.recommenderCaption.setObjectName(u"recommenderCaption")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.recommenderCaption)

        self.recommenderBox = QWidget(self.generalTab)
        self.recommenderBox.setObjectName(u"recommenderBox")
        self.recommenderLayout = QHBoxLayout(self.recommenderBox)
        self.recommenderLayout.setObjectName(u"recommenderLayout")
        self.recommenderLayout.setContentsMargins(0, 0, 0, 0)
        self.recommenderEdit = QLineEdit(self.recommenderBox)
        self.recommenderEdit.setObjectName(u"recommenderEdit")

        self.recommenderLayout.addWidget(self.recommenderEdit)

        self.saveRecommenderButton = QPushButton(self.recommenderBox)
        self.saveRecommenderButton.setObjectName(u"saveRecommenderButton")

        self.recommenderLayout.addWidget(self.saveRecommenderButton)


        self.generalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recommenderBox)


        self.generalLayout.addLayout(self.generalForm)

        self.countiesGroup = QGroupBox(self.generalTab)
        self.countiesGroup.setObjectName(u"countiesGroup")
        self.countiesLayout = QVBoxLayout(self.countiesGroup)
        self.countiesLayout.setObjectName(u"countiesLayout")
        self.countiesView = QTableView(self.countiesGroup)
        self.countiesView.setObjectName(u"countiesView")
        self.countiesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.countiesView.setAlternatingRowColors(True)
        self.countiesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.countiesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.countiesView.setWordWrap(False)
        self.countiesView.horizontalHeader().setStretchLastSection(True)
        self.countiesView.verticalHeader().setVisible(False)

        self.countiesLayout.addWidget(self.countiesView)

        self.countiesButtonsLayout = QHBoxLayout()
        self.countiesButtonsLayout.setObjectName(u"countiesButtonsLayout")
        self.addCountyButton = QPushButton(self.countiesGroup)
        self.addCountyButton.setObjectName(u"addCountyButton")

        self.countiesButtonsLayout.addWidget(self.addCountyButton)

        self.renameCountyButton = QPushButton(self.countiesGroup)
        self.renameCountyButton.setObjectName(u"renameCountyButton")

        self.countiesButtonsLayout.addWidget(self.renameCountyButton)

        self.removeCountyButton = QPushButton(self.countiesGroup)
        self.removeCountyButton.setObjectName(u"removeCountyButton")

        self.countiesButtonsLayout.addWidget(self.removeCountyButton)

        self.countiesSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.countiesButtonsLayout.addItem(self.countiesSpacer)


        self.countiesLayout.addLayout(self.countiesButtonsLayout)


        self.generalLayout.addWidget(self.countiesGroup)

        self.settingsTabs.addTab(self.generalTab, "")
        self.dataTab = QWidget()
        self.dataTab.setObjectName(u"dataTab")
        self.dataLayout = QVBoxLayout(self.dataTab)
        self.dataLayout.setObjectName(u"dataLayout")
        self.dataForm = QFormLayout()
        self.dataForm.setObjectName(u"dataForm")
        self.databaseCaption = QLabel(self.dataTab)
        self.databaseCaption.setObjectName(u"databaseCaption")

        self.dataForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.databaseCaption)

        self.databasePathLabel = QLabel(self.dataTab)
        self.databasePathLabel.setObjectName(u"databasePathLabel")
        self.databasePathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.databasePathLabel.setWordWrap(True)

        self.dataForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.databasePathLabel)

        self.dataDirCaption = QLabel(self.dataTab)
        self.dataDirCaption.setObjectName(u"dataDirCaption")

        self.dataForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dataDirCaption)

        self.dataDirBox = QWidget(self.dataTab)
        self.dataDirBox.setObjectName(u"dataDirBox")
        self.dataDirLayout = QHBoxLayout(self.dataDirBox)
        self.dataDirLayout.setObjectName(u"dataDirLayout")
        self.dataDirLayout.setContentsMargins(0, 0, 0, 0)
        self.dataDirLabel = QLabel(self.dataDirBox)
        self.dataDirLabel.setObjectName(u"dataDirLabel")
        self.dataDirLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dataDirLabel.setWordWrap(True)

        self.dataDirLayout.addWidget(self.dataDirLabel)

        self.openDataDirButton = QPushButton(self.dataDirBox)
        self.openDataDirButton.setObjectName(u"openDataDirButton")

        self.dataDirLayout.addWidget(self.openDataDirButton)


        self.dataForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dataDirBox)

        self.portableCaption = QLabel(self.dataTab)
        self.portableCaption.setObjectName(u"portableCaption")

        self.dataForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.portableCaption)

        self.portableLabel = QLabel(self.dataTab)
        self.portableLabel.setObjectName(u"portableLabel")
        self.portableLabel.setWordWrap(True)

        self.dataForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.portableLabel)


        self.dataLayout.addLayout(self.dataForm)

        self.backupsGroup = QGroupBox(self.dataTab)
        self.backupsGroup.setObjectName(u"backupsGroup")
        self.backupsLayout = QVBoxLayout(self.backupsGroup)
        self.backupsLayout.setObjectName(u"backupsLayout")
        self.backupsView = QTableView(self.backupsGroup)
        self.backupsView.setObjectName(u"backupsView")
        self.backupsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backupsView.setAlternatingRowColors(True)
        self.backupsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.backupsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.backupsView.setWordWrap(False)
        self.backupsView.horizontalHeader().setStretchLastSection(True)
        self.backupsView.verticalHeader().setVisible(False)

        self.backupsLayout.addWidget(self.backupsView)

        self.backupsButtonsLayout = QHBoxLayout()
        self.backupsButtonsLayout.setObjectName(u"backupsButtonsLayout")
        self.makeBackupButton = QPushButton(self.backupsGroup)
        self.makeBackupButton.setObjectName(u"makeBackupButton")

        self.backupsButtonsLayout.addWidget(self.makeBackupButton)

        self.restoreBackupButton = QPushButton(self.backupsGroup)
        self.restoreBackupButton.setObjectName(u"restoreBackupButton")

        self.backupsButtonsLayout.addWidget(self.restoreBackupButton)

        self.backupsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupsButtonsLayout.addItem(self.backupsSpacer)


        self.backupsLayout.addLayout(self.backupsButtonsLayout)

        self.backupsHint = QLabel(self.backupsGroup)
        self.backupsHint.setObjectName(u"backupsHint")
        self.backupsHint.setWordWrap(True)

        self.backupsLayout.addWidget(self.backupsHint)


        self.dataLayout.addWidget(self.backupsGroup)

        self.settingsTabs.addTab(self.dataTab, "")

        self.settingsLayout.addWidget(self.settingsTabs)

        self.settingsButtonsLayout = QHBoxLayout()
        self.settingsButtonsLayout.setObjectName(u"settingsButtonsLayout")
        self.settingsButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.settingsButtonsLayout.addItem(self.settingsButtonsSpacer)

        self.closeSettingsButton = QPushButton(SettingsDialog)
        self.closeSettingsButton.setObjectName(u"closeSettingsButton")

        self.settingsButtonsLayout.addWidget(self.closeSettingsButton)


        self.settingsLayout.addLayout(self.settingsButtonsLayout)

#if QT_CONFIG(shortcut)
        self.settingsCityCaption.setBuddy(self.settingsCityLabel)
        self.operatorCaption.setBuddy(self.operatorBox)
        self.recommenderCaption.setBuddy(self.recommenderEdit)
        self.databaseCaption.setBuddy(self.databasePathLabel)
        self.dataDirCaption.setBuddy(self.dataDirBox)
        self.portableCaption.setBuddy(self.portableLabel)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.settingsTabs, self.operatorEdit)
        QWidget.setTabOrder(self.operatorEdit, self.saveOperatorButton)
        QWidget.setTabOrder(self.saveOperatorButton, self.recommenderEdit)
        QWidget.setTabOrder(self.recommenderEdit, self.saveRecommenderButton)
        QWidget.setTabOrder(self.saveRecommenderButton, self.countiesView)
        QWidget.setTabOrder(self.countiesView, self.addCountyButton)
        QWidget.setTabOrder(self.addCountyButton, self.renameCountyButton)
        QWidget.setTabOrder(self.renameCountyButton, self.removeCountyButton)
        QWidget.setTabOrder(self.removeCountyButton, self.openDataDirButton)
        QWidget.setTabOrder(self.openDataDirButton, self.backupsView)
        QWidget.setTabOrder(self.backupsView, self.makeBackupButton)
        QWidget.setTabOrder(self.makeBackupButton, self.restoreBackupButton)
        QWidget.setTabOrder(self.restoreBackupButton, self.closeSettingsButton)

        self.retranslateUi(SettingsDialog)

        self.closeSettingsButton.setDefault(True)


        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u8bbe\u7f6e", None))
        self.settingsCityCaption.setText(QCoreApplication.translate("SettingsDialog", u"\u5730\u5e02\uff1a", None))
        self.settingsCityLabel.setText("")
#if QT_CONFIG(tooltip)
        self.settingsCityLabel.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u5730\u5e02\u5728\u65b0\u5efa\u6570\u636e\u5e93\u65f6\u786e\u5b9a\uff0c\u4e4b\u540e\u4e0d\u80fd\u4fee\u6539", None))
#endif // QT_CONFIG(tooltip)
        self.operatorCaption.setText(QCoreApplication.translate("SettingsDialog", u"\u64cd\u4f5c\u5458\uff1a", None))
        self.operatorEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u59d3\u540d\uff08\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff09", None))
        self.saveOperatorButton.setText(QCoreApplication.translate("SettingsDialog", u"\u4fdd\u5b58", None))
        self.recommenderCaption.setText(QCoreApplication.translate("SettingsDialog", u"\u63a8\u8350\u5355\u4f4d\uff1a", None))
#if QT_CONFIG(tooltip)
        self.recommenderEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u5bfc\u51fa\u7684\u6c47\u603b\u8868\u3001\u7eb8\u8d28\u6750\u6599\u548c\u5149\u76d8\u4e0a\u5370\u7684\u63a8\u8350\u5355\u4f4d\u5168\u79f0\uff1b\u7559\u7a7a\u5219\u4f7f\u7528\u9ed8\u8ba4\u540d\u79f0", None))
#endif // QT_CONFIG(tooltip)
        self.saveRecommenderButton.setText(QCoreApplication.translate("SettingsDialog", u"\u4fdd\u5b58", None))
        self.countiesGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u672c\u5e02\u53bf\u533a", None))
        self.addCountyButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6dfb\u52a0\u2026", None))
        self.renameCountyButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6539\u540d\u2026", None))
        self.removeCountyButton.setText(QCoreApplication.translate("SettingsDialog", u"\u5220\u9664", None))
        self.settingsTabs.setTabText(self.settingsTabs.indexOf(self.generalTab), QCoreApplication.translate("SettingsDialog", u"\u672c\u5e02\u4e0e\u64cd\u4f5c\u5458", None))
        self.databaseCaption.setText(QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u5e93\u6587\u4ef6\uff1a", None))
        self.databasePathLabel.setText("")
        self.dataDirCaption.setText(QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u6587\u4ef6\u5939\uff1a", None))
        self.dataDirLabel.setText("")
        self.openDataDirButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6253\u5f00\u6587\u4ef6\u5939", None))
        self.portableCaption.setText(QCoreApplication.translate("SettingsDialog", u"\u4fbf\u643a\u6a21\u5f0f\uff1a", None))
        self.portableLabel.setText("")
        self.backupsGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u5907\u4efd", None))
        self.makeBackupButton.setText(QCoreApplication.translate("SettingsDialog", u"\u7acb\u5373\u5907\u4efd", None))
        self.restoreBackupButton.setText(QCoreApplication.translate("SettingsDialog", u"\u4ece\u6240\u9009\u5907\u4efd\u6062\u590d\u2026", None))
        self.backupsHint.setText(QCoreApplication.translate("SettingsDialog", u"\u6062\u590d\u65f6\u7a0b\u5e8f\u4f1a\u5148\u5907\u4efd\u5f53\u524d\u6570\u636e\u5e93\uff0c\u7136\u540e\u5173\u95ed\u5e76\u91cd\u65b0\u6253\u5f00\u6570\u636e\u5e93\u3002", None))
        self.settingsTabs.setTabText(self.settingsTabs.indexOf(self.dataTab), QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u4e0e\u5907\u4efd", None))
        self.closeSettingsButton.setText(QCoreApplication.translate("SettingsDialog", u"\u5173\u95ed", None))
    # retranslateUi

