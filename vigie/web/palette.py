"""Colours of the PLOVER event types: one hue family per quad, one shade per type.

Cooperation is cool (blues, blue-greens), conflict is warm (yellow-oranges, reds); verbal quads
are the light shades, material quads the dark ones, so that the four families stay apart for
readers with any of the three colour-vision deficiencies (they keep lightness and the
blue-yellow or the red-green axis). The shades were chosen in OKLCH (hue 240, 172, 78, 30;
lightness 0.87-0.31) and checked with Machado et al.'s (2009) simulation:
`tests/web/test_web_palette.py` pins the smallest OKLab distance between two types.
"""

from __future__ import annotations

import logging
from functools import lru_cache

LOGGER = logging.getLogger(__name__)

QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# One colour per type, families in quad order; lightness falls within each family.
TYPE_COLOURS = {
    "AGREE": "#acdbfd", "CONSULT": "#71c4fc", "SUPPORT": "#3babef", "CONCEDE": "#1392d4",
    "COOPERATE": "#11856b", "AID": "#0b6450", "RETREAT": "#064537",
    "REQUEST": "#ffdca6", "ACCUSE": "#fdc362", "REJECT": "#f2ab13", "THREATEN": "#d99a1c",
    "SANCTION": "#c38906",
    "PROTEST": "#d74030", "MOBILIZE": "#b31609", "COERCE": "#880e05", "ASSAULT": "#5f0702",
}
# The family's middle shade, for whatever stands for a whole quad.
QUAD_COLOURS = {1: "#3babef", 2: "#0b6450", 3: "#f2ab13", 4: "#b31609"}
# A type outside PLOVER's list (a user's lexicon may add one): neutral grey.
OTHER_COLOUR = "#8c8c8c"
# The PLOVER manual's name for vigie's REQUEST.
ALIASES = {"DEMAND": "REQUEST"}


@lru_cache(maxsize=1)
def _quad_codes() -> dict[str, int]:
    # The same quad table as the exports (vigie/store/data/exports.yaml), read only.
    from vigie.store.export import mappings

    return {t: int(q) for t, q in mappings()["quad_code"].items()}


def quad_of(event_type: str | None) -> int | None:
    """The PLOVER quad (1-4) of an event type, None when unknown."""
    return _quad_codes().get((event_type or "").upper())


def colour_of(event_type: str) -> str:
    """The colour of an event type (grey for a type outside PLOVER's list)."""
    key = event_type.upper()
    return TYPE_COLOURS.get(ALIASES.get(key, key), OTHER_COLOUR)


def legend() -> dict:
    """Quads and types with their colours, as the dashboard draws them."""
    types = [{"type": t, "quad": quad_of(t), "colour": c} for t, c in TYPE_COLOURS.items()]
    quads = [{"quad": q, "name": n, "colour": QUAD_COLOURS[q]} for q, n in QUADS.items()]
    return {"types": types, "quads": quads, "other": OTHER_COLOUR}
