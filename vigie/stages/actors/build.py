"""Actors from mention candidates: the records (ActorHit, Cand) and the coreference that merges
candidates into one actor per real-world referent."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from vigie.french.normalize import fold, strip_elision
from vigie.knowledge.models import Entry
from vigie.stages.actors.context import INTERNATIONAL, RoleInfo
from vigie.stages.actors.lexicon import (
    Lexicon,
    char_span,
    span_text,
)
from vigie.stages.common import text_of

LOGGER = logging.getLogger(__name__)
# Key word of generic people ("personnes", "femmes"): they join a population named more precisely.
GENERIC = "*people"
ARMED_GROUPS = {"REB"}  # identified armed groups, whom unidentified armed men (UAF) may be
STATE_FORCES = {"MIL", "COP"}
# Sectors of actors that the story's country does not fit: international bodies, and experts and
# universities, most often quoted from abroad ("Koert Debeuf, chercheur à l'Université
# d'Oxford" in a story about Syria). The others, unknown to the knowledge base and with no
# country word of their own, are the story's (the gold convention: the people and bodies a
# story names are mostly of the country it is about).
FOREIGN_SECTORS = INTERNATIONAL | {"EDU"}


@dataclass
class ActorHit:
    name: str
    kind: str  # person | organization | state | group | population
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    kb_id: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # The mentions that are proper names ("Emmanuel Macron", "l'OSDH", "la Russie"), not
    # descriptions ("le ministre", "les rebelles", "les Russes"): what an entity view counts.
    named_mentions: list[tuple[int, int]] = field(default_factory=list)


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
    describes: bool = False  # a description apposed to a name: its sector is the actor's
    standalone: bool = False  # a title alone that is an actor when it refers to nobody
    stateless: bool = False  # "la Force multinationale mixte": of no one country

    @property
    def proper(self) -> bool:
        """A proper name: neither a role, a description nor a demonym (see `written_as_name`)."""
        return self.named and not self.unnamed


_ARTICLES = ("le ", "la ", "les ", "Le ", "La ", "Les ")
# A surname that opens with a short lower-case particle: "al-Assad", "van Gogh", "ben Salmane".
_PARTICLE_NAME = re.compile(r"^[a-z]{1,4}[- ][A-ZÀ-Ý]")


@lru_cache(maxsize=65536)
def written_as_name(text: str) -> bool:
    """Whether a mention is written as a proper name: capitalised (or a number, "M23") after
    its article ("l'OSDH", "la Russie"; not "exécutif européen", a knowledge-base alias that
    describes)."""
    text = strip_elision(text)
    for article in _ARTICLES:
        text = text.removeprefix(article)
    return text[:1].isupper() or text[:1].isdigit() or bool(_PARTICLE_NAME.match(text))


def _words(folded: str) -> set[str]:
    return set(folded.replace("'", "' ").split())


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
        self.weak: set[int] = set()  # actors named by a member word so far ("soldats")
        self.described: dict[int, str] = {}  # actor -> sector its apposed description says
        self.stateless: set[int] = set()  # actors named as multinational: no story country

    def index_of(self, key: str) -> int | None:
        return self.keys.get(key)

    def add(self, cand: Cand) -> int:
        """Add a mention; returns the actor's index."""
        idx = self.keys.get(cand.key)
        if idx is None:
            idx = len(self.hits)
            self.hits.append(ActorHit(name=cand.name, kind=cand.kind))
            self.keys[cand.key] = idx
            if not cand.named:
                self.weak.add(idx)
        hit = self.hits[idx]
        if cand.unnamed:
            self.unnamed.add(idx)
        if cand.stateless:
            self.stateless.add(idx)
        if cand.describes and cand.sector:
            self.described.setdefault(idx, cand.sector)
        if cand.kb_id and hit.kb_id is None:  # the knowledge base's name, kind, sector win
            hit.name, hit.kind = cand.name, cand.kind
            hit.sector, hit.country = cand.sector or hit.sector, cand.country or hit.country
            self.weak.discard(idx)
        for attr in ("country", "sector", "role", "kb_id"):
            if getattr(hit, attr) is None:
                setattr(hit, attr, getattr(cand, attr))
        for alias in cand.aliases:
            self.keys.setdefault(alias, idx)
        start, end = char_span(self.doc, cand.start, cand.end)
        hit.mentions.append((start, end))
        if cand.proper and written_as_name(text_of(self.doc)[start:end]):
            hit.named_mentions.append((start, end))
        self._rename(idx, cand, text_of(self.doc)[start:end])
        return idx

    def _rename(self, idx: int, cand: Cand, text: str) -> None:
        """The longest name wins; a body's own word wins over its members' ("l'armée tchadienne"
        over "les soldats tchadiens"), with its kind."""
        hit = self.hits[idx]
        if not cand.named or hit.kind == "state":
            return
        if idx in self.weak:
            hit.name, hit.kind = text, cand.kind
            self.weak.discard(idx)
        elif not written_as_name(hit.name) and written_as_name(text):
            # "une coalition, la Force multinationale mixte": the name and its kind
            hit.name, hit.kind = text, cand.kind
        elif hit.kb_id is None and len(text) > len(hit.name):
            hit.name = text

    def _join_generic(self) -> None:
        """Generic people ("deux personnes ont été tuées") join the population of their country
        that the story names more precisely ("les civils"), when there is one."""
        by_key = {idx: key for key, idx in self.keys.items()}
        for key, idx in self.keys.items():
            if not key.startswith(f"grp:{GENERIC}:"):
                continue
            hit = self.hits[idx]
            named = [i for i, other in enumerate(self.hits) if i != idx and other.kind == hit.kind
                     and other.country == hit.country and other.sector == hit.sector
                     and by_key.get(i, "").startswith("grp:")]
            if named:
                target = self.hits[named[0]]
                target.mentions += hit.mentions
                self.hits[idx] = None
        self.hits = [hit for hit in self.hits if hit is not None]  # the keys are not used after

    def _join_unidentified(self) -> None:
        """Unidentified armed men ("des hommes armés", "les assaillants": sector UAF) are the
        one armed group the story has identified: "des djihadistes présumés ont attaqué le camp
        ... des hommes armés ont pris pour cible". Not when the story names two groups, nor when
        a state force acts as a subject just before them (the assailants may be its soldiers);
        with no group, all are the first unidentified ones."""
        groups = [i for i, hit in enumerate(self.hits) if hit.sector in ARMED_GROUPS]
        unidentified = None  # with no group, "les assaillants" are the "hommes armés" before
        for i, hit in enumerate(self.hits):
            if hit.sector != "UAF" or hit.named_mentions or hit.kb_id:
                continue
            found = groups[0] if len(groups) == 1 else None
            if found is not None and self._state_force_acts_before(min(hit.mentions)[0]):
                found = None
            if found is None and not groups:
                found, unidentified = unidentified, unidentified if unidentified is not None else i
            if found is not None:
                self.hits[found].mentions += hit.mentions
                self.hits[i] = None
        self.hits = [hit for hit in self.hits if hit is not None]

    def _state_force_acts_before(self, start: int) -> bool:
        """Whether an army or police actor is a subject in the sentence before `start` or in
        its own sentence ("L'armée a attaqué un campement de rebelles. Les assaillants ...")."""
        doc = self.doc
        token = doc.char_span(start, start + 1, alignment_mode="expand")
        if token is None:
            return False
        sent = token[0].sent
        first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        lo = doc[first].idx
        for hit in self.hits:
            if hit is None or hit.sector not in STATE_FORCES:
                continue
            for s, e in hit.mentions:
                span = doc.char_span(s, e, alignment_mode="expand") if lo <= s < start else None
                if span is not None and span.root.dep_.startswith("nsubj"):
                    return True
        return False

    def _join_roles(self) -> None:
        """An unnamed individual known by a function ("un porte-parole de la junte") is the
        person the text names with that function ("le porte-parole de la junte, le général X"):
        the same function word and sector, one role's words within the other's; not one of
        many civilians ("un habitant du quartier")."""
        unnamed = {idx for key, idx in self.keys.items() if key.startswith("someone:")}
        named = [hit for i, hit in enumerate(self.hits) if hit.kind == "person" and hit.role
                 and i not in unnamed]
        for i, hit in enumerate(self.hits):
            if hit.kind != "person" or not hit.role or i not in unnamed:
                continue
            if hit.sector in (None, "CVL"):  # "un habitant du quartier": one of many
                continue
            words = fold(hit.role).split()
            same = [p for p in named if p.sector == hit.sector
                    and fold(p.role).split()[:1] == words[:1] and (
                _words(fold(p.role)) <= set(words) or set(words) <= _words(fold(p.role)))]
            if len(same) == 1:  # one person with that function: theirs
                same[0].mentions += hit.mentions
                self.hits[i] = None
        self.hits = [hit for hit in self.hits if hit is not None]

    def with_role(self, cand: Cand, titles: dict[str, str], *, after: bool = False) -> int | None:
        """The person mentioned last before `cand` (or, with `after`, nearest to it) whose role
        has the title's words ("le ministre" -> "ministre de la Défense"; "le chef de l'État"
        -> "président", through `titles`, which maps a title to its usual one)."""
        title, start = cand.key.split(":", 1)[1], self.doc[cand.start].idx
        words = _words(titles.get(title, title))
        best, best_gap = None, None
        for i, hit in enumerate(self.hits):
            if hit.kind != "person" or not hit.role or not words <= _words(fold(hit.role)):
                continue
            gaps = [abs(s - start) for s, _ in hit.mentions if after or s < start]
            if gaps and (best_gap is None or min(gaps) < best_gap):
                best, best_gap = i, min(gaps)
        return best

    def finish(self, story: str | None = None) -> list[ActorHit]:
        """Sorted mentions; national institutions, people in a national office and unnamed
        locals with no country get the story's; other people keep none (a foreign researcher
        quoted in a story about Syria is not Syrian), nor do international bodies and their
        people, whatever their seat, nationality or theatre (the UN in the Central African
        Republic, its Portuguese secretary-general)."""
        for i, sector in self.described.items():
            if self.hits[i].kb_id is None:  # "l'UPC, un important groupe rebelle": REB
                self.hits[i].sector = sector
        for i, hit in enumerate(self.hits):
            if hit.sector in INTERNATIONAL:
                hit.country = None
            elif hit.country is None and hit.kb_id is None and i not in self.stateless and (
                    hit.sector not in FOREIGN_SECTORS):
                hit.country = story
        self._join_generic()
        self._join_unidentified()
        self._join_roles()
        for hit in self.hits:
            hit.mentions = sorted(set(hit.mentions))
            hit.named_mentions = sorted(set(hit.named_mentions))
        return sorted(self.hits, key=lambda hit: hit.mentions[0])  # in order of first mention


def _entry_cand(lex: Lexicon, start: int, end: int, entry: Entry, info: RoleInfo | None,
                published: str | None = None) -> Cand:
    """A knowledge-base entry; a person gets the office valid at the publication date; a
    national body ("Forces armées de la RDC") is keyed as that body of its country."""
    info = info or RoleInfo()
    office = entry.office_at(published) if entry.kind == "person" else None
    country = office.country if office and office.country else entry.country
    sector = office.sector if office and office.sector else entry.sector
    held = entry.offices or entry.role
    if entry.kind == "person" and held and office is None and info.sector:
        sector = info.sector  # out of office that day: the text says what they are ("candidat")
    role = office.role if office else entry.role
    body = lex.body_entries.get(entry.id)
    key = f"{body}:{country}" if body else f"kb:{entry.id}"
    return Cand(start, end, key, entry.name, entry.kind, country,
                sector or info.sector, info.role or role, entry.id)


def _state_cand(lex: Lexicon, start: int, end: int, iso3: str) -> Cand:
    country = lex.kb.countries.get(iso3)
    name = country.name if country else iso3
    return Cand(start, end, f"state:{iso3}", name, "state", iso3, "GOV")


def _seat_cand(doc: Doc, start: int, end: int, iso3: str, sector: str) -> Cand:
    """A seat of power that is not the government ("le Pentagone", "la Douma"): that body of the
    country, named as the text names it; the military one joins the armed forces (`mil:`)."""
    return Cand(start, end, f"{sector.lower()}:{iso3}", span_text(doc, start, end),
                "organization", iso3, sector)
