"""Long documents, section by section: a text longer than SECTION_CHARS is cut at paragraph
boundaries, each section extracted on its own, and the sections' records joined into one record
whose offsets point into the whole text.

Why: the spaCy models read at most 1 000 000 characters at once and need memory in proportion
to what they read (a 1 000 000-character text took 4.9 GB), and some stages compare facts across
the whole document. Section by section, memory is that of one section whatever the length, time
grows with the number of sections, and any text vigie's readers accept (5 MB) can be extracted
(issue 24). What joins the sections: actors of the same name and kind, places of the same name
and gazetteer entry; each section's times, quotes, figures and events are kept as they are (an
event is not merged with one of another section, a figure not disputed by one of another).
"""

from __future__ import annotations

from vigie.record import _REFS, Actor, DocumentRecord, Event, Figure, Place, Quote, Time

# Characters per section: a long news story is 20 000; one section of a report takes about
# 5 s and 400 MB over the loaded model (bench/scaling.py).
SECTION_CHARS = 100_000
# Where a section may end, best first: a blank line, a line end, a sentence end, a space.
_BREAKS = ("\n\n", "\n", ". ", " ")
# Record fields holding offsets into the text: single offsets, and lists of [start, end] spans.
_OFFSETS = ("start", "end", "cue_start", "cue_end", "trigger_start", "trigger_end")
_SPANS = ("mentions", "named_mentions")
# What each section keeps as its own: record field, model, id prefix.
_KEPT = (("times", Time, "t"), ("quotes", Quote, "q"), ("figures", Figure, "f"),
         ("events", Event, "e"))


def sections(text: str, size: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """[start, end) of each section of `text`, together the whole text, each at most `size`
    characters, cut after a paragraph break in the section's second half when there is one."""
    spans, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    half = start + (limit - start) // 2
    for mark in _BREAKS:
        at = text.rfind(mark, half, limit - len(mark) + 1)
        if at >= 0:
            return at + len(mark)
    return limit  # no space at all in half a section: cut in the word


def join(text: str, parts: list[tuple[int, DocumentRecord]]) -> DocumentRecord:
    """One record for the whole `text` from each section's (start, record)."""
    first = parts[0][1]
    joined = first.model_copy(update={"text": text, "actors": [], "places": [], "times": [],
                                      "quotes": [], "figures": [], "events": [], "warnings": []})
    actors: dict[tuple, Actor] = {}
    places: dict[tuple, Place] = {}
    for start, record in parts:
        ids = {"a": _merged(actors, record.actors, start, "a",
                            lambda a: (a.name, a.kind, a.kb_id)),
               "p": _merged(places, record.places, start, "p",
                            lambda p: (p.name, p.canonical, p.geonameid, p.level))}
        for name, _, prefix in _KEPT:
            base = len(getattr(joined, name))
            ids[prefix] = {item.id: f"{prefix}{base + k + 1}"
                           for k, item in enumerate(getattr(record, name))}
        for name, model, prefix in _KEPT:  # once every id is known: figures name figures
            getattr(joined, name).extend(
                model(**_moved(item, start, ids, ids[prefix][item.id]))
                for item in getattr(record, name))
        joined.warnings.extend(w for w in record.warnings if w not in joined.warnings)
    joined.actors, joined.places = list(actors.values()), list(places.values())
    return joined


def _merged(found: dict, items: list, start: int, prefix: str, key) -> dict[str, str]:
    """Add a section's actors (or places) to `found`, one per key; map their ids to the joined
    record's."""
    ids = {}
    for item in items:
        same = found.get(key(item))
        if same is None:
            new_id = f"{prefix}{len(found) + 1}"
            same = found[key(item)] = type(item)(**_moved(item, start, {}, new_id))
        else:
            for name in _SPANS:
                if name in type(item).model_fields:
                    getattr(same, name).extend(_shift(getattr(item, name), start))
        ids[item.id] = same.id
    return ids


def _moved(item, start: int, ids: dict[str, dict[str, str]], new_id: str) -> dict:
    """The item's fields with its offsets moved by `start` and its references renamed."""
    data = item.model_dump()
    data["id"] = new_id
    for name in _OFFSETS:
        if data.get(name) is not None:
            data[name] += start
    for name in _SPANS:
        if name in data:
            data[name] = _shift(data[name], start)
    for name, prefix in _REFS.items():
        value = data.get(name)
        if value is None or prefix not in ids:
            continue
        table = ids[prefix]
        data[name] = [table[v] for v in value] if isinstance(value, list) else table[value]
    return data


def _shift(spans, start: int) -> list:
    return [(a + start, b + start) for a, b in spans]
