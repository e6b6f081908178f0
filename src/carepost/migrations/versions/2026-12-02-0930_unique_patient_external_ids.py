"""patients: one externalIdentifier per patient within an account and mode

Replaces the plain (account_id, external_identifier) index with a unique one on
(account_id, mode, external_identifier); NULLs stay free to repeat. Fails, and
changes nothing, if an account already has two patients with one identifier.

Revision ID: 8c4e1b7a2d95
Revises: 5a1d2c9e7f30
Create Date: 2026-12-02 09:30:00
"""

from __future__ import annotations

from alembic import op

revision = "8c4e1b7a2d95"
down_revision = "5a1d2c9e7f30"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.drop_index("ix_patients_account_external")
        batch.create_index("uq_patients_account_mode_external", ["account_id", "mode", "external_identifier"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("patients") as batch:
        batch.drop_index("uq_patients_account_mode_external")
        batch.create_index("ix_patients_account_external", ["account_id", "external_identifier"], unique=False)
