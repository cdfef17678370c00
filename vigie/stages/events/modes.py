"""An attack's mode from the weapons its own phrase names (triggers.yaml, `weapons`)."""

from __future__ import annotations

from vigie.stages.events.lexicon import Lexicon, Match
from vigie.stages.tokens import lemmas_of


def _weapon(lemmas, lex: Lexicon) -> str | None:
    for lemma in lemmas:
        mode = lex.weapons.get(lemma)
        if mode is not None:
            return mode
    return None


def weapon_mode(match: Match, etype: str, mode: str | None, lex: Lexicon) -> str | None:
    """An ASSAULT's mode read from weapon words in the trigger's own phrase (a noun's
    complements, a verb's obliques: "frappes de drones", "attaqué au couteau"): they win over
    the trigger word's mode. Weapons elsewhere in the clause are left alone: they often belong to
    another strike of a mixed attack, and a mode keeps mentions apart when merging."""
    if etype != "ASSAULT":
        return mode
    root = match.root
    own = root.subtree if root.pos_ in ("NOUN", "PROPN") else (
        t for c in root.children if c.dep_.startswith("obl") for t in c.subtree)
    lemmas, span = lemmas_of(match.span.doc), match.span
    found = _weapon((lemmas[t.i] for t in own if not span.start <= t.i < span.end), lex)
    return found or mode
