"""The dashboard in headless Chromium, over a store of the sample articles."""

from __future__ import annotations

import httpx
import pytest
from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]
SHOTS = ROOT / "artifacts" / "screenshots"
KINDS = ("actor", "place", "time", "quote", "figure", "event")


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _api(url: str, path: str, **params) -> dict:
    return httpx.get(f"{url}/api/{path}", params=params, timeout=30).json()


def _open_sample(page, url: str) -> dict:
    doc = next(d for d in _api(url, "documents")["items"] if d["doc_id"] == "alep-2016-02")
    page.goto(url)
    page.click(f"#doc-list a[data-id='{doc['id']}']")
    page.wait_for_selector("#doc-text .hl.k-event")
    return _api(url, f"documents/{doc['id']}")["record"]


def test_dashboard_highlights_every_kind(browser_page, dashboard_url):
    record = _open_sample(browser_page, dashboard_url)
    for kind in KINDS:
        assert browser_page.locator(f"#doc-text .hl.k-{kind}").count() > 0, kind
    actor = record["actors"][0]
    start, end = actor["mentions"][0]
    words = browser_page.locator(f"#doc-text .hl[data-facts~='{actor['id']}']").first
    assert record["text"][start:end].startswith(words.inner_text())
    assert browser_page.locator("#record-panel .fact").count() == sum(
        len(record[k + "s"]) for k in KINDS)
    _shot(browser_page, "article-highlights")


def test_dashboard_click_fact_scrolls_to_words(browser_page, dashboard_url):
    browser_page.set_viewport_size({"width": 1200, "height": 480})  # the article must scroll
    record = _open_sample(browser_page, dashboard_url)
    last = max(record["quotes"], key=lambda q: q["start"])
    assert browser_page.evaluate("document.querySelector('#doc-text').scrollTop") == 0
    browser_page.click(f"#record-panel .fact[data-fact='{last['id']}']")
    target = browser_page.locator(f"#doc-text .hl.flash[data-facts~='{last['id']}']")
    target.wait_for()
    box, pane = target.bounding_box(), browser_page.locator("#doc-text").bounding_box()
    assert browser_page.evaluate("document.querySelector('#doc-text').scrollTop") > 0
    assert pane["y"] <= box["y"] <= pane["y"] + pane["height"]
    assert record["text"][last["start"]:last["end"]].startswith(target.inner_text())
    _shot(browser_page, "article-scrolled-to-quote")


def test_dashboard_timeline_and_map(browser_page, dashboard_url):
    events = _api(dashboard_url, "events", limit=500)["items"]
    browser_page.goto(dashboard_url)
    browser_page.click("#tabs button[data-view='timeline']")
    browser_page.wait_for_selector("#timeline .tl-dot")
    assert browser_page.locator("#timeline .tl-dot").count() == sum(1 for e in events if e["date"])
    _shot(browser_page, "timeline")
    browser_page.click("#tabs button[data-view='map']")
    browser_page.wait_for_selector("#map .marker")
    assert browser_page.locator("#map .country").count() > 150
    assert browser_page.locator("#map .marker").count() == sum(
        1 for e in events if e["lat"] is not None)
    browser_page.locator("#map .marker").first.click(force=True)
    browser_page.wait_for_selector("#story h3")
    _shot(browser_page, "map")


def test_dashboard_network_and_disputes(browser_page, dashboard_url):
    network = _api(dashboard_url, "events/network")
    disputes = _api(dashboard_url, "disputes")["items"]
    browser_page.goto(dashboard_url)
    browser_page.click("#tabs button[data-view='network']")
    browser_page.wait_for_selector("#network .node")
    assert browser_page.locator("#network .node").count() == len(network["nodes"])
    assert browser_page.locator("#network .edge").count() == len(network["edges"])
    _shot(browser_page, "network")
    browser_page.click("#tabs button[data-view='disputes']")
    browser_page.wait_for_selector("#disputes table.dispute")
    assert browser_page.locator("#disputes table.dispute").count() == len(disputes)
    _shot(browser_page, "disputes")


def test_dashboard_filters_shared_and_offline(browser_page, dashboard_url):
    requested = []
    browser_page.on("request", lambda request: requested.append(request.url))
    browser_page.goto(dashboard_url)
    browser_page.click("#tabs button[data-view='timeline']")
    browser_page.fill("#filters input[name='type']", "ASSAULT")
    browser_page.click("#filters button[type='submit']")
    expected = [e for e in _api(dashboard_url, "events", type="ASSAULT")["items"] if e["date"]]
    browser_page.wait_for_function(
        f"document.querySelectorAll('#timeline .tl-dot').length === {len(expected)}")
    browser_page.click("#tabs button[data-view='map']")
    browser_page.wait_for_selector("#map .country")
    markers = browser_page.locator("#map .marker").count()
    assert markers == sum(1 for e in expected if e["lat"] is not None)
    assert requested and all(u.startswith(dashboard_url) for u in requested)
