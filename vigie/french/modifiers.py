"""The words around a numeral that make it approximate or a bound ("environ", "au moins",
"jusqu'à"), read from the figures lexicon (knowledge/data/lexicons/figures.yaml) and the users'
files, and the phrase indexes the figures stage shares."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from vigie.knowledge import overlay
from vigie.knowledge.base import DATA

LOGGER = logging.getLogger(__name__)
FIGURES_FILE = DATA / "lexicons" / "figures.yaml"

Phrase = tuple[str, ...]
PhraseIndex = dict[str, tuple[Phrase, ...]]


def index_phrases(phrases, at: int = 0) -> PhraseIndex:
    """Phrases by their word at position `at` (0: first, -1: last), keeping their order, so a
    matcher looks up one word instead of trying every phrase."""
    index: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[at], []).append(phrase)
    return {word: tuple(group) for word, group in index.items()}


@dataclass(frozen=True)
class Modifiers:
    """Words before or after a numeral that make it approximate or a bound."""

    approx: tuple[Phrase, ...]
    lower: tuple[Phrase, ...]
    upper: tuple[Phrase, ...]
    after: tuple[Phrase, ...]
    # The same phrases by the word next to the numeral: the last word before it, the first after.
    approx_by_last: PhraseIndex = field(init=False)
    lower_by_last: PhraseIndex = field(init=False)
    upper_by_last: PhraseIndex = field(init=False)
    after_by_first: PhraseIndex = field(init=False)

    def __post_init__(self) -> None:
        for name in ("approx", "lower", "upper"):
            object.__setattr__(self, f"{name}_by_last", index_phrases(getattr(self, name), -1))
        object.__setattr__(self, "after_by_first", index_phrases(self.after))


def _phrases(items) -> tuple[Phrase, ...]:
    phrases = {tuple(w.lower() for w in _WORDS.findall(str(item).replace("’", "'")))
               for item in items or []}
    return tuple(sorted(phrases, key=len, reverse=True))


_WORDS = re.compile(r"[^\W\d_]+'?|-")


def load_figures_data(path: str | Path = FIGURES_FILE, kb_files: tuple[str, ...] = ()) -> dict:
    """The parsed figures lexicon file, read once for the modifiers here and the Figures stage
    (libyaml's loader: the file is read at every model load).

    Args:
        path: the lexicon file.
        kb_files: user knowledge-base files whose `lexicons: figures:` sections merge over it.

    Returns:
        The lexicon's data (cached per file and set of user files: do not change it).
    """
    return _figures_data(str(path), tuple(kb_files))


@lru_cache(maxsize=4)
def _figures_data(path: str, kb_files: tuple[str, ...]) -> dict:
    return overlay.read("figures", kb_files, path)


def load_modifiers(path: str | Path = FIGURES_FILE, kb_files: tuple[str, ...] = ()) -> Modifiers:
    """The approximation and bound words of the figures lexicon and the users' files (cached)."""
    return _modifiers(str(path), tuple(kb_files))


@lru_cache(maxsize=4)
def _modifiers(path: str, kb_files: tuple[str, ...]) -> Modifiers:
    data = load_figures_data(path, kb_files).get("modifiers") or {}
    return Modifiers(_phrases(data.get("approximate")), _phrases(data.get("lower")),
                     _phrases(data.get("upper")), _phrases(data.get("after")))
