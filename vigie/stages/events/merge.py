"""One event per distinct action: merge the mentions of the same event within a document.

A story tells its main event several times: "Des djihadistes ont attaqué un camp ... Des hommes
armés ont pris pour cible le camp de Wendou". Two mentions are one event when nothing conflicts
(type, status, mode, actors, claimant, own place, period) and something ties them (the same
trigger word, actor or target word). Two different actors conflict unless one is only described
("des hommes armés", "les assaillants") and the mentions share their target or place; a country
and a place in it do not conflict.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

STATEMENTS = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE"}  # speech acts


@dataclass(frozen=True)
class Story:
    """What merging reads about the doc: its places and actors (empty for a bare hit list)."""

    places: tuple = ()
    actors: tuple = ()
    text: str = ""
    said: tuple = ()  # (start, end) of speech clauses ("a précisé le ministre à Niamey")


def _fits(a, b) -> bool:
    return a is None or b is None or a == b


def _orphan(hit) -> bool:
    return hit.source is None and hit.target is None


def _described(story: Story, i: int) -> bool:
    """An actor known only by a description, no name ("des hommes armés", "les assaillants")."""
    if i >= len(story.actors):
        return False
    actor = story.actors[i]
    described = not actor.named_mentions and actor.kb_id is None
    return described and actor.kind in ("group", "population")


def _actors_fit(a, b, story: Story, anchored: bool) -> bool:
    if _fits(a, b):
        return True
    return anchored and (_described(story, a) or _described(story, b))


def _place_fits(a, b, story: Story) -> bool:
    """Own places of two mentions: the same, or a country and a place in it."""
    if a.place == b.place or not (a.own_place and b.own_place):
        return True
    if max(a.place, b.place) >= len(story.places):
        return False
    p, q = story.places[a.place], story.places[b.place]
    if "country" not in (p.level, q.level):
        return False
    return p.country is None or q.country is None or p.country == q.country


def _anchored(a, b) -> bool:
    """A target, a place or a day the two mentions share ("lundi 9 mai" told twice)."""
    same_target = a.target is not None and a.target == b.target
    words = a.target_word is not None and a.target_word == b.target_word
    day = a.time_value is not None and a.time_value == b.time_value and len(a.time_value) == 10
    return same_target or words or day or (
        a.place is not None and a.place == b.place and a.own_place)


def _related(a, b) -> bool:
    """Same words, the same known actor or target word on one side, or one mention with no
    actor at all (a bare "les frappes" restates an event of the same type; coding it apart
    would double count)."""
    if a.lemma == b.lemma or _orphan(a) or _orphan(b) or _halves(a, b):
        return True
    if a.target_word is not None and a.target_word == b.target_word:
        return True
    return (a.source is not None and a.source == b.source) or (
        a.target is not None and a.target == b.target
    )


def _halves(a, b) -> bool:
    """One mention says only who acted, the other only who suffered ("la Russie a lancé une
    attaque ... Deux personnes ont été tuées"): two halves of one act."""
    if a.type in STATEMENTS:
        return False  # a speech act's addressee is no half of another's
    return ((a.source is None) != (b.source is None) and (a.target is None) != (b.target is None)
            and (a.source is None) == (b.target is None))


def compatible(a, b, story: Story = Story()) -> bool:
    """Whether two event hits can be the same action (no conflicting field, something shared).

    Args:
        a: an EventHit (with its `lemma` attribute set by the stage).
        b: another.
        story: the doc's places and actors.

    Returns:
        True when b may be merged into a.
    """
    if a.type != b.type or a.status != b.status:
        return False
    anchored = _anchored(a, b)
    if not (_fits(a.mode, b.mode) and _fits(a.claimed_by, b.claimed_by)
            and _actors_fit(a.source, b.source, story, anchored)
            and _actors_fit(a.target, b.target, story, False)):
        return False
    if not _place_fits(a, b, story):
        return False
    return _same_period(a.time_value, b.time_value) and not _apart(a, b) and _related(a, b)


def _apart(a, b) -> bool:
    """A mention with a time of its own in another year than the other's date ("incendié en
    novembre 2011" and the "attentat" of the day): two events. Closer dates are left to the
    other rules: periods ("au cours des deux dernières semaines") are told too loosely."""
    if (a.time_value is None) == (b.time_value is None):
        return False
    linked, other = (a, b) if a.time_value is not None else (b, a)
    return bool(other.date) and linked.time_value[:4] != other.date[:4]


def _same_period(a: str | None, b: str | None) -> bool:
    """ISO values that can name the same period: one is a prefix of the other ("2016-02")."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def absorb(a, b, story: Story = Story()) -> None:
    """Merge hit b into hit a: fill a's empty fields, add b's mentions, figures and contexts."""
    if a.time_value is None and b.time_value is not None:
        a.time = None  # b's time is linked to its trigger, a's at best borrowed
    if a.time is None and b.time is not None and (
            a.time_precision in (None, "published") or len(b.date or "") >= len(a.date or "")):
        # a time and the date it gives go together (a's date was the story's or the report's);
        # a story's day is not given up for a vaguer time ("ces derniers mois")
        a.time, a.date, a.time_precision = b.time, b.date, b.time_precision
    if (not a.own_place and b.own_place) or (b.own_place and _finer(story, b.place, a.place)):
        a.place, a.own_place = b.place, True
    elif _finer(story, b.place, a.place) and _in_clause(story, b.place, b):
        a.place = b.place  # "dans le centre du pays" ... "tuant dix personnes dans le village de X"
    for name in ("mode", "source", "target", "place", "time_value", "claimed_by", "date",
                 "time_precision", "target_word"):
        if getattr(a, name) is None:
            setattr(a, name, getattr(b, name))
    if a.source is not None and a.source == a.target:
        a.target = None  # no actor acts on itself
    a.mentions.extend(m for m in b.mentions if m not in a.mentions)
    a.figures.extend(f for f in b.figures if f not in a.figures)
    a.context.extend(c for c in b.context if c not in a.context)
    a.prior = max(a.prior, b.prior)


def _in_clause(story: Story, place: int, hit) -> bool:
    """Whether the hit's own clause names the place (not the story's or the dateline's, nor
    where its speaker said it: "..., a précisé le ministre à Niamey")."""
    mentions = getattr(story.places[place], "mentions", ())
    return any(hit.start <= s and e <= hit.end and not any(a <= s < b for a, b in story.said)
               for s, e in mentions)


def _finer(story: Story, new, old) -> bool:
    """Whether place `new` lies in country-level place `old` (the story names both)."""
    if new is None or old is None or max(new, old) >= len(story.places):
        return False
    p, q = story.places[new], story.places[old]
    return q.level == "country" and p.level != "country" and p.country in (q.country, None)


def _fold_into(merged: list, hit, story: Story) -> None:
    for kept in merged:
        if compatible(kept, hit, story):
            absorb(kept, hit, story)
            return
    merged.append(hit)


def _home(merged: list, hit, story: Story):
    """The event an actor-less mention restates: one named by the same word, else the nearest
    compatible one before it, else after it in its paragraph or about the same target ("a
    démenti cet appel ... « Nous démentons cet appel »"). A statement is a speech act of its
    own: only the same word restates it."""
    start = hit.mentions[0][0]
    fits = [k for k in merged if compatible(k, hit, story)]
    if hit.type in STATEMENTS:
        fits = [k for k in fits if k.lemma == hit.lemma]
    fits = [k for k in fits if k.lemma == hit.lemma] or fits
    before = [k for k in fits if k.mentions[0][0] <= start]
    after = [k for k in fits if k.mentions[0][0] > start and (
        "\n" not in story.text[start:k.mentions[0][0]] or _anchored(k, hit))]
    if before:
        return max(before, key=lambda k: max(s for s, _ in k.mentions if s <= start))
    return min(after, key=lambda k: k.mentions[0][0]) if after else None


def _antecedent(told: list, hit, story: Story):
    """The event an anaphoric mention with no time of its own names: the last one of its type
    told before it with no other actor, whatever its status and weapons: the same word, else,
    for a bare mention, another word in the same or the previous paragraph ("cette attaque
    russe" after "lors d'une attaque contre l'Ukraine"; "les frappes" after it; "la
    manifestation" in a claim)."""
    if not hit.anaphoric or hit.time_value is not None:
        return None
    fits = [k for k in told if k.type == hit.type and _fits(k.target, hit.target)
            and _actors_fit(k.source, hit.source, story, True)]
    same = [k for k in fits if k.lemma == hit.lemma]
    if same or not _orphan(hit):
        return (same or [None])[-1]
    start = hit.mentions[0][0]
    near = [k for k in fits if story.text.count("\n", k.mentions[0][0], start) <= 1]
    return (near or [None])[-1]


def _resolve_anaphora(hits: list, story: Story) -> list:
    """Fold each anaphoric mention into the event it names (in text order); the others stay."""
    kept: list = []
    for hit in hits:
        home = _antecedent(kept, hit, story)
        if home is None:
            kept.append(hit)
        else:
            absorb(home, hit, story)
    return kept


def merge_events(hits: list, places=(), actors=(), text: str = "", said=()) -> list:
    """Fold every hit into an earlier compatible one; mentions with no actor go to the nearest.

    Args:
        hits: event hits in text order.
        places: doc._.vigie_places (a country and a place in it do not conflict).
        actors: doc._.vigie_actors (a described actor may be a named one).
        text: the doc's text (paragraphs).
        said: (start, end) of the speech clauses of quotes (where it was said, not done).

    Returns:
        The merged hits, in order of first mention.
    """
    story, merged = Story(tuple(places), tuple(actors), text, tuple(said)), []
    hits = _resolve_anaphora(hits, story)
    for hit in hits:
        if not _orphan(hit):
            _fold_into(merged, hit, story)
    for hit in hits:
        if _orphan(hit):
            home = _home(merged, hit, story)
            if home is None:
                merged.append(hit)
            else:
                absorb(home, hit, story)
    return sorted(merged, key=lambda h: min(s for s, _ in h.mentions))
