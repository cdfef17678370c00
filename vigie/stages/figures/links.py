"""Who claims a figure, where and when it holds, what it is part of, which figures dispute it."""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from vigie.french.counts import comparable, population
from vigie.stages.actors.lookup import actor_at, resolve_pronoun
from vigie.stages.arguments.frames import frame_of
from vigie.stages.arguments.frames import words_of as argument_words_of
from vigie.stages.arguments.newcomers import newcomer
from vigie.stages.arguments.participants import actor_of
from vigie.stages.common import text_of
from vigie.stages.figures.lexicon import FigureLexicon, phrase_end, words_of
from vigie.stages.times.component import event_time

LOGGER = logging.getLogger(__name__)

# How far up the parse a claim verb may govern the figure ("a annoncé avoir effectué 510 sorties
# pour frapper 1.888 cibles, assurant avoir tué deux ..."); the sample needs 5 steps.
MAX_CLAIM_STEPS = 8
# How close after a count a marker must follow to claim that count alone ("3 500 personnes selon
# la police": 2 tokens between; "12 000 manifestants au moins selon X": 3).
MARKER_REACH = 4


def _actor_of(token: Token, lex: FigureLexicon) -> int | None:
    """The actor a noun phrase names (the argument layer's reading, a document or a count
    standing for its author: "un bilan de la police"), a pronoun's antecedent, or a newcomer."""
    doc = token.doc
    if token.pos_ == "PRON":
        found = resolve_pronoun(doc, token.i)
        if found is not None:
            return found
    holders = argument_words_of(doc).document_nouns | lex.source_holders
    found = actor_of(doc, token, holders)
    if found is None and token.pos_ != "PRON":
        found = actor_at(doc, token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
    if found is None and token.lemma_.lower() in holders:
        author = next((c for c in token.children if c.dep_ in ("nmod", "flat:name") and (
            c.i > token.i)), None)
        if author is not None:
            return newcomer(doc, author, human_only=False)
    return found if found is not None else newcomer(doc, token, human_only=False)


def quote_speaker(doc, start: int) -> int | None:
    """The speaker of the quote the figure stands in, if any."""
    for quote in doc._.vigie_quotes or []:
        if quote.start <= start < quote.end and quote.speaker is not None:
            return quote.speaker
    return None


def _bound_number(sent: Span, i: int) -> int | None:
    """The number a marker at token i directly follows ("3 500 personnes selon la police"): it
    claims that count only."""
    doc = sent.doc
    for k in range(i - 1, max(sent.start, i - MARKER_REACH) - 1, -1):
        if doc[k].like_num:
            return k
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX", "CCONJ", "SCONJ"):
            return None
    return None


def marker_source(sent: Span, at: int, lex: FigureLexicon) -> int | None:
    """ "selon l'ONU", "d'après le ministère": the nearest such actor in the sentence, but not a
    marker bound to another count ("3 500 selon la police, 12 000 selon les organisateurs")."""
    best, best_distance = None, None
    words = words_of(sent.doc)
    for i in range(sent.start, sent.end):
        end = phrase_end(words, i, sent.end, lex.source_markers_by_first)
        if end is None or end >= sent.end:
            continue
        bound = _bound_number(sent, i)
        if bound is not None and not at <= bound < at + MARKER_REACH:
            continue
        head = _phrase_head(sent.doc[end:min(end + 8, sent.end)])
        actor = _actor_of(head, lex) if head is not None else None
        distance = abs(i - at)
        if actor is not None and (best_distance is None or distance < best_distance):
            best, best_distance = actor, distance
    return best


def _phrase_head(tokens: Span) -> Token | None:
    """The first noun or name after a marker ("l'Observatoire", "le ministère"), a time between
    skipped ("rapporte vendredi l'OSDH")."""
    times = [(t.start, t.end) for t in tokens.doc._.vigie_times or []]
    for token in tokens:
        if any(s <= token.idx < e for s, e in times):
            continue
        if token.pos_ in ("NOUN", "PROPN", "PRON") or (token.pos_ == "X" and token.is_upper):
            return token
        if token.pos_ not in ("DET", "ADJ", "ADP"):
            return None
    return None


def _is_claim(verb: Token, lex: FigureLexicon) -> bool:
    rests = lex.claim_verbs.get(verb.lemma_.lower()) or lex.claim_verbs.get(verb.lower_)
    if not rests:
        return False
    following = tuple(words_of(verb.doc)[verb.i + 1:verb.i + 4])
    return any(rest == following[:len(rest)] for rest in rests)


def claim_source(anchor: Token, lex: FigureLexicon, within: Span | None = None) -> int | None:
    """The agent of a claim verb above the figure, as the argument layer reads it ("La Russie a
    annoncé avoir effectué ...", "le ministère, qui a évalué le nombre de ... à 69 000"), on the
    figure's line (`within`): a verb the parse hung it on across a line break claims nothing."""
    token = anchor
    doc = anchor.doc
    for _ in range(MAX_CLAIM_STEPS):
        if token.head.i == token.i or within is not None and not (
                within.start <= token.head.i < within.end):
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") and _is_claim(token, lex):
            frame = frame_of(doc, token)
            agent = frame.agent_token
            if agent is None or _holds(doc[agent], anchor, token):
                return None  # the figure parsed as the claim's subject: no claimant there
            return frame.agent if frame.agent is not None else _actor_of(doc[agent], lex)
    return None


def paragraph_part(sent: Span, span: Span) -> Span:
    """The part of the figure's sentence on the figure's line: the parser sometimes runs a
    sentence over a paragraph break, and a marker or verb of another paragraph claims nothing
    here."""
    doc = sent.doc
    text = text_of(doc)
    begin = max(sent.start_char, text.rfind("\n", 0, span.start_char) + 1)
    end = text.find("\n", span.end_char, sent.end_char)
    part = doc.char_span(begin, sent.end_char if end < 0 else end, alignment_mode="contract")
    return part if part is not None and len(part) else sent


def root_claim(part: Span, anchor: Token, lex: FigureLexicon) -> int | None:
    """The agent of the main verb of the figure's sentence when it is a claim verb ("Comparant ce
    chiffre de 106 301 personnes à ..., le ministre a évoqué ...": the minister states the whole
    sentence), for a figure the parse did not hang under it. The main verbs of `part` are the
    verbs whose head lies outside it (or that head themselves)."""
    doc = part.doc
    for verb in part:
        if verb.pos_ not in ("VERB", "AUX") or part.start <= verb.head.i < part.end and (
                verb.head.i != verb.i) or not _is_claim(verb, lex):
            continue
        frame = frame_of(doc, verb)
        if frame.agent_token is None or _holds(doc[frame.agent_token], anchor, verb):
            continue
        return frame.agent if frame.agent is not None else _actor_of(doc[frame.agent_token], lex)
    return None


def _holds(phrase: Token, anchor: Token, verb: Token) -> bool:
    """The phrase headed by `phrase` holds the figure's words ("une centaine ..., rapporte"),
    not through the claim verb ("le ministère, qui a évalué ... à 84 000" holds it through)."""
    token = anchor
    for _ in range(MAX_CLAIM_STEPS + 4):
        if token.i == phrase.i:
            return True
        if token.i == verb.i or token.head.i == token.i:
            return False
        token = token.head
    return False


def sentence_time(doc, sent: Span) -> int | None:
    """Index of the time expression that dates the sentence."""
    return event_time(doc, sent.start_char, sent.end_char)


def is_subset(sent: Span, first: int, lex: FigureLexicon) -> bool:
    """A subset marker right before the figure's first token ("dont une centaine")."""
    doc = sent.doc
    for back in range(1, 5):
        i = first - back
        if i < sent.start:
            return False
        if phrase_end(words_of(doc), i, sent.end, lex.subset_markers_by_first) is not None:
            return True
        if doc[i].is_punct:
            return False
    return False


def heading_noun(span: Span, lex: FigureLexicon) -> str | None:
    """The noun of a subset heading earlier in the figure's clause ("Parmi les majeurs, 31 ...",
    "Chez les mineurs, 3 ..."): the word after the nearest heading, when a comma follows it."""
    doc, words = span.doc, words_of(span.doc)
    for i in range(span.start - 1, span.sent.start - 1, -1):
        end = phrase_end(words, i, span.start, lex.subset_heads_by_first)
        if end is not None and end + 1 < span.start and words[end + 1] == "," and (
                doc[end].pos_ in ("NOUN", "ADJ", "PROPN")):
            return words[end]
    return None


def mark_disputes(figures: list, lex: FigureLexicon) -> None:
    """Link figures of one kind, place, period and population that different sources give
    differently."""
    for i, one in enumerate(figures):
        for j in range(i + 1, len(figures)):
            other = figures[j]
            if _disputed(one, other, lex):
                one.disputes.append(j)
                other.disputes.append(i)


def _disputed(one, other, lex: FigureLexicon) -> bool:
    if one.source is None or other.source is None or one.source == other.source:
        return False
    if one.value == other.value:
        return False
    if (one.cumulative, one.period) != (other.cumulative, other.period) or not comparable(
            one.value, other.value):
        return False  # a total since 2015 and a day's toll count different things
    mine, theirs = population(one.who, lex.generic_who), population(other.who, lex.generic_who)
    if mine and theirs and mine != theirs:
        return False  # "248 civils" and "16 soldats" count different people
    if one.part_of is not None or other.part_of is not None:
        return False  # a subset ("dont 20 enfants") is a detail of its whole, not a claim
    return (one.kind, one.place, one.time) == (other.kind, other.place, other.time)
