# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'override_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget)

class Ui_OverrideDialog(object):
    def setupUi(self, OverrideDialog):
        if not OverrideDialog.objectName():
            OverrideDialog.setObjectName(u"OverrideDialog")
        OverrideDialog.resize(560, 360)
        self.overrideLayout = QVBoxLayout(OverrideDialog)
        self.overrideLayout.setObjectName(u"overrideLayout")
        self.overrideProblem = QLabel(OverrideDialog)
        self.overrideProblem.setObjectName(u"overrideProblem")
        self.overrideProblem.setWordWrap(True)
        self.overrideProblem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.overrideLayout.addWidget(self.overrideProblem)

        self.overrideClause = QLabel(OverrideDialog)
        self.overrideClause.setObjectName(u"overrideClause")
        self.overrideClause.setWordWrap(True)
        self.overrideClause.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.overrideLayout.addWidget(self.overrideClause)

        self.reasonCaption = QLabel(OverrideDialog)
        self.reasonCaption.setObjectName(u"reasonCaption")
        self.reasonCaption.setWordWrap(True)

        self.overrideLayout.addWidget(self.reasonCaption)

        self.reasonEdit = QPlainTextEdit(OverrideDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.overrideLayout.addWidget(self.reasonEdit)

        self.overrideError = QLabel(OverrideDialog)
        self.overrideError.setObjectName(u"overrideError")

        self.overrideLayout.addWidget(self.overrideError)

        self.overrideButtons = QDialogButtonBox(OverrideDialog)
        self.overrideButtons.setObjectName(u"overrideButtons")
        self.overrideButtons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.overrideLayout.addWidget(self.overrideButtons)

#if QT_CONFIG(shortcut)
        self.reasonCaption.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reasonEdit, self.overrideButtons)

        self.retranslateUi(OverrideDialog)

        QMetaObject.connectSlotsByName(OverrideDialog)
    # setupUi

    def retranslateUi(self, OverrideDialog):
        OverrideDialog.setWindowTitle(QCoreApplication.translate("OverrideDialog", u"\u8bb0\u5f55\u8bf4\u660e", None))
        self.overrideProblem.setText("")
        self.overrideClause.setText("")
        self.reasonCaption.setText(QCoreApplication.translate("OverrideDialog", u"\u63a5\u53d7\u8be5\u95ee\u9898\u7684\u7406\u7531\uff08\u8bb0\u5165\u64cd\u4f5c\u65e5\u5fd7\uff0c\u5e76\u5199\u5165\u6c47\u603b\u8868\u5907\u6ce8\uff09\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("OverrideDialog", u"\u4f8b\u5982\uff1a\u8be5\u4ee3\u7801\u4e3a\u65e9\u671f\u8d4b\u7801\u7684\u771f\u5b9e\u4ee3\u7801\uff0c\u5df2\u5728\u56fd\u5bb6\u4f01\u4e1a\u4fe1\u7528\u4fe1\u606f\u516c\u793a\u7cfb\u7edf\u6838\u5b9e", None))
        self.overrideError.setText("")
    # retranslateUi

