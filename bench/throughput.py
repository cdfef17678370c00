"""Throughput benchmark (`make bench`): vigie's full extraction against a bare spaCy parse.

Prints articles/s and words/s for both, with n_process 1 and 2, their ratio, the per-stage time
breakdown, peak RSS, and the cold start of `vigie extract` on one article against loading the model.
A script, not a test: figures depend on the machine.

The machine may be shared: each run also reports CPU seconds (this process and its finished
workers), steadier than wall time under load; `--repeat` takes the median of several runs.

Usage: python bench/throughput.py [--n 1000] [--processes 1 2] [--stages-sample 200] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, corpus  # noqa: E402

import vigie  # noqa: E402
from vigie.article import Article  # noqa: E402
from vigie.settings import DEFAULT_MODEL  # noqa: E402

SAMPLE = ROOT / "vigie" / "samples" / "alep-2016-02.txt"


def _rate(texts: list[str], seconds: float) -> tuple[float, float]:
    words = sum(len(t.split()) for t in texts)
    return len(texts) / seconds, words / seconds


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(run) -> tuple[float, float]:
    """(wall, CPU) seconds of `run()`."""
    cpu, start = _cpu(), time.perf_counter()
    run()
    return time.perf_counter() - start, _cpu() - cpu


def bare(texts: list[str], n_process: int) -> tuple[float, float]:
    nlp = spacy.load(DEFAULT_MODEL)
    return _timed(lambda: all(True for _ in nlp.pipe(texts, n_process=n_process, batch_size=32)))


def full(texts: list[str], n_process: int) -> tuple[float, float]:
    nlp = vigie.load()
    return _timed(lambda: all(True for _ in vigie.extract_many(
        texts, nlp=nlp, n_process=n_process, batch_size=32)))


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def stages(texts: list[str]) -> list[tuple[str, float]]:
    """CPU seconds per pipeline component, piping all texts through one component at a time."""
    nlp = vigie.load()
    docs = [vigie.pipeline.make_doc(nlp, Article(text=t)) for t in texts]
    timings = []
    for name, proc in nlp.pipeline:
        start = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=32))
        else:
            docs = [proc(d) for d in docs]
        timings.append((name, time.process_time() - start))
    start = time.process_time()
    for doc in docs:
        vigie.record.from_doc(doc)
    timings.append(("record.from_doc", time.process_time() - start))
    return timings


def cold_start() -> tuple[float, float]:
    python = sys.executable
    vigie_cli = str(Path(python).parent / "vigie")
    load = [python, "-c", f"import spacy; spacy.load('{DEFAULT_MODEL}')"]
    extract = [vigie_cli, "extract", str(SAMPLE), "-o", "/dev/null"]
    return _best(load), _best(extract)


def _best(command: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles (at least)")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--stages-sample", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1, help="runs per row; medians are shown")
    args = parser.parse_args()
    texts = corpus(args.n)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} articles, {words} words, model {DEFAULT_MODEL}")
    print(f"{'run':<28}{'articles/s':>12}{'words/s':>12}{'seconds':>10}{'CPU s':>10}")
    for n_process in args.processes:
        runs: dict[str, list] = {"bare": [], "full": []}
        for _ in range(args.repeat):  # back to back, so both see the same machine load
            runs["bare"].append(bare(texts, n_process))
            runs["full"].append(full(texts, n_process))
        (base_s, base_cpu), (full_s, full_cpu) = _median(runs["bare"]), _median(runs["full"])
        for label, seconds, cpu in ((f"bare nlp.pipe n_process={n_process}", base_s, base_cpu),
                                    (f"vigie full  n_process={n_process}", full_s, full_cpu)):
            arts, wps = _rate(texts, seconds)
            print(f"{label:<28}{arts:>12.1f}{wps:>12.0f}{seconds:>10.1f}{cpu:>10.1f}")
        print(f"ratio vigie/bare (throughput) n_process={n_process}: {base_s / full_s:.2f} wall, "
              f"{base_cpu / full_cpu:.2f} CPU")
    print(f"\nper-stage CPU time on {args.stages_sample} articles:")
    timings = stages(texts[: args.stages_sample])
    total = sum(s for _, s in timings)
    for name, seconds in timings:
        print(f"  {name:<22}{seconds:>8.2f} s {100 * seconds / total:>6.1f} %")
    own, children = peak_rss_mb()
    print(f"\npeak RSS: {own:.0f} MB (this process), {children:.0f} MB (largest worker)")
    load_s, extract_s = cold_start()
    print(f"cold start: model load {load_s:.2f} s, `vigie extract` one article {extract_s:.2f} s "
          f"(ratio {extract_s / load_s:.2f})")


if __name__ == "__main__":
    main()
