"""Event confidence: the chance that an event is right, its type and its source and target.

A logistic model over what the event rests on (`features`), its weights fitted on the
development corpus and the project's gold set by `bench/calibrate_events.py --fit` (132 events,
L2 penalty 1.0; the calibration table is in docs/events.md). Re-fit when the stages that find
arguments change: the weights say how far their actors can be trusted.
"""

from __future__ import annotations

import logging
import math

LOGGER = logging.getLogger(__name__)

# Fitted by bench/calibrate_events.py --fit (see the module doc); log-odds per feature.
WEIGHTS = {
    "bias": -2.81,
    "source": 1.13,  # an actor does it
    "target": 1.14,  # an actor undergoes it
    "named_source": 1.08,  # the source is a name, not a description ("l'armée malienne")
    "statement": 0.44,  # a speech act: its speaker is its source, most often named
    "framed": -1.1,  # claimed, planned, demanded...: one more inference
    "retold": 0.63,  # the story tells it more than once
    "prior": 0.49,  # the trigger word's prior (triggers.yaml), how rarely it means anything else
}
STATEMENTS = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE"}
MIN_CONFIDENCE, MAX_CONFIDENCE = 0.01, 0.99


def _named(actor) -> bool:
    return actor is not None and bool(actor.kb_id or actor.named_mentions)


def features(hit, actors: list) -> dict[str, float]:
    """What an event rests on, as the model reads it.

    Args:
        hit: an EventHit (with its `prior` from the lexicon).
        actors: doc._.vigie_actors.
    """
    source = actors[hit.source] if hit.source is not None and hit.source < len(actors) else None
    return {
        "bias": 1.0,
        "source": float(hit.source is not None),
        "target": float(hit.target is not None),
        "named_source": float(_named(source)),
        "statement": float(hit.type in STATEMENTS),
        "framed": float(hit.status != "reported"),
        "retold": float(len(hit.mentions) >= 2),
        "prior": float(hit.prior),
    }


def event_confidence(hit, actors: list) -> float:
    """The calibrated chance that the event is right (type, source and target).

    Args:
        hit: an EventHit.
        actors: doc._.vigie_actors.

    Returns:
        A probability, rounded to two decimals.
    """
    score = sum(WEIGHTS[name] * value for name, value in features(hit, actors).items())
    chance = 1.0 / (1.0 + math.exp(-score))
    return round(min(MAX_CONFIDENCE, max(MIN_CONFIDENCE, chance)), 2)
