"""French time words (vigie/knowledge/data/lexicons/times.yaml), loaded once, as regex pieces."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

LOGGER = logging.getLogger(__name__)

LEXICON = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "lexicons" / "times.yaml"
# libyaml's safe loader when installed: 4x faster than the pure-Python one, same data.
_SAFE_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


@dataclass(frozen=True)
class TimeWords:
    """The lexicon as dicts (lookups) plus regex alternations (matching)."""

    data: dict
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]

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


@lru_cache(maxsize=1)
def time_words() -> TimeWords:
    """The packaged lexicon (read once per process)."""
    data = yaml.load(LEXICON.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    LOGGER.debug("loaded %s (version %s)", LEXICON.name, data.get("version"))
    return TimeWords(
        data=data,
        months={fold(k): v for k, v in data["months"].items()},
        weekdays={fold(k): v for k, v in data["weekdays"].items()},
        numbers={fold(k): v for k, v in data["numbers"].items()},
        ordinals={fold(k): v for k, v in data["ordinals"].items()},
        units={fold(k): v for k, v in data["units"].items()},
    )
