import json

import pytest
from typer.testing import CliRunner

from vigie.cli import app
from vigie.cli_docs import command_names
from vigie.record import DocumentRecord

runner = CliRunner()
TEXT = "Le président du Sénégal a rencontré mardi à Dakar le chef de l'Etat malien.\n"


def test_cli_help_has_examples():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "Example" in result.output
    for name in command_names():
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output, name


def test_cli_schema_prints_json_schema():
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.output)["title"] == "DocumentRecord"


@pytest.mark.slow
def test_cli_extract_bad_inputs_do_not_stop_good_ones(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path / "empty.txt"),
                                 str(tmp_path / "missing.txt"), str(good), "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2
    assert "empty.txt: [V001]" in errors[0] and "missing.txt: [V006]" in errors[1]
    assert "Traceback" not in result.output + result.stderr
    [line] = out.read_text(encoding="utf-8").splitlines()
    assert DocumentRecord.from_json(line).doc_id == "good"


@pytest.mark.slow
def test_cli_extract_json_validates_and_offsets_hold(tmp_path):
    good = tmp_path / "g.txt"
    good.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(good), "--format", "json",
                                 "--published", "2021-03-02"])
    assert result.exit_code == 0
    record = DocumentRecord.model_validate(json.loads(result.stdout))
    assert record.published == "2021-03-02" and not record.published_inferred


def test_cli_usage_error_exits_2():
    assert runner.invoke(app, ["extract"]).exit_code == 2
    assert runner.invoke(app, ["extract", "x.txt", "--n-process", "0"]).exit_code == 2


def test_cli_extract_unknown_model_is_one_line_error(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(good), "--model", "fr_pas_de_modele", "-o",
                                 str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    [line] = [x for x in result.output.splitlines() if x.startswith("error:")]
    assert line.startswith("error: fr_pas_de_modele: [V040] spaCy model 'fr_pas_de_modele'")
