# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout, QWidget)

class Ui_MeetingWindow(object):
    def setupUi(self, MeetingWindow):
        if not MeetingWindow.objectName():
            MeetingWindow.setObjectName(u"MeetingWindow")
        MeetingWindow.resize(1280, 800)
        self.meetingCentral = QWidget(MeetingWindow)
        self.meetingCentral.setObjectName(u"meetingCentral")
        self.meetingLayout = QVBoxLayout(self.meetingCentral)
        self.meetingLayout.setObjectName(u"meetingLayout")
        self.meetingBarLayout = QHBoxLayout()
        self.meetingBarLayout.setObjectName(u"meetingBarLayout")
        self.meetingCaption = QLabel(self.meetingCentral)
        self.meetingCaption.setObjectName(u"meetingCaption")

        self.meetingBarLayout.addWidget(self.meetingCaption)

        self.meetingCombo = QComboBox(self.meetingCentral)
        self.meetingCombo.setObjectName(u"meetingCombo")
        self.meetingCombo.setMinimumSize(QSize(420, 0))

        self.meetingBarLayout.addWidget(self.meetingCombo)

        self.newMeetingButton = QPushButton(self.meetingCentral)
        self.newMeetingButton.setObjectName(u"newMeetingButton")

        self.meetingBarLayout.addWidget(self.newMeetingButton)

        self.meetingBarSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.meetingBarLayout.addItem(self.meetingBarSpacer)

        self.lockLabel = QLabel(self.meetingCentral)
        self.lockLabel.setObjectName(u"lockLabel")

        self.meetingBarLayout.addWidget(self.lockLabel)

        self.presentButton = QPushButton(self.meetingCentral)
        self.presentButton.setObjectName(u"presentButton")

        self.meetingBarLayout.addWidget(self.presentButton)


        self.meetingLayout.addLayout(self.meetingBarLayout)

        self.emptyLabel = QLabel(self.meetingCentral)
        self.emptyLabel.setObjectName(u"emptyLabel")

        self.meetingLayout.addWidget(self.emptyLabel)

        self.meetingTabs = QTabWidget(self.meetingCentral)
        self.meetingTabs.setObjectName(u"meetingTabs")
        self.setupTab = QWidget()
        self.setupTab.setObjectName(u"setupTab")
        self.setupTabLayout = QVBoxLayout(self.setupTab)
        self.setupTabLayout.setObjectName(u"setupTabLayout")
        self.setupTabLayout.setContentsMargins(0, 0, 0, 0)
        self.meetingTabs.addTab(self.setupTab, "")
        self.scoringTab = QWidget()
        self.scoringTab.setObjectName(u"scoringTab")
        self.scoringTabLayout = QVBoxLayout(self.scoringTab)
        self.scoringTabLayout.setObjectName(u"scoringTabLayout")
        self.scoringTabLayout.setContentsMargins(0, 0, 0, 0)
        self.meetingTabs.addTab(self.scoringTab, "")
        self.resultsTab = QWidget()
        self.resultsTab.setObjectName(u"resultsTab")
        self.resultsTabLayout = QVBoxLayout(self.resultsTab)
        self.resultsTabLayout.setObjectName(u"resultsTabLayout")
        self.resultsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.meetingTabs.addTab(self.resultsTab, "")

        self.meetingLayout.addWidget(self.meetingTabs)

        self.meetingLayout.setStretch(2, 1)
        MeetingWindow.setCentralWidget(self.meetingCentral)
#if QT_CONFIG(shortcut)
        self.meetingCaption.setBuddy(self.meetingCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.meetingCombo, self.newMeetingButton)
        QWidget.setTabOrder(self.newMeetingButton, self.presentButton)
        QWidget.setTabOrder(self.presentButton, self.meetingTabs)

        self.retranslateUi(MeetingWindow)

        self.meetingTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MeetingWindow)
    # setupUi

    def retranslateUi(self, MeetingWindow):
        MeetingWindow.setWindowTitle(QCoreApplication.translate("MeetingWindow", u"\u4e13\u5bb6\u8bc4\u5ba1\u4f1a", None))
        self.meetingCaption.setText(QCoreApplication.translate("MeetingWindow", u"\u8bc4\u5ba1\u4f1a\uff1a", None))
        self.newMeetingButton.setText(QCoreApplication.translate("MeetingWindow", u"\u65b0\u5efa\u8bc4\u5ba1\u4f1a", None))
        self.lockLabel.setText("")
        self.presentButton.setText(QCoreApplication.translate("MeetingWindow", u"\u653e\u6620\uff08F5\uff09", None))
        self.emptyLabel.setText(QCoreApplication.translate("MeetingWindow", u"\u5c1a\u672a\u5efa\u7acb\u8bc4\u5ba1\u4f1a\u3002\u8bf7\u70b9\u51fb\u201c\u65b0\u5efa\u8bc4\u5ba1\u4f1a\u201d\u3002", None))
        self.meetingTabs.setTabText(self.meetingTabs.indexOf(self.setupTab), QCoreApplication.translate("MeetingWindow", u"\u4f1a\u8bae\u8bbe\u7f6e", None))
        self.meetingTabs.setTabText(self.meetingTabs.indexOf(self.scoringTab), QCoreApplication.translate("MeetingWindow", u"\u8bc4\u5206", None))
        self.meetingTabs.setTabText(self.meetingTabs.indexOf(self.resultsTab), QCoreApplication.translate("MeetingWindow", u"\u7ed3\u679c\u4e0e\u7eaa\u8981", None))
    # retranslateUi

