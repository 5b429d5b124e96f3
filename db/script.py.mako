"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

Rules for every migration (STYLE.md practice 7):
- do not import gdiiot_desktop.storage.models: spell out the tables as they are at this revision;
- alter tables inside `op.batch_alter_table(...)` (SQLite rebuilds the table);
- name every constraint after NAMING_CONVENTION, so later migrations can find it by name;
- rebuilding `audit_log` drops its triggers: create them again (see 0001).
The whole upgrade runs in one transaction with foreign keys off and a foreign_key_check before
the commit (gdiiot_desktop.storage.migrate.upgrade); a failure leaves the database untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

revision: str = ${repr(up_revision)}
down_revision: str | Sequence[str] | None = ${repr(down_revision)}
branch_labels: str | Sequence[str] | None = ${repr(branch_labels)}
depends_on: str | Sequence[str] | None = ${repr(depends_on)}

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
