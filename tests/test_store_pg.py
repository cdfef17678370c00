"""The PostgreSQL path: migrations, idempotence, merge, French full-text search, exports."""

from __future__ import annotations

import json
import uuid

import pytest
import sqlalchemy

from vigie.store import Filters, Store, query
from vigie.store.export import export
from vigie.store.report import disputes

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store(pg_url):
    """A store in a fresh PostgreSQL schema, dropped afterwards."""
    name = f"vigie_test_{uuid.uuid4().hex[:8]}"
    admin = sqlalchemy.create_engine(pg_url)
    with admin.begin() as conn:
        conn.execute(sqlalchemy.schema.CreateSchema(name))
    url = pg_url + ("&" if "?" in pg_url else "?") + f"options=-csearch_path%3D{name}"
    with Store(url) as store:
        yield store
    with admin.begin() as conn:
        conn.execute(sqlalchemy.schema.DropSchema(name, cascade=True))
    admin.dispose()

MIGRATIONS = ["0001_initial", "0002_fulltext", "0003_story_day_index",
              "0004_reference_indexes", "0005_figure_scope"]


def test_store_pg_migrates_and_dedupes(pg_store, report_record):
    assert pg_store.dialect == "postgresql"
    assert pg_store.applied_migrations() == MIGRATIONS
    record = report_record("r1", "2024-03-02", killed=9, claimant="OSDH")
    assert pg_store.add_record(record) is not None
    assert pg_store.add_record(record) is None
    assert pg_store.count("documents") == 1


def test_store_pg_merges_and_reports_disputes(pg_store, report_record):
    pg_store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    pg_store.add_record(report_record("r2", "2024-03-03", killed=14, claimant="Casques blancs"))
    assert pg_store.count("stories") == 1
    assert [(c.claimant, c.value) for c in disputes(pg_store)] == [
        ("OSDH", 9.0), ("Casques blancs", 14.0)]


def test_store_pg_french_text_search_and_export(pg_store, report_record):
    pg_store.add_record(report_record("r1", "2024-03-02", claimant="Médecins sans frontières"))
    pg_store.add_record(report_record("r2", "2024-03-20", place="Goma"))
    # French stemming: "frappes" finds "frappe", "médecin" finds "Médecins".
    assert [r["place"] for r in query(pg_store, Filters(text="médecin"))] == ["Idleb"]
    assert len(query(pg_store, Filters(text="frappes"))) == 2
    assert [r["id"] for r in query(pg_store, Filters(place="Idleb", radius_km=20))] == [1]
    lines = export(pg_store, "plover", None).splitlines()
    assert [json.loads(line)["event_loc"]["country_code"] for line in lines] == ["SYR", "COD"]
