"""Quotes: direct and reported statements, with their speakers (docs/quotes.md).

Direct quotes come from quote marks and dialogue dashes (quote_marks), reported speech from cue
verbs, inverted cues and "selon / d'après / pour X" (quote_reported); the cue lexicon is data
(knowledge/data/lexicons/cues.yaml). A quote interrupted by its cue ("« A, a-t-il dit, B »")
gives two quotes that share cue and speaker, so that every quote's text is one span of the text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from vigie.stages.common import guarded, lowers_of, text_of
from vigie.stages.quotes.lexicon import CueLexicon, load_cues
from vigie.stages.quotes.marks import Marked, find_marked, sentence_bounds
from vigie.stages.quotes.reported import find_reported, has_cue
from vigie.stages.quotes.speaker import Ctx, Found, speaker_of

LOGGER = logging.getLogger(__name__)

# A quoted passage with no cue is a statement only from this many words on, and with a verb
# (shorter ones are scare quotes and titles); calibrated on the dev corpus' unattributed fragments.
MIN_FREE_WORDS = 4
# A passage that a cue introduces needs this many words ("a dénoncé « une provocation »").
MIN_CUED_WORDS = 2
# A quote with no cue of its own keeps the previous quote's speaker when it starts this close
# after it (the next paragraph of the same statement); about two short paragraphs.
CARRY_MAX_CHARS = 400
# An interrupting cue ("a-t-il déclaré") holds at most this many tokens between its commas.
INTERRUPT_MAX_TOKENS = 8
# A cue this close (tokens) before the opening mark introduces the quote ("A déclaré à ce sujet «");
# farther, it must govern the quote in the parse (the dev corpus' false alarms were all farther).
CUE_GAP_TOKENS = 6
# Words that join a quote to the previous one's cue ("a crié « A » et « B »").
_JOINERS = {"et", ",", "puis", "ou", "mais"}
# Direct quotes win over reported speech when they overlap.
RANK_DIRECT = 0


@dataclass
class QuoteHit:
    text: str
    start: int
    end: int
    direct: bool
    speaker: int | None = None  # index in doc._.vigie_actors
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


def _words(doc: Doc, ctx: Ctx, start: int, end: int) -> list[Token]:
    return [t for t in doc[ctx.token_at(start): ctx.token_at(end)] if not t.is_punct]


def _cue_after(ctx: Ctx, m: Marked) -> tuple[Token, Token | None] | None:
    """A cue right after the closing mark ("», a déclaré X", "», a-t-il ajouté"), also past a
    short prepositional adjunct closed by a comma ("» au Malawi, a souligné X")."""
    if m.close is None:
        return None
    doc = ctx.doc
    i = ctx.token_at(m.close + 1)
    while i < len(doc) and doc[i].text == ",":
        i += 1
    stop = ctx.token_at(ctx.sentence_of(m.close)[1])
    comma = i > ctx.token_at(m.close + 1)
    adjunct = False
    for tok in doc[i: min(stop, i + CUE_AFTER_TOKENS)]:
        marker = _attribution_marker(tok) if comma else None
        if marker is not None:  # "« ... », selon X" / "d'après X"
            return marker, None
        if ctx.cues[tok.i] and not tok.is_punct and not adjunct:
            # "« X » a revendiqué l'attentat": with no comma the cue must have its subject after it.
            inverted = ctx.subject(tok, stop, inverted=True)
            named = inverted is not None and (inverted.pos_ == "PROPN" or inverted.lower_[0] == "-")
            return (tok, inverted or ctx.subject(tok, stop)) if comma or named else None
        if tok.pos_ in _ADJUNCT_OPENERS and not adjunct:
            adjunct = True  # "au Malawi", "dans la nuit", "lundi": skipped up to its comma
        elif adjunct and tok.text == ",":
            adjunct, comma = False, True
        elif adjunct and tok.pos_ in _ADJUNCT:
            continue
        elif tok.is_punct or not (tok.pos_ in ("AUX", "ADV") or tok.lower_.startswith("-")):
            return None
    return None
    return None


def marker_noun(marker: Token) -> Token | None:
    """The noun an attribution marker introduces ("selon X", "d'après X", parsed with "après"
    fixed on "d'"), or None."""
    if marker.dep_ == "fixed":
        marker = marker.head
    return marker.head if marker.head.i > marker.i else None


# "», a déclaré X", "» au Malawi, a souligné X", "» lundi dans le village de X, à 400 km de Y, a
# assuré Z": how far after a quote its cue may stand (past adjuncts of time and place, each up to
# its comma; a verb or a full stop ends the search).
CUE_AFTER_TOKENS = 24
_ADJUNCT = {"ADP", "DET", "PROPN", "NOUN", "ADJ", "NUM", "ADV"}
_ADJUNCT_OPENERS = {"ADP", "NOUN", "PROPN", "NUM"}  # "dans la nuit", "lundi", "samedi 14 mai"


def _attribution_marker(tok: Token) -> Token | None:
    """"selon", or the "après" of "d'après" (from its "d'"), as a preposition; else None."""
    doc = tok.doc
    if tok.lower_ == "selon" and tok.pos_ == "ADP":
        return tok
    if tok.lower_ in ("d'", "d’") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "après":
        return doc[tok.i + 1]
    return None


def _continuation(ctx: Ctx, end: int) -> tuple[int, int] | None:
    """The span of "et d'ajouter" ending right before token `end`, or None."""
    doc, words = ctx.doc, lowers_of(ctx.doc)
    for phrase in ctx.lexicon.continuations:
        start = end - len(phrase)
        if start >= 0 and tuple(w.replace("’", "'") for w in words[start:end]) == phrase:
            return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return None


def _cue_before(ctx: Ctx, m: Marked, last: Found | None):
    """(verb, subject) or ("continue", cue span) or ("join", None) before the opening mark."""
    doc = ctx.doc
    end = ctx.token_at(m.open)
    while end > 0 and doc[end - 1].text in (":", "que", "qu'", "qu’"):
        end -= 1
    span = _continuation(ctx, end)
    if span:
        return "continue", span
    floor = ctx.token_at(max(ctx.sentence_of(m.open)[0], last.end if last else 0))
    between = doc[floor:end]
    if last and last.direct and ctx.sentence_of(last.start) == ctx.sentence_of(m.open) and all(
        t.lower_ in _JOINERS or t.text in "»”\"" for t in between
    ):
        return "join", None
    for tok in reversed(between):
        if ctx.cues[tok.i] or tok.lower_ in ("selon", "après") and tok.pos_ == "ADP":
            return (tok, None) if _governs(tok, end, ctx.token_at(m.start)) else None
    colon = ctx.token_at(m.open) - 1
    if colon >= 0 and doc[colon].text == ":":
        verbs = [t for t in between if t.pos_ == "VERB"]
        return (verbs[-1], None) if verbs else None
    return None


def _governs(cue: Token, open_tok: int, first_word: int) -> bool:
    """Whether a cue before a quote introduces it: close to the mark, or its syntactic head."""
    if open_tok - cue.i <= CUE_GAP_TOKENS:
        return True
    noun = marker_noun(cue) if cue.pos_ == "ADP" else None
    if noun is not None:  # "Selon un communiqué de l'armée, « ... »"
        after = noun.right_edge.i + 1
        return after <= open_tok and all(t.is_punct for t in cue.doc[after:open_tok])
    word = cue.doc[min(first_word, len(cue.doc) - 1)]
    return any(a.i == cue.i for a in word.ancestors)


def _is_title(ctx: Ctx, m: Marked) -> bool:
    i = ctx.token_at(m.open) - 1
    while i >= 0 and ctx.doc[i].pos_ == "DET":
        i -= 1
    nouns = ctx.lexicon.title_nouns
    return i >= 0 and (ctx.doc[i].lemma_.lower() in nouns or ctx.doc[i].lower_ in nouns)


def _in_phrase(ctx: Ctx, m: Marked) -> bool:
    """Whether the passage continues a complement ("porte-parole des « gilets jaunes »", "à
    « l'appel de X »"): a preposition, or an article after one, right before the mark, not
    right after a verb ("a parlé d'« un attentat »" reports words)."""
    i = ctx.token_at(m.open) - 1
    if i >= 0 and ctx.doc[i].pos_ == "DET":
        i -= 1
    verb = i >= 1 and ctx.doc[i - 1].pos_ in ("VERB", "AUX")
    return i >= 0 and ctx.doc[i].pos_ == "ADP" and not verb


def _statement(ctx: Ctx, m: Marked, cued: bool) -> bool:
    """Whether a quoted passage is a statement (not a scare quote, a name or a title)."""
    words = _words(ctx.doc, ctx, m.start, m.end)
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in words)
    if cued:
        return len(words) >= MIN_CUED_WORDS and (has_verb or not _in_phrase(ctx, m))
    return len(words) >= MIN_FREE_WORDS and has_verb and not _is_title(ctx, m)


def _from_verb(ctx: Ctx, verb: Token, subject: Token | None, last: Found | None,
               m: Marked) -> Found:
    doc = ctx.doc
    if verb.lower_ in ("selon", "après"):
        noun = marker_noun(verb) or verb.head
        cue_start = doc[verb.i - 1].idx if verb.lower_ == "après" else verb.idx
        return Found(m.start, m.end, True, speaker_of(doc, noun, ctx.index, None), cue_start,
                     verb.idx + len(verb.text))
    if subject is None:
        subject = ctx.subject(verb, ctx.token_at(m.open), leading=True)
    previous = last.speaker if last and m.open - last.end <= CARRY_MAX_CHARS else None
    cue_start, cue_end = ctx.cue(verb)
    speaker = speaker_of(doc, subject, ctx.index, previous)
    return Found(m.start, m.end, True, speaker, cue_start, cue_end)


def _direct(ctx: Ctx, m: Marked, last: Found | None) -> Found | None:
    """The direct quote of one quoted passage, with its cue and speaker, or None."""
    after = _cue_after(ctx, m)
    if after:
        return _from_verb(ctx, after[0], after[1], last, m) if _statement(ctx, m, True) else None
    before = _cue_before(ctx, m, last)
    if before is None:
        if not _statement(ctx, m, False):
            return None
        near = last is not None and last.direct and m.open - last.end <= CARRY_MAX_CHARS
        return Found(m.start, m.end, True, last.speaker if near else None)
    if not _statement(ctx, m, True):
        return None
    kind, detail = before
    if kind == "join":
        return Found(m.start, m.end, True, last.speaker, last.cue_start, last.cue_end)
    if kind == "continue":
        return Found(m.start, m.end, True, last.speaker if last else None, *detail)
    return _from_verb(ctx, kind, None, last, m)


def _interruption(ctx: Ctx, found: Found) -> tuple[int, int, Token] | None:
    """An inverted cue inside the quote between commas: (comma offset, resume offset, verb)."""
    doc = ctx.doc
    toks = doc[ctx.token_at(found.start): ctx.token_at(found.end)]
    for tok in toks:
        if tok.text != "," or tok.i + 1 >= toks.end:
            continue
        for inner in doc[tok.i + 1: min(toks.end, tok.i + 1 + INTERRUPT_MAX_TOKENS)]:
            if inner.text in ",.":
                break
            if ctx.cues[inner.i] and (inner.i == tok.i + 1 or doc[inner.i - 1].pos_ == "AUX"
                                        or doc[inner.i - 1].lower_.startswith("-")):
                close = _next_comma(doc, inner.i, toks.end)
                return tok.idx, close, inner
    return None


def _next_comma(doc: Doc, i: int, end: int) -> int | None:
    for tok in doc[i:end]:
        if tok.text in ",.":
            return tok.idx + 1
    return None


def _split(ctx: Ctx, found: Found) -> list[Found]:
    """Split a quote around its interrupting cue; the cue then gives the speaker."""
    cut = _interruption(ctx, found)
    if cut is None:
        return [found]
    comma, resume, verb = cut
    stop = ctx.token_at(found.end)
    speaker = speaker_of(ctx.doc, ctx.subject(verb, stop), ctx.index, found.speaker)
    cue_start, cue_end = ctx.cue(verb)
    parts = [(found.start, comma)]
    if resume is not None and resume < found.end:
        parts.append((resume, found.end))
    out = []
    for start, end in parts:
        start, end = _strip(text_of(ctx.doc), start, end)
        if end > start:
            out.append(Found(start, end, True, speaker, cue_start, cue_end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \u00a0\u202f\n":
        start += 1
    while end > start and text[end - 1] in " \u00a0\u202f\n,":
        end -= 1
    return start, end


def find_direct(ctx: Ctx, marked: list[Marked]) -> list[Found]:
    """Direct quotes of every quoted passage that is a statement."""
    found: list[Found] = []
    for m in marked:
        last = found[-1] if found else None
        quote = _direct(ctx, m, last)
        if quote is not None:
            found.extend(_split(ctx, quote))
    return found


def _resolve(candidates: list[Found]) -> list[Found]:
    """Keep the best-ranked of overlapping candidates, in text order."""
    kept: list[Found] = []
    for cand in sorted(candidates, key=lambda f: (f.rank, f.start)):
        if not any(cand.start < k.end and k.start < cand.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda f: f.start)


def _hit(doc: Doc, f: Found) -> QuoteHit:
    cue = text_of(doc)[f.cue_start:f.cue_end] if f.cue_start is not None else None
    return QuoteHit(text_of(doc)[f.start:f.end], f.start, f.end, f.direct, f.speaker, cue,
                    f.cue_start, f.cue_end)


def find_quotes(doc: Doc, lexicon: CueLexicon | None = None) -> list[QuoteHit]:
    """Every direct and reported statement of the doc, with cue and speaker.

    Args:
        doc: a doc processed by the pipeline up to the Actors stage.
        lexicon: the cue lexicon; the packaged one when None.

    Returns:
        Quotes in text order; `speaker` indexes doc._.vigie_actors.
    """
    lexicon = lexicon or load_cues()
    marked = find_marked(text_of(doc))
    cues = lexicon.cues_of(doc)
    if not marked and not has_cue(doc, cues):
        return []
    ctx = Ctx(doc, lexicon, sentence_bounds(text_of(doc)), cues)
    direct = find_direct(ctx, marked)
    reported = find_reported(ctx, marked, direct)
    return [_hit(doc, f) for f in _resolve(direct + reported)]


class QuotesComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: Sequence[str] = ()):
        self.name = name
        self.kb_files = kb_files
        self.lexicon = load_cues(kb_files=tuple(kb_files))

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_quotes = guarded(doc, self.name, lambda: find_quotes(doc, self.lexicon), [])
        return doc


@Language.factory(
    "vigie_quotes",
    requires=["doc._.vigie_actors"],
    assigns=["doc._.vigie_quotes"],
    default_config={"kb_files": []},
)
def make_quotes(nlp: Language, name: str, kb_files: list[str]) -> QuotesComponent:
    return QuotesComponent(nlp, name, kb_files=kb_files)
