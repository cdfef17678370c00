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
# PLOVER quad of each type (the manual's "Quad categories"), as the exports code them
# (vigie/store/data/exports.yaml `quad_code`; tests/web/test_web_palette.py checks they agree).
QUAD_OF = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "DEMAND": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def quad_of(event_type: str | None) -> int | None:
    """The PLOVER quad (1-4) of an event type, None when unknown."""
    return QUAD_OF.get((event_type or "").upper())


def colour_of(event_type: str) -> str:
    """The colour of an event type (grey for a type outside PLOVER's list)."""
    key = event_type.upper()
    return TYPE_COLOURS.get(ALIASES.get(key, key), OTHER_COLOUR)


def legend() -> dict:
    """Quads and types with their colours, as the dashboard draws them."""
    types = [{"type": t, "quad": quad_of(t), "colour": c} for t, c in TYPE_COLOURS.items()]
    quads = [{"quad": q, "name": n, "colour": QUAD_COLOURS[q]} for q, n in QUADS.items()]
    return {"types": types, "quads": quads, "other": OTHER_COLOUR}
