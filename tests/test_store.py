"""The Store: migrations, idempotent writes, tables, full-text search."""

from __future__ import annotations

import sqlalchemy

from vigie.store import Filters, Store, query, schema
from vigie.store.store import normalize_url

MIGRATIONS = ["0001_initial", "0002_fulltext", "0003_story_day_index",
              "0004_reference_indexes", "0005_figure_scope"]


def test_store_migrations_recorded_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    with Store(url) as first:
        assert first.applied_migrations() == MIGRATIONS
    with Store(url) as again:
        assert again.migrate() == []
        assert again.applied_migrations() == MIGRATIONS


def test_store_migrated_schema_matches_models(store):
    inspector = sqlalchemy.inspect(store.engine)
    for table in schema.TABLES:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name


def test_store_sqlite_uses_wal(store):
    with store.reading() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_store_add_record_is_idempotent(store, report_record):
    record = report_record("r1", "2024-03-02", killed=9, claimant="OSDH")
    first = store.add_record(record)
    assert isinstance(first, int)
    assert store.add_record(record) is None
    assert store.add_record(record.model_copy(update={"doc_id": "other-id"})) is None
    counts = {t: store.count(t) for t in ("documents", "actors", "places", "figures", "events",
                                           "stories", "event_figures")}
    assert counts == {"documents": 1, "actors": 2, "places": 1, "figures": 1, "events": 1,
                      "stories": 1, "event_figures": 1}


def test_store_keeps_references_between_rows(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    F, A = schema.figures, schema.actors
    with store.reading() as conn:
        row = conn.execute(sqlalchemy.select(F.c.value, A.c.name, F.c.start, F.c.end)
                           .join(A, A.c.id == F.c.source_id)).one()
    assert tuple(row) == (9.0, "OSDH", 50, 51)


def test_store_full_text_search_folds_accents(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", claimant="Médecins sans frontières"))
    store.add_record(report_record("r2", "2024-03-20", place="Goma"))
    found = query(store, Filters(text="medecins frontieres"))
    assert [r["place"] for r in found] == ["Idleb"]
    assert query(store, Filters(text='témoins "Goma')) != []


def test_store_normalize_url():
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("data/v.db") == "sqlite:///data/v.db"
    assert normalize_url("sqlite://") == "sqlite://"


def test_store_open_applies_pending_migrations(tmp_path):
    from alembic import command
    from alembic.config import Config

    from vigie.store.store import MIGRATIONS as SCRIPTS

    old = Store(f"sqlite:///{tmp_path / 'old.db'}", migrate=False)
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    with old.writing() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002_fulltext")
    assert old.applied_migrations() == MIGRATIONS[:2]
    assert old.migrate() == ["0003_story_day_index",
              "0004_reference_indexes", "0005_figure_scope"]
    old.close()
