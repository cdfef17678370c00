"""Records before and after a change: extract every text at hand, then compare byte for byte.

Usage:
  python bench/same_records.py save DIR      # write DIR/<set>.jsonl from the current tree
  python bench/same_records.py check DIR     # extract again and compare with DIR, record by record

The sets: the samples, the project's gold articles, the development corpus and the WiNER-fr
articles (the last two from ../shared, skipped when absent).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "samples": ROOT / "vigie" / "samples",
    "gold": ROOT / "tests" / "gold" / "articles",
    "corpus": SHARED / "corpus" / "inputs.jsonl",
    "winer": SHARED / "corpus-winer" / "2016",
}


def extract(source: Path, out: Path) -> None:
    """Run `vigie extract` as a user would; refused files are fine (the same before and after)."""
    vigie = Path(sys.executable).parent / "vigie"
    subprocess.run([str(vigie), "extract", str(source), "-o", str(out)], check=False,
                   stderr=subprocess.DEVNULL)


def records(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["doc_id"]: line for line in lines if line.strip()}


def save(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in SETS.items():
        if source.exists():
            extract(source, folder / f"{name}.jsonl")
            print(f"{name}: {len(records(folder / f'{name}.jsonl'))} records saved")


def check(folder: Path) -> int:
    differing = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in SETS.items():
            before_file = folder / f"{name}.jsonl"
            if not source.exists() or not before_file.exists():
                continue
            extract(source, Path(tmp) / f"{name}.jsonl")
            before, after = records(before_file), records(Path(tmp) / f"{name}.jsonl")
            ids = before.keys() | after.keys()
            changed = sorted(k for k in ids if before.get(k) != after.get(k))
            differing += len(changed)
            print(f"{name}: {len(after)} records, {len(after) - len(changed)} identical, "
                  f"{len(changed)} differ {changed[:10]}")
    print("byte-identical" if differing == 0 else f"{differing} records differ")
    return 1 if differing else 0


if __name__ == "__main__":
    verb, folder = sys.argv[1], Path(sys.argv[2])
    sys.exit(save(folder) if verb == "save" else check(folder))
