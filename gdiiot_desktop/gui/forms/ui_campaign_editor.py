# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'campaign_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTabWidget, QTableWidget, QTableWidgetItem, QTimeEdit, QVBoxLayout, QWidget)
class Ui_CampaignEditor(object):
    def setupUi(self, CampaignEditor):
        if not CampaignEditor.objectName():
            CampaignEditor.setObjectName(u"CampaignEditor")
        CampaignEditor.resize(1040, 680)
        self.editorLayout = QVBoxLayout(CampaignEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.introLabel = QLabel(CampaignEditor)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.introLabel)

        self.formTabs = QTabWidget(CampaignEditor)
        self.formTabs.setObjectName(u"formTabs")
        self.noticeTab = QWidget()
        self.noticeTab.setObjectName(u"noticeTab")
        self.noticeForm = QFormLayout(self.noticeTab)
        self.noticeForm.setObjectName(u"noticeForm")
        self.titleCaption = QLabel(self.noticeTab)
        self.titleCaption.setObjectName(u"titleCaption")

        self.noticeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleCaption)

        self.titleEdit = QLineEdit(self.noticeTab)
        self.titleEdit.setObjectName(u"titleEdit")

        self.noticeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.idCaption = QLabel(self.noticeTab)
        self.idCaption.setObjectName(u"idCaption")

        self.noticeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idCaption)

        self.idEdit = QLineEdit(self.noticeTab)
        self.idEdit.setObjectName(u"idEdit")

        self.noticeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idEdit)

        self.yearCaption = QLabel(self.noticeTab)
        self.yearCaption.setObjectName(u"yearCaption")

        self.noticeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.yearCaption)

        self.yearSpin = QSpinBox(self.noticeTab)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2018)
        self.yearSpin.setMaximum(2100)

        self.noticeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.submitAuthorityCaption = QLabel(self.noticeTab)
        self.submitAuthorityCaption.setObjectName(u"submitAuthorityCaption")

        self.noticeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.submitAuthorityCaption)

        self.submitAuthorityCombo = QComboBox(self.noticeTab)
        self.submitAuthorityCombo.setObjectName(u"submitAuthorityCombo")

        self.noticeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.submitAuthorityCombo)

        self.provinceNumberCaption = QLabel(self.noticeTab)
        self.provinceNumberCaption.setObjectName(u"provinceNumberCaption")

        self.noticeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.provinceNumberCaption)

        self.provinceNumberEdit = QLineEdit(self.noticeTab)
        self.provinceNumberEdit.setObjectName(u"provinceNumberEdit")

        self.noticeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.provinceNumberEdit)

        self.provinceDateCaption = QLabel(self.noticeTab)
        self.provinceDateCaption.setObjectName(u"provinceDateCaption")

        self.noticeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.provinceDateCaption)

        self.provinceDateEdit = QDateEdit(self.noticeTab)
        self.provinceDateEdit.setObjectName(u"provinceDateEdit")
        self.provinceDateEdit.setCalendarPopup(True)

        self.noticeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.provinceDateEdit)

        self.ministryNumberCaption = QLabel(self.noticeTab)
        self.ministryNumberCaption.setObjectName(u"ministryNumberCaption")

        self.noticeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ministryNumberCaption)

        self.ministryNumberEdit = QLineEdit(self.noticeTab)
        self.ministryNumberEdit.setObjectName(u"ministryNumberEdit")

        self.noticeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.ministryNumberEdit)

        self.ministryDateCaption = QLabel(self.noticeTab)
        self.ministryDateCaption.setObjectName(u"ministryDateCaption")

        self.noticeForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.ministryDateCaption)

        self.ministryDateEdit = QDateEdit(self.noticeTab)
        self.ministryDateEdit.setObjectName(u"ministryDateEdit")
        self.ministryDateEdit.setCalendarPopup(True)

        self.noticeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.ministryDateEdit)

        self.deadlineDateCaption = QLabel(self.noticeTab)
        self.deadlineDateCaption.setObjectName(u"deadlineDateCaption")

        self.noticeForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.deadlineDateCaption)

        self.deadlineDateEdit = QDateEdit(self.noticeTab)
        self.deadlineDateEdit.setObjectName(u"deadlineDateEdit")
        self.deadlineDateEdit.setCalendarPopup(True)

        self.noticeForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.deadlineDateEdit)

        self.deadlineTimeCaption = QLabel(self.noticeTab)
        self.deadlineTimeCaption.setObjectName(u"deadlineTimeCaption")

        self.noticeForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.deadlineTimeCaption)

        self.deadlineTimeEdit = QTimeEdit(self.noticeTab)
        self.deadlineTimeEdit.setObjectName(u"deadlineTimeEdit")

        self.noticeForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.deadlineTimeEdit)

        self.deadlineTextCaption = QLabel(self.noticeTab)
        self.deadlineTextCaption.setObjectName(u"deadlineTextCaption")

        self.noticeForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.deadlineTextCaption)

        self.deadlineTextEdit = QLineEdit(self.noticeTab)
        self.deadlineTextEdit.setObjectName(u"deadlineTextEdit")

        self.noticeForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.deadlineTextEdit)

        self.deadlineClauseCaption = QLabel(self.noticeTab)
        self.deadlineClauseCaption.setObjectName(u"deadlineClauseCaption")

        self.noticeForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.deadlineClauseCaption)

        self.deadlineClauseEdit = QLineEdit(self.noticeTab)
        self.deadlineClauseEdit.setObjectName(u"deadlineClauseEdit")

        self.noticeForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.deadlineClauseEdit)

        self.formTabs.addTab(self.noticeTab, "")
        self.quotaTab = QWidget()
        self.quotaTab.setObjectName(u"quotaTab")
        self.quotaLayout = QVBoxLayout(self.quotaTab)
        self.quotaLayout.setObjectName(u"quotaLayout")
        self.regionsCaption = QLabel(self.quotaTab)
        self.regionsCaption.setObjectName(u"regionsCaption")

        self.quotaLayout.addWidget(self.regionsCaption)

        self.regionsTable = QTableWidget(self.quotaTab)
        if (self.regionsTable.columnCount() < 2):
            self.regionsTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.regionsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.regionsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.regionsTable.setObjectName(u"regionsTable")
        self.regionsTable.setAlternatingRowColors(True)
        self.regionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.regionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.regionsTable.setMinimumSize(QSize(0, 130))
        self.regionsTable.horizontalHeader().setStretchLastSection(True)
        self.regionsTable.verticalHeader().setVisible(False)

        self.quotaLayout.addWidget(self.regionsTable)

        self.citiesCaption = QLabel(self.quotaTab)
        self.citiesCaption.setObjectName(u"citiesCaption")
        self.citiesCaption.setWordWrap(True)

        self.quotaLayout.addWidget(self.citiesCaption)

        self.citiesTable = QTableWidget(self.quotaTab)
        if (self.citiesTable.columnCount() < 4):
            self.citiesTable.setColumnCount(4)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.citiesTable.setHorizontalHeaderItem(0, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.citiesTable.setHorizontalHeaderItem(1, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.citiesTable.setHorizontalHeaderItem(2, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.citiesTable.setHorizontalHeaderItem(3, __qtablewidgetitem5)
        self.citiesTable.setObjectName(u"citiesTable")
        self.citiesTable.setAlternatingRowColors(True)
        self.citiesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.citiesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.citiesTable.setMinimumSize(QSize(0, 160))
        self.citiesTable.horizontalHeader().setStretchLastSection(True)
        self.citiesTable.verticalHeader().setVisible(False)

        self.quotaLayout.addWidget(self.citiesTable)

        self.formTabs.addTab(self.quotaTab, "")
        self.limitsTab = QWidget()
        self.limitsTab.setObjectName(u"limitsTab")
        self.limitsForm = QFormLayout(self.limitsTab)
        self.limitsForm.setObjectName(u"limitsForm")
        self.maxProjectsCaption = QLabel(self.limitsTab)
        self.maxProjectsCaption.setObjectName(u"maxProjectsCaption")

        self.limitsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.maxProjectsCaption)

        self.maxProjectsSpin = QSpinBox(self.limitsTab)
        self.maxProjectsSpin.setObjectName(u"maxProjectsSpin")
        self.maxProjectsSpin.setMinimum(1)
        self.maxProjectsSpin.setMaximum(99)

        self.limitsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.maxProjectsSpin)

        self.directionsPerCategoryCaption = QLabel(self.limitsTab)
        self.directionsPerCategoryCaption.setObjectName(u"directionsPerCategoryCaption")

        self.limitsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.directionsPerCategoryCaption)

        self.directionsPerCategorySpin = QSpinBox(self.limitsTab)
        self.directionsPerCategorySpin.setObjectName(u"directionsPerCategorySpin")
        self.directionsPerCategorySpin.setMinimum(1)
        self.directionsPerCategorySpin.setMaximum(99)

        self.limitsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.directionsPerCategorySpin)

        self.registeredProvinceCaption = QLabel(self.limitsTab)
        self.registeredProvinceCaption.setObjectName(u"registeredProvinceCaption")

        self.limitsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.registeredProvinceCaption)

        self.registeredProvinceEdit = QLineEdit(self.limitsTab)
        self.registeredProvinceEdit.setObjectName(u"registeredProvinceEdit")

        self.limitsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.registeredProvinceEdit)

        self.eligibleTypesCaption = QLabel(self.limitsTab)
        self.eligibleTypesCaption.setObjectName(u"eligibleTypesCaption")

        self.limitsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.eligibleTypesCaption)

        self.eligibleTypesEdit = QLineEdit(self.limitsTab)
        self.eligibleTypesEdit.setObjectName(u"eligibleTypesEdit")

        self.limitsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.eligibleTypesEdit)

        self.videoMinCaption = QLabel(self.limitsTab)
        self.videoMinCaption.setObjectName(u"videoMinCaption")

        self.limitsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.videoMinCaption)

        self.videoMinSpin = QSpinBox(self.limitsTab)
        self.videoMinSpin.setObjectName(u"videoMinSpin")
        self.videoMinSpin.setMinimum(0)
        self.videoMinSpin.setMaximum(36000)

        self.limitsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.videoMinSpin)

        self.videoMaxCaption = QLabel(self.limitsTab)
        self.videoMaxCaption.setObjectName(u"videoMaxCaption")

        self.limitsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.videoMaxCaption)

        self.videoMaxSpin = QSpinBox(self.limitsTab)
        self.videoMaxSpin.setObjectName(u"videoMaxSpin")
        self.videoMaxSpin.setMinimum(0)
        self.videoMaxSpin.setMaximum(36000)

        self.limitsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.videoMaxSpin)

        self.videoToleranceCaption = QLabel(self.limitsTab)
        self.videoToleranceCaption.setObjectName(u"videoToleranceCaption")

        self.limitsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.videoToleranceCaption)

        self.videoToleranceSpin = QDoubleSpinBox(self.limitsTab)
        self.videoToleranceSpin.setObjectName(u"videoToleranceSpin")
        self.videoToleranceSpin.setMaximum(60.000000000000000)
        self.videoToleranceSpin.setSingleStep(0.500000000000000)

        self.limitsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.videoToleranceSpin)

        self.videoFormatsCaption = QLabel(self.limitsTab)
        self.videoFormatsCaption.setObjectName(u"videoFormatsCaption")

        self.limitsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.videoFormatsCaption)

        self.videoFormatsEdit = QLineEdit(self.limitsTab)
        self.videoFormatsEdit.setObjectName(u"videoFormatsEdit")

        self.limitsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.videoFormatsEdit)

        self.periodCaption = QLabel(self.limitsTab)
        self.periodCaption.setObjectName(u"periodCaption")

        self.limitsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.periodCaption)

        self.periodSpin = QSpinBox(self.limitsTab)
        self.periodSpin.setObjectName(u"periodSpin")
        self.periodSpin.setMinimum(0)
        self.periodSpin.setMaximum(20)

        self.limitsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.periodSpin)

        self.summaryCopiesCaption = QLabel(self.limitsTab)
        self.summaryCopiesCaption.setObjectName(u"summaryCopiesCaption")

        self.limitsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.summaryCopiesCaption)

        self.summaryCopiesSpin = QSpinBox(self.limitsTab)
        self.summaryCopiesSpin.setObjectName(u"summaryCopiesSpin")
        self.summaryCopiesSpin.setMinimum(0)
        self.summaryCopiesSpin.setMaximum(99)

        self.limitsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.summaryCopiesSpin)

        self.paperCopiesCaption = QLabel(self.limitsTab)
        self.paperCopiesCaption.setObjectName(u"paperCopiesCaption")

        self.limitsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.paperCopiesCaption)

        self.paperCopiesSpin = QSpinBox(self.limitsTab)
        self.paperCopiesSpin.setObjectName(u"paperCopiesSpin")
        self.paperCopiesSpin.setMinimum(0)
        self.paperCopiesSpin.setMaximum(99)

        self.limitsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.paperCopiesSpin)

        self.discCopiesCaption = QLabel(self.limitsTab)
        self.discCopiesCaption.setObjectName(u"discCopiesCaption")

        self.limitsForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.discCopiesCaption)

        self.discCopiesSpin = QSpinBox(self.limitsTab)
        self.discCopiesSpin.setObjectName(u"discCopiesSpin")
        self.discCopiesSpin.setMinimum(0)
        self.discCopiesSpin.setMaximum(99)

        self.limitsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.discCopiesSpin)

        self.formTabs.addTab(self.limitsTab, "")
        self.materialsTab = QWidget()
        self.materialsTab.setObjectName(u"materialsTab")
        self.materialsLayout = QVBoxLayout(self.materialsTab)
        self.materialsLayout.setObjectName(u"materialsLayout")
        self.materialsCaption = QLabel(self.materialsTab)
        self.materialsCaption.setObjectName(u"materialsCaption")
        self.materialsCaption.setWordWrap(True)

        self.materialsLayout.addWidget(self.materialsCaption)

        self.materialsTable = QTableWidget(self.materialsTab)
        if (self.materialsTable.columnCount() < 7):
            self.materialsTable.setColumnCount(7)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.materialsTable.setHorizontalHeaderItem(0, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.materialsTable.setHorizontalHeaderItem(1, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.materialsTable.setHorizontalHeaderItem(2, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.materialsTable.setHorizontalHeaderItem(3, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.materialsTable.setHorizontalHeaderItem(4, __qtablewidgetitem10)
        __qtablewidgetitem11 = QTableWidgetItem()
        self.materialsTable.setHorizontalHeaderItem(5, __qtablewidgetitem11)
        __qtablewidgetitem12 = QTableWidgetItem()
        self.materialsTable.setHorizontalHeaderItem(6, __qtablewidgetitem12)
        self.materialsTable.setObjectName(u"materialsTable")
        self.materialsTable.setAlternatingRowColors(True)
        self.materialsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.materialsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.materialsTable.setMinimumSize(QSize(0, 220))
        self.materialsTable.horizontalHeader().setStretchLastSection(True)
        self.materialsTable.verticalHeader().setVisible(False)

        self.materialsLayout.addWidget(self.materialsTable)

        self.materialsButtons = QHBoxLayout()
        self.materialsButtons.setObjectName(u"materialsButtons")
        self.addMaterialButton = QPushButton(self.materialsTab)
        self.addMaterialButton.setObjectName(u"addMaterialButton")

        self.materialsButtons.addWidget(self.addMaterialButton)

        self.removeMaterialButton = QPushButton(self.materialsTab)
        self.removeMaterialButton.setObjectName(u"removeMaterialButton")

        self.materialsButtons.addWidget(self.removeMaterialButton)

        self.materialsButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.materialsButtons.addItem(self.materialsButtonsSpacer)


        self.materialsLayout.addLayout(self.materialsButtons)

        self.formTabs.addTab(self.materialsTab, "")
        self.rulesTab = QWidget()
        self.rulesTab.setObjectName(u"rulesTab")
        self.rulesLayout = QVBoxLayout(self.rulesTab)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesTable = QTableWidget(self.rulesTab)
        if (self.rulesTable.columnCount() < 4):
            self.rulesTable.setColumnCount(4)
        __qtablewidgetitem13 = QTableWidgetItem()
        self.rulesTable.setHorizontalHeaderItem(0, __qtablewidgetitem13)
        __qtablewidgetitem14 = QTableWidgetItem()
        self.rulesTable.setHorizontalHeaderItem(1, __qtablewidgetitem14)
        __qtablewidgetitem15 = QTableWidgetItem()
        self.rulesTable.setHorizontalHeaderItem(2, __qtablewidgetitem15)
        __qtablewidgetitem16 = QTableWidgetItem()
        self.rulesTable.setHorizontalHeaderItem(3, __qtablewidgetitem16)
        self.rulesTable.setObjectName(u"rulesTable")
        self.rulesTable.setAlternatingRowColors(True)
        self.rulesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rulesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rulesTable.setMinimumSize(QSize(0, 220))
        self.rulesTable.horizontalHeader().setStretchLastSection(True)
        self.rulesTable.verticalHeader().setVisible(False)

        self.rulesLayout.addWidget(self.rulesTable)

        self.clauseTextCaption = QLabel(self.rulesTab)
        self.clauseTextCaption.setObjectName(u"clauseTextCaption")

        self.rulesLayout.addWidget(self.clauseTextCaption)

        self.clauseTextEdit = QPlainTextEdit(self.rulesTab)
        self.clauseTextEdit.setObjectName(u"clauseTextEdit")
        self.clauseTextEdit.setMaximumSize(QSize(16777215, 90))
        self.clauseTextEdit.setTabChangesFocus(True)

        self.rulesLayout.addWidget(self.clauseTextEdit)

        self.formTabs.addTab(self.rulesTab, "")
        self.directionsTab = QWidget()
        self.directionsTab.setObjectName(u"directionsTab")
        self.directionsLayout = QVBoxLayout(self.directionsTab)
        self.directionsLayout.setObjectName(u"directionsLayout")
        self.directionsTop = QHBoxLayout()
        self.directionsTop.setObjectName(u"directionsTop")
        self.categoriesTable = QTableWidget(self.directionsTab)
        if (self.categoriesTable.columnCount() < 2):
            self.categoriesTable.setColumnCount(2)
        __qtablewidgetitem17 = QTableWidgetItem()
        self.categoriesTable.setHorizontalHeaderItem(0, __qtablewidgetitem17)
        __qtablewidgetitem18 = QTableWidgetItem()
        self.categoriesTable.setHorizontalHeaderItem(1, __qtablewidgetitem18)
        self.categoriesTable.setObjectName(u"categoriesTable")
        self.categoriesTable.setAlternatingRowColors(True)
        self.categoriesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.categoriesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.categoriesTable.setMinimumSize(QSize(0, 150))
        self.categoriesTable.horizontalHeader().setStretchLastSection(True)
        self.categoriesTable.verticalHeader().setVisible(False)

        self.directionsTop.addWidget(self.categoriesTable)

        self.directionsCounts = QFormLayout()
        self.directionsCounts.setObjectName(u"directionsCounts")
        self.expectedTotalCaption = QLabel(self.directionsTab)
        self.expectedTotalCaption.setObjectName(u"expectedTotalCaption")

        self.directionsCounts.setWidget(0, QFormLayout.ItemRole.LabelRole, self.expectedTotalCaption)

        self.expectedTotalSpin = QSpinBox(self.directionsTab)
        self.expectedTotalSpin.setObjectName(u"expectedTotalSpin")
        self.expectedTotalSpin.setMinimum(0)
        self.expectedTotalSpin.setMaximum(999)

        self.directionsCounts.setWidget(0, QFormLayout.ItemRole.FieldRole, self.expectedTotalSpin)

        self.expectedMiitCaption = QLabel(self.directionsTab)
        self.expectedMiitCaption.setObjectName(u"expectedMiitCaption")

        self.directionsCounts.setWidget(1, QFormLayout.ItemRole.LabelRole, self.expectedMiitCaption)

        self.expectedMiitSpin = QSpinBox(self.directionsTab)
        self.expectedMiitSpin.setObjectName(u"expectedMiitSpin")
        self.expectedMiitSpin.setMinimum(0)
        self.expectedMiitSpin.setMaximum(999)

        self.directionsCounts.setWidget(1, QFormLayout.ItemRole.FieldRole, self.expectedMiitSpin)

        self.expectedCaCaption = QLabel(self.directionsTab)
        self.expectedCaCaption.setObjectName(u"expectedCaCaption")

        self.directionsCounts.setWidget(2, QFormLayout.ItemRole.LabelRole, self.expectedCaCaption)

        self.expectedCaSpin = QSpinBox(self.directionsTab)
        self.expectedCaSpin.setObjectName(u"expectedCaSpin")
        self.expectedCaSpin.setMinimum(0)
        self.expectedCaSpin.setMaximum(999)

        self.directionsCounts.setWidget(2, QFormLayout.ItemRole.FieldRole, self.expectedCaSpin)

        self.directionsNoteCaption = QLabel(self.directionsTab)
        self.directionsNoteCaption.setObjectName(u"directionsNoteCaption")

        self.directionsCounts.setWidget(3, QFormLayout.ItemRole.LabelRole, self.directionsNoteCaption)

        self.directionsNoteEdit = QLineEdit(self.directionsTab)
        self.directionsNoteEdit.setObjectName(u"directionsNoteEdit")

        self.directionsCounts.setWidget(3, QFormLayout.ItemRole.FieldRole, self.directionsNoteEdit)

        self.directionsConfirmedCheck = QCheckBox(self.directionsTab)
        self.directionsConfirmedCheck.setObjectName(u"directionsConfirmedCheck")

        self.directionsCounts.setWidget(4, QFormLayout.ItemRole.FieldRole, self.directionsConfirmedCheck)


        self.directionsTop.addLayout(self.directionsCounts)


        self.directionsLayout.addLayout(self.directionsTop)

        self.directionsTable = QTableWidget(self.directionsTab)
        if (self.directionsTable.columnCount() < 5):
            self.directionsTable.setColumnCount(5)
        __qtablewidgetitem19 = QTableWidgetItem()
        self.directionsTable.setHorizontalHeaderItem(0, __qtablewidgetitem19)
        __qtablewidgetitem20 = QTableWidgetItem()
        self.directionsTable.setHorizontalHeaderItem(1, __qtablewidgetitem20)
        __qtablewidgetitem21 = QTableWidgetItem()
        self.directionsTable.setHorizontalHeaderItem(2, __qtablewidgetitem21)
        __qtablewidgetitem22 = QTableWidgetItem()
        self.directionsTable.setHorizontalHeaderItem(3, __qtablewidgetitem22)
        __qtablewidgetitem23 = QTableWidgetItem()
        self.directionsTable.setHorizontalHeaderItem(4, __qtablewidgetitem23)
        self.directionsTable.setObjectName(u"directionsTable")
        self.directionsTable.setAlternatingRowColors(True)
        self.directionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.directionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.directionsTable.setMinimumSize(QSize(0, 200))
        self.directionsTable.horizontalHeader().setStretchLastSection(True)
        self.directionsTable.verticalHeader().setVisible(False)

        self.directionsLayout.addWidget(self.directionsTable)

        self.directionsButtons = QHBoxLayout()
        self.directionsButtons.setObjectName(u"directionsButtons")
        self.addDirectionButton = QPushButton(self.directionsTab)
        self.addDirectionButton.setObjectName(u"addDirectionButton")

        self.directionsButtons.addWidget(self.addDirectionButton)

        self.removeDirectionButton = QPushButton(self.directionsTab)
        self.removeDirectionButton.setObjectName(u"removeDirectionButton")

        self.directionsButtons.addWidget(self.removeDirectionButton)

        self.importDirectionsButton = QPushButton(self.directionsTab)
        self.importDirectionsButton.setObjectName(u"importDirectionsButton")

        self.directionsButtons.addWidget(self.importDirectionsButton)

        self.exportDirectionsButton = QPushButton(self.directionsTab)
        self.exportDirectionsButton.setObjectName(u"exportDirectionsButton")

        self.directionsButtons.addWidget(self.exportDirectionsButton)

        self.directionsButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.directionsButtons.addItem(self.directionsButtonsSpacer)


        self.directionsLayout.addLayout(self.directionsButtons)

        self.formTabs.addTab(self.directionsTab, "")
        self.diffTab = QWidget()
        self.diffTab.setObjectName(u"diffTab")
        self.diffLayout = QVBoxLayout(self.diffTab)
        self.diffLayout.setObjectName(u"diffLayout")
        self.diffCaption = QLabel(self.diffTab)
        self.diffCaption.setObjectName(u"diffCaption")
        self.diffCaption.setWordWrap(True)

        self.diffLayout.addWidget(self.diffCaption)

        self.diffList = QListWidget(self.diffTab)
        self.diffList.setObjectName(u"diffList")
        self.diffList.setAlternatingRowColors(True)

        self.diffLayout.addWidget(self.diffList)

        self.formTabs.addTab(self.diffTab, "")

        self.editorLayout.addWidget(self.formTabs)

        self.problemsLabel = QLabel(CampaignEditor)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.problemsLabel)

        self.problemsList = QListWidget(CampaignEditor)
        self.problemsList.setObjectName(u"problemsList")
        self.problemsList.setMaximumSize(QSize(16777215, 96))

        self.editorLayout.addWidget(self.problemsList)

        self.bottomButtons = QHBoxLayout()
        self.bottomButtons.setObjectName(u"bottomButtons")
        self.bottomSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomButtons.addItem(self.bottomSpacer)

        self.saveButton = QPushButton(CampaignEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.bottomButtons.addWidget(self.saveButton)

        self.closeButton = QPushButton(CampaignEditor)
        self.closeButton.setObjectName(u"closeButton")

        self.bottomButtons.addWidget(self.closeButton)


        self.editorLayout.addLayout(self.bottomButtons)

#if QT_CONFIG(shortcut)
        self.titleCaption.setBuddy(self.titleEdit)
        self.idCaption.setBuddy(self.idEdit)
        self.yearCaption.setBuddy(self.yearSpin)
        self.submitAuthorityCaption.setBuddy(self.submitAuthorityCombo)
        self.provinceNumberCaption.setBuddy(self.provinceNumberEdit)
        self.provinceDateCaption.setBuddy(self.provinceDateEdit)
        self.ministryNumberCaption.setBuddy(self.ministryNumberEdit)
        self.ministryDateCaption.setBuddy(self.ministryDateEdit)
        self.deadlineDateCaption.setBuddy(self.deadlineDateEdit)
        self.deadlineTimeCaption.setBuddy(self.deadlineTimeEdit)
        self.deadlineTextCaption.setBuddy(self.deadlineTextEdit)
        self.deadlineClauseCaption.setBuddy(self.deadlineClauseEdit)
        self.regionsCaption.setBuddy(self.regionsTable)
        self.citiesCaption.setBuddy(self.citiesTable)
        self.maxProjectsCaption.setBuddy(self.maxProjectsSpin)
        self.directionsPerCategoryCaption.setBuddy(self.directionsPerCategorySpin)
        self.registeredProvinceCaption.setBuddy(self.registeredProvinceEdit)
        self.eligibleTypesCaption.setBuddy(self.eligibleTypesEdit)
        self.videoMinCaption.setBuddy(self.videoMinSpin)
        self.videoMaxCaption.setBuddy(self.videoMaxSpin)
        self.videoToleranceCaption.setBuddy(self.videoToleranceSpin)
        self.videoFormatsCaption.setBuddy(self.videoFormatsEdit)
        self.periodCaption.setBuddy(self.periodSpin)
        self.summaryCopiesCaption.setBuddy(self.summaryCopiesSpin)
        self.paperCopiesCaption.setBuddy(self.paperCopiesSpin)
        self.discCopiesCaption.setBuddy(self.discCopiesSpin)
        self.clauseTextCaption.setBuddy(self.clauseTextEdit)
        self.expectedTotalCaption.setBuddy(self.expectedTotalSpin)
        self.expectedMiitCaption.setBuddy(self.expectedMiitSpin)
        self.expectedCaCaption.setBuddy(self.expectedCaSpin)
        self.directionsNoteCaption.setBuddy(self.directionsNoteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CampaignEditor)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(CampaignEditor)
    # setupUi

    def retranslateUi(self, CampaignEditor):
        CampaignEditor.setWindowTitle(QCoreApplication.translate("CampaignEditor", u"\u65b0\u5efa\u7533\u62a5\u6279\u6b21\uff08\u6d3b\u52a8\u6587\u4ef6\uff09", None))
        self.introLabel.setText("")
        self.titleCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u6d3b\u52a8\u540d\u79f0\uff1a", None))
        self.idCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u6d3b\u52a8\u7f16\u53f7\uff1a", None))
        self.idEdit.setPlaceholderText(QCoreApplication.translate("CampaignEditor", u"\u5c0f\u5199\u82f1\u6587\u5b57\u6bcd\u3001\u6570\u5b57\u548c\u8fde\u5b57\u7b26\uff08-\uff09\uff0c\u4ee5\u5e74\u4efd\u5f00\u5934", None))
        self.yearCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u6d3b\u52a8\u5e74\u5ea6\uff1a", None))
        self.submitAuthorityCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u62a5\u9001\u6e20\u9053\uff1a", None))
        self.provinceNumberCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u7701\u901a\u77e5\u6587\u53f7\uff1a", None))
        self.provinceDateCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u7701\u901a\u77e5\u65e5\u671f\uff1a", None))
        self.provinceDateEdit.setDisplayFormat(QCoreApplication.translate("CampaignEditor", u"yyyy-MM-dd", None))
        self.ministryNumberCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u90e8\u901a\u77e5\u6587\u53f7\uff1a", None))
        self.ministryDateCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u90e8\u901a\u77e5\u65e5\u671f\uff1a", None))
        self.ministryDateEdit.setDisplayFormat(QCoreApplication.translate("CampaignEditor", u"yyyy-MM-dd", None))
        self.deadlineDateCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u62a5\u9001\u622a\u6b62\u65e5\u671f\uff1a", None))
        self.deadlineDateEdit.setDisplayFormat(QCoreApplication.translate("CampaignEditor", u"yyyy-MM-dd", None))
        self.deadlineTimeCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u622a\u6b62\u65f6\u523b\uff1a", None))
        self.deadlineTimeEdit.setDisplayFormat(QCoreApplication.translate("CampaignEditor", u"HH:mm", None))
        self.deadlineTextCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u622a\u6b62\u65f6\u95f4\u539f\u6587\uff1a", None))
        self.deadlineTextEdit.setPlaceholderText(QCoreApplication.translate("CampaignEditor", u"\u901a\u77e5\u4e2d\u7684\u539f\u8bdd\uff0c\u5982 12\u67088\u65e5\u4e0b\u5348\u4e0b\u73ed\u524d\uff08\u4ee5\u9001\u8fbe\u65f6\u95f4\u4e3a\u51c6\uff09", None))
        self.deadlineClauseCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u622a\u6b62\u65f6\u95f4\u6761\u6b3e\uff1a", None))
        self.deadlineClauseEdit.setPlaceholderText(QCoreApplication.translate("CampaignEditor", u"\u5982 \u56db(\u4e00)", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.noticeTab), QCoreApplication.translate("CampaignEditor", u"\u901a\u77e5\u4e0e\u622a\u6b62\u65f6\u95f4", None))
        self.regionsCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u5404\u5730\u533a\u6bcf\u4e2a\u5730\u5e02\u7684\u63a8\u8350\u6307\u6807\uff1a", None))
        ___qtablewidgetitem = self.regionsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CampaignEditor", u"\u5730\u533a", None))
        ___qtablewidgetitem1 = self.regionsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CampaignEditor", u"\u63a8\u8350\u6307\u6807", None))
        self.citiesCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u5730\u5e02\uff08\u76f4\u62a5\u6307\u6807\uff1a\u8ba1\u5212\u5355\u5217\u5e02\u7b49\u76f4\u63a5\u62a5\u9001\u7684\u57ce\u5e02\u7684\u540d\u989d\uff0c\u7a7a\u767d\u8868\u793a\u6309\u6240\u5c5e\u5730\u533a\u7684\u6307\u6807\uff09\uff1a", None))
        ___qtablewidgetitem2 = self.citiesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CampaignEditor", u"\u57ce\u5e02", None))
        ___qtablewidgetitem3 = self.citiesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CampaignEditor", u"\u884c\u653f\u533a\u5212\u4ee3\u7801", None))
        ___qtablewidgetitem4 = self.citiesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("CampaignEditor", u"\u6240\u5c5e\u5730\u533a", None))
        ___qtablewidgetitem5 = self.citiesTable.horizontalHeaderItem(3)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("CampaignEditor", u"\u76f4\u62a5\u6307\u6807", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.quotaTab), QCoreApplication.translate("CampaignEditor", u"\u63a8\u8350\u540d\u989d", None))
        self.maxProjectsCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u6bcf\u4e2a\u7533\u62a5\u4e3b\u4f53\u6700\u591a\u9879\u76ee\u6570\uff1a", None))
        self.maxProjectsSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u4e2a", None))
        self.directionsPerCategoryCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u540c\u4e00\u7c7b\u578b\u53ef\u7533\u62a5\u65b9\u5411\u6570\uff1a", None))
        self.directionsPerCategorySpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u4e2a", None))
        self.registeredProvinceCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u6ce8\u518c\u5730\u6240\u5728\u7701\uff1a", None))
        self.eligibleTypesCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u53ef\u7533\u62a5\u7684\u5355\u4f4d\u7c7b\u578b\uff1a", None))
        self.eligibleTypesEdit.setPlaceholderText(QCoreApplication.translate("CampaignEditor", u"\u7528\u987f\u53f7\u5206\u9694\uff0c\u5982 \u5de5\u4e1a\u4f01\u4e1a\u3001\u4fe1\u606f\u6280\u672f\u4f01\u4e1a", None))
        self.videoMinCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u89c6\u9891\u6700\u77ed\u65f6\u957f\uff1a", None))
        self.videoMinSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u79d2", None))
        self.videoMaxCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u89c6\u9891\u6700\u957f\u65f6\u957f\uff1a", None))
        self.videoMaxSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u79d2", None))
        self.videoToleranceCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u89c6\u9891\u65f6\u957f\u5bb9\u5dee\uff1a", None))
        self.videoToleranceSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u79d2", None))
        self.videoFormatsCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u53ef\u8bfb\u53d6\u7684\u89c6\u9891\u683c\u5f0f\uff1a", None))
        self.videoFormatsEdit.setPlaceholderText(QCoreApplication.translate("CampaignEditor", u"\u7528\u987f\u53f7\u5206\u9694\u7684\u6269\u5c55\u540d\uff0c\u5982 mp4\u3001mov", None))
        self.periodCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u793a\u8303\u671f\uff1a", None))
        self.periodSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u5e74", None))
        self.summaryCopiesCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u63a8\u8350\u8868\u4efd\u6570\uff1a", None))
        self.summaryCopiesSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u4efd", None))
        self.paperCopiesCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u7eb8\u8d28\u6750\u6599\u4efd\u6570\uff1a", None))
        self.paperCopiesSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u4efd", None))
        self.discCopiesCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u5149\u76d8\u4efd\u6570\uff1a", None))
        self.discCopiesSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u4efd", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.limitsTab), QCoreApplication.translate("CampaignEditor", u"\u7533\u62a5\u8981\u6c42", None))
        self.materialsCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u6309\u7eb8\u8d28\u6750\u6599\u88c5\u8ba2\u7684\u987a\u5e8f\u6392\u5217\uff1b\u201c\u7f3a\u5c11\u65f6\u7684\u7ea7\u522b\u201d\u51b3\u5b9a\u7f3a\u5c11\u8be5\u6750\u6599\u65f6\u63d0\u793a\u7684\u8f7b\u91cd\u3002", None))
        ___qtablewidgetitem6 = self.materialsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("CampaignEditor", u"\u7f16\u53f7", None))
        ___qtablewidgetitem7 = self.materialsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("CampaignEditor", u"\u540d\u79f0", None))
        ___qtablewidgetitem8 = self.materialsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("CampaignEditor", u"\u9644\u4ef6\u7c7b\u522b", None))
        ___qtablewidgetitem9 = self.materialsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("CampaignEditor", u"\u5fc5\u987b\u63d0\u4f9b", None))
        ___qtablewidgetitem10 = self.materialsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("CampaignEditor", u"\u7f3a\u5c11\u65f6\u7684\u7ea7\u522b", None))
        ___qtablewidgetitem11 = self.materialsTable.horizontalHeaderItem(5)
        ___qtablewidgetitem11.setText(QCoreApplication.translate("CampaignEditor", u"\u6700\u5c11\u4efd\u6570", None))
        ___qtablewidgetitem12 = self.materialsTable.horizontalHeaderItem(6)
        ___qtablewidgetitem12.setText(QCoreApplication.translate("CampaignEditor", u"\u6309\u5e74\u5ea6\u533a\u5206", None))
        self.addMaterialButton.setText(QCoreApplication.translate("CampaignEditor", u"\u6dfb\u52a0\u6750\u6599", None))
        self.removeMaterialButton.setText(QCoreApplication.translate("CampaignEditor", u"\u5220\u9664\u6240\u9009\u6750\u6599", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.materialsTab), QCoreApplication.translate("CampaignEditor", u"\u7533\u62a5\u6750\u6599", None))
        ___qtablewidgetitem13 = self.rulesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem13.setText(QCoreApplication.translate("CampaignEditor", u"\u89c4\u5219\u540d\u79f0", None))
        ___qtablewidgetitem14 = self.rulesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem14.setText(QCoreApplication.translate("CampaignEditor", u"\u7ea7\u522b", None))
        ___qtablewidgetitem15 = self.rulesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem15.setText(QCoreApplication.translate("CampaignEditor", u"\u53ef\u8bf4\u660e\u7406\u7531\u540e\u63a5\u53d7", None))
        ___qtablewidgetitem16 = self.rulesTable.horizontalHeaderItem(3)
        ___qtablewidgetitem16.setText(QCoreApplication.translate("CampaignEditor", u"\u6761\u6b3e", None))
        self.clauseTextCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u6240\u9009\u89c4\u5219\u7684\u6761\u6b3e\u539f\u6587\uff1a", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.rulesTab), QCoreApplication.translate("CampaignEditor", u"\u89c4\u5219\u4e0e\u6761\u6b3e", None))
        ___qtablewidgetitem17 = self.categoriesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem17.setText(QCoreApplication.translate("CampaignEditor", u"\u7c7b\u522b\u7f16\u53f7", None))
        ___qtablewidgetitem18 = self.categoriesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem18.setText(QCoreApplication.translate("CampaignEditor", u"\u7c7b\u522b\u540d\u79f0", None))
        self.expectedTotalCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u5e94\u6709\u65b9\u5411\u603b\u6570\uff1a", None))
        self.expectedTotalSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u4e2a", None))
        self.expectedMiitCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u5de5\u4fe1\u5385\u8d1f\u8d23\uff1a", None))
        self.expectedMiitSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u4e2a", None))
        self.expectedCaCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u901a\u4fe1\u7ba1\u7406\u5c40\u8d1f\u8d23\uff1a", None))
        self.expectedCaSpin.setSuffix(QCoreApplication.translate("CampaignEditor", u" \u4e2a", None))
        self.directionsNoteCaption.setText(QCoreApplication.translate("CampaignEditor", u"\u6e05\u5355\u8bf4\u660e\uff1a", None))
        self.directionsConfirmedCheck.setText(QCoreApplication.translate("CampaignEditor", u"\u65b9\u5411\u540d\u79f0\u5df2\u4e0e\u901a\u77e5\u9644\u4ef6\u6838\u5bf9\uff08\u6b63\u5f0f\u6e05\u5355\uff09", None))
        ___qtablewidgetitem19 = self.directionsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem19.setText(QCoreApplication.translate("CampaignEditor", u"\u5e8f\u53f7", None))
        ___qtablewidgetitem20 = self.directionsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem20.setText(QCoreApplication.translate("CampaignEditor", u"\u7f16\u53f7", None))
        ___qtablewidgetitem21 = self.directionsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem21.setText(QCoreApplication.translate("CampaignEditor", u"\u7c7b\u522b", None))
        ___qtablewidgetitem22 = self.directionsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem22.setText(QCoreApplication.translate("CampaignEditor", u"\u65b9\u5411\u540d\u79f0", None))
        ___qtablewidgetitem23 = self.directionsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem23.setText(QCoreApplication.translate("CampaignEditor", u"\u8d1f\u8d23\u5355\u4f4d", None))
        self.addDirectionButton.setText(QCoreApplication.translate("CampaignEditor", u"\u6dfb\u52a0\u65b9\u5411", None))
        self.removeDirectionButton.setText(QCoreApplication.translate("CampaignEditor", u"\u5220\u9664\u6240\u9009\u65b9\u5411", None))
        self.importDirectionsButton.setText(QCoreApplication.translate("CampaignEditor", u"\u4ece Excel \u5bfc\u5165\u2026", None))
        self.exportDirectionsButton.setText(QCoreApplication.translate("CampaignEditor", u"\u5bfc\u51fa\u4e3a Excel\u2026", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.directionsTab), QCoreApplication.translate("CampaignEditor", u"\u65b9\u5411\u6e05\u5355", None))
        self.diffCaption.setText("")
        self.formTabs.setTabText(self.formTabs.indexOf(self.diffTab), QCoreApplication.translate("CampaignEditor", u"\u4e0e\u539f\u6d3b\u52a8\u7684\u4e0d\u540c", None))
        self.problemsLabel.setText("")
        self.saveButton.setText(QCoreApplication.translate("CampaignEditor", u"\u4fdd\u5b58\u4e3a\u6d3b\u52a8\u6587\u4ef6\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("CampaignEditor", u"\u5173\u95ed", None))
    # retranslateUi

