"""vigie extract: every bad article is named with its file (and line), every good one written."""

from __future__ import annotations

import json

import pytest
from conftest import BOOM
from typer.testing import CliRunner

from vigie.cli import app

pytestmark = pytest.mark.issue(24)
runner = CliRunner()
GOOD = "Selon la police, douze civils ont été tués mardi à Alep lors d'une frappe aérienne."
# The spaCy models read at most this many characters at once (nlp.max_length).
MODEL_LIMIT = 1_000_000


def _deep(levels: int):
    value = 1
    for _ in range(levels):
        value = [value]
    return value


# Each bad article, as a JSONL line (the 2nd of its file), and the code it must be refused with.
BAD_LINES = [
    pytest.param({"id": "b", "text": GOOD, "title": 5}, "[V013] the 'title' field", id="title"),
    pytest.param({"id": ["l", "i"], "text": GOOD}, "[V013] the 'id' field", id="id-list"),
    pytest.param({"id": "b", "text": "Le ministre \ud800 a parlé."}, "[V017]", id="surrogate"),
    pytest.param({"id": "b", "text": GOOD, "tags": _deep(900)}, "[V018]", id="meta-900-deep"),
    pytest.param({"id": "b", "text": GOOD, "published": "yesterday"}, "[V015]", id="date"),
    pytest.param({"id": "b", "text": f"{GOOD} {BOOM}"}, "[V030] extraction failed", id="stage"),
]


@pytest.fixture
def fragile_run(monkeypatch, fragile_nlp):
    """`vigie extract ARGS` on the fragile pipeline: (exit code, stdout records, stderr)."""
    monkeypatch.setattr("vigie.run.load", lambda model, kb_files: fragile_nlp)

    def run(*args: str):
        result = runner.invoke(app, ["extract", *args])
        records = [json.loads(line) for line in result.stdout.splitlines()]
        return result.exit_code, records, result.stderr

    return run


@pytest.mark.parametrize("bad, code", BAD_LINES)
def test_reliability_extract_bad_line_costs_only_itself(fragile_run, tmp_path, bad, code):
    (tmp_path / "first.txt").write_text(GOOD, encoding="utf-8")
    lines = [{"id": "a", "text": GOOD}, bad, {"id": "c", "text": GOOD}]
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    status, records, stderr = fragile_run(str(tmp_path / "first.txt"), str(path))
    assert status == 1
    assert [r["doc_id"] for r in records] == ["first", "a", "c"]
    assert stderr.splitlines() == [stderr.splitlines()[0]]  # one line, no traceback
    assert stderr.startswith(f"error: {path}:2: {code}")


def test_reliability_extract_text_over_the_model_limit_is_read(fragile_run, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    big, text = tmp_path / "b.txt", " ".join([GOOD] * (MODEL_LIMIT // len(GOOD) + 1))
    big.write_text(text, encoding="utf-8")  # 1.1 MB: under --max-bytes, over the model's limit
    (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
    status, records, stderr = fragile_run(str(tmp_path))  # section by section (vigie.sections)
    assert (status, [r["doc_id"] for r in records], stderr) == (0, ["a", "b", "c"], "")
    assert records[1]["text"] == text


def test_reliability_extract_json_output_keeps_the_good_records(fragile_run, tmp_path):
    for name, text in (("a", GOOD), ("b", f"{GOOD} {BOOM}"), ("c", GOOD)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    status, _, stderr = fragile_run(str(tmp_path), "-o", str(out))
    assert status == 1 and stderr.startswith(f"error: {tmp_path / 'b.txt'}: [V030]")
    assert [r["doc_id"] for r in json.loads(out.read_text(encoding="utf-8"))] == ["a", "c"]


def test_reliability_extract_all_good_exits_0(fragile_run, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    status, records, stderr = fragile_run(str(tmp_path / "a.txt"))
    assert (status, [r["doc_id"] for r in records], stderr) == (0, ["a"], "")


@pytest.mark.parametrize("name, shown", [
    ("b\nerror: forged.txt: [V001] file is empty.txt", "b\\nerror: forged.txt: [V001] file is "
                                                       "empty.txt"),
    ("\x1b[31mred.txt", "\\x1b[31mred.txt"),
    (":warning: b.txt", ":warning: b.txt"),  # an emoji code stays as written
])
def test_reliability_extract_file_name_cannot_forge_a_line(fragile_run, tmp_path, name, shown):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_text("", encoding="utf-8")
    status, records, stderr = fragile_run(str(tmp_path / "a.txt"), str(tmp_path / name))
    assert (status, [r["doc_id"] for r in records]) == (1, ["a"])
    assert stderr == f"error: {tmp_path}/{shown}: [V001] file is empty\n"
