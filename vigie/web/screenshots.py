"""`make screenshots`: a PNG of every dashboard view over the development corpus, and the page's
load time (development tool; needs Playwright and Debian's Chromium).

    python -m vigie.web.screenshots --corpus ../shared/corpus --out /tmp/vigie-screenshots
    python -m vigie.web.screenshots --corpus ../shared/corpus --copies 100   # 2 000 articles

The corpus is read where it is (its texts are never copied into the project); the store is a
temporary file. `--copies N` stores each article N times under new ids, its dates moved by a
few days each time, so that the store holds N x 20 articles and their distinct stories.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import re
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

LOGGER = logging.getLogger(__name__)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}
# Days between two copies of an article: more than the merge window, so copies make new stories.
COPY_SHIFT_DAYS = 9
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def corpus_articles(corpus: Path, out: Path) -> Path:
    """The corpus's inputs.jsonl with each article's source (from index.jsonl), in `out`."""
    sources = {}
    index = corpus / "index.jsonl"
    if index.exists():
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                sources[item["id"]] = item.get("source")
    lines = []
    for line in (corpus / "inputs.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if sources.get(item["id"]):
                item["source"] = sources[item["id"]]
            lines.append(json.dumps(item, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def build_store(corpus: Path, url: str, *, copies: int = 1, nlp=None) -> None:
    """Ingest the corpus into the store at `url` (with `nlp`, else the default pipeline), then
    add `copies - 1` shifted copies."""
    from vigie.store import Store, ingest
    from vigie.web.records import document_record

    with tempfile.TemporaryDirectory() as tmp, Store(url) as store:
        ingest([corpus_articles(corpus, Path(tmp) / "articles.jsonl")], store, nlp=nlp)
        if copies <= 1:
            return
        with store.reading() as conn:
            from sqlalchemy import select

            from vigie.store import schema
            ids = [row[0] for row in conn.execute(select(schema.documents.c.id))]
        originals = [document_record(store, i)[0] for i in ids]
        for k in range(1, copies):
            store.add_records([shifted(r, k) for r in originals])


def shifted(record, k: int):
    """A copy of `record` under a new id, its day-precise dates moved k x COPY_SHIFT_DAYS."""
    delta = dt.timedelta(days=k * COPY_SHIFT_DAYS)

    def move(value):
        if value and DAY.match(value):
            return (dt.date.fromisoformat(value) + delta).isoformat()
        return value

    times = [t.model_copy(update={"value": move(t.value), "end_value": move(t.end_value)})
             for t in record.times]
    # Text after the article's end changes its hash (a copy is not a duplicate); offsets hold.
    return record.model_copy(update={"doc_id": f"{record.doc_id}-copy{k}",
                                     "text": record.text + f"\n\n(copie {k})",
                                     "published": move(record.published), "times": times})


@contextlib.contextmanager
def serving(db_url: str) -> Iterator[str]:
    """The app over the store at `db_url`, served by uvicorn on a free loopback port."""
    import uvicorn

    from vigie.web.app import create_app
    from vigie.web.settings import WebSettings

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(WebSettings(db=db_url)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class Watched:
    """A Chromium page that records console errors, failed requests and every URL asked for."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))

    def outside(self) -> list[str]:
        """Requests that went anywhere but this server (data: URLs stay inside the page)."""
        return [u for u in self.requests
                if not u.startswith((self.base + "/", "data:", "blob:")) and u != self.base]

    def open(self, query: str = "", *, timeout: float = 30_000) -> float:
        """Load the dashboard at `?query` and wait until its view is drawn; returns seconds."""
        started = time.perf_counter()
        self.page.goto(f"{self.base}/{'?' + query if query else ''}")
        self.ready(timeout=timeout)
        return time.perf_counter() - started

    def ready(self, *, timeout: float = 30_000) -> None:
        """Wait until the dashboard has drawn its current state."""
        # A function, not an expression: Playwright evaluates expressions with eval, which the
        # dashboard's Content-Security-Policy forbids.
        self.page.wait_for_function("() => document.body.dataset.ready === '1' && "
                                    "document.body.dataset.busy === '0'", timeout=timeout)


@contextlib.contextmanager
def browser(base: str) -> Iterator[Watched]:
    """A headless Debian Chromium page (Playwright) on the dashboard at `base`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield Watched(chromium.new_page(viewport=VIEWPORT), base)
        finally:
            chromium.close()


# (file name, dashboard query, what to wait for after the view is drawn)
SHOTS = [
    ("01-events-table", "", ".tabulator-row"),
    ("02-events-table-assault-by-fatalities", "type=ASSAULT&sort=fatalities", ".tabulator-row"),
    ("03-map", "view=map", ".leaflet-interactive"),
    ("04-timeline", "view=timeline", "#timeline canvas"),
    ("05-timeline-brushed", "view=timeline&since=2021-01-01&until=2023-12-31", "#timeline canvas"),
    ("06-network", "view=network", "#network canvas"),
    ("07-disputes", "view=disputes", ".dispute"),
    ("08-articles", "view=articles", "#doc-text .hl"),
    ("09-map-filtered-country", "view=map&country=COD", ".leaflet-interactive"),
    ("10-nothing-matches", "view=map&type=SANCTION&country=AFG", ".map-empty"),
]


def shoot(page: Watched, out: Path) -> list[tuple[str, float]]:
    """A PNG of every view (and of a story, /docs and /redoc) in `out`; (name, seconds) each."""
    out.mkdir(parents=True, exist_ok=True)
    taken = []
    for name, query, selector in SHOTS:
        seconds = page.open(query)
        page.page.wait_for_selector(selector, timeout=15_000)
        page.page.wait_for_timeout(400)  # transitions (map fit, cluster icons) settle
        page.page.screenshot(path=str(out / f"{name}.png"))
        taken.append((name, seconds))
    taken.append(("11-story", _story(page, out)))
    for name, path, selector in (("12-api-docs", "/docs", ".opblock"),
                                 ("13-redoc", "/redoc", "[role=menuitem], .menu-content")):
        started = time.perf_counter()
        page.page.goto(page.base + path)
        page.page.wait_for_selector(selector, timeout=30_000)
        page.page.screenshot(path=str(out / f"{name}.png"))
        taken.append((name, time.perf_counter() - started))
    return taken


def _story(page: Watched, out: Path) -> float:
    import httpx

    # A disputed story shows figures and claimants; else the most reported one.
    disputed = httpx.get(f"{page.base}/api/disputes", params={"limit": 1}, timeout=60).json()
    rows = httpx.get(f"{page.base}/api/events/table", params={"sort": "mentions", "limit": 1},
                     timeout=60).json()["items"]
    story = disputed["items"][0]["story"] if disputed["items"] else rows[0]["id"]
    seconds = page.open(f"view=story&story={story}")
    page.page.screenshot(path=str(out / "11-story.png"), full_page=True)
    return seconds


def load_times(page: Watched, *, repeat: int = 3) -> dict[str, float]:
    """Median seconds from navigation to a drawn view, for each view."""
    times = {}
    for view in ("table", "map", "timeline", "network", "disputes", "articles"):
        runs = sorted(page.open(f"view={view}") for _ in range(repeat))
        times[view] = runs[len(runs) // 2]
    return times


def main(argv: list[str] | None = None) -> int:
    """Build the store, serve it, shoot every view, print load times."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/vigie-screenshots"))
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--db", help="an existing store to show (no ingest)")
    parser.add_argument("--no-shots", action="store_true", help="only measure load times")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists() or not (args.db or (args.corpus / "inputs.jsonl").exists()):
        print(f"screenshots: need {CHROMIUM} and {args.corpus}/inputs.jsonl")  # noqa: T201
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/screenshots.db"
        if not args.db:
            build_store(args.corpus, url, copies=args.copies)
        with serving(url) as base, browser(base) as page:
            if not args.no_shots:
                for name, seconds in shoot(page, args.out):
                    print(f"{args.out / name}.png  {seconds:.2f} s")  # noqa: T201
            for view, seconds in load_times(page).items():
                print(f"load {view}: {seconds:.2f} s")  # noqa: T201
            if page.errors or page.outside():
                print("console errors:", page.errors, "outside:", page.outside())  # noqa: T201
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
