"""Shared fixtures: one vigie pipeline per test process, French vocab, sample paths."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import vigie

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "vigie" / "samples"
SHARED = ROOT.parent / "shared"
PUBLISHED = "2016-02-11"


@pytest.fixture(scope="session")
def nlp():
    """vigie's full pipeline on fr_core_news_md, loaded once per test process."""
    return vigie.load()


@pytest.fixture(scope="session")
def fr_vocab():
    return spacy.blank("fr").vocab


@pytest.fixture(scope="session")
def sample_text() -> str:
    return (SAMPLES / "alep-2016-02.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_record(nlp, sample_text):
    """The sample article's record, with no publication date given."""
    return vigie.extract(sample_text, doc_id="alep-2016-02", nlp=nlp)


@pytest.fixture
def extract(nlp):
    """extract(text, published=...) with the shared pipeline."""

    def run(text: str, published: str | None = PUBLISHED, **kwargs):
        return vigie.extract(text, published=published, nlp=nlp, **kwargs)

    return run


# --- store fixtures (vigie/store) ---

STORE_PLACES = {  # name: (country, lat, lon)
    "Idleb": ("SYR", 35.93, 36.63),
    "Binnish": ("SYR", 35.96, 36.71),  # about 8 km from Idleb
    "Hama": ("SYR", 35.13, 36.75),  # about 90 km from Idleb
    "Goma": ("COD", -1.68, 29.22),
}


@pytest.fixture
def store(tmp_path):
    """A fresh SQLite store in a temporary file (migrated)."""
    from vigie.store import Store

    with Store(f"sqlite:///{tmp_path / 'store.db'}") as fresh:
        yield fresh


@pytest.fixture
def pg_url():
    """The PostgreSQL test server (env VIGIE_TEST_PG); skips, saying why, when unreachable."""
    import os

    import sqlalchemy

    url = os.environ.get("VIGIE_TEST_PG")
    if not url:
        pytest.skip("PostgreSQL tests skipped: VIGIE_TEST_PG is not set")
    try:
        with sqlalchemy.create_engine(url).connect():
            pass
    except sqlalchemy.exc.OperationalError as exc:
        pytest.skip(f"PostgreSQL tests skipped: cannot reach {url}: {exc.orig}")
    return url


@pytest.fixture
def report_record():
    """Build a one-event DocumentRecord: report_record(doc_id, published, place=..., killed=...)."""
    from vigie.record import DocumentRecord

    def build(doc_id, published, *, type="ASSAULT", mode="aerial", place="Idleb",
              source=("Russie", "state", "RUS"), target=None, killed=None, claimant=None,
              status="reported", when=None):
        text = f"Selon {claimant or 'des témoins'}, une frappe a visé {place or 'la ville'}"
        text += f" {when or 'hier'}, faisant {killed or 'des'} morts. ({doc_id})"
        actors = [{"id": "a1", "name": source[0], "kind": source[1], "country": source[2]}]
        if target:
            actors.append({"id": "a2", "name": target[0], "kind": target[1], "country": target[2]})
        if claimant:
            actors.append({"id": "a3", "name": claimant, "kind": "organization"})
        places = []
        if place:
            country, lat, lon = STORE_PLACES[place]
            places = [{"id": "p1", "name": place, "country": country, "lat": lat, "lon": lon,
                       "level": "city"}]
        times = [{"id": "t1", "text": when, "start": text.index(when), "end":
                  text.index(when) + len(when), "value": when, "precision": "day"}] if when else []
        figures = [] if killed is None else [{
            "id": "f1", "kind": "killed", "value": killed, "start": text.index(str(killed)),
            "end": text.index(str(killed)) + len(str(killed)),
            "source": "a3" if claimant else None}]
        event = {"id": "e1", "type": type, "mode": mode, "source": "a1",
                 "target": "a2" if target else None, "place": "p1" if place else None,
                 "time": "t1" if when else None, "figures": ["f1"] if figures else [],
                 "status": status, "trigger": "frappe", "start": 0, "end": len(text)}
        return DocumentRecord(doc_id=doc_id, published=published, text=text, actors=actors,
                              places=places, times=times, figures=figures, events=[event])

    return build


@pytest.fixture(scope="session")
def kb_nlp():
    """vigie's pipeline with the small test knowledge base of the Actors tests."""
    return vigie.load(kb_files=[Path(__file__).parent / "data" / "actors_kb.yaml"])


# --- web fixtures (vigie/web) ---

WEB_TOKEN = "test-token"


def _at(text: str, words: str) -> dict:
    start = text.index(words)
    return {"start": start, "end": start + len(words)}


def _span(text: str, words: str) -> list[int]:
    return list(_at(text, words).values())


def _web_records():
    """Two reports of one strike on Kharkiv whose death tolls differ by claimant."""
    from vigie.record import DocumentRecord

    one = "Le 3 mars 2022, l'armée russe a bombardé Kharkiv. Selon la mairie, 12 civils sont morts."
    two = ("Des frappes russes ont touché Kharkiv jeudi. « Seules des cibles militaires ont été "
           "visées », a affirmé le ministère russe, qui parle de 2 morts.")
    kharkiv = {"id": "p1", "name": "Kharkiv", "country": "UKR", "lat": 49.99, "lon": 36.23,
               "level": "city"}
    first = DocumentRecord(
        doc_id="web-one", published="2022-03-04", text=one,
        actors=[{"id": "a1", "name": "armée russe", "kind": "group", "country": "RUS",
                 "mentions": [_span(one, "armée russe")]},
                {"id": "a2", "name": "mairie", "kind": "organization", "country": "UKR"}],
        places=[{**kharkiv, "mentions": [_span(one, "Kharkiv")]}],
        times=[{"id": "t1", "text": "3 mars 2022", **_at(one, "3 mars 2022"), "value": "2022-03-03",
                "precision": "day"}],
        figures=[{"id": "f1", "kind": "killed", "value": 12, "who": "civils", "source": "a2",
                  **_at(one, "12")}],
        events=[{"id": "e1", "type": "ASSAULT", "source": "a1", "place": "p1", "time": "t1",
                 "figures": ["f1"], "trigger": "bombardé", "start": 0, "end": 49}])
    second = DocumentRecord(
        doc_id="web-two", published="2022-03-04", text=two,
        actors=[{"id": "a1", "name": "Russie", "kind": "state", "country": "RUS"},
                {"id": "a2", "name": "ministère russe", "kind": "organization", "country": "RUS",
                 "mentions": [_span(two, "ministère russe")]}],
        places=[{**kharkiv, "mentions": [_span(two, "Kharkiv")]}],
        times=[{"id": "t1", "text": "jeudi", **_at(two, "jeudi"), "value": "2022-03-03",
                "precision": "day"}],
        quotes=[{"id": "q1", "text": "Seules des cibles militaires ont été visées",
                 **_at(two, "Seules des cibles militaires ont été visées"), "direct": True,
                 "speaker": "a2", "cue": "a affirmé"}],
        # "2 morts" among the civilians the first report counts: a dispute about one population
        figures=[{"id": "f1", "kind": "killed", "value": 2, "who": "civils", "source": "a2",
                  **_at(two, "2 morts")}],
        events=[{"id": "e1", "type": "ASSAULT", "source": "a1", "place": "p1", "time": "t1",
                 "figures": ["f1"], "trigger": "frappes", "start": 0, "end": 44}])
    return [first, second]


@pytest.fixture(scope="session")
def web_records():
    """The two hand-made records of the web tests."""
    return _web_records()


@pytest.fixture
def web_client(tmp_path, web_records):
    """A TestClient on a fresh store holding web_records; writes need WEB_TOKEN."""
    from fastapi.testclient import TestClient

    from vigie.store import Store
    from vigie.web.app import create_app
    from vigie.web.settings import WebSettings

    with Store(f"sqlite:///{tmp_path / 'web.db'}") as fresh:
        fresh.add_records(web_records)
        app = create_app(WebSettings(db=fresh.url, token=WEB_TOKEN, max_body=20_000), store=fresh)
        # A loopback address: the server answers no other Host name by default.
        with TestClient(app, raise_server_exceptions=False, base_url="http://127.0.0.1") as client:
            yield client


@pytest.fixture(scope="session")
def sample_store_url(tmp_path_factory, nlp):
    """A store of the sample articles (vigie/samples/), built once per test process."""
    from vigie.store import Store, ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'samples.db'}"
    with Store(url) as fresh:
        ingest([SAMPLES], fresh, nlp=nlp)
    return url


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def dashboard_url(sample_store_url):
    """The dashboard served by uvicorn on a free loopback port, over the sample articles."""
    import socket
    import threading
    import time

    import uvicorn

    from vigie.web.app import create_app
    from vigie.web.settings import WebSettings

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(WebSettings(db=sample_store_url)), host="127.0.0.1",
                            port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def browser_page():
    """A headless Debian Chromium page (Playwright); skips, saying why, without
    /usr/bin/chromium."""
    if not CHROMIUM.exists():
        pytest.skip("browser tests skipped: /usr/bin/chromium is not installed "
                    "(apt-get install chromium chromium-driver)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        yield page
        browser.close()


# The dashboard's browser tests (tests/web/): the page watched for console errors and outside
# requests, and the development corpus served over a fresh store.
WEB_CORPUS = SHARED / "corpus"


@pytest.fixture
def watched(browser_page, dashboard_url):
    """The dashboard over the sample articles in Chromium, recording console errors, failed
    requests and every URL asked for."""
    from vigie.web import queries
    from vigie.web.screenshots import Watched

    queries.clear_cache()
    return Watched(browser_page, dashboard_url)


@pytest.fixture(scope="session")
def corpus_url(tmp_path_factory, nlp):
    """The development corpus (../shared/corpus) served over a fresh store; skips when absent."""
    if not (WEB_CORPUS / "inputs.jsonl").exists():
        pytest.skip(f"corpus tests skipped: no development corpus at {WEB_CORPUS}")
    from vigie.web.screenshots import build_store, serving

    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    build_store(WEB_CORPUS, url, nlp=nlp)
    with serving(url) as base:
        yield base


# --- reliability fixtures (issue 24) ---

# A word that makes the `fragile_nlp` pipeline fail on the article holding it.
BOOM = "BOUM"


@pytest.fixture(scope="session")
def fragile_nlp():
    """A blank French pipeline (no model: records with no facts) whose last component raises on
    any text holding BOOM, as a stage bug or a model error would on one article of a batch."""
    from spacy.language import Language

    if "test_fragile" not in Language.factories:
        @Language.component("test_fragile")
        def fragile(doc):
            if BOOM in doc.text:
                raise RuntimeError("the component broke on this article")
            return doc

    nlp = spacy.blank("fr")
    nlp.add_pipe("test_fragile")
    return nlp


@pytest.fixture
def deadline():
    """deadline(seconds, fn, *args): fn(*args) run in a forked child; a child still running
    after `seconds` is killed and the test fails, so a hang fails one test and never stalls CI."""
    import multiprocessing

    def run(seconds: float, fn, *args):
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe(duplex=False)
        process = context.Process(target=_send_result, args=(child, fn, args), daemon=True)
        process.start()
        try:
            if not parent.poll(seconds):
                pytest.fail(f"{getattr(fn, '__name__', fn)} still running after {seconds} s")
            ok, value = parent.recv()
        finally:
            process.kill()
            process.join()
        if not ok:
            raise value
        return value

    return run


def _send_result(conn, fn, args) -> None:
    try:
        conn.send((True, fn(*args)))
    except BaseException as exc:  # noqa: BLE001 - handed to the test, which raises it
        conn.send((False, exc))


def place_at(record, word: str):
    """The place with a mention covering the first occurrence of `word` (places tests)."""
    start = record.text.index(word)
    for place in record.places:
        if any(s <= start < e for s, e in place.mentions):
            return place
    return None
