"""What a number counts: its kind (killed, wounded, ...) and `who`, from the words and the parse."""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from vigie.stages.figures.lexicon import FigureLexicon, phrase_end, words_of

LOGGER = logging.getLogger(__name__)

_DE = frozenset({"de", "d'", "d’"})
# Dependencies through which a verb governs what the number counts.
_ARG_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl:agent", "conj", "xcomp", "obl:arg"})
# Verbs that link the counted people to a participle: "restent assiégés", "sont portés disparus".
_COPULAS = frozenset({"être", "rester", "demeurer", "se", "porter", "sembler", "paraître"})
# Words between a verb and the number that belong to the number phrase ("a tué au moins 60").
_QUANT_WORDS = frozenset({"au", "moins", "plus", "de", "d'", "près", "environ", "quelque"})
# How many tokens after the counted noun the predicate may start ("ont été grièvement blessées").
PREDICATE_WINDOW = 5
# A verb whose xcomp says what happened: "restent bloqués", "sont portés disparus".
_LINK_DEPS = frozenset({"xcomp", "acl", "amod", "advcl"})


def counted_noun(span: Span, lex: FigureLexicon) -> Token | None:
    """The word the number counts, right after it: "51.000 personnes", "une centaine de civils"."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ in _DE:
        i += 1
    while i < len(doc) and doc[i].lower_ in lex.fillers:
        i += 1
    if i < len(doc) and doc[i].is_alpha and doc[i].pos_ not in ("ADP", "DET", "CCONJ", "SCONJ",
                                                                "PRON", "AUX"):
        return doc[i]
    return None


def is_unit(span: Span, lex: FigureLexicon) -> bool:
    """The number measures time, money, distance, age... ("12 ans", "5 millions d'euros")."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ in _DE:
        i += 1
    return i < len(doc) and doc[i].lower_ in lex.units


def _phrase_at(token: Token, lex: FigureLexicon) -> tuple[str, int] | None:
    """A kind phrase starting at `token` ("sorties aériennes", "gardes à vue"), and its end."""
    words = words_of(token.doc)
    end = phrase_end(words, token.i, len(words), lex.phrases_by_first)
    return None if end is None else (lex.phrases[tuple(words[token.i:end])], end)


def _anchor(span: Span, noun: Token | None) -> Token:
    """The token of the number phrase that the rest of the sentence attaches to."""
    group = {t.i for t in span} | ({noun.i} if noun is not None else set())
    for i in sorted(group, key=lambda i: (i != (noun.i if noun is not None else -1), i)):
        head = span.doc[i].head
        if head.i not in group or head.i == i:
            return span.doc[i]
    return span[-1]


def _verb_kind(token: Token, lex: FigureLexicon) -> str | None:
    """The kind a verb or participle says ("tués", "tuer", "restent bloqués")."""
    kind = lex.participles.get(token.lower_)
    if kind is None and token.pos_ in ("VERB", "ADJ", "NOUN"):
        kind = lex.verbs.get(token.lemma_.lower()) or _phrase_verb_kind(token, lex)
    if kind is None and token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            if child.dep_ in _LINK_DEPS and child.i > token.i:
                kind = lex.participles.get(child.lower_) or lex.verbs.get(child.lemma_.lower())
                if kind:
                    break
    return kind


def _phrase_verb_kind(verb: Token, lex: FigureLexicon) -> str | None:
    """ "ont perdu la vie", "placés en garde à vue": a verb and one of its dependents."""
    dependents = lex.verb_phrases.get(verb.lemma_.lower())
    if not dependents:
        return None
    for child in verb.children:
        kind = dependents.get(child.lemma_.lower()) or dependents.get(child.lower_)
        if kind:
            return kind
    return None


def _predicate_after(token: Token, lex: FigureLexicon) -> str | None:
    """The kind of the predicate right after the counted words, read linearly because the parse
    of passives and copulas is unsteady: "personnes ont été tuées", "civils restent assiégés",
    "civils grièvement blessés", "d'autres ont été blessées"."""
    doc = token.doc
    for tok in doc[token.i + 1:min(token.i + 1 + PREDICATE_WINDOW, len(doc))]:
        if tok.lower_ in lex.fillers or tok.lower_ in _DE or tok.pos_ in ("AUX", "ADV"):
            continue
        if tok.pos_ in ("VERB", "ADJ", "NOUN") or tok.lower_ in lex.participles:
            kind = _verb_kind(tok, lex)
            if kind or tok.lemma_.lower() not in _COPULAS:
                return kind
            continue
        if tok.pos_ != "PRON" or tok.lower_ not in ("se", "s'"):
            return None
    return None


def _verb_before(span: Span, lex: FigureLexicon) -> str | None:
    """ "a tué 60 personnes", "a neutralisé 45 combattants": the verb right before the number."""
    doc = span.doc
    for tok in reversed(doc[max(span.start - 3, 0):span.start]):
        if tok.pos_ in ("VERB",):
            return lex.verbs.get(tok.lemma_.lower())
        if tok.pos_ not in ("ADV", "DET") and tok.lower_ not in _QUANT_WORDS:
            return None
    return None


def _governing_kind(anchor: Token, lex: FigureLexicon) -> str | None:
    """The kind said by the verb the number phrase is an argument of ("ont été tués")."""
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i and anchor.head.pos_ != "VERB":
        anchor = anchor.head  # "60 majeurs et 5 mineurs ont été placés ...": the first conjunct
    if anchor.dep_ in _ARG_DEPS or anchor.dep_.startswith("nsubj"):
        return _verb_kind(anchor.head, lex)
    return None


def _counts_people(noun: Token, lex: FigureLexicon) -> bool:
    word = noun.lower_
    return word in lex.people or word in lex.base or word in lex.participles


def _who(noun: Token, lex: FigureLexicon) -> str:
    """The counted noun and its adjectives: "commandants rebelles" (participles excluded)."""
    end = noun.i + 1
    doc = noun.doc
    while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].lower_ not in lex.participles:
        end += 1
    return doc[noun.i:end].text


def kind_and_who(span: Span, lex: FigureLexicon) -> tuple[str, str | None] | None:
    """What a number counts, or None when it counts nothing vigie keeps.

    Args:
        span: the tokens of the numeral.
        lex: the figures lexicon.

    Returns:
        (kind, who): an outcome noun wins ("500 morts"), then a participle or governing verb
        ("personnes tuées", "ont tué deux commandants"), then a base noun ("soldats": troops),
        then any noun for people ("personnes": other).
    """
    noun = counted_noun(span, lex)
    if noun is not None:
        phrase = _phrase_at(noun, lex)
        if phrase is not None:
            return phrase[0], span.doc[noun.i:phrase[1]].text
        if noun.lower_ in lex.nouns:
            return lex.nouns[noun.lower_], _who(noun, lex)
        if not _counts_people(noun, lex):
            return None  # "3 villages", "12 ans": not a count of people or violence
    kind = (_predicate_after(noun if noun is not None else span[-1], lex)
            or _verb_before(span, lex) or _governing_kind(_anchor(span, noun), lex))
    if noun is None:
        return (kind, None) if kind else None
    word = noun.lower_
    if kind is None and word in lex.base:
        kind = lex.base[word]
    if kind is None and (word in lex.people or word in lex.participles) and (
            word not in lex.residents):
        kind = "other"
    return (kind, _who(noun, lex)) if kind else None
