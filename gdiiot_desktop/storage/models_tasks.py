"""SQLAlchemy models of the province task lists (issue 14) (tables created by migration 0006)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base


class TaskListRecord(Base):
    """An imported province task list (地市任务清单), e.g. the 2021 list."""

    __tablename__ = "task_lists"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source_file: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime)

    tasks: Mapped[list[TaskRecord]] = relationship(cascade="all, delete-orphan", order_by="TaskRecord.id")


class TaskRecord(Base):
    """One row of a list: a task of one city, with the original texts."""

    __tablename__ = "province_tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("task_lists.id", ondelete="CASCADE"), index=True)
    row: Mapped[int | None] = mapped_column(Integer, nullable=True)
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    city: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(Text, default="")
    requirement: Mapped[str] = mapped_column(Text, default="")
    nature: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(Text, default="")
    standard: Mapped[str] = mapped_column(Text, default="")
    workload: Mapped[str] = mapped_column(Text, default="")
    deadline_text: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date, nullable=True)

    targets: Mapped[list[TaskTargetRecord]] = relationship(
        cascade="all, delete-orphan", order_by="TaskTargetRecord.seq"
    )


class TaskTargetRecord(Base):
    """A measurable target of a task, as parsed from 工作量 or as the user corrected it."""

    __tablename__ = "task_targets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("province_tasks.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(Text)
    count: Mapped[int] = mapped_column(Integer)
    within: Mapped[str | None] = mapped_column(Text, nullable=True)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=True)


class ProjectMarkRecord(Base):
    """What a project counts as for the task list (标杆示范, 5G+, …), set by the user.

    `ref` names the project across kinds: "pilot:<applications.id>" or "fund:<fund_applications.id>".
    """

    __tablename__ = "project_marks"
    ref: Mapped[str] = mapped_column(String(32), primary_key=True)
    mark: Mapped[str] = mapped_column(String(32), primary_key=True)
