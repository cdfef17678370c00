"""Who says what an event's clause says: quotes and attributions as sources of events.

A trigger inside a quote, or the cue of one, takes its arguments from the quote's speaker:
"« Nous avons riposté », a dit X" (X riposted), "X a été arrêté, a indiqué la police" (the police
arrested X: an authority that reports a measure with no other author is taken as its author),
"…, a dénoncé X" (X accuses, it is not the one accused).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from vigie.stages.arguments.clauses import case_of
from vigie.stages.arguments.participants import actor_of
from vigie.stages.common import text_of
from vigie.stages.events.lexicon import Lexicon, Match
from vigie.stages.tokens import morph_of

SPOKEN = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"}  # said, not done; cues that judge
ATTRIBUTION_CASES = {"pour", "selon"}  # "Pour le ministre, ...": the demand is the minister's


def cued_speaker(match: Match, quotes: list) -> int | None:
    """The speaker of the quote whose cue the trigger is ("« ... », a regretté le président")."""
    start = match.span.start_char
    for quote in quotes:
        if quote.cue_start is not None and quote.cue_start <= start < quote.cue_end:
            return quote.speaker
    return None


def first_person(doc: Doc, token: Token, root: Token) -> bool:
    """"je", "nous" as the trigger's own subject (not one inherited from a clause above)."""
    if token.pos_ != "PRON" or "1" not in morph_of(doc, token.i, "Person"):
        return False
    return token.head == root or (token.head.dep_.startswith("aux") and token.head.head == root)


def quotes_at(quotes: list, offset: int, *, direct: bool = False) -> list:
    """The quotes holding a character offset (only the direct ones with `direct`), in order."""
    return [q for q in quotes if q.start <= offset < q.end and (q.direct or not direct)]


def quoted_by(quotes: list, token: Token) -> int | None:
    """The speaker of the direct quote holding `token`, or None."""
    found = quotes_at(quotes, token.idx, direct=True)
    return found[0].speaker if found else None


def speaker(doc: Doc, quotes: list, token: Token, lex: Lexicon) -> int | None:
    """Who says the clause holding `token`: the quote's speaker, or "Pour X, ..." / "selon X"."""
    said = [q.speaker for q in quotes_at(quotes, token.idx) if q.speaker is not None]
    if said:
        return said[0]
    for holder in [token, *token.ancestors]:
        for kid in holder.children:
            if kid.dep_.startswith("obl") and case_of(kid) in ATTRIBUTION_CASES:
                return actor_of(doc, kid, lex.holder_nouns)
    return None


def announcer(doc: Doc, quotes: list, hit, match: Match, lex: Lexicon,
              triggers: dict[int, str]) -> int | None:
    """The authority that reports a measure the text gives no author at all: "X a été arrêté,
    a indiqué la police", "un couvre-feu a été décrété, a annoncé l'armée".

    Only for the modes and speaker sectors of `announced_by_author` (triggers.yaml);
    never the measure's target, a diplomatic speaker, an authority of another country than the
    target's or the place's, nor one whose cue judges the act ("a dénoncé", "a déploré":
    `triggers`, root index -> type, holds the cue).
    """
    sectors = lex.announced.get((match.entry.type, hit.mode))
    if not sectors:
        return None
    if _judged(doc, quotes, match, triggers) or any(
            t.lower_ == "par" and t.dep_ == "case" for t in match.root.subtree):
        return None  # "arrêtés à la frontière par les douaniers": an agent, wherever it hangs
    said = speaker(doc, quotes, match.root, lex)
    if said is None or said == hit.target:
        return None
    actors = doc._.vigie_actors or []
    who = actors[said]
    name = (who.name or "").lower()
    if who.sector not in sectors or any(word in name for word in lex.diplomatic):
        return None
    places = doc._.vigie_places or []
    countries = {actors[hit.target].country if hit.target is not None else None,
                 places[hit.place].country if hit.place is not None else None} - {None}
    if who.country and countries - {who.country}:
        return None  # "un journaliste a été arrêté à Moscou, a indiqué le ministère français"
    return said


def within_quote(quotes: list, trigger: Token, source: Token | None) -> Token | None:
    """A quoted trigger's source that is the subject of the quote's cue, reached by climbing
    the parse, is the one who speaks, not who acts ("« ..., tuant dix personnes », a assuré le
    porte-parole"): None then (the speaker of "nous" is found otherwise)."""
    if source is None or source.head.i == trigger.i:
        return source
    cued = [q for q in quotes_at(quotes, trigger.idx, direct=True) if q.cue_start is not None]
    if not cued:
        return source
    quote = cued[0]
    cue = quote.cue_start <= source.head.idx < quote.cue_end
    return None if cue and not quote.start <= source.idx < quote.end else source


def _judged(doc: Doc, quotes: list, match: Match, triggers: dict[int, str]) -> bool:
    """Whether the quote holding the trigger has a cue that is itself a statement event."""
    cued = [q for q in quotes_at(quotes, match.root.idx) if q.cue_start is not None]
    if not cued:
        return False
    cue = doc.char_span(cued[0].cue_start, cued[0].cue_end, alignment_mode="expand")
    return cue is not None and any(triggers.get(t.i) in SPOKEN for t in cue)


def speech_clauses(doc: Doc, quotes: list) -> list[tuple[int, int]]:
    """(start, end) of each quote's speech clause: an inverted cue to its sentence's end ("...,
    a précisé le ministre à Niamey."), a cue before the quote to the quote."""
    text, out = text_of(doc), []
    for quote in quotes:
        if quote.cue_start is None:
            continue
        if quote.cue_start >= quote.end:
            stops = [i for i in (text.find(".", quote.cue_end), text.find("\n", quote.cue_end))
                     if i >= 0]
            out.append((quote.cue_start, min(stops, default=len(text))))
        else:
            out.append((quote.cue_start, quote.start))
    return out
