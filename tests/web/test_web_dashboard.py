"""The dashboard in headless Chromium over the sample articles: every view draws with no console
error and no request leaving the machine, one filter changes every view, the URL keeps the state."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]
KINDS = ("actor", "place", "time", "quote", "figure", "event")
# What each view shows once drawn (the selector waited for).
DRAWN = {"table": ".tabulator-row", "map": ".leaflet-interactive", "timeline": "#timeline canvas",
         "network": "#network canvas", "disputes": "#disputes .dispute, #disputes .nothing",
         "articles": "#doc-text .hl"}


def _api(base: str, path: str, **params) -> dict:
    return httpx.get(f"{base}/api/{path}", params=params, timeout=60).json()


def _state(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def _commonest_type(base: str) -> str:
    return next(iter(_api(base, "events/summary")["types"]))


def test_web_dashboard_every_view_offline(watched):
    for view, selector in DRAWN.items():
        watched.open(f"view={view}")
        watched.page.wait_for_selector(selector)
    story = _api(watched.base, "events/table", limit=1)["items"][0]["id"]
    watched.open(f"view=story&story={story}")
    watched.page.wait_for_selector(f"#story h2[data-story='{story}']")
    watched.page.goto(watched.base + "/docs")
    watched.page.wait_for_selector(".opblock")
    watched.page.goto(watched.base + "/redoc")
    watched.page.wait_for_selector("[role=menuitem]")
    assert watched.errors == []
    assert watched.outside() == []
    assert any(u.endswith("/static/favicon.svg") for u in watched.requests)


def test_web_dashboard_filter_changes_every_view(watched):
    base = watched.base
    kind = _commonest_type(base)
    summary = _api(base, "events/summary", type=kind)
    watched.open()
    watched.page.select_option("#filters select[name=type]", kind)
    watched.ready()
    assert f"of {summary['stories']} rows" in watched.page.inner_text(".tabulator-footer")
    assert watched.page.inner_text("#counts").startswith(f"{summary['stories']} event")
    expected = {
        "map": ("#map", "markers", len(_api(base, "events/points", type=kind)["items"])),
        "timeline": ("#timeline", "bars", summary["stories"] - summary["undated"]),
        "network": ("#network", "edges", len(_api(base, "events/network", type=kind)["edges"])),
    }
    for view, (node, attribute, count) in expected.items():
        watched.page.click(f"#tabs button[data-view={view}]")
        watched.ready()
        assert watched.page.get_attribute(node, f"data-{attribute}") == str(count), view
        assert _state(watched.page)["type"] == kind
    watched.page.click("#tabs button[data-view=articles]")
    watched.ready()
    documents = _api(base, "events/documents", type=kind)
    assert watched.page.locator("#doc-list a").count() == documents["total"]
    shown = int(watched.page.get_attribute("#doc-text", "data-doc"))
    assert shown in {d["id"] for d in documents["items"]}
    watched.page.click("#tabs button[data-view=disputes]")
    watched.ready()
    assert watched.page.locator("#disputes .dispute").count() == len(
        _api(base, "disputes", type=kind)["items"])
    assert watched.errors == []


def test_web_dashboard_url_state_round_trips(watched):
    kind = _commonest_type(watched.base)
    query = f"view=map&type={kind}&since=2000-01-01&until=2030-12-31&text=a"
    watched.open(query)
    form = {n: watched.page.input_value(f"#filters [name={n}]") for n in ("type", "since", "text")}
    assert form == {"type": kind, "since": "2000-01-01", "text": "a"}
    watched.page.click("#tabs button[data-view=network]")
    watched.ready()
    assert _state(watched.page) == {"view": "network", "type": kind, "since": "2000-01-01",
                                    "until": "2030-12-31", "text": "a"}
    watched.page.go_back()
    watched.ready()
    assert _state(watched.page)["view"] == "map"
    assert watched.page.is_visible("#view-map")
    shared = watched.page.url
    watched.page.goto("about:blank")
    watched.page.goto(shared)
    watched.ready()
    assert watched.page.input_value("#filters [name=until]") == "2030-12-31"
    assert watched.page.is_visible("#view-map")


def test_web_dashboard_table_row_opens_story_then_article(watched):
    watched.open("sort=mentions")
    first = watched.page.locator(".tabulator-row").first
    story = int(first.get_attribute("data-id") or _api(
        watched.base, "events/table", sort="mentions", limit=1)["items"][0]["id"])
    first.click()
    watched.ready()
    assert _state(watched.page)["story"] == str(story)
    detail = _api(watched.base, f"events/{story}")
    assert watched.page.locator("#story .report").count() == len(detail["mentions"])
    watched.page.locator("#story .report a.link").first.click()
    watched.ready()
    assert _state(watched.page)["doc"] == str(detail["mentions"][0]["document"])
    watched.page.wait_for_selector("#doc-text .hl.flash.k-event")
    assert watched.errors == []


def test_web_dashboard_timeline_brush_sets_dates(watched):
    watched.open("view=timeline")
    box = watched.page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    watched.page.mouse.move(box["x"] + box["width"] * 0.3, y)
    watched.page.mouse.down()
    watched.page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=8)
    watched.page.mouse.up()
    watched.page.wait_for_function("() => new URLSearchParams(location.search).has('since')")
    watched.ready()
    state = _state(watched.page)
    summary = _api(watched.base, "events/summary", since=state["since"], until=state["until"])
    assert watched.page.inner_text("#counts").startswith(
        f"{summary['stories']} event") or summary["stories"] == 0
    assert watched.page.input_value("#filters [name=since]") == state["since"]


def _open_sample(watched) -> dict:
    doc = next(d for d in _api(watched.base, "documents")["items"] if d["doc_id"] == "alep-2016-02")
    watched.open(f"view=articles&doc={doc['id']}")
    watched.page.wait_for_selector("#doc-text .hl.k-event")
    return _api(watched.base, f"documents/{doc['id']}")["record"]


def test_web_dashboard_article_highlights_every_kind(watched):
    record = _open_sample(watched)
    for kind in KINDS:
        assert watched.page.locator(f"#doc-text .hl.k-{kind}").count() > 0, kind
    actor = record["actors"][0]
    start, end = actor["mentions"][0]
    words = watched.page.locator(f"#doc-text .hl[data-facts~='{actor['id']}']").first
    assert record["text"][start:end].startswith(words.inner_text())
    assert watched.page.locator("#record-panel .fact").count() == sum(
        len(record[k + "s"]) for k in KINDS)
    assert watched.page.inner_text("#doc-head h2") == (record["title"] or record["doc_id"])


def test_web_dashboard_click_fact_scrolls_to_words(watched):
    watched.page.set_viewport_size({"width": 1200, "height": 560})  # the article must scroll
    record = _open_sample(watched)
    last = max(record["quotes"], key=lambda q: q["start"])
    assert watched.page.evaluate("document.querySelector('#doc-text').scrollTop") == 0
    watched.page.click(f"#record-panel .fact[data-fact='{last['id']}']")
    target = watched.page.locator(f"#doc-text .hl.flash[data-facts~='{last['id']}']")
    target.wait_for()
    box, pane = target.bounding_box(), watched.page.locator("#doc-text").bounding_box()
    assert watched.page.evaluate("document.querySelector('#doc-text').scrollTop") > 0
    assert pane["y"] <= box["y"] <= pane["y"] + pane["height"]


@pytest.mark.issue(18)
def test_web_dashboard_confidence_filter(watched):
    # The select keeps only stories some report of which is at least that likely right.
    trusted = _api(watched.base, "events/summary", min_confidence=0.6)["stories"]
    watched.open()
    watched.page.select_option("#filters select[name=min_confidence]", "0.6")
    watched.ready()
    assert watched.page.inner_text("#counts").startswith(f"{trusted} event")
    assert _state(watched.page)["min_confidence"] == "0.6"
    assert trusted < _api(watched.base, "events/summary")["stories"]
    assert watched.errors == []


@pytest.mark.issue(19)
def test_web_dashboard_place_filter_by_either_name(watched):
    """« Alep » (the article's word) and « Aleppo » (GeoNames') show the same events."""
    stories = _api(watched.base, "events/summary", place="Alep")["stories"]
    canonical = _api(watched.base, "events/summary", place="Aleppo")["stories"]
    assert stories > 0 and canonical == stories
    for name in ("Aleppo", "Alep"):
        watched.open()
        watched.page.fill("#filters [name=place]", name)
        watched.page.press("#filters [name=place]", "Enter")
        watched.ready()
        assert _state(watched.page)["place"] == name
        assert f"of {stories} rows" in watched.page.inner_text(".tabulator-footer")
    assert watched.errors == []
