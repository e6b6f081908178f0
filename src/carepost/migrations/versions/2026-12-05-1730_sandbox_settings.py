"""sandbox_settings: an account's autopilot for its test orders, and its interval

Revision ID: 7d3a1f9c5e20
Revises: 5c1e9a7f3b42
Create Date: 2026-12-05 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from carepost.core.kit.db import UTCDateTime

revision = '7d3a1f9c5e20'
down_revision = '5c1e9a7f3b42'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sandbox_settings',
        sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('autopilot', sa.Boolean(), nullable=False),
        sa.Column('autopilot_interval_seconds', sa.Float(), nullable=False),
        sa.Column('updated_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_sandbox_settings_account_id_accounts'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('account_id', name=op.f('pk_sandbox_settings')),
    )


def downgrade() -> None:
    op.drop_table('sandbox_settings')
