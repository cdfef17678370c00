import json

from vigie.record import Actor, DocumentRecord, Event, Figure, Quote, json_schema


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
