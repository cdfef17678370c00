"""The dashboard over the development corpus (../shared/corpus, 20 real articles): every view and
the story page draw with no console error, no outside request, and within a few seconds."""

from __future__ import annotations

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]
# Seconds from navigation to a drawn view; measured 0.2-0.4 s warm, 1.3 s for the first load
# (docs/web.md), with room for a busy 2-core CI machine.
MAX_LOAD = 8.0


def test_web_corpus_every_view_draws(browser_page, corpus_url):
    from vigie.web.screenshots import SHOTS, Watched

    watched = Watched(browser_page, corpus_url)
    for name, query, selector in SHOTS:
        assert watched.open(query) < MAX_LOAD, name
        watched.page.wait_for_selector(selector)
    story = httpx.get(f"{corpus_url}/api/events/table", params={"sort": "mentions", "limit": 1},
                      timeout=60).json()["items"][0]["id"]
    watched.open(f"view=story&story={story}")
    assert watched.page.locator("#story .report").count() >= 1
    assert watched.errors == []
    assert watched.outside() == []
