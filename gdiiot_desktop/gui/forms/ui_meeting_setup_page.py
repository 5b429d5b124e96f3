# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_setup_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTableView, QVBoxLayout, QWidget)

class Ui_MeetingSetupPage(object):
    def setupUi(self, MeetingSetupPage):
        if not MeetingSetupPage.objectName():
            MeetingSetupPage.setObjectName(u"MeetingSetupPage")
        self.setupLayout = QHBoxLayout(MeetingSetupPage)
        self.setupLayout.setObjectName(u"setupLayout")
        self.detailsColumn = QVBoxLayout()
        self.detailsColumn.setObjectName(u"detailsColumn")
        self.detailsGroup = QGroupBox(MeetingSetupPage)
        self.detailsGroup.setObjectName(u"detailsGroup")
        self.detailsForm = QFormLayout(self.detailsGroup)
        self.detailsForm.setObjectName(u"detailsForm")
        self.titleCaption = QLabel(self.detailsGroup)
        self.titleCaption.setObjectName(u"titleCaption")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleCaption)

        self.titleEdit = QLineEdit(self.detailsGroup)
        self.titleEdit.setObjectName(u"titleEdit")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.dateCaption = QLabel(self.detailsGroup)
        self.dateCaption.setObjectName(u"dateCaption")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateCaption)

        self.dateEdit = QDateEdit(self.detailsGroup)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.placeCaption = QLabel(self.detailsGroup)
        self.placeCaption.setObjectName(u"placeCaption")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.placeCaption)

        self.placeEdit = QLineEdit(self.detailsGroup)
        self.placeEdit.setObjectName(u"placeEdit")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.chairCaption = QLabel(self.detailsGroup)
        self.chairCaption.setObjectName(u"chairCaption")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.chairCaption)

        self.chairEdit = QLineEdit(self.detailsGroup)
        self.chairEdit.setObjectName(u"chairEdit")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.presentationMinutesCaption = QLabel(self.detailsGroup)
        self.presentationMinutesCaption.setObjectName(u"presentationMinutesCaption")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.presentationMinutesCaption)

        self.presentationMinutesSpin = QSpinBox(self.detailsGroup)
        self.presentationMinutesSpin.setObjectName(u"presentationMinutesSpin")
        self.presentationMinutesSpin.setMaximum(120)

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.presentationMinutesSpin)

        self.questionsMinutesCaption = QLabel(self.detailsGroup)
        self.questionsMinutesCaption.setObjectName(u"questionsMinutesCaption")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.questionsMinutesCaption)

        self.questionsMinutesSpin = QSpinBox(self.detailsGroup)
        self.questionsMinutesSpin.setObjectName(u"questionsMinutesSpin")
        self.questionsMinutesSpin.setMaximum(120)

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.questionsMinutesSpin)

        self.saveDetailsButton = QPushButton(self.detailsGroup)
        self.saveDetailsButton.setObjectName(u"saveDetailsButton")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.saveDetailsButton)


        self.detailsColumn.addWidget(self.detailsGroup)

        self.detailsColumnSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailsColumn.addItem(self.detailsColumnSpacer)

        self.detailsColumn.setStretch(1, 1)

        self.setupLayout.addLayout(self.detailsColumn)

        self.panelColumn = QVBoxLayout()
        self.panelColumn.setObjectName(u"panelColumn")
        self.expertsGroup = QGroupBox(MeetingSetupPage)
        self.expertsGroup.setObjectName(u"expertsGroup")
        self.expertsLayout = QVBoxLayout(self.expertsGroup)
        self.expertsLayout.setObjectName(u"expertsLayout")
        self.expertTable = QTableView(self.expertsGroup)
        self.expertTable.setObjectName(u"expertTable")
        self.expertTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.expertTable.horizontalHeader().setStretchLastSection(True)
        self.expertTable.verticalHeader().setVisible(False)

        self.expertsLayout.addWidget(self.expertTable)

        self.addExpertLayout = QHBoxLayout()
        self.addExpertLayout.setObjectName(u"addExpertLayout")
        self.expertNameEdit = QLineEdit(self.expertsGroup)
        self.expertNameEdit.setObjectName(u"expertNameEdit")

        self.addExpertLayout.addWidget(self.expertNameEdit)

        self.expertOrganisationEdit = QLineEdit(self.expertsGroup)
        self.expertOrganisationEdit.setObjectName(u"expertOrganisationEdit")

        self.addExpertLayout.addWidget(self.expertOrganisationEdit)

        self.expertFieldEdit = QLineEdit(self.expertsGroup)
        self.expertFieldEdit.setObjectName(u"expertFieldEdit")

        self.addExpertLayout.addWidget(self.expertFieldEdit)

        self.addExpertButton = QPushButton(self.expertsGroup)
        self.addExpertButton.setObjectName(u"addExpertButton")

        self.addExpertLayout.addWidget(self.addExpertButton)

        self.removeExpertButton = QPushButton(self.expertsGroup)
        self.removeExpertButton.setObjectName(u"removeExpertButton")

        self.addExpertLayout.addWidget(self.removeExpertButton)


        self.expertsLayout.addLayout(self.addExpertLayout)


        self.panelColumn.addWidget(self.expertsGroup)

        self.conflictsGroup = QGroupBox(MeetingSetupPage)
        self.conflictsGroup.setObjectName(u"conflictsGroup")
        self.conflictsLayout = QVBoxLayout(self.conflictsGroup)
        self.conflictsLayout.setObjectName(u"conflictsLayout")
        self.recusalTable = QTableView(self.conflictsGroup)
        self.recusalTable.setObjectName(u"recusalTable")
        self.recusalTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recusalTable.horizontalHeader().setStretchLastSection(True)
        self.recusalTable.verticalHeader().setVisible(False)

        self.conflictsLayout.addWidget(self.recusalTable)

        self.withdrawRecusalButton = QPushButton(self.conflictsGroup)
        self.withdrawRecusalButton.setObjectName(u"withdrawRecusalButton")

        self.conflictsLayout.addWidget(self.withdrawRecusalButton)

        self.suggestionTable = QTableView(self.conflictsGroup)
        self.suggestionTable.setObjectName(u"suggestionTable")
        self.suggestionTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.suggestionTable.horizontalHeader().setStretchLastSection(True)
        self.suggestionTable.verticalHeader().setVisible(False)

        self.conflictsLayout.addWidget(self.suggestionTable)

        self.applySuggestionButton = QPushButton(self.conflictsGroup)
        self.applySuggestionButton.setObjectName(u"applySuggestionButton")

        self.conflictsLayout.addWidget(self.applySuggestionButton)

        self.recuseLayout = QHBoxLayout()
        self.recuseLayout.setObjectName(u"recuseLayout")
        self.recuseExpertCombo = QComboBox(self.conflictsGroup)
        self.recuseExpertCombo.setObjectName(u"recuseExpertCombo")

        self.recuseLayout.addWidget(self.recuseExpertCombo)

        self.recuseApplicationCombo = QComboBox(self.conflictsGroup)
        self.recuseApplicationCombo.setObjectName(u"recuseApplicationCombo")

        self.recuseLayout.addWidget(self.recuseApplicationCombo)

        self.recuseKindCombo = QComboBox(self.conflictsGroup)
        self.recuseKindCombo.setObjectName(u"recuseKindCombo")

        self.recuseLayout.addWidget(self.recuseKindCombo)

        self.recuseReasonEdit = QLineEdit(self.conflictsGroup)
        self.recuseReasonEdit.setObjectName(u"recuseReasonEdit")

        self.recuseLayout.addWidget(self.recuseReasonEdit)

        self.recuseButton = QPushButton(self.conflictsGroup)
        self.recuseButton.setObjectName(u"recuseButton")

        self.recuseLayout.addWidget(self.recuseButton)


        self.conflictsLayout.addLayout(self.recuseLayout)


        self.panelColumn.addWidget(self.conflictsGroup)

        self.panelColumn.setStretch(0, 2)
        self.panelColumn.setStretch(1, 3)

        self.setupLayout.addLayout(self.panelColumn)

        self.setupLayout.setStretch(0, 1)
        self.setupLayout.setStretch(1, 3)
#if QT_CONFIG(shortcut)
        self.titleCaption.setBuddy(self.titleEdit)
        self.dateCaption.setBuddy(self.dateEdit)
        self.placeCaption.setBuddy(self.placeEdit)
        self.chairCaption.setBuddy(self.chairEdit)
        self.presentationMinutesCaption.setBuddy(self.presentationMinutesSpin)
        self.questionsMinutesCaption.setBuddy(self.questionsMinutesSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.chairEdit)
        QWidget.setTabOrder(self.chairEdit, self.presentationMinutesSpin)
        QWidget.setTabOrder(self.presentationMinutesSpin, self.questionsMinutesSpin)
        QWidget.setTabOrder(self.questionsMinutesSpin, self.saveDetailsButton)
        QWidget.setTabOrder(self.saveDetailsButton, self.expertTable)
        QWidget.setTabOrder(self.expertTable, self.expertNameEdit)
        QWidget.setTabOrder(self.expertNameEdit, self.expertOrganisationEdit)
        QWidget.setTabOrder(self.expertOrganisationEdit, self.expertFieldEdit)
        QWidget.setTabOrder(self.expertFieldEdit, self.addExpertButton)
        QWidget.setTabOrder(self.addExpertButton, self.removeExpertButton)
        QWidget.setTabOrder(self.removeExpertButton, self.recusalTable)
        QWidget.setTabOrder(self.recusalTable, self.withdrawRecusalButton)
        QWidget.setTabOrder(self.withdrawRecusalButton, self.suggestionTable)
        QWidget.setTabOrder(self.suggestionTable, self.applySuggestionButton)
        QWidget.setTabOrder(self.applySuggestionButton, self.recuseExpertCombo)
        QWidget.setTabOrder(self.recuseExpertCombo, self.recuseApplicationCombo)
        QWidget.setTabOrder(self.recuseApplicationCombo, self.recuseKindCombo)
        QWidget.setTabOrder(self.recuseKindCombo, self.recuseReasonEdit)
        QWidget.setTabOrder(self.recuseReasonEdit, self.recuseButton)

        self.retranslateUi(MeetingSetupPage)

        QMetaObject.connectSlotsByName(MeetingSetupPage)
    # setupUi

    def retranslateUi(self, MeetingSetupPage):
        self.detailsGroup.setTitle(QCoreApplication.translate("MeetingSetupPage", u"\u4f1a\u8bae\u4fe1\u606f", None))
        self.titleCaption.setText(QCoreApplication.translate("MeetingSetupPage", u"\u540d\u79f0", None))
        self.dateCaption.setText(QCoreApplication.translate("MeetingSetupPage", u"\u65e5\u671f", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("MeetingSetupPage", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.placeCaption.setText(QCoreApplication.translate("MeetingSetupPage", u"\u5730\u70b9", None))
        self.chairCaption.setText(QCoreApplication.translate("MeetingSetupPage", u"\u4e3b\u6301\u4eba", None))
        self.presentationMinutesCaption.setText(QCoreApplication.translate("MeetingSetupPage", u"\u6bcf\u9879\u6c47\u62a5", None))
        self.presentationMinutesSpin.setSuffix(QCoreApplication.translate("MeetingSetupPage", u" \u5206\u949f", None))
        self.questionsMinutesCaption.setText(QCoreApplication.translate("MeetingSetupPage", u"\u6bcf\u9879\u7b54\u7591", None))
        self.questionsMinutesSpin.setSuffix(QCoreApplication.translate("MeetingSetupPage", u" \u5206\u949f", None))
        self.saveDetailsButton.setText(QCoreApplication.translate("MeetingSetupPage", u"\u4fdd\u5b58\u4f1a\u8bae\u4fe1\u606f", None))
        self.expertsGroup.setTitle(QCoreApplication.translate("MeetingSetupPage", u"\u8bc4\u5ba1\u4e13\u5bb6", None))
        self.expertNameEdit.setPlaceholderText(QCoreApplication.translate("MeetingSetupPage", u"\u59d3\u540d", None))
        self.expertOrganisationEdit.setPlaceholderText(QCoreApplication.translate("MeetingSetupPage", u"\u5de5\u4f5c\u5355\u4f4d", None))
        self.expertFieldEdit.setPlaceholderText(QCoreApplication.translate("MeetingSetupPage", u"\u4e13\u4e1a\u9886\u57df", None))
        self.addExpertButton.setText(QCoreApplication.translate("MeetingSetupPage", u"\u6dfb\u52a0\u4e13\u5bb6", None))
        self.removeExpertButton.setText(QCoreApplication.translate("MeetingSetupPage", u"\u79fb\u51fa\u9009\u4e2d\u4e13\u5bb6", None))
        self.conflictsGroup.setTitle(QCoreApplication.translate("MeetingSetupPage", u"\u5229\u76ca\u51b2\u7a81\u4e0e\u56de\u907f", None))
        self.withdrawRecusalButton.setText(QCoreApplication.translate("MeetingSetupPage", u"\u64a4\u9500\u9009\u4e2d\u7684\u56de\u907f", None))
        self.applySuggestionButton.setText(QCoreApplication.translate("MeetingSetupPage", u"\u5c06\u9009\u4e2d\u7684\u63d0\u793a\u8bb0\u4e3a\u56de\u907f", None))
        self.recuseReasonEdit.setPlaceholderText(QCoreApplication.translate("MeetingSetupPage", u"\u56de\u907f\u7406\u7531\uff0c\u5982\uff1a\u540c\u4e00\u5355\u4f4d\u3001\u5b58\u5728\u54a8\u8be2\u670d\u52a1\u5173\u7cfb", None))
        self.recuseButton.setText(QCoreApplication.translate("MeetingSetupPage", u"\u8bb0\u5f55\u56de\u907f", None))
        pass
    # retranslateUi

