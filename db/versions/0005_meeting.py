"""The expert review meeting (issue 6): meetings, experts, items, recusals, scores, keyed entries.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22

The tables are spelled out as they are at this revision; this file must not import the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _sheet_columns(table: str) -> list[sa.SchemaItem]:
    """expert_id and application_id with their named foreign keys (recusals, scores, keyed entries)."""
    return [
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["meeting_experts.id"],
            name=f"fk_{table}_expert_id_meeting_experts",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=f"fk_{table}_application_id_applications",
            ondelete="CASCADE",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("chair", sa.Text(), nullable=False),
        sa.Column("rubric", sa.Text(), nullable=False),
        sa.Column("presentation_minutes", sa.Integer(), nullable=False),
        sa.Column("questions_minutes", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.Column("locked_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meetings"),
    )
    op.create_table(
        "meeting_experts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_meeting_experts_meeting_id_meetings", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_experts"),
    )
    with op.batch_alter_table("meeting_experts") as batch_op:
        batch_op.create_index("ix_meeting_experts_meeting_id", ["meeting_id"], unique=False)
    op.create_table(
        "meeting_items",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_meeting_items_meeting_id_meetings", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_meeting_items_application_id_applications",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "application_id", name="pk_meeting_items"),
    )
    op.create_table(
        "meeting_recusals",
        sa.Column("id", sa.Integer(), nullable=False),
        *_sheet_columns("meeting_recusals"),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_recusals"),
        sa.UniqueConstraint("expert_id", "application_id", name="uq_meeting_recusals_expert_app"),
    )
    op.create_table(
        "meeting_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        *_sheet_columns("meeting_scores"),
        sa.Column("points", sa.Text(), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("operator", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_scores"),
        sa.UniqueConstraint("expert_id", "application_id", name="uq_meeting_scores_expert_app"),
    )
    op.create_table(
        "meeting_keyed_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        *_sheet_columns("meeting_keyed_entries"),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("points", sa.Text(), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("operator", sa.Text(), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_keyed_entries"),
        sa.UniqueConstraint(
            "expert_id", "application_id", "round", name="uq_meeting_keyed_entries_sheet_round"
        ),
    )


def downgrade() -> None:
    for table in (
        "meeting_keyed_entries",
        "meeting_scores",
        "meeting_recusals",
        "meeting_items",
        "meeting_experts",
        "meetings",
    ):
        op.drop_table(table)
