"""Who claims a figure, where and when it holds, what it is part of, which figures dispute it."""

from __future__ import annotations

import logging
from bisect import bisect_left

from spacy.tokens import Span, Token

from vigie.stages.actors.lookup import actor_at, resolve_pronoun
from vigie.stages.arguments.clauses import agent_of, child, subject_of
from vigie.stages.arguments.frames import words_of as words_of_doc
from vigie.stages.arguments.newcomers import newcomer
from vigie.stages.common import per_doc, text_of
from vigie.stages.figures.lexicon import FigureLexicon, phrase_end, words_of
from vigie.stages.times.component import event_time

LOGGER = logging.getLogger(__name__)

# How far up the parse a claim verb may govern the figure ("a annoncé avoir effectué 510 sorties
# pour frapper 1.888 cibles, assurant avoir tué deux ..."); the sample needs 5 steps.
MAX_CLAIM_STEPS = 8


def _actor_of(token: Token) -> int | None:
    """The actor a noun phrase names: the head word first, then its whole subtree."""
    doc = token.doc
    if token.pos_ == "PRON":
        return resolve_pronoun(doc, token.i)
    found = actor_at(doc, token.idx, token.idx + len(token))
    if found is None:
        found = actor_at(doc, token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
    return found


def quote_speaker(doc, start: int) -> int | None:
    """The speaker of the quote the figure stands in, if any."""
    for quote in doc._.vigie_quotes or []:
        if quote.start <= start < quote.end and quote.speaker is not None:
            return quote.speaker
    return None


def marker_source(sent: Span, at: int, lex: FigureLexicon) -> int | None:
    """ "selon l'ONU", "d'après le ministère": the nearest such actor in the sentence."""
    best, best_distance = None, None
    words = words_of(sent.doc)
    for i in range(sent.start, sent.end):
        end = phrase_end(words, i, sent.end, lex.source_markers_by_first)
        if end is None or end >= sent.end:
            continue
        head = _phrase_head(sent.doc[end:min(end + 8, sent.end)])
        actor = _actor_of(head) if head is not None else None
        if actor is None and head is not None:
            actor = newcomer(sent.doc, head, human_only=False)
        distance = abs(i - at)
        if actor is not None and (best_distance is None or distance < best_distance):
            best, best_distance = actor, distance
    return best


def _phrase_head(tokens: Span) -> Token | None:
    """The first noun or name after a marker ("l'Observatoire", "le ministère")."""
    for token in tokens:
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


def claim_source(anchor: Token, lex: FigureLexicon) -> int | None:
    """The subject of a claim verb above the figure ("La Russie a annoncé avoir effectué ...")."""
    token = anchor
    for _ in range(MAX_CLAIM_STEPS):
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX") and _is_claim(token, lex):
            subject = subject_of(token) or child(token, {"nsubj:pass"})
            subject = subject or agent_of(token, words_of_doc(token.doc).object_control)
            if subject is not None:
                found = _actor_of(subject)
                return newcomer(token.doc, subject, human_only=False) if found is None else found
    return None


def _paragraph(text: str, start: int) -> tuple[int, int]:
    """Character bounds of the paragraph (line) holding `start`."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return begin, len(text) if end < 0 else end


def _source_spans(doc, source: int | None) -> list[tuple[int, int]]:
    """The source's mentions and the names a place is only a word of ("Myanmar Now")."""
    actors = doc._.vigie_actors or []
    spans = list(actors[source].mentions) if source is not None and source < len(actors) else []
    return spans + _place_words(doc, actors)


# The names a place is a word of depend on the Doc, not on the figure: built once per Doc (and
# again when an actor is added), with the place mentions sorted and bisected, instead of every
# actor mention against every place mention for every figure (cubic: a 441 KB report with
# 5 000 figures ran for hours, issue 24).
_PLACE_WORDS_KEY = ("vigie", "figures", "place_words")


def _place_words(doc, actors: list) -> list[tuple[int, int]]:
    cached = doc.user_data.get(_PLACE_WORDS_KEY)
    if cached is not None and cached[0] == len(actors):
        return cached[1]
    places = sorted({m for place in doc._.vigie_places or [] for m in place.mentions})
    starts, placed = [s for s, _ in places], set(places)
    spans = [m for actor in actors for m in actor.mentions if m not in placed and any(
        e <= m[1] for _, e in places[bisect_left(starts, m[0]):bisect_left(starts, m[1] + 1)])]
    names = sorted({actor.name for actor in actors})
    text = text_of(doc)
    for s, e in places:  # the same name said again where the Actors stage missed it
        at = bisect_left(names, text[s:e])
        while at < len(names) and names[at].startswith(text[s:e]):
            n, at = names[at], at + 1
            spans += [(s, s + len(n))] if len(n) > e - s and text.startswith(n, s) else []
    doc.user_data[_PLACE_WORDS_KEY] = (len(actors), spans)
    return spans


def _after_marker(doc, start: int, lex: FigureLexicon | None) -> bool:
    """The mention follows a source marker ("selon la préfecture", "d'après Paris")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if lex is None or span is None:
        return False
    i = span.start
    while i > 0 and doc[i - 1].pos_ == "DET":
        i -= 1
    words = words_of(doc)
    return any(phrase_end(words, j, i, lex.source_markers_by_first) == i
               for j in range(max(0, i - 3), i))


def _mentions(doc, begin: int, end: int, skip: list[tuple[int, int]], lex=None):
    """(place index, mention start, level) of the place mentions in [begin, end), not in `skip`
    nor after a source marker."""
    index = per_doc(doc, _PLACE_INDEX_KEY, _place_index)  # bisected, not scanned (issue 24)
    found = index[bisect_left(index, (begin,)):bisect_left(index, (end,))]
    for _, i, _, s, e, level in sorted(found, key=lambda m: m[1:3]):
        if not any(a < e and s < b for a, b in skip) and not _after_marker(doc, s, lex):
            yield i, s, level


def _last_mention(doc, begin: int, end: int, skip: list[tuple[int, int]], lex=None):
    """The place index of the last mention `_mentions` gives (the first of the last start), read
    backwards from `end` so that a long paragraph costs only the mentions after the one found."""
    index = per_doc(doc, _PLACE_INDEX_KEY, _place_index)
    stop, at = bisect_left(index, (begin,)), bisect_left(index, (end,))
    while at > stop:
        first = bisect_left(index, (index[at - 1][0],), stop, at)
        found = next(_mentions(doc, index[first][0], index[first][0] + 1, skip, lex), None)
        if found is not None:
            return found[0]
        at = first
    return None


_PLACE_INDEX_KEY = ("vigie", "figures", "place_index")


def _place_index(doc) -> list[tuple]:
    """(start, place index, mention index, start, end, level) of every place mention, sorted."""
    return sorted((s, i, k, s, e, place.level) for i, place in enumerate(doc._.vigie_places or [])
                  for k, (s, e) in enumerate(place.mentions))


def nearest_place(doc, sent: Span, start: int, source: int | None = None,
                  lex: FigureLexicon | None = None) -> int | None:
    """Index of the place where the counted event happened.

    The nearest place named in the figure's sentence (cut at line breaks), a town or a region
    before a landmark or a road ("près de l'A16 à Calais"), never the source itself ("selon la
    préfecture de police"); else the last place named earlier in the paragraph; else the
    story's main place (`main_place`).
    """
    text = text_of(doc)
    para_begin, para_end = _paragraph(text, start)
    begin, end = max(sent.start_char, para_begin), min(sent.end_char, para_end)
    skip = _source_spans(doc, source)
    found = list(_mentions(doc, begin, end, skip, lex))
    if found:
        return min(found, key=lambda m: (m[2] == "other", abs(m[1] - start)))[0]
    earlier = _last_mention(doc, para_begin, begin, skip, lex)
    return main_place(doc) if earlier is None else earlier


def main_place(doc) -> int | None:
    """The story's place: the first place named, past an upper-case dateline ("PARIS (AFP) -")."""
    firsts = [(min(s for s, _ in p.mentions), i, p) for i, p in enumerate(doc._.vigie_places or [])
              if p.mentions]
    for _, i, place in sorted(firsts):
        if not place.name.isupper():
            return i
    return None


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


def mark_disputes(figures: list) -> None:
    """Link figures of one kind, place and period that different sources give differently."""
    for i, one in enumerate(figures):
        for j in range(i + 1, len(figures)):
            other = figures[j]
            if _disputed(one, other):
                one.disputes.append(j)
                other.disputes.append(i)


def _disputed(one, other) -> bool:
    if one.source is None or other.source is None or one.source == other.source:
        return False
    if one.value == other.value:
        return False
    # A subset ("dont 20 enfants") disputes only a subset counting the same people.
    if (one.part_of is not None or other.part_of is not None or one.kind == "other") and (
            one.who != other.who):
        return False
    return (one.kind, one.place, one.time) == (other.kind, other.place, other.time)
