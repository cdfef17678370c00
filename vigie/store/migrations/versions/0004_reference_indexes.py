"""reference indexes: actor filters (`--actor`, `--claimant`) go from actors to their events.

Revision ID: 0004_reference_indexes
Revises: 0003_story_day_index
"""

from __future__ import annotations

from alembic import op

revision = "0004_reference_indexes"
down_revision = "0003_story_day_index"
branch_labels = None
depends_on = None

INDEXES = [("ix_events_source_id", "events", "source_id"),
           ("ix_events_target_id", "events", "target_id"),
           ("ix_events_claimed_by_id", "events", "claimed_by_id"),
           ("ix_figures_source_id", "figures", "source_id")]


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column])


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table)
