"""Initial schema, with triggers that keep the audit log append-only.

Tables: settings, campaigns, directions, counties, applicants, applications, attachments,
overrides, audit_log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

The tables are spelled out as they are at this revision; this file must not import the models.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY_TRIGGERS = {
    "trg_audit_log_no_update": "BEFORE UPDATE",
    "trg_audit_log_no_delete": "BEFORE DELETE",
}


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("directions_confirmed", sa.Boolean(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_campaigns"),
    )
    op.create_table(
        "directions",
        sa.Column("campaign_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("no", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("authorities", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name="fk_directions_campaign_id_campaigns"
        ),
        sa.PrimaryKeyConstraint("campaign_id", "id", name="pk_directions"),
    )
    op.create_table(
        "counties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_counties"),
        sa.UniqueConstraint("name", name="uq_counties_name"),
    )
    op.create_table(
        "applicants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uscc", sa.String(length=32), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("applicant_type", sa.String(length=32), nullable=False),
        sa.Column("is_central_enterprise", sa.Boolean(), nullable=False),
        sa.Column("independent_legal_person", sa.Boolean(), nullable=True),
        sa.Column("registered_city", sa.Text(), nullable=False),
        sa.Column("registered_address", sa.Text(), nullable=False),
        sa.Column("founded", sa.Date(), nullable=True),
        sa.Column("registered_capital", sa.Float(), nullable=True),
        sa.Column("legal_representative", sa.Text(), nullable=False),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("revenue", sa.Float(), nullable=True),
        sa.Column("profit", sa.Float(), nullable=True),
        sa.Column("rnd_spending", sa.Float(), nullable=True),
        sa.Column("industry", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_applicants"),
        sa.UniqueConstraint("uscc", name="uq_applicants_uscc"),
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=False),
        sa.Column("county_id", sa.Integer(), nullable=False),
        sa.Column("project_name", sa.Text(), nullable=False),
        sa.Column("project_key", sa.Text(), nullable=False),
        sa.Column("category_id", sa.String(length=32), nullable=False),
        sa.Column("direction_id", sa.String(length=32), nullable=False),
        sa.Column("build_status", sa.String(length=16), nullable=False),
        sa.Column("innovation_acceptance", sa.String(length=16), nullable=False),
        sa.Column("other_channel", sa.String(length=16), nullable=False),
        sa.Column("pilot_year", sa.Integer(), nullable=True),
        sa.Column("location_city", sa.Text(), nullable=False),
        sa.Column("location_county", sa.Text(), nullable=False),
        sa.Column("build_start", sa.Date(), nullable=True),
        sa.Column("build_end", sa.Date(), nullable=True),
        sa.Column("total_investment", sa.Float(), nullable=True),
        sa.Column("co_applicants", sa.Text(), nullable=False),
        sa.Column("priority_conditions", sa.Text(), nullable=False),
        sa.Column("credit_checked", sa.Boolean(), nullable=False),
        sa.Column("commitment_letter", sa.Boolean(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("contact_name", sa.Text(), nullable=False),
        sa.Column("contact_title", sa.Text(), nullable=False),
        sa.Column("contact_phone", sa.Text(), nullable=False),
        sa.Column("contact_mobile", sa.Text(), nullable=False),
        sa.Column("contact_email", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("materials_received", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["applicant_id"], ["applicants.id"], name="fk_applications_applicant_id_applicants"
        ),
        sa.ForeignKeyConstraint(["county_id"], ["counties.id"], name="fk_applications_county_id_counties"),
        sa.PrimaryKeyConstraint("id", name="pk_applications"),
    )
    with op.batch_alter_table("applications") as batch_op:
        batch_op.create_index("ix_applications_applicant_id", ["applicant_id"], unique=False)
        batch_op.create_index("ix_applications_county_id", ["county_id"], unique=False)
        batch_op.create_index("ix_applications_priority", ["priority"], unique=False)
        batch_op.create_index("ix_applications_project_key", ["project_key"], unique=False)
        batch_op.create_index("ix_applications_status", ["status"], unique=False)
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("attachment_class", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("duration_seconds", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_attachments_application_id_applications",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
    )
    with op.batch_alter_table("attachments") as batch_op:
        batch_op.create_index("ix_attachments_application_id", ["application_id"], unique=False)
        batch_op.create_index("ix_attachments_sha256", ["sha256"], unique=False)
    op.create_table(
        "overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("rule_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name="fk_overrides_application_id_applications",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_overrides"),
        sa.UniqueConstraint("application_id", "rule_id", name="uq_overrides_app_rule"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    for name, when in APPEND_ONLY_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} {when} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )


def downgrade() -> None:
    for name in APPEND_ONLY_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in (
        "audit_log",
        "overrides",
        "attachments",
        "applications",
        "applicants",
        "counties",
        "directions",
        "campaigns",
        "settings",
    ):
        op.drop_table(table)
