"""account_users.failed_sign_ins and locked_until: the pharmacy API's users are locked out
after repeated wrong passwords, as console operators are (core/kit/lockout.py)

Revision ID: 5c1d7e2a9b40
Revises: 9e3f0c7b5a21
Create Date: 2026-12-05 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db

revision = '5c1d7e2a9b40'
down_revision = '9e3f0c7b5a21'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('account_users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_sign_ins', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('locked_until', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('account_users', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_sign_ins')
