"""Accent, case, apostrophe and elision folding for matching French names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’ʼ`´"
_APOS = re.compile(f"[{APOSTROPHES}]")
_DASHES = re.compile(r"[-‐‑‒–—]")
_SPACES = re.compile(r"\s+")
# fold() is called on every token by some stages: memoised, since words repeat (Zipf); a few MB.
FOLD_CACHE = 1 << 16
ELISIONS = ("l'", "d'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "c'", "j'", "n'", "s'", "m'", "t'")


@lru_cache(maxsize=FOLD_CACHE)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and dashes, squeeze spaces.

    >>> fold("l’Élysée  Nord-Kivu")
    "l'elysee nord kivu"
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOS.sub("'", text.lower())
    text = _DASHES.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def strip_elision(text: str) -> str:
    """Drop a leading French elision (l', d', qu'...) from folded or raw text."""
    low = _APOS.sub("'", text.lower())
    for elision in ELISIONS:
        if low.startswith(elision):
            return text[len(elision):]
    return text
