"""Comparing counts: whether two claimed figures can be about one thing (disputes, in a record
and across articles)."""

from __future__ import annotations

# Two claimants' counts of one thing differ by at most this factor; further apart they count
# different scopes (a day's toll and a war's: 8 dead against 17 000, dev corpus 009). Chosen so
# that police and organisers' crowd counts (often 2-5x apart) stay comparable; no labelled set of
# disputes calibrates it further (the dev corpus has one true dispute: 25 against 24).
MAX_DISPUTE_RATIO = 10


def comparable(one: float | int | None, other: float | int | None) -> bool:
    """Whether two counts can be two claims about one thing (within MAX_DISPUTE_RATIO)."""
    if one is None or other is None:
        return False
    low, high = sorted((abs(one), abs(other)))
    return high <= low * MAX_DISPUTE_RATIO


def population(who: str | None, generic: frozenset[str]) -> str | None:
    """Who a count is of, folded and singular ("civil"), or None for words that name no
    population in particular (`generic`: "personnes", "morts"): two claims are comparable only
    for one population."""
    folded = " ".join((who or "").lower().split())
    if not folded or folded in generic:
        return None
    return " ".join(w[:-1] if w.endswith(("s", "x")) and len(w) > 3 else w
                    for w in folded.split())
