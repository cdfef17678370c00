"""Every country with its French name, derived from CLDR (babel) and ISO 3166 (pycountry).

The hand-written table (data/countries.yaml) adds only what no library has: name variants,
demonyms and metonyms. Demonyms are written as their singular forms; the plural and the
capitalised noun forms ("russe" -> "russes", "Russe", "Russes") are generated here.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

import pycountry
from babel import Locale

LOGGER = logging.getLogger(__name__)

# Codes in use in news but outside ISO 3166-1 (user-assigned by the EU and the IMF).
EXTRA_CODES = {"XK": "XKX"}
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


@lru_cache(maxsize=1)
def french_names() -> dict[str, list[str]]:
    """ISO alpha-3 -> French CLDR names ("Myanmar (Birmanie)" gives both names).

    Returns:
        Names per alpha-3 code, the CLDR display name first.
    """
    territories = Locale("fr").territories
    codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
    out = {}
    for alpha2, alpha3 in codes.items():
        name = territories.get(alpha2)
        if not name:
            LOGGER.debug("no French name for %s", alpha2)
            continue
        name = name.replace("’", "'")
        inner = _PAREN.search(name)
        out[alpha3] = [_PAREN.sub(" ", name).strip(), inner.group(1)] if inner else [name]
    return out


def plural(word: str) -> str:
    """French plural of a demonym ("saoudienne" -> "saoudiennes", "français" unchanged)."""
    last = word.split()[-1]
    if last.endswith(("s", "x", "z")):
        return word
    if last.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def demonym_forms(singulars: list[str]) -> list[str]:
    """Every form of the given singular demonyms: adjective and noun, singular and plural.

    >>> demonym_forms(["russe"])
    ['russe', 'russes', 'Russe', 'Russes']
    """
    lower = []
    for word in singulars:
        for form in (word, plural(word)):
            if form not in lower:
                lower.append(form)
    nouns = [_capital(w) for w in lower if _capital(w) not in lower]
    return [*lower, *nouns]
