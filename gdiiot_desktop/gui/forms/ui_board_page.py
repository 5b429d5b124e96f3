# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'board_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, QSize, Qt)
from PySide6.QtGui import (QFont)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_BoardPage(object):
    def setupUi(self, BoardPage):
        if not BoardPage.objectName():
            BoardPage.setObjectName(u"BoardPage")
        self.boardLayout = QVBoxLayout(BoardPage)
        self.boardLayout.setObjectName(u"boardLayout")
        self.routeLabel = QLabel(BoardPage)
        self.routeLabel.setObjectName(u"routeLabel")
        self.routeLabel.setWordWrap(True)

        self.boardLayout.addWidget(self.routeLabel)

        self.boardSplitter = QSplitter(BoardPage)
        self.boardSplitter.setObjectName(u"boardSplitter")
        self.boardSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.boardSplitter.setChildrenCollapsible(False)
        self.recommendedBox = QWidget(self.boardSplitter)
        self.recommendedBox.setObjectName(u"recommendedBox")
        self.recommendedLayout = QVBoxLayout(self.recommendedBox)
        self.recommendedLayout.setObjectName(u"recommendedLayout")
        self.recommendedLayout.setContentsMargins(0, 0, 0, 0)
        self.recommendedTitle = QLabel(self.recommendedBox)
        self.recommendedTitle.setObjectName(u"recommendedTitle")
        font = QFont()
        font.setBold(True)
        self.recommendedTitle.setFont(font)

        self.recommendedLayout.addWidget(self.recommendedTitle)

        self.recommendedView = QTableView(self.recommendedBox)
        self.recommendedView.setObjectName(u"recommendedView")
        self.recommendedView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recommendedView.setAlternatingRowColors(True)
        self.recommendedView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recommendedView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recommendedView.setWordWrap(False)
        self.recommendedView.setDragEnabled(True)
        self.recommendedView.setAcceptDrops(True)
        self.recommendedView.setDragDropOverwriteMode(False)
        self.recommendedView.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.recommendedView.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.recommendedView.horizontalHeader().setStretchLastSection(True)
        self.recommendedView.verticalHeader().setVisible(False)

        self.recommendedLayout.addWidget(self.recommendedView)

        self.centralTitle = QLabel(self.recommendedBox)
        self.centralTitle.setObjectName(u"centralTitle")
        self.centralTitle.setFont(font)

        self.recommendedLayout.addWidget(self.centralTitle)

        self.centralView = QTableView(self.recommendedBox)
        self.centralView.setObjectName(u"centralView")
        self.centralView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.centralView.setAlternatingRowColors(True)
        self.centralView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.centralView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.centralView.setWordWrap(False)
        self.centralView.setDragEnabled(True)
        self.centralView.setAcceptDrops(True)
        self.centralView.setDragDropOverwriteMode(False)
        self.centralView.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.centralView.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.centralView.setMaximumSize(QSize(16777215, 130))
        self.centralView.horizontalHeader().setStretchLastSection(True)
        self.centralView.verticalHeader().setVisible(False)

        self.recommendedLayout.addWidget(self.centralView)

        self.recommendedLayout.setStretch(1, 4)
        self.recommendedLayout.setStretch(3, 1)
        self.boardSplitter.addWidget(self.recommendedBox)
        self.buttonsBox = QWidget(self.boardSplitter)
        self.buttonsBox.setObjectName(u"buttonsBox")
        self.moveButtonsLayout = QVBoxLayout(self.buttonsBox)
        self.moveButtonsLayout.setObjectName(u"moveButtonsLayout")
        self.moveButtonsLayout.setContentsMargins(0, 0, 0, 0)
        self.moveTopSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.moveButtonsLayout.addItem(self.moveTopSpacer)

        self.recommendButton = QPushButton(self.buttonsBox)
        self.recommendButton.setObjectName(u"recommendButton")

        self.moveButtonsLayout.addWidget(self.recommendButton)

        self.unrecommendButton = QPushButton(self.buttonsBox)
        self.unrecommendButton.setObjectName(u"unrecommendButton")

        self.moveButtonsLayout.addWidget(self.unrecommendButton)

        self.upButton = QPushButton(self.buttonsBox)
        self.upButton.setObjectName(u"upButton")

        self.moveButtonsLayout.addWidget(self.upButton)

        self.downButton = QPushButton(self.buttonsBox)
        self.downButton.setObjectName(u"downButton")

        self.moveButtonsLayout.addWidget(self.downButton)

        self.moveBottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.moveButtonsLayout.addItem(self.moveBottomSpacer)

        self.boardSplitter.addWidget(self.buttonsBox)
        self.poolBox = QWidget(self.boardSplitter)
        self.poolBox.setObjectName(u"poolBox")
        self.poolLayout = QVBoxLayout(self.poolBox)
        self.poolLayout.setObjectName(u"poolLayout")
        self.poolLayout.setContentsMargins(0, 0, 0, 0)
        self.poolTitle = QLabel(self.poolBox)
        self.poolTitle.setObjectName(u"poolTitle")
        self.poolTitle.setFont(font)

        self.poolLayout.addWidget(self.poolTitle)

        self.poolView = QTableView(self.poolBox)
        self.poolView.setObjectName(u"poolView")
        self.poolView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.poolView.setAlternatingRowColors(True)
        self.poolView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.poolView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.poolView.setWordWrap(False)
        self.poolView.setDragEnabled(True)
        self.poolView.setAcceptDrops(True)
        self.poolView.setDragDropOverwriteMode(False)
        self.poolView.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.poolView.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.poolView.horizontalHeader().setStretchLastSection(True)
        self.poolView.verticalHeader().setVisible(False)

        self.poolLayout.addWidget(self.poolView)

        self.boardSplitter.addWidget(self.poolBox)

        self.boardLayout.addWidget(self.boardSplitter)

        self.blockersGroup = QGroupBox(BoardPage)
        self.blockersGroup.setObjectName(u"blockersGroup")
        self.blockersGroup.setMaximumSize(QSize(16777215, 190))
        self.blockersLayout = QVBoxLayout(self.blockersGroup)
        self.blockersLayout.setObjectName(u"blockersLayout")
        self.blockersLayout.setContentsMargins(6, 4, 6, 4)
        self.blockersScroll = QScrollArea(self.blockersGroup)
        self.blockersScroll.setObjectName(u"blockersScroll")
        self.blockersScroll.setWidgetResizable(True)
        self.blockersScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.blockersContents = QWidget()
        self.blockersContents.setObjectName(u"blockersContents")
        self.blockersContentsLayout = QVBoxLayout(self.blockersContents)
        self.blockersContentsLayout.setObjectName(u"blockersContentsLayout")
        self.blockersContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.blockersLabel = QLabel(self.blockersContents)
        self.blockersLabel.setObjectName(u"blockersLabel")
        self.blockersLabel.setWordWrap(True)
        self.blockersLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)
        self.blockersLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.blockersContentsLayout.addWidget(self.blockersLabel)

        self.blockersScroll.setWidget(self.blockersContents)

        self.blockersLayout.addWidget(self.blockersScroll)


        self.boardLayout.addWidget(self.blockersGroup)

        self.boardButtonsLayout = QHBoxLayout()
        self.boardButtonsLayout.setObjectName(u"boardButtonsLayout")
        self.boardStateLabel = QLabel(BoardPage)
        self.boardStateLabel.setObjectName(u"boardStateLabel")

        self.boardButtonsLayout.addWidget(self.boardStateLabel)

        self.boardButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.boardButtonsLayout.addItem(self.boardButtonsSpacer)

        self.revertButton = QPushButton(BoardPage)
        self.revertButton.setObjectName(u"revertButton")

        self.boardButtonsLayout.addWidget(self.revertButton)

        self.saveOrderButton = QPushButton(BoardPage)
        self.saveOrderButton.setObjectName(u"saveOrderButton")

        self.boardButtonsLayout.addWidget(self.saveOrderButton)


        self.boardLayout.addLayout(self.boardButtonsLayout)

        self.boardLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.recommendedView, self.centralView)
        QWidget.setTabOrder(self.centralView, self.recommendButton)
        QWidget.setTabOrder(self.recommendButton, self.unrecommendButton)
        QWidget.setTabOrder(self.unrecommendButton, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.poolView)
        QWidget.setTabOrder(self.poolView, self.revertButton)
        QWidget.setTabOrder(self.revertButton, self.saveOrderButton)

        self.retranslateUi(BoardPage)

        QMetaObject.connectSlotsByName(BoardPage)
    # setupUi

    def retranslateUi(self, BoardPage):
        self.routeLabel.setText("")
        self.recommendedTitle.setText(QCoreApplication.translate("BoardPage", u"\u63a8\u8350\u540d\u5355\uff08\u6309\u4f18\u5148\u987a\u5e8f\uff0c\u62d6\u52a8\u8c03\u6574\uff09", None))
        self.centralTitle.setText(QCoreApplication.translate("BoardPage", u"\u4e2d\u592e\u4f01\u4e1a\u9879\u76ee\uff08\u4e0d\u5360\u672c\u5e02\u540d\u989d\uff09", None))
        self.recommendButton.setText(QCoreApplication.translate("BoardPage", u"\u2190 \u63a8\u8350", None))
#if QT_CONFIG(tooltip)
        self.recommendButton.setToolTip(QCoreApplication.translate("BoardPage", u"\u628a\u6240\u9009\u9879\u76ee\u52a0\u5165\u63a8\u8350\u540d\u5355\u672b\u5c3e", None))
#endif // QT_CONFIG(tooltip)
        self.unrecommendButton.setText(QCoreApplication.translate("BoardPage", u"\u79fb\u51fa \u2192", None))
#if QT_CONFIG(tooltip)
        self.unrecommendButton.setToolTip(QCoreApplication.translate("BoardPage", u"\u628a\u6240\u9009\u9879\u76ee\u79fb\u51fa\u63a8\u8350\u540d\u5355", None))
#endif // QT_CONFIG(tooltip)
        self.upButton.setText(QCoreApplication.translate("BoardPage", u"\u4e0a\u79fb", None))
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("BoardPage", u"Alt+\u2191", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("BoardPage", u"\u4e0b\u79fb", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("BoardPage", u"Alt+\u2193", None))
#endif // QT_CONFIG(tooltip)
        self.poolTitle.setText(QCoreApplication.translate("BoardPage", u"\u672a\u63a8\u8350\u7684\u9879\u76ee", None))
        self.blockersGroup.setTitle(QCoreApplication.translate("BoardPage", u"\u62a5\u9001\u524d\u8fd8\u9700\u5904\u7406", None))
        self.blockersLabel.setText("")
        self.boardStateLabel.setText("")
        self.revertButton.setText(QCoreApplication.translate("BoardPage", u"\u653e\u5f03\u4fee\u6539", None))
        self.saveOrderButton.setText(QCoreApplication.translate("BoardPage", u"\u4fdd\u5b58\u63a8\u8350\u987a\u5e8f", None))
#if QT_CONFIG(tooltip)
        self.saveOrderButton.setToolTip(QCoreApplication.translate("BoardPage", u"\u4fdd\u5b58\u63a8\u8350\u987a\u5e8f\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

