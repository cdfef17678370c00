"""Reading the words around a name: roles, countries and whether a country acts.

Helpers of the Actors stage (vigie/stages/actors.py): appositions and modifiers that give a
person a role, sector and country ("le ministre iranien des Affaires étrangères, X";
"X, chercheur à ..."), unnamed groups ("l'aviation russe"), and the syntactic test that tells
"la Russie a annoncé" (an actor) from "en Syrie" (a place).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from vigie.stages.actors.lexicon import Lexicon, match_at, texts_of, tkey
from vigie.stages.tokens import pos_of

LOGGER = logging.getLogger(__name__)

# How far before a name a role phrase may start ("le chef de la diplomatie russe Sergueï Lavrov"
# is 6 tokens; 10 keeps "le ministre iranien des Affaires étrangères, X" without reaching the
# previous clause on the sample and the dev corpus).
ROLE_WINDOW = 10
# How far after "X," an apposition may run for its country ("X, ministre iranien de ...").
APPOSITION_WINDOW = 6
# And for the body the person serves ("X, porte-parole de la force de la Mission de ...": 7; 12
# stays inside one apposition on the dev corpus).
BODY_WINDOW = 12
_BREAKS = {".", ";", ":", "«", "»", '"', "!", "?", "—", "–"}
# An apposition after a name runs to these; quotes may stand inside ('porte-parole des "gilets
# jaunes"').
_APPOSITION_ENDS = (_BREAKS - {"«", "»", '"'}) | {","}
# Sectors of bodies that belong to no country.
INTERNATIONAL = {"IGO"}
_DETS = {"le", "la", "l'", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "du", "des"}
_ACTING_DEPS = {"nsubj", "nsubj:pass", "obl:agent", "csubj"}
_OBJECT_DEPS = {"obj", "iobj", "obl:arg", "obl:mod", "obl"}


@dataclass
class RoleInfo:
    """What the words around a mention say about an actor."""

    role: str | None = None
    sector: str | None = None
    kind: str | None = None
    country: str | None = None
    tokens: tuple[int, int] | None = None  # token span of the role phrase, for coreference
    plural: bool = False  # "les dessinateurs X, Y et Z": the people listed after share it


def country_in(lex: Lexicon, keys: list[str], start: int, end: int,
               what: frozenset[str] | set[str] = frozenset({"country", "demonym"})) -> str | None:
    """The first country named (by name or demonym) in tokens start..end."""
    for i in range(max(start, 0), min(end, len(keys))):
        hit = match_at(lex, keys, i, set(what))
        if hit:
            return hit[1][0].iso3
    return None


def _is_demonym(lex: Lexicon, keys: list[str], i: int) -> bool:
    return bool(match_at(lex, keys, i, {"demonym"}))


_NAME_TYPES = {"PER", "LOC", "MISC"}


def _role_text(doc: Doc, lex: Lexicon, keys: list[str], start: int, end: int) -> str:
    """The role words of tokens start..end, without demonyms, punctuation or given names."""
    # Words of a title the model tagged ORG ("ministre de la Santé") stay; names and places go.
    words = [t for t in doc[start:end] if not t.is_punct and t.ent_type_ not in _NAME_TYPES
             and not _is_demonym(lex, keys, t.i)]
    while words and keys[words[-1].i] in _DETS:
        words.pop()
    bare = [t for t in doc[start:end] if not t.is_punct] or doc[start:end]
    return "".join(t.text_with_ws for t in words or bare).strip()


def _last_person_role(lex: Lexicon, doc: Doc, keys: list[str], lo: int, hi: int):
    found = None
    for i in range(lo, hi):
        hit = match_at(lex, keys, i, {"role"})
        if hit and hit[1][0].role.kind == "person" and doc[i].pos_ in ("NOUN", "PROPN"):
            found = (i, hit[0], hit[1][0].role)
    return found


def role_before(lex: Lexicon, keys: list[str], ent: Span) -> RoleInfo | None:
    """A role phrase just before a person's name ("le chef de la diplomatie russe X")."""
    # The window stops at punctuation, not at the parser's sentence ends: it may cut
    # "le président (russe Vladimir) Poutine" after the parenthesis.
    doc, lo = ent.doc, max(0, ent.start - ROLE_WINDOW)
    texts = texts_of(doc)
    for i in range(ent.start - 1, lo - 1, -1):
        token = None if texts[i] in _BREAKS else doc[i]
        if token is None or token.is_space or token.pos_ in ("VERB", "AUX") or (
                token.ent_type_ == "PER" and keys[i] not in lex.first_names):
            lo = i + 1
            break
    found = _last_person_role(lex, doc, keys, lo, ent.start)
    if found is None:
        return None
    start, end, role = found
    info = RoleInfo(role=_role_text(doc, lex, keys, start, ent.start),
                    sector=function_sector(lex, doc, keys, role, end, ent.start), kind=role.kind,
                    country=country_in(lex, keys, end, ent.start), tokens=(start, ent.start))
    comma = start - 1 - (start > 1 and keys[start - 1] in _DETS)
    apposed = _last_person_role(lex, doc, keys, lo, comma) if texts[comma] == "," else None
    if apposed is not None:  # "le porte-parole de la junte, le général X": the function leads
        first, first_end, function = apposed
        info.role = _role_text(doc, lex, keys, first, comma)
        info.sector = function_sector(lex, doc, keys, function, first_end, comma) or info.sector
        info.country = country_in(lex, keys, first_end, ent.start)
    info.plural = "Plur" in doc[start].morph.get("Number")
    return _international(info)


def body_of(lex: Lexicon, doc: Doc, keys: list[str], start: int,
            end: int) -> tuple[str | None, str | None]:
    """(sector, country) of the first body named in tokens start..end ("de la police de
    Kaboul": COP; "de l'ONU": IGO, no country; "de la Mission ...": IGO), else (None, None);
    adjectives are no bodies ("Force multinationale")."""
    texts, pos = keys.texts, pos_of(doc)
    for i in range(max(start, 0), min(end, len(keys))):
        if pos[i] == "ADJ":
            continue
        hit = match_at(lex, keys, i, {"entry", "role"})
        match = hit[1][0] if hit else None
        if match and match.what == "entry" and match.entry.kind != "person":
            return match.entry.sector, match.entry.country
        if match and match.what == "role" and match.role.kind != "person" and match.role.sector:
            return match.role.sector, None
        if texts[i][:1].isupper() and lex.org_heads.get(keys[i]):
            return lex.org_heads[keys[i]], None
    return None, None


def function_sector(lex: Lexicon, doc: Doc, keys: list[str], role, start: int,
                    end: int) -> str | None:
    """A function with no sector of its own ("porte-parole", "responsable", "chef": GOV or none)
    takes the sector of the body it serves ("porte-parole de la police": COP); a rank or a trade
    keeps its own ("journaliste du Monde": JRN)."""
    if role.sector not in (None, "GOV"):
        return role.sector
    return body_of(lex, doc, keys, start, end)[0] or role.sector


def role_after(lex: Lexicon, keys: list[str], ent: Span) -> RoleInfo | None:
    """An apposition after a person's name ("X, chercheur à l'Université d'Oxford")."""
    doc, i = ent.doc, ent.end
    if i >= len(doc) - 1 or doc[i].text != ",":
        return None
    i += 2 if keys[i + 1] in _DETS else 1
    hit = match_at(lex, keys, i, {"role"}) if i < len(doc) else None
    if not hit or hit[1][0].role.kind != "person":
        return None
    end = _apposition_end(doc, i, APPOSITION_WINDOW)
    role = hit[1][0].role
    # The body may stand further than the country ("porte-parole de la force de la Mission...").
    sector = function_sector(lex, doc, keys, role, hit[0], _apposition_end(doc, i, BODY_WINDOW))
    return _international(RoleInfo(
        role=doc[i:hit[0]].text, sector=sector, kind=role.kind,
        country=country_in(lex, keys, hit[0], end), tokens=(i, hit[0])))


def _apposition_end(doc: Doc, i: int, window: int) -> int:
    end = i + 1
    while end < min(len(doc), i + window) and doc[end].text not in _APPOSITION_ENDS:
        end += 1
    return end


def _international(info: RoleInfo) -> RoleInfo:
    """Someone serving an international body ("porte-parole de l'ONU en Centrafrique") has no
    country from the place where it serves."""
    if info.sector in INTERNATIONAL:
        info.country = None
    return info


def _prev_word(doc: Doc, keys: list[str], start: int) -> str | None:
    i = start - 1
    while i >= 0 and keys[i] in ("la", "le", "l'", "les"):
        i -= 1
    return keys[i] if i >= 0 else None


def _acting_head(lex: Lexicon, head) -> bool:
    if head.dep_ in _ACTING_DEPS:
        return True
    if head.dep_ == "nmod" and head.head.pos_ == "NOUN":
        return _lemma(head.head) in lex.agentive or tkey(head.head.text) in lex.agentive
    if head.dep_ in _OBJECT_DEPS and head.head.pos_ == "VERB":
        return _lemma(head.head) in lex.addressee_verbs
    return False


def _lemma(token) -> str:
    return tkey(token.lemma_ or token.text)


def acts(lex: Lexicon, doc: Doc, keys: list[str], start: int, end: int) -> bool:
    """Whether the country or capital in tokens start..end acts (subject, agent, addressee,
    "la réponse de X", "pour X,", "contre X") rather than being a place ("en Syrie", "à Alep")."""
    head = doc[start:end].root
    prev = _prev_word(doc, keys, start)
    if prev in ("pour", "selon") and end < len(doc) and doc[end].text == ",":
        return True
    if prev == "contre":  # "des sanctions contre Téhéran", "la guerre contre la Russie"
        return True
    if _acting_head(lex, head) or (head.dep_ == "conj" and _acting_head(lex, head.head)):
        return not (prev in lex.place_preps and head.dep_ not in _ACTING_DEPS
                    and _lemma(head.head) not in lex.addressee_verbs)
    return False


def group_extent(lex: Lexicon, doc: Doc, keys: list[str], start: int, end: int):
    """Extend an unnamed group over a demonym or "de (la) <Country>/<Name>" after it.

    Returns:
        (end token, country or None, index of the PER or ORG entity it depends on or None).
    """
    if end < len(doc) and _is_demonym(lex, keys, end):
        return end + 1, match_at(lex, keys, end, {"demonym"})[1][0].iso3, None
    if end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].head.i == end - 1:
        # "deux commandants rebelles", "les militaires putschistes gabonais"
        role = match_at(lex, keys, end, {"role"})
        if role and role[1][0].role.kind != "person":
            after = role[0]
            country = match_at(lex, keys, after, {"demonym"}) if after < len(doc) else None
            return (after + bool(country), country[1][0].iso3 if country else None, None)
    if end < len(doc) - 1 and keys[end] in ("de", "du", "d'", "des"):
        j = end + 1 + (keys[end + 1] in ("la", "l'", "le"))
        hit = match_at(lex, keys, j, {"country"}) if j < len(doc) else None
        if hit:
            return hit[0], hit[1][0].iso3, None
        if j < len(doc) and doc[j].ent_iob_ == "B" and doc[j].ent_type_ in ("PER", "ORG"):
            ent_end = j + 1
            while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            return ent_end, None, j
        hit = match_at(lex, keys, j, {"entry"}) if j < len(doc) else None
        if hit and hit[1][0].entry.kind != "person":  # "les combattants de l'État islamique"
            return hit[0], None, j
    return end, None, None


def unnamed_extent(doc: Doc, keys: list[str], start: int, end: int) -> int:
    """End of an unnamed individual's words: adjectives after the role word and one
    "de (la) <noun>" ("un responsable local", "un porte-parole de l'armée")."""
    while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].head.i < end:
        end += 1
    if end < len(doc) - 1 and keys[end] in ("de", "du", "des", "d'"):
        j = end + 1 + (keys[end + 1] in ("la", "l'", "le"))
        if j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].head.i < j:
            end = j + 1
            while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].head.i == j:
                end += 1
    return end
