"""The Store: one database (SQLite file by default, PostgreSQL for shared use) of document records.

One writer at a time (a lock around every write transaction, as datasette's execute_write_fn);
reads go through the engine's pool. Opening a store applies the pending migrations; opening one
that does not exist fails unless `create=True` (only `vigie ingest` creates a store: a mistyped
path must not become a new empty store that answers every query with nothing).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

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


def display_url(url: str) -> str:
    """The store URL as messages show it: the user's spelling, password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return url


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for the store URL; SQLite gets WAL mode, foreign keys and a busy timeout.

    Raises:
        StoreError: the URL is not one of a store, or (create False) its SQLite file is missing.
    """
    shown, url = display_url(url), normalize_url(url)
    try:
        if not url.startswith("sqlite"):
            return create_engine(url, pool_pre_ping=True)
        database = _sqlite_file(url)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"[V053] {shown}: not a store URL ({_reason(exc)}); give "
                         "sqlite:///path.db or postgresql://user@host/db") from exc
    if database and not create and not database.is_file():
        raise StoreError(f"[V054] {shown}: no store at {database} (`vigie ingest "
                         "PATH --db URL` creates one)")
    if database:
        database.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL: readers never block the writer. synchronous=NORMAL in WAL loses nothing committed when
    # the process is killed (only an OS crash can drop the last transactions).
    for pragma in (f"busy_timeout={SQLITE_BUSY_MS}", "synchronous=NORMAL", "foreign_keys=ON"):
        cursor.execute(f"PRAGMA {pragma}")
    _use_wal(cursor)
    cursor.close()


def _use_wal(cursor) -> None:
    """Switch the file to WAL (kept in the file: done once per store). The switch needs the
    file to itself and SQLite answers "database is locked" at once, without the busy timeout,
    while another process opens the same new store: it is tried again until the timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() not in ("wal", "memory"):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Store:
    """Document records, their story events, and the queries over them.

    Args:
        url: `sqlite:///path.db` (default), `sqlite://` (in memory) or `postgresql://...`.
        migrate: apply pending migrations on open.
        create: create the store when there is none; else a missing SQLite file, or a database
            without vigie's tables, is an error.

    Raises:
        StoreError: the store cannot be opened (one line: which store, why).
    """

    def __init__(self, url: str = DEFAULT_DB, *, migrate: bool = True, create: bool = True
                 ) -> None:
        self.url, self._shown = normalize_url(url), display_url(url)
        self.engine = make_engine(url, create=create)
        self._write_lock = threading.Lock()
        with self.errors():
            if not create and not self._has_tables():
                raise StoreError(f"[V054] {self._shown}: not a vigie store (no "
                                 "vigie tables; `vigie ingest PATH --db URL` creates one)")
            if migrate:
                self.migrate()

    def _has_tables(self) -> bool:
        if self.url.startswith("sqlite") and _sqlite_file(self.url) is None:
            return True  # in memory: a new store every time, nothing to mistype
        with self.engine.connect() as conn:
            return inspect(conn).has_table(schema.documents.name)

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Turn the database's errors (server down, locked or corrupt file, no permission...)
        into one-line StoreErrors naming the store."""
        try:
            yield
        except SQLAlchemyError as exc:
            LOGGER.debug("store error", exc_info=exc)
            raise StoreError(f"[V055] {self._shown}: {_reason(exc)}") from exc

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.engine.dialect.name

    def migrate(self) -> list[str]:
        """Apply pending migrations in one transaction, under the writer lock (a store opened by
        two processes at once is migrated once); return the ones applied."""
        before = set(self.applied_migrations())
        if before >= {rev.revision for rev in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}:
            return []  # up to date: no write, so a store on a read-only disk can still be read
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
        """One write transaction at a time, in this process and across processes: commit on
        success, roll back on error.

        Two `vigie ingest` on one store used to fail one of them ("table documents_fts already
        exists" when both migrated a new store, "UNIQUE constraint failed: content_hash" when
        both stored one text). The writer lock is now taken before the transaction reads: on
        SQLite `BEGIN IMMEDIATE` (the other process waits, up to SQLITE_BUSY_MS), on PostgreSQL
        an advisory lock per schema held to the transaction's end. What a transaction reads
        (applied migrations, stored hashes) is then what it writes over: a text stored meanwhile
        by another process is a duplicate, a migration applied meanwhile is not run again.
        """
        with self._write_lock, self.engine.begin() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            elif self.dialect == "postgresql":
                conn.exec_driver_sql(
                    "SELECT pg_advisory_xact_lock(hashtext('vigie writer ' || current_schema()))")
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


def _reason(exc: BaseException) -> str:
    """The driver's message on one line (SQLAlchemy's own adds the statement and a link)."""
    reason = str(getattr(exc, "orig", None) or exc)
    return " ".join(reason.split()) or type(exc).__name__


def _revision_order(script: ScriptDirectory):
    order = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    return order.index
