"""French time words (vigie/knowledge/data/lexicons/times.yaml), loaded once, as regex pieces.

Users extend the lexicon with the `lexicons: times:` section of their knowledge-base files. The
Times stage makes its files the active ones while it runs (`active_files`), so the grammar and
the resolvers, which call `time_words()` deep down, read the same lexicon without passing it
along; a context variable keeps pipelines with other files (threads, the web API) apart.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from vigie.knowledge import overlay

LOGGER = logging.getLogger(__name__)

LEXICON = overlay.LEXICONS / "times.yaml"


@dataclass(frozen=True, eq=False)
class TimeWords:
    """The lexicon as dicts (lookups) plus regex alternations (matching); hashed by identity
    (one object per set of files), so the compiled grammar is cached per lexicon."""

    data: dict
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    planning_verbs: frozenset[str]  # "est prévue le 12 mars", "prévu le 5 mai": future
    prospective_verbs: frozenset[str]  # "appeler à bloquer samedi": the infinitive is future
    present_prospective: frozenset[str]  # "doivent se réunir mercredi": future in the present

    def alt(self, words) -> str:
        """A non-capturing alternation, longest words first, apostrophes either way."""
        forms = sorted(set(words), key=len, reverse=True)
        return "(?:" + "|".join(_apostrophes(re.escape(w)) for w in forms) + ")"

    def month(self, word: str) -> int:
        """Month number of a month word ("févr." -> 2)."""
        return self.months[fold(word).rstrip(".")]

    def number(self, word: str) -> int:
        """Day number or count written in digits, ordinals or words ("1er", "quinze")."""
        word = fold(word)
        if word in self.numbers:
            return self.numbers[word]
        if word in self.ordinals:
            return self.ordinals[word]
        return int(re.match(r"\d+", word).group())


def fold(word: str) -> str:
    """Lower-case with a straight apostrophe and single spaces, for dict lookups."""
    return " ".join(word.lower().replace("’", "'").split())


def _apostrophes(pattern: str) -> str:
    return re.sub("['’]", "['’]", pattern).replace(r"\ ", r"\s+")


# The users' knowledge-base files of the Times stage running in this context ((): none).
_FILES: ContextVar[tuple[str, ...]] = ContextVar("vigie_time_files", default=())


@contextmanager
def active_files(kb_files: tuple[str, ...]) -> Iterator[None]:
    """Make `time_words()` return the lexicon merged with `kb_files` within the block."""
    token = _FILES.set(tuple(kb_files))
    try:
        yield
    finally:
        _FILES.reset(token)


def time_words(kb_files: tuple[str, ...] | None = None) -> TimeWords:
    """The lexicon: packaged, merged with the users' files (read once per set of files).

    Args:
        kb_files: user knowledge-base files; None: the active ones (see `active_files`).

    Returns:
        The lexicon.
    """
    return _load(_FILES.get() if kb_files is None else tuple(kb_files))


@lru_cache(maxsize=4)
def _load(kb_files: tuple[str, ...]) -> TimeWords:
    data = overlay.read("times", kb_files, LEXICON)
    LOGGER.debug("loaded %s (version %s)", LEXICON.name, data.get("version"))
    return TimeWords(
        data=data,
        months={fold(k): v for k, v in data["months"].items()},
        weekdays={fold(k): v for k, v in data["weekdays"].items()},
        numbers={fold(k): v for k, v in data["numbers"].items()},
        ordinals={fold(k): v for k, v in data["ordinals"].items()},
        units={fold(k): v for k, v in data["units"].items()},
        planning_verbs=frozenset(map(fold, data["planning_verbs"])),
        prospective_verbs=frozenset(map(fold, data["prospective_verbs"])),
        present_prospective=frozenset(map(fold, data["present_prospective_verbs"])),
    )
