"""SQLAlchemy models of the expert review meeting (issue 6) (tables created by migration 0005).

Since migration 0008 a meeting reviews either pilot applications or special-fund applications
(`MeetingRecord.subject_kind`): every row about an application names it in `application_id`
(pilot) or `fund_application_id` (special fund), exactly one of the two, each a real foreign key
that cascades when the application is deleted.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

# Exactly one of the two application columns is set (SQLite compares the two truth values).
ONE_SUBJECT = "(application_id IS NULL) <> (fund_application_id IS NULL)"


def _pilot_app() -> Mapped[int | None]:
    return mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), nullable=True)


def _fund_app() -> Mapped[int | None]:
    return mapped_column(ForeignKey("fund_applications.id", ondelete="CASCADE"), nullable=True)


class MeetingRecord(Base):
    """One review meeting (评审会) of the city, with the copy of the rubric it scores by."""

    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    held_on: Mapped[date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(Text, default="")
    chair: Mapped[str] = mapped_column(Text, default="")
    rubric: Mapped[str] = mapped_column(Text)  # JSON copy of the rubric (Rubric.to_dict)
    presentation_minutes: Mapped[int] = mapped_column(Integer)
    questions_minutes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    locked_by: Mapped[str] = mapped_column(Text, default="")
    subject_kind: Mapped[str] = mapped_column(String(16), default="pilot", server_default="pilot")


class MeetingExpertRecord(Base):
    """An expert of the panel, in the order the minutes list them."""

    __tablename__ = "meeting_experts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(Text, default="")
    field: Mapped[str] = mapped_column(Text, default="")


class MeetingItemRecord(Base):
    """An application under review at the meeting, in presentation order."""

    __tablename__ = "meeting_items"
    __table_args__ = (
        UniqueConstraint("meeting_id", "application_id", name="uq_meeting_items_meeting_app"),
        UniqueConstraint("meeting_id", "fund_application_id", name="uq_meeting_items_meeting_fund_app"),
        CheckConstraint(ONE_SUBJECT, name="one_subject"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    application_id: Mapped[int | None] = _pilot_app()
    fund_application_id: Mapped[int | None] = _fund_app()
    seq: Mapped[int] = mapped_column(Integer)


class MeetingRecusalRecord(Base):
    """An expert's recusal (回避) from one application: declared by the expert or assigned."""

    __tablename__ = "meeting_recusals"
    __table_args__ = (
        UniqueConstraint("expert_id", "application_id", name="uq_meeting_recusals_expert_app"),
        UniqueConstraint("expert_id", "fund_application_id", name="uq_meeting_recusals_expert_fund_app"),
        CheckConstraint(ONE_SUBJECT, name="one_subject"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("meeting_experts.id", ondelete="CASCADE"))
    application_id: Mapped[int | None] = _pilot_app()
    fund_application_id: Mapped[int | None] = _fund_app()
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class MeetingScoreRecord(Base):
    """The counting score of one expert for one application (direct, or confirmed by double entry)."""

    __tablename__ = "meeting_scores"
    __table_args__ = (
        UniqueConstraint("expert_id", "application_id", name="uq_meeting_scores_expert_app"),
        UniqueConstraint("expert_id", "fund_application_id", name="uq_meeting_scores_expert_fund_app"),
        CheckConstraint(ONE_SUBJECT, name="one_subject"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("meeting_experts.id", ondelete="CASCADE"))
    application_id: Mapped[int | None] = _pilot_app()
    fund_application_id: Mapped[int | None] = _fund_app()
    points: Mapped[str] = mapped_column(Text)  # JSON {criterion id: "27.5"}
    opinion: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(16))
    operator: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class MeetingKeyedEntryRecord(Base):
    """One keying (round 1 or 2) of a paper score sheet, before the double-entry check."""

    __tablename__ = "meeting_keyed_entries"
    __table_args__ = (
        UniqueConstraint("expert_id", "application_id", "round", name="uq_meeting_keyed_entries_sheet_round"),
        UniqueConstraint(
            "expert_id", "fund_application_id", "round", name="uq_meeting_keyed_entries_fund_sheet_round"
        ),
        CheckConstraint(ONE_SUBJECT, name="one_subject"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    expert_id: Mapped[int] = mapped_column(ForeignKey("meeting_experts.id", ondelete="CASCADE"))
    application_id: Mapped[int | None] = _pilot_app()
    fund_application_id: Mapped[int | None] = _fund_app()
    round: Mapped[int] = mapped_column(Integer)
    points: Mapped[str] = mapped_column(Text)
    opinion: Mapped[str] = mapped_column(Text, default="")
    operator: Mapped[str] = mapped_column(Text)
    entered_at: Mapped[datetime] = mapped_column(DateTime)


__all__ = [
    "Base",
    "MeetingExpertRecord",
    "MeetingItemRecord",
    "MeetingKeyedEntryRecord",
    "MeetingRecord",
    "MeetingRecusalRecord",
    "MeetingScoreRecord",
]
