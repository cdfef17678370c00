"""Place mentions for the Places stage: NER spans, and the patterns the NER misses.

A mention is a span of the text and the name to look up, with what the words around it say:
a region word ("province d'Alep"), a border ("la frontière turque"), a part of a place ("le nord
de la Syrie"), a facility, quarter or natural feature ("l'hôpital de Rafah", "le quartier
Khair Khana", "le lac Tchad"), the preposition before it ("à", "près de", "vers"). Resolution is
in resolve.py.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from vigie.french.normalize import fold
from vigie.knowledge.gazetteer import ALTERNATE, Gazetteer, gazetteer
from vigie.stages.actors.lexicon import char_span, span_text, texts_of
from vigie.stages.common import per_doc, text_of
from vigie.stages.places.lexicon import Words, words

__all__ = ["Mention", "Words", "find_mentions", "words"]
LOGGER = logging.getLogger(__name__)
PLACE_LABELS = ("LOC", "GPE")
_OF = {"de", "d'", "du", "des"}
_ARTICLES = {"la", "le", "l'", "les"}
_DASHES = {"-", "‐", "‑", "–"}
_QUOTES = {'"', "«", "»", "“", "”"}
# Head words that name a place without "de" ("le lac Tchad", "le quartier Khair Khana").
_APPOSED = ("facility", "quarter", "feature")
# A dateline opens a paragraph: capitals, optional "(Agency)", then a comma or dash.
# A dash ends it only after a space: "PORT-AU-PRINCE, 4 mars" is one name.
_DATELINE = re.compile(r"(?m)^[ \t]*([A-ZÀ-Ý][A-ZÀ-Ý'’\- ]{2,40}?)(?:[ \t]*\([^)\n]{1,40}\))?"
                       r"(?:[ \t]*,|[ \t]+[\-–—])")
# After these, a name is a place even when the NER or the Actors stage took it for an actor.
STRONG_LOCATIVES = frozenset({"a", "au", "aux", "en", "dans", "pres de"})
# Datelines are in the first paragraphs (calibrated on agency copy: after a title and a byline).
DATELINE_WINDOW = 600
# A name the NER missed is at most this many capitalised tokens ("Khan Younès", "Deir ez-Zor").
MAX_NAME_TOKENS = 4
# Words skipped between a head word and its name: an adjective and a quote mark at most.
MAX_SKIPPED = 2
# A NER name is extended by at most this many following words when the longer name is a known
# place ("France métropolitaine", "Guinée équatoriale").
MAX_EXTENSION = 2
# Roads: "l'A16", "la RN7", "l'autoroute A1".
_ROAD = re.compile(r"^(?:A|N|RN|RD|D|E|M|R)\d{1,3}$")
ROAD_BEFORE = frozenset({"l'", "la", "autoroute", "route", "nationale", "sur", "l"})


@dataclass
class Mention:
    """A place mention: text[start:end], the name to look up and what the context forces."""

    start: int
    end: int
    name: str
    force: str | None = None  # region | city | border | facility | quarter | feature
    iso3: str | None = None  # the country a border names
    prep: str | None = None  # folded preposition before the mention ("a", "pres de", "vers")
    source: str = "ner"  # ner | pattern | dateline
    token: int = 0  # index of the mention's first name token
    linked: bool = False  # "de" links the head word and the name ("l'hôpital de Rafah")


def tkey(token) -> str:
    """Folded token text ("Nord-Kivu" -> "nord-kivu", "D’" -> "d'")."""
    return _key(token.text)


def _key(text: str) -> str:
    return fold(text).replace(" ", "-")


_KEYS_KEY = ("vigie", "place_keys")


def keys_of(doc: Doc) -> list[str]:
    """`tkey` of every token, built once per Doc (no `Token` objects: docs/speed.md)."""
    return per_doc(doc, _KEYS_KEY, lambda d: list(map(_key, texts_of(d))))


def prep_before(doc: Doc, i: int, w: Words) -> str | None:
    """The preposition (one or two folded words) right before token i, skipping an article."""
    keys, j = keys_of(doc), i - 1
    if j >= 0 and keys[j] in _ARTICLES:
        j -= 1
    if j < 0:
        return None
    two = f"{keys[j - 1]} {keys[j]}" if j >= 1 else ""
    if two in w.locatives or two in w.away:
        return two
    one = keys[j]
    return one if one in w.locatives or one in w.away else None


def _of_before(doc: Doc, i: int) -> int | None:
    """Index of the word before "de/d'/du/des (la/l')" that ends right before token i."""
    keys, j = keys_of(doc), i - 1
    if j >= 0 and keys[j] in _ARTICLES and keys[j] != "les":
        j -= 1
    if j >= 1 and keys[j] in _OF:
        return j - 1
    return None


def _mention(doc: Doc, first: int, name_start: int, end: int, w: Words, **kw) -> Mention:
    """A mention over tokens first..end whose name is tokens name_start..end."""
    start_char, end_char = char_span(doc, first, end)
    name = span_text(doc, name_start, end)
    return Mention(start_char, end_char, name, prep=prep_before(doc, first, w), token=name_start,
                   **kw)


def head_before(doc: Doc, i: int, w: Words) -> tuple[int, str] | None:
    """The word that says what the name at token i is, and the force it gives: "province d'Alep"
    (region), "ville de Homs" (city), "l'hôpital de Rafah", "le camp de déplacés de Bulengo"
    (facility), "le quartier sunnite Khair Khana" (quarter), "le lac Tchad" (feature)."""
    keys, texts = keys_of(doc), texts_of(doc)
    j = _of_before(doc, i)
    if j is not None:
        kind = w.kind_of(keys[j])
        if kind is None and j >= 2 and keys[j] in w.fillers and keys[j - 1] in _OF:
            j -= 2  # "camp de déplacés de X"
            kind = w.kind_of(keys[j]) if keys[j] in w.facility else None
        elif kind is None and j >= 1 and keys[j - 1] in w.facility and doc[j].pos_ == "ADJ":
            j -= 1  # "la prison civile de X", "l'hôpital général de X"
            kind = w.kind_of(keys[j])
        return (j, kind) if kind is not None else None
    j = i - 1
    while j >= max(0, i - MAX_SKIPPED) and (texts[j] in _QUOTES or (
            texts[j].isalpha() and texts[j].islower() and w.kind_of(keys[j]) is None
            and keys[j] not in _ARTICLES and keys[j] not in w.locatives)):
        j -= 1  # "le quartier sunnite Khair Khana", 'la mosquée" sunnite Sediqia'
    if j < 0:
        return None
    kind = w.kind_of(keys[j])
    return (j, kind) if kind in _APPOSED else None


def _framed(doc: Doc, start: int, end: int, w: Words, source: str) -> list[Mention]:
    """The mention of a name at tokens start..end, read with the words before it."""
    head = head_before(doc, start, w)
    if head is not None:
        return [_mention(doc, head[0], start, end, w, force=head[1], source=source,
                         linked=_of_before(doc, start) is not None)]
    m = _mention(doc, start, start, end, w, source=source)
    word = _of_before(doc, start)
    if word is not None and keys_of(doc)[word] in w.directions:
        # "dans le nord de la Syrie": a mention of Syria, introduced by "dans"
        m.prep = prep_before(doc, word, w)
    return [m]


def _inner(ent: Span, w: Words) -> tuple[str | None, int]:
    """Words the NER put inside its span: "frontière syro-turque", "province d'Alep", "A Calais",
    "lac Tchad", "aéroport de Donetsk"."""
    keys = keys_of(ent.doc)[ent.start:ent.end]
    if keys[0] in w.border:
        return "border", ent.start + 1
    for kind, vocab in (("region", w.region), ("area", w.directions), ("city", w.city)):
        if keys[0] in vocab and len(keys) > 2 and keys[1] in _OF:
            skip = 3 if keys[2] in _ARTICLES and len(keys) > 3 else 2
            return kind, ent.start + skip
    skip = 0
    while skip < len(keys) - 1 and (keys[skip] in w.locatives or keys[skip] in _ARTICLES):
        skip += 1
    texts = texts_of(ent.doc)[ent.start:ent.end]
    if not texts[skip][:1].isupper():
        for j in range(skip + 1, len(keys)):
            if texts[j][:1].isupper():
                head = head_before(ent.doc, ent.start + j, w)
                if head is not None and head[0] >= ent.start + skip:
                    return head[1], ent.start + j
                # "aéroport de Donetsk": the name is what follows the common noun's "de"
                return (None, ent.start + j) if keys[j - 1] in _OF else (None, ent.start + skip)
    return None, ent.start + skip


def ner_mentions(doc: Doc, ents: list[Span], gaz: Gazetteer, w: Words) -> list[Mention]:
    """Mentions from the NER's LOC/GPE spans `ents` (and their surrounding words)."""
    found: list[Mention] = []
    for ent in ents:
        kind, name_start = _inner(ent, w)
        if kind is None and not texts_of(doc)[name_start][:1].isupper():
            continue  # the NER sometimes tags a common noun ("une réunion") as LOC
        if kind == "border":
            found.extend(border_at(doc, ent.start, gaz, w, source="ner"))
        elif kind == "area":
            m = _mention(doc, name_start, name_start, ent.end, w)
            m.prep = prep_before(doc, ent.start, w)
            found.append(m)
        elif kind is not None:
            first = head_before(doc, name_start, w)
            found.append(_mention(doc, min(ent.start, first[0]) if first else ent.start,
                                  name_start, _trimmed(doc, name_start, ent.end, gaz), w,
                                  force=kind,
                                  linked=_of_before(doc, name_start) is not None))
        elif _ROAD.match(texts_of(doc)[name_start]) and name_start + 1 == ent.end:
            m = _mention(doc, name_start, name_start, ent.end, w, force="road")
            if name_start > 0 and keys_of(doc)[name_start - 1] in ROAD_BEFORE:
                found.append(m)
        else:
            end = _trimmed(doc, name_start, _extended(doc, name_start, ent.end, gaz), gaz)
            found.extend(_framed(doc, name_start, end, w, "ner"))
    return found


def border_at(doc: Doc, i: int, gaz: Gazetteer, w: Words, source: str = "pattern") -> list[Mention]:
    """"frontière turque", "frontière syro-turque" at token i (the border word)."""
    j, parts = i + 1, []
    while j < len(doc) and len(parts) < 4:
        k = tkey(doc[j])
        if doc[j].text in _DASHES:
            j += 1
            continue
        if gaz.adjective(k.rstrip("-")) is None:
            break
        parts.append(gaz.adjective(k.rstrip("-")))
        if doc[j].whitespace_ or j + 1 >= len(doc) or doc[j + 1].text != "-":
            j += 1
            break
        j += 1
    if not parts:
        return []
    start, end = char_span(doc, i, j)
    return [Mention(start, end, text_of(doc)[start:end], force="border", iso3=parts[-1],
                    prep=prep_before(doc, i, w), source=source, token=i)]


def _capitalised_run(doc: Doc, i: int) -> int:
    """End of the run of capitalised tokens (and inner dashes/particles) starting at token i."""
    j = i
    while j < len(doc) and j - i < MAX_NAME_TOKENS:
        text = doc[j].text
        if text[:1].isupper() or (j > i and text in ("-", "el", "al", "ez", "es", "de")
                                  and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
            j += 1
        else:
            break
    return j


def _longest_known(doc: Doc, i: int, end: int, gaz: Gazetteer) -> int | None:
    """End of the longest run from token i that is a place's main name (not a mere alternate
    name: "au CHU" must not find Chũ, Vietnam; not an acronym)."""
    for j in range(end, i, -1):
        text = span_text(doc, i, j)
        if not text.isupper() and any(c.quality > ALTERNATE
                                      for c in gaz.lookup(text)):
            return j
    return None


def _adjectival(doc: Doc, i: int, w: Words) -> Mention:
    """"la région toulousaine" at token i (the head word): a mention of the town."""
    start, end = char_span(doc, i, i + 2)
    keys = keys_of(doc)
    return Mention(start, end, w.town_adjectives[keys[i + 1]], force=w.adjective_heads[keys[i]],
                   prep=prep_before(doc, i, w), source="adjective", token=i + 1, linked=True)


def _trimmed(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """End of a NER name without the lower-case words the NER ran on with ("les Champs-Élysées
    samedi"), unless the whole is a known name."""
    texts = texts_of(doc)
    while end - 1 > start and texts[end - 1].isalpha() and texts[end - 1].islower() and (
            not gaz.has(span_text(doc, start, end))):
        end -= 1
    return end


def _untaken(doc: Doc, i: int, end: int, taken: set[int]) -> int | None:
    """End of the run from token i before any token another mention took, without a trailing
    particle ("le quartier Khair Khana de Kaboul": Khair Khana)."""
    stop = next((t for t in range(i, end) if t in taken), end)
    while stop > i + 1 and not texts_of(doc)[stop - 1][:1].isupper():
        stop -= 1
    return stop if stop > i else None


def _extended(doc: Doc, start: int, end: int, gaz: Gazetteer) -> int:
    """End of a NER name extended by the words after it when the longer name is a known
    place's ("France métropolitaine", "Guinée équatoriale"); else `end`."""
    texts = texts_of(doc)
    last = end
    while last < min(len(doc), end + MAX_EXTENSION) and texts[last].isalpha():
        last += 1
    for j in range(last, end, -1):
        if any(c.quality > ALTERNATE for c in gaz.lookup(span_text(doc, start, j))):
            return j
    return end


def pattern_mentions(doc: Doc, gaz: Gazetteer, w: Words, taken: set[int]) -> list[Mention]:
    """Borders, and names the NER missed: known names after a locative or a region word, any
    name after a facility, quarter or feature word ("le quartier Khair Khana")."""
    found: list[Mention] = []
    texts, keys = texts_of(doc), keys_of(doc)
    for i, k in enumerate(keys):
        if k in w.border and i not in taken:
            found.extend(border_at(doc, i, gaz, w))
        if k in w.adjective_heads and i + 1 < len(keys) and keys[i + 1] in w.town_adjectives:
            found.append(_adjectival(doc, i, w))
        if i in taken or not texts[i][:1].isupper():
            continue
        prep = prep_before(doc, i, w)
        head = None
        if (prep is None or prep in _OF) and any(keys[j] in w.heads
                                                 for j in range(max(0, i - 4), i)):
            head = head_before(doc, i, w)
        if prep is None and head is None and _of_before(doc, i) is None:
            continue
        tok = doc[i]  # only now: most tokens never get here, and a Token costs
        if tok.is_sent_start:
            continue
        if tok.ent_type_ in ("PER", "ORG", "MISC") and prep not in STRONG_LOCATIVES and (
                head is None or head[1] not in _APPOSED) and not _complement(doc, i):
            continue  # a person or organisation, unless "à Khan Younès" says it is a place
        end = _capitalised_run(doc, i)
        if head is None or head[1] in ("region", "city"):
            end = _longest_known(doc, i, end, gaz)
        else:
            end = _untaken(doc, i, end, taken)
        if end is not None and not any(t in taken for t in range(i, end)):
            found.extend(_framed(doc, i, end, w, "pattern"))
            taken.update(range(i, end))
    return found


def _complement(doc: Doc, i: int) -> bool:
    """The name at token i completes a common noun inside an organisation's name: « le tribunal
    de Paris », « la mairie de Bamako » (not « la Banque de France », a proper name)."""
    j = _of_before(doc, i)
    if j is None or doc[i].ent_type_ not in ("ORG", "MISC") or doc[i].ent_iob_ == "B":
        return False
    end = _capitalised_run(doc, i)
    if end < len(doc) and doc[end].pos_ == "ADJ" and texts_of(doc)[end].islower():
        return False  # « de l'Union européenne »: the name goes on
    return texts_of(doc)[j].islower() and doc[j].ent_type_ == doc[i].ent_type_


def dateline_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """"BEYROUTH, 23 octobre (Reuters) -": the capitalised city opening an agency paragraph."""
    found = []
    for match in _DATELINE.finditer(text_of(doc)[:DATELINE_WINDOW]):
        name = match.group(1).strip(" -")
        if len(name) >= 3 and gaz.has(name):
            start = match.start(1)
            found.append(Mention(start, start + len(name), name, force="city", source="dateline"))
    return found


def find_mentions(doc: Doc, gaz: Gazetteer | None = None) -> list[Mention]:
    """Every place mention in the doc, in text order, without duplicates.

    Args:
        doc: a parsed Doc (NER run).
        gaz: the gazetteer (the process-wide one when None).

    Returns:
        Mentions sorted by offset; one per (start, end, force).
    """
    gaz, w = gaz or gazetteer(), words()
    ents = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS]
    found = ner_mentions(doc, ents, gaz, w)
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    found += pattern_mentions(doc, gaz, w, taken) + dateline_mentions(doc, gaz)
    unique = {(m.start, m.end, m.force): m for m in reversed(found)}
    return sorted(unique.values(), key=lambda m: (m.start, m.end))
