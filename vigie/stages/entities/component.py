"""Entity repair: fix the base model's span errors before the stages read doc.ents.

Rules that generalise, applied in order (see docs/actors.md):
1. a capitalised function word or verb glued to the end of a name is cut off ("ONU Quelque");
2. a name cut inside a word is extended to the whole word ("Al" + "-Qaïda");
3. an organisation name whose head is an organisation word is extended over a trailing
   "de/à la <Country>" ("Groupe international de soutien" + "à la Syrie");
4. an acronym in parentheses after a name gets the name's label ("... (OSDH)");
5. a person tagged LOC/MISC becomes PER (known person, given name, "al-"/"ben" particle, or the
   surname of a person named earlier);
6. a PER after "<place noun> de" or "près de/en/dans" is a place ("la région d'Ivano-Frankivsk"),
   and so is a one-word PER after "celui/celle de" ("la ville de X et celle de Y") and a PER that
   is exactly a country or capital name ("Washington a dénoncé"); a PER that is exactly a
   knowledge-base group or organisation is an ORG ("les rebelles Houthis"); a LOC that is only
   a nationality is no place ("la Britannique X");
7. a day or month name alone is no entity ("Dimanche, ..."), nor is a PER that starts with a
   lower-case word other than a name particle ("président de la République", "tchadien"), that
   is only titles and country names ("Président du Malawi") or that follows a noun of a named
   thing ("le cyclone Freddy");
8. knowledge-base names the model missed are added.
"""

from __future__ import annotations

import logging

from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from vigie.stages.actors.initials import initials
from vigie.stages.actors.lexicon import (
    Lexicon,
    doc_keys,
    idxs_of,
    lexicon,
    match_at,
    scan,
    span_text,
    texts_of,
    tkey,
)
from vigie.stages.common import guarded

LOGGER = logging.getLogger(__name__)

_FOLDED_STOPS = {tkey(w) for w in STOP_WORDS}
_LINKS = {"de", "du", "des", "a", "au", "aux", "pour"}
_ARTICLES = {"la", "le", "l'", "les"}
KB_LABELS = {"person": "PER", "organization": "ORG", "group": "ORG", "state": "LOC",
             "population": "MISC"}
# Acronyms are 2 to 8 letters, all capitals (calibrated on ONU, OSDH, CEDEAO, MONUSCO).
ACRONYM_LEN = (2, 8)
# How far back "à X" looks for a place it is listed with ("à Kharkiv, à X": 2 tokens;
# 3 allows "et").
LIST_REACH = 3
# How far after a name its "(ACRONYM)" may stand when the NER cut the name short.
ACRONYM_REACH = 8
# Words of a name the model left out after a title ("Lazarus Chakwera": 2; 4 allows
# "Faustin Archange Touadéra" and a particle).
TITLE_NAME_MAX = 4


def _glued(doc: Doc, i: int) -> bool:
    """A capitalised word that cannot end a name: a function word or a finite verb."""
    if not texts_of(doc)[i][:1].isupper():
        return False
    if doc_keys(doc)[i] in _FOLDED_STOPS:
        return True
    token = doc[i]
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm")


def _cut_glued(ent: Span) -> list[Span]:
    """Cut a name at a glued word; a capitalised rest is a name of its own
    ("Allemagne A Berlin")."""
    doc = ent.doc
    for i in range(ent.start + 1, ent.end):
        if _glued(doc, i):
            rest = [Span(doc, i + 1, ent.end, label=ent.label)] if i + 1 < ent.end else []
            rest = [r for r in rest if texts_of(doc)[r.start][:1].isupper()]
            parts = [p for r in rest for p in _cut_glued(r)]
            return [Span(doc, ent.start, i, label=ent.label), *parts]
    return [ent]


def _cut_leading(ent: Span) -> Span:
    """Drop a leading elision or lower-case article ("L'ONU", "les Nations unies")."""
    start, keys = ent.start, doc_keys(ent.doc)
    while ent.end - start > 1 and (keys[start] in ("l'", "d'") or
                                   keys.texts[start] in ("le", "la", "les")):
        start += 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label)


def _glued_to_next(doc: Doc, i: int) -> bool:
    """Token i is followed by token i + 1 with no space (`not doc[i].whitespace_`, i < last)."""
    return idxs_of(doc)[i + 1] == idxs_of(doc)[i] + len(texts_of(doc)[i])


def _whole_word(ent: Span) -> Span:
    doc, end, texts = ent.doc, ent.end, texts_of(ent.doc)
    while end < len(texts) and _glued_to_next(doc, end - 1) and (texts[end].isalpha() or (
            texts[end] == "-" and end + 1 < len(texts) and texts[end + 1].isalpha())):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label)


def _country_after(lex: Lexicon, keys: list[str], i: int) -> int | None:
    """End of "de/à (la) <Country>" starting at token i, or None."""
    if i >= len(keys) or keys[i] not in _LINKS:
        return None
    j = i + 1 if i + 1 < len(keys) and keys[i + 1] in _ARTICLES else i
    hit = match_at(lex, keys, j + 1, {"country"}) if j + 1 < len(keys) else None
    return hit[0] if hit else None


def _extend_org(lex: Lexicon, ent: Span, keys: list[str]) -> Span:
    if ent.label_ != "ORG" or keys[ent.start] not in lex.org_heads:
        return ent
    end = _country_after(lex, keys, ent.end)
    return ent if end is None else Span(ent.doc, ent.start, end, label=ent.label)


def _acronym_at(doc: Doc, i: int) -> bool:
    """Tokens i..i+2 are "( ACRONYM )"."""
    texts = texts_of(doc)
    if i + 2 >= len(texts) or texts[i] != "(" or texts[i + 2] != ")":
        return False
    word = texts[i + 1]
    return word.isalpha() and word.isupper() and ACRONYM_LEN[0] <= len(word) <= ACRONYM_LEN[1]


def _extend_to_acronym(ent: Span) -> Span:
    """Extend a name cut short of its "(ACRONYM)" when the acronym spells the whole name."""
    doc = ent.doc
    if ent.label_ != "ORG":
        return ent
    for paren in range(ent.end, min(ent.end + ACRONYM_REACH, len(doc))):
        if doc[paren].is_punct and doc[paren].text != "(":
            return ent
        if _acronym_at(doc, paren):
            spelled = initials(span_text(doc, ent.start, paren)) == texts_of(doc)[paren + 1]
            return Span(doc, ent.start, paren, label=ent.label) if spelled else ent
    return ent


def _acronyms(ents: list[Span]) -> list[Span]:
    """Acronyms in parentheses: after a name they take its label; alone in them they are ORG."""
    out = []
    for ent in ents:
        if ent.label_ in ("ORG", "PER", "MISC") and _acronym_at(ent.doc, ent.end):
            label = "ORG" if ent.label_ == "MISC" else ent.label_
            out.append(Span(ent.doc, ent.end + 1, ent.end + 2, label=label))
        elif ent.label_ == "MISC" and len(ent) == 1 and _acronym_at(ent.doc, ent.start - 1):
            out.append(Span(ent.doc, ent.start, ent.end, label="ORG"))
    return out


def _kb_person(lex: Lexicon, ent: Span) -> bool:
    return any(e.kind == "person" for e in lex.kb.lookup(span_text(ent.doc, ent.start, ent.end)))


def _looks_person(lex: Lexicon, ent: Span, keys: list[str]) -> bool:
    words = keys[ent.start:ent.end]
    if _kb_person(lex, ent):
        return True
    capitalised = texts_of(ent.doc)[ent.start][:1].isupper()
    if len(words) < 2 or not capitalised or match_at(lex, keys, ent.start, {"country"}):
        return False
    return words[0] in lex.first_names or any(w in lex.particles for w in words[1:-1])


def _after_place_word(lex: Lexicon, ent: Span, keys: list[str]) -> bool:
    """The name follows "<place noun> de" or a locative preposition ("région d'X", "près de X")."""
    i = ent.start - 1
    if i >= 1 and keys[i] in ("de", "d'", "du") and keys[i - 1] in lex.place_nouns | {"pres"}:
        return True
    if i >= 0 and (keys[i] in lex.place_nouns or (  # "le quartier (sunnite) Khair Khana"
            i >= 1 and "amod" in (ent.doc[i].dep_, ent.doc[i].pos_.replace("ADJ", "amod"))
            and keys[i - 1] in lex.place_nouns)):
        return True
    if i >= 1 and keys[i] in ("de", "d'") and keys[i - 1] in lex.place_pronouns:
        return " " not in ent.text  # "celui de X": a thing or a place; a full name stays a person
    if i >= 0 and keys[i] == "a":  # "à Kharkiv, à X": "à" in a list of places
        return any(ent.doc[j].ent_type_ == "LOC" for j in range(max(0, i - LIST_REACH), i))
    return i >= 0 and keys[i] in lex.place_person_preps


def _place_not_person(lex: Lexicon, ent: Span, keys: list[str]) -> bool:
    """A PER that is a place: after a place word, neither a KB person nor a given name first."""
    return (_after_place_word(lex, ent, keys) and not _kb_person(lex, ent)
            and keys[ent.start] not in lex.first_names)


def _kb_body(lex: Lexicon, ent: Span, keys: list[str]) -> bool:
    """A PER that is exactly a knowledge-base group or organisation ("les rebelles Houthis")."""
    hit = match_at(lex, keys, ent.start, {"entry"})
    return (bool(hit) and hit[0] == ent.end and not _kb_person(lex, ent)
            and all(m.entry.kind != "person" for m in hit[1]))


def _only_demonym(lex: Lexicon, ent: Span, keys: list[str]) -> bool:
    """A LOC that is only a nationality ("la Britannique X"): no place."""
    hit = match_at(lex, keys, ent.start, {"demonym"})
    return bool(hit) and hit[0] == ent.end


def _country_not_person(lex: Lexicon, ent: Span, keys: list[str]) -> bool:
    """A PER that is exactly a country name or a capital and no known person ("Washington a
    dénoncé"): the state, for the Actors stage to decide whether it acts."""
    hit = match_at(lex, keys, ent.start, {"country", "metonym"})
    return bool(hit) and hit[0] == ent.end and not _kb_person(lex, ent)


def _relabel_people(lex: Lexicon, ents: list[Span], keys: list[str]) -> list[Span]:
    out = []
    for ent in ents:
        if ent.label_ in ("LOC", "MISC") and _looks_person(lex, ent, keys):
            ent = Span(ent.doc, ent.start, ent.end, label="PER")
        elif ent.label_ == "PER" and (_place_not_person(lex, ent, keys)
                                      or _country_not_person(lex, ent, keys)):
            ent = Span(ent.doc, ent.start, ent.end, label="LOC")
        elif ent.label_ == "PER" and _kb_body(lex, ent, keys):
            ent = Span(ent.doc, ent.start, ent.end, label="ORG")
        elif ent.label_ == "LOC" and _only_demonym(lex, ent, keys):
            ent = Span(ent.doc, ent.start, ent.end, label="MISC")
        out.append(ent)
    surnames = {keys[e.end - 1] for e in out if e.label_ == "PER" and len(e) > 1}
    return [Span(e.doc, e.start, e.end, label="PER")
            if e.label_ in ("LOC", "MISC") and len(e) == 1 and keys[e.start] in surnames
            and not match_at(lex, keys, e.start, {"country", "metonym"}) else e for e in out]


def _lower_person(lex: Lexicon, ent: Span, keys: list[str]) -> bool:
    """A PER that is no name: it opens with a lower-case word other than a particle ("le
    président tchadien"; "al-Assad" is a name), its words are all titles, function words and
    country names ("Président du Malawi"), or it follows a noun of a named thing ("le cyclone
    Freddy", "l'opération Barkhane")."""
    if ent.label_ != "PER":
        return False
    first = keys.texts[ent.start]
    if first[:1].islower() and keys[ent.start].split("-")[0] not in lex.particles:
        return True
    before = keys[ent.start - 1] if ent.start > 0 else None
    if before in lex.thing_nouns or (ent.start > 1 and ent.doc[ent.start - 1].pos_ == "ADJ"
                                     and keys[ent.start - 2] in lex.thing_nouns):
        return True
    i = ent.start
    while i < ent.end and keys[i] not in lex.first_names:  # "Marine (Le Pen)" is a name
        hit = match_at(lex, keys, i, {"role", "country", "demonym"})
        if hit:
            i = hit[0]
        elif keys[i] in _FOLDED_STOPS:
            i += 1
        else:
            return False
    return i >= ent.end


def _named_after_title(lex: Lexicon, ent: Span, keys: list[str]) -> list[Span]:
    """A PER that is no name goes; capitalised words right after it that the model left out
    are the name ("le Président du Malawi Lazarus Chakwera")."""
    if not _lower_person(lex, ent, keys):
        return [ent]
    doc, end = ent.doc, ent.end
    while end < len(doc) and end - ent.end < TITLE_NAME_MAX and doc[end].pos_ == "PROPN" and (
            keys.texts[end][:1].isupper() and not doc[end].ent_type_):
        end += 1
    return [Span(doc, ent.end, end, label="PER")] if end - ent.end > 1 else []


def _kb_spans(lex: Lexicon, doc: Doc) -> list[Span]:
    """Knowledge-base names (entries and country names) as entity spans."""
    spans = []
    for start, end, matches in scan(lex, doc, {"entry", "country"}):
        m = matches[0]
        if start < end - 1 and doc_keys(doc)[start] in ("l'", "d'"):
            start += 1
        label = KB_LABELS.get(m.entry.kind, "ORG") if m.entry else "LOC"
        if m.entry and not m.entry.name[:1].isupper():
            continue  # "les rebelles"-like collectives are actors, not named entities
        spans.append(Span(doc, start, end, label=label))
    return spans


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


def repair_ents(doc: Doc, lex: Lexicon) -> list[Span]:
    """The repaired entity spans of the doc (see the module docstring for the rules).

    Args:
        doc: a doc with the base model's `doc.ents`.
        lex: the actors lexicon and name index.

    Returns:
        Non-overlapping entity spans, sorted.
    """
    keys = doc_keys(doc)
    ents = [_extend_org(lex, _whole_word(part), keys)
            for e in doc.ents for part in _cut_glued(_cut_leading(e))]
    ents = [e for e in ents if not (len(e) == 1 and keys[e.start] in lex.not_names)]
    ents = [name for e in ents for name in _named_after_title(lex, e, keys)]
    ents = [_extend_to_acronym(e) for e in ents]
    ents = _relabel_people(lex, ents, keys)
    acronyms = _acronyms(ents)
    ents = filter_spans([e for e in ents if not _overlaps(e, acronyms)] + acronyms)
    extra = [s for s in _kb_spans(lex, doc) if not _overlaps(s, ents)]
    return sorted(filter_spans([*ents, *extra]), key=lambda s: s.start)


def _set_ents(doc: Doc, lex: Lexicon) -> Doc:
    doc.ents = repair_ents(doc, lex)
    return doc


class EntitiesComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: list[str]):
        self.name = name
        self.lex = lexicon(nlp, tuple(kb_files))

    def __call__(self, doc: Doc) -> Doc:
        return guarded(doc, self.name, lambda: _set_ents(doc, self.lex), doc)


@Language.factory(
    "vigie_entities",
    requires=["doc.ents"],
    assigns=["doc.ents"],
    default_config={"kb_files": []},
)
def make_entities(nlp: Language, name: str, kb_files: list[str]) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, kb_files=kb_files)
