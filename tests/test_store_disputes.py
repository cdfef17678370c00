"""Disputes: one story, figures that differ by claimant."""

from __future__ import annotations

import pytest

from vigie.errors import StoreError
from vigie.store.report import claims, disputes, explain


def test_store_disputes_lists_each_claimant(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-03", killed=14, claimant="Casques blancs"))
    store.add_record(report_record("r3", "2024-03-03", killed=9, claimant="OSDH", when="lundi"))
    rows = [(c.story, c.kind, c.claimant, c.value, c.doc_id, c.published)
            for c in disputes(store)]
    assert rows == [
        (1, "killed", "OSDH", 9.0, "r1", "2024-03-02"),
        (1, "killed", "Casques blancs", 14.0, "r2", "2024-03-03"),
        (1, "killed", "OSDH", 9.0, "r3", "2024-03-03"),
    ]


def test_store_disputes_ignores_agreeing_claimants(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-02", killed=9, claimant="Casques blancs"))
    assert disputes(store) == []
    assert len(claims(store)) == 2


def test_store_disputes_unattributed_figure_is_its_article(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-02", killed=11))
    assert [c.claimant for c in disputes(store, story_id=1)] == ["OSDH", "r2 (unattributed)"]


def test_store_explain_unknown_story(store):
    with pytest.raises(StoreError, match="V051"):
        explain(store, 42)


def _report(doc_id, published, *claims, title="Syrie : frappes sur Idleb", linked=None):
    """A one-event record whose figures are `claims`: (claimant or None, value, extra fields);
    each figure is stated by its own sentence, and linked to the event unless `linked` says."""
    from vigie.record import DocumentRecord

    sentences, figures, times = [], [], []
    actors = [{"id": "a1", "name": "Russie", "kind": "state", "country": "RUS"}]
    for i, (claimant, value, extra) in enumerate(claims, 1):
        source = None
        if claimant:
            source = f"a{len(actors) + 1}"
            actors.append({"id": source, "name": claimant, "kind": "organization"})
        before = " ".join(sentences) + (" " if sentences else "")
        sentences.append(f"Selon {claimant or 'nos informations'}, la frappe a fait {value} morts.")
        start = len(before) + sentences[-1].index(str(value))
        if "when" in extra:  # the figure's date
            times.append({"id": f"t{i}", "text": "ce jour", "start": start, "end": start + 2,
                          "value": extra.pop("when"), "precision": "day"})
            extra["time"] = f"t{i}"
        figures.append({"id": f"f{i}", "kind": extra.pop("kind", "killed"), "value": value,
                        "start": start, "end": start + len(str(value)), "source": source,
                        **extra})
    text = " ".join(sentences)
    places = [{"id": "p1", "name": "Idleb", "country": "SYR", "lat": 35.93, "lon": 36.63,
               "level": "city"}]
    keep = [f["id"] for f in figures if linked is None or f["id"] in linked]
    event = {"id": "e1", "type": "ASSAULT", "mode": "aerial", "source": "a1", "place": "p1",
             "figures": keep, "trigger": "frappe", "start": 0, "end": len(text)}
    return DocumentRecord(doc_id=doc_id, published=published, title=title, text=text,
                          actors=actors, places=places, times=times, figures=figures,
                          events=[event])


def _rows(store):
    return [(c.claimant, c.value, c.doc_id) for c in disputes(store)]


@pytest.mark.issue(20)
def test_store_disputes_true_disagreement_shows_title_and_sentence(store):
    store.add_record(_report("r1", "2024-03-02", ("procureur", 25, {"who": "personnes"}),
                             title="Venezuela : 25 morts"))
    store.add_record(_report("r2", "2024-03-03", ("ONG", 24.0, {"who": "morts"})))
    first, second = disputes(store)
    assert (first.claimant, first.value, first.figure, first.title) == (
        "procureur", 25, "25", "Venezuela : 25 morts")
    assert first.sentence == "Selon procureur, la frappe a fait 25 morts."
    assert (second.claimant, second.value, type(second.value)) == ("ONG", 24, int)


@pytest.mark.issue(20)
def test_store_disputes_never_set_a_total_against_its_subset(store):
    store.add_record(_report("r1", "2024-03-02", ("OSDH", 40, {}),
                             ("OSDH", 12, {"part_of": "f1", "who": "enfants"})))
    store.add_record(_report("r2", "2024-03-02", ("ONU", 40, {})))
    assert _rows(store) == []


@pytest.mark.issue(20)
def test_store_disputes_never_set_a_cumulative_total_against_a_toll(store):
    store.add_record(_report("r1", "2024-03-02", ("responsable local", 8, {}),
                             ("ACLED", 70, {"cumulative": True, "period": "depuis 2015"})))
    assert _rows(store) == []
    store.add_record(_report("r2", "2024-03-03", ("ONG", 90, {"cumulative": True,
                                                               "period": "depuis 2015"})))
    assert _rows(store) == [("ACLED", 70, "r1"), ("ONG", 90, "r2")]  # same period: a dispute


@pytest.mark.issue(20)
def test_store_disputes_counts_far_apart_measure_other_scopes(store):
    store.add_record(_report("r1", "2024-03-02", ("responsable local", 8, {})))
    store.add_record(_report("r2", "2024-03-02", ("ACLED", 17000, {"low": 17000,
                                                                   "approximate": True})))
    assert _rows(store) == []


@pytest.mark.issue(20)
def test_store_disputes_same_claimant_revised(store):
    store.add_record(_report("r1", "2024-03-02", ("OSDH", 9, {})))
    store.add_record(_report("r2", "2024-03-03", ("OSDH", 14, {"low": 14, "approximate": True})))
    assert [(c.claimant, c.figure) for c in disputes(store)] == [("OSDH", "9"), ("OSDH", "≥ 14")]


@pytest.mark.issue(20)
def test_store_disputes_inside_one_article(store):
    store.add_record(_report("r1", "2024-03-02", (None, 20, {}), ("police", 23, {})))
    assert _rows(store) == []  # the article's own count against a claimant: no dispute
    store.add_record(_report("r2", "2024-04-20", ("police", 17, {}), ("opposition", 40, {})))
    assert _rows(store) == [("police", 17, "r2"), ("opposition", 40, "r2")]  # another story


@pytest.mark.issue(20)
def test_store_disputes_compare_one_population(store):
    store.add_record(_report("r1", "2024-03-02", ("ONU", 12, {"who": "civils"})))
    store.add_record(_report("r2", "2024-03-02", ("armée", 20, {"who": "soldats"})))
    assert _rows(store) == []
    store.add_record(_report("r3", "2024-03-02", ("OSDH", 15, {"who": "morts"})))  # anyone
    assert _rows(store) == [("ONU", 12, "r1"), ("armée", 20, "r2"), ("OSDH", 15, "r3")]


@pytest.mark.issue(20)
def test_store_disputes_figure_of_no_event_joins_its_article_story(store):
    store.add_record(_report("r1", "2024-03-02", ("procureur", 25, {}), ("ONG", 24, {}),
                             linked={"f1"}))
    assert _rows(store) == [("procureur", 25, "r1"), ("ONG", 24, "r1")]


@pytest.mark.issue(20)
def test_store_disputes_inside_one_article_two_dates_are_two_counts(store):
    store.add_record(_report("r1", "2024-03-02", ("AAPP", 82, {"when": "2024-03-01"}),
                             ("armée", 248, {"when": "2024-02-29"})))
    assert _rows(store) == []
