"""What the Actors stage leaves out, and where it draws the line between a mention and an actor.

Helpers of vigie/stages/actors.py (policies in docs/actors.md):
- credits: the agency's closing parenthesis "(Reportage X, Y; édité par Z)" and a last line that
  is only a name are bylines, not actors;
- arguments: an unnamed group or population ("les civils", "des manifestants") is an actor only
  where it is an argument of a verb or of an event noun, not in every count ("dont 10 blessés");
- unnamed individuals: "un policier", "un habitant" is one person, "la population" a population.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from vigie.stages.actors.lexicon import idxs_of, texts_of, tkey
from vigie.stages.common import text_of
from vigie.stages.tokens import pos_of

LOGGER = logging.getLogger(__name__)

# Credits are short: a closing parenthesis longer than this is text, not a byline.
CREDITS_MAX_CHARS = 600
# A last line of at most this many tokens that is only names and dates is a byline ("Eric X").
BYLINE_MAX_TOKENS = 8
# A dateline "VILLE, 27 juillet (Agence) -" stands in the article's first characters.
DATELINE_REACH = 200
# How far before "à l'AFP" its verb of telling may stand ("a déclaré samedi 14 mai, à l'AFP": 5).
SPOKEN_REACH = 6
_ARGUMENT_DEPS = {"nsubj", "nsubj:pass", "obl:agent", "csubj", "obj", "iobj", "obl:arg"}
_OBLIQUE_DEPS = {"obl", "obl:mod", "nmod"}
_SINGULAR_DETS = {"un", "une", "le", "la", "l'", "ce", "cet", "cette"}
_INDEFINITE_DETS = {"un", "une", "des", "d'"}
_THINGS_KEY = ("vigie", "thing_acronyms")


def credit_tokens(doc: Doc) -> set[int]:
    """Token indices of the article's credits (closing parenthesis, last-line byline)."""
    out: set[int] = set()
    text = text_of(doc).rstrip()
    if text.endswith(")"):
        opening = text.rfind("(")
        before = text[:opening].rstrip()
        closes_text = not before or before[-1] in ".!?»\"\n"
        if opening >= 0 and closes_text and len(text) - opening <= CREDITS_MAX_CHARS:
            out |= _tokens_in(doc, opening, len(text))
    out |= _dateline(doc) | _by_lines(doc)
    last = text.rfind("\n") + 1
    span = doc.char_span(last, len(text), alignment_mode="expand") if last > 0 else None
    if span is not None and len(span) <= BYLINE_MAX_TOKENS and _only_a_name(span):
        out |= set(range(span.start, span.end))
    return out


def _tokens_in(doc: Doc, start: int, end: int) -> set[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return set(range(span.start, span.end)) if span is not None else set()


def _dateline(doc: Doc) -> set[int]:
    """The agency of a dateline: "(Reuters) -" or "| AFP |" near the start of the text."""
    texts, idxs = texts_of(doc), idxs_of(doc)
    for i, text in enumerate(texts):
        if idxs[i] > DATELINE_REACH:
            break
        if text == "|":  # "Kaboul, Afghanistan | AFP | jeudi 18/08/2022 - ..."
            close = i + 1
            while close < len(texts) and close - i <= 4 and texts[close] != "|":
                close += 1
            if close < len(texts) and texts[close] == "|":
                return set(range(i, close + 1))
        if text != "(":
            continue
        close = i + 1
        while close < len(texts) and close - i <= 4 and texts[close] != ")":
            close += 1
        if close + 1 < len(texts) and texts[close] == ")" and texts[close + 1] in ("-", "–", "—"):
            return set(range(i, close + 1))
    return set()


def _by_lines(doc: Doc) -> set[int]:
    """A "par X et Y" line near the top: the authors."""
    out: set[int] = set()
    start = 0
    for line in text_of(doc)[:DATELINE_REACH].split("\n"):
        end = start + len(line)
        if line.lower().startswith(("par ", "by ")):
            span = doc.char_span(start + 4, end, alignment_mode="expand")
            if span is not None and _only_names(span):
                out |= set(range(span.start - 1, span.end))
        start = end + 1
    return out


def _only_names(span) -> bool:
    words = [t for t in span if not t.is_punct and not t.is_space and t.lower_ not in ("et", "and")]
    return bool(words) and all(t.ent_type_ == "PER" for t in words)


def _only_a_name(span) -> bool:
    """A line of names and numbers or dates only ("Agence de presse Xinhua  2012/04/24")."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    names = [t for t in words if t.ent_type_ in ("PER", "ORG")]
    return bool(names) and all(t.ent_type_ in ("PER", "ORG") or t.like_num or _date_like(t.text)
                               for t in words)


def _date_like(text: str) -> bool:
    return any(c.isdigit() for c in text) and all(c.isdigit() or c in "/-." for c in text)


def reporting_channel(doc: Doc, keys: list[str], start: int, end: int, speech: set[str], *,
                      media: bool = True) -> bool:
    """A medium told something or asking ("a indiqué à l'AFP", "a déclaré samedi à l'AFP",
    "contactés par l'AFP", "a assuré sur LCI"): the channel, not an actor. `media` is whether
    the name is known as a medium; any name heard "sur" (on air) is one."""
    i = start - 1
    pos = pos_of(doc)
    # "au quotidien français Le Monde": the medium's description stands between
    while i >= 0 and (keys[i] in ("l'", "la", "le") or (media and start - i <= 3
                                                         and pos[i] in ("NOUN", "ADJ"))):
        i -= 1
    if media and i > 0 and keys[i] in ("a", "au") and _spoken_before(doc, i, speech):
        return True
    root = doc[start:end].root
    cases = {tkey(c.text) for c in root.children if c.dep_ == "case"}
    told = cases & {"a", "au", "aux", "par", "sur"} if media else cases & {"sur"}
    return bool(told) and root.head.pos_ == "VERB" and tkey(root.head.lemma_) in speech


def _spoken_before(doc: Doc, i: int, speech: set[str]) -> bool:
    """A verb right before token i, or a verb of telling a few words before it in the clause
    ("a déclaré samedi 14 mai, à l'AFP")."""
    if doc[i - 1].pos_ in ("VERB", "AUX"):
        return True
    for token in reversed(doc[max(0, i - SPOKEN_REACH):i]):
        if token.text in (".", ";", ":", "»", '"'):
            return False
        if token.pos_ == "VERB" and tkey(token.lemma_) in speech:
            return True
    return False


def is_argument(token: Token, agentive: set[str], climb: int = 2, *,
                quantities: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a noun is an argument: subject, agent or object of a verb; "contre/par/selon/parmi
    X"; complement of an event or a statement noun ("l'offensive des rebelles", "un communiqué de
    l'armée"); or conjoined to one. `agentive` holds those nouns, folded."""
    dep = token.dep_
    if dep in _ARGUMENT_DEPS:
        return True
    if dep in ("conj", "appos") and climb > 0 or _counted_by(token, quantities):
        return is_argument(token.head, agentive, climb - 1, quantities=quantities)
    if dep not in _OBLIQUE_DEPS:
        return False
    cases = {c.lower_ for c in token.children if c.dep_ == "case"}
    if cases & {"contre", "par", "selon", "avec", "entre", "pour", "sur", "vers", "parmi", "chez"}:
        return True
    head = token.head
    return dep == "nmod" and bool({tkey(head.lemma_ or head.text), tkey(head.text)} & agentive)


def is_noun(doc: Doc, i: int) -> bool:
    """Token i is a noun, or a word the tagger took for an adjective after a determiner or a
    number ("17 000 civils et militaires", "des militaires")."""
    pos = pos_of(doc)
    if pos[i] in ("NOUN", "PROPN"):
        return True
    if pos[i] != "ADJ" or i == 0 or pos[i - 1] not in ("DET", "NUM"):
        return False
    head = doc[i].head
    return not (head.pos_ == "NOUN" and head.i > i)  # "un jeune homme": "jeune" is no noun


def is_individual(token: Token, collectives: set[str], key: str) -> bool:
    """A singular role noun for one person ("un policier", "le gendarme"), not a collective."""
    if key in collectives or "Plur" in token.morph.get("Number"):
        return False
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    return bool(dets) and dets[0] in _SINGULAR_DETS


def is_indefinite(token: Token) -> bool:
    """Introduced by un/une/des ("un responsable local", "des témoins")."""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE_DETS for c in token.children)


def is_count(token: Token, quantities: frozenset[str] | set[str] = frozenset()) -> bool:
    """A group noun with a cardinal or a quantity noun ("24 blessés", "plus de 5 000 déplacés",
    "une centaine de blessés"): a toll, not an actor."""
    before = token.doc[token.i - 1] if token.i > 0 else None  # "10 000 personnes"
    return any(c.dep_ == "nummod" and c.like_num for c in token.children) or (
        before is not None and before.like_num) or _counted_by(token, quantities)


def _counted_by(token: Token, quantities: frozenset[str] | set[str]) -> bool:
    """The complement of a quantity noun ("une quarantaine d'élèves", "des milliers de
    manifestants"): the quantity noun stands for it in the sentence."""
    return token.dep_ == "nmod" and tkey(token.head.lemma_ or token.head.text) in quantities


def is_state(token: Token) -> bool:
    """A noun after "en" with no determiner is a state or a manner ("pris en otage"), not
    who is concerned."""
    kids = list(token.children)
    return any(c.dep_ == "case" and c.lower_ == "en" for c in kids) and not any(
        c.dep_ == "det" for c in kids)


def is_quantified(token: Token) -> bool:
    """Determined by a quantifier ("chaque enfant", "aucun civil"): nobody in particular."""
    return any(c.dep_ == "det" and c.lower_ in _QUANTIFIERS for c in token.children)


_QUANTIFIERS = {"chaque", "aucun", "aucune", "tout", "toute", "nul", "nulle"}


def looks_named(ent) -> bool:
    """Whether an ORG entity with no organisation word and unknown to the knowledge base is
    written as a name: not in lower case ("armé"), not a common phrase opening a sentence
    ("Jets de pierres.")."""
    words = [t for t in ent if t.is_alpha]
    if not words or not words[0].text[:1].isupper():
        return False
    rest = words[1:]
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    opening = ent[0].is_sent_start or before is None or "\n" in before.text_with_ws
    common_opening = opening and rest and not any(t.text[:1].isupper() for t in rest)
    return not common_opening


_LINKS = {"de", "du", "des", "d'", "la", "le", "l'", "les", "et", "à", "a", "au", "aux", "en"}


def thing_acronyms(doc: Doc) -> set[str]:
    """Acronyms spelt out in lower case before them ("des lanceurs de balles de défense (LBD)",
    "un engin explosif improvisé (EEI)"): the names of things, not of organisations (computed
    once per Doc: later stages ask for each participant)."""
    cached = doc.user_data.get(_THINGS_KEY)
    if cached is None:
        cached = doc.user_data[_THINGS_KEY] = _thing_acronyms(doc)
    return cached


def _thing_acronyms(doc: Doc) -> set[str]:
    texts, out = texts_of(doc), set()
    for i in range(1, len(texts) - 2):
        acronym = texts[i + 1]
        if texts[i] != "(" or texts[i + 2] != ")" or not acronym.isupper() or len(acronym) < 2:
            continue
        words = [w for w in texts[max(0, i - 3 * len(acronym)):i] if w.lower() not in _LINKS]
        words = words[-len(acronym):]
        if len(words) == len(acronym) and all(w.islower() for w in words) and (
                "".join(w[0] for w in words) == acronym.lower()):
            out.add(acronym)
    return out


def aged_person_end(keys: list[str], texts: list[str], i: int) -> int | None:
    """End of "un homme de 27 ans" when token i is an age noun after un/une: the token after
    "ans", else None."""
    if i < 1 or keys[i - 1] not in ("un", "une") or i + 3 >= len(keys):
        return None
    if i > 1 and keys[i - 2] == "dont":  # "15 blessés, dont un garçon de 12 ans": a toll
        return None
    if keys[i + 1] != "de" or not texts[i + 2].isdigit() or keys[i + 3] != "ans":
        return None
    return i + 4
