"""mask_email_templates

Revision ID: 066dcf8991ea
Revises: 40e57526571b
Create Date: 2026-11-22 11:47:35.392943
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op



revision = '066dcf8991ea'
down_revision = '40e57526571b'
branch_labels = None
depends_on = None


def upgrade() -> None:

    with op.batch_alter_table('mask_clinic_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_subject', sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column('email_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('email_html', sa.Text(), nullable=True))




def downgrade() -> None:

    with op.batch_alter_table('mask_clinic_settings', schema=None) as batch_op:
        batch_op.drop_column('email_html')
        batch_op.drop_column('email_text')
        batch_op.drop_column('email_subject')


