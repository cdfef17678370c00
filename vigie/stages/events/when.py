"""When an event happened: the time expression the parse links to its trigger.

A time belongs to an event when the verb (or noun) it hangs on is the trigger itself or a clause
above it ("a annoncé lundi un cessez-le-feu", "rapporte vendredi ... des tirs"); a time in a
clause beside the trigger ("après avoir été incendié en 2011, ... la cible d'un attentat") dates
something else. Failing that, the event takes a time of its clause, or of the sentence before in
the same paragraph (news paragraphs date once and narrate on). See docs/events.md, "Place and time".
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from vigie.french.dateline import skip_dateline
from vigie.stages.common import article_of, text_of
from vigie.stages.tokens import sentence_of

LOGGER = logging.getLogger(__name__)

# Heads climbed from a time expression to the word it dates (a verb, or a nominal trigger);
# "le putsch du 1er février" is 1 step, "a été blessé samedi à Montpellier" 1-2.
MAX_TIME_CLIMB = 4
PRECISION_RANK = {"day": 0, "week": 1, "season": 2, "month": 3, "quarter": 3, "year": 4}
# Relations through which a word shares the time and place of its head (see clause_chain).
CHAIN_DEPS = {"obj", "nsubj", "nsubj:pass", "obl:arg", "xcomp", "ccomp", "conj"}
MAX_CHAIN = 6  # words above a trigger; the sample's deepest complement chain is 4
# Relations that open a clause of its own: a time inside it dates that clause, not the trigger.
SIDE_CLAUSES = {"acl", "acl:relcl", "advcl"}
# Sentences looked back for the time the narrative is at (news paragraphs date once and
# narrate on; four sentences is about two agency paragraphs).
NARRATIVE_SENTENCES = 2


def time_root(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the time expression at text[start:end]; for an expression built on
    a verb of its own ("il y a un an", "à compter du 4 février"), the word that verb hangs on."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.pos_ in ("VERB", "AUX") and not span.start <= root.head.i < span.end:
        return root.head
    return root


def dated_word(token: Token, stops: set[int]) -> Token:
    """The verb or trigger a time expression hangs on: climb heads until a verb or a stop."""
    for _ in range(MAX_TIME_CLIMB):
        if token.i in stops:
            return token
        if token.pos_ in ("VERB", "AUX") and not token.dep_.startswith("aux"):
            return token
        if token.head.i == token.i:
            return token
        token = token.head
    return token


def clause_chain(trigger: Token, limit: int = MAX_CHAIN) -> list[Token]:
    """The trigger and the words above it whose time and place are the trigger's too: the verb
    carrying a nominal trigger, the verbs a complement clause depends on ("a annoncé avoir
    lancé"); not the word an adjunct hangs on ("avant une rencontre", "qui a été incendié")."""
    chain, token = [trigger], trigger
    while len(chain) <= limit and token.dep_ in CHAIN_DEPS and token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def _ancestry(trigger: Token) -> dict[int, int]:
    """Token index -> distance for the trigger and the heads above it (its clause chain)."""
    return {token.i: depth for depth, token in enumerate(clause_chain(trigger))}


def _rank(time) -> int:
    return PRECISION_RANK.get(time.precision or "", 9)


def linked_time(doc: Doc, trigger: Token, clause: list[tuple[int, object]]) -> int | None:
    """Index in doc._.vigie_times of the time dating `trigger`, through the parse.

    Args:
        doc: a Doc the Times stage has run on.
        trigger: the trigger's head token.
        clause: (index, time) of the dated times that start in the event's clause.

    Returns:
        The nearest linked time (fewest heads between it and the trigger, then the most
        precise), or None.
    """
    if not clause:
        return None
    chain, best = _ancestry(trigger), None
    for i, time in clause:
        root = time_root(doc, time.start, time.end)
        if root is None:
            continue
        word = dated_word(root, set(chain))
        if word.i in chain:
            key = (chain[word.i], _rank(time))
            if best is None or key < best[0]:
                best = (key, i)
    return None if best is None else best[1]


def previous_sentence(doc: Doc, trigger: Token) -> tuple[int, int] | None:
    """Bounds of the sentence before the trigger's, when it is in the same paragraph."""
    first, _, first_char, _ = sentence_of(doc, trigger.i)
    if first == 0:
        return None
    _, _, start, end = sentence_of(doc, first - 1)
    if "\n" in text_of(doc)[end - 1:first_char + 1]:
        return None
    return start, end


def _own_words(trigger: Token) -> set[int]:
    """A nominal trigger's phrase and its carrying verb's clause: a time in a clause hanging
    there still dates the event ("des bombardements jetant sur les routes ... depuis début
    février", "effectué des sorties pour frapper ... entre le 4 et le 11")."""
    top = trigger.head if trigger.dep_ in CHAIN_DEPS else trigger
    heads, own, todo = {top.i, trigger.i}, set(), [top]
    while todo:
        token = todo.pop()
        own.add(token.i)
        # a clause deeper down ("par le fait que les élections de novembre ...") dates itself
        todo += [c for c in token.children if c.dep_ not in SIDE_CLAUSES or token.i in heads]
    return own


def inner_time(doc: Doc, trigger: Token, clause: list[tuple[int, object]]) -> int | None:
    """The most precise dated time inside the trigger's own phrase or its carrier's clause."""
    if not clause:
        return None
    own, best = _own_words(trigger), None
    for i, time in clause:
        root = time_root(doc, time.start, time.end)
        if root is not None and root.i in own and (best is None or _rank(time) < best[0]):
            best = (_rank(time), i)
    return None if best is None else best[1]


def free_time(doc: Doc, dated: list[tuple[int, object]], start: int, end: int,
              saying: frozenset[str] = frozenset(),
              own: frozenset[int] = frozenset()) -> int | None:
    """The last time of `dated` ((index, time) pairs) in text[start:end] whose clause is not a
    side clause, nor a verb of saying (", ont indiqué jeudi des sources": the report's day)."""
    found = None
    for i, time in dated:
        if start <= time.start and time.end <= end:
            root = time_root(doc, time.start, time.end)
            if root is None:
                continue
            word = dated_word(root, set())
            if not _in_side_clause(word, start, own) and word.lemma_ not in saying:
                found = i
    return found


def _in_side_clause(word: Token, start: int, own: frozenset[int]) -> bool:
    """Whether the word is in a clause on a noun or an adjunct clause of its sentence other than
    the event's own (`own`: its clause chain); heads climbed until the sentence's top or a word
    before `start`."""
    for _ in range(MAX_CHAIN):
        if word.i in own:
            return False
        if word.dep_ in SIDE_CLAUSES:
            return True
        if word.head.i == word.i or word.head.idx < start:
            return False
        word = word.head
    return False


def event_when(doc: Doc, dated: list[tuple[int, object]], trigger: Token, start: int,
               end: int, saying: frozenset[str] = frozenset()) -> tuple[int | None, bool]:
    """(index in doc._.vigie_times of when the event of `trigger` happened, whether the parse
    links it to the trigger; a time borrowed from an earlier sentence is no reason to keep two
    mentions apart).

    The time the parse links to the trigger or a clause above it; else one inside its own
    phrase; else the last time of its clause, else of the sentence before in the same paragraph
    (not in a side clause); else None.

    Args:
        doc: a Doc the Times stage has run on.
        dated: (index in doc._.vigie_times, time) of the times with a value.
        trigger: the trigger's head token.
        start: first character of the event's clause.
        end: end (exclusive) of the clause.
        saying: lemmas of verbs of saying, whose times date a report, not the event.
    """
    clause = [(i, time) for i, time in dated if start <= time.start < end]
    linked = linked_time(doc, trigger, clause)
    if linked is not None:
        return linked, True
    inner = inner_time(doc, trigger, clause) if trigger.pos_ in ("NOUN", "PROPN") else None
    if inner is not None:
        return inner, True
    own = frozenset(t.i for t in clause_chain(trigger))
    found = free_time(doc, dated, start, end, saying, own)
    if found is None:
        found = narrative_time(doc, dated, trigger, saying)
    return found, False


def narrative_time(doc: Doc, dated: list[tuple[int, object]], trigger: Token,
                   saying: frozenset[str] = frozenset()) -> int | None:
    """The time the narrative attaches a sentence with none to: that of the nearest sentence
    before it (at most NARRATIVE_SENTENCES back, any paragraph) with a free time not after the
    publication date ("L'acte 2 a réuni samedi ... Dans la capitale, un rassemblement ... Jets
    de projectiles ...": all Saturday's)."""
    published = (article_of(doc).get("published") or "9")[:10]
    past = [(i, t) for i, t in dated if t.value[:10] <= published]
    first, _, first_char, _ = sentence_of(doc, trigger.i)
    for _ in range(NARRATIVE_SENTENCES):
        if first == 0:
            return None
        first, _, start, end = sentence_of(doc, first - 1)
        if "\n" in text_of(doc)[end - 1:first_char + 1]:
            return None  # a paragraph dates once and narrates on; a new one starts afresh
        found = free_time(doc, past, start, end, saying)
        if found is not None:
            return found
        first_char = start
    return None


def event_date(doc: Doc, times: list, time: int | None,
               saying: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(date, precision) of an event dated by `times[time]`, else by the report.

    No event goes without a date when the article has one: with no time expression, the
    publication date stands, with precision "published" (the report's date, as POLECAT codes it).

    Args:
        doc: a Doc the Times stage has run on.
        times: its doc._.vigie_times.
        time: the index of the event's time, or None.
        saying: lemmas of verbs of saying (see story_time).
    """
    if time is not None and times[time].value:
        return times[time].value, times[time].precision
    published = article_of(doc).get("published")
    story = story_time(doc, times, published, saying)
    if story is not None:
        return times[story].value, times[story].precision
    return (published[:10], "published") if published else (None, None)


# The lede, where a news story says when its main event happened (characters: an agency lede
# of one or two sentences; the corpus's ledes are 150-450 characters).
LEDE_CHARS = 600
ADNOMINAL = {"acl", "acl:relcl"}  # a time in a clause on a noun dates that noun, not the story


def in_dateline(doc: Doc, start: int) -> bool:
    """Whether a character offset lies in its line's wire dateline ("NIAMEY, 27 juillet
    (Reuters) -"): the report's date, never an event's."""
    text = text_of(doc)
    line = text.rfind("\n", 0, start) + 1
    return start < skip_dateline(text, line)


def story_time(doc: Doc, times: list, published: str | None,
               saying: frozenset[str] = frozenset()) -> int | None:
    """Index in `times` of the story's time: the first day in the lede that dates a clause of
    the story, not after publication; a dateline's date is the report's, not the story's. The
    day a lede's verb of saying gives ("a été destitué, a annoncé mercredi soir X") stands for
    the story's when the lede dates nothing else."""
    text = text_of(doc)
    said = None
    for i, time in enumerate(times):
        if time.start >= LEDE_CHARS:
            break
        if time.precision != "day" or not time.value or time.value[:10] > (published or "9"):
            continue
        line = text.rfind("\n", 0, time.start) + 1
        if time.start < skip_dateline(text, line):
            continue
        root = time_root(doc, time.start, time.end)
        word = root and dated_word(root, set())
        if word is not None and word.dep_ not in ADNOMINAL and word.lemma_ not in saying:
            return i
        if word is not None and word.lemma_ in saying and said is None:
            said = i
    return said
