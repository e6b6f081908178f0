"""items.gtin and items.rxnorm, drugs.rxnorm: the codes the tenant file may give for FHIR (docs/fhir.md);
patients.updated_at: a patient's meta.lastUpdated (NULL for rows older than the column);
fhir_exports: bulk export jobs

Revision ID: 9f1c3e5a7b24
Revises: 8e4b2d6a1c73
Create Date: 2026-12-06 00:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from carepost.core.kit.db import UTCDateTime

revision = '9f1c3e5a7b24'
down_revision = '8e4b2d6a1c73'
branch_labels = None
depends_on = None

JSON_DOC = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')


def upgrade() -> None:
    with op.batch_alter_table('items') as table:
        table.add_column(sa.Column('gtin', sa.String(length=14), nullable=True))
        table.add_column(sa.Column('rxnorm', sa.String(length=12), nullable=True))
    with op.batch_alter_table('drugs') as table:
        table.add_column(sa.Column('rxnorm', sa.String(length=12), nullable=True))
    with op.batch_alter_table('patients') as table:
        table.add_column(sa.Column('updated_at', UTCDateTime(timezone=True), nullable=True))
    op.create_table(
        'fhir_exports',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('public_id', sa.String(length=32), nullable=False),
        sa.Column('account_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('api_key_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
        sa.Column('mode', sa.String(length=4), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('types', JSON_DOC, nullable=False),
        sa.Column('since', UTCDateTime(timezone=True), nullable=True),
        sa.Column('group_id', sa.String(length=16), nullable=True),
        sa.Column('request_url', sa.String(length=2048), nullable=False),
        sa.Column('base_url', sa.String(length=512), nullable=False),
        sa.Column('progress', sa.String(length=100), nullable=True),
        sa.Column('files', JSON_DOC, nullable=False),
        sa.Column('requested_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('completed_at', UTCDateTime(timezone=True), nullable=True),
        sa.Column('expires_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_fhir_exports_account_id_accounts'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_fhir_exports_api_key_id_api_keys'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fhir_exports')),
        sa.UniqueConstraint('public_id', name=op.f('uq_fhir_exports_public_id')),
    )
    op.create_index(op.f('ix_fhir_exports_account_id'), 'fhir_exports', ['account_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_fhir_exports_account_id'), table_name='fhir_exports')
    op.drop_table('fhir_exports')
    with op.batch_alter_table('patients') as table:
        table.drop_column('updated_at')
    with op.batch_alter_table('drugs') as table:
        table.drop_column('rxnorm')
    with op.batch_alter_table('items') as table:
        table.drop_column('rxnorm')
        table.drop_column('gtin')
