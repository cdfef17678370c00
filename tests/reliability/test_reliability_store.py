"""A store that cannot be written (under /proc, a full disk): one coded line, exit 1, never a
traceback; what was committed before the disk filled stays."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from vigie.cli import app
from vigie.store import Store, store

pytestmark = pytest.mark.issue(24)
runner = CliRunner()


def _ingest(*args: str):
    result = runner.invoke(app, ["ingest", *args])
    lines = [line for line in result.stderr.splitlines() if not line.startswith("ingesting")]
    return result.exit_code, lines


def test_reliability_store_under_proc_is_a_coded_error(tmp_path, report_record):
    path = tmp_path / "r.jsonl"
    path.write_text(report_record("r1", "2024-03-02").to_json() + "\n", encoding="utf-8")
    status, lines = _ingest(str(path), "--records", "--db", "sqlite:////proc/vigie.db")
    assert status == 1
    assert lines == ["error: vigie ingest: [V055] sqlite:////proc/vigie.db: unable to open "
                     "database file"]


def test_reliability_store_on_a_full_disk_keeps_what_was_committed(tmp_path, report_record,
                                                                 monkeypatch):
    db = tmp_path / "full.db"
    with Store(f"sqlite:///{db}"):
        pass  # created and migrated while there is room
    pages = db.stat().st_size // 4096 + 8  # room for a few records, not for 200

    def full_disk(connection, record):
        made(connection, record)
        connection.execute(f"PRAGMA max_page_count={pages}")

    made = store._sqlite_pragmas
    monkeypatch.setattr(store, "_sqlite_pragmas", full_disk)
    path = tmp_path / "r.jsonl"
    path.write_text("".join(report_record(f"r{i}", "2024-03-02", killed=i + 2).to_json() + "\n"
                            for i in range(200)), encoding="utf-8")
    status, lines = _ingest(str(path), "--records", "--batch-size", "4", "--db", f"sqlite:///{db}")
    assert status == 1
    assert lines == [f"error: vigie ingest: [V055] sqlite:///{db}: database or disk is full"]
    monkeypatch.setattr(store, "_sqlite_pragmas", made)
    with Store(f"sqlite:///{db}") as kept:
        stored = kept.count("documents")
    assert 0 < stored < 200 and stored % 4 == 0  # whole batches, each its own transaction
