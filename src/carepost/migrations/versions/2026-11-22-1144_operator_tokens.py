"""operator_tokens

Revision ID: cd07d0662d6d
Revises: 9389464cb60d
Create Date: 2026-11-22 11:44:11.359603
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db


revision = 'cd07d0662d6d'
down_revision = '9389464cb60d'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('operator_tokens',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('prefix', sa.String(length=32), nullable=False),
    sa.Column('secret_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_operator_tokens')),
    sa.UniqueConstraint('secret_hash', name=op.f('uq_operator_tokens_secret_hash'))
    )



def downgrade() -> None:

    op.drop_table('operator_tokens')

