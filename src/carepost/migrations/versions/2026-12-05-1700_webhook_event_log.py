"""webhook_events indexed for the events API: an account's events of a mode, newest first,
and the oldest ones the worker forgets after the retention period

Revision ID: 5c1e9a7f3b42
Revises: 3e9b7d5a2c18
Create Date: 2026-12-05 17:00:00
"""

from __future__ import annotations

from alembic import op

revision = '5c1e9a7f3b42'
down_revision = '3e9b7d5a2c18'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('webhook_events', schema=None) as batch_op:
        batch_op.create_index('ix_webhook_events_log', ['account_id', 'mode', 'id'], unique=False)
        batch_op.create_index('ix_webhook_events_created', ['created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('webhook_events', schema=None) as batch_op:
        batch_op.drop_index('ix_webhook_events_created')
        batch_op.drop_index('ix_webhook_events_log')
