"""What a number counts: its kind (killed, wounded, ...) and `who`, from the words and the parse."""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from vigie.french.numbers import NUMBER_WORDS
from vigie.stages.figures.lexicon import FigureLexicon, phrase_end, words_of

LOGGER = logging.getLogger(__name__)

_DE = frozenset({"de", "d'", "d’"})
# Determiners of a partitive count: "deux de ses gardes", "92 de nos soldats", "trois des otages".
_PARTITIVE = frozenset({"ses", "nos", "leurs", "vos", "mes", "tes", "ces", "des", "les"})
# Words that join the participles of one list: "tués, blessés ou portés disparus".
_LIST_JOINS = frozenset({",", "et", "ou"})
# How far before the number an event noun may stand, its adjectives and "au moins" between
# ("la mort tragique et brutale de plus de 30 ..."): longer spans are other phrases.
NOMINAL_WINDOW = 8
# Dependencies through which a verb governs what the number counts.
_ARG_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl:agent", "conj", "xcomp", "obl:arg"})
# Verbs that link the counted people to a participle: "restent assiégés", "sont portés disparus".
_COPULAS = frozenset({"être", "rester", "demeurer", "se", "porter", "sembler", "paraître"})
# Words between a verb and the number that belong to the number phrase ("a tué au moins 60").
_QUANT_WORDS = frozenset({"au", "moins", "plus", "de", "d'", "près", "environ", "quelque"})
# How many tokens after the counted noun the predicate may start ("ont été grièvement blessées").
PREDICATE_WINDOW = 5
# Longest "de" complement of a counted noun skipped before its predicate ("du puissant Parti
# démocratique gabonais (PDG)": 8 tokens).
COMPLEMENT_WINDOW = 10
# A verb whose xcomp says what happened: "restent bloqués", "sont portés disparus".
_LINK_DEPS = frozenset({"xcomp", "acl", "amod", "advcl"})


def counted_noun(span: Span, lex: FigureLexicon) -> Token | None:
    """The word the number counts, right after it: "51.000 personnes", "une centaine de civils"."""
    doc, i = span.doc, span.end
    if i < len(doc) and (doc[i].lower_ in _DE or doc[i].lower_ == "des"):
        i += 1  # "92 de nos soldats", "trois des otages": the noun after the determiner
        if i < len(doc) and doc[i].lower_ in _PARTITIVE and doc[i - 1].lower_ != "des":
            i += 1
    while i < len(doc) and doc[i].lower_ in lex.fillers:
        i += 1
    if i < len(doc) and doc[i].is_alpha and (doc[i].pos_ not in (
            "ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "ADV") or doc[i].lower_ in lex.people):
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
            if child.dep_ in _LINK_DEPS and child.i > token.i and not any(
                    c.dep_.startswith("nsubj") for c in child.children):  # its own subject:
                # another clause ("a reçu 35 personnes, dont trois sont décédées")
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


def _after_phrase(doc, i: int, lex: FigureLexicon) -> tuple[str, int] | None:
    """A participle of several words at token i ("sans abri", "en état critique"), and its end."""
    words = words_of(doc)
    end = phrase_end(words, i, len(words), lex.after_phrases_by_first)
    return None if end is None else (lex.after_phrases[tuple(words[i:end])], end)


def _participle_at(doc, i: int, lex: FigureLexicon) -> tuple[str | None, int]:
    """The kind the words at token i say as a predicate, and the index after them."""
    found = _after_phrase(doc, i, lex)
    if found is not None:
        return found
    return _verb_kind(doc[i], lex), i + 1


def combined_kind(doc, kind: str, end: int, lex: FigureLexicon) -> str:
    """ "tués, blessés ou portés disparus": participles of several kinds joined in one list count
    people together (the combined kind); `end` is the index after the first participle."""
    i = end
    while i + 1 < len(doc) and doc[i].lower_ in _LIST_JOINS:
        i += 1
        while i < len(doc) and doc[i].pos_ in ("ADV", "AUX"):
            i += 1
        if i >= len(doc):
            break
        other, i = _participle_at(doc, i, lex)
        if other is None:
            break
        if other != kind and lex.combined.get(other) and lex.combined.get(other) == (
                lex.combined.get(kind)):
            return lex.combined[kind]
    return kind


def _complement(doc, i: int, lex: FigureLexicon) -> int:
    """Tokens of a "de" complement of the counted noun at i ("du Parti démocratique (PDG)")."""
    if doc[i].lower_ not in _DE | {"du", "des"}:
        return 0
    j = i + 1
    while j < len(doc) and j - i <= COMPLEMENT_WINDOW and doc[j].lower_ not in lex.participles and (
            doc[j].pos_ in ("DET", "ADJ", "NOUN", "PROPN") or doc[j].text in ("(", ")")
            or doc[j].lower_ in _DE):
        j += 1
    return j - i if j > i + 1 else 0


def _coordinated_count(doc, i: int, lex: FigureLexicon) -> int:
    """Tokens of a count joined to the one before ("et deux enfants", ", 5 mineurs") at i."""
    if doc[i].lower_ not in ("et", ",") or i + 2 >= len(doc):
        return 0
    j = i + 1
    while j < len(doc) and (doc[j].like_num or doc[j].lower_ in NUMBER_WORDS):
        j += 1
    if j == i + 1 or j >= len(doc) or not doc[j].is_alpha or doc[j].pos_ in ("AUX", "VERB"):
        return 0
    j += 1
    while j < len(doc) and doc[j].pos_ == "ADJ" and doc[j].lower_ not in lex.participles:
        j += 1
    return j - i


def _predicate_after(token: Token, lex: FigureLexicon) -> str | None:
    """The kind of the predicate right after the counted words, read linearly because the parse
    of passives and copulas is unsteady: "personnes ont été tuées", "civils restent assiégés",
    "civils grièvement blessés", "d'autres ont été blessées", "personnes sans abri"."""
    doc = token.doc
    i, stop = token.i + 1, min(token.i + 1 + PREDICATE_WINDOW, len(doc))
    while i < stop:
        tok = doc[i]
        found = _after_phrase(doc, i, lex)
        if found is not None:
            return combined_kind(doc, found[0], found[1], lex)
        skipped = _complement(doc, i, lex)
        if skipped:  # "deux dirigeants du puissant Parti démocratique (PDG) ont été arrêtés"
            i, stop = i + skipped, min(stop + skipped, len(doc))
            continue
        if tok.lower_ in lex.fillers or tok.lower_ in _DE or tok.pos_ in ("AUX", "ADV"):
            i += 1
            continue
        skipped = _coordinated_count(doc, i, lex)
        if skipped:  # "une femme et deux enfants ont été tués": the list shares its predicate
            i, stop = i + skipped, min(stop + skipped, len(doc))
            continue
        if tok.pos_ in ("VERB", "ADJ", "NOUN") or tok.lower_ in lex.participles:
            kind = _verb_kind(tok, lex)
            if kind:
                return combined_kind(doc, kind, i + 1, lex)
            if tok.lemma_.lower() not in _COPULAS:
                return None
            i += 1
            continue
        if tok.pos_ != "PRON" or tok.lower_ not in ("se", "s'"):
            return None
        i += 1
    return None


def _verb_before(span: Span, lex: FigureLexicon) -> str | None:
    """ "a tué 60 personnes", "a neutralisé 45 combattants": the verb right before the number."""
    doc = span.doc
    for tok in reversed(doc[max(span.start - 3, 0):span.start]):
        if tok.pos_ in ("VERB",):
            return lex.verbs.get(tok.lemma_.lower()) or _gerund_kind(tok, lex)
        if tok.lower_.endswith("ant") and tok.pos_ in ("NOUN", "ADJ"):
            return _gerund_kind(tok, lex)  # "blessant 30 autres", tagged a noun
        if tok.pos_ not in ("ADV", "DET") and tok.lower_ not in _QUANT_WORDS:
            return None
    return None


def _gerund_kind(tok: Token, lex: FigureLexicon) -> str | None:
    """The kind of a present participle of a first-group verb ("blessant": blesser), which the
    tagger may take for a noun and the lemmatizer keep as it is."""
    word = tok.lower_
    return lex.verbs.get(word[:-3] + "er") if word.endswith("ant") else None


def _governing_kind(anchor: Token, lex: FigureLexicon) -> str | None:
    """The kind said by the verb the number phrase is an argument of ("ont été tués")."""
    while anchor.dep_ == "conj" and anchor.head.i != anchor.i and anchor.head.pos_ != "VERB":
        anchor = anchor.head  # "60 majeurs et 5 mineurs ont été placés ...": the first conjunct
    if anchor.dep_ in _ARG_DEPS or anchor.dep_.startswith("nsubj"):
        return _verb_kind(anchor.head, lex)
    return None


def nominal_kind(span: Span, lex: FigureLexicon) -> str | None:
    """ "la mort de 92 militaires", "l'arrestation de plus de 2 200 personnes", "la mort brutale
    de trois enfants": the event noun whose "de" the number follows (its adjectives skipped)."""
    doc = span.doc
    j = span.start - 1
    while j >= 0 and (doc[j].lower_ in _QUANT_WORDS or doc[j].lower_ in ("des", "du")
                      or doc[j].pos_ == "ADV"):
        j -= 1  # "de", "au moins", "plus de", "près de"
    if j < 0 or j + 1 >= span.start or doc[j + 1].lower_ not in _DE | {"des", "du"}:
        return None
    while j > 0 and (doc[j].pos_ == "ADJ" or "Part" in doc[j].morph.get("VerbForm")) and (
            span.start - j <= NOMINAL_WINDOW):
        j -= 1  # "l'évacuation forcée de 3 000 habitants"
    tok = doc[j]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return lex.nominals.get(tok.lower_) or lex.nominals.get(tok.lemma_.lower())


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


def population_after(doc, i: int, lex: FigureLexicon) -> str | None:
    """The people a count is restricted to, named after it: "248 décès parmi les civils",
    "16 parmi les forces de sécurité", "5 côté policiers"."""
    words = words_of(doc)
    if i >= len(doc) or words[i] not in lex.population_markers:
        return None
    j = i + 1
    while j < len(doc) and doc[j].pos_ in ("DET", "ADP") and j - i <= 3:
        j += 1
    if j >= len(doc) or doc[j].pos_ not in ("NOUN", "PROPN", "ADJ") or not doc[j].is_alpha:
        return None
    end = j + 1
    while end < len(doc):
        if doc[end].pos_ == "ADJ":
            end += 1
            continue
        k = end + 1 + (end + 1 < len(doc) and doc[end + 1].pos_ == "DET")
        if words[end] not in _DE or k >= len(doc) or doc[k].pos_ != "NOUN":
            break
        end = k + 1  # "forces de sécurité", "forces de l'ordre"
    return doc[j:end].text


def kind_and_who(span: Span, lex: FigureLexicon, *,
                 subset: bool = False) -> tuple[str, str | None] | None:
    """What a number counts, or None when it counts nothing vigie keeps.

    Args:
        span: the tokens of the numeral.
        lex: the figures lexicon.
        subset: the number follows a subset marker ("dont deux membres"): a population noun
            counts there, as part of the people of the whole.

    Returns:
        (kind, who): an outcome noun wins ("500 morts"), then a participle, an event noun or a
        governing verb ("personnes tuées", "la mort de 92 soldats", "ont tué deux commandants"),
        then a base noun ("soldats": troops), then any noun for people ("personnes": other).
    """
    noun = counted_noun(span, lex)
    if noun is not None:
        phrase = _phrase_at(noun, lex)
        if phrase is not None:
            return combined_kind(span.doc, phrase[0], phrase[1], lex), span.doc[
                noun.i:phrase[1]].text
        if noun.lower_ in lex.nouns:
            kind = combined_kind(span.doc, lex.nouns[noun.lower_], noun.i + 1, lex)
            who = _who(noun, lex)
            return kind, population_after(span.doc, noun.i + len(who.split()), lex) or who
        if not _counts_people(noun, lex):
            return None  # "3 villages", "12 ans": not a count of people or violence
    kind = (_predicate_after(noun if noun is not None else span[-1], lex)
            or _verb_before(span, lex))
    if kind is None and noun is not None:
        kind = nominal_kind(span, lex)
    kind = kind or _governing_kind(_anchor(span, noun), lex)
    if noun is None:
        return (kind, None) if kind else None
    word = noun.lower_
    if kind is None and word in lex.base:
        kind = lex.base[word]
    if kind is None and (word in lex.people or word in lex.participles) and (
            word not in lex.residents or subset):
        kind = "other"
    return (kind, _who(noun, lex)) if kind else None
