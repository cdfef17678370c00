"""The store's tables (SQLAlchemy Core), as the latest migration leaves them.

Rows of one article (actors, places, times, quotes, figures, events) point at their document;
cross references inside an article (a quote's speaker, an event's place) are row ids. Events
are the per-article mentions; a *story* is the real-world event that merged mentions report.
The migrations under `migrations/versions/` build this schema; a test checks they agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()


def _doc_fk() -> Column:
    return Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=True)


def _ref(name: str, table: str, *, index: bool = False) -> Column:
    return Column(name, ForeignKey(f"{table}.id", ondelete="SET NULL"), nullable=True,
                  index=index)


documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", String(200), nullable=False, index=True),
    Column("content_hash", String(40), nullable=False, unique=True),
    Column("title", Text),
    Column("published", String(10), index=True),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("url", Text),
    Column("lang", String(8), nullable=False, default="fr"),
    Column("text", Text, nullable=False),
    Column("meta", JSON),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", String(200), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("country", String(3), index=True),
    Column("sector", String(8)),
    Column("role", Text),
    Column("kb_id", String(120), index=True),
    Column("mentions", JSON),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", String(200), nullable=False, index=True),
    Column("canonical", Text),
    Column("country", String(3), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("level", String(16)),
    Column("mentions", JSON),
)

times = Table(
    "times", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", String(32)),
    Column("end_value", String(32)),
    Column("precision", String(16)),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("direct", Boolean, nullable=False),
    _ref("speaker_id", "actors"),
    Column("cue", Text),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(16), nullable=False),
    Column("kind", String(32), nullable=False, index=True),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("approximate", Boolean, nullable=False, default=False),
    Column("who", Text),
    Column("part_of", String(16)),
    _ref("source_id", "actors", index=True),
    _ref("place_id", "places"),
    _ref("time_id", "times"),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cumulative", Boolean, nullable=False, default=False, server_default=false()),
    Column("period", Text),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("day", Integer),  # proleptic ordinal of `date`, for window queries
    Column("date", String(10)),
    Column("precision", String(16)),
    Column("place", Text),
    Column("country", String(3), index=True),
    Column("level", String(16)),
    Column("lat", Float),
    Column("lon", Float),
    Column("source", Text),
    Column("source_key", String(200)),
    Column("source_country", String(3)),
    Column("source_kind", String(16)),
    Column("target", Text),
    Column("target_key", String(200)),
    Column("target_country", String(3)),
    Column("target_kind", String(16)),
    Column("mentions", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_stories_type_day", "type", "day"),
    Index("ix_stories_day", "day"),
    Index("ix_stories_lat_lon", "lat", "lon"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    _doc_fk(),
    Column("local_id", String(16), nullable=False),
    Column("story_id", ForeignKey("stories.id", ondelete="SET NULL"), index=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    _ref("source_id", "actors", index=True),
    _ref("target_id", "actors", index=True),
    _ref("place_id", "places"),
    _ref("time_id", "times"),
    Column("status", String(16), nullable=False, index=True),
    _ref("claimed_by_id", "actors", index=True),
    Column("trigger", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("confidence", Float),
    Column("context", JSON),
    Column("date", String(10)),
    Column("merge", JSON),  # why this mention joined its story (see merge.py)
)

event_figures = Table(
    "event_figures", metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("figure_id", ForeignKey("figures.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)

TABLES = (documents, actors, places, times, quotes, figures, stories, events, event_figures)
