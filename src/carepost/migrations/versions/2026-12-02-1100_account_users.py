"""account_users: people who sign in for an account with an e-mail and an argon2-hashed password

Revision ID: 6b2d8e4f1a37
Revises: 3f9a6c2e1b84
Create Date: 2026-12-02 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "6b2d8e4f1a37"
down_revision = "3f9a6c2e1b84"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_users",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_account_users_account_id_accounts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_users")),
        sa.UniqueConstraint("account_id", "email", name="uq_account_users_account_id_email"),
    )
    with op.batch_alter_table("account_users") as batch:
        batch.create_index("ix_account_users_account_id", ["account_id"], unique=False)


def downgrade() -> None:
    op.drop_table("account_users")
