"""fulltext: search over article text and quotes (SQLite FTS5; PostgreSQL French text search).

Revision ID: 0002_fulltext
Revises: 0001_initial
"""

from __future__ import annotations

from alembic import op

revision = "0002_fulltext"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# FTS5 external-content tables kept in step by triggers; accents folded so "Alep" finds "ALEP"
# and "negociations" finds "négociations".
_SQLITE_UP = [
    "CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN"
    " INSERT INTO documents_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN"
    " INSERT INTO documents_fts(documents_fts, rowid, text)"
    " VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN"
    " INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN"
    " INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
]
_SQLITE_DOWN = [
    "DROP TRIGGER quotes_fts_ad", "DROP TRIGGER quotes_fts_ai", "DROP TRIGGER documents_fts_ad",
    "DROP TRIGGER documents_fts_ai", "DROP TABLE quotes_fts", "DROP TABLE documents_fts",
]
# Expression indexes: queries use the same to_tsvector('french', ...) expression (query.py).
_PG_UP = [
    "CREATE INDEX ix_documents_fts ON documents USING gin (to_tsvector('french', text))",
    "CREATE INDEX ix_quotes_fts ON quotes USING gin (to_tsvector('french', text))",
]
_PG_DOWN = ["DROP INDEX ix_quotes_fts", "DROP INDEX ix_documents_fts"]


def _statements(up: bool) -> list[str]:
    if op.get_bind().dialect.name == "sqlite":
        return _SQLITE_UP if up else _SQLITE_DOWN
    return _PG_UP if up else _PG_DOWN


def upgrade() -> None:
    for statement in _statements(True):
        op.execute(statement)


def downgrade() -> None:
    for statement in _statements(False):
        op.execute(statement)
