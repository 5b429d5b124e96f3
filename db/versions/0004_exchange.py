"""County bundles, merges and returns (issue 5).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22

Placeholder in the chain until the feature's tables are added here (spelled out, not imported
from the models; batch mode; named constraints; see db/script.py.mako).
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
