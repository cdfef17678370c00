"""WiNER entity scoring. WiNER-fr: texts Wikinews CC BY 2.5, annotations CC BY 4.0
(Yoann Dupont)."""

from pathlib import Path

import pytest

from vigie.evaluate.winer import ALL, LABELS, overlap_prf, read_brat, score_winer, vigie_spans
from vigie.record import Actor, DocumentRecord, Place

WINER = Path(__file__).resolve().parents[3] / "shared" / "corpus-winer" / "2016"


def test_evaluate_winer_reads_brat_labels(tmp_path):
    ann = tmp_path / "a.ann"
    ann.write_text("T1\tLocation 0 6\tFrance\nT2\tDate 8 12\t2016\nT3\tPerson 20 31\tJean Dupont\n"
                   "#1\tAnnotatorNotes T1\tnote\n", encoding="utf-8")
    assert read_brat(ann) == {(0, 6, "Location"), (20, 31, "Person")}


def test_evaluate_winer_overlap_match_by_label():
    gold = {(0, 10, "Person"), (20, 30, "Location")}
    pred = {(5, 12, "Person"), (20, 25, "Organization"), (40, 45, "Person")}
    person = overlap_prf(pred, gold, "Person")
    assert (person.tp, person.fp, person.fn) == (1, 1, 0)
    location = overlap_prf(pred, gold, "Location")
    assert (location.tp, location.fp, location.fn) == (0, 0, 1)


@pytest.mark.slow
@pytest.mark.skipif(not WINER.exists(), reason="WiNER-fr not present at ../shared/corpus-winer")
def test_evaluate_winer_scores_both_systems(nlp):
    scores = score_winer(WINER, nlp=nlp, limit=5)
    assert set(scores) == {"vigie", "base"}
    assert scores["base"]["Person"].tp > 0 and scores["vigie"]["Location"].tp > 0
    assert scores["vigie"][ALL].tp == sum(scores["vigie"][lab].tp for lab in LABELS)


@pytest.mark.issue(17)
def test_evaluate_winer_counts_named_mentions_only():
    text = "Les rebelles et l'OSDH. Des manifestants à Alep."
    record = DocumentRecord(doc_id="d", text=text, actors=[
        Actor(id="a1", name="rebelles", kind="group", mentions=[(0, 12)]),
        Actor(id="a2", name="OSDH", kind="organization", mentions=[(18, 22)],
              named_mentions=[(18, 22)]),
        Actor(id="a3", name="manifestants", kind="group", mentions=[(24, 40)]),
    ], places=[Place(id="p1", name="Alep", mentions=[(43, 47)])])
    assert vigie_spans(record) == {(18, 22, "Organization"), (43, 47, "Location")}


def test_evaluate_winer_table_shows_all_labels_summed(tmp_path):
    # The table, not only --json, gives the micro average over the three labels.
    from typer.testing import CliRunner

    from vigie.cli import app

    (tmp_path / "a.txt").write_text("Jean Dupont est arrivé à Lyon.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPerson 0 11\tJean Dupont\nT2\tLocation 25 29\tLyon\n",
                                    encoding="utf-8")
    result = CliRunner().invoke(app, ["eval-entities", str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    rows = [line.split("│")[1:3] for line in result.stdout.splitlines() if "│" in line]
    assert [[c.strip() for c in row] for row in rows if row[0].strip() == ALL] == [
        [ALL, "base"], [ALL, "vigie"]]
