"""Two writers on one store at once (two `vigie ingest`): both finish, each text is stored once,
a text the other stored first is a duplicate (issue 24: 'table documents_fts already exists' or
'UNIQUE constraint failed: documents.content_hash' killed one of them)."""

from __future__ import annotations

import multiprocessing

import pytest

from vigie.store import Store

pytestmark = pytest.mark.issue(24)
RECORDS = 24
# Records per transaction: small, so that the two writers' transactions interleave.
BATCH = 3


def _records(report_record) -> list:
    return [report_record(f"r{i}", f"2024-03-{1 + i % 28:02d}", killed=i + 2)
            for i in range(RECORDS)]


def _writer(url: str, records: list, start, results) -> None:
    try:
        start.wait(timeout=30)  # both open the new store at the same moment: both migrate it
        with Store(url) as store:
            ids = []
            for i in range(0, len(records), BATCH):
                ids += store.add_records(records[i : i + BATCH])
        results.put(("ok", sum(1 for i in ids if i is not None), sum(1 for i in ids if i is None)))
    except BaseException as exc:  # noqa: BLE001 - handed to the test
        results.put(("failed", repr(exc), 0))


def _two_writers(url: str, records: list) -> list:
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(2), context.Queue()
    writers = [context.Process(target=_writer, args=(url, records, start, results))
               for _ in range(2)]
    for writer in writers:
        writer.start()
    outcome = sorted(results.get(timeout=120) for _ in writers)
    for writer in writers:
        writer.join(timeout=30)
    return outcome


@pytest.mark.parametrize("trial", range(3))
def test_reliability_two_writers_on_a_new_sqlite_store(tmp_path, report_record, trial):
    url, records = f"sqlite:///{tmp_path / 'both.db'}", _records(report_record)
    outcome = _two_writers(url, records)
    assert [kind for kind, *_ in outcome] == ["ok", "ok"], outcome
    assert sum(added for _, added, _ in outcome) == RECORDS  # each text stored once...
    assert sum(skipped for *_, skipped in outcome) == RECORDS  # ...and the other's a duplicate
    with Store("sqlite://") as alone, Store(url) as both:
        alone.add_records(records)  # the store one writer makes
        for table in ("documents", "events", "stories", "figures"):
            assert both.count(table) == alone.count(table), table
        assert both.applied_migrations() == alone.applied_migrations()


def test_reliability_two_writers_on_a_new_postgresql_schema(pg_url, report_record):
    import uuid

    import sqlalchemy

    name = f"vigie_two_{uuid.uuid4().hex[:8]}"
    engine = sqlalchemy.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.schema.CreateSchema(name))
    url = pg_url + ("&" if "?" in pg_url else "?") + f"options=-csearch_path%3D{name}"
    try:
        outcome = _two_writers(url, _records(report_record))
        assert [kind for kind, *_ in outcome] == ["ok", "ok"], outcome
        assert sum(added for _, added, _ in outcome) == RECORDS
        with Store(url) as store:
            assert store.count("documents") == RECORDS
    finally:
        with engine.begin() as conn:
            conn.execute(sqlalchemy.schema.DropSchema(name, cascade=True))
        engine.dispose()
