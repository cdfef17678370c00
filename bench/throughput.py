"""Throughput benchmark (`make bench`): vigie's full extraction against a bare spaCy parse.

Real text first: the development corpus (../shared/corpus/inputs.jsonl, 4 times) plus the bundled
samples is the headline corpus; a synthetic corpus follows, for size scaling only. For each corpus,
in its own process (so that its peak RSS is its own): articles/s, words/s, wall and CPU seconds of
both pipelines with n_process 1 and 2, their ratio, the per-component CPU table of both pipelines,
and peak RSS. Then the cold start of `vigie extract` on one article against loading the model.
A script, not a test: figures depend on the machine.

Both pipelines read the same texts (the articles as `vigie extract` reads them) and each run loads
its pipeline afresh, so both start with empty caches. The machine may be shared: each run also
reports CPU seconds (this process and its finished workers), steadier than wall time under load;
`--repeat` takes the median of several runs, made back to back.

Usage: python bench/throughput.py [--corpus DIR] [--n 1000] [--processes 1 2] [--repeat 1]
                                  [--only real|synthetic|cold]
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import SHARED_CORPUS, development, synthetic_articles  # noqa: E402

import vigie  # noqa: E402
from vigie.article import Article  # noqa: E402
from vigie.settings import DEFAULT_MODEL  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "vigie" / "samples" / "alep-2016-02.txt"
BATCH_SIZE = 32  # vigie's default; 8, 128 and 512 were slower (docs/speed.md)


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _timed(run) -> tuple[float, float]:
    """(wall, CPU) seconds of `run()`."""
    cpu, start = _cpu(), time.perf_counter()
    run()
    return time.perf_counter() - start, _cpu() - cpu


def bare(articles: list[Article], n_process: int) -> tuple[float, float]:
    nlp = spacy.load(DEFAULT_MODEL)
    texts = [a.text for a in articles]
    return _timed(lambda: all(True for _ in nlp.pipe(
        texts, n_process=n_process, batch_size=BATCH_SIZE)))


def full(articles: list[Article], n_process: int) -> tuple[float, float]:
    nlp = vigie.load()
    return _timed(lambda: all(True for _ in vigie.extract_many(
        articles, nlp=nlp, n_process=n_process, batch_size=BATCH_SIZE)))


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def throughput(articles: list[Article], processes: list[int], repeat: int) -> None:
    """Print both pipelines' rates and their ratio for each n_process."""
    words = sum(len(a.text.split()) for a in articles)
    print(f"{'run':<28}{'articles/s':>12}{'words/s':>12}{'seconds':>10}{'CPU s':>10}")
    for n_process in processes:
        runs: dict[str, list] = {"bare": [], "full": []}
        for _ in range(repeat):  # back to back, so both see the same machine load
            runs["bare"].append(bare(articles, n_process))
            runs["full"].append(full(articles, n_process))
        (base_s, base_cpu), (full_s, full_cpu) = _median(runs["bare"]), _median(runs["full"])
        for label, seconds, cpu in ((f"bare nlp.pipe n_process={n_process}", base_s, base_cpu),
                                    (f"vigie full  n_process={n_process}", full_s, full_cpu)):
            print(f"{label:<28}{len(articles) / seconds:>12.1f}{words / seconds:>12.0f}"
                  f"{seconds:>10.2f}{cpu:>10.2f}")
        print(f"ratio vigie/bare (throughput) n_process={n_process}: {base_s / full_s:.2f} wall, "
              f"{base_cpu / full_cpu:.2f} CPU")


def _cpu_of(run) -> float:
    """CPU seconds of `run()` without garbage collection: all the docs of the corpus are alive
    here, so a full collection would land on whichever component crossed its threshold (it is in
    the throughput rows)."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        run()
        return time.process_time() - start
    finally:
        gc.enable()


def _piped(nlp, docs: list) -> list[tuple[str, float]]:
    """CPU seconds of each component, piping all docs through one component at a time."""
    timings = []
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            seconds = _cpu_of(lambda p=proc: docs.__setitem__(
                slice(None), list(p.pipe(docs, batch_size=BATCH_SIZE))))
        else:
            seconds = _cpu_of(lambda p=proc: docs.__setitem__(slice(None), [p(d) for d in docs]))
        timings.append((name, seconds))
    return timings


def stages(articles: list[Article]) -> tuple[dict[str, float], dict[str, float]]:
    """CPU seconds per component of the bare model and of vigie (make_doc and from_doc too)."""
    texts, docs = [a.text for a in articles], []
    nlp = spacy.load(DEFAULT_MODEL)
    base = {"tokenizer": _cpu_of(lambda: docs.extend(nlp.make_doc(t) for t in texts)),
            **dict(_piped(nlp, docs))}
    nlp, docs = vigie.load(), []
    ours = {"tokenizer": _cpu_of(lambda: docs.extend(
        vigie.pipeline.make_doc(nlp, a) for a in articles)), **dict(_piped(nlp, docs))}
    ours["record.from_doc"] = _cpu_of(lambda: [vigie.record.from_doc(doc) for doc in docs])
    return base, ours


def print_stages(base: dict[str, float], ours: dict[str, float]) -> None:
    total = sum(ours.values())
    print(f"  {'component':<22}{'bare s':>9}{'vigie s':>9}{'vigie %':>9}")
    for name, seconds in ours.items():
        before = f"{base[name]:>9.2f}" if name in base else f"{'':>9}"
        print(f"  {name:<22}{before}{seconds:>9.2f}{100 * seconds / total:>8.1f}%")
    own = sum(s for name, s in ours.items() if name not in base)
    print(f"  {'total':<22}{sum(base.values()):>9.2f}{total:>9.2f}   "
          f"(model {total - own:.2f} s, vigie's own stages {own:.2f} s)")


def peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def section(name: str, articles: list[Article], args: argparse.Namespace) -> None:
    """One corpus: throughput, per-component table, peak RSS (this process runs one corpus)."""
    words = sum(len(a.text.split()) for a in articles)
    print(f"\n== {name}: {len(articles)} articles, {words} words, model {DEFAULT_MODEL}")
    throughput(articles, args.processes, args.repeat)
    sample = articles[: args.stages_sample] if args.stages_sample else articles
    print(f"per-component CPU seconds on {len(sample)} articles (fresh pipelines, one "
          "component at a time over all docs, garbage collection off):")
    print_stages(*stages(sample))
    own, children = peak_rss_mb()
    print(f"peak RSS: {own:.0f} MB (this process, both pipelines loaded in turn), "
          f"{children:.0f} MB (largest worker)")


def cold_start() -> None:
    python = sys.executable
    vigie_cli = str(Path(python).parent / "vigie")
    load = [python, "-c", f"import spacy; spacy.load('{DEFAULT_MODEL}')"]
    extract = [vigie_cli, "extract", str(SAMPLE), "-o", "/dev/null"]
    load_s, extract_s = _best(load), _best(extract)
    print(f"\ncold start: model load {load_s:.2f} s, `vigie extract` one article {extract_s:.2f} s "
          f"(ratio {extract_s / load_s:.2f})")


def _best(command: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def run_one(args: argparse.Namespace) -> None:
    if args.only == "real":
        articles = development(args.corpus)
        if articles is None:
            print(f"\n== real: no development corpus at {args.corpus}/inputs.jsonl: skipped "
                  "(the headline figures need it; pass --corpus DIR)")
            return
        section("real: development corpus x4 + samples", articles, args)
    elif args.only == "synthetic":
        section("synthetic (size scaling)", synthetic_articles(args.n), args)
    else:
        cold_start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED_CORPUS,
                        help="folder of the development corpus (its inputs.jsonl)")
    parser.add_argument("--n", type=int, default=1000, help="synthetic articles")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--stages-sample", type=int, default=200,
                        help="articles of the per-component table (0: all)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per row; medians are shown")
    parser.add_argument("--only", choices=["real", "synthetic", "cold"],
                        help="one part, in this process (default: each in its own process)")
    args = parser.parse_args()
    if args.only:
        run_one(args)
        return
    for part in ("real", "synthetic", "cold"):  # one process each: peak RSS per corpus
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, *sys.argv[1:], "--only", part], check=True)


if __name__ == "__main__":
    main()
