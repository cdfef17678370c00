"""figure scope: a figure's `cumulative` flag and `period` ("depuis 2015"), so that disputes
never set a total over years against one event's toll (docs/figures.md).

Revision ID: 0005_figure_scope
Revises: 0004_reference_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_figure_scope"
down_revision = "0004_reference_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("cumulative", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("period", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figures") as batch:
        batch.drop_column("period")
        batch.drop_column("cumulative")
