"""Actors: people, organisations, states, groups and populations, with country and sector.

Mentions come from the repaired NER (vigie_entities) and from the knowledge base's name index
(accent and case tolerant); the words around them give unknown people a role, sector and country;
states count as actors only where they act. Coreference is within the document: one ActorHit
per real-world actor with all its mentions (see docs/actors.md for the policies).
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from vigie.french.normalize import fold
from vigie.knowledge.base import Entry
from vigie.stages.actor_context import (
    RoleInfo,
    acts,
    country_in,
    group_extent,
    role_after,
    role_before,
    unnamed_extent,
)
from vigie.stages.actor_filters import (
    aged_person_end,
    credit_tokens,
    is_argument,
    is_count,
    is_indefinite,
    is_individual,
    looks_named,
    reporting_channel,
)
from vigie.stages.actor_lexicon import (
    Lexicon,
    Match,
    char_span,
    doc_keys,
    lexicon,
    match_at,
    scan,
    span_text,
    texts_of,
    tkey,
)
from vigie.stages.actor_text import initials
from vigie.stages.common import article_of, guarded, text_of

LOGGER = logging.getLogger(__name__)
# Sectors of institutions that belong to one country: with no other clue, the story's country.
NATIONAL_SECTORS = {"GOV", "MIL", "JUD", "COP", "LEG"}
# Unnamed people ("un habitant", "un responsable local") of these sectors are locals.
LOCAL_SECTORS = NATIONAL_SECTORS | {"CVL", "OPP", "REB"}


@dataclass
class ActorHit:
    name: str
    kind: str  # person | organization | state | group | population
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kb_id: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Cand:
    """One mention and what it says about its actor, before coreference."""

    start: int  # token span
    end: int
    key: str  # identity of the real-world actor
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kb_id: str | None = None
    aliases: tuple[str, ...] = ()  # other keys that later mentions may use
    named: bool = True  # False for a role-only mention ("le ministre"): never the display name
    unnamed: bool = False  # "un habitant", "les rebelles": may take the story's country


def pick_entry(entries: list[Entry], published: str | None) -> Entry:
    """The entry whose office covers `published` (ISO date), else the latest office.

    Args:
        entries: knowledge-base entries sharing one name.
        published: the article's publication date, or None.

    Returns:
        One entry.
    """
    if published:
        valid = [e for e in entries if (e.start or "") <= published[:10] <= (e.end or "9999")]
        if valid:
            return max(valid, key=lambda e: e.start or "")
        entries = [e for e in entries if (e.start or "") <= published[:10]] or entries
    return max(entries, key=lambda e: (e.end is None, e.start or ""))


class Builder:
    """Merges mention candidates into actors (coreference by key and alias)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.hits: list[ActorHit] = []
        self.keys: dict[str, int] = {}
        self.unnamed: set[int] = set()

    def index_of(self, key: str) -> int | None:
        return self.keys.get(key)

    def add(self, cand: Cand) -> int:
        """Add a mention; returns the actor's index."""
        idx = self.keys.get(cand.key)
        if idx is None:
            idx = len(self.hits)
            self.hits.append(ActorHit(name=cand.name, kind=cand.kind))
            self.keys[cand.key] = idx
        hit = self.hits[idx]
        if cand.unnamed:
            self.unnamed.add(idx)
        for attr in ("country", "sector", "role", "kb_id"):
            if getattr(hit, attr) is None:
                setattr(hit, attr, getattr(cand, attr))
        for alias in cand.aliases:
            self.keys.setdefault(alias, idx)
        start, end = char_span(self.doc, cand.start, cand.end)
        hit.mentions.append((start, end))
        if cand.named and hit.kb_id is None and hit.kind != "state" and end - start > len(hit.name):
            hit.name = text_of(self.doc)[start:end]
        return idx

    def last_with_role(self, cand: Cand) -> int | None:
        """The person last mentioned before `cand` whose role has the same words ("le ministre")."""
        word, start = cand.key.split(":", 1)[1], self.doc[cand.start].idx
        best, best_start = None, -1
        for i, hit in enumerate(self.hits):
            if hit.kind != "person" or not hit.role or word not in fold(hit.role):
                continue
            last = max((s for s, _ in hit.mentions if s < start), default=-1)
            if last > best_start:
                best, best_start = i, last
        return best

    def finish(self, story: str | None = None) -> list[ActorHit]:
        """Sorted mentions; national institutions, people in a national office and unnamed
        locals with no country get the story's; other people keep none (a foreign researcher
        quoted in a story about Syria is not Syrian)."""
        for i, hit in enumerate(self.hits):
            hit.mentions = sorted(set(hit.mentions))
            local = i in self.unnamed and hit.sector in LOCAL_SECTORS
            national = hit.sector in NATIONAL_SECTORS or local
            if hit.country is None and hit.kb_id is None and national:
                hit.country = story
        return self.hits


def _entry_cand(start: int, end: int, entry: Entry, info: RoleInfo | None,
                published: str | None = None) -> Cand:
    """A knowledge-base entry; a person gets the office valid at the publication date."""
    info = info or RoleInfo()
    office = entry.office_at(published) if entry.kind == "person" else None
    country = office.country if office and office.country else entry.country
    sector = office.sector if office and office.sector else entry.sector
    role = office.role if office else entry.role
    return Cand(start, end, f"kb:{entry.id}", entry.name, entry.kind, country,
                sector or info.sector, info.role or role, entry.id)


def _state_cand(lex: Lexicon, start: int, end: int, iso3: str, military: bool) -> Cand:
    country = lex.kb.countries.get(iso3)
    name = country.name if country else iso3
    if military:
        return Cand(start, end, f"mil:{iso3}", name, "organization", iso3, "MIL")
    return Cand(start, end, f"state:{iso3}", name, "state", iso3, "GOV")


class Finder:
    """Finds the actor candidates of one doc, in text order."""

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc, self.lex = doc, lex
        self.keys = doc_keys(doc)
        self.published = article_of(doc).get("published")
        self.kb_hits = scan(lex, doc, {"entry", "country", "metonym", "demonym"})
        self.story = self._story_country()
        self.used: set[int] = set()  # tokens already part of a mention or a role phrase
        self.used |= credit_tokens(doc)  # bylines and credits name no actor

    def _story_country(self) -> str | None:
        counts = Counter()
        for _, _, matches in self.kb_hits:
            m = matches[0]
            if m.entry is not None and m.entry.sector == "MED":
                continue  # the agency that reports the story ("a déclaré à l'AFP") is no clue
            counts[m.iso3 or (m.entry.country if m.entry else None)] += 1
        counts.pop(None, None)
        return counts.most_common(1)[0][0] if counts else None

    def _kb_hit_in(self, start: int, end: int) -> tuple[int, int, Match] | None:
        for s, e, matches in self.kb_hits:
            if s < end and start < e and matches[0].what == "entry":
                return s, e, matches[0]
        return None

    def _person(self, ent: Span) -> Cand:
        nxt = self._next_person(ent)
        if nxt is not None:  # "(russe Vladimir) Poutine": the given name joins the person
            cand = self._person(nxt)
            cand.start, cand.end = ent.start, ent.end
            return cand
        # An apposition between commas is a surer sign than a noun before the name ("juge X").
        info = role_after(self.lex, self.keys, ent) or role_before(self.lex, self.keys, ent)
        if info and info.tokens:
            self.used.update(range(*info.tokens))
        hit = self._kb_hit_in(ent.start, ent.end)
        if hit and hit[2].entry.kind == "person":
            entry = pick_entry(self.lex.kb.lookup(self.doc[hit[0]:hit[1]].text) or [hit[2].entry],
                               self.published)
            return _entry_cand(ent.start, ent.end, entry, info, self.published)
        info = info or RoleInfo()
        surname = self.keys[ent.end - 1]
        return Cand(ent.start, ent.end, f"per:{surname}", ent.text, "person", info.country,
                    info.sector, info.role)

    def _next_person(self, ent: Span) -> Span | None:
        if len(ent) > 1 or self.keys[ent.start] not in self.lex.first_names:
            return None
        after = [e for e in self.doc.ents if ent.end <= e.start <= ent.end + 2]
        return after[0] if after and after[0].label_ == "PER" else None

    def _organization(self, ent: Span) -> Cand | None:
        hit = self._kb_hit_in(ent.start, ent.end)
        if hit and hit[2].entry.sector == "MED" and reporting_channel(self.doc, self.keys,
                                                                      ent.start):
            return None
        if hit:
            return _entry_cand(ent.start, ent.end, hit[2].entry, None)
        head = self.keys[ent.start]
        if head not in self.lex.org_heads and not looks_named(ent):
            return None
        country = country_in(self.lex, self.keys, ent.start, ent.end, {"demonym"})
        key = f"org:{' '.join(self.keys[ent.start:ent.end])}"
        return Cand(ent.start, ent.end, key, ent.text, "organization", country,
                    self.lex.org_heads.get(head), aliases=(f"org:{tkey(initials(ent.text))}",))

    def named(self) -> list[Cand]:
        """Candidates from PER and ORG entities."""
        out = []
        for ent in self.doc.ents:
            if self.used & set(range(ent.start, ent.end)):
                continue
            if ent.label_ == "PER":
                out.append(self._person(ent))
            elif ent.label_ == "ORG" and not self._is_place_kb(ent) and not self._is_role(ent):
                org = self._organization(ent)
                out.extend([org] if org else [])
            else:
                continue
            self.used.update(range(ent.start, ent.end))
        return out

    def _is_role(self, ent: Span) -> bool:
        """An ORG entity that is a person's title ("ministre des Affaires étrangères")."""
        hit = match_at(self.lex, self.keys, ent.start, {"role"})
        return bool(hit) and hit[1][0].role.kind == "person"

    def _is_place_kb(self, ent: Span) -> bool:
        """An ORG entity that is only a country or capital name (handled by `states`)."""
        return any(s <= ent.start and ent.end <= e and m[0].what != "entry"
                   for s, e, m in self.kb_hits)

    def states(self) -> list[Cand]:
        """Knowledge-base names outside PER/ORG entities: entries, acting states, demonyms."""
        out = []
        for start, end, matches in self.kb_hits:
            if self.used & set(range(start, end)):
                continue
            cand = self._kb_cand(start, end, matches[0])
            if cand:
                out.append(cand)
                self.used.update(range(start, end))
        return out

    def _kb_cand(self, start: int, end: int, m: Match) -> Cand | None:
        doc = self.doc
        if m.what == "entry":
            if m.entry.sector == "MED" and reporting_channel(doc, self.keys, start):
                return None
            entry = pick_entry(self.lex.kb.lookup(doc[start:end].text) or [m.entry], self.published)
            return _entry_cand(start, end, entry, None, self.published)
        if m.what == "demonym":
            noun = doc[start].text[:1].isupper() and doc[start].pos_ in ("NOUN", "PROPN")
            return _state_cand(self.lex, start, end, m.iso3, False) if noun else None
        seat = m.what == "metonym" and start > 0 and self.keys[start - 1] in ("le", "la", "l'")
        if seat or acts(self.lex, doc, self.keys, start, end):
            military = m.what == "metonym" and (self.keys[start] in self.lex.mil_metonyms or (
                self.lex.kb.metonym(doc[start:end].text) or (None, "GOV"))[1] == "MIL")
            return _state_cand(self.lex, start, end, m.iso3, military)
        return None

    def groups(self) -> list[Cand]:
        """Unnamed actors coded by role words ("les rebelles", "l'aviation russe")."""
        out = []
        for start, end, matches in scan(self.lex, self.doc, {"role"}):
            if self.used & set(range(start, end)) or self.doc[start].pos_ not in ("NOUN", "PROPN"):
                continue
            cand = self._group(start, end, matches[0].role)
            if cand is not None:
                out.append(cand)
                self.used.update(range(cand.start, cand.end))
        return out

    def _group(self, start: int, end: int, role) -> Cand | None:
        doc = self.doc
        head = doc[start:end].root
        if role.kind == "person":
            if is_indefinite(head):  # "un responsable local", "une source diplomatique"
                return self._someone(start, end, role)
            text = span_text(doc, start, end)
            return Cand(start, end, f"role:{fold(text)}", text, "person", named=False)
        end, country, per = group_extent(self.lex, doc, self.keys, start, end)
        if per is not None:
            country = self._country_of_person(per)
        # A toll or a bare noun ("dont 10 blessés", "24 blessés"), not an actor; a qualified
        # count is a group that acts ("33 otages israéliens").
        toll = self.keys[head.i] in self.lex.toll_nouns and is_count(head)
        if country is None and per is None and (toll or not is_argument(head, self.lex.agentive)):
            return None
        individual = role.kind in ("group", "population")
        if individual and is_individual(head, self.lex.collective_nouns, self.keys[head.i]):
            return self._someone(start, end, role)  # "un policier", "le gendarme"
        country = country or self.story
        key = tkey(head.lemma_ or self.keys.texts[start])
        return Cand(start, end, f"grp:{key}:{country}", span_text(doc, start, end), role.kind,
                    country, role.sector, None, unnamed=True)

    def aged(self) -> list[Cand]:
        """Unnamed individuals known by their age ("un homme de 27 ans")."""
        out = []
        texts = self.keys.texts
        for i, key in enumerate(self.keys):
            end = aged_person_end(self.keys, texts, i) if key in self.lex.aged_nouns else None
            if end is None or self.used & set(range(i, end)):
                continue
            text = self.doc[i:end].text
            out.append(Cand(i, end, f"someone:{fold(text)}", text, "person", unnamed=True))
            self.used.update(range(i, end))
        return out

    def _someone(self, start: int, end: int, role) -> Cand:
        """An unnamed individual, one actor per wording ("un porte-parole de l'armée")."""
        role_end, end = end, unnamed_extent(self.doc, self.keys, start, end)
        country = country_in(self.lex, self.keys, start, end)
        text = self.doc[start:end].text
        return Cand(start, end, f"someone:{fold(text)}", text, "person", country,
                    self._body_sector(role_end, end) or role.sector, text, unnamed=True)

    def _body_sector(self, start: int, end: int) -> str | None:
        """The sector of the body an unnamed person speaks for ("porte-parole de l'armée": MIL)."""
        for i in range(start, end):
            hit = match_at(self.lex, self.keys, i, {"role"})
            if hit and hit[1][0].role.kind != "person" and hit[1][0].role.sector:
                return hit[1][0].role.sector
        return None

    def _country_of_person(self, token: int) -> str | None:
        hit = self._kb_hit_in(token, token + 1)
        return hit[2].entry.country if hit else None


def _ordered(finder: Finder) -> list[Cand]:
    cands = finder.named()
    cands += finder.states()
    cands += finder.groups()
    cands += finder.aged()
    return sorted(cands, key=lambda c: c.start)


def _resolve_key(builder: Builder, cand: Cand, doc: Doc) -> Cand:
    """Point a surname-only or acronym mention at the actor it abbreviates."""
    if cand.key.startswith(("per:", "org:")) and cand.key not in builder.keys:
        short = cand.key.split(":", 1)[1]
        for key in (f"per:{short}", f"org:{short}"):
            if key in builder.keys:
                cand.key = key
                break
    return cand


def _surname_aliases(cand: Cand, doc: Doc, keys: list[str]) -> Cand:
    if cand.kind == "person" and cand.end - cand.start > 1:
        cand.aliases = (*cand.aliases, f"per:{keys[cand.end - 1]}")
    if cand.kind == "organization":
        cand.aliases = (*cand.aliases, *_parenthesised(doc, keys, cand.end))
    return cand


def _parenthesised(doc: Doc, keys: list[str], end: int) -> tuple[str, ...]:
    texts = texts_of(doc)
    if end + 2 < len(texts) and texts[end] == "(" and texts[end + 2] == ")":
        return (f"org:{keys[end + 1]}",)
    return ()


def find_actors(doc: Doc, lex: Lexicon) -> list[ActorHit]:
    """One entry per real-world actor named in the doc, with all its mentions.

    Args:
        doc: a doc with repaired entities (vigie_entities).
        lex: the actors lexicon and knowledge-base index.

    Returns:
        Actors in order of first mention.
    """
    finder = Finder(doc, lex)
    builder = Builder(doc)
    for cand in _ordered(finder):
        if cand.key.startswith("role:"):
            idx = builder.last_with_role(cand)
            if idx is not None:  # a role with no actor to refer to is left out
                cand.key = next(k for k, v in builder.keys.items() if v == idx)
                builder.add(cand)
            continue
        cand = _surname_aliases(cand, doc, finder.keys)
        builder.add(_resolve_key(builder, cand, doc))
    _bare_acronyms(builder, finder)
    return builder.finish(finder.story)


def _bare_acronyms(builder: Builder, finder: Finder) -> None:
    """Acronyms the NER missed ("selon l'OSDH") once their expansion has been seen."""
    for i, text in enumerate(finder.keys.texts):
        if len(text) < 2 or not text.isupper() or i in finder.used:
            continue
        key = f"org:{finder.keys[i]}"
        if key in builder.keys:
            builder.add(Cand(i, i + 1, key, text, "organization", named=False))


_MENTIONS_KEY = ("vigie", "actor_mentions")


def _mention_index(doc: Doc) -> tuple[list[tuple[int, int, int]], list[int], int]:
    """Every actor mention as (start, end, actor index), sorted, with the starts and the longest
    mention's length; built once per actors list (other stages call `actor_at` very often)."""
    actors = doc._.vigie_actors or []
    cached = doc.user_data.get(_MENTIONS_KEY)
    if cached is None or cached[0] is not actors or cached[1] != len(actors):
        spans = sorted((s, e, i) for i, actor in enumerate(actors) for s, e in actor.mentions)
        longest = max((e - s for s, e, _ in spans), default=0)
        cached = doc.user_data[_MENTIONS_KEY] = (actors, len(actors), spans,
                                                 [s for s, _, _ in spans], longest)
    return cached[2:]


def actor_at(doc: Doc, start: int, end: int) -> int | None:
    """Index in doc._.vigie_actors of the actor whose mention overlaps text[start:end] best.

    Args:
        doc: a doc processed by vigie_actors.
        start: character offset.
        end: character offset (exclusive).

    Returns:
        The actor's index (the first actor on a tie), or None when no mention overlaps.
    """
    spans, starts, longest = _mention_index(doc)
    best, best_overlap = None, 0
    # Only mentions starting within `longest` characters before `start` can reach it.
    for s, e, i in spans[bisect_left(starts, start - longest):bisect_left(starts, end)]:
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap or (overlap == best_overlap and best is not None and i < best):
            best, best_overlap = i, overlap
    return best


_PLURAL_KINDS = {"group", "population", "state", "organization"}
_SINGULAR_KINDS = {"person", "organization", "state"}


def resolve_pronoun(doc: Doc, token_index: int) -> int | None:
    """The last person or organisation actor mentioned before a pronoun.

    Number is matched cheaply: "ils/elles" look for groups, populations, states and
    organisations; "il/elle" for people, organisations and states.

    Args:
        doc: a doc processed by vigie_actors.
        token_index: index of the pronoun token.

    Returns:
        The actor's index, or None.
    """
    token = doc[token_index]
    kinds = _PLURAL_KINDS if "Plur" in token.morph.get("Number") else _SINGULAR_KINDS
    best, best_end = None, -1
    for i, actor in enumerate(doc._.vigie_actors or []):
        if actor.kind not in kinds:
            continue
        ends = [s for s, _ in actor.mentions if s < token.idx]
        if ends and max(ends) > best_end:
            best, best_end = i, max(ends)
    return best


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, *, kb_files: list[str]):
        self.name = name
        self.kb_files = kb_files
        self.lex = lexicon(nlp, tuple(kb_files))

    def __call__(self, doc: Doc) -> Doc:
        doc._.vigie_actors = guarded(doc, self.name, lambda: find_actors(doc, self.lex), [])
        return doc


@Language.factory(
    "vigie_actors",
    requires=["doc.ents"],
    assigns=["doc._.vigie_actors"],
    default_config={"kb_files": []},
)
def make_actors(nlp: Language, name: str, kb_files: list[str]) -> ActorsComponent:
    return ActorsComponent(nlp, name, kb_files=kb_files)
