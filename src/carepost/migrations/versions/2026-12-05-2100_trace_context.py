"""outbox_messages and webhook_events: the trace context of the request that wrote them

Revision ID: 8e4b2d6a1c73
Revises: 7d3a1f9c5e20
Create Date: 2026-12-05 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '8e4b2d6a1c73'
down_revision = '7d3a1f9c5e20'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_messages') as table:
        table.add_column(sa.Column('trace_context', sa.String(length=64), nullable=True))
    with op.batch_alter_table('webhook_events') as table:
        table.add_column(sa.Column('trace_context', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('webhook_events') as table:
        table.drop_column('trace_context')
    with op.batch_alter_table('outbox_messages') as table:
        table.drop_column('trace_context')
