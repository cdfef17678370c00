"""Where an event happened: the place the parse links to its trigger, else its clause's, else the
story's.

1. A locative phrase ("à Alep", "dans la province d'Idlib", "près de Beni") hanging on the
   trigger, on the verb carrying it, or on a clause above it; not a distance ("à 400 km de
   Bangui") nor a source ("selon la préfecture").
2. For a material event, the place it struck: "ont bombardé Alep", "ont pris pour cible le camp
   de Wendou", "Douma a subi des bombardements".
3. The best place of its clause that is about this event: not in another event's phrase ("en
   réponse à la guerre menée en Ukraine"), nor in a clause on a noun ("une ONG basée à Genève"),
   nor in a quote the trigger is not in ("« Nous allons à Munich »"), nor an origin or a source.
4. The story's place: the title's place, or a finer one in the same country named with a
   locative in the lede; else the dateline (where the reporter files from); else the country the
   story names most.

See docs/events.md, "Place and time".
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from vigie.french.normalize import fold
from vigie.stages.arguments.newcomers import role_of
from vigie.stages.common import article_of, text_of
from vigie.stages.events.when import clause_chain
from vigie.stages.places.mentions import words
from vigie.stages.tokens import lemmas_of, tree_of

LOGGER = logging.getLogger(__name__)


# Heads climbed from the trigger looking for a locative: the trigger, its carrying verb and the
# clause above ("ont été tuées dans un raid sur Douma" is 1, "a annoncé ... à Goma" 2-3).
MAX_PLACE_CLIMB = 3
# Relations through which a place phrase hangs on a word.
PLACE_DEPS = {"obl", "obl:mod", "obl:arg", "nmod"}
# Cases that make a phrase an origin, an author, a possessor or a source, not a location.
NOT_WHERE = frozenset({"de", "du", "des", "d'", "par", "vers", "depuis", "contre", "avec", "entre",
                       "pour", "selon", "d'après", "jusqu'à", "chez"})
SPOKEN_NOT_WHERE = frozenset(NOT_WHERE | {"sur", "concernant"})
# Heads of a phrase that places something relative to a place, not in it ("à 400 km de Bangui").
DISTANCE = {"km", "kilomètre", "mètre", "mile", "distance", "encablure", "heure"}
NEAR = {"proche", "près", "voisin", "loin", "environ", "alentour"}  # "une ville proche de Damas"
# Relations opening a clause on a noun or an adjunct clause: a place inside dates and places that
# clause ("une ONG basée à Genève", "qui avait été incendié à Paris").
SIDE = {"acl", "acl:relcl", "advcl"}
# Relations through which a material event's target is named ("ont bombardé Alep").
TARGET_DEPS = {"obj", "nsubj:pass"}
TARGET_CASES = {"sur", "contre", None}
# The lede, where the story's place is looked for (characters: a title and a first paragraph of
# agency copy; the corpus's first paragraphs run 150-650 characters).
LEDE_CHARS = 600
MAX_SEAT_CLIMB = 2  # heads from a place to the verb of residence it hangs on ("basée à Genève")
SEAT = {"baser", "installer", "établir", "implanter", "situer", "domicilier", "siéger", "résider",
        "vivre", "habiter", "exiler", "héberger"}
OWN_DEPTH = 1  # a place on the trigger or its carrying verb is the event's own (merge keeps apart)
STORY_LEVELS = {"city", "area", "region", "other"}  # a country is too coarse, unless nothing finer
LEVEL_RANK = {"city": 4, "area": 3, "region": 2, "other": 1, "border": 1, "country": 0}
_STORY_KEY = ("vigie", "story_place")  # user_data: (the places list, its story place)
_ARTICLES = {"le", "la", "les", "l'", "l"}


@dataclass(frozen=True)
class Scene:
    """What places an event: the doc's quotes and the root indices of its other triggers."""

    quotes: tuple = ()
    triggers: frozenset[int] = frozenset()
    material: bool = True  # it strikes a place ("ont bombardé Alep")
    spoken: bool = False  # a statement: the country a story names is rarely where it was said


def _place_in(places, start: int, end: int) -> int | None:
    for i, place in enumerate(places):
        if any(s < end and start < e for s, e in place.mentions):
            return i
    return None


def _locative(token: Token, places, bounds: tuple[int, int],
              not_where: frozenset[str] = frozenset(NOT_WHERE)) -> int | None:
    """A place in a locative phrase hanging on `token` (not "de X", "vers X", "contre X")
    inside the clause `bounds` (characters; the parser may run a sentence over a line end)."""
    doc = token.doc
    tree = tree_of(doc)
    dep, case, lemmas = tree.deps, tree.cases, lemmas_of(doc)
    for c in tree.children(token.i):
        if dep[c] not in PLACE_DEPS or case[c] in not_where or lemmas[c] in DISTANCE:
            continue
        if not bounds[0] <= doc[c].idx < bounds[1]:
            continue
        if dep[c] == "nmod" and case[c] is None:
            continue
        child = doc[c]
        right = _phrase_end(doc, child)
        found = _place_in(places, child.left_edge.idx, right.idx + len(right))
        if found is not None:
            return found
    return None


def _phrase_end(doc: Doc, head: Token) -> Token:
    """The last word of the phrase headed by `head`, before any clause inside it: in "en réponse
    à la guerre menée en Ukraine" the place is the war's, not the response's."""
    deps = tree_of(doc).deps
    right = head.right_edge.i
    for i in range(head.i + 1, right + 1):
        if deps[i].startswith("acl"):
            return doc[max(head.i, doc[i].left_edge.i - 1)]
    return doc[right]


def linked_place(places: list, trigger: Token, bounds: tuple[int, int] = (0, 1 << 62),
                 spoken: bool = False) -> tuple[int | None, int]:
    """A place the parse attaches to the trigger or the clauses above it.

    Args:
        places: doc._.vigie_places.
        trigger: the trigger's head token.
        bounds: the event's clause (characters).
        spoken: a statement, whose "sur X" is what it is about ("a dénoncé des frappes sur
            Idleb"), not where it was said.

    Returns:
        (index in `places` of the nearest locative phrase's place or None, the number of heads
        climbed to find it).
    """
    for depth, token in enumerate(clause_chain(trigger, MAX_PLACE_CLIMB)):
        found = _locative(token, places, bounds, SPOKEN_NOT_WHERE if spoken else NOT_WHERE)
        if found is not None:
            return found, depth
    return None, 0


def struck_place(places: list, trigger: Token,
                 triggers: frozenset[int] = frozenset()) -> int | None:
    """The place a material event struck: its object ("ont bombardé Alep", "le camp de
    Wendou"), a noun's "sur X" / "contre X" or the object of the verb it is the subject of ("des
    tirs ont touché Donetsk"), or the subject of "subir" ("Douma a subi")."""
    doc, tree = trigger.doc, tree_of(trigger.doc)
    if tree.deps[trigger.i] == "nmod" and trigger.head.i in triggers:
        trigger = trigger.head  # "des tirs d'obus ont touché ...": the weapon's event noun
    if trigger.pos_ in ("VERB", "AUX"):
        heads = [c for c in tree.children(trigger.i) if tree.deps[c] in TARGET_DEPS]
    else:
        heads = [c for c in tree.children(trigger.i)
                 if tree.deps[c] == "nmod" and tree.cases[c] in TARGET_CASES - {None}]
        if tree.deps[trigger.i] == "obj" and lemmas_of(doc)[trigger.head.i] in ("subir", "essuyer"):
            heads += [c for c in tree.children(trigger.head.i) if tree.deps[c] == "nsubj"]
        if tree.deps[trigger.i] == "nsubj" and trigger.head.pos_ == "VERB":
            # "des tirs d'obus ont touché un quartier de Donetsk"
            heads += [c for c in tree.children(trigger.head.i) if tree.deps[c] == "obj"]
    for c in heads:
        right = _phrase_end(doc, doc[c])
        bounds = (doc[c].left_edge.idx, right.idx + len(right))
        found = _finest_in(places, *bounds)
        if found is not None and not (_near_to(doc, places[found])
                                      or _whose(doc, places[found], bounds)):
            return found
    return None


def _finest_in(places, start: int, end: int) -> int | None:
    """The finest place named in text[start:end] ("la deuxième ville de Syrie, Alep": Aleppo)."""
    inside = [i for i, p in enumerate(places) if any(s < end and start < e for s, e in p.mentions)]
    return max(inside, key=lambda i: (_rank(places[i]), -i), default=None)


def _near_to(doc: Doc, place) -> bool:
    """Whether the place is named as what something is near ("une ville proche de Damas")."""
    span = doc.char_span(*place.mentions[0], alignment_mode="expand")
    return span is not None and lemmas_of(doc)[span.root.head.i] in NEAR


def _quote_of(quotes, start: int) -> int | None:
    for i, quote in enumerate(quotes):
        if quote.start <= start < quote.end:
            return i
    return None


def _path(doc: Doc, mention: tuple[int, int], chain: set[int], scene: Scene,
          bounds: tuple[int, int]) -> str:
    """Where the place mention hangs, climbing heads: on the event's clause chain ("chain"), in
    another trigger's phrase ("other"), in a clause on a noun or an adjunct clause off the chain
    ("side": "une ONG basée à Genève"), or elsewhere in the sentence ("sentence")."""
    span = doc.char_span(*mention, alignment_mode="expand")
    if span is None:
        return "other"
    token, tree = span.root, tree_of(doc)
    for _ in range(len(doc)):
        if token.i in chain:
            return "chain"
        if token.i in scene.triggers:
            return "other"
        if tree.deps[token.i] in SIDE:
            on_chain = token.head.i in chain and tree.deps[token.i] != "advcl"
            return "chain" if on_chain else "side"
        head = token.head
        if head.i == token.i or not bounds[0] <= head.idx < bounds[1]:
            return "sentence"  # the clause's top (the parser may run a sentence over a line end)
        token = head
    return "other"


def clause_place(doc: Doc, places: list, trigger: Token, start: int, end: int,
                 scene: Scene, hangs: tuple[str, ...] = ("chain",)) -> int | None:
    """The best place of the event's clause that hangs where `hangs` says (see `_path`): a fine
    one over a coarse one, one after a locative over one after another preposition; never an
    origin or a source, nor a place in a quote the trigger is not in (and the other way round)."""
    w, chain, tree = words(), {t.i for t in clause_chain(trigger)}, tree_of(doc)
    quote = _quote_of(scene.quotes, trigger.idx)
    best = None
    for i, place in enumerate(places):
        preps = getattr(place, "preps", None) or [None] * len(place.mentions)
        for (s, e), prep in zip(place.mentions, preps, strict=False):
            if not (start <= s and e <= end) or _quote_of(scene.quotes, s) != quote:
                continue
            if prep in NOT_WHERE or (prep in w.away and prep != "en"):
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            not_where = SPOKEN_NOT_WHERE if scene.spoken else NOT_WHERE
            if span is None or tree.cases[span.root.i] in not_where:
                continue  # "sanctions contre la Russie", "selon la préfecture"
            if _participant(span.root, scene.spoken):
                continue  # "Kiev accuse Moscou": who acts or is addressed, not where
            if _path(doc, (s, e), chain, scene, (start, end)) not in hangs or _seat(doc, (s, e)):
                continue
            score = (prep in w.locatives, LEVEL_RANK.get(getattr(place, "level", None), 0))
            if best is None or score > best[0]:
                best = (score, i)
    return None if best is None else best[1]


def _rank(place) -> int:
    return LEVEL_RANK.get(getattr(place, "level", None), 0)


def _participant(token: Token, spoken: bool) -> bool:
    """A place named as a clause's subject, or as a statement's object, is a participant (a
    state or a capital for its government), not where the event happened."""
    dep = token.dep_
    return dep.startswith("nsubj") or (spoken and dep in ("obj", "iobj")) or _affiliation(token)


def _whose(doc: Doc, place, bounds: tuple[int, int]) -> bool:
    """Whether the place's mentions within `bounds` are a person's affiliation ("le président
    du Niger, X, a été destitué": Niger is whose president, not where)."""
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in place.mentions
             if bounds[0] <= s < bounds[1]]
    return bool(spans) and all(span is not None and _affiliation(span.root) for span in spans)


def _affiliation(token: Token) -> bool:
    """A place after a person's title is whose, not where ("le président du Niger a été
    destitué", "le ministre malien de la Défense"): the "de X" of a noun heading a person."""
    head = token.head
    if token.dep_ != "nmod" or head.pos_ != "NOUN" or head.i == token.i:
        return False
    if not any(c.dep_ == "case" and c.lower_ in ("de", "du", "d'", "d’") for c in token.children):
        return False
    role = role_of(head)
    return role is not None and role.kind == "person"


def story_place(doc: Doc, places: list, country: bool = True, quotes=()) -> int | None:
    """The story's place (see the module doc), computed once per places list: every event
    without a place of its own asks for it. `country`: fall back on the country the story
    names most (not for a statement: a country named is rarely where it was said)."""
    cached = doc.user_data.get(_STORY_KEY)
    if cached is None or cached[0] is not places:
        cached = doc.user_data[_STORY_KEY] = (places, _story_place(doc, places, quotes))
    found = cached[1]
    return found if found is not None or not country else _main_country(places)


def _story_place(doc: Doc, places: list, quotes) -> int | None:
    titled = _title_place(doc, places)
    lede = _lede_place(doc, places, quotes)
    if lede is not None and (titled is None or _within(places, lede, titled)):
        return lede
    if titled is not None:
        return titled
    return next((i for i, p in enumerate(places) for s, _ in p.mentions
                 if s < LEDE_CHARS and _dateline(doc, s)), None)


def _title_place(doc: Doc, places: list) -> int | None:
    """The first place the title names where something happened (its editor's choice of where
    the story is): after a locative ("101 gardes à vue à Paris") or heading it ("Niger : ...");
    not "sanctions contre la Russie" nor "tués par Boko Haram"."""
    title = fold(article_of(doc).get("title") or "")
    if not title:
        return None
    text, found = text_of(doc), []
    for i, place in enumerate(places):
        for name in {fold(text[s:e]) for s, e in place.mentions}:
            at = _where_in(title, name) if name else None
            if at is not None:
                found.append((at, i))
    return min(found)[1] if found else None


def _where_in(title: str, name: str) -> int | None:
    """Offset of `name` as a whole word in the folded title, after a locative or at its head."""
    locatives, at = words().locatives - words().away, title.find(name)
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not title[at - 1].isalnum()) and (
            end >= len(title) or not title[end].isalnum())
        before = title[:at].split()
        head = not before or (len(before) == 1 and before[0] in _ARTICLES)
        if whole and (head or _after_locative(before, locatives)):
            return at
        at = title.find(name, end)
    return None


def _after_locative(before: list[str], locatives: frozenset[str]) -> bool:
    """Whether the words before a name end with a locative, an article skipped ("à la ...")."""
    words_ = [w for w in before[-3:] if w not in _ARTICLES]
    return bool(words_) and (words_[-1] in locatives or " ".join(words_[-2:]) in locatives)


def _lede_place(doc: Doc, places: list, quotes=()) -> int | None:
    """The first fine place named with a locative in the lede ("dans la région de Mopti"), not
    in a quote ("« Nous allons à Munich »")."""
    w, best = words(), None
    for i, place in enumerate(places):
        if getattr(place, "level", None) not in STORY_LEVELS:
            continue
        preps = getattr(place, "preps", None) or [None] * len(place.mentions)
        for (s, e), prep in zip(place.mentions, preps, strict=False):
            if s < LEDE_CHARS and prep in w.locatives and prep not in w.away and _quote_of(
                    quotes, s) is None and not _seat(doc, (s, e)):
                if best is None or s < best[0]:
                    best = (s, i)
    return None if best is None else best[1]


def _seat(doc: Doc, mention: tuple[int, int]) -> bool:
    """A place where someone is based, not where the story is ("une ONG basée à Genève", "le
    président, qui vit à Paris"): it hangs on a verb of residence (SEAT) within a few heads."""
    span = doc.char_span(*mention, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(MAX_SEAT_CLIMB):
        if token is None or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_ in SEAT
    return False


def _within(places: list, fine: int, coarse: int) -> bool:
    """Whether place `fine` may lie in place `coarse` (the same country, or unknown)."""
    a, b = places[fine], places[coarse]
    return a.country is None or b.country is None or a.country == b.country


def _main_country(places: list) -> int | None:
    counts = Counter({i: len(p.mentions) for i, p in enumerate(places)
                      if getattr(p, "level", None) == "country"})
    return counts.most_common(1)[0][0] if counts else None


def _dateline(doc: Doc, start: int) -> bool:
    """A place in capitals opening a paragraph ("GOMA (Reuters) -")."""
    line = text_of(doc).rfind("\n", 0, start) + 1
    return not text_of(doc)[line:start].strip() and text_of(doc)[start:start + 2].isupper()


def event_where(doc: Doc, places: list, trigger: Token, start: int, end: int,
                scene: Scene = Scene()) -> tuple[int | None, bool]:
    """(index in doc._.vigie_places, whether the place hangs on the trigger itself).

    Args:
        doc: a Doc the Places stage has run on.
        places: its doc._.vigie_places.
        trigger: the trigger's head token.
        start: first character of the event's clause.
        end: end (exclusive) of the clause.
        scene: the doc's quotes and other triggers, and whether the event is material.
    """
    own, depth = linked_place(places, trigger, (start, end), scene.spoken)
    struck = struck_place(places, trigger, scene.triggers) if scene.material else None
    if struck is not None and (own is None or _rank(places[struck]) > _rank(places[own])):
        return struck, True  # "ont attaqué le camp de X, dans la province de Y": the camp
    if own is not None:
        return own, depth <= OWN_DEPTH
    for hangs in (("chain",), ("chain", "sentence")):
        clause = clause_place(doc, places, trigger, start, end, scene, hangs)
        if clause is not None:
            return clause, False
    return story_place(doc, places, not scene.spoken, scene.quotes), False
