"""commerce_connections

Revision ID: 2eb952c7cc78
Revises: 329d6114e72a
Create Date: 2026-11-22 11:55:03.884228
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sqlalchemy.dialects import postgresql

revision = '2eb952c7cc78'
down_revision = '329d6114e72a'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('commerce_connections',
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('provider', sa.String(length=16), nullable=False),
    sa.Column('config', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('sealed_credentials', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_commerce_connections_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', name=op.f('pk_commerce_connections'))
    )



def downgrade() -> None:

    op.drop_table('commerce_connections')

