"""What the store commands write, and what they say they wrote (issue 22)."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from vigie.cli import app
from vigie.store.query import FIELDS

pytestmark = pytest.mark.issue(22)
runner = CliRunner()


@pytest.fixture
def db(store, report_record) -> str:
    # Two claimants giving different death tolls for one strike: one story, one dispute.
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-02", killed=4, claimant="ministère"))
    store.add_record(report_record("r3", "2024-04-01", type="PROTEST", mode=None, place="Goma",
                                   source=("manifestants", "population", "COD")))
    return store.url


@pytest.mark.parametrize("command", ["query", "disputes"])
@pytest.mark.parametrize("suffix, read", [
    (".csv", lambda p: list(csv.DictReader(p.open(encoding="utf-8")))),
    (".jsonl", lambda p: [json.loads(line) for line in p.read_text().splitlines()]),
    (".json", lambda p: json.loads(p.read_text())),
    (".parquet", lambda p: pq.read_table(p).to_pylist()),
])
def test_cli_output_file_follows_its_suffix(db, tmp_path, command, suffix, read):
    out = tmp_path / f"rows{suffix}"
    result = runner.invoke(app, [command, "--db", db, "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""  # no table on screen: the file
    rows = read(out)
    assert len(rows) == 2  # two story events; two claims in dispute
    assert f"wrote {len(rows)} " in result.stderr and str(out) in result.stderr


def test_cli_output_format_option_wins_over_suffix(db, tmp_path):
    out = tmp_path / "rows.txt"
    result = runner.invoke(app, ["query", "--db", db, "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("id,date,type")


def test_cli_output_unknown_suffix_is_a_usage_error(db, tmp_path):
    result = runner.invoke(app, ["query", "--db", db, "-o", str(tmp_path / "rows.xlsx")])
    assert result.exit_code == 2 and "--format" in result.stderr
    assert not (tmp_path / "rows.xlsx").exists()


@pytest.mark.parametrize("command", [["query", "--type", "RETREAT"], ["disputes", "--story", "9"]])
def test_cli_empty_csv_has_its_header(db, command):
    result = runner.invoke(app, [*command, "--db", db, "--format", "csv"])
    assert result.exit_code == 0
    [header] = result.stdout.splitlines()
    assert header.startswith("id,date,type" if command[0] == "query" else "story,type,kind")


def test_cli_empty_parquet_has_its_columns(db, tmp_path):
    out = tmp_path / "none.parquet"
    assert runner.invoke(app, ["query", "--db", db, "--type", "RETREAT", "-o", str(out)]
                         ).exit_code == 0
    assert pq.read_table(out).column_names == list(FIELDS)


def test_cli_explain_is_a_table_with_whole_sentences(store, report_record):
    record = report_record("r1", "2024-03-02", killed=9, claimant="OSDH")
    record.text = record.text + " " + "Les secours cherchent encore des survivants. " * 6
    record.events[0].end = len(record.text)
    store.add_record(record)
    table = runner.invoke(app, ["explain", "1", "--db", store.url])
    assert table.exit_code == 0
    assert table.stdout.startswith("Story event 1: ASSAULT aerial, 2024-03-02, Idleb, SYR")
    assert "opened the story" in table.stdout and "…" not in table.stdout
    as_json = json.loads(runner.invoke(app, ["explain", "1", "--db", store.url, "--json"]).stdout)
    assert as_json["mentions"][0]["sentence"] == record.text


def test_cli_export_says_what_it_wrote(db, tmp_path):
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["export", "plover", "--db", db, "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr.strip() == f"wrote 2 PLOVER records to {out}"
    acled = runner.invoke(app, ["export", "acled", "--db", db, "-o", str(tmp_path / "a.csv")])
    assert f"wrote 2 ACLED rows to {tmp_path / 'a.csv'}" in acled.stderr
    parquet = runner.invoke(app, ["export", "parquet", "--db", db, "-o", str(tmp_path / "pq")])
    assert parquet.exit_code == 0 and "documents (3 rows)" in parquet.stderr


def test_cli_export_parquet_needs_a_directory(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "parquet", "--db", db])
    assert result.exit_code == 2 and "-o DIRECTORY" in result.stderr
    assert not (tmp_path / "vigie-parquet").exists()  # nothing written behind the user's back


def test_cli_disputes_table_shows_title_date_and_sentence(db):
    # A claim is judged by its words: the table shows the article's title, date and sentence.
    result = runner.invoke(app, ["disputes", "--db", db], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    header = next(line for line in result.stdout.splitlines() if "claimant" in line)
    columns = [c.strip() for c in header.strip("┃ ").split("┃")]
    assert columns == ["story", "type", "kind", "claimant", "value", "published", "title",
                       "sentence"]
    assert "OSDH" in result.stdout and "2024-03-02" in result.stdout
