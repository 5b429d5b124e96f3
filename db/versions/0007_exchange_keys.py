"""Exchange you can trust (issue 10): office signing keys, pinned peer keys, board flags, signed counters.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

The tables are spelled out as they are at this revision; this file must not import the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "office_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.LargeBinary(), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_office_keys"),
    )
    op.create_table(
        "peer_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_kind", sa.String(length=8), nullable=False),
        sa.Column("peer", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=True),
        sa.Column("pinned_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_peer_keys"),
    )
    with op.batch_alter_table("peer_keys") as batch_op:
        batch_op.create_index("ix_peer_keys_peer", ["peer"], unique=False)
    op.create_table(
        "exchange_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("county", sa.Text(), nullable=False),
        sa.Column("bundle_id", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("cleared_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_exchange_flags"),
    )
    with op.batch_alter_table("exchange_flags") as batch_op:
        batch_op.create_index("ix_exchange_flags_uid", ["uid"], unique=False)
    with op.batch_alter_table("exchange_bundles") as batch_op:
        batch_op.add_column(sa.Column("sequence", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("signer", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exchange_bundles") as batch_op:
        batch_op.drop_column("signer")
        batch_op.drop_column("sequence")
    with op.batch_alter_table("exchange_flags") as batch_op:
        batch_op.drop_index("ix_exchange_flags_uid")
    op.drop_table("exchange_flags")
    with op.batch_alter_table("peer_keys") as batch_op:
        batch_op.drop_index("ix_peer_keys_peer")
    op.drop_table("peer_keys")
    op.drop_table("office_keys")
