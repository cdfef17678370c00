"""Who a pronoun or a role noun of a cue stands for: the doc's actor mentions in offset order,
the speaker a pronoun continues, and whether a role noun may name an actor."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from vigie.stages.actors.lookup import actor_at, resolve_pronoun
from vigie.stages.common import text_of

# A person named this close (chars) before "il/elle" is taken as the pronoun's referent (about two
# sentences), before asking the Actors stage's general resolver.
PRONOUN_WINDOW = 300
OPENING, MARKS = "«“", "«“»”"


class ActorIndex:
    """Actor mentions of one doc, sorted for offset lookups."""

    def __init__(self, doc: Doc, anaphors: dict[str, tuple[str, ...]] | None = None):
        self.doc = doc
        self.anaphors = anaphors or {}
        self.generic_roles: frozenset[str] = frozenset()
        self.actors = doc._.vigie_actors or []
        spans = [(s, e, i) for i, a in enumerate(self.actors) for s, e in a.mentions]
        self.spans = sorted(spans)
        self.starts = [s for s, _, _ in self.spans]
        self._names: dict[str, int] | None = None
        self._marks: list[tuple[int, bool]] | None = None  # (offset, opens) of « » “ ”

    def at(self, start: int, end: int) -> int | None:
        """The actor with a mention overlapping text[start:end] (the earliest such mention)."""
        return actor_at(self.doc, start, end)

    def before(self, pos: int, *, kinds: tuple[str, ...] = (), role: str | None = None,
               with_role: bool = False, outside_quotes: bool = False) -> int | None:
        """The actor of the last mention ending before `pos` (of one of `kinds` if given, whom
        the role noun `role` may name if given, with a known role if `with_role`, and not
        inside quotation marks if `outside_quotes`: "« ... s'appelait Fardin »" names no one
        who speaks)."""
        for s, e, idx in reversed(self.spans[: bisect.bisect_left(self.starts, pos)]):
            actor = self.actors[idx]
            if e <= pos and (not kinds or actor.kind in kinds) and (
                    role is None or same_role(self, actor, role)) and (
                    actor.role or not with_role) and not (outside_quotes and self.quoted(s)):
                return idx
        return None

    def quoted(self, pos: int) -> bool:
        """Whether `pos` is inside « » or “ ” marks (the last opening mark before it is not
        closed yet)."""
        if self._marks is None:
            text = text_of(self.doc)
            self._marks = [(i, ch in OPENING) for i, ch in enumerate(text) if ch in MARKS]
        last = bisect.bisect_left(self._marks, (pos, False)) - 1
        return last >= 0 and self._marks[last][1]

    def named(self, name: str) -> int | None:
        """The first actor whose name is `name` (lowercased)."""
        if self._names is None:
            self._names = {}
            for i, actor in enumerate(self.actors):
                self._names.setdefault((actor.name or "").lower(), i)
        return self._names.get(name)

    def later_with_role(self, phrase: str, pos: int) -> int | None:
        """The first actor mentioned after `pos` whose role is the role phrase (or starts it)."""
        if " " not in phrase:
            return None  # a bare "le ministre" names someone already introduced
        for _s, _e, idx in self.spans[bisect.bisect_left(self.starts, pos):]:
            role = (self.actors[idx].role or "").lower().replace("’", "'").strip(" ,;")
            if role and phrase.replace("’", "'").startswith(role) and " " in role:
                return idx
        return None

    def distance(self, actor: int, pos: int) -> int:
        """Chars from the actor's last mention before `pos` to `pos`."""
        ends = [e for s, e, i in self.spans if i == actor and e <= pos]
        return pos - max(ends) if ends else pos

    def with_role(self, word: str, pos: int) -> int | None:
        """The nearest actor before `pos` whose role mentions `word` ("le ministre")."""
        for _s, _, idx in reversed(self.spans[: bisect.bisect_left(self.starts, pos)]):
            role = (self.actors[idx].role or "").lower()
            if word in role.split():
                return idx
        return None


def same_role(index: ActorIndex, actor, word: str) -> bool:
    """Whether a role noun may name this actor: a generic one ("le chef"), or the actor's own
    role ("le ministre" is not the spokesman just quoted)."""
    role = (actor.role or "").lower().split()
    if "person" not in index.anaphors.get(word, ()) or not role:
        return True
    return word in index.generic_roles or word in role


def _subject_mention(doc: Doc, index: ActorIndex, actor: int, pos: int) -> bool:
    """Whether the actor's last mention before `pos` is a clause's subject (or in apposition
    to one), not an object or a complement someone else speaks about."""
    ends = [(s, e) for s, e, i in index.spans if i == actor and e <= pos]
    span = doc.char_span(*max(ends), alignment_mode="expand") if ends else None
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("appos", "flat:name", "nmod") and token.head.i != token.i:
        token = token.head
    return token.dep_.startswith("nsubj")


def pronoun(doc: Doc, tok: Token, index: ActorIndex, previous: int | None) -> int | None:
    plural = tok.lower_.endswith("s") or tok.lower_ == "eux"
    kinds = ("organization", "state", "group", "population") if plural else ("person",)
    near = index.before(tok.idx, kinds=kinds, outside_quotes=True)
    # The speaker of the quote just before wins ("« ... », a-t-il ajouté" continues a
    # statement), unless someone of the pronoun's kind was introduced since ("Un habitant, qui
    # ..., a indiqué que ... « ... », a-t-il déclaré": the resident).
    if previous is not None:
        newer = near is not None and near != previous and (
            index.distance(near, tok.idx) < index.distance(previous, tok.idx)) and (
            _subject_mention(doc, index, near, tok.idx))
        return near if newer else previous
    # A speaking "il/elle" is most often the person just named; the general resolver may pick a
    # place or organisation of the same gender.
    if near is not None and not plural and index.distance(near, tok.idx) <= PRONOUN_WINDOW:
        return near
    found = resolve_pronoun(doc, tok.i)
    return near if found is None else found
