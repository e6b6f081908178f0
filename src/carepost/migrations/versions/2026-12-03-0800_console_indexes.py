"""webhook_events.order_id, request_log (api_key_id, id) and orders (mode, placed_at) indexed:
the console shows an order's webhook deliveries, a key's request log and orders per day

Revision ID: 9e3f0c7b5a21
Revises: 4d2b8e6f1a93
Create Date: 2026-12-03 08:00:00
"""

from __future__ import annotations

from alembic import op

revision = '9e3f0c7b5a21'
down_revision = '4d2b8e6f1a93'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('webhook_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_webhook_events_order_id'), ['order_id'], unique=False)
    with op.batch_alter_table('request_log', schema=None) as batch_op:
        batch_op.create_index('ix_request_log_key', ['api_key_id', 'id'], unique=False)
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_index('ix_orders_mode_placed', ['mode', 'placed_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_mode_placed')
    with op.batch_alter_table('request_log', schema=None) as batch_op:
        batch_op.drop_index('ix_request_log_key')
    with op.batch_alter_table('webhook_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_webhook_events_order_id'))
