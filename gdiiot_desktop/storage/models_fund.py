"""SQLAlchemy models of the special-fund kind (issue 14) (tables created by migration 0006).

Amounts are integers of fen (分): exact, and read back as Decimal yuan by the repository.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base


class FundApplicationRecord(Base):
    """One enterprise's application under a support direction of the city's special-fund call."""

    __tablename__ = "fund_applications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    enterprise: Mapped[str] = mapped_column(Text)
    uscc: Mapped[str] = mapped_column(String(32), default="")
    county: Mapped[str] = mapped_column(Text, default="")
    project_name: Mapped[str] = mapped_column(Text)
    direction_id: Mapped[str] = mapped_column(String(32))
    subdirection_id: Mapped[str] = mapped_column(String(32), default="")
    requested_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cluster: Mapped[str] = mapped_column(Text, default="")
    training_sessions: Mapped[int | None] = mapped_column(Integer, nullable=True)
    training_people: Mapped[int | None] = mapped_column(Integer, nullable=True)
    materials_received: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of material ids
    status: Mapped[str] = mapped_column(String(16), index=True)
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    review_score: Mapped[str | None] = mapped_column(String(16), nullable=True)  # decimal text
    contact: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    investments: Mapped[list[FundInvestmentRecord]] = relationship(
        cascade="all, delete-orphan", order_by="FundInvestmentRecord.category_id"
    )


class FundInvestmentRecord(Base):
    """The investment of one application in one category (invoiced amounts), in fen."""

    __tablename__ = "fund_investments"
    application_id: Mapped[int] = mapped_column(
        ForeignKey("fund_applications.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    amount_fen: Mapped[int] = mapped_column(Integer)


class FundAttachmentRecord(Base):
    """A file of a fund application (an invoice of a category, the 申报书…) in the attachment store."""

    __tablename__ = "fund_attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("fund_applications.id", ondelete="CASCADE"), index=True
    )
    category_id: Mapped[str] = mapped_column(String(32), default="")
    material_id: Mapped[str] = mapped_column(String(32), default="")
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)
