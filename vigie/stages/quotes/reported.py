"""Reported speech: "X a déclaré que ...", "..., a indiqué X", "selon X, ...", "Pour X, ...".

Each finder returns Found candidates (direct=False) ranked below direct quotes; quotes.py keeps
the best of overlapping candidates.
"""

from __future__ import annotations

import bisect
import logging
import re

from spacy.attrs import LIKE_NUM
from spacy.tokens import Doc, Token

from vigie.french.dateline import skip_dateline
from vigie.stages.common import column, lowers_of, text_of
from vigie.stages.quotes.marks import Marked
from vigie.stages.quotes.speaker import Ctx, Found, speaker_of
from vigie.stages.tokens import morph_of, pos_of

LOGGER = logging.getLogger(__name__)

RANK_VERB = 1  # "a déclaré que", "..., a indiqué X"
RANK_SELON = 2
RANK_POUR = 3
# How far (tokens) "que" may follow its cue verb ("a déclaré vendredi lors d'une conférence que").
QUE_WINDOW = 10
# An inverted cue needs at least this many words before it to have a clause to report.
MIN_CLAUSE_WORDS = 3
# A carried-over speaker (for "il" with no other antecedent) must be this close (chars).
CARRY_MAX_CHARS = 400
_QUE = {"que", "qu'", "qu’"}
_NEGATION = {"ne", "n'", "n’", "pas", "jamais", "plus"}
# How far (tokens) an infinitive may follow its cue ("a affirmé ne jamais avoir").
INFINITIVE_WINDOW = 4
_RELATIVE = {"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles", "dont"}
# Tokens that start an attribution phrase ("d'après" is tokenised "d'" + "après").
_ATTRIBUTION_WORDS = {"selon", "après", "pour"}
_NUMBER = re.compile(r"\d[\d.,\u00a0\u202f ]*")
_LEADING = {"mais", "et", "or", "donc", "ainsi", "cependant", "toutefois", "enfin"}
_STRIP = " \u00a0\u202f\n,;:.!?"


def has_cue(doc: Doc, cues: list[str | None]) -> bool:
    """Whether any token is a cue verb (`cues`: lexicon.cues_of(doc)) or an attribution word
    (cheap pre-filter)."""
    return any(cues) or any(word in _ATTRIBUTION_WORDS for word in lowers_of(doc))


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    start = min(skip_dateline(text, start), end)
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _previous(direct: list[Found], pos: int) -> int | None:
    """The speaker of the last direct quote ending shortly before `pos`."""
    before = [f for f in direct if f.end <= pos and pos - f.end <= CARRY_MAX_CHARS]
    return max(before, key=lambda f: f.end).speaker if before else None


def _que_clause(ctx: Ctx, verb: Token, stop: int) -> tuple[int, int] | None:
    """The clause "que ..." that a cue verb governs, as char bounds, or None."""
    doc = ctx.doc
    infinitive = _infinitive(doc, verb, stop)
    if infinitive is not None:  # "affirme avoir été touché": the infinitive clause is reported
        clause = _span(text_of(doc), infinitive.idx, _clause_end(ctx, infinitive.i, stop))
        # "a annoncé avoir effectué 510 sorties" claims a figure (the Figures stage's source).
        return None if _is_count(ctx, *clause) else clause
    words, pos = lowers_of(doc), pos_of(doc)
    for i in range(verb.i + 1, min(stop, verb.i + 1 + QUE_WINDOW)):
        # punctuation: its lower form is its text
        if words[i] in "«“\".;:" or (pos[i] == "VERB" and doc[i].dep_ != "fixed"):
            return None
        if words[i] in _QUE:
            end = _clause_end(ctx, i + 1, stop)
            return _span(text_of(doc), ctx.tok_starts[i] + len(words[i]), end)
    return None


def _infinitive(doc: Doc, verb: Token, stop: int) -> Token | None:
    """The first token of an infinitive clause right after a finite cue verb ("a affirmé ne
    pas avoir vu" gives "ne"), or None."""
    if verb.lower_.endswith("ant") or "Inf" in morph_of(doc, verb.i, "VerbForm"):
        return None
    words, pos = lowers_of(doc), pos_of(doc)
    first = None
    for i in range(verb.i + 1, min(stop, verb.i + 1 + INFINITIVE_WINDOW)):
        if words[i] in _NEGATION:
            first = i if first is None else first
            continue
        if pos[i] == "ADV":
            continue
        if not (pos[i] in ("VERB", "AUX") and "Inf" in morph_of(doc, i, "VerbForm")):
            return None
        head = doc[i].head
        return doc[i if first is None else first] if verb.i in (head.i, head.head.i) else None
    return None


def _clause_end(ctx: Ctx, first: int, stop: int) -> int:
    """Where a reported clause ends: the sentence end, or a comma before the next cue
    ("..., en précisant que", "..., a-t-il ajouté", "..., selon X") that starts a new statement.
    The parse's subtree is not used: it often stops at the first adjunct."""
    doc, words = ctx.doc, lowers_of(ctx.doc)
    for i in range(first, stop):
        if words[i] != "," or i + 1 >= stop:
            continue
        nxt = i + 2 if words[i + 1] == "en" and i + 2 < stop else i + 1
        if ctx.cues[nxt] or words[nxt] in _ATTRIBUTION_WORDS or doc[nxt].pos_ == "AUX" and (
            i + 2 < stop and ctx.cues[i + 2]
        ):
            return ctx.tok_starts[i]
    return doc[stop - 1].idx + len(doc[stop - 1].text) if stop > first else doc[first].idx


def _verb_que(ctx: Ctx, verb: Token, direct: list[Found]) -> Found | None:
    stop = ctx.token_at(ctx.sentence_of(verb.idx)[1])
    clause = _que_clause(ctx, verb, stop)
    if clause is None or clause[1] <= clause[0]:
        return None
    subject = ctx.subject(verb, clause[0], leading=True)
    speaker = speaker_of(ctx.doc, subject, ctx.index, _previous(direct, verb.idx))
    return Found(*clause, False, speaker, *ctx.cue(verb), rank=RANK_VERB)


def _left_subject(verb: Token) -> bool:
    """Whether the verb itself has a subject before it (its own, not its governor's)."""
    return any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i and not c.lower_.startswith("-")
               for c in verb.children)


def _finite(verb: Token, first: Token) -> bool:
    """A conjugated cue ("juge", "a indiqué"), not "assurant" nor "ajouter"."""
    if first.i != verb.i:
        return True
    return not verb.lower_.endswith("ant") and "Inf" not in morph_of(verb.doc, verb.i, "VerbForm")


def _has_clause(ctx: Ctx, start: int, end: int) -> bool:
    """Whether text[start:end] holds a clause of its own: a subject whose verb is inside too.

    Keeps "Le ministre, qui est arrivé, a déclaré la guerre" from reporting
    "Le ministre, qui est arrivé".
    """
    first, last = ctx.token_at(start), ctx.token_at(end)
    for tok in (ctx.doc[i] for i in range(first, last)):
        if tok.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and tok.lower_ not in _RELATIVE:
            if first <= tok.head.i < last:
                return True
    return False


def _inverted(ctx: Ctx, verb: Token, direct: list[Found]) -> Found | None:
    """"<clause>, a indiqué X" / "<clause> juge X": the clause before an inverted cue."""
    doc = ctx.doc
    cue_start, cue_end = ctx.cue(verb)
    first = doc[ctx.token_at(cue_start)]
    if first.i == 0 or not _finite(verb, first):
        return None
    prev = doc[first.i - 1]
    comma = prev.text == ","
    # Without a comma ("... l'Occident juge Koert Debeuf") only a name after a bare verb will do.
    bare = not comma and prev.pos_ not in ("DET", "ADP", "PRON") and not _left_subject(verb)
    if not (comma or bare):
        return None
    sent_start, sent_end = ctx.sentence_of(verb.idx)
    subject = ctx.subject(verb, ctx.token_at(sent_end), inverted=True)
    if subject is None or not (comma or subject.pos_ == "PROPN"):
        return None
    if prev.text in "»”\"" or (comma and first.i > 1 and doc[first.i - 2].text in "»”\""):
        return None  # the cue of a direct quote
    start, end = _span(text_of(doc), sent_start, prev.idx + (0 if comma else len(prev.text)))
    if len(text_of(doc)[start:end].split()) < MIN_CLAUSE_WORDS or not _has_clause(ctx, start, end):
        return None
    speaker = speaker_of(doc, subject, ctx.index, _previous(direct, start))
    return Found(start, end, False, speaker, cue_start, cue_end, rank=RANK_VERB)


def _is_count(ctx: Ctx, start: int, end: int) -> bool:
    """Whether a clause is essentially a count ("51 000 personnes ont fui"): it counts something
    other than a unit of time, distance or share ("à 90 km", "à 11 h 30" do not make a count)."""
    words, like_num = lowers_of(ctx.doc), _like_num(ctx.doc)
    for i in range(ctx.token_at(start), ctx.token_at(end)):
        word = words[i]
        if word in ctx.lexicon.count_words:
            return True
        # the number pattern holds no cased letter: the lower form matches as the text would
        number = like_num[i] or word[:1].isdigit() and _NUMBER.fullmatch(word)
        if number and word not in ("un", "une"):
            if _counted(ctx.doc[i]).lower_ not in ctx.lexicon.units:
                return True
    return False


def _like_num(doc: Doc) -> list[int]:
    """Every token's `like_num` ("trois", "51"), read once per Doc."""
    return column(doc, LIKE_NUM)


def _counted(num: Token) -> Token:
    """The word a number counts: its head noun, or the next token."""
    if num.dep_ == "nummod" or num.head.i > num.i:
        return num.head
    return num.nbor() if num.i + 1 < len(num.doc) else num


def _source(ctx: Ctx, prep: Token, direct: list[Found]) -> tuple[int | None, bool]:
    """(speaker, whether the phrase names a source) of "selon X" / "pour X"."""
    noun = prep.head if prep.head.i > prep.i else None
    if noun is None:
        return None, False
    speaker = speaker_of(ctx.doc, noun, ctx.index, _previous(direct, prep.idx))
    named = speaker is not None or noun.lemma_.lower() in ctx.lexicon.speaker_nouns
    return speaker, named


def _initial(ctx: Ctx, tok: Token, sent_start: int) -> bool:
    """Whether a token opens its sentence (after "Mais", "Et"...)."""
    doc = ctx.doc
    return all(doc[i].is_punct or doc[i].lower_ in _LEADING
               for i in range(ctx.token_at(sent_start), tok.i))


def _phrase_end(ctx: Ctx, prep: Token, sent_end: int) -> Token | None:
    """The comma or final stop that ends "selon X" / "pour X" (the parse's subtree overruns)."""
    words = lowers_of(ctx.doc)
    for i in range(prep.i + 1, ctx.token_at(sent_end)):
        if words[i] in ",;.!?":  # punctuation: its lower form is its text
            return ctx.doc[i]
    return None


def _after_phrase(ctx: Ctx, prep: Token, sent_end: int) -> int | None:
    """Offset where the clause starts after "selon X," / "pour X," (skipping an apposed name)."""
    doc = ctx.doc
    comma = _phrase_end(ctx, prep, sent_end)
    if comma is None or comma.text != ",":
        return None
    nxt = comma.i + 1
    names = [t for t in doc[nxt: nxt + 6] if t.text == ","]
    if names and all(t.pos_ == "PROPN" or t.ent_type_ == "PER" for t in doc[nxt: names[0].i]):
        return names[0].idx + 1
    return comma.idx + 1


def _attribution(ctx: Ctx, prep: Token, direct: list[Found]) -> Found | None:
    """"selon X, <clause>" / "<clause>, selon X" / "Pour X, <clause>"."""
    doc, word, last = ctx.doc, prep.lower_, prep
    if word == "après":  # "d'après": the elided "d'" carries the case relation
        if prep.i == 0 or doc[prep.i - 1].lower_ not in ("d'", "d’"):
            return None
        word, prep = "d'après", doc[prep.i - 1] if prep.dep_ == "fixed" else prep
    where = ctx.lexicon.attributions.get(word)
    if where is None or prep.dep_ != "case":
        return None
    sent_start, sent_end = ctx.sentence_of(prep.idx)
    initial = _initial(ctx, prep, sent_start)
    if where == "initial" and not initial:
        return None
    speaker, named = _source(ctx, prep, direct)
    if not named or (word == "pour" and speaker is None):
        return None
    start, end = _bounds(ctx, prep, initial, prep.idx, (sent_start, sent_end))
    if end <= start or (word != "pour" and _is_count(ctx, start, end)):
        return None
    rank = RANK_POUR if word == "pour" else RANK_SELON
    return Found(start, end, False, speaker, prep.idx, last.idx + len(last.text), rank)


def _bounds(ctx: Ctx, prep: Token, initial: bool, cue_start: int, sent) -> tuple[int, int]:
    doc = ctx.doc
    if initial:
        start = _after_phrase(ctx, prep, sent[1])
        return _span(text_of(doc), start, sent[1]) if start is not None else (0, 0)
    end = _phrase_end(ctx, prep, sent[1])
    if end is None or end.text in ".!?;" or end.nbor().lower_ in _RELATIVE:
        return _span(text_of(doc), sent[0], cue_start)
    return _span(text_of(doc), *sent)


def _inside(marked: list[Marked], starts: list[int], char: int) -> bool:
    i = bisect.bisect_right(starts, char) - 1
    return i >= 0 and marked[i].start <= char < marked[i].end


def find_reported(ctx: Ctx, marked: list[Marked], direct: list[Found]) -> list[Found]:
    """Reported statements outside quote marks, from cue verbs and attribution phrases."""
    found: list[Found] = []
    starts = [m.start for m in marked]
    # Earlier statements, direct or reported, lend their speaker to "il", "l'organisation".
    known = list(direct)
    doc, words = ctx.doc, lowers_of(ctx.doc)
    candidates = [
        i for i, (word, cue) in enumerate(zip(words, ctx.cues, strict=True))
        if cue or word in _ATTRIBUTION_WORDS
    ]
    for i in candidates:
        if _inside(marked, starts, ctx.tok_starts[i]):
            continue
        tok = doc[i]
        if words[i] in _ATTRIBUTION_WORDS:
            hit = _attribution(ctx, tok, known)
        elif tok.pos_ != "ADP":
            hit = _verb_que(ctx, tok, known) or _inverted(ctx, tok, known)
        else:
            continue
        if hit is not None:
            found.append(hit)
            if hit.speaker is not None:
                known.append(hit)
    return found
