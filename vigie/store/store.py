"""The Store: one database (SQLite file by default, PostgreSQL for shared use) of document records.

One writer at a time (a lock around every write transaction, as datasette's execute_write_fn);
reads go through the engine's pool. Opening a store applies the pending migrations.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.engine import make_url

from vigie.article import content_hash
from vigie.errors import StoreError
from vigie.record import DocumentRecord
from vigie.settings import DEFAULT_DB
from vigie.store import schema
from vigie.store.write import insert_record

LOGGER = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"
# SQLite waits this long (ms) for another process's write lock before failing.
SQLITE_BUSY_MS = 30_000
# Hashes per IN (...) lookup: below SQLite's default limit of bound parameters.
HASH_CHUNK = 500


def normalize_url(url: str) -> str:
    """The SQLAlchemy URL for a store URL (`postgresql://` means the psycopg 3 driver)."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:  # a bare path
        return f"sqlite:///{url}"
    return url


def make_engine(url: str) -> Engine:
    """An engine for the store URL; SQLite gets WAL mode, foreign keys and a busy timeout."""
    url = normalize_url(url)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the writer. synchronous=NORMAL in WAL loses nothing committed when
    # the process is killed (only an OS crash can drop the last transactions).
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON",
                   f"busy_timeout={SQLITE_BUSY_MS}"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


class Store:
    """Document records, their story events, and the queries over them.

    Args:
        url: `sqlite:///path.db` (default), `sqlite://` (in memory) or `postgresql://...`.
        migrate: apply pending migrations on open.
    """

    def __init__(self, url: str = DEFAULT_DB, *, migrate: bool = True) -> None:
        self.url = normalize_url(url)
        self.engine = make_engine(self.url)
        self._write_lock = threading.Lock()
        if migrate:
            self.migrate()

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    def migrate(self) -> list[str]:
        """Apply pending migrations, each in its own transaction; return the ones applied."""
        before = set(self.applied_migrations())
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.writing() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        return [rev for rev in self.applied_migrations() if rev not in before]

    def applied_migrations(self) -> list[str]:
        """Revisions applied to this database, oldest first."""
        with self.engine.connect() as conn:
            heads = set(MigrationContext.configure(conn).get_current_heads())
        script = ScriptDirectory(str(MIGRATIONS))
        applied: list[str] = []
        for head in heads:
            applied += [rev.revision for rev in script.walk_revisions("base", head)]
        return sorted(set(applied), key=_revision_order(script))

    @contextlib.contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction at a time: commit on success, roll back on error."""
        with self._write_lock, self.engine.begin() as conn:
            yield conn

    def reading(self) -> contextlib.AbstractContextManager[Connection]:
        """A read connection."""
        return self.engine.connect()

    def add_record(self, record: DocumentRecord) -> int | None:
        """Store one record (and merge its events); None when its text is already stored.

        Returns:
            The document's row id, or None for a duplicate.
        """
        return self.add_records([record])[0]

    def add_records(self, records: Iterable[DocumentRecord]) -> list[int | None]:
        """Store records in ONE transaction; duplicates (same text) give None."""
        records = list(records)
        with self.writing() as conn:
            known = self._known(conn, {content_hash(r.text) for r in records})
            ids: list[int | None] = []
            for record in records:
                digest = content_hash(record.text)
                if digest in known:
                    ids.append(None)
                    continue
                known.add(digest)
                ids.append(insert_record(conn, record, digest))
        return ids

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes among `hashes` that are already stored."""
        with self.reading() as conn:
            return self._known(conn, set(hashes))

    @staticmethod
    def _known(conn: Connection, hashes: set[str]) -> set[str]:
        found: set[str] = set()
        column = schema.documents.c.content_hash
        pending = sorted(hashes)
        for i in range(0, len(pending), HASH_CHUNK):
            chunk = pending[i : i + HASH_CHUNK]
            found.update(conn.scalars(select(column).where(column.in_(chunk))))
        return found

    def count(self, table: str) -> int:
        """Rows in one of the store's tables."""
        from sqlalchemy import func

        if table not in schema.metadata.tables:
            raise StoreError(f"[V050] no table {table!r}")
        with self.reading() as conn:
            return conn.scalar(select(func.count()).select_from(schema.metadata.tables[table]))

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _revision_order(script: ScriptDirectory):
    order = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    return order.index
