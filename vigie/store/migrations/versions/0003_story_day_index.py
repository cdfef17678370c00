"""story day index: `vigie query` lists stories newest first; without it every query sorts them all.

Revision ID: 0003_story_day_index
Revises: 0002_fulltext
"""

from __future__ import annotations

from alembic import op

revision = "0003_story_day_index"
down_revision = "0002_fulltext"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stories_day", "stories", ["day"])


def downgrade() -> None:
    op.drop_index("ix_stories_day", "stories")
