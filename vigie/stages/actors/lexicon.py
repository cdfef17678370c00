"""Indexes shared by the entity-repair and Actors stages, built once per pipeline.

Everything is matched on folded tokens (case, accents, apostrophes and dashes unified), so
"Etats-Unis", "États-Unis" and "ETATS-UNIS" meet the same key. Names are tokenised with the
pipeline's own tokenizer, so a name and its occurrence in a text split the same way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc

from vigie.french.normalize import fold
from vigie.knowledge import overlay
from vigie.knowledge.base import DATA, load_kb
from vigie.knowledge.models import Entry, KnowledgeBase, Role
from vigie.stages.common import column, per_doc, text_of

LOGGER = logging.getLogger(__name__)
LEXICON = DATA / "lexicons" / "actors.yaml"
_LEADING_ARTICLES = {"le", "la", "les", "l'"}


@lru_cache(maxsize=65536)
def tkey(text: str) -> str:
    """The folded key of one token ("États-Unis" -> "etats-unis"; a lone dash stays "-")."""
    return fold(text).replace(" ", "-") or text


@dataclass(frozen=True)
class Match:
    """A payload of the name index: what a token sequence names."""

    what: str  # entry | country | demonym | metonym | role
    entry: Entry | None = None
    iso3: str | None = None
    role: Role | None = None
    upper: bool = False  # an acronym ("ANS"): matches only upper-case text, never "ans"
    capital: bool = False  # a role word only ever written capitalised ("État", not "en état de")
    article: bool = False  # a seat of power listed with its article ("la Douma", not the town)


@dataclass
class Lexicon:
    """The actors lexicon (vigie/knowledge/data/lexicons/actors.yaml) plus the KB's tables."""

    kb: KnowledgeBase
    first_names: set[str] = field(default_factory=set)
    particles: set[str] = field(default_factory=set)
    org_heads: dict[str, str | None] = field(default_factory=dict)
    place_preps: set[str] = field(default_factory=set)
    agentive: set[str] = field(default_factory=set)
    participant_nouns: set[str] = field(default_factory=set)  # agentive and event nouns
    mil_metonyms: set[str] = field(default_factory=set)
    addressee_verbs: set[str] = field(default_factory=set)
    collective_nouns: set[str] = field(default_factory=set)
    place_nouns: set[str] = field(default_factory=set)
    not_names: set[str] = field(default_factory=set)
    place_person_preps: set[str] = field(default_factory=set)
    place_pronouns: set[str] = field(default_factory=set)
    aged_nouns: set[str] = field(default_factory=set)
    toll_nouns: set[str] = field(default_factory=set)
    generic_people: set[str] = field(default_factory=set)
    speech_verbs: set[str] = field(default_factory=set)
    thing_nouns: set[str] = field(default_factory=set)
    quantity_nouns: set[str] = field(default_factory=set)
    supranational: set[str] = field(default_factory=set)  # "multinationale": of no one country
    media_nouns: set[tuple[str, ...]] = field(default_factory=set)  # "la chaîne X": a medium
    titles: dict[str, str] = field(default_factory=dict)  # folded title -> its usual one
    # folded words of a national body ("forces armees") -> its key ("mil"); KB entry id -> key
    bodies: dict[tuple[str, ...], str] = field(default_factory=dict)
    body_entries: dict[str, str] = field(default_factory=dict)
    index: dict[str, list[tuple[tuple[str, ...], Match]]] = field(default_factory=dict)
    by_id: dict[str, Entry] = field(default_factory=dict)
    # index[key] grouped by sequence: [(sequence, [matches])], longest first (built on demand)
    groups: dict[str, list[tuple[tuple[str, ...], list[Match]]]] = field(
        default_factory=dict, repr=False)

    def add(self, keys: tuple[str, ...], match: Match) -> None:
        """Index `match` under the folded token sequence `keys` (longest sequences first)."""
        if keys:
            bucket = self.index.setdefault(keys[0], [])
            if (keys, match) not in bucket:
                bucket.append((keys, match))
                bucket.sort(key=lambda item: -len(item[0]))
                self.groups.pop(keys[0], None)

    def grouped(self, key: str) -> list[tuple[tuple[str, ...], list[Match]]]:
        """The sequences indexed under `key`, longest first, each with its matches in order."""
        groups = self.groups.get(key)
        if groups is None:
            by_seq: dict[tuple[str, ...], list[Match]] = {}
            for seq, match in self.index.get(key, ()):
                by_seq.setdefault(seq, []).append(match)
            groups = self.groups[key] = list(by_seq.items())
        return groups


class Splitter:
    """Splits names into the pipeline tokenizer's tokens.

    A name of plain words skips the tokenizer: a Doc adds each new word to the vocabulary
    (about 40 µs a name, most of the lexicon's build time at start-up). A word is plain when
    it is all letters and no special case or affix rule applies to it, so the tokenizer keeps
    it whole; with no all-letter multi-token special case, nothing joins such words either.
    """

    def __init__(self, nlp):
        self.nlp = nlp
        tokenizer = nlp.tokenizer
        self.rules = getattr(tokenizer, "rules", None) or {}
        self.prefix = getattr(tokenizer, "prefix_search", None)
        self.suffix = getattr(tokenizer, "suffix_search", None)
        self.infixes = getattr(tokenizer, "infix_finditer", None)
        self.fast = bool(self.rules) and not any(
            len(pieces) > 1 and all(_orth(p).isalpha() for p in pieces)
            for pieces in self.rules.values())
        self._plain: dict[str, bool] = {}

    def __call__(self, name: str) -> list[str]:
        words = name.split(" ")
        if self.fast and all(self.plain(w) for w in words):
            return words
        return [t.text for t in self.nlp.make_doc(name)]

    def plain(self, word: str) -> bool:
        """Whether the tokenizer keeps `word` whole (letters only, no rule applies)."""
        known = self._plain.get(word)
        if known is None:
            known = self._plain[word] = (word.isalpha() and word not in self.rules
                                         and not self._affix(word))
        return known

    def _affix(self, word: str) -> bool:
        return ((self.prefix is not None and self.prefix(word) is not None)
                or (self.suffix is not None and self.suffix(word) is not None)
                or (self.infixes is not None and next(self.infixes(word), None) is not None))


def _orth(piece: dict) -> str:
    return str(piece.get(ORTH) or piece.get("ORTH") or "")


def _keys(split: Splitter, name: str) -> tuple[str, ...]:
    keys = [tkey(w) for w in split(name)]
    # "les 27" keeps its article: a bare number is no name ("un homme de 27 ans").
    while len(keys) > 1 and keys[0] in _LEADING_ARTICLES and not keys[1][:1].isdigit():
        keys = keys[1:]
    return tuple(keys)


def _capitalised(split: Splitter, entry: Entry, name: str) -> bool:
    """An organisation or person name whose first word after the article is capitalised ("Le
    Point", "Libération"): matches only capitalised text, never the common noun ("un point", "la
    libération"). Collectives keep their adjective use ("les dirigeants européens")."""
    return entry.kind in ("organization", "person") and _name_capitalised(split, name)


def _name_capitalised(split: Splitter, name: str) -> bool:
    words = [w for w in split(name) if tkey(w) not in _LEADING_ARTICLES] or split(name)
    return bool(words) and words[0][:1].isupper()


def _acronym(name: str) -> bool:
    """A name written all in capitals ("ANS", "UN", "EAU", "M23"): matched case-sensitively."""
    return any(c.isalpha() for c in name) and name.isupper()


def _plural_variants(word: str) -> list[str]:
    """The word and a naive singular/plural partner ("rebelle" <-> "rebelles")."""
    if word.endswith(("s", "x")):
        return [word, word[:-1]]
    return [word, word + "s"]


def _index_roles(lex: Lexicon, split: Splitter, roles: list[Role], variants: bool) -> None:
    """Index role words; `variants` adds naive plurals (the KB lists every form, so not for it:
    "cour" must not give "cours" as in "au cours de")."""
    lower = {fold(w) for role in roles for w in role.words if not w[:1].isupper()}
    for role in roles:
        for word in role.words:
            keys = _keys(split, word)
            capital = fold(word) not in lower
            for first in _plural_variants(keys[0]) if variants else [keys[0]]:
                lex.add((first, *keys[1:]), Match("role", role=role, capital=capital))


def _index_countries(lex: Lexicon, split: Splitter) -> None:
    """Country names and seats of power match only capitalised text ("La Réunion", never "une
    réunion"); demonyms are adjectives and match in any case."""
    for country in lex.kb.countries.values():
        kinds = [("country", [country.name, *country.names]), ("demonym", country.demonyms),
                 ("metonym", country.metonyms)]
        for what, names in kinds:
            for name in names:  # "EAU" must not match "l'eau"
                lex.add(_keys(split, name), Match(
                    what, iso3=country.iso3, upper=_acronym(name),
                    capital=what != "demonym" and _name_capitalised(split, name),
                    article=what == "metonym" and tkey(split(name)[0]) in _LEADING_ARTICLES))


def _index_entries(lex: Lexicon, split: Splitter, entries: list[Entry]) -> None:
    for entry in entries:
        lex.by_id.setdefault(entry.id, entry)
        for name in {entry.name, *entry.aliases}:
            lex.add(_keys(split, name), Match("entry", entry=entry, upper=_acronym(name),
                                              capital=_capitalised(split, entry, name)))


def _index_body_entries(lex: Lexicon, split: Splitter, entries: list[Entry]) -> None:
    """Organisations of one country named by a national body's words ("Forces armées de la
    République démocratique du Congo", Tsahal as "armée israélienne"): they join that body's
    actor."""
    longest = max((len(words) for words in lex.bodies), default=0)
    for entry in entries:
        if entry.kind != "organization" or not entry.country:
            continue
        names = [_keys(split, name) for name in (entry.name, *entry.aliases)]
        body = next((lex.bodies[keys[:n]] for keys in names for n in range(longest, 0, -1)
                     if keys[:n] in lex.bodies), None)
        if body is not None and entry.sector == body.upper():  # not the "Armée syrienne libre"
            lex.body_entries[entry.id] = body


def _known_role_words(roles: list[Role]) -> set[str]:
    return {fold(w) for role in roles for w in role.words}


def _build(nlp, kb_files: tuple[str, ...]) -> Lexicon:
    data = overlay.read("actors", kb_files, LEXICON)
    kb = load_kb(kb_files)
    lex = Lexicon(
        kb=kb,
        first_names={tkey(w) for w in data.get("first_names") or []},
        particles={tkey(w) for w in data.get("name_particles") or []},
        org_heads={tkey(k): v for k, v in (data.get("org_heads") or {}).items()},
        place_preps={tkey(w) for w in data.get("place_prepositions") or []},
        agentive={tkey(w) for w in data.get("agentive_nouns") or []},
        mil_metonyms={tkey(w) for w in data.get("military_metonyms") or []},
        addressee_verbs={tkey(w) for w in data.get("addressee_verbs") or []},
        collective_nouns={tkey(w) for w in data.get("collective_nouns") or []},
        place_nouns={tkey(w) for w in data.get("place_nouns") or []},
        not_names={tkey(w) for w in data.get("not_names") or []},
        place_person_preps={tkey(w) for w in data.get("place_person_preps") or []},
        place_pronouns={tkey(w) for w in data.get("place_pronouns") or []},
        aged_nouns={tkey(w) for w in data.get("aged_person_nouns") or []},
        toll_nouns={tkey(w) for w in data.get("toll_nouns") or []},
        generic_people={tkey(w) for w in data.get("generic_people") or []},
        speech_verbs={tkey(w) for w in data.get("channel_verbs") or []},
        thing_nouns={tkey(w) for w in data.get("thing_nouns") or []},
        quantity_nouns={tkey(w) for w in data.get("quantity_nouns") or []},
        supranational={tkey(w) for w in data.get("supranational_words") or []},
        titles={fold(k): fold(v) for k, v in (data.get("same_titles") or {}).items()},
    )
    lex.participant_nouns = lex.agentive | {tkey(w) for w in data.get("event_nouns") or []}
    split = Splitter(nlp)
    lex.media_nouns = {_keys(split, w) for w in data.get("media_nouns") or []}
    lex.bodies = {_keys(split, w): body
                  for body, words in (data.get("national_bodies") or {}).items() for w in words}
    _index_countries(lex, split)
    _index_entries(lex, split, kb.entries)
    _index_body_entries(lex, split, kb.entries)
    known = {fold(e.name) for e in kb.entries}
    collectives = [Entry(**item) for item in data.get("collectives") or []]
    _index_entries(lex, split, [e for e in collectives if fold(e.name) not in known])
    # The KB's roles win; the lexicon's fill in words the KB does not define.
    kb_words = _known_role_words(kb.roles)
    extra = [Role(words=[w for w in r["words"] if fold(w) not in kb_words],
                  sector=r.get("sector"), kind=r["kind"]) for r in data.get("roles") or []]
    _index_roles(lex, split, kb.roles, variants=False)
    _index_roles(lex, split, extra, variants=True)
    LOGGER.debug("actors lexicon: %d index keys", len(lex.index))
    return lex


_CACHE: dict[tuple[int, tuple[str, ...]], Lexicon] = {}


def lexicon(nlp, kb_files: tuple[str, ...] = ()) -> Lexicon:
    """The lexicon and name index for this pipeline and these KB files (built once, cached).

    Args:
        nlp: the pipeline whose tokenizer splits the names.
        kb_files: user knowledge-base files merged over the packaged tables and actors.yaml.

    Returns:
        The shared Lexicon.
    """
    key = (id(nlp.tokenizer), tuple(kb_files))
    if key not in _CACHE:
        _CACHE[key] = _build(nlp, tuple(kb_files))
    return _CACHE[key]


# Shortest acronym also matched in title case ("Otan", "Unicef"; never "Ans", "Eau", "Un").
TITLE_ACRONYM_MIN = 4


def _capitals(text: str) -> bool:
    return text.isupper() or (len(text) >= TITLE_ACRONYM_MIN and text.istitle())


_TEXTS_KEY = ("vigie", "token_texts")
_KEYS_KEY = ("vigie", "actor_keys")


def texts_of(doc: Doc) -> list[str]:
    """Every token's text, built once per Doc from the ORTH column: no `Token` objects, which
    cost a C object per access (docs/speed.md)."""
    strings = doc.vocab.strings
    return per_doc(doc, _TEXTS_KEY, lambda d: [strings[h] for h in d.to_array(ORTH).tolist()])


def idxs_of(doc: Doc) -> list[int]:
    """Every token's character offset (`token.idx`), built once per Doc."""
    return column(doc, IDX)


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens start..end, as `doc[start:end]` gives them, without a `Span`."""
    if end <= start:
        span = doc[start:end]
        return span.start_char, span.end_char
    return idxs_of(doc)[start], idxs_of(doc)[end - 1] + len(texts_of(doc)[end - 1])


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text`, sliced from the cached text."""
    first, last = char_span(doc, start, end)
    return text_of(doc)[first:last]


class Keys(list):
    """Folded keys of a doc's tokens, with the tokens' texts (for their capitals)."""

    def __init__(self, texts: list[str]):
        super().__init__(map(tkey, texts))
        self.texts = texts
        self._starts: dict[int, tuple[dict, list[int]]] = {}

    def starts_in(self, index: dict) -> list[int]:
        """Positions of the tokens whose key starts a sequence of `index` (cached per index:
        a doc is scanned several times against the same index)."""
        cached = self._starts.get(id(index))
        if cached is None or cached[0] is not index:
            starts = [i for i, k in enumerate(self) if k in index]
            cached = self._starts[id(index)] = (index, starts)
        return cached[1]


def _fits(match: Match, keys: list[str], i: int, what: set[str] | None) -> bool:
    if what is not None and match.what not in what:
        return False
    texts = getattr(keys, "texts", None)
    if texts is None:
        return True
    if match.capital and not texts[i][:1].isupper():
        return False
    # An acronym matches only text in capitals ("ANS", never "ans"; "UN", never "un").
    return not match.upper or _capitals(texts[i])


def match_at(lex: Lexicon, keys: list[str], i: int, what: set[str] | None = None):
    """The longest index sequence starting at token i: (end, [matches]) or None.

    With `keys` from `doc_keys`, acronyms match only tokens written in capitals.
    """
    if keys[i] not in lex.index:  # most tokens: keep the miss cheap
        return None
    following = keys[i + 1] if i + 1 < len(keys) else None
    for seq, matches in lex.grouped(keys[i]):
        n = len(seq)
        if n == 1 or (seq[1] == following and tuple(keys[i:i + n]) == seq):
            found = [m for m in matches if _fits(m, keys, i, what)]
            if found:
                return i + n, found
    return None


def doc_keys(doc: Doc) -> Keys:
    """Folded keys of every token of the doc, with their texts (built once per Doc)."""
    return per_doc(doc, _KEYS_KEY, lambda d: Keys(texts_of(d)))


def scan(lex: Lexicon, doc: Doc, what: set[str] | None = None):
    """Non-overlapping longest index matches in the doc: (start, end, [matches]) token spans."""
    keys, out, end = doc_keys(doc), [], 0
    for i in keys.starts_in(lex.index):
        if i >= end:
            hit = match_at(lex, keys, i, what)
            if hit:
                out.append((i, hit[0], hit[1]))
                end = hit[0]
    return out
