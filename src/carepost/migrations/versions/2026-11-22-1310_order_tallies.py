"""order_tallies: per-status order counts for listing totals, filled from the orders there are

Revision ID: bf58c24732f3
Revises: 37456e0771da
Create Date: 2026-11-22 13:10:54.706745
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = 'bf58c24732f3'
down_revision = '37456e0771da'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('order_tallies',
    sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('dialect', sa.String(length=16), nullable=False),
    sa.Column('mode', sa.String(length=4), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('count', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_order_tallies_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('account_id', 'dialect', 'mode', 'status', name=op.f('pk_order_tallies'))
    )
    # Only the devices API lists orders with a total (core/logistics/repository.py).
    op.execute(
        "INSERT INTO order_tallies (account_id, dialect, mode, status, count) "
        "SELECT account_id, dialect, mode, status, count(*) FROM orders WHERE dialect = 'devices' "
        "GROUP BY account_id, dialect, mode, status"
    )


def downgrade() -> None:
    op.drop_table('order_tallies')
