"""Frozen export snapshots and the exports made from them (issue 4).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

Tables: export_snapshots (the recommendation frozen as canonical JSON, id carrying its hash),
export_runs (each table/package/disc/ISO export, with its warnings, e.g. made after the deadline).
Spelled out as they are at this revision; this file must not import the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "export_snapshots",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("city", sa.String(length=16), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("projects", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_export_snapshots"),
    )
    with op.batch_alter_table("export_snapshots") as batch:
        batch.create_index("ix_export_snapshots_payload_sha256", ["payload_sha256"], unique=False)
    op.create_table(
        "export_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"], ["export_snapshots.id"], name="fk_export_runs_snapshot_id_export_snapshots"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_export_runs"),
    )
    with op.batch_alter_table("export_runs") as batch:
        batch.create_index("ix_export_runs_snapshot_id", ["snapshot_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("export_runs") as batch:
        batch.drop_index("ix_export_runs_snapshot_id")
    op.drop_table("export_runs")
    with op.batch_alter_table("export_snapshots") as batch:
        batch.drop_index("ix_export_snapshots_payload_sha256")
    op.drop_table("export_snapshots")
