"""Participants that are no actor yet become one: whatever fills an agent, patient, speaker or
claimant slot ("la préfecture, qui souligne", "un représentant du mouvement a démenti",
"des villageois enlevés par X") is an actor, named or not, with kind, country and sector read
from its phrase."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from vigie.knowledge import load_kb
from vigie.stages.actors.build import ActorHit
from vigie.stages.actors.filters import credit_tokens, thing_acronyms
from vigie.stages.actors.lexicon import doc_keys, match_at
from vigie.stages.actors.lookup import actor_at
from vigie.stages.arguments.clauses import antecedent, case_of, children
from vigie.stages.arguments.frames import words_of
from vigie.stages.common import lowers_of, text_of

_ACTORS_LEXICON_KEY = ("vigie", "actors_lexicon")
_PARTITIVES = {"un", "une", "l'un", "l'une", "aucun", "aucune", "chacun", "chacune"}
_OF = {"de", "des", "du", "d'", "d’"}
_DEFINITE = {"le", "la", "l'", "l’"}
# Dependents kept in a participant's name: its adjectives, name parts and "de X" complements.
_NAME_DEPS = {"amod", "flat:name", "flat", "compound", "fixed", "nmod", "case", "det"}
# What a participant's name never opens with.
_LEADING = {"DET", "ADP", "PUNCT", "CCONJ"}
NAMED_KIND = {"PER": "person", "ORG": "organization", "MISC": "organization"}


def set_actors_lexicon(doc: Doc, lex) -> None:
    doc.user_data[_ACTORS_LEXICON_KEY] = lex


def _name_span(token: Token) -> tuple[int, int]:
    """Token bounds of the participant's name: the head and its qualifying dependents."""
    start = end = token.i
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ == "nmod" and (case_of(child) not in _OF or _after_adverb(child)):
                continue  # "personnes dans le village", "près de la frontière": a place
            if child.dep_ in _NAME_DEPS and abs(child.i - token.i) <= 8:
                start, end = min(start, child.i), max(end, child.i)
                stack.append(child)
    doc = token.doc
    while start < token.i and doc[start].pos_ in _LEADING:
        start += 1
    while end > token.i and doc[end].pos_ in _LEADING:
        end -= 1
    return start, end + 1


def _after_adverb(token: Token) -> bool:
    """A "de X" opened by an adverb ("près de", "loin de", "autour de"): a where, not a whose."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].pos_ == "ADV"


def _name(token: Token, human_only: bool) -> bool:
    """A proper name the NER left unlabelled ("Vinci Autoroutes"), accepted as a speaker or
    claimant (`human_only` False), never as an event participant."""
    return not human_only and token.pos_ == "PROPN" and token.ent_type_ not in ("LOC", "GPE")


def _overlaps_facts(doc: Doc, start: int, end: int) -> bool:
    """Whether the phrase is a place or a time mention already (never an actor)."""
    spans = [m for place in doc._.vigie_places or [] for m in place.mentions]
    spans += [(t.start, t.end) for t in doc._.vigie_times or []]
    return any(s < end and start < e for s, e in spans)


def _country(doc: Doc, start: int, end: int) -> str | None:
    """A nationality or country named in the phrase ("des civils *syriens*")."""
    kb = load_kb()
    for token in doc[start:end]:
        if token.pos_ in ("ADJ", "PROPN"):
            country = kb.country_by_name(token.text)
            if country is not None:
                return country.iso3
    return None


def _story_country(doc: Doc) -> str | None:
    counts = Counter(a.country for a in doc._.vigie_actors or [] if a.country)
    return counts.most_common(1)[0][0] if counts else None


def _same_referent(actors: list, name: str, kind: str, proper: bool) -> int | None:
    """An actor the phrase names again: the same description ("son ami" ... "son ami"), or a
    person's surname alone ("Ouedraogo" after "Abdoul Aziz Ouedraogo")."""
    lower = name.lower()
    for i, actor in enumerate(actors):
        known = (actor.name or "").lower()
        if known == lower and actor.kind == kind and (proper or not actor.named_mentions):
            return i
        if proper and actor.kind == "person" and " " in known and known.endswith(" " + lower):
            return i
    return None


def _population(actors: list, sector: str | None, country: str | None) -> int | None:
    """The story's unnamed population of that sector and country, if it has one: counted and
    uncounted descriptions of civilians ("les habitants", "des personnes") are one referent."""
    for i, actor in enumerate(actors):
        if (actor.kind == "population" and actor.sector == sector and not actor.named_mentions
                and actor.country in (country, None)):
            return i
    return None


def role_of(token: Token):
    """The actors lexicon's role at the token ("président": a GOV person), or None."""
    lex = token.doc.user_data.get(_ACTORS_LEXICON_KEY)
    found = match_at(lex, doc_keys(token.doc), token.i, {"role"}) if lex is not None else None
    return found[1][0].role if found else None


def referent(token: Token) -> Token:
    """The phrase that names who speaks or acts: "l'un des organisateurs" -> organisateurs;
    "un communiqué de l'armée", "le rapport de l'ONU" -> the body the document comes from;
    "un groupe de soldats", "des membres de la garde" -> the soldiers, the guard."""
    words = words_of(token.doc)
    nouns = words.document_nouns | words.collective_nouns
    if token.lower_ in _PARTITIVES or token.lemma_.lower() in nouns:
        for kid in children(token, {"nmod"}):
            if kid.i > token.i and case_of(kid) in _OF:
                return kid
    return token


def _title_anaphor(doc: Doc, token: Token) -> int | None:
    """"Le général" after "le général Issa Diallo": a definite title refers back to the last
    person introduced with it (the title right before the name's first word)."""
    if token.pos_ != "NOUN" or not any(c.lower_ in _DEFINITE for c in token.children):
        return None
    lowers = lowers_of(doc)
    for i in range(token.i - 1, -1, -1):
        if lowers[i] == token.lower_ and i + 1 < len(doc):
            following = doc[i + 1]
            found = actor_at(doc, following.idx, following.idx + len(following))
            if found is not None and doc._.vigie_actors[found].kind == "person":
                actor = doc._.vigie_actors[found]
                actor.mentions = sorted({*actor.mentions, (token.idx, token.idx + len(token))})
                return found
    return None


def _seat_of_power(doc: Doc, token: Token, capitals: bool = True) -> int | None:
    """A country, its capital or seat of power, or its adjective on an act, in an argument slot
    stands for its state ("des sanctions contre Téhéran", "contre l'Iran", "Washington a
    dénoncé", "les frappes israéliennes"): the state's actor, given this mention."""
    kb = load_kb()
    if token.pos_ == "PROPN":
        found = kb.metonym(token.text)
        if found is not None and not capitals:
            return None  # "l'attentat a frappé Kaboul": the city is hit, not the government
        country = kb.country_by_name(token.text) if found is None else None
        found = found or ((country, "GOV") if country is not None else None)
    elif token.pos_ == "ADJ" and token.dep_ == "amod":  # "des sanctions *américaines*"
        country = kb.country_by_name(token.text)
        found = (country, "GOV") if country is not None else None
    else:
        return None
    if found is None:
        return None
    country, sector = found
    mention = (token.idx, token.idx + len(token))
    actors = doc._.vigie_actors
    for i, actor in enumerate(actors):
        if actor.kind == "state" and actor.country == country.iso3:
            actor.mentions.append(mention)
            actor.mentions.sort()
            return i
    actors.append(ActorHit(name=country.name, kind="state", country=country.iso3,
                           sector=sector, mentions=[mention], named_mentions=[mention]))
    return len(actors) - 1


def newcomer(doc: Doc, token: Token | None, *, human_only: bool,
             capitals: bool = True, counted: bool = False) -> int | None:
    """Add the participant headed by `token` as an actor; its index, or None when the phrase
    cannot be an actor: a pronoun, a place or time, a credit, a noun that names no person or
    body ("l'explosion a tué", "pour sa part"), or with `human_only` an unlabelled proper name.
    With `capitals` False, a capital stays a place (the target of a strike). With `counted`, a
    counted phrase is a participant too ("57 personnes" hit by an attack are its target)."""
    if token is None:
        return None
    token = antecedent(token)
    state = _seat_of_power(doc, token, capitals)
    if state is not None:
        return state
    token = referent(token)  # "l'un des organisateurs": the organisers
    if token.pos_ not in ("NOUN", "PROPN") or token.like_num:
        return None
    named = _title_anaphor(doc, token)
    if named is not None:
        return named
    role = role_of(token)
    label = token.ent_type_
    if role is None and label not in NAMED_KIND and not _name(token, human_only):
        return None
    if token.i in credit_tokens(doc):
        return None  # a byline or credit ("par Jean Dupont") names the author, not an actor
    if token.text.isupper() and token.text in thing_acronyms(doc):
        return None  # "un tir de lanceur de balles de défense (LBD)": a weapon
    if not counted and any(c.dep_ == "nummod" for c in token.children):
        return None  # "12 personnes": a toll, not an actor (the Actors stage's policy)
    start, end = _name_span(token)
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    forces = words_of(doc).natural_forces
    if _overlaps_facts(doc, first, last) or any(t.lower_ in forces for t in doc[start:end]):
        return None
    if role is not None:
        kind = role.kind
    elif label in NAMED_KIND:
        kind = NAMED_KIND[label]
    else:
        kind = "organization" if "Sing" in token.morph.get("Number") else "group"
    country = _country(doc, start, end)
    if country is None and (role is None or role.kind != "person" or role.sector):
        country = _story_country(doc)
    actors = doc._.vigie_actors
    name = text_of(doc)[first:last]
    same = _same_referent(actors, name, kind, token.pos_ == "PROPN")
    if same is not None:  # "son ami" twice, "M. Ouedraogo" after "Abdoul Aziz Ouedraogo"
        actors[same].mentions = sorted({*actors[same].mentions, (first, last)})
        if token.pos_ == "PROPN":
            actors[same].named_mentions = sorted({*actors[same].named_mentions, (first, last)})
        return same
    if role is not None and kind == "population":
        same = _population(actors, role.sector, country)
        if same is not None:  # "57 personnes" killed among "les habitants": one population
            actors[same].mentions = sorted({*actors[same].mentions, (first, last)})
            return same
    actors.append(ActorHit(
        name=name, kind=kind,
        country=country, sector=role.sector if role else None, mentions=[(first, last)],
        named_mentions=[(first, last)] if token.pos_ == "PROPN" else [],
    ))
    return len(actors) - 1
