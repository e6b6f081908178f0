"""patient_contacts: the pharmacy's "email UNIQUE" and "phone UNIQUE" held by the database,
per account and mode, on the normalized values; filled from the patients pharmacy orders name

Revision ID: 8a4f2c6d1e73
Revises: 5c1d7e2a9b40
Create Date: 2026-12-05 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '8a4f2c6d1e73'
down_revision = '5c1d7e2a9b40'
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')

# The first patient of each e-mail and of each phone among those pharmacy orders name (a race
# the old check lost may have made two: the oldest keeps the contact, as the lookup chose it).
_FILL = """
INSERT INTO patient_contacts (account_id, mode, kind, value, patient_id)
SELECT account_id, mode, '{kind}', {value}, MIN(id) FROM patients
WHERE {value} IS NOT NULL AND {value} <> ''
  AND id IN (SELECT patient_id FROM orders WHERE dialect = 'pharmacy' AND patient_id IS NOT NULL)
GROUP BY account_id, mode, {value}
"""


def upgrade() -> None:
    op.create_table(
        'patient_contacts',
        sa.Column('id', _BIG, nullable=False),
        sa.Column('account_id', _BIG, nullable=False),
        sa.Column('mode', sa.String(length=4), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('value', sa.String(length=320), nullable=False),
        sa.Column('patient_id', _BIG, nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['patient_id'], ['patients.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('account_id', 'mode', 'kind', 'value', name='uq_patient_contacts'),
    )
    with op.batch_alter_table('patient_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_patient_contacts_patient_id'), ['patient_id'], unique=False)
    op.execute(_FILL.format(kind="email", value="lower(email)"))
    op.execute(_FILL.format(kind="phone", value="phone_number"))


def downgrade() -> None:
    with op.batch_alter_table('patient_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_patient_contacts_patient_id'))
    op.drop_table('patient_contacts')
