"""accounts.rate_limit_per_minute: an account's own request limit per API key (null: the default)

Revision ID: 5a1d2c9e7f30
Revises: bf58c24732f3
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "5a1d2c9e7f30"
down_revision = "bf58c24732f3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("rate_limit_per_minute", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("rate_limit_per_minute")
