"""WiNER entity scoring. WiNER-fr: texts Wikinews CC BY 2.5, annotations CC BY 4.0
(Yoann Dupont)."""

from pathlib import Path

import pytest

from vigie.evaluate.winer import overlap_prf, read_brat, score_winer

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
