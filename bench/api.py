"""API benchmark: latency of a document view and of events queries on a 100 000-event store.

The store is filled with bench/store.py's synthetic records (10 events each) unless --db points
at a store that already holds events. Requests go through the whole app (routing, validation,
JSON) with an in-process client, so the figures exclude only the network.

A script, not a test: figures depend on the machine.

Usage: python bench/api.py [--events 100000] [--db sqlite:///bench-api.db] [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fastapi.testclient import TestClient  # noqa: E402
from store import bench_records  # noqa: E402

from vigie.store import Store  # noqa: E402
from vigie.web.app import create_app  # noqa: E402
from vigie.web.settings import WebSettings  # noqa: E402

REQUESTS = {
    "document view": ("/api/documents/{doc}", {}),
    "events, first page": ("/api/events", {}),
    "events, type + dates": ("/api/events", {"type": "ASSAULT", "since": "2023-01-01",
                                             "until": "2023-03-31"}),
    "events, country": ("/api/events", {"country": "UKR"}),
    "events, actor": ("/api/events", {"actor": "russie"}),
    "events, 50 km radius": ("/api/events", {"near": "36.20,37.16", "radius_km": 50}),
    "events, page 20": ("/api/events", {"offset": 1000}),
    "actor network": ("/api/events/network", {"type": "ASSAULT"}),
}


def latencies(client: TestClient, path: str, params: dict, runs: int) -> list[float]:
    """Milliseconds of `runs` GET requests (after one warm-up request)."""
    assert client.get(path, params=params).status_code == 200, path
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(path, params=params)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(client: TestClient, runs: int, doc: int) -> None:
    """Print median and 95th percentile latency per request."""
    for name, (path, params) in REQUESTS.items():
        times = sorted(latencies(client, path.format(doc=doc), params, runs))
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"{name:<22} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="store URL (default: a temporary SQLite file)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        with Store(url) as store:
            if store.count("events") < args.events:
                started = time.perf_counter()
                bench_records(store, args.events - store.count("events"))
                print(f"filled in {time.perf_counter() - started:.0f} s")
            print(f"store: {store.count('events'):,} events, {store.count('stories'):,} stories, "
                  f"{store.count('documents'):,} documents")
            app = create_app(WebSettings(db=url), store=store)
            with TestClient(app, base_url="http://127.0.0.1") as client:
                report(client, args.runs, doc=store.count("documents") // 2)


if __name__ == "__main__":
    main()
