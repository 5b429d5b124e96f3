"""The special-fund kind and the province task lists (issue 14): fund applications with their
investments by category and attachments; task lists, tasks, targets and the marks on projects.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

The tables are spelled out as they are at this revision; this file must not import the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fund_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("enterprise", sa.Text(), nullable=False),
        sa.Column("uscc", sa.String(length=32), nullable=False),
        sa.Column("county", sa.Text(), nullable=False),
        sa.Column("project_name", sa.Text(), nullable=False),
        sa.Column("direction_id", sa.String(length=32), nullable=False),
        sa.Column("subdirection_id", sa.String(length=32), nullable=False),
        sa.Column("requested_fen", sa.Integer(), nullable=True),
        sa.Column("cluster", sa.Text(), nullable=False),
        sa.Column("training_sessions", sa.Integer(), nullable=True),
        sa.Column("training_people", sa.Integer(), nullable=True),
        sa.Column("materials_received", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("review_score", sa.String(length=16), nullable=True),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_applications")),
    )
    with op.batch_alter_table("fund_applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fund_applications_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_fund_applications_uid"), ["uid"], unique=True)

    op.create_table(
        "project_marks",
        sa.Column("ref", sa.String(length=32), nullable=False),
        sa.Column("mark", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("ref", "mark", name=op.f("pk_project_marks")),
    )
    op.create_table(
        "task_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_lists")),
    )
    op.create_table(
        "fund_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.String(length=32), nullable=False),
        sa.Column("material_id", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["fund_applications.id"],
            name=op.f("fk_fund_attachments_application_id_fund_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_attachments")),
    )
    with op.batch_alter_table("fund_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fund_attachments_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_fund_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "fund_investments",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.String(length=32), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["fund_applications.id"],
            name=op.f("fk_fund_investments_application_id_fund_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("application_id", "category_id", name=op.f("pk_fund_investments")),
    )
    op.create_table(
        "province_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("row", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.Column("city", sa.String(length=16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("requirement", sa.Text(), nullable=False),
        sa.Column("nature", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("standard", sa.Text(), nullable=False),
        sa.Column("workload", sa.Text(), nullable=False),
        sa.Column("deadline_text", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["task_lists.id"],
            name=op.f("fk_province_tasks_list_id_task_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_province_tasks")),
    )
    with op.batch_alter_table("province_tasks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_province_tasks_city"), ["city"], unique=False)
        batch_op.create_index(batch_op.f("ix_province_tasks_list_id"), ["list_id"], unique=False)

    op.create_table(
        "task_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("within", sa.Text(), nullable=True),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["province_tasks.id"],
            name=op.f("fk_task_targets_task_id_province_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_targets")),
    )
    with op.batch_alter_table("task_targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_targets_task_id"), ["task_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("task_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_targets_task_id"))

    op.drop_table("task_targets")
    with op.batch_alter_table("province_tasks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_province_tasks_list_id"))
        batch_op.drop_index(batch_op.f("ix_province_tasks_city"))

    op.drop_table("province_tasks")
    op.drop_table("fund_investments")
    with op.batch_alter_table("fund_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fund_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_fund_attachments_application_id"))

    op.drop_table("fund_attachments")
    op.drop_table("task_lists")
    op.drop_table("project_marks")
    with op.batch_alter_table("fund_applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fund_applications_uid"))
        batch_op.drop_index(batch_op.f("ix_fund_applications_status"))

    op.drop_table("fund_applications")
