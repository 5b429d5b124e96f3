# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'application_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QSplitter, QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_ApplicationEditor(object):
    def setupUi(self, ApplicationEditor):
        if not ApplicationEditor.objectName():
            ApplicationEditor.setObjectName(u"ApplicationEditor")
        ApplicationEditor.resize(1240, 820)
        ApplicationEditor.setSizeGripEnabled(True)
        self.editorLayout = QVBoxLayout(ApplicationEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorReadOnlyLabel = QLabel(ApplicationEditor)
        self.editorReadOnlyLabel.setObjectName(u"editorReadOnlyLabel")
        self.editorReadOnlyLabel.setVisible(False)

        self.editorLayout.addWidget(self.editorReadOnlyLabel)

        self.editorSplitter = QSplitter(ApplicationEditor)
        self.editorSplitter.setObjectName(u"editorSplitter")
        self.editorSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.editorSplitter.setChildrenCollapsible(False)
        self.formTabs = QTabWidget(self.editorSplitter)
        self.formTabs.setObjectName(u"formTabs")
        self.coverTab = QWidget()
        self.coverTab.setObjectName(u"coverTab")
        self.coverTabLayout = QVBoxLayout(self.coverTab)
        self.coverTabLayout.setObjectName(u"coverTabLayout")
        self.coverGroup = QGroupBox(self.coverTab)
        self.coverGroup.setObjectName(u"coverGroup")
        self.coverForm = QFormLayout(self.coverGroup)
        self.coverForm.setObjectName(u"coverForm")
        self.coverForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.projectNameCaption = QLabel(self.coverGroup)
        self.projectNameCaption.setObjectName(u"projectNameCaption")

        self.coverForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.projectNameCaption)

        self.projectNameEdit = QLineEdit(self.coverGroup)
        self.projectNameEdit.setObjectName(u"projectNameEdit")

        self.coverForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.projectNameEdit)

        self.applicantNameCaption = QLabel(self.coverGroup)
        self.applicantNameCaption.setObjectName(u"applicantNameCaption")

        self.coverForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.applicantNameCaption)

        self.applicantNameEdit = QLineEdit(self.coverGroup)
        self.applicantNameEdit.setObjectName(u"applicantNameEdit")

        self.coverForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.applicantNameEdit)

        self.recommenderCaption = QLabel(self.coverGroup)
        self.recommenderCaption.setObjectName(u"recommenderCaption")

        self.coverForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.recommenderCaption)

        self.recommenderLabel = QLabel(self.coverGroup)
        self.recommenderLabel.setObjectName(u"recommenderLabel")
        self.recommenderLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.coverForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recommenderLabel)

        self.categoryCaption = QLabel(self.coverGroup)
        self.categoryCaption.setObjectName(u"categoryCaption")

        self.coverForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.categoryCaption)

        self.categoryCombo = QComboBox(self.coverGroup)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.coverForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.directionCaption = QLabel(self.coverGroup)
        self.directionCaption.setObjectName(u"directionCaption")

        self.coverForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.directionCaption)

        self.directionCombo = QComboBox(self.coverGroup)
        self.directionCombo.setObjectName(u"directionCombo")

        self.coverForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.directionCombo)

        self.filedOnCaption = QLabel(self.coverGroup)
        self.filedOnCaption.setObjectName(u"filedOnCaption")

        self.coverForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.filedOnCaption)

        self.filedOnEdit = QLineEdit(self.coverGroup)
        self.filedOnEdit.setObjectName(u"filedOnEdit")

        self.coverForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.filedOnEdit)

        self.countyCaption = QLabel(self.coverGroup)
        self.countyCaption.setObjectName(u"countyCaption")

        self.coverForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.countyCaption)

        self.countyCombo = QComboBox(self.coverGroup)
        self.countyCombo.setObjectName(u"countyCombo")
        self.countyCombo.setEditable(True)

        self.coverForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.countyCombo)


        self.coverTabLayout.addWidget(self.coverGroup)

        self.projectGroup = QGroupBox(self.coverTab)
        self.projectGroup.setObjectName(u"projectGroup")
        self.projectForm = QFormLayout(self.projectGroup)
        self.projectForm.setObjectName(u"projectForm")
        self.projectForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.locationCaption = QLabel(self.projectGroup)
        self.locationCaption.setObjectName(u"locationCaption")

        self.projectForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.locationCaption)

        self.locationBox = QWidget(self.projectGroup)
        self.locationBox.setObjectName(u"locationBox")
        self.locationLayout = QHBoxLayout(self.locationBox)
        self.locationLayout.setObjectName(u"locationLayout")
        self.locationLayout.setContentsMargins(0, 0, 0, 0)
        self.locationCityEdit = QLineEdit(self.locationBox)
        self.locationCityEdit.setObjectName(u"locationCityEdit")

        self.locationLayout.addWidget(self.locationCityEdit)

        self.locationCountyEdit = QLineEdit(self.locationBox)
        self.locationCountyEdit.setObjectName(u"locationCountyEdit")

        self.locationLayout.addWidget(self.locationCountyEdit)


        self.projectForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.locationBox)

        self.buildPeriodCaption = QLabel(self.projectGroup)
        self.buildPeriodCaption.setObjectName(u"buildPeriodCaption")

        self.projectForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.buildPeriodCaption)

        self.buildPeriodBox = QWidget(self.projectGroup)
        self.buildPeriodBox.setObjectName(u"buildPeriodBox")
        self.buildPeriodLayout = QHBoxLayout(self.buildPeriodBox)
        self.buildPeriodLayout.setObjectName(u"buildPeriodLayout")
        self.buildPeriodLayout.setContentsMargins(0, 0, 0, 0)
        self.buildStartEdit = QLineEdit(self.buildPeriodBox)
        self.buildStartEdit.setObjectName(u"buildStartEdit")

        self.buildPeriodLayout.addWidget(self.buildStartEdit)

        self.buildPeriodDash = QLabel(self.buildPeriodBox)
        self.buildPeriodDash.setObjectName(u"buildPeriodDash")

        self.buildPeriodLayout.addWidget(self.buildPeriodDash)

        self.buildEndEdit = QLineEdit(self.buildPeriodBox)
        self.buildEndEdit.setObjectName(u"buildEndEdit")

        self.buildPeriodLayout.addWidget(self.buildEndEdit)


        self.projectForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.buildPeriodBox)

        self.buildStatusCaption = QLabel(self.projectGroup)
        self.buildStatusCaption.setObjectName(u"buildStatusCaption")

        self.projectForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.buildStatusCaption)

        self.buildStatusCombo = QComboBox(self.projectGroup)
        self.buildStatusCombo.setObjectName(u"buildStatusCombo")

        self.projectForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.buildStatusCombo)

        self.investmentCaption = QLabel(self.projectGroup)
        self.investmentCaption.setObjectName(u"investmentCaption")

        self.projectForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.investmentCaption)

        self.investmentEdit = QLineEdit(self.projectGroup)
        self.investmentEdit.setObjectName(u"investmentEdit")

        self.projectForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.investmentEdit)

        self.innovationCaption = QLabel(self.projectGroup)
        self.innovationCaption.setObjectName(u"innovationCaption")

        self.projectForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.innovationCaption)

        self.innovationCombo = QComboBox(self.projectGroup)
        self.innovationCombo.setObjectName(u"innovationCombo")

        self.projectForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.innovationCombo)

        self.pilotYearCaption = QLabel(self.projectGroup)
        self.pilotYearCaption.setObjectName(u"pilotYearCaption")

        self.projectForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.pilotYearCaption)

        self.pilotYearEdit = QLineEdit(self.projectGroup)
        self.pilotYearEdit.setObjectName(u"pilotYearEdit")

        self.projectForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.pilotYearEdit)

        self.otherChannelCaption = QLabel(self.projectGroup)
        self.otherChannelCaption.setObjectName(u"otherChannelCaption")

        self.projectForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.otherChannelCaption)

        self.otherChannelCombo = QComboBox(self.projectGroup)
        self.otherChannelCombo.setObjectName(u"otherChannelCombo")

        self.projectForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.otherChannelCombo)

        self.priorityCaption = QLabel(self.projectGroup)
        self.priorityCaption.setObjectName(u"priorityCaption")

        self.projectForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.priorityCaption)

        self.priorityBox = QWidget(self.projectGroup)
        self.priorityBox.setObjectName(u"priorityBox")
        self.priorityLayout = QVBoxLayout(self.priorityBox)
        self.priorityLayout.setObjectName(u"priorityLayout")
        self.priorityLayout.setContentsMargins(0, 0, 0, 0)
        self.priorityBaseCheck = QCheckBox(self.priorityBox)
        self.priorityBaseCheck.setObjectName(u"priorityBaseCheck")

        self.priorityLayout.addWidget(self.priorityBaseCheck)

        self.priorityInnovationCheck = QCheckBox(self.priorityBox)
        self.priorityInnovationCheck.setObjectName(u"priorityInnovationCheck")

        self.priorityLayout.addWidget(self.priorityInnovationCheck)

        self.priorityOldAreaCheck = QCheckBox(self.priorityBox)
        self.priorityOldAreaCheck.setObjectName(u"priorityOldAreaCheck")

        self.priorityLayout.addWidget(self.priorityOldAreaCheck)

        self.priorityResultsCheck = QCheckBox(self.priorityBox)
        self.priorityResultsCheck.setObjectName(u"priorityResultsCheck")

        self.priorityLayout.addWidget(self.priorityResultsCheck)


        self.projectForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.priorityBox)

        self.noteCaption = QLabel(self.projectGroup)
        self.noteCaption.setObjectName(u"noteCaption")

        self.projectForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.noteCaption)

        self.noteEdit = QLineEdit(self.projectGroup)
        self.noteEdit.setObjectName(u"noteEdit")

        self.projectForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.coverTabLayout.addWidget(self.projectGroup)

        self.coverTabSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.coverTabLayout.addItem(self.coverTabSpacer)

        self.formTabs.addTab(self.coverTab, "")
        self.applicantTab = QWidget()
        self.applicantTab.setObjectName(u"applicantTab")
        self.applicantTabLayout = QVBoxLayout(self.applicantTab)
        self.applicantTabLayout.setObjectName(u"applicantTabLayout")
        self.applicantGroup = QGroupBox(self.applicantTab)
        self.applicantGroup.setObjectName(u"applicantGroup")
        self.applicantForm = QFormLayout(self.applicantGroup)
        self.applicantForm.setObjectName(u"applicantForm")
        self.applicantForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.usccCaption = QLabel(self.applicantGroup)
        self.usccCaption.setObjectName(u"usccCaption")

        self.applicantForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usccCaption)

        self.usccBox = QWidget(self.applicantGroup)
        self.usccBox.setObjectName(u"usccBox")
        self.usccLayout = QHBoxLayout(self.usccBox)
        self.usccLayout.setObjectName(u"usccLayout")
        self.usccLayout.setContentsMargins(0, 0, 0, 0)
        self.usccEdit = QLineEdit(self.usccBox)
        self.usccEdit.setObjectName(u"usccEdit")
        self.usccEdit.setMaxLength(24)

        self.usccLayout.addWidget(self.usccEdit)

        self.usccStatus = QLabel(self.usccBox)
        self.usccStatus.setObjectName(u"usccStatus")

        self.usccLayout.addWidget(self.usccStatus)


        self.applicantForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.usccBox)

        self.applicantTypeCaption = QLabel(self.applicantGroup)
        self.applicantTypeCaption.setObjectName(u"applicantTypeCaption")

        self.applicantForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.applicantTypeCaption)

        self.applicantTypeCombo = QComboBox(self.applicantGroup)
        self.applicantTypeCombo.setObjectName(u"applicantTypeCombo")

        self.applicantForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.applicantTypeCombo)

        self.registeredCityCaption = QLabel(self.applicantGroup)
        self.registeredCityCaption.setObjectName(u"registeredCityCaption")

        self.applicantForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.registeredCityCaption)

        self.registeredCityEdit = QLineEdit(self.applicantGroup)
        self.registeredCityEdit.setObjectName(u"registeredCityEdit")

        self.applicantForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.registeredCityEdit)

        self.registeredAddressCaption = QLabel(self.applicantGroup)
        self.registeredAddressCaption.setObjectName(u"registeredAddressCaption")

        self.applicantForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.registeredAddressCaption)

        self.registeredAddressEdit = QLineEdit(self.applicantGroup)
        self.registeredAddressEdit.setObjectName(u"registeredAddressEdit")

        self.applicantForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.registeredAddressEdit)

        self.legalBox = QWidget(self.applicantGroup)
        self.legalBox.setObjectName(u"legalBox")
        self.legalLayout = QHBoxLayout(self.legalBox)
        self.legalLayout.setObjectName(u"legalLayout")
        self.legalLayout.setContentsMargins(0, 0, 0, 0)
        self.centralCheck = QCheckBox(self.legalBox)
        self.centralCheck.setObjectName(u"centralCheck")

        self.legalLayout.addWidget(self.centralCheck)

        self.independentCheck = QCheckBox(self.legalBox)
        self.independentCheck.setObjectName(u"independentCheck")

        self.legalLayout.addWidget(self.independentCheck)

        self.legalSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.legalLayout.addItem(self.legalSpacer)


        self.applicantForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.legalBox)

        self.foundedCaption = QLabel(self.applicantGroup)
        self.foundedCaption.setObjectName(u"foundedCaption")

        self.applicantForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.foundedCaption)

        self.foundedEdit = QLineEdit(self.applicantGroup)
        self.foundedEdit.setObjectName(u"foundedEdit")

        self.applicantForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.foundedEdit)

        self.capitalCaption = QLabel(self.applicantGroup)
        self.capitalCaption.setObjectName(u"capitalCaption")

        self.applicantForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.capitalCaption)

        self.capitalEdit = QLineEdit(self.applicantGroup)
        self.capitalEdit.setObjectName(u"capitalEdit")

        self.applicantForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.capitalEdit)

        self.legalRepCaption = QLabel(self.applicantGroup)
        self.legalRepCaption.setObjectName(u"legalRepCaption")

        self.applicantForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.legalRepCaption)

        self.legalRepEdit = QLineEdit(self.applicantGroup)
        self.legalRepEdit.setObjectName(u"legalRepEdit")

        self.applicantForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.legalRepEdit)

        self.employeesCaption = QLabel(self.applicantGroup)
        self.employeesCaption.setObjectName(u"employeesCaption")

        self.applicantForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.employeesCaption)

        self.employeesEdit = QLineEdit(self.applicantGroup)
        self.employeesEdit.setObjectName(u"employeesEdit")

        self.applicantForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.employeesEdit)

        self.revenueCaption = QLabel(self.applicantGroup)
        self.revenueCaption.setObjectName(u"revenueCaption")

        self.applicantForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.revenueCaption)

        self.revenueEdit = QLineEdit(self.applicantGroup)
        self.revenueEdit.setObjectName(u"revenueEdit")

        self.applicantForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.revenueEdit)

        self.profitCaption = QLabel(self.applicantGroup)
        self.profitCaption.setObjectName(u"profitCaption")

        self.applicantForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.profitCaption)

        self.profitEdit = QLineEdit(self.applicantGroup)
        self.profitEdit.setObjectName(u"profitEdit")

        self.applicantForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.profitEdit)

        self.rndCaption = QLabel(self.applicantGroup)
        self.rndCaption.setObjectName(u"rndCaption")

        self.applicantForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.rndCaption)

        self.rndEdit = QLineEdit(self.applicantGroup)
        self.rndEdit.setObjectName(u"rndEdit")

        self.applicantForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.rndEdit)

        self.industryCaption = QLabel(self.applicantGroup)
        self.industryCaption.setObjectName(u"industryCaption")

        self.applicantForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.industryCaption)

        self.industryEdit = QLineEdit(self.applicantGroup)
        self.industryEdit.setObjectName(u"industryEdit")

        self.applicantForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.industryEdit)

        self.coApplicantsCaption = QLabel(self.applicantGroup)
        self.coApplicantsCaption.setObjectName(u"coApplicantsCaption")

        self.applicantForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.coApplicantsCaption)

        self.coApplicantsEdit = QLineEdit(self.applicantGroup)
        self.coApplicantsEdit.setObjectName(u"coApplicantsEdit")

        self.applicantForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.coApplicantsEdit)


        self.applicantTabLayout.addWidget(self.applicantGroup)

        self.contactGroup = QGroupBox(self.applicantTab)
        self.contactGroup.setObjectName(u"contactGroup")
        self.contactForm = QFormLayout(self.contactGroup)
        self.contactForm.setObjectName(u"contactForm")
        self.contactForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contactNameCaption = QLabel(self.contactGroup)
        self.contactNameCaption.setObjectName(u"contactNameCaption")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.contactNameCaption)

        self.contactNameEdit = QLineEdit(self.contactGroup)
        self.contactNameEdit.setObjectName(u"contactNameEdit")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.contactNameEdit)

        self.contactTitleCaption = QLabel(self.contactGroup)
        self.contactTitleCaption.setObjectName(u"contactTitleCaption")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contactTitleCaption)

        self.contactTitleEdit = QLineEdit(self.contactGroup)
        self.contactTitleEdit.setObjectName(u"contactTitleEdit")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.contactTitleEdit)

        self.contactPhoneCaption = QLabel(self.contactGroup)
        self.contactPhoneCaption.setObjectName(u"contactPhoneCaption")

        self.contactForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contactPhoneCaption)

        self.contactPhoneEdit = QLineEdit(self.contactGroup)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")

        self.contactForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contactPhoneEdit)

        self.contactMobileCaption = QLabel(self.contactGroup)
        self.contactMobileCaption.setObjectName(u"contactMobileCaption")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contactMobileCaption)

        self.contactMobileEdit = QLineEdit(self.contactGroup)
        self.contactMobileEdit.setObjectName(u"contactMobileEdit")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contactMobileEdit)

        self.contactEmailCaption = QLabel(self.contactGroup)
        self.contactEmailCaption.setObjectName(u"contactEmailCaption")

        self.contactForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contactEmailCaption)

        self.contactEmailEdit = QLineEdit(self.contactGroup)
        self.contactEmailEdit.setObjectName(u"contactEmailEdit")

        self.contactForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contactEmailEdit)


        self.applicantTabLayout.addWidget(self.contactGroup)

        self.applicantTabSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.applicantTabLayout.addItem(self.applicantTabSpacer)

        self.formTabs.addTab(self.applicantTab, "")
        self.attachmentsTab = QWidget()
        self.attachmentsTab.setObjectName(u"attachmentsTab")
        self.attachmentsTabLayout = QVBoxLayout(self.attachmentsTab)
        self.attachmentsTabLayout.setObjectName(u"attachmentsTabLayout")
        self.attachmentsGroup = QGroupBox(self.attachmentsTab)
        self.attachmentsGroup.setObjectName(u"attachmentsGroup")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsGroup)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsView = QTableView(self.attachmentsGroup)
        self.attachmentsView.setObjectName(u"attachmentsView")
        self.attachmentsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachmentsView.setAlternatingRowColors(True)
        self.attachmentsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachmentsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attachmentsView.setWordWrap(False)
        self.attachmentsView.horizontalHeader().setStretchLastSection(True)
        self.attachmentsView.verticalHeader().setVisible(False)

        self.attachmentsLayout.addWidget(self.attachmentsView)

        self.attachmentsButtonsLayout = QHBoxLayout()
        self.attachmentsButtonsLayout.setObjectName(u"attachmentsButtonsLayout")
        self.attachClassCaption = QLabel(self.attachmentsGroup)
        self.attachClassCaption.setObjectName(u"attachClassCaption")

        self.attachmentsButtonsLayout.addWidget(self.attachClassCaption)

        self.attachClassCombo = QComboBox(self.attachmentsGroup)
        self.attachClassCombo.setObjectName(u"attachClassCombo")

        self.attachmentsButtonsLayout.addWidget(self.attachClassCombo)

        self.attachYearCaption = QLabel(self.attachmentsGroup)
        self.attachYearCaption.setObjectName(u"attachYearCaption")

        self.attachmentsButtonsLayout.addWidget(self.attachYearCaption)

        self.attachYearSpin = QSpinBox(self.attachmentsGroup)
        self.attachYearSpin.setObjectName(u"attachYearSpin")
        self.attachYearSpin.setMinimum(0)
        self.attachYearSpin.setMaximum(2100)

        self.attachmentsButtonsLayout.addWidget(self.attachYearSpin)

        self.addFileButton = QPushButton(self.attachmentsGroup)
        self.addFileButton.setObjectName(u"addFileButton")

        self.attachmentsButtonsLayout.addWidget(self.addFileButton)

        self.openFileButton = QPushButton(self.attachmentsGroup)
        self.openFileButton.setObjectName(u"openFileButton")

        self.attachmentsButtonsLayout.addWidget(self.openFileButton)

        self.replaceFileButton = QPushButton(self.attachmentsGroup)
        self.replaceFileButton.setObjectName(u"replaceFileButton")

        self.attachmentsButtonsLayout.addWidget(self.replaceFileButton)

        self.removeFileButton = QPushButton(self.attachmentsGroup)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.attachmentsButtonsLayout.addWidget(self.removeFileButton)

        self.attachmentsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachmentsButtonsLayout.addItem(self.attachmentsSpacer)


        self.attachmentsLayout.addLayout(self.attachmentsButtonsLayout)

        self.attachmentsHint = QLabel(self.attachmentsGroup)
        self.attachmentsHint.setObjectName(u"attachmentsHint")
        self.attachmentsHint.setWordWrap(True)

        self.attachmentsLayout.addWidget(self.attachmentsHint)


        self.attachmentsTabLayout.addWidget(self.attachmentsGroup)

        self.materialsGroup = QGroupBox(self.attachmentsTab)
        self.materialsGroup.setObjectName(u"materialsGroup")
        self.materialsLayout = QVBoxLayout(self.materialsGroup)
        self.materialsLayout.setObjectName(u"materialsLayout")
        self.materialsList = QListWidget(self.materialsGroup)
        self.materialsList.setObjectName(u"materialsList")
        self.materialsList.setAlternatingRowColors(True)

        self.materialsLayout.addWidget(self.materialsList)

        self.declaredLayout = QHBoxLayout()
        self.declaredLayout.setObjectName(u"declaredLayout")
        self.creditCheck = QCheckBox(self.materialsGroup)
        self.creditCheck.setObjectName(u"creditCheck")

        self.declaredLayout.addWidget(self.creditCheck)

        self.commitmentCheck = QCheckBox(self.materialsGroup)
        self.commitmentCheck.setObjectName(u"commitmentCheck")

        self.declaredLayout.addWidget(self.commitmentCheck)

        self.declaredSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.declaredLayout.addItem(self.declaredSpacer)


        self.materialsLayout.addLayout(self.declaredLayout)


        self.attachmentsTabLayout.addWidget(self.materialsGroup)

        self.formTabs.addTab(self.attachmentsTab, "")
        self.editorSplitter.addWidget(self.formTabs)
        self.problemsGroup = QGroupBox(self.editorSplitter)
        self.problemsGroup.setObjectName(u"problemsGroup")
        self.editorProblemsLayout = QVBoxLayout(self.problemsGroup)
        self.editorProblemsLayout.setObjectName(u"editorProblemsLayout")
        self.problemsCountLabel = QLabel(self.problemsGroup)
        self.problemsCountLabel.setObjectName(u"problemsCountLabel")

        self.editorProblemsLayout.addWidget(self.problemsCountLabel)

        self.problemsView = QTableView(self.problemsGroup)
        self.problemsView.setObjectName(u"problemsView")
        self.problemsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problemsView.setAlternatingRowColors(True)
        self.problemsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problemsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemsView.setWordWrap(False)
        self.problemsView.horizontalHeader().setStretchLastSection(True)
        self.problemsView.verticalHeader().setVisible(False)

        self.editorProblemsLayout.addWidget(self.problemsView)

        self.problemClauseLabel = QLabel(self.problemsGroup)
        self.problemClauseLabel.setObjectName(u"problemClauseLabel")
        self.problemClauseLabel.setWordWrap(True)

        self.editorProblemsLayout.addWidget(self.problemClauseLabel)

        self.editorProblemButtons = QHBoxLayout()
        self.editorProblemButtons.setObjectName(u"editorProblemButtons")
        self.problemJumpButton = QPushButton(self.problemsGroup)
        self.problemJumpButton.setObjectName(u"problemJumpButton")

        self.editorProblemButtons.addWidget(self.problemJumpButton)

        self.problemOverrideButton = QPushButton(self.problemsGroup)
        self.problemOverrideButton.setObjectName(u"problemOverrideButton")

        self.editorProblemButtons.addWidget(self.problemOverrideButton)

        self.editorProblemSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editorProblemButtons.addItem(self.editorProblemSpacer)


        self.editorProblemsLayout.addLayout(self.editorProblemButtons)

        self.editorSplitter.addWidget(self.problemsGroup)

        self.editorLayout.addWidget(self.editorSplitter)

        self.editorButtonsLayout = QHBoxLayout()
        self.editorButtonsLayout.setObjectName(u"editorButtonsLayout")
        self.savedLabel = QLabel(ApplicationEditor)
        self.savedLabel.setObjectName(u"savedLabel")

        self.editorButtonsLayout.addWidget(self.savedLabel)

        self.editorButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editorButtonsLayout.addItem(self.editorButtonsSpacer)

        self.saveButton = QPushButton(ApplicationEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.editorButtonsLayout.addWidget(self.saveButton)

        self.saveCloseButton = QPushButton(ApplicationEditor)
        self.saveCloseButton.setObjectName(u"saveCloseButton")

        self.editorButtonsLayout.addWidget(self.saveCloseButton)

        self.closeButton = QPushButton(ApplicationEditor)
        self.closeButton.setObjectName(u"closeButton")

        self.editorButtonsLayout.addWidget(self.closeButton)


        self.editorLayout.addLayout(self.editorButtonsLayout)

#if QT_CONFIG(shortcut)
        self.projectNameCaption.setBuddy(self.projectNameEdit)
        self.applicantNameCaption.setBuddy(self.applicantNameEdit)
        self.recommenderCaption.setBuddy(self.recommenderLabel)
        self.categoryCaption.setBuddy(self.categoryCombo)
        self.directionCaption.setBuddy(self.directionCombo)
        self.filedOnCaption.setBuddy(self.filedOnEdit)
        self.countyCaption.setBuddy(self.countyCombo)
        self.locationCaption.setBuddy(self.locationBox)
        self.buildPeriodCaption.setBuddy(self.buildPeriodBox)
        self.buildStatusCaption.setBuddy(self.buildStatusCombo)
        self.investmentCaption.setBuddy(self.investmentEdit)
        self.innovationCaption.setBuddy(self.innovationCombo)
        self.pilotYearCaption.setBuddy(self.pilotYearEdit)
        self.otherChannelCaption.setBuddy(self.otherChannelCombo)
        self.priorityCaption.setBuddy(self.priorityBox)
        self.noteCaption.setBuddy(self.noteEdit)
        self.usccCaption.setBuddy(self.usccBox)
        self.applicantTypeCaption.setBuddy(self.applicantTypeCombo)
        self.registeredCityCaption.setBuddy(self.registeredCityEdit)
        self.registeredAddressCaption.setBuddy(self.registeredAddressEdit)
        self.foundedCaption.setBuddy(self.foundedEdit)
        self.capitalCaption.setBuddy(self.capitalEdit)
        self.legalRepCaption.setBuddy(self.legalRepEdit)
        self.employeesCaption.setBuddy(self.employeesEdit)
        self.revenueCaption.setBuddy(self.revenueEdit)
        self.profitCaption.setBuddy(self.profitEdit)
        self.rndCaption.setBuddy(self.rndEdit)
        self.industryCaption.setBuddy(self.industryEdit)
        self.coApplicantsCaption.setBuddy(self.coApplicantsEdit)
        self.contactNameCaption.setBuddy(self.contactNameEdit)
        self.contactTitleCaption.setBuddy(self.contactTitleEdit)
        self.contactPhoneCaption.setBuddy(self.contactPhoneEdit)
        self.contactMobileCaption.setBuddy(self.contactMobileEdit)
        self.contactEmailCaption.setBuddy(self.contactEmailEdit)
        self.attachClassCaption.setBuddy(self.attachClassCombo)
        self.attachYearCaption.setBuddy(self.attachYearSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.projectNameEdit, self.applicantNameEdit)
        QWidget.setTabOrder(self.applicantNameEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.directionCombo)
        QWidget.setTabOrder(self.directionCombo, self.filedOnEdit)
        QWidget.setTabOrder(self.filedOnEdit, self.countyCombo)
        QWidget.setTabOrder(self.countyCombo, self.locationCityEdit)
        QWidget.setTabOrder(self.locationCityEdit, self.locationCountyEdit)
        QWidget.setTabOrder(self.locationCountyEdit, self.buildStartEdit)
        QWidget.setTabOrder(self.buildStartEdit, self.buildEndEdit)
        QWidget.setTabOrder(self.buildEndEdit, self.buildStatusCombo)
        QWidget.setTabOrder(self.buildStatusCombo, self.investmentEdit)
        QWidget.setTabOrder(self.investmentEdit, self.innovationCombo)
        QWidget.setTabOrder(self.innovationCombo, self.pilotYearEdit)
        QWidget.setTabOrder(self.pilotYearEdit, self.otherChannelCombo)
        QWidget.setTabOrder(self.otherChannelCombo, self.priorityBaseCheck)
        QWidget.setTabOrder(self.priorityBaseCheck, self.priorityInnovationCheck)
        QWidget.setTabOrder(self.priorityInnovationCheck, self.priorityOldAreaCheck)
        QWidget.setTabOrder(self.priorityOldAreaCheck, self.priorityResultsCheck)
        QWidget.setTabOrder(self.priorityResultsCheck, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.usccEdit)
        QWidget.setTabOrder(self.usccEdit, self.applicantTypeCombo)
        QWidget.setTabOrder(self.applicantTypeCombo, self.registeredCityEdit)
        QWidget.setTabOrder(self.registeredCityEdit, self.registeredAddressEdit)
        QWidget.setTabOrder(self.registeredAddressEdit, self.centralCheck)
        QWidget.setTabOrder(self.centralCheck, self.independentCheck)
        QWidget.setTabOrder(self.independentCheck, self.foundedEdit)
        QWidget.setTabOrder(self.foundedEdit, self.capitalEdit)
        QWidget.setTabOrder(self.capitalEdit, self.legalRepEdit)
        QWidget.setTabOrder(self.legalRepEdit, self.employeesEdit)
        QWidget.setTabOrder(self.employeesEdit, self.revenueEdit)
        QWidget.setTabOrder(self.revenueEdit, self.profitEdit)
        QWidget.setTabOrder(self.profitEdit, self.rndEdit)
        QWidget.setTabOrder(self.rndEdit, self.industryEdit)
        QWidget.setTabOrder(self.industryEdit, self.coApplicantsEdit)
        QWidget.setTabOrder(self.coApplicantsEdit, self.contactNameEdit)
        QWidget.setTabOrder(self.contactNameEdit, self.contactTitleEdit)
        QWidget.setTabOrder(self.contactTitleEdit, self.contactPhoneEdit)
        QWidget.setTabOrder(self.contactPhoneEdit, self.contactMobileEdit)
        QWidget.setTabOrder(self.contactMobileEdit, self.contactEmailEdit)
        QWidget.setTabOrder(self.contactEmailEdit, self.attachClassCombo)
        QWidget.setTabOrder(self.attachClassCombo, self.attachYearSpin)
        QWidget.setTabOrder(self.attachYearSpin, self.addFileButton)
        QWidget.setTabOrder(self.addFileButton, self.openFileButton)
        QWidget.setTabOrder(self.openFileButton, self.replaceFileButton)
        QWidget.setTabOrder(self.replaceFileButton, self.removeFileButton)
        QWidget.setTabOrder(self.removeFileButton, self.materialsList)
        QWidget.setTabOrder(self.materialsList, self.creditCheck)
        QWidget.setTabOrder(self.creditCheck, self.commitmentCheck)
        QWidget.setTabOrder(self.commitmentCheck, self.problemsView)
        QWidget.setTabOrder(self.problemsView, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveCloseButton)
        QWidget.setTabOrder(self.saveCloseButton, self.closeButton)

        self.retranslateUi(ApplicationEditor)

        self.formTabs.setCurrentIndex(0)
        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(ApplicationEditor)
    # setupUi

    def retranslateUi(self, ApplicationEditor):
        ApplicationEditor.setWindowTitle(QCoreApplication.translate("ApplicationEditor", u"\u7533\u62a5\u9879\u76ee", None))
        self.editorReadOnlyLabel.setText(QCoreApplication.translate("ApplicationEditor", u"\u53ea\u8bfb\uff1a\u4e0d\u80fd\u4fdd\u5b58\u4fee\u6539", None))
        self.coverGroup.setTitle(QCoreApplication.translate("ApplicationEditor", u"\u5c01\u9762", None))
        self.projectNameCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u9879\u76ee\u540d\u79f0\uff1a", None))
        self.projectNameEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u4e0e\u7533\u62a5\u4e66\u5c01\u9762\u4e00\u81f4", None))
        self.applicantNameCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u7533\u62a5\u5355\u4f4d\uff1a", None))
        self.applicantNameEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u5355\u4f4d\u5168\u79f0\uff0c\u4e0e\u8425\u4e1a\u6267\u7167\u4e00\u81f4", None))
        self.recommenderCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u63a8\u8350\u5355\u4f4d\uff1a", None))
        self.recommenderLabel.setText("")
        self.categoryCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u7c7b\u522b\uff1a", None))
        self.directionCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u5177\u4f53\u65b9\u5411\uff1a", None))
        self.filedOnCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u7533\u62a5\u65e5\u671f\uff1a", None))
        self.filedOnEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u5982 2023-11-20", None))
        self.countyCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u6240\u5728\u53bf\u533a\uff1a", None))
        self.projectGroup.setTitle(QCoreApplication.translate("ApplicationEditor", u"\u9879\u76ee\u60c5\u51b5", None))
        self.locationCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u5b9e\u65bd\u5730\u70b9\uff1a", None))
        self.locationCityEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u5e02", None))
        self.locationCountyEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u53bf\u533a", None))
        self.buildPeriodCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u5efa\u8bbe\u8d77\u6b62\u65f6\u95f4\uff1a", None))
        self.buildStartEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u5f00\u59cb\uff0c\u5982 2021-03-01", None))
        self.buildPeriodDash.setText(QCoreApplication.translate("ApplicationEditor", u"\u81f3", None))
        self.buildEndEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u7ed3\u675f\uff0c\u5982 2023-06-30", None))
        self.buildStatusCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u5efa\u8bbe\u72b6\u6001\uff1a", None))
        self.investmentCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u603b\u6295\u8d44\uff08\u4e07\u5143\uff09\uff1a", None))
        self.innovationCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u521b\u65b0\u53d1\u5c55\u5de5\u7a0b\u9879\u76ee\uff1a", None))
        self.pilotYearCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u66fe\u5217\u5165\u8bd5\u70b9\u793a\u8303\u5e74\u4efd\uff1a", None))
        self.pilotYearEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u672a\u5217\u5165\u5219\u7559\u7a7a", None))
        self.otherChannelCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u5df2\u901a\u8fc7\u5176\u4ed6\u6e20\u9053\u63a8\u8350\uff1a", None))
        self.priorityCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u4f18\u5148\u6761\u4ef6\uff1a", None))
        self.priorityBaseCheck.setText(QCoreApplication.translate("ApplicationEditor", u"\u56fd\u5bb6\u65b0\u578b\u5de5\u4e1a\u5316\u4ea7\u4e1a\u793a\u8303\u57fa\u5730\u6216\u6210\u6548\u660e\u663e\u5e02", None))
        self.priorityInnovationCheck.setText(QCoreApplication.translate("ApplicationEditor", u"\u521b\u65b0\u53d1\u5c55\u5de5\u7a0b\u5df2\u9a8c\u6536", None))
        self.priorityOldAreaCheck.setText(QCoreApplication.translate("ApplicationEditor", u"\u9769\u547d\u8001\u533a", None))
        self.priorityResultsCheck.setText(QCoreApplication.translate("ApplicationEditor", u"\u7eff\u8272\u4f4e\u78b3/\u5b89\u5168\u751f\u4ea7/\u56fd\u9645\u5408\u4f5c/\u519b\u6c11\u878d\u5408\u6210\u6548\u663e\u8457", None))
        self.noteCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u5907\u6ce8\uff1a", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.coverTab), QCoreApplication.translate("ApplicationEditor", u"\u5c01\u9762\u4e0e\u9879\u76ee", None))
        self.applicantGroup.setTitle(QCoreApplication.translate("ApplicationEditor", u"\u7533\u62a5\u5355\u4f4d\u57fa\u672c\u60c5\u51b5", None))
        self.usccCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801\uff1a", None))
        self.usccEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"18\u4f4d", None))
        self.usccStatus.setText("")
        self.applicantTypeCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u5355\u4f4d\u7c7b\u578b\uff1a", None))
        self.registeredCityCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u6ce8\u518c\u5730\uff08\u5e02\uff09\uff1a", None))
        self.registeredCityEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u5982 \u5e7f\u5dde\u5e02", None))
        self.registeredAddressCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u6ce8\u518c\u5730\u5740\uff1a", None))
        self.centralCheck.setText(QCoreApplication.translate("ApplicationEditor", u"\u4e2d\u592e\u4f01\u4e1a", None))
        self.independentCheck.setText(QCoreApplication.translate("ApplicationEditor", u"\u72ec\u7acb\u6cd5\u4eba", None))
        self.foundedCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u6210\u7acb\u65f6\u95f4\uff1a", None))
        self.foundedEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u5982 2008-05-12", None))
        self.capitalCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u6ce8\u518c\u8d44\u672c\uff08\u4e07\u5143\uff09\uff1a", None))
        self.legalRepCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u6cd5\u5b9a\u4ee3\u8868\u4eba\uff1a", None))
        self.employeesCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u804c\u5de5\u4eba\u6570\uff1a", None))
        self.revenueCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u4e0a\u5e74\u5ea6\u8425\u4e1a\u6536\u5165\uff08\u4e07\u5143\uff09\uff1a", None))
        self.profitCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u4e0a\u5e74\u5ea6\u5229\u6da6\uff08\u4e07\u5143\uff09\uff1a", None))
        self.rndCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u4e0a\u5e74\u5ea6\u7814\u53d1\u6295\u5165\uff08\u4e07\u5143\uff09\uff1a", None))
        self.industryCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u6240\u5c5e\u884c\u4e1a\uff1a", None))
        self.coApplicantsCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u8054\u5408\u7533\u62a5\u5355\u4f4d\uff1a", None))
        self.coApplicantsEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u6ca1\u6709\u5219\u7559\u7a7a", None))
        self.contactGroup.setTitle(QCoreApplication.translate("ApplicationEditor", u"\u8054\u7cfb\u4eba", None))
        self.contactNameCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u59d3\u540d\uff1a", None))
        self.contactTitleCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u804c\u52a1\uff1a", None))
        self.contactPhoneCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u7535\u8bdd\uff1a", None))
        self.contactPhoneEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"\u5982 020-12345678", None))
        self.contactMobileCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u624b\u673a\uff1a", None))
        self.contactMobileEdit.setPlaceholderText(QCoreApplication.translate("ApplicationEditor", u"11\u4f4d\u624b\u673a\u53f7", None))
        self.contactEmailCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u90ae\u7bb1\uff1a", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.applicantTab), QCoreApplication.translate("ApplicationEditor", u"\u7533\u62a5\u5355\u4f4d\u4e0e\u8054\u7cfb\u4eba", None))
        self.attachmentsGroup.setTitle(QCoreApplication.translate("ApplicationEditor", u"\u9644\u4ef6\uff08\u53ef\u628a\u6587\u4ef6\u62d6\u5230\u8fd9\u91cc\uff09", None))
        self.attachClassCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u7c7b\u522b\uff1a", None))
        self.attachYearCaption.setText(QCoreApplication.translate("ApplicationEditor", u"\u5e74\u5ea6\uff1a", None))
        self.attachYearSpin.setSpecialValueText(QCoreApplication.translate("ApplicationEditor", u"\u2014", None))
        self.addFileButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u6dfb\u52a0\u6587\u4ef6\u2026", None))
        self.openFileButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u6253\u5f00", None))
        self.replaceFileButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u66ff\u6362\u2026", None))
        self.removeFileButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u5220\u9664", None))
        self.attachmentsHint.setText("")
        self.materialsGroup.setTitle(QCoreApplication.translate("ApplicationEditor", u"\u6750\u6599\u6e05\u5355\uff08\u7eb8\u8d28\u6750\u6599\u6536\u5230\u540e\u6253\u52fe\uff09", None))
        self.creditCheck.setText(QCoreApplication.translate("ApplicationEditor", u"\u5df2\u67e5\u8be2\u201c\u4fe1\u7528\u4e2d\u56fd\u201d", None))
        self.commitmentCheck.setText(QCoreApplication.translate("ApplicationEditor", u"\u5df2\u63d0\u4ea4\u65e0\u91cd\u5927\u4e8b\u6545\u627f\u8bfa\u51fd", None))
        self.formTabs.setTabText(self.formTabs.indexOf(self.attachmentsTab), QCoreApplication.translate("ApplicationEditor", u"\u9644\u4ef6\u4e0e\u6750\u6599", None))
        self.problemsGroup.setTitle(QCoreApplication.translate("ApplicationEditor", u"\u95ee\u9898\uff08\u968f\u586b\u5199\u5373\u65f6\u66f4\u65b0\uff09", None))
        self.problemsCountLabel.setText("")
        self.problemClauseLabel.setText("")
        self.problemJumpButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u8f6c\u5230\u5b57\u6bb5", None))
        self.problemOverrideButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u8bb0\u5f55\u8bf4\u660e\u2026", None))
        self.savedLabel.setText("")
        self.saveButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u4fdd\u5b58", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("ApplicationEditor", u"\u4fdd\u5b58\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.saveCloseButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u4fdd\u5b58\u5e76\u5173\u95ed", None))
        self.closeButton.setText(QCoreApplication.translate("ApplicationEditor", u"\u5173\u95ed", None))
    # retranslateUi

