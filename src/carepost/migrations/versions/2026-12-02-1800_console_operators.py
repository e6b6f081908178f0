"""console_operators, console_sessions, console_audit: people who sign in to the operator
console (argon2 password hashes, roles, lock-out), their sessions (the cookie secret's
SHA-256 only) and what they did

Revision ID: 4d2b8e6f1a93
Revises: 7c1e5a9d2b40
Create Date: 2026-12-02 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import carepost.core.kit.db
from sqlalchemy.dialects import postgresql

revision = '4d2b8e6f1a93'
down_revision = '7c1e5a9d2b40'
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    op.create_table(
        'console_operators',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('email', sa.String(length=320), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('password_hash', sa.String(length=200), nullable=False),
        sa.Column('failed_sign_ins', sa.Integer(), nullable=False),
        sa.Column('locked_until', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column('created_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('disabled_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_console_operators')),
        sa.UniqueConstraint('email', name=op.f('uq_console_operators_email')),
    )
    op.create_table(
        'console_sessions',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('operator_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('secret_hash', sa.String(length=64), nullable=False),
        sa.Column('csrf_token', sa.String(length=64), nullable=False),
        sa.Column('created_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('expires_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column('ended_at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['operator_id'], ['console_operators.id'], name=op.f('fk_console_sessions_operator_id_console_operators'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_console_sessions')),
        sa.UniqueConstraint('secret_hash', name=op.f('uq_console_sessions_secret_hash')),
    )
    op.create_index(op.f('ix_console_sessions_operator_id'), 'console_sessions', ['operator_id'], unique=False)
    op.create_table(
        'console_audit',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('operator_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
        sa.Column('email', sa.String(length=320), nullable=False),
        sa.Column('action', sa.String(length=64), nullable=False),
        sa.Column('target', sa.String(length=200), nullable=True),
        sa.Column('detail', _JSON, nullable=True),
        sa.Column('client', sa.String(length=64), nullable=True),
        sa.Column('at', carepost.core.kit.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['operator_id'], ['console_operators.id'], name=op.f('fk_console_audit_operator_id_console_operators'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_console_audit')),
    )
    op.create_index(op.f('ix_console_audit_operator_id'), 'console_audit', ['operator_id'], unique=False)
    op.create_index(op.f('ix_console_audit_at'), 'console_audit', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_console_audit_at'), table_name='console_audit')
    op.drop_index(op.f('ix_console_audit_operator_id'), table_name='console_audit')
    op.drop_table('console_audit')
    op.drop_index(op.f('ix_console_sessions_operator_id'), table_name='console_sessions')
    op.drop_table('console_sessions')
    op.drop_table('console_operators')
