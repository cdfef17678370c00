"""Small text helpers of the entity-repair and Actors stages."""

from __future__ import annotations

import re

_STOPWORD = re.compile(r"^(?:de|des|du|d|l|la|le|les|et|à|a|au|aux|pour|en|sur|par)$",
                       re.IGNORECASE)
_SPLIT = re.compile(r"[\s'’-]+")


def initials(name: str) -> str:
    """Initials of the content words of a name.

    >>> initials("Observatoire syrien des droits de l'Homme")
    'OSDH'
    """
    words = [w for w in _SPLIT.split(name) if w and not _STOPWORD.match(w)]
    return "".join(w[0] for w in words).upper()
