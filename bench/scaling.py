"""Scaling benchmark: seconds and peak RSS of one long document, by size (issue 24).

Each size runs in a fresh process (peak RSS is per process): a report of SIZE KB built from the
synthetic corpus's sentence templates, six sentences to a paragraph, extracted as vigie extracts
it (`extract_each`: section by section past 100 000 characters, vigie.sections). Prints seconds,
peak RSS and the slope between sizes (the exponent k in time ~ size^k: 1 is linear, 2
quadratic). `--whole` runs each component over the whole document instead, as vigie did before
sections, and prints the seconds of the model and of each vigie stage. A script, not a test:
figures depend on the machine.

Usage: python bench/scaling.py [--sizes 50 100 200 400 800] [--whole]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import _sentence  # noqa: E402

SIZES = (50, 100, 200, 400, 800)
MODEL = ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner")


def report(kb: int, *, seed: int = 7) -> str:
    """A French report of about `kb` kilobytes (UTF-8), paragraphs of six sentences."""
    rng, paragraphs, size = random.Random(seed), [], 0
    while size < kb * 1000:
        paragraph = " ".join(_sentence(rng) for _ in range(6))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return "\n".join(paragraphs)


def one(kb: int, whole: bool = False) -> dict:
    """Extract one report of `kb` KB; what it cost."""
    import vigie
    from vigie.article import Article
    from vigie.pipeline import extract_each, make_doc
    from vigie.record import from_doc
    from vigie.sections import sections

    nlp = vigie.load()
    text = report(kb)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    if not whole:
        start = time.perf_counter()
        article = Article(text=text, id="report", title="Rapport", published="2024-03-05")
        [record] = extract_each([article], nlp=nlp, time_limit=None)
        return {"kb": kb, "chars": len(text), "seconds": {"all": time.perf_counter() - start},
                "sections": len(sections(text)), "loaded_mb": loaded,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                "figures": len(record.figures), "events": len(record.events)}
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    doc = make_doc(nlp, Article(text=text, id="report", title="Rapport", published="2024-03-05"))
    seconds = {}
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        doc = component(doc)
        seconds[name] = time.perf_counter() - start
    start = time.perf_counter()
    record = from_doc(doc)
    seconds["record"] = time.perf_counter() - start
    return {"kb": kb, "chars": len(text), "seconds": seconds, "loaded_mb": loaded,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "figures": len(record.figures), "events": len(record.events)}


def _slope(rows: list[dict], key) -> list[str]:
    out = ["-"]
    for before, after in zip(rows, rows[1:], strict=False):
        ratio = key(after) / key(before) if key(before) > 0 else float("nan")
        out.append(f"{math.log(ratio) / math.log(after['kb'] / before['kb']):.2f}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--whole", action="store_true",
                        help="each component over the whole document (no sections)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.whole)))
        return
    rows = []
    for kb in args.sizes:
        done = subprocess.run([sys.executable, __file__, "--one", str(kb)]
                              + (["--whole"] if args.whole else []), check=True,
                              capture_output=True, text=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        row = rows[-1]
        if not args.whole:
            print(f"{kb:4d} KB {row['chars']:8d} chars  {row['sections']:2d} section(s)  "
                  f"{row['seconds']['all']:6.1f} s  peak RSS {row['peak_mb']:5d} MB (model "
                  f"loaded: {row['loaded_mb']} MB)  figures {row['figures']:5d}  events "
                  f"{row['events']:5d}", flush=True)
            continue
        model = sum(row["seconds"][n] for n in MODEL if n in row["seconds"])
        vigie_s = sum(v for n, v in row["seconds"].items() if n not in MODEL)
        slowest = sorted(((v, n) for n, v in row["seconds"].items() if n not in MODEL),
                         reverse=True)[:3]
        print(f"{kb:4d} KB {row['chars']:8d} chars  model {model:6.1f} s  vigie {vigie_s:6.1f} s"
              f"  peak RSS {row['peak_mb']:5d} MB (model loaded: {row['loaded_mb']} MB)  "
              f"figures {row['figures']:5d}  slowest: "
              + ", ".join(f"{n} {v:.1f} s" for v, n in slowest), flush=True)
    total = _slope(rows, lambda r: sum(r["seconds"].values()))
    memory = _slope(rows, lambda r: r["peak_mb"] - r["loaded_mb"])
    print("slope of the total time between sizes:     " + " ".join(total))
    print("slope of the memory over the loaded model: " + " ".join(memory))
    if args.whole:
        mine = _slope(rows, lambda r: sum(v for n, v in r["seconds"].items() if n not in MODEL))
        print("slope of vigie's stages' time:             " + " ".join(mine))


if __name__ == "__main__":
    main()
