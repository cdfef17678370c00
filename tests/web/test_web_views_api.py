"""The API behind the dashboard's views, on the two hand-made reports (no model needed)."""

from __future__ import annotations

import re

import pytest

from vigie.web import queries
from vigie.web.listings import sentence_bounds


@pytest.fixture(autouse=True)
def _fresh_selection():
    queries.clear_cache()


def test_web_event_table_sorts_pages_and_counts(web_client):
    body = web_client.get("/api/events/table", params={"sort": "fatalities"}).json()
    assert (body["total"], body["next_offset"]) == (1, None)
    row = body["items"][0]
    assert (row["type"], row["quad"], row["place"], row["fatalities"], row["mentions"],
            row["articles"], row["statuses"]) == ("ASSAULT", 4, "Kharkiv", 2, 2, 2, "reported")
    assert web_client.get("/api/events/table", params={"sort": "nope"}).status_code == 422


def test_web_event_summary_counts(web_client):
    body = web_client.get("/api/events/summary").json()
    assert {k: body[k] for k in ("stories", "reports", "articles", "fatalities", "undated",
                                 "unlocated")} == {"stories": 1, "reports": 2, "articles": 2,
                                                   "fatalities": 2, "undated": 0, "unlocated": 0}
    assert body["timeline"] == [{"date": "2022-03-03", "type": "ASSAULT", "count": 1}]
    assert web_client.get("/api/events/summary", params={"type": "AID"}).json()["stories"] == 0


def test_web_event_points_and_documents_follow_filters(web_client):
    points = web_client.get("/api/events/points").json()["items"]
    assert [(p["lat"], p["lon"], p["level"]) for p in points] == [(49.99, 36.23, "city")]
    every = web_client.get("/api/events/documents").json()
    assert every["total"] == 2
    assert web_client.get("/api/events/documents", params={"type": "AID"}).json()["total"] == 0
    matching = web_client.get("/api/events/documents", params={"text": "cibles"}).json()
    assert [(d["doc_id"], d["events"]) for d in matching["items"]] == [("web-two", 1)]


def test_web_network_lists_edge_stories(web_client):
    network = web_client.get("/api/events/network").json()
    assert (network["nodes"], network["edges"], network["stories"]) == ([], [], 0)


def test_web_story_detail_has_sentences_and_figures(web_client):
    detail = web_client.get("/api/events/1").json()
    first = detail["mentions"][0]
    assert first["text"][first["trigger_start"]:first["trigger_end"]] == "bombardé"
    assert (first["source"], first["place"]) == ("armée russe", "Kharkiv")
    assert detail["story"]["place_name"] == "Kharkiv"
    assert sorted((f["claimant"], f["value"]) for f in detail["figures"]) == [
        ("mairie", 12.0), ("ministère russe", 2.0)]


def test_web_disputes_sentences_and_filters(web_client):
    group = web_client.get("/api/disputes").json()["items"][0]
    for claim in group["claims"]:
        figure = claim["sentence"][claim["figure_start"]:claim["figure_end"]]
        assert figure in ("12", "2 morts")
        assert claim["document"] >= 1
    assert web_client.get("/api/disputes", params={"type": "AID"}).json()["items"] == []
    assert len(web_client.get("/api/disputes", params={"country": "UKR"}).json()["items"]) == 1


@pytest.mark.parametrize("text, start, end, expected", [
    ("Un. Deux trois. Quatre", 8, 12, (4, 15)),
    ("Sans point ici", 5, 10, (0, 14)),
    ("Ligne une\nLigne deux. Fin", 12, 16, (10, 21)),
])
def test_web_sentence_bounds(text, start, end, expected):
    assert sentence_bounds(text, start, end) == expected


def test_web_meta_colours_and_countries(web_client):
    meta = web_client.get("/api/meta").json()
    colours = {t["type"]: t["colour"] for t in meta["types"]}
    assert len(set(colours.values())) == len(colours) == 16
    assert {c["code"]: c["name"] for c in meta["countries"]} == {"RUS": "Russie",
                                                                 "UKR": "Ukraine"}
    assert meta["numeric"]["760"] == "Syrie"


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/"])
def test_web_pages_load_nothing_from_outside(web_client, path):
    html = web_client.get(path).text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "/static/favicon.svg" in html
    assert web_client.get("/favicon.ico").headers["content-type"] == "image/svg+xml"
