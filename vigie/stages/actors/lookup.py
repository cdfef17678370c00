"""Lookups other stages make on the actors: the actor at a span, a pronoun's antecedent."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

_MENTIONS_KEY = ("vigie", "actor_mentions")


def _mention_index(doc: Doc) -> tuple[list[tuple[int, int, int]], list[int], int]:
    """Every actor mention as (start, end, actor index), sorted, with the starts and the longest
    mention's length; built once per actors list (other stages call `actor_at` very often)."""
    actors = doc._.vigie_actors or []
    cached = doc.user_data.get(_MENTIONS_KEY)
    if cached is None or cached[0] is not actors or cached[1] != len(actors):
        spans = sorted((s, e, i) for i, actor in enumerate(actors) for s, e in actor.mentions)
        longest = max((e - s for s, e, _ in spans), default=0)
        cached = doc.user_data[_MENTIONS_KEY] = (actors, len(actors), spans,
                                                 [s for s, _, _ in spans], longest)
    return cached[2:]


def actor_at(doc: Doc, start: int, end: int) -> int | None:
    """Index in doc._.vigie_actors of the actor whose mention overlaps text[start:end] best.

    Args:
        doc: a doc processed by vigie_actors.
        start: character offset.
        end: character offset (exclusive).

    Returns:
        The actor's index (the first actor on a tie), or None when no mention overlaps.
    """
    spans, starts, longest = _mention_index(doc)
    best, best_overlap = None, 0
    # Only mentions starting within `longest` characters before `start` can reach it.
    for s, e, i in spans[bisect_left(starts, start - longest):bisect_left(starts, end)]:
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap or (overlap == best_overlap and best is not None and i < best):
            best, best_overlap = i, overlap
    return best


_PLURAL_KINDS = {"group", "population", "state", "organization"}
_SINGULAR_KINDS = {"person", "organization", "state"}


def resolve_pronoun(doc: Doc, token_index: int) -> int | None:
    """The last person or organisation actor mentioned before a pronoun.

    Number is matched cheaply: "ils/elles" look for groups, populations, states and
    organisations; "il/elle" for people, organisations and states.

    Args:
        doc: a doc processed by vigie_actors.
        token_index: index of the pronoun token.

    Returns:
        The actor's index, or None.
    """
    token = doc[token_index]
    kinds = _PLURAL_KINDS if "Plur" in token.morph.get("Number") else _SINGULAR_KINDS
    best, best_end = None, -1
    for i, actor in enumerate(doc._.vigie_actors or []):
        if actor.kind not in kinds:
            continue
        ends = [s for s, _ in actor.mentions if s < token.idx]
        if ends and max(ends) > best_end:
            best, best_end = i, max(ends)
    return best
