# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_presentation.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_MeetingPresentation(object):
    def setupUi(self, presentation):
        if not presentation.objectName():
            presentation.setObjectName(u"presentation")
        presentation.resize(1280, 720)
        presentation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.presentationLayout = QVBoxLayout(presentation)
        self.presentationLayout.setSpacing(14)
        self.presentationLayout.setObjectName(u"presentationLayout")
        self.presentationLayout.setContentsMargins(60, 32, 60, 20)
        self.topLayout = QHBoxLayout()
        self.topLayout.setObjectName(u"topLayout")
        self.counter = QLabel(presentation)
        self.counter.setObjectName(u"counter")
        self.counter.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.topLayout.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)

        self.timerBox = QFrame(presentation)
        self.timerBox.setObjectName(u"timerBox")
        self.timerLayout = QHBoxLayout(self.timerBox)
        self.timerLayout.setObjectName(u"timerLayout")
        self.timerLayout.setContentsMargins(24, 4, 24, 4)
        self.phase = QLabel(self.timerBox)
        self.phase.setObjectName(u"phase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.phase.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.timerLayout.addWidget(self.phase)

        self.clock = QLabel(self.timerBox)
        self.clock.setObjectName(u"clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.timerLayout.addWidget(self.clock)


        self.topLayout.addWidget(self.timerBox, 0, Qt.AlignmentFlag.AlignTop)

        self.topLayout.setStretch(0, 1)

        self.presentationLayout.addLayout(self.topLayout)

        self.title = QLabel(presentation)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.presentationLayout.addWidget(self.title)

        self.applicant = QLabel(presentation)
        self.applicant.setObjectName(u"applicant")
        self.applicant.setWordWrap(True)
        self.applicant.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.presentationLayout.addWidget(self.applicant)

        self.details = QLabel(presentation)
        self.details.setObjectName(u"details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.presentationLayout.addWidget(self.details)

        self.problems = QLabel(presentation)
        self.problems.setObjectName(u"problems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.presentationLayout.addWidget(self.problems)

        self.recused = QLabel(presentation)
        self.recused.setObjectName(u"recused")
        self.recused.setWordWrap(True)
        self.recused.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.presentationLayout.addWidget(self.recused)

        self.video = QLabel(presentation)
        self.video.setObjectName(u"video")
        self.video.setWordWrap(True)
        self.video.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.presentationLayout.addWidget(self.video)

        self.presentationSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.presentationLayout.addItem(self.presentationSpacer)

        self.help = QLabel(presentation)
        self.help.setObjectName(u"help")
        self.help.setWordWrap(True)
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.presentationLayout.addWidget(self.help)

        self.presentationLayout.setStretch(7, 1)

        self.retranslateUi(presentation)

        QMetaObject.connectSlotsByName(presentation)
    # setupUi

    def retranslateUi(self, presentation):
        self.counter.setText("")
        self.phase.setText("")
        self.clock.setText("")
        self.title.setText("")
        self.applicant.setText("")
        self.details.setText("")
        self.problems.setText("")
        self.recused.setText("")
        self.video.setText("")
        self.help.setText(QCoreApplication.translate("MeetingPresentation", u"PgDn / \u2192 / \u7a7a\u683c\uff1a\u4e0b\u4e00\u9879    PgUp / \u2190\uff1a\u4e0a\u4e00\u9879    \u56de\u8f66\uff1a\u5f00\u59cb/\u6682\u505c\u8ba1\u65f6    R\uff1a\u91cd\u65b0\u8ba1\u65f6    V\uff1a\u64ad\u653e\u89c6\u9891    Esc\uff1a\u9000\u51fa", None))
        pass
    # retranslateUi

