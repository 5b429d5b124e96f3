# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exchange_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QTreeView, QVBoxLayout, QWidget)

class Ui_ExchangeDialog(object):
    def setupUi(self, exchangeDialog):
        if not exchangeDialog.objectName():
            exchangeDialog.setObjectName(u"exchangeDialog")
        exchangeDialog.resize(980, 680)
        self.exchangeLayout = QVBoxLayout(exchangeDialog)
        self.exchangeLayout.setObjectName(u"exchangeLayout")
        self.exchangeTabs = QTabWidget(exchangeDialog)
        self.exchangeTabs.setObjectName(u"exchangeTabs")
        self.exportTab = QWidget()
        self.exportTab.setObjectName(u"exportTab")
        self.exportBundleForm = QFormLayout(self.exportTab)
        self.exportBundleForm.setObjectName(u"exportBundleForm")
        self.exportCountyCaption = QLabel(self.exportTab)
        self.exportCountyCaption.setObjectName(u"exportCountyCaption")

        self.exportBundleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.exportCountyCaption)

        self.exportCountyCombo = QComboBox(self.exportTab)
        self.exportCountyCombo.setObjectName(u"exportCountyCombo")

        self.exportBundleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.exportCountyCombo)

        self.exportPathCaption = QLabel(self.exportTab)
        self.exportPathCaption.setObjectName(u"exportPathCaption")

        self.exportBundleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.exportPathCaption)

        self.exportPathBox = QWidget(self.exportTab)
        self.exportPathBox.setObjectName(u"exportPathBox")
        self.exportPathLayout = QHBoxLayout(self.exportPathBox)
        self.exportPathLayout.setObjectName(u"exportPathLayout")
        self.exportPathLayout.setContentsMargins(0, 0, 0, 0)
        self.exportPathEdit = QLineEdit(self.exportPathBox)
        self.exportPathEdit.setObjectName(u"exportPathEdit")

        self.exportPathLayout.addWidget(self.exportPathEdit)

        self.browseExportPathButton = QPushButton(self.exportPathBox)
        self.browseExportPathButton.setObjectName(u"browseExportPathButton")

        self.exportPathLayout.addWidget(self.browseExportPathButton)

        self.exportPathLayout.setStretch(0, 1)

        self.exportBundleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.exportPathBox)

        self.exportFingerprintCaption = QLabel(self.exportTab)
        self.exportFingerprintCaption.setObjectName(u"exportFingerprintCaption")

        self.exportBundleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.exportFingerprintCaption)

        self.exportFingerprintLabel = QLabel(self.exportTab)
        self.exportFingerprintLabel.setObjectName(u"exportFingerprintLabel")
        self.exportFingerprintLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.exportBundleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.exportFingerprintLabel)

        self.exportBundleButton = QPushButton(self.exportTab)
        self.exportBundleButton.setObjectName(u"exportBundleButton")

        self.exportBundleForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.exportBundleButton)

        self.exportResultLabel = QLabel(self.exportTab)
        self.exportResultLabel.setObjectName(u"exportResultLabel")
        self.exportResultLabel.setWordWrap(True)

        self.exportBundleForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.exportResultLabel)

        self.exchangeTabs.addTab(self.exportTab, "")
        self.importTab = QWidget()
        self.importTab.setObjectName(u"importTab")
        self.importLayout = QVBoxLayout(self.importTab)
        self.importLayout.setObjectName(u"importLayout")
        self.importForm = QFormLayout()
        self.importForm.setObjectName(u"importForm")
        self.importPathCaption = QLabel(self.importTab)
        self.importPathCaption.setObjectName(u"importPathCaption")

        self.importForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.importPathCaption)

        self.importPathBox = QWidget(self.importTab)
        self.importPathBox.setObjectName(u"importPathBox")
        self.importPathLayout = QHBoxLayout(self.importPathBox)
        self.importPathLayout.setObjectName(u"importPathLayout")
        self.importPathLayout.setContentsMargins(0, 0, 0, 0)
        self.importPathEdit = QLineEdit(self.importPathBox)
        self.importPathEdit.setObjectName(u"importPathEdit")

        self.importPathLayout.addWidget(self.importPathEdit)

        self.browseImportPathButton = QPushButton(self.importPathBox)
        self.browseImportPathButton.setObjectName(u"browseImportPathButton")

        self.importPathLayout.addWidget(self.browseImportPathButton)

        self.importPathLayout.setStretch(0, 1)

        self.importForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.importPathBox)


        self.importLayout.addLayout(self.importForm)

        self.importButtonsLayout = QHBoxLayout()
        self.importButtonsLayout.setObjectName(u"importButtonsLayout")
        self.previewBundleButton = QPushButton(self.importTab)
        self.previewBundleButton.setObjectName(u"previewBundleButton")

        self.importButtonsLayout.addWidget(self.previewBundleButton)

        self.keepCityValuesButton = QPushButton(self.importTab)
        self.keepCityValuesButton.setObjectName(u"keepCityValuesButton")

        self.importButtonsLayout.addWidget(self.keepCityValuesButton)

        self.takeCountyValuesButton = QPushButton(self.importTab)
        self.takeCountyValuesButton.setObjectName(u"takeCountyValuesButton")

        self.importButtonsLayout.addWidget(self.takeCountyValuesButton)

        self.importButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.importButtonsLayout.addItem(self.importButtonsSpacer)

        self.importBundleButton = QPushButton(self.importTab)
        self.importBundleButton.setObjectName(u"importBundleButton")
        self.importBundleButton.setEnabled(False)

        self.importButtonsLayout.addWidget(self.importBundleButton)


        self.importLayout.addLayout(self.importButtonsLayout)

        self.bundleSummaryLabel = QLabel(self.importTab)
        self.bundleSummaryLabel.setObjectName(u"bundleSummaryLabel")
        self.bundleSummaryLabel.setWordWrap(True)

        self.importLayout.addWidget(self.bundleSummaryLabel)

        self.changesCaption = QLabel(self.importTab)
        self.changesCaption.setObjectName(u"changesCaption")

        self.importLayout.addWidget(self.changesCaption)

        self.bundleChangesView = QTreeView(self.importTab)
        self.bundleChangesView.setObjectName(u"bundleChangesView")

        self.importLayout.addWidget(self.bundleChangesView)

        self.conflictsCaption = QLabel(self.importTab)
        self.conflictsCaption.setObjectName(u"conflictsCaption")

        self.importLayout.addWidget(self.conflictsCaption)

        self.bundleConflictsView = QTableView(self.importTab)
        self.bundleConflictsView.setObjectName(u"bundleConflictsView")
        self.bundleConflictsView.horizontalHeader().setStretchLastSection(True)

        self.importLayout.addWidget(self.bundleConflictsView)

        self.crossCountyCaption = QLabel(self.importTab)
        self.crossCountyCaption.setObjectName(u"crossCountyCaption")

        self.importLayout.addWidget(self.crossCountyCaption)

        self.crossCountyText = QPlainTextEdit(self.importTab)
        self.crossCountyText.setObjectName(u"crossCountyText")
        self.crossCountyText.setMaximumSize(QSize(16777215, 120))
        self.crossCountyText.setReadOnly(True)

        self.importLayout.addWidget(self.crossCountyText)

        self.importLayout.setStretch(4, 2)
        self.importLayout.setStretch(6, 1)
        self.exchangeTabs.addTab(self.importTab, "")
        self.returnTab = QWidget()
        self.returnTab.setObjectName(u"returnTab")
        self.returnLayout = QVBoxLayout(self.returnTab)
        self.returnLayout.setObjectName(u"returnLayout")
        self.returnAppsView = QTableView(self.returnTab)
        self.returnAppsView.setObjectName(u"returnAppsView")
        self.returnAppsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.returnAppsView.horizontalHeader().setStretchLastSection(True)

        self.returnLayout.addWidget(self.returnAppsView)

        self.returnReasonLayout = QHBoxLayout()
        self.returnReasonLayout.setObjectName(u"returnReasonLayout")
        self.returnReasonEdit = QLineEdit(self.returnTab)
        self.returnReasonEdit.setObjectName(u"returnReasonEdit")

        self.returnReasonLayout.addWidget(self.returnReasonEdit)

        self.markReturnButton = QPushButton(self.returnTab)
        self.markReturnButton.setObjectName(u"markReturnButton")

        self.returnReasonLayout.addWidget(self.markReturnButton)

        self.returnReasonLayout.setStretch(0, 1)

        self.returnLayout.addLayout(self.returnReasonLayout)

        self.returnsCaption = QLabel(self.returnTab)
        self.returnsCaption.setObjectName(u"returnsCaption")

        self.returnLayout.addWidget(self.returnsCaption)

        self.returnsText = QPlainTextEdit(self.returnTab)
        self.returnsText.setObjectName(u"returnsText")
        self.returnsText.setMaximumSize(QSize(16777215, 140))
        self.returnsText.setReadOnly(True)

        self.returnLayout.addWidget(self.returnsText)

        self.returnBundleForm = QFormLayout()
        self.returnBundleForm.setObjectName(u"returnBundleForm")
        self.returnCountyCaption = QLabel(self.returnTab)
        self.returnCountyCaption.setObjectName(u"returnCountyCaption")

        self.returnBundleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.returnCountyCaption)

        self.returnCountyCombo = QComboBox(self.returnTab)
        self.returnCountyCombo.setObjectName(u"returnCountyCombo")

        self.returnBundleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.returnCountyCombo)

        self.returnPathCaption = QLabel(self.returnTab)
        self.returnPathCaption.setObjectName(u"returnPathCaption")

        self.returnBundleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.returnPathCaption)

        self.returnPathBox = QWidget(self.returnTab)
        self.returnPathBox.setObjectName(u"returnPathBox")
        self.returnPathLayout = QHBoxLayout(self.returnPathBox)
        self.returnPathLayout.setObjectName(u"returnPathLayout")
        self.returnPathLayout.setContentsMargins(0, 0, 0, 0)
        self.returnPathEdit = QLineEdit(self.returnPathBox)
        self.returnPathEdit.setObjectName(u"returnPathEdit")

        self.returnPathLayout.addWidget(self.returnPathEdit)

        self.browseReturnPathButton = QPushButton(self.returnPathBox)
        self.browseReturnPathButton.setObjectName(u"browseReturnPathButton")

        self.returnPathLayout.addWidget(self.browseReturnPathButton)

        self.returnPathLayout.setStretch(0, 1)

        self.returnBundleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.returnPathBox)

        self.exportReturnButton = QPushButton(self.returnTab)
        self.exportReturnButton.setObjectName(u"exportReturnButton")

        self.returnBundleForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.exportReturnButton)


        self.returnLayout.addLayout(self.returnBundleForm)

        self.returnLayout.setStretch(0, 2)
        self.exchangeTabs.addTab(self.returnTab, "")
        self.keysTab = QWidget()
        self.keysTab.setObjectName(u"keysTab")
        self.keysLayout = QVBoxLayout(self.keysTab)
        self.keysLayout.setObjectName(u"keysLayout")
        self.ownFingerprintLabel = QLabel(self.keysTab)
        self.ownFingerprintLabel.setObjectName(u"ownFingerprintLabel")
        self.ownFingerprintLabel.setWordWrap(True)
        self.ownFingerprintLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.keysLayout.addWidget(self.ownFingerprintLabel)

        self.pinsCaption = QLabel(self.keysTab)
        self.pinsCaption.setObjectName(u"pinsCaption")

        self.keysLayout.addWidget(self.pinsCaption)

        self.pinsText = QPlainTextEdit(self.keysTab)
        self.pinsText.setObjectName(u"pinsText")
        self.pinsText.setReadOnly(True)

        self.keysLayout.addWidget(self.pinsText)

        self.keysButtonsLayout = QHBoxLayout()
        self.keysButtonsLayout.setObjectName(u"keysButtonsLayout")
        self.replaceKeyButton = QPushButton(self.keysTab)
        self.replaceKeyButton.setObjectName(u"replaceKeyButton")

        self.keysButtonsLayout.addWidget(self.replaceKeyButton)

        self.keysButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.keysButtonsLayout.addItem(self.keysButtonsSpacer)


        self.keysLayout.addLayout(self.keysButtonsLayout)

        self.refusalsCaption = QLabel(self.keysTab)
        self.refusalsCaption.setObjectName(u"refusalsCaption")

        self.keysLayout.addWidget(self.refusalsCaption)

        self.refusalsText = QPlainTextEdit(self.keysTab)
        self.refusalsText.setObjectName(u"refusalsText")
        self.refusalsText.setReadOnly(True)

        self.keysLayout.addWidget(self.refusalsText)

        self.keysLayout.setStretch(2, 1)
        self.keysLayout.setStretch(5, 1)
        self.exchangeTabs.addTab(self.keysTab, "")

        self.exchangeLayout.addWidget(self.exchangeTabs)

        self.exchangeButtons = QDialogButtonBox(exchangeDialog)
        self.exchangeButtons.setObjectName(u"exchangeButtons")
        self.exchangeButtons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.exchangeLayout.addWidget(self.exchangeButtons)

#if QT_CONFIG(shortcut)
        self.exportCountyCaption.setBuddy(self.exportCountyCombo)
        self.exportPathCaption.setBuddy(self.exportPathEdit)
        self.importPathCaption.setBuddy(self.importPathEdit)
        self.changesCaption.setBuddy(self.bundleChangesView)
        self.conflictsCaption.setBuddy(self.bundleConflictsView)
        self.crossCountyCaption.setBuddy(self.crossCountyText)
        self.returnsCaption.setBuddy(self.returnsText)
        self.returnCountyCaption.setBuddy(self.returnCountyCombo)
        self.returnPathCaption.setBuddy(self.returnPathEdit)
        self.pinsCaption.setBuddy(self.pinsText)
        self.refusalsCaption.setBuddy(self.refusalsText)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.exchangeTabs, self.exportCountyCombo)
        QWidget.setTabOrder(self.exportCountyCombo, self.exportPathEdit)
        QWidget.setTabOrder(self.exportPathEdit, self.browseExportPathButton)
        QWidget.setTabOrder(self.browseExportPathButton, self.exportBundleButton)
        QWidget.setTabOrder(self.exportBundleButton, self.importPathEdit)
        QWidget.setTabOrder(self.importPathEdit, self.browseImportPathButton)
        QWidget.setTabOrder(self.browseImportPathButton, self.previewBundleButton)
        QWidget.setTabOrder(self.previewBundleButton, self.keepCityValuesButton)
        QWidget.setTabOrder(self.keepCityValuesButton, self.takeCountyValuesButton)
        QWidget.setTabOrder(self.takeCountyValuesButton, self.importBundleButton)
        QWidget.setTabOrder(self.importBundleButton, self.bundleChangesView)
        QWidget.setTabOrder(self.bundleChangesView, self.bundleConflictsView)
        QWidget.setTabOrder(self.bundleConflictsView, self.crossCountyText)
        QWidget.setTabOrder(self.crossCountyText, self.returnAppsView)
        QWidget.setTabOrder(self.returnAppsView, self.returnReasonEdit)
        QWidget.setTabOrder(self.returnReasonEdit, self.markReturnButton)
        QWidget.setTabOrder(self.markReturnButton, self.returnsText)
        QWidget.setTabOrder(self.returnsText, self.returnCountyCombo)
        QWidget.setTabOrder(self.returnCountyCombo, self.returnPathEdit)
        QWidget.setTabOrder(self.returnPathEdit, self.browseReturnPathButton)
        QWidget.setTabOrder(self.browseReturnPathButton, self.exportReturnButton)
        QWidget.setTabOrder(self.exportReturnButton, self.pinsText)
        QWidget.setTabOrder(self.pinsText, self.replaceKeyButton)
        QWidget.setTabOrder(self.replaceKeyButton, self.refusalsText)

        self.retranslateUi(exchangeDialog)

        self.exchangeTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(exchangeDialog)
    # setupUi

    def retranslateUi(self, exchangeDialog):
        exchangeDialog.setWindowTitle(QCoreApplication.translate("ExchangeDialog", u"\u6570\u636e\u5305\uff1a\u53bf\u533a\u62a5\u9001\u3001\u5e02\u5c40\u5bfc\u5165\u4e0e\u9000\u56de", None))
        self.exportCountyCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u53bf\u533a\uff1a", None))
        self.exportPathCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u4fdd\u5b58\u5230\uff1a", None))
        self.browseExportPathButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u6d4f\u89c8\u2026", None))
        self.exportFingerprintCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u672c\u5355\u4f4d\u7b7e\u540d\u6307\u7eb9\uff1a", None))
        self.exportFingerprintLabel.setText("")
        self.exportBundleButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u5bfc\u51fa", None))
        self.exportResultLabel.setText("")
        self.exchangeTabs.setTabText(self.exchangeTabs.indexOf(self.exportTab), QCoreApplication.translate("ExchangeDialog", u"\u5bfc\u51fa\u6570\u636e\u5305\uff08\u53bf\u533a\uff09", None))
        self.importPathCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u6570\u636e\u5305\uff1a", None))
        self.browseImportPathButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u6d4f\u89c8\u2026", None))
        self.previewBundleButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u8bfb\u53d6\u5e76\u6bd4\u5bf9", None))
        self.keepCityValuesButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u51b2\u7a81\u5168\u90e8\u4fdd\u7559\u5e02\u5c40\u7684\u503c", None))
        self.takeCountyValuesButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u51b2\u7a81\u5168\u90e8\u91c7\u7528\u53bf\u533a\u7684\u503c", None))
        self.importBundleButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u5bfc\u5165", None))
        self.bundleSummaryLabel.setText("")
        self.changesCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u53d8\u5316\uff08\u76f8\u5bf9\u8be5\u53bf\u533a\u4e0a\u6b21\u5bfc\u5165\u7684\u6570\u636e\u5305\uff09\uff1a", None))
        self.conflictsCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u51b2\u7a81\uff08\u5e02\u5c40\u4e0e\u53bf\u533a\u90fd\u6539\u4e86\u540c\u4e00\u5b57\u6bb5\uff0c\u8bf7\u9010\u9879\u51b3\u5b9a\uff09\uff1a", None))
        self.crossCountyCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u8de8\u53bf\u533a\u68c0\u67e5\uff1a", None))
        self.exchangeTabs.setTabText(self.exchangeTabs.indexOf(self.importTab), QCoreApplication.translate("ExchangeDialog", u"\u5bfc\u5165\u6570\u636e\u5305", None))
        self.returnReasonEdit.setPlaceholderText(QCoreApplication.translate("ExchangeDialog", u"\u9000\u56de\u7406\u7531\uff08\u5fc5\u586b\uff09\uff0c\u5982\uff1a\u7f3a\u5c11\u8fd1\u4e09\u5e74\u5ba1\u8ba1\u62a5\u544a", None))
        self.markReturnButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u6807\u8bb0\u9000\u56de", None))
        self.returnsCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u9000\u56de\u8bb0\u5f55\uff1a", None))
        self.returnCountyCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u9000\u56de\u7ed9\uff1a", None))
        self.returnPathCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u4fdd\u5b58\u5230\uff1a", None))
        self.browseReturnPathButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u6d4f\u89c8\u2026", None))
        self.exportReturnButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u5bfc\u51fa\u9000\u56de\u5305", None))
        self.exchangeTabs.setTabText(self.exchangeTabs.indexOf(self.returnTab), QCoreApplication.translate("ExchangeDialog", u"\u9000\u56de\uff08\u5e02\u5c40\uff09", None))
        self.ownFingerprintLabel.setText("")
        self.pinsCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u5df2\u786e\u8ba4\u7684\u53bf\u533a\uff08\u6216\u5e02\u5c40\uff09\u5bc6\u94a5\uff1a", None))
        self.replaceKeyButton.setText(QCoreApplication.translate("ExchangeDialog", u"\u66f4\u6362\u5bc6\u94a5\u2026", None))
        self.refusalsCaption.setText(QCoreApplication.translate("ExchangeDialog", u"\u88ab\u62d2\u7edd\u5bfc\u5165\u7684\u6570\u636e\u5305\uff08\u8bb0\u4e8e\u64cd\u4f5c\u65e5\u5fd7\uff09\uff1a", None))
        self.exchangeTabs.setTabText(self.exchangeTabs.indexOf(self.keysTab), QCoreApplication.translate("ExchangeDialog", u"\u5bc6\u94a5\u4e0e\u62d2\u6536\u8bb0\u5f55", None))
    # retranslateUi

