"""Store benchmark (`make bench-store`): ingest rate with and without extraction, query latency.

- ingest with extraction: `vigie.store.ingest` on synthetic French articles (model load excluded);
- ingest without extraction: `Store.add_records` on prebuilt document records (what
  `vigie ingest --records` does), merge included;
- query latency: typical `vigie query` filters on a store of --events synthetic story events.

A script, not a test: figures depend on the machine.

Usage: python bench/store.py [--articles 200] [--events 100000] [--db sqlite:///bench-store.db]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import synthetic  # noqa: E402

import vigie  # noqa: E402
from vigie.record import DocumentRecord  # noqa: E402
from vigie.settings import Settings  # noqa: E402
from vigie.store import Filters, Store, ingest, query  # noqa: E402

TYPES = ["ASSAULT", "PROTEST", "COERCE", "CONSULT", "ACCUSE", "AGREE", "MOBILIZE", "AID"]
ACTORS = [("Russie", "state", "RUS"), ("Ukraine", "state", "UKR"), ("armée syrienne", "group",
          "SYR"), ("M23", "group", "COD"), ("manifestants", "population", "FRA"),
          ("ONU", "organization", None)]
CENTRES = [("Alep", "SYR", 36.20, 37.16), ("Kharkiv", "UKR", 49.99, 36.23),
           ("Goma", "COD", -1.68, 29.22), ("Lyon", "FRA", 45.76, 4.84)]
EVENTS_PER_RECORD = 10
QUERY_RUNS = 5


def synthetic_record(i: int, rng: random.Random) -> DocumentRecord:
    """A record with EVENTS_PER_RECORD events spread over places, actors and two years."""
    text = f"Dépêche synthétique numéro {i}. " + "Des faits sont rapportés. " * EVENTS_PER_RECORD
    actors, places, figures, events = [], [], [], []
    for j in range(EVENTS_PER_RECORD):
        name, kind, country = rng.choice(ACTORS)
        place, pcountry, lat, lon = rng.choice(CENTRES)
        actors.append({"id": f"a{j + 1}", "name": name, "kind": kind, "country": country})
        places.append({"id": f"p{j + 1}", "name": place, "country": pcountry, "level": "city",
                       "lat": lat + rng.uniform(-2, 2), "lon": lon + rng.uniform(-2, 2)})
        figures.append({"id": f"f{j + 1}", "kind": "killed", "value": rng.randint(1, 50),
                        "start": 0, "end": 5, "source": f"a{j + 1}"})
        events.append({"id": f"e{j + 1}", "type": rng.choice(TYPES), "source": f"a{j + 1}",
                       "place": f"p{j + 1}", "figures": [f"f{j + 1}"], "trigger": "faits",
                       "start": 0, "end": 20})
    day = 738000 + rng.randint(0, 730)
    from datetime import date

    return DocumentRecord(doc_id=f"syn-{i}", text=text, published=date.fromordinal(day)
                          .isoformat(), actors=actors, places=places, figures=figures,
                          events=events)


def bench_records(store: Store, n_events: int) -> tuple[float, float]:
    """Fill the store with n_events events; return (records/s, events/s)."""
    rng = random.Random(7)
    n_records = n_events // EVENTS_PER_RECORD
    records = [synthetic_record(i, rng) for i in range(n_records)]
    start = time.perf_counter()
    for i in range(0, n_records, 500):
        store.add_records(records[i : i + 500])
    seconds = time.perf_counter() - start
    return n_records / seconds, n_events / seconds


def bench_extraction(store: Store, n_articles: int) -> float:
    """Articles/s of ingest with extraction (model already loaded)."""
    nlp = vigie.load()
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(synthetic(n_articles)):
            (Path(tmp) / f"a{i:05d}.txt").write_text(f"{text} ({i})", encoding="utf-8")
        summary = ingest([tmp], store, nlp=nlp, settings=Settings(batch_size=32),
                         published="2024-03-01")
    return summary.added / summary.seconds


QUERIES = {
    "type + date range": Filters(type="ASSAULT", since="2023-01-01", until="2023-03-31",
                                 limit=100),
    "country": Filters(country="UKR", limit=100),
    "actor": Filters(actor="russie", limit=100),
    "place radius 50 km": Filters(near=(36.20, 37.16), radius_km=50, limit=100),
    "claimant": Filters(claimant="M23", limit=100),
    "full text": Filters(text="synthétique", limit=100),
}


def bench_queries(store: Store) -> dict[str, float]:
    """Median latency (ms) of each query."""
    latencies = {}
    for name, filters in QUERIES.items():
        runs = []
        for _ in range(QUERY_RUNS):
            start = time.perf_counter()
            query(store, filters)
            runs.append((time.perf_counter() - start) * 1000)
        latencies[name] = statistics.median(runs)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="store URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        with Store(url) as store:
            rec_rate, ev_rate = bench_records(store, args.events)
            print(f"ingest without extraction: {rec_rate:,.0f} records/s ({ev_rate:,.0f} events/s,"
                  f" {EVENTS_PER_RECORD} events per record, merge included)")
            print(f"store: {store.count('events'):,} events, {store.count('stories'):,} stories")
            for name, ms in bench_queries(store).items():
                print(f"query {name:<20} {ms:8.1f} ms (median of {QUERY_RUNS})")
            if args.articles:
                rate = bench_extraction(store, args.articles)
                print(f"ingest with extraction: {rate:.1f} articles/s ({args.articles} articles)")


if __name__ == "__main__":
    main()
