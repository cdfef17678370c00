"""vigie ingest: a failure is charged to the article that caused it, the others are stored."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import BOOM
from typer.testing import CliRunner

from vigie.cli import app

pytestmark = pytest.mark.issue(24)
runner = CliRunner()
GOOD = "Selon la préfecture, {n} manifestants ont été arrêtés samedi à Lyon."


@pytest.fixture
def ingest_run(monkeypatch, fragile_nlp, tmp_path):
    """`vigie ingest ARGS --db` on the fragile pipeline: (exit code, stdout, stderr, doc ids)."""
    monkeypatch.setattr("vigie.pipeline.load", lambda model, kb_files: fragile_nlp)
    db = tmp_path / "in.db"

    def run(*args: str):
        result = runner.invoke(app, ["ingest", *args, "--db", f"sqlite:///{db}"])
        with sqlite3.connect(db) as conn:
            ids = sorted(row[0] for row in conn.execute("SELECT doc_id FROM documents"))
        said = "".join(line + "\n" for line in result.stderr.splitlines()
                       if not line.startswith("ingesting"))  # the progress bar
        return result.exit_code, result.stdout, said, ids

    return run


def test_reliability_ingest_charges_the_article_that_failed(ingest_run, tmp_path):
    lines = [{"id": "a1", "text": GOOD.format(n=3)},
             {"id": "a2", "text": GOOD.format(n=4) + f" {BOOM}"},
             {"id": "a3", "text": GOOD.format(n=5)}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    status, stdout, stderr, ids = ingest_run(str(path))
    assert (status, ids) == (1, ["a1", "a3"])
    assert stderr.strip() == (f"error: {path}:2: [V030] extraction failed: RuntimeError: the "
                              "component broke on this article")
    assert "added 2, duplicates skipped 0, failed 1" in stdout
    status, stdout, stderr, ids = ingest_run(str(path))  # a rerun: only a2 is tried, and fails
    assert (status, ids) == (1, ["a1", "a3"])
    assert "added 0, duplicates skipped 2, failed 1" in stdout and f"{path}:2: [V030]" in stderr


def test_reliability_ingest_bad_fields_are_refused_with_their_line(ingest_run, tmp_path):
    lines = [{"id": "a1", "text": GOOD.format(n=3), "title": ["t"]},
             {"id": "a2", "text": "Le préfet \udc80 a parlé."},
             {"id": "a3", "text": GOOD.format(n=5)}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    status, _, stderr, ids = ingest_run(str(path))
    assert (status, ids) == (1, ["a3"])
    assert [line.split(" [")[0] for line in stderr.splitlines()] == [
        f"error: {path}:1:", f"error: {path}:2:"]
    assert "[V013] the 'title' field" in stderr and "[V017]" in stderr


@pytest.mark.parametrize("data, code", [
    pytest.param(bytes(range(256)) * 8, "[V002]", id="binary"),
    pytest.param(b"\x00\x01\x02" + b"\x00" * 64, "[V002]", id="nul-bytes"),
])
def test_reliability_ingest_records_of_a_binary_file_are_refused(ingest_run, tmp_path, data,
                                                                  code):
    path = tmp_path / "records.jsonl"
    path.write_bytes(data)
    status, _, stderr, ids = ingest_run(str(path), "--records")
    assert (status, ids) == (1, [])
    assert stderr.strip().startswith(f"error: {path}: {code}")


def test_reliability_ingest_records_in_latin1_are_read(ingest_run, report_record, tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes((report_record("r1", "2024-03-02").to_json() + "\n").encode("latin-1"))
    status, _, stderr, ids = ingest_run(str(path), "--records")
    assert (status, ids) == (0, ["r1"])
    assert stderr.strip() == f"warning: {path}: [W001] decoded as cp1252 (not UTF-8)"
