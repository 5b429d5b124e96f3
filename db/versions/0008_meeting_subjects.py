"""Review meetings of special-fund applications: a meeting's subject kind, and its rows naming either
a pilot application or a special-fund application.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

`meetings.subject_kind` is "pilot" (every meeting before this revision) or "fund". The four tables
about applications (items, recusals, scores, keyed entries) keep `application_id` (now nullable)
and gain `fund_application_id`, each a real foreign key with ON DELETE CASCADE; a CHECK keeps
exactly one of them set. `meeting_items` gets a surrogate `id` (a nullable column cannot be part
of its primary key). SQLite cannot alter constraints in place, so each table is rebuilt and its
rows copied; the tables are spelled out as they are at this revision (no model imports).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ONE_SUBJECT = "(application_id IS NULL) <> (fund_application_id IS NULL)"
SHEETS = ("meeting_recusals", "meeting_scores", "meeting_keyed_entries")


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}", ondelete="CASCADE"
    )


def _subject_columns(table: str, *, with_fund: bool) -> list[sa.SchemaItem]:
    """application_id (and fund_application_id) with their foreign keys (and the one-subject check)."""
    items: list[sa.SchemaItem] = [
        sa.Column("application_id", sa.Integer(), nullable=with_fund),
        _fk(table, "application_id", "applications"),
    ]
    if with_fund:
        items += [
            sa.Column("fund_application_id", sa.Integer(), nullable=True),
            _fk(table, "fund_application_id", "fund_applications"),
            sa.CheckConstraint(ONE_SUBJECT, name=f"ck_{table}_one_subject"),
        ]
    return items


def _expert_column(table: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("expert_id", sa.Integer(), nullable=False),
        _fk(table, "expert_id", "meeting_experts"),
    ]


def _uniques(
    table: str, columns: list[str], name: str, fund_name: str, *, with_fund: bool
) -> list[sa.SchemaItem]:
    out: list[sa.SchemaItem] = [sa.UniqueConstraint(*columns, name=name)]
    if with_fund:
        fund_columns = ["fund_application_id" if c == "application_id" else c for c in columns]
        out.append(sa.UniqueConstraint(*fund_columns, name=fund_name))
    return out


def _create(table: str, name: str, *, with_fund: bool) -> None:
    """Create `name` with the columns of `table` at this revision (with_fund) or at 0007."""
    subject = _subject_columns(table, with_fund=with_fund)
    if table == "meeting_items":
        head: list[sa.SchemaItem] = [sa.Column("meeting_id", sa.Integer(), nullable=False)]
        fk_meeting = sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_meeting_items_meeting_id_meetings", ondelete="CASCADE"
        )
        seq = sa.Column("seq", sa.Integer(), nullable=False)
        if with_fund:
            op.create_table(
                name,
                sa.Column("id", sa.Integer(), nullable=False),
                *head,
                *subject,
                seq,
                fk_meeting,
                sa.PrimaryKeyConstraint("id", name="pk_meeting_items"),
                sa.UniqueConstraint("meeting_id", "application_id", name="uq_meeting_items_meeting_app"),
                sa.UniqueConstraint(
                    "meeting_id", "fund_application_id", name="uq_meeting_items_meeting_fund_app"
                ),
            )
        else:
            op.create_table(
                name,
                *head,
                *subject,
                seq,
                fk_meeting,
                sa.PrimaryKeyConstraint("meeting_id", "application_id", name="pk_meeting_items"),
            )
        return
    body: dict[str, list[sa.SchemaItem]] = {
        "meeting_recusals": [
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("reason", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            *_uniques(
                table,
                ["expert_id", "application_id"],
                "uq_meeting_recusals_expert_app",
                "uq_meeting_recusals_expert_fund_app",
                with_fund=with_fund,
            ),
        ],
        "meeting_scores": [
            sa.Column("points", sa.Text(), nullable=False),
            sa.Column("opinion", sa.Text(), nullable=False),
            sa.Column("source", sa.String(length=16), nullable=False),
            sa.Column("operator", sa.Text(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False),
            *_uniques(
                table,
                ["expert_id", "application_id"],
                "uq_meeting_scores_expert_app",
                "uq_meeting_scores_expert_fund_app",
                with_fund=with_fund,
            ),
        ],
        "meeting_keyed_entries": [
            sa.Column("round", sa.Integer(), nullable=False),
            sa.Column("points", sa.Text(), nullable=False),
            sa.Column("opinion", sa.Text(), nullable=False),
            sa.Column("operator", sa.Text(), nullable=False),
            sa.Column("entered_at", sa.DateTime(), nullable=False),
            *_uniques(
                table,
                ["expert_id", "application_id", "round"],
                "uq_meeting_keyed_entries_sheet_round",
                "uq_meeting_keyed_entries_fund_sheet_round",
                with_fund=with_fund,
            ),
        ],
    }
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        *_expert_column(table),
        *subject,
        *body[table],
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    )


_COLUMNS = {
    "meeting_items": ["meeting_id", "application_id", "seq"],
    "meeting_recusals": ["id", "expert_id", "application_id", "kind", "reason", "created_at"],
    "meeting_scores": [
        "id", "expert_id", "application_id", "points", "opinion", "source", "operator", "updated_at",
    ],
    "meeting_keyed_entries": [
        "id", "expert_id", "application_id", "round", "points", "opinion", "operator", "entered_at",
    ],
}  # fmt: skip


def _rebuild(table: str, *, with_fund: bool, where: str = "") -> None:
    """Rebuild `table` in the shape asked for, copying the pilot columns' rows (filtered by `where`)."""
    staging = f"_{table}_rebuilt"
    _create(table, staging, with_fund=with_fund)
    columns = ", ".join(_COLUMNS[table])
    order = " ORDER BY meeting_id, seq" if table == "meeting_items" else " ORDER BY id"
    op.execute(f"INSERT INTO {staging} ({columns}) SELECT {columns} FROM {table} {where}{order}")
    op.drop_table(table)
    op.rename_table(staging, table)


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(
            sa.Column("subject_kind", sa.String(length=16), server_default="pilot", nullable=False)
        )
    for table in ("meeting_items", *SHEETS):
        _rebuild(table, with_fund=True)


def downgrade() -> None:
    # A special-fund meeting has no place at 0007: its rows go, then the meeting itself.
    for table in ("meeting_items", *SHEETS):
        _rebuild(table, with_fund=False, where="WHERE application_id IS NOT NULL")
    op.execute(
        "DELETE FROM meeting_experts WHERE meeting_id IN (SELECT id FROM meetings WHERE subject_kind <> 'pilot')"
    )
    op.execute("DELETE FROM meetings WHERE subject_kind <> 'pilot'")
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("subject_kind")
