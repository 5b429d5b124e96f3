"""Applications get a stable, office-independent id (uid) so county and city copies can be matched.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Existing rows get a fresh random uid each. Spelled out without importing the models.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("uid", sa.String(length=32), nullable=True))
    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM applications"))]
    for app_id in ids:
        connection.execute(
            sa.text("UPDATE applications SET uid = :uid WHERE id = :id"), {"uid": uuid.uuid4().hex, "id": app_id}
        )
    with op.batch_alter_table("applications") as batch:
        batch.alter_column("uid", existing_type=sa.String(length=32), nullable=False)
        batch.create_index("ix_applications_uid", ["uid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.drop_index("ix_applications_uid")
        batch.drop_column("uid")
