"""One event per distinct action: merge the mentions of the same event within a document."""

from __future__ import annotations

import logging

LOGGER = logging.getLogger(__name__)

MENTION_BONUS = 0.05  # each extra mention of the same event; calibrated on the sample's offensive
MAX_CONFIDENCE = 0.99


def _fits(a, b) -> bool:
    return a is None or b is None or a == b


def _orphan(hit) -> bool:
    return hit.source is None and hit.target is None


def _related(a, b) -> bool:
    """Same words, the same known actor on one side, or one mention with no actor at all (a bare
    "les frappes" restates an event of the same type; coding it apart would double count)."""
    if a.lemma == b.lemma or _orphan(a) or _orphan(b):
        return True
    return (a.source is not None and a.source == b.source) or (
        a.target is not None and a.target == b.target
    )


def compatible(a, b) -> bool:
    """Whether two event hits can be the same action (no conflicting field, something shared).

    Args:
        a: an EventHit (with its `lemma` attribute set by the stage).
        b: another.

    Returns:
        True when b may be merged into a.
    """
    if a.type != b.type or a.status != b.status:
        return False
    if not (_fits(a.mode, b.mode) and _fits(a.source, b.source) and _fits(a.target, b.target)
            and _fits(a.claimed_by, b.claimed_by)):
        return False
    if a.own_place and b.own_place and a.place != b.place:
        return False
    return _same_period(a.time_value, b.time_value) and _related(a, b)


def _same_period(a: str | None, b: str | None) -> bool:
    """ISO values that can name the same period: one is a prefix of the other ("2016-02")."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def absorb(a, b) -> None:
    """Merge hit b into hit a: fill a's empty fields, add b's mentions, figures and contexts."""
    if a.time_value is None and b.time_value is not None:
        a.time = None  # b's time is linked to its trigger, a's at best borrowed from before
    if not a.own_place and b.own_place:
        a.place, a.own_place = b.place, True
    for name in ("mode", "source", "target", "place", "time", "time_value", "claimed_by"):
        if getattr(a, name) is None:
            setattr(a, name, getattr(b, name))
    a.mentions.extend(m for m in b.mentions if m not in a.mentions)
    a.figures.extend(f for f in b.figures if f not in a.figures)
    a.context.extend(c for c in b.context if c not in a.context)
    best = max(a.confidence or 0.0, b.confidence or 0.0)
    a.confidence = round(min(MAX_CONFIDENCE, best + MENTION_BONUS), 2)


def _fold_into(merged: list, hit) -> None:
    for kept in merged:
        if compatible(kept, hit):
            absorb(kept, hit)
            return
    merged.append(hit)


def _home(merged: list, hit):
    """The event an actor-less mention restates: one named by the same word, else the nearest
    compatible one before it, else after."""
    start = hit.mentions[0][0]
    fits = [k for k in merged if compatible(k, hit)]
    fits = [k for k in fits if k.lemma == hit.lemma] or fits
    before = [k for k in fits if k.mentions[0][0] <= start]
    after = [k for k in fits if k.mentions[0][0] > start]
    if before:
        return max(before, key=lambda k: max(s for s, _ in k.mentions if s <= start))
    return min(after, key=lambda k: k.mentions[0][0]) if after else None


def _antecedent(merged: list, hit):
    """The event an anaphoric mention with no actor and no time of its own names: the last one
    before it told with the same word, whatever its status ("la manifestation" after "des
    milliers de personnes ont manifesté" is the same protest, also in a claim)."""
    if not hit.anaphoric or hit.time_value is not None:
        return None
    start = hit.mentions[0][0]
    told = [k for k in merged if k.type == hit.type and k.lemma == hit.lemma
            and k.mentions[0][0] < start]
    return max(told, key=lambda k: k.mentions[0][0]) if told else None


def merge_events(hits: list) -> list:
    """Fold every hit into an earlier compatible one; mentions with no actor go to the nearest.

    Args:
        hits: event hits in text order.

    Returns:
        The merged hits, in order of first mention.
    """
    merged: list = []
    for hit in hits:
        if not _orphan(hit):
            _fold_into(merged, hit)
    for hit in hits:
        if _orphan(hit):
            home = _antecedent(merged, hit) or _home(merged, hit)
            if home is None:
                merged.append(hit)
            else:
                absorb(home, hit)
    return sorted(merged, key=lambda h: min(s for s, _ in h.mentions))
