"""The REST API on a store of two hand-made reports (no model needed)."""

from __future__ import annotations

import pytest
from conftest import WEB_TOKEN

AUTH = {"Authorization": f"Bearer {WEB_TOKEN}"}


def test_web_documents_list_paginates(web_client):
    first = web_client.get("/api/documents", params={"limit": 1}).json()
    second = web_client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert [d["doc_id"] for d in first["items"]] == ["web-two"]
    assert first["next_offset"] == 1
    assert [d["doc_id"] for d in second["items"]] == ["web-one"]
    assert second["next_offset"] is None


def test_web_document_record_round_trips(web_client, web_records):
    listed = web_client.get("/api/documents", params={"limit": 2}).json()["items"]
    row = next(d["id"] for d in listed if d["doc_id"] == "web-two")
    body = web_client.get(f"/api/documents/{row}").json()
    record = body["record"]
    expected = web_records[1].model_dump(mode="json")
    assert record["quotes"] == expected["quotes"]
    assert record["figures"] == expected["figures"]
    assert record["actors"] == expected["actors"]
    assert (record["events"][0]["trigger_start"], record["events"][0]["trigger_end"]) == (4, 11)
    assert body["stories"] == {"e1": 1}


def test_web_events_merge_and_filter(web_client):
    events = web_client.get("/api/events", params={"type": "ASSAULT", "country": "ukr"}).json()
    assert [(e["id"], e["date"], e["place"], e["mentions"], e["fatalities"])
            for e in events["items"]] == [(1, "2022-03-03", "Kharkiv", 2, 2)]
    assert web_client.get("/api/events", params={"since": "2022-03-04"}).json()["items"] == []


def test_web_event_detail_points_at_documents(web_client):
    detail = web_client.get("/api/events/1").json()
    assert detail["story"]["type"] == "ASSAULT"
    assert [(m["doc_id"], m["trigger"], m["start"], m["end"]) for m in detail["mentions"]] == [
        ("web-one", "bombardé", 0, 49), ("web-two", "frappes", 0, 44)]


def test_web_disputes_side_by_side(web_client):
    groups = web_client.get("/api/disputes").json()["items"]
    assert [(g["story"], g["kind"]) for g in groups] == [(1, "killed")]
    assert sorted((c["claimant"], c["value"]) for c in groups[0]["claims"]) == [
        ("mairie", 12.0), ("ministère russe", 2.0)]


def test_web_network_edges(web_client):
    network = web_client.get("/api/events/network").json()
    assert (network["nodes"], network["edges"]) == ([], [])  # no event names a target


@pytest.mark.parametrize("path, params, expected", [
    ("/api/actors", {"country": "rus"}, ["armée russe", "ministère russe", "Russie"]),
    ("/api/places", {"name": "kharkiv"}, ["Kharkiv"]),
    ("/api/figures", {"kind": "killed"}, [12.0, 2.0]),
    ("/api/quotes", {"speaker": "ministere"}, ["Seules des cibles militaires ont été visées"]),
])
def test_web_listings(web_client, path, params, expected):
    items = web_client.get(path, params=params).json()["items"]
    key = {"/api/actors": "name", "/api/places": "name", "/api/figures": "value"}.get(path, "text")
    assert sorted(i[key] for i in items) == sorted(expected)


def test_web_search_snippet(web_client):
    items = web_client.get("/api/search", params={"q": "cibles militaires"}).json()["items"]
    assert [i["doc_id"] for i in items] == ["web-two"]
    assert items[0]["snippet"].startswith("Des frappes russes ont touché Kharkiv jeudi. « Seules")


def test_web_post_document_record_then_duplicate(web_client, web_records):
    record = web_records[0].model_copy(update={"text": web_records[0].text + " Fin."})
    body = {"record": record.model_dump(mode="json")}
    added = web_client.post("/api/documents", json=body, headers=AUTH)
    again = web_client.post("/api/documents", json=body, headers=AUTH)
    assert (added.status_code, added.json()["duplicate"]) == (201, False)
    first = added.json()["id"]  # a duplicate answers the id of the document stored before
    assert (again.status_code, again.json()) == (201, {"ok": True, "id": first, "duplicate": True,
                                                       "doc_id": "web-one"})


ALEP_TEXT = "Des barils d'explosifs ont frappé Alep mardi."


@pytest.mark.issue(19)
@pytest.mark.parametrize("name", ["Alep", "ALEP", "Aleppo", "Halab"])
def test_web_place_found_by_written_or_canonical_name(web_client, name):
    """The API finds « Alep » by the article's word, GeoNames' name or another of its names."""
    record = {"doc_id": "alep", "published": "2016-02-04", "text": ALEP_TEXT,
              "places": [{"id": "p1", "name": "Alep", "canonical": "Aleppo", "country": "SYR",
                          "lat": 36.2, "lon": 37.16, "level": "city", "geonameid": 170063,
                          "mentions": [[34, 38]]}],
              "events": [{"id": "e1", "type": "ASSAULT", "place": "p1", "trigger": "frappé",
                          "start": 0, "end": len(ALEP_TEXT)}]}
    assert web_client.post("/api/documents", json={"record": record}, headers=AUTH).is_success
    table = web_client.get("/api/events/table", params={"place": name}).json()["items"]
    assert [(row["place"], row["place_canonical"]) for row in table] == [("Alep", "Aleppo")]
    places = web_client.get("/api/places", params={"name": name}).json()["items"]
    assert [(p["name"], p["country"]) for p in places] == [("Aleppo", "SYR")]
