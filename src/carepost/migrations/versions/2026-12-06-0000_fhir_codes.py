"""items.gtin and items.rxnorm, drugs.rxnorm: the codes the tenant file may give for FHIR (docs/fhir.md);
patients.updated_at: a patient's meta.lastUpdated (NULL for rows older than the column)

Revision ID: 9f1c3e5a7b24
Revises: 8e4b2d6a1c73
Create Date: 2026-12-06 00:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '9f1c3e5a7b24'
down_revision = '8e4b2d6a1c73'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('items') as table:
        table.add_column(sa.Column('gtin', sa.String(length=14), nullable=True))
        table.add_column(sa.Column('rxnorm', sa.String(length=12), nullable=True))
    with op.batch_alter_table('drugs') as table:
        table.add_column(sa.Column('rxnorm', sa.String(length=12), nullable=True))
    with op.batch_alter_table('patients') as table:
        table.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('patients') as table:
        table.drop_column('updated_at')
    with op.batch_alter_table('drugs') as table:
        table.drop_column('rxnorm')
    with op.batch_alter_table('items') as table:
        table.drop_column('rxnorm')
        table.drop_column('gtin')
