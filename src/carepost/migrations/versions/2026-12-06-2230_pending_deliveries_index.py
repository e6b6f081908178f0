"""webhook_deliveries: partial indexes on the pending deliveries, so a worker's claim walks them
in id order and probes for an earlier one of the same order, instead of scanning them all

Revision ID: a2d4f6b8c013
Revises: 9f1c3e5a7b24
Create Date: 2026-12-06 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'a2d4f6b8c013'
down_revision = '9f1c3e5a7b24'
branch_labels = None
depends_on = None

PENDING = sa.text("status = 'pending'")


def upgrade() -> None:
    op.create_index('ix_webhook_deliveries_pending', 'webhook_deliveries', ['id'], postgresql_where=PENDING, sqlite_where=PENDING)
    op.create_index(
        'ix_webhook_deliveries_pending_sequence', 'webhook_deliveries', ['endpoint_id', 'sequence_key', 'id'],
        postgresql_where=PENDING, sqlite_where=PENDING,
    )


def downgrade() -> None:
    op.drop_index('ix_webhook_deliveries_pending_sequence', table_name='webhook_deliveries')
    op.drop_index('ix_webhook_deliveries_pending', table_name='webhook_deliveries')
