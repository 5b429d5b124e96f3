"""SQLAlchemy 2 models of the city database: one database holds one city's work on one campaign."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints so Alembic's batch mode can alter SQLite tables (STYLE.md practice 7).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Setting(Base):
    """Business settings of this database (city, operator, …) as key/value text."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CampaignRecord(Base):
    """The campaign file this database works under, kept verbatim so the database is self-contained."""

    __tablename__ = "campaigns"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    source_text: Mapped[str] = mapped_column(Text)
    directions_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    loaded_at: Mapped[datetime] = mapped_column(DateTime)


class DirectionRecord(Base):
    """A direction as edited or imported by the user; when any exist they replace the file's list."""

    __tablename__ = "directions"
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    no: Mapped[int] = mapped_column(Integer)
    category_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    authorities: Mapped[str] = mapped_column(Text)  # "工信厅、通信管理局"


class County(Base):
    """县/区 of the city."""

    __tablename__ = "counties"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)


class ApplicantRecord(Base):
    """申报单位, one row per 统一社会信用代码 (rows without a code are keyed by name)."""

    __tablename__ = "applicants"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uscc: Mapped[str | None] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text)
    applicant_type: Mapped[str] = mapped_column(String(32), default="")
    is_central_enterprise: Mapped[bool] = mapped_column(Boolean, default=False)
    independent_legal_person: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    registered_city: Mapped[str] = mapped_column(Text, default="")
    registered_address: Mapped[str] = mapped_column(Text, default="")
    founded: Mapped[date | None] = mapped_column(Date, nullable=True)
    registered_capital: Mapped[float | None] = mapped_column(Float, nullable=True)
    legal_representative: Mapped[str] = mapped_column(Text, default="")
    employees: Mapped[int | None] = mapped_column(Integer, nullable=True)
    revenue: Mapped[float | None] = mapped_column(Float, nullable=True)
    profit: Mapped[float | None] = mapped_column(Float, nullable=True)
    rnd_spending: Mapped[float | None] = mapped_column(Float, nullable=True)
    industry: Mapped[str] = mapped_column(Text, default="")

    applications: Mapped[list[ApplicationRecord]] = relationship(back_populates="applicant")


class ApplicationRecord(Base):
    """One project application (申报书) with every field the program keeps."""

    __tablename__ = "applications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, index=True)  # the same in every office
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id"), index=True)
    county_id: Mapped[int] = mapped_column(ForeignKey("counties.id"), index=True)
    project_name: Mapped[str] = mapped_column(Text)
    project_key: Mapped[str] = mapped_column(Text, index=True)  # normalised name, for duplicates
    category_id: Mapped[str] = mapped_column(String(32))
    direction_id: Mapped[str] = mapped_column(String(32))
    build_status: Mapped[str] = mapped_column(String(16))
    innovation_acceptance: Mapped[str] = mapped_column(String(16))
    other_channel: Mapped[str] = mapped_column(String(16))
    pilot_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    location_city: Mapped[str] = mapped_column(Text, default="")
    location_county: Mapped[str] = mapped_column(Text, default="")
    build_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    build_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    total_investment: Mapped[float | None] = mapped_column(Float, nullable=True)
    co_applicants: Mapped[str] = mapped_column(Text, default="")
    priority_conditions: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of values
    credit_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    commitment_letter: Mapped[bool] = mapped_column(Boolean, default=False)
    filed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    contact_name: Mapped[str] = mapped_column(Text, default="")
    contact_title: Mapped[str] = mapped_column(Text, default="")
    contact_phone: Mapped[str] = mapped_column(Text, default="")
    contact_mobile: Mapped[str] = mapped_column(Text, default="")
    contact_email: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True)
    priority: Mapped[int | None] = mapped_column(Integer, nullable=True)
    materials_received: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of material ids
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    applicant: Mapped[ApplicantRecord] = relationship(back_populates="applications")
    county: Mapped[County] = relationship()
    attachments: Mapped[list[AttachmentRecord]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="AttachmentRecord.id"
    )
    overrides: Mapped[list[OverrideRecord]] = relationship(
        back_populates="application", cascade="all, delete-orphan"
    )


class AttachmentRecord(Base):
    """A file of an application; its bytes live in the content-addressed store under `sha256`."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    attachment_class: Mapped[str] = mapped_column(String(32))
    file_name: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str] = mapped_column(Text, default="")  # as filed (intake: relative to the sheet)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)

    application: Mapped[ApplicationRecord] = relationship(back_populates="attachments")


class OverrideRecord(Base):
    """The city's recorded reason to accept an overridable violation (e.g. a genuine old USCC)."""

    __tablename__ = "overrides"
    __table_args__ = (UniqueConstraint("application_id", "rule_id", name="uq_overrides_app_rule"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    rule_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    application: Mapped[ApplicationRecord] = relationship(back_populates="overrides")


class AuditEntry(Base):
    """Append-only log of who changed what and when; each entry chains the hash of the one before.

    Triggers (created by the migration) refuse UPDATE and DELETE on this table.
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(Text)
    details: Mapped[str] = mapped_column(Text)  # JSON: changed fields {name: [old, new]} or other facts
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


Index("ix_applications_priority", ApplicationRecord.priority)


# Feature tables live in their own modules on the same metadata; importing them here makes
# `Base.metadata` complete for migrations' tests and for create_all.
from . import models_exchange, models_exports, models_fund, models_meeting, models_tasks  # noqa: E402,F401
