"""`vigie ingest` and `vigie extract` say which records a stage failed on (issue 26)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from vigie import output
from vigie.cli import app
from vigie.record import StageWarning

FAILED = StageWarning(stage="vigie_times", error="RecursionError",
                      message="maximum recursion depth exceeded")


@pytest.mark.issue(26)
def test_cli_ingest_prints_and_counts_record_warnings(report_record, tmp_path):
    broken = report_record("r1", "2024-03-02").model_copy(update={"warnings": [FAILED]})
    fine = report_record("r2", "2024-03-05", place="Hama")
    (tmp_path / "in.jsonl").write_text(broken.to_json() + "\n" + fine.to_json() + "\n")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in.jsonl"), "--records",
                                      "--db", f"sqlite:///{tmp_path / 'w.db'}"])
    assert result.exit_code == 0  # stored all the same: a warning, not a failure
    assert "added 2, duplicates skipped 0, failed 0, with warnings 1" in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert lines == [f"warning: {tmp_path / 'in.jsonl'}:1: vigie_times failed (RecursionError: "
                     "maximum recursion depth exceeded): its output is missing"]


def test_cli_extract_line_per_warned_record(report_record, capsys):
    assert output.record_warnings(report_record("r2", "2024-03-05")) == 0
    record = report_record("r1", "2024-03-02").model_copy(update={"warnings": [FAILED, FAILED]})
    assert output.record_warnings(record) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("warning: r1: vigie_times failed (RecursionError: ")
    assert line.endswith("; vigie_times failed (RecursionError: maximum recursion depth "
                         "exceeded): their output is missing")


def test_cli_extract_writes_warned_records_and_counts_them(report_record, capsys):
    import io

    from vigie.run import _write

    records = [report_record("r1", "2024-03-02").model_copy(update={"warnings": [FAILED]}),
               report_record("r2", "2024-03-05")]
    stream = io.StringIO()
    pairs = [(None, record) for record in records]  # (article, its record), as extract gives them
    assert _write(iter(pairs), "jsonl", stream) == 0  # a warning is not a failure
    assert len(stream.getvalue().splitlines()) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[1] for line in err if line.startswith("warning:")] == [" r1"]
    assert err[-1] == "1 record(s) with warnings: a stage failed on them (see above)"
