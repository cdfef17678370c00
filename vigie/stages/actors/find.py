"""Finding actor mentions in a Doc (named entities, the knowledge base's names, states, groups,
unnamed people) and building the actors of the document (see docs/actors.md)."""

from __future__ import annotations

import logging
from collections import Counter

from spacy.tokens import Doc, Span

from vigie.french.normalize import fold
from vigie.knowledge.models import Role
from vigie.stages.actors.build import (
    GENERIC,
    ActorHit,
    Builder,
    Cand,
    _entry_cand,
    _seat_cand,
    _state_cand,
    pick_entry,
)
from vigie.stages.actors.context import (
    RoleInfo,
    acts,
    body_of,
    country_in,
    function_sector,
    group_extent,
    role_after,
    role_before,
    unnamed_extent,
)
from vigie.stages.actors.corefer import (
    apposed,
    members,
    refers_back,
    resolve_key,
    short_names,
    surname_aliases,
)
from vigie.stages.actors.filters import (
    aged_person_end,
    credit_tokens,
    is_argument,
    is_count,
    is_indefinite,
    is_individual,
    is_noun,
    is_quantified,
    is_state,
    looks_named,
    reporting_channel,
    thing_acronyms,
)
from vigie.stages.actors.initials import initials
from vigie.stages.actors.lexicon import (
    Lexicon,
    Match,
    doc_keys,
    match_at,
    scan,
    span_text,
    tkey,
)
from vigie.stages.actors.media import media_cands, media_names
from vigie.stages.common import article_of

LOGGER = logging.getLogger(__name__)
_POSSESSIVES = {"son", "sa", "ses", "leur", "leurs"}


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
        self.inner: set[int] = set()  # first tokens of names inside a group's words
        self.listing: tuple[RoleInfo | None, int] = (None, 0)  # a plural title and its list's end
        self.media: dict[str, str] = {}  # folded name -> key of a medium named after its noun
        self.things = thing_acronyms(doc)  # "(LBD)" after lower-case words: no organisation

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
        before = role_before(self.lex, self.keys, ent)
        if before and before.tokens:  # "le lieutenant-colonel X, porte-parole de ...": his rank
            self.used.update(range(*before.tokens))
        info = role_after(self.lex, self.keys, ent) or before or self._listed_role(ent)
        if info and info.tokens:
            self.used.update(range(*info.tokens))
            self._possessor(info)
        nationality = self._nationality(ent.start)
        if nationality:  # "la Française Marion X": her country, not the state acting
            info = info or RoleInfo()
            info.country = info.country or nationality
        self.listing = (info if info and (info.plural or info.tokens is None) else None, ent.end)
        hit = self._kb_hit_in(ent.start, ent.end)
        if hit and hit[2].entry.kind == "person":
            entry = pick_entry(self.lex.kb.lookup(self.doc[hit[0]:hit[1]].text) or [hit[2].entry],
                               self.published)
            return _entry_cand(self.lex, ent.start, ent.end, entry, info, self.published)
        info = info or RoleInfo()
        surname = self.keys[ent.end - 1]
        return Cand(ent.start, ent.end, f"per:{surname}", ent.text, "person", info.country,
                    info.sector, info.role)

    def _possessor(self, info: RoleInfo) -> None:
        """"son porte-parole X": a function with no sector of its own serves the known actor
        named last before it in the sentence (its sector and country)."""
        start = info.tokens[0]
        if start == 0 or self.keys[start - 1] not in _POSSESSIVES or info.sector not in (
                None, "GOV"):
            return
        sent_start = self.doc[start].sent.start
        for i in range(start - 2, sent_start - 1, -1):
            hit = self._kb_hit_in(i, i + 1) if self.doc[i].ent_type_ in ("PER", "ORG") else None
            if hit:
                entry = hit[2].entry
                office = entry.office_at(self.published) if entry.kind == "person" else None
                info.sector = (office.sector if office and office.sector else entry.sector)
                info.country = None if info.sector == "IGO" else entry.country
                return

    def _listed_role(self, ent: Span) -> RoleInfo | None:
        """The role of a list after a plural title ("les dessinateurs X, Y et Z": Y, Z too)."""
        info, last = self.listing
        between = self.keys.texts[last:ent.start]
        if info is None or len(between) != 1 or between[0] not in (",", "et"):
            return None
        return RoleInfo(info.role, info.sector, info.kind, info.country)

    def _nationality(self, start: int) -> str | None:
        """A capitalised demonym noun right before a name ("la Française X"), marked used."""
        i = start - 1
        hit = match_at(self.lex, self.keys, i, {"demonym"}) if i >= 0 else None
        if not hit or hit[0] != start or not self.keys.texts[i][:1].isupper():
            return None
        self.used.add(i)
        return hit[1][0].iso3

    def _next_person(self, ent: Span) -> Span | None:
        if len(ent) > 1 or self.keys[ent.start] not in self.lex.first_names:
            return None
        after = [e for e in self.doc.ents if ent.end <= e.start <= ent.end + 2]
        return after[0] if after and after[0].label_ == "PER" else None

    def _organization(self, ent: Span) -> Cand | None:
        hit = self._kb_hit_in(ent.start, ent.end)
        media = bool(hit) and hit[2].entry.sector == "MED"
        if reporting_channel(self.doc, self.keys, ent.start, ent.end, self.lex.speech_verbs,
                             media=media):
            return None
        if hit:
            return _entry_cand(self.lex, ent.start, ent.end, hit[2].entry, None)
        head = self.keys[ent.start]
        if head not in self.lex.org_heads and not looks_named(ent) or ent.text in self.things:
            return None  # "armé"; "des lanceurs de balles de défense (LBD)"
        country = country_in(self.lex, self.keys, ent.start, ent.end, {"demonym"})
        key = f"org:{' '.join(self.keys[ent.start:ent.end])}"
        return Cand(ent.start, ent.end, key, ent.text, "organization", country,
                    self._org_sector(ent), aliases=(f"org:{tkey(initials(ent.text))}",),
                    stateless=bool(self.lex.supranational & set(self.keys[ent.start:ent.end])))

    def _org_sector(self, ent: Span) -> str | None:
        """A body's role words opening the name say more than its head word ("Conseil
        constitutionnel": JUD, not the GOV of "conseil"; "Garde nationale X": MIL)."""
        hit = match_at(self.lex, self.keys, ent.start, {"role"})
        role = hit[1][0].role if hit and hit[0] > ent.start + 1 else None
        if role is not None and role.kind != "person" and role.sector:
            return role.sector
        head = self.lex.org_heads.get(self.keys[ent.start])
        # "Inspection générale de la Police nationale": the body inside says what it is
        return head or body_of(self.lex, self.doc, self.keys, ent.start + 1, ent.end)[0]

    def media_named(self) -> list[Cand]:
        """Media named after a noun of media ("la chaîne d'information X")."""
        known = {t for s, e, m in self.kb_hits if m[0].what == "entry" for t in range(s, e)}
        out = media_cands(self.doc, self.lex, self.keys, self.used, known)
        self.media = media_names(out)
        return out

    def named(self) -> list[Cand]:
        """Candidates from PER and ORG entities."""
        out = []
        for ent in self.doc.ents:
            if self.used & set(range(ent.start, ent.end)):
                continue
            medium = self.media.get(fold(ent.text))
            if medium is not None:  # a medium named before after its noun: "par X"
                out.append(Cand(ent.start, ent.end, medium, ent.text, "organization",
                                sector="MED"))
            elif ent.label_ == "PER":
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
            if m.entry.sector == "MED" and reporting_channel(doc, self.keys, start, end,
                                                             self.lex.speech_verbs):
                return None
            entry = pick_entry(self.lex.kb.lookup(doc[start:end].text) or [m.entry], self.published)
            return _entry_cand(self.lex, start, end, entry, None, self.published)
        if m.what == "demonym":
            noun = doc[start].text[:1].isupper() and doc[start].pos_ in ("NOUN", "PROPN")
            head = doc[start].head
            if not noun or (head.i < start and head.pos_ == "NOUN"):  # "l'océan Indien"
                return None
            cand = _state_cand(self.lex, start, end, m.iso3)
            cand.named = False  # "les Russes" stands for the state but is no name of it
            return cand
        seat = m.what == "metonym" and start > 0 and self.keys[start - 1] in ("le", "la", "l'")
        if m.article and not seat:
            return None  # "Douma" alone is the town; "la Douma" the parliament
        if seat or acts(self.lex, doc, self.keys, start, end):
            sector = self._seat_sector(start, end) if m.what == "metonym" else "GOV"
            if sector != "GOV":
                return _seat_cand(doc, start, end, m.iso3, sector)
            return _state_cand(self.lex, start, end, m.iso3)
        return None

    def _seat_sector(self, start: int, end: int) -> str:
        if self.keys[start] in self.lex.mil_metonyms:
            return "MIL"
        return (self.lex.kb.metonym(span_text(self.doc, start, end)) or (None, "GOV"))[1]

    def groups(self) -> list[Cand]:
        """Unnamed actors coded by role words ("les rebelles", "l'aviation russe")."""
        out = []
        for start, end, matches in scan(self.lex, self.doc, {"role"}):
            if self.used & set(range(start, end)) or not is_noun(self.doc, start):
                continue
            cand = self._group(start, end, matches[0].role)
            if cand is not None:
                out.append(cand)
                self.used.update(range(cand.start, cand.end))
        return out

    def _group(self, start: int, end: int, role) -> Cand | None:
        doc = self.doc
        head = doc[start:end].root
        plural = "Plur" in head.morph.get("Number")
        if role.kind == "person" and not plural:
            if is_indefinite(head):  # "un responsable local", "une source diplomatique"
                return self._someone(start, end, role)
            return self._titled(start, end, role, head)
        if role.kind == "person":  # "des députés", "les hauts fonctionnaires": a group
            role = Role(role.words, role.sector, "group")
        if role.sector == "MED" and reporting_channel(doc, self.keys, start, end,
                                                      self.lex.speech_verbs):
            return None  # "une interview accordée au quotidien X": the channel
        role_end = end
        end, country, per = group_extent(self.lex, doc, self.keys, start, end)
        qualifier = match_at(self.lex, self.keys, role_end, {"role"}) if end > role_end else None
        if qualifier and qualifier[1][0].role.kind != "person" and qualifier[1][0].role.sector:
            # "deux commandants rebelles": the qualifier says the side, not the rank
            role = Role(role.words, qualifier[1][0].role.sector, role.kind)
        people = role.kind in ("group", "population")
        member_of = per if people and per is not None and doc[per].ent_type_ != "PER" else None
        if member_of is not None:  # "les rebelles du M23", "les ambassadeurs des Vingt-Sept"
            per = None
        elif per is not None:  # "le régime de Bachar al-Assad": the name qualifies the group
            country = self._country_of_person(per)
            self.inner.add(per)
        # A toll or a bare noun ("dont 10 blessés", "24 blessés"), not an actor; a qualified
        # count is a group that acts ("33 otages israéliens").
        quantities = self.lex.quantity_nouns
        toll = self.keys[head.i] in self.lex.toll_nouns and is_count(head, quantities)
        argument = is_argument(head, self.lex.participant_nouns, quantities=quantities)
        if is_quantified(head) or is_state(head):  # "chaque enfant", "pris en otage"
            return None
        if country is None and per is None and member_of is None and (toll or not argument):
            return None
        if member_of is not None:  # members of a named body are that body's actor
            return Cand(start, end, f"member:{member_of}", span_text(doc, start, end),
                        role.kind, country, role.sector, named=False, unnamed=True)
        individual = role.kind in ("group", "population")
        if individual and is_individual(head, self.lex.collective_nouns, self.keys[head.i]):
            return self._someone(start, end, role)  # "un policier", "le gendarme"
        country = country or self.story
        body = self.lex.bodies.get(tuple(self.keys[start:role_end]))
        if body:  # "les soldats tchadiens" and "l'armée tchadienne": one actor
            # The body's own word names it ("armée", not "soldats") and gives its kind.
            return Cand(start, end, f"{body}:{country}", span_text(doc, start, end),
                        role.kind, country, role.sector, None,
                        named=role.kind == "organization", unnamed=True)
        key = tkey(head.lemma_ or self.keys.texts[start])
        if self.keys[start] in self.lex.generic_people:
            key = GENERIC  # "deux personnes", "des femmes": see Builder.finish
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

    def _titled(self, start: int, end: int, role, head) -> Cand:
        """A title alone ("le ministre"): the person last named with it; failing that, when it
        is an argument, someone of its own ("le procureur général du Venezuela a annoncé")."""
        cand = self._someone(start, end, role)
        cand.key = f"role:{fold(span_text(self.doc, start, end))}"
        cand.named, cand.standalone = False, is_argument(head, self.lex.participant_nouns)
        return cand

    def _someone(self, start: int, end: int, role) -> Cand:
        """An unnamed individual, one actor per wording ("un porte-parole de l'armée")."""
        role_end, end = end, unnamed_extent(self.doc, self.keys, start, end)
        noun, doc = start, self.doc
        while start > 0 and doc[start - 1].pos_ == "ADJ" and doc[start - 1].head.i == noun:
            start -= 1  # "un vieil homme"
        country = country_in(self.lex, self.keys, start, end)
        text = self.doc[start:end].text
        sector = function_sector(self.lex, self.doc, self.keys, role, role_end, end)
        return Cand(start, end, f"someone:{fold(text)}", text, "person", country, sector, text,
                    unnamed=True)

    def _country_of_person(self, token: int) -> str | None:
        hit = self._kb_hit_in(token, token + 1)
        return hit[2].entry.country if hit else None


def _ordered(finder: Finder) -> list[Cand]:
    cands = finder.media_named()
    cands += finder.named()
    cands += finder.states()
    cands += finder.aged()  # before role words: "un homme de 27 ans", not "homme"
    cands += finder.groups()
    return sorted((c for c in cands if c.start not in finder.inner), key=lambda c: c.start)


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
    cands = _ordered(finder)
    members(cands)
    apposed(doc, cands)
    titles: list[Cand] = []
    for cand in cands:
        if cand.key.startswith("role:"):
            titles.append(cand)
            continue
        cand = surname_aliases(cand, doc, finder.keys)
        builder.add(refers_back(builder, resolve_key(builder, cand), doc))
    for cand in titles:
        _title(builder, cand, lex.titles)
    _bare_acronyms(builder, finder)
    short_names(builder, doc, finder.used)
    return builder.finish(finder.story)


def _title(builder: Builder, cand: Cand, titles: dict[str, str]) -> None:
    """A title alone ("le ministre", "le chef de l'État") is the person named with it before,
    else the nearest one named with it after; failing both, someone of its own if it is a
    participant, else nothing."""
    idx = builder.with_role(cand, titles)
    idx = builder.with_role(cand, titles, after=True) if idx is None else idx
    if idx is not None:
        cand.key = next(k for k, v in builder.keys.items() if v == idx)
    elif cand.standalone:
        cand.key = f"someone:{fold(cand.name)}"
    else:
        return
    builder.add(cand)


def _bare_acronyms(builder: Builder, finder: Finder) -> None:
    """Acronyms the NER missed ("selon l'OSDH") once their expansion has been seen."""
    for i, text in enumerate(finder.keys.texts):
        if len(text) < 2 or not text.isupper() or i in finder.used:
            continue
        key = f"org:{finder.keys[i]}"
        if key in builder.keys:
            builder.add(Cand(i, i + 1, key, text, "organization"))

