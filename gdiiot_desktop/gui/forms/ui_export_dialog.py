# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, exportDialog):
        if not exportDialog.objectName():
            exportDialog.setObjectName(u"exportDialog")
        exportDialog.resize(720, 620)
        self.exportLayout = QVBoxLayout(exportDialog)
        self.exportLayout.setObjectName(u"exportLayout")
        self.kindsGroup = QGroupBox(exportDialog)
        self.kindsGroup.setObjectName(u"kindsGroup")
        self.kindsLayout = QHBoxLayout(self.kindsGroup)
        self.kindsLayout.setObjectName(u"kindsLayout")
        self.kind_table = QCheckBox(self.kindsGroup)
        self.kind_table.setObjectName(u"kind_table")
        self.kind_table.setChecked(True)

        self.kindsLayout.addWidget(self.kind_table)

        self.kind_package = QCheckBox(self.kindsGroup)
        self.kind_package.setObjectName(u"kind_package")
        self.kind_package.setChecked(True)

        self.kindsLayout.addWidget(self.kind_package)

        self.kind_disc = QCheckBox(self.kindsGroup)
        self.kind_disc.setObjectName(u"kind_disc")
        self.kind_disc.setChecked(True)

        self.kindsLayout.addWidget(self.kind_disc)

        self.kind_iso = QCheckBox(self.kindsGroup)
        self.kind_iso.setObjectName(u"kind_iso")
        self.kind_iso.setChecked(True)

        self.kindsLayout.addWidget(self.kind_iso)


        self.exportLayout.addWidget(self.kindsGroup)

        self.exportForm = QFormLayout()
        self.exportForm.setObjectName(u"exportForm")
        self.mediumCaption = QLabel(exportDialog)
        self.mediumCaption.setObjectName(u"mediumCaption")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.mediumCaption)

        self.mediumCombo = QComboBox(exportDialog)
        self.mediumCombo.setObjectName(u"mediumCombo")

        self.exportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.mediumCombo)

        self.outDirCaption = QLabel(exportDialog)
        self.outDirCaption.setObjectName(u"outDirCaption")

        self.exportForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outDirCaption)

        self.outDirBox = QWidget(exportDialog)
        self.outDirBox.setObjectName(u"outDirBox")
        self.outDirLayout = QHBoxLayout(self.outDirBox)
        self.outDirLayout.setObjectName(u"outDirLayout")
        self.outDirLayout.setContentsMargins(0, 0, 0, 0)
        self.outDirEdit = QLineEdit(self.outDirBox)
        self.outDirEdit.setObjectName(u"outDirEdit")

        self.outDirLayout.addWidget(self.outDirEdit)

        self.pickOutDirButton = QPushButton(self.outDirBox)
        self.pickOutDirButton.setObjectName(u"pickOutDirButton")

        self.outDirLayout.addWidget(self.pickOutDirButton)

        self.outDirLayout.setStretch(0, 1)

        self.exportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outDirBox)

        self.templateCaption = QLabel(exportDialog)
        self.templateCaption.setObjectName(u"templateCaption")

        self.exportForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.templateCaption)

        self.templateBox = QWidget(exportDialog)
        self.templateBox.setObjectName(u"templateBox")
        self.templateLayout = QHBoxLayout(self.templateBox)
        self.templateLayout.setObjectName(u"templateLayout")
        self.templateLayout.setContentsMargins(0, 0, 0, 0)
        self.templateEdit = QLineEdit(self.templateBox)
        self.templateEdit.setObjectName(u"templateEdit")

        self.templateLayout.addWidget(self.templateEdit)

        self.pickTemplateButton = QPushButton(self.templateBox)
        self.pickTemplateButton.setObjectName(u"pickTemplateButton")

        self.templateLayout.addWidget(self.pickTemplateButton)

        self.templateLayout.setStretch(0, 1)

        self.exportForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.templateBox)


        self.exportLayout.addLayout(self.exportForm)

        self.summaryLabel = QLabel(exportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.exportLayout.addWidget(self.summaryLabel)

        self.messagesText = QPlainTextEdit(exportDialog)
        self.messagesText.setObjectName(u"messagesText")
        self.messagesText.setReadOnly(True)

        self.exportLayout.addWidget(self.messagesText)

        self.progressBar = QProgressBar(exportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(1000)
        self.progressBar.setValue(0)

        self.exportLayout.addWidget(self.progressBar)

        self.progressLabel = QLabel(exportDialog)
        self.progressLabel.setObjectName(u"progressLabel")

        self.exportLayout.addWidget(self.progressLabel)

        self.exportButtonsLayout = QHBoxLayout()
        self.exportButtonsLayout.setObjectName(u"exportButtonsLayout")
        self.checkButton = QPushButton(exportDialog)
        self.checkButton.setObjectName(u"checkButton")

        self.exportButtonsLayout.addWidget(self.checkButton)

        self.exportButton = QPushButton(exportDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.exportButtonsLayout.addWidget(self.exportButton)

        self.cancelButton = QPushButton(exportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.exportButtonsLayout.addWidget(self.cancelButton)

        self.openButton = QPushButton(exportDialog)
        self.openButton.setObjectName(u"openButton")

        self.exportButtonsLayout.addWidget(self.openButton)

        self.exportButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportButtonsLayout.addItem(self.exportButtonsSpacer)

        self.closeButton = QPushButton(exportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.exportButtonsLayout.addWidget(self.closeButton)


        self.exportLayout.addLayout(self.exportButtonsLayout)

        self.exportLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.mediumCaption.setBuddy(self.mediumCombo)
        self.outDirCaption.setBuddy(self.outDirEdit)
        self.templateCaption.setBuddy(self.templateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind_table, self.kind_package)
        QWidget.setTabOrder(self.kind_package, self.kind_disc)
        QWidget.setTabOrder(self.kind_disc, self.kind_iso)
        QWidget.setTabOrder(self.kind_iso, self.mediumCombo)
        QWidget.setTabOrder(self.mediumCombo, self.outDirEdit)
        QWidget.setTabOrder(self.outDirEdit, self.pickOutDirButton)
        QWidget.setTabOrder(self.pickOutDirButton, self.templateEdit)
        QWidget.setTabOrder(self.templateEdit, self.pickTemplateButton)
        QWidget.setTabOrder(self.pickTemplateButton, self.messagesText)
        QWidget.setTabOrder(self.messagesText, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.cancelButton)
        QWidget.setTabOrder(self.cancelButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.closeButton)

        self.retranslateUi(exportDialog)

        self.exportButton.setDefault(True)


        QMetaObject.connectSlotsByName(exportDialog)
    # setupUi

    def retranslateUi(self, exportDialog):
        exportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"\u5bfc\u51fa\u62a5\u9001\u6750\u6599", None))
        self.kindsGroup.setTitle(QCoreApplication.translate("ExportDialog", u"\u5bfc\u51fa\u5185\u5bb9\uff08\u51fa\u81ea\u540c\u4e00\u63a8\u8350\u5feb\u7167\uff0c\u9875\u811a\u548c\u6587\u4ef6\u5c5e\u6027\u4e2d\u5747\u6709\u5feb\u7167\u7f16\u53f7\uff09", None))
        self.kind_table.setText(QCoreApplication.translate("ExportDialog", u"\u6c47\u603b\u8868", None))
        self.kind_package.setText(QCoreApplication.translate("ExportDialog", u"\u7eb8\u8d28\u6750\u6599", None))
        self.kind_disc.setText(QCoreApplication.translate("ExportDialog", u"\u5149\u76d8\u6587\u4ef6\u5939", None))
        self.kind_iso.setText(QCoreApplication.translate("ExportDialog", u"\u5149\u76d8\u955c\u50cf\uff08ISO\uff09", None))
        self.mediumCaption.setText(QCoreApplication.translate("ExportDialog", u"\u5149\u76d8\u7c7b\u578b\uff1a", None))
        self.outDirCaption.setText(QCoreApplication.translate("ExportDialog", u"\u8f93\u51fa\u6587\u4ef6\u5939\uff1a", None))
        self.pickOutDirButton.setText(QCoreApplication.translate("ExportDialog", u"\u9009\u62e9\u2026", None))
        self.templateCaption.setText(QCoreApplication.translate("ExportDialog", u"\u6c47\u603b\u8868\u6a21\u677f\uff1a", None))
        self.templateEdit.setPlaceholderText(QCoreApplication.translate("ExportDialog", u"\u53ef\u9009\uff1a\u7701\u5385\u6b63\u5f0f\u6c47\u603b\u8868\u6a21\u677f\uff08.xlsx\uff09\uff0c\u6309\u8868\u5934\u6587\u5b57\u586b\u5199", None))
        self.pickTemplateButton.setText(QCoreApplication.translate("ExportDialog", u"\u9009\u62e9\u2026", None))
        self.summaryLabel.setText(QCoreApplication.translate("ExportDialog", u"\u6b63\u5728\u68c0\u67e5\u63a8\u8350\u9879\u76ee\u2026", None))
        self.progressLabel.setText("")
        self.checkButton.setText(QCoreApplication.translate("ExportDialog", u"\u91cd\u65b0\u68c0\u67e5", None))
        self.exportButton.setText(QCoreApplication.translate("ExportDialog", u"\u5f00\u59cb\u5bfc\u51fa", None))
        self.cancelButton.setText(QCoreApplication.translate("ExportDialog", u"\u53d6\u6d88\u5bfc\u51fa", None))
        self.openButton.setText(QCoreApplication.translate("ExportDialog", u"\u6253\u5f00\u6587\u4ef6\u5939", None))
        self.closeButton.setText(QCoreApplication.translate("ExportDialog", u"\u5173\u95ed", None))
    # retranslateUi

