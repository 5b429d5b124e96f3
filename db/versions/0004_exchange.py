"""County bundles, merges and returns (issue 5): the bundle journal, merge snapshots and returns.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

Rules for every migration (STYLE.md practice 7):
- do not import the models: the tables are spelled out as they are at this revision;
- alter tables inside `op.batch_alter_table(...)` (SQLite rebuilds the table);
- name every constraint after NAMING_CONVENTION, so later migrations can find it by name.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_bundles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=32), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("county", sa.Text(), nullable=False),
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("processed_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("audit_head_id", sa.Integer(), nullable=True),
        sa.Column("audit_head_hash", sa.String(length=64), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_bundles"),
    )
    with op.batch_alter_table("exchange_bundles") as batch_op:
        batch_op.create_index("ix_exchange_bundles_bundle_id", ["bundle_id"], unique=False)
        batch_op.create_index("ix_exchange_bundles_county", ["county"], unique=False)

    op.create_table(
        "exchange_snapshots",
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("county", sa.Text(), nullable=False),
        sa.Column("bundle_id", sa.String(length=32), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uid", name="pk_exchange_snapshots"),
    )
    with op.batch_alter_table("exchange_snapshots") as batch_op:
        batch_op.create_index("ix_exchange_snapshots_county", ["county"], unique=False)

    op.create_table(
        "exchange_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("side", sa.String(length=8), nullable=False),
        sa.Column("county", sa.Text(), nullable=False),
        sa.Column("project_name", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("bundle_id", sa.String(length=32), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_returns"),
    )
    with op.batch_alter_table("exchange_returns") as batch_op:
        batch_op.create_index("ix_exchange_returns_uid", ["uid"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("exchange_returns") as batch_op:
        batch_op.drop_index("ix_exchange_returns_uid")
    op.drop_table("exchange_returns")
    with op.batch_alter_table("exchange_snapshots") as batch_op:
        batch_op.drop_index("ix_exchange_snapshots_county")
    op.drop_table("exchange_snapshots")
    with op.batch_alter_table("exchange_bundles") as batch_op:
        batch_op.drop_index("ix_exchange_bundles_county")
        batch_op.drop_index("ix_exchange_bundles_bundle_id")
    op.drop_table("exchange_bundles")
