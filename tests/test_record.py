import json

import pytest
from spacy.tokens import Doc

from vigie.record import (
    Actor,
    DocumentRecord,
    Event,
    Figure,
    Quote,
    StageWarning,
    from_doc,
    json_schema,
)
from vigie.stages.common import WARNING_MESSAGE_CHARS, guarded, stage_warning


def _record() -> DocumentRecord:
    text = "Selon l'ONU, 500 personnes ont été tuées."
    return DocumentRecord(
        doc_id="t1",
        text=text,
        actors=[Actor(id="a1", name="ONU", kind="organization", sector="IGO", mentions=[(8, 11)])],
        figures=[Figure(id="f1", kind="killed", value=500, source="a1", start=13, end=16)],
        quotes=[Quote(id="q1", text="500 personnes ont été tuées", start=13, end=40, direct=False)],
        events=[Event(id="e1", type="ASSAULT", trigger="tuées", start=0, end=41)],
    )


def test_record_round_trip():
    record = _record()
    again = DocumentRecord.from_json(record.to_json())
    assert again == record
    assert again.actors[0].mentions == [(8, 11)]


def test_record_field_names_match_contract():
    data = json.loads(_record().to_json())
    assert list(data)[:6] == ["doc_id", "lang", "title", "published", "published_inferred", "url"]
    assert set(data["figures"][0]) >= {"kind", "value", "low", "high", "approximate", "who",
                                       "part_of", "source", "place", "time", "start", "end"}
    assert set(data["events"][0]) >= {"type", "mode", "source", "target", "place", "time",
                                      "figures", "status", "claimed_by", "trigger", "start", "end"}


def test_record_schema_is_json_schema():
    schema = json.loads(json_schema())
    assert schema["title"] == "DocumentRecord"
    assert "actors" in schema["properties"]


def test_record_warnings_in_schema_and_round_trip():
    record = _record().model_copy(update={"warnings": [StageWarning(
        stage="vigie_times", error="RecursionError", message="maximum recursion depth exceeded")]})
    assert DocumentRecord.from_json(record.to_json()) == record
    schema = json.loads(json_schema())
    assert "warnings" in schema["properties"]
    assert set(schema["$defs"]["StageWarning"]["required"]) == {"stage", "error", "message"}


def _raise(error: Exception):
    raise error


@pytest.mark.issue(26)
def test_record_failed_stage_is_a_warning_not_a_silent_gap(fr_vocab):
    doc = Doc(fr_vocab, words=["Les", "rebelles", "ont", "attaqué", "jeudi", "."])
    doc._.vigie_article = {"doc_id": "d1"}
    doc._.vigie_places = []
    error = RecursionError("maximum recursion depth exceeded\nin verb_direction")
    doc._.vigie_times = guarded(doc, "vigie_times", lambda: _raise(error), [])
    record = from_doc(doc)
    assert record.times == [] and record.places == []
    assert [w.model_dump() for w in record.warnings] == [{
        "stage": "vigie_times", "error": "RecursionError",
        "message": "maximum recursion depth exceeded"}]


def test_record_warning_message_is_short():
    warning = stage_warning("vigie_quotes", ValueError("x" * 500))
    assert (warning["error"], len(warning["message"])) == ("ValueError", WARNING_MESSAGE_CHARS)


def test_record_without_failure_has_no_warnings(fr_vocab):
    doc = Doc(fr_vocab, words=["Rien", "."])
    doc._.vigie_times = guarded(doc, "vigie_times", lambda: [], [])
    assert from_doc(doc).warnings == []
