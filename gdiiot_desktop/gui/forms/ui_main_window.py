# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QMainWindow, QSizePolicy,
    QSpacerItem, QStatusBar, QTableView, QVBoxLayout,
    QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1200, 760)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(8)
        self.centralLayout.setObjectName(u"centralLayout")
        self.headerFrame = QFrame(self.centralWidget)
        self.headerFrame.setObjectName(u"headerFrame")
        self.headerFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.headerLayout = QHBoxLayout(self.headerFrame)
        self.headerLayout.setSpacing(6)
        self.headerLayout.setObjectName(u"headerLayout")
        self.cityCaption = QLabel(self.headerFrame)
        self.cityCaption.setObjectName(u"cityCaption")

        self.headerLayout.addWidget(self.cityCaption)

        self.cityLabel = QLabel(self.headerFrame)
        self.cityLabel.setObjectName(u"cityLabel")
        self.cityLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.cityLabel)

        self.headerSpacer1 = QSpacerItem(24, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer1)

        self.campaignCaption = QLabel(self.headerFrame)
        self.campaignCaption.setObjectName(u"campaignCaption")

        self.headerLayout.addWidget(self.campaignCaption)

        self.campaignLabel = QLabel(self.headerFrame)
        self.campaignLabel.setObjectName(u"campaignLabel")
        self.campaignLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.campaignLabel)

        self.headerSpacer2 = QSpacerItem(40, 1, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer2)

        self.deadlineCaption = QLabel(self.headerFrame)
        self.deadlineCaption.setObjectName(u"deadlineCaption")

        self.headerLayout.addWidget(self.deadlineCaption)

        self.deadlineLabel = QLabel(self.headerFrame)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.headerLayout.addWidget(self.deadlineLabel)

        self.headerSpacer3 = QSpacerItem(24, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer3)

        self.quotaCaption = QLabel(self.headerFrame)
        self.quotaCaption.setObjectName(u"quotaCaption")

        self.headerLayout.addWidget(self.quotaCaption)

        self.quotaLabel = QLabel(self.headerFrame)
        self.quotaLabel.setObjectName(u"quotaLabel")

        self.headerLayout.addWidget(self.quotaLabel)


        self.centralLayout.addWidget(self.headerFrame)

        self.applicationsView = QTableView(self.centralWidget)
        self.applicationsView.setObjectName(u"applicationsView")
        self.applicationsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.applicationsView.setAlternatingRowColors(True)
        self.applicationsView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.applicationsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.applicationsView.setSortingEnabled(True)
        self.applicationsView.setWordWrap(False)
        self.applicationsView.horizontalHeader().setStretchLastSection(True)
        self.applicationsView.verticalHeader().setVisible(False)

        self.centralLayout.addWidget(self.applicationsView)

        MainWindow.setCentralWidget(self.centralWidget)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.cityCaption.setBuddy(self.cityLabel)
        self.campaignCaption.setBuddy(self.campaignLabel)
        self.deadlineCaption.setBuddy(self.deadlineLabel)
        self.quotaCaption.setBuddy(self.quotaLabel)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"\u5e7f\u4e1c\u7701\u5de5\u4e1a\u4e92\u8054\u7f51\u8bd5\u70b9\u793a\u8303\u7533\u62a5\u7ba1\u7406", None))
        self.cityCaption.setText(QCoreApplication.translate("MainWindow", u"\u5730\u5e02\uff1a", None))
        self.cityLabel.setText(QCoreApplication.translate("MainWindow", u"\u672a\u9009\u62e9", None))
        self.campaignCaption.setText(QCoreApplication.translate("MainWindow", u"\u7533\u62a5\u6279\u6b21\uff1a", None))
        self.campaignLabel.setText(QCoreApplication.translate("MainWindow", u"\u672a\u52a0\u8f7d", None))
        self.deadlineCaption.setText(QCoreApplication.translate("MainWindow", u"\u622a\u6b62\uff1a", None))
        self.deadlineLabel.setText(QCoreApplication.translate("MainWindow", u"\u2014", None))
        self.quotaCaption.setText(QCoreApplication.translate("MainWindow", u"\u63a8\u8350\u540d\u989d\uff1a", None))
        self.quotaLabel.setText(QCoreApplication.translate("MainWindow", u"\u2014", None))
    # retranslateUi

