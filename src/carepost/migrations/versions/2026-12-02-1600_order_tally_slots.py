"""order_tallies: each count spread over slots, so an account's orders don't all queue on one row

Revision ID: 7c1e5a9d2b40
Revises: b3fd1f611b46
Create Date: 2026-12-02 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '7c1e5a9d2b40'
down_revision = 'b3fd1f611b46'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The counts there are stay whole, in slot 0; new changes spread over every slot.
    with op.batch_alter_table('order_tallies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('slot', sa.SmallInteger(), nullable=False, server_default='0'))
        batch_op.drop_constraint('pk_order_tallies', type_='primary')
        batch_op.create_primary_key('pk_order_tallies', ['account_id', 'dialect', 'mode', 'status', 'slot'])


def downgrade() -> None:
    # Fold every key's slots into one row (slot -1 while both exist), then drop the column.
    op.execute(
        "INSERT INTO order_tallies (account_id, dialect, mode, status, slot, count) "
        "SELECT account_id, dialect, mode, status, -1, sum(count) FROM order_tallies GROUP BY account_id, dialect, mode, status"
    )
    op.execute("DELETE FROM order_tallies WHERE slot <> -1")
    with op.batch_alter_table('order_tallies', schema=None) as batch_op:
        batch_op.drop_constraint('pk_order_tallies', type_='primary')
        batch_op.create_primary_key('pk_order_tallies', ['account_id', 'dialect', 'mode', 'status'])
        batch_op.drop_column('slot')
