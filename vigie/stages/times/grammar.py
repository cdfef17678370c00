"""Regex grammar of French time expressions: one pattern per kind, matched over the whole text.

The rules and their anchors are in rules.py; each names a resolver (tagger.RESOLVERS). Every
rule finds what its `finditer` over the whole text finds, though it is only tried near its
anchor words (anchors.py); then overlaps are settled longest-first (ties to the earlier rule).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from vigie.stages.times.anchors import (
    DIGITS,
    Anchor,
    anchor_finder,
    entry_words,
    group_runs,
    lead_runs,
    lower_same,
)
from vigie.stages.times.lexicon import TimeWords, time_words
from vigie.stages.times.rules import ANCHORS, RULES

LOGGER = logging.getLogger(__name__)

_APOS = "['’]"


@dataclass(frozen=True)
class Mention:
    """One matched expression: char offsets, the rule that matched and its named groups."""

    start: int
    end: int
    rule: str
    groups: dict


def _entries(w: TimeWords) -> dict[str, list[str]]:
    """The lexicon entries of the pieces that are plain word lists, by piece name."""
    data = w.data
    return {"M": list(w.months), "MB": data["bare_months"], "WD": list(w.weekdays),
            "POD": data["parts_of_day"], "U": list(w.units),
            "REL": [*data["relative_days"], *data["anaphoric_days"]],
            "RELP": data["relative_periods"], "HOL": data["holidays"], "SEASON": data["seasons"],
            "YP": data["year_prepositions"], "FEAST": data["movable_feasts"]}


def _pieces(w: TimeWords) -> dict[str, str]:
    data, words = w.data, _entries(w)
    # "un", "une", "quelques" count things; as a day number they would read "lundi un accord".
    day_words = w.alt([n for n in w.numbers if n not in ("un", "une", "quelques")] + ["premier"])
    full_months = [m for m in words["M"] if m in data["bare_months"]]
    abbreviations = [m for m in words["M"] if m not in data["bare_months"]]
    ordinal = w.alt(list(w.ordinals) + [r"\d{1,2}(?:e|ème|eme|er)"])
    return {
        "D": rf"(?:{day_words}|(?:[12]\d|3[01]|0?[1-9])(?:er|re|e|ème|eme)?)(?![\d,.]\d)",
        "M": "(?:" + w.alt(full_months) + "|" + w.alt(abbreviations) + r"\.?)",
        "MB": "(?-i:" + w.alt(words["MB"]) + ")",
        "Y": r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)",
        "N": r"(?:\d{1,3}|" + w.alt(w.numbers) + ")",
        "ORD": ordinal,
        "A": _APOS,
        **{name: w.alt(words[name])
           for name in ("WD", "POD", "U", "REL", "RELP", "HOL", "SEASON", "YP", "FEAST")},
    }


@dataclass(frozen=True)
class Rule:
    """A rule: its regex (matched with IGNORECASE), and its anchor (None: run over the whole
    text)."""

    name: str
    source: str
    # The rule for the lower-cased text, faster (None: see _folded).
    folded: re.Pattern | None
    anchor: Anchor | None

    @cached_property
    def pattern(self) -> re.Pattern:
        """The rule for the text itself (compiled on first use: most texts need `folded` only)."""
        return re.compile(self.source, re.IGNORECASE)


def rules() -> list[Rule]:
    """The compiled rules of the active lexicon (`time_words()`), built once per lexicon."""
    return _rules(time_words())


@lru_cache(maxsize=4)
def _rules(w: TimeWords) -> list[Rule]:
    pieces = _pieces(w)
    piece_runs = {name: lead_runs(f"(?:{source})") for name, source in pieces.items()}
    compiled = []
    for name, template in RULES:
        body = re.sub(r"\{([A-Z]+)\}", lambda m: pieces[m.group(1)], template)
        source = rf"(?<![\w-]){body}(?![\w])"
        compiled.append(Rule(name, source, _folded(source),
                             _anchor(template, ANCHORS.get(name), _entries(w), piece_runs)))
    return compiled


def _folded(source: str) -> re.Pattern | None:
    """The rule for the lower-cased text: lower-case literals, no IGNORECASE (None when the rule
    is case-sensitive somewhere, or lower-casing would change an escape or a group name)."""
    if "(?-i:" in source or re.search(r"\\[A-Z]|\(\?P<[^>]*[A-Z]", source):
        return None
    return re.compile(source.lower().replace("(?p<", "(?P<"))


def _anchor(template: str, spec, entries: dict[str, list[str]],
            piece_runs: dict[str, int]) -> Anchor | None:
    """The anchor of the rule `template` from its _ANCHORS `spec` (None: no spec, or no bound)."""
    if not spec:
        return None
    words: set[str] = set()
    lead = 0
    try:
        for marker, which, how in spec:
            at = template.index(marker)
            runs = lead_runs(template[:at], piece_runs)
            if how == "last":  # the words end the group: add the runs inside it
                runs += (piece_runs[which] if isinstance(which, str)
                         else group_runs(template, at, piece_runs))
            lead = max(lead, runs)
            words |= _anchor_words(which, how, entries)
    except ValueError as error:  # Unbounded, or a template the run counter cannot read
        LOGGER.warning("time rule %r: no bounded anchor (%s), run over the whole text",
                       template[:40], error)
        return None
    return Anchor(frozenset(words), lead, glued=any(how == "glued" for _, _, how in spec))


def _anchor_words(which: str | set[str], how: str, entries: dict[str, list[str]]) -> set[str]:
    if isinstance(which, set):
        return which
    return {DIGITS} if which == DIGITS else set(entry_words(entries[which], last=how == "last"))


@lru_cache(maxsize=4)
def _finder(w: TimeWords):
    return anchor_finder([rule.anchor for rule in _rules(w)])


def scan(text: str) -> list[Mention]:
    """Every time expression in `text`, non-overlapping, in text order."""
    return list(_scan_cached(text, time_words()))


# The Times stage scans each text up to four times (publication date, then the expressions).
@lru_cache(maxsize=4)
def _scan_cached(text: str, w: TimeWords) -> tuple[Mention, ...]:
    return tuple(_longest_first(_found(text, w)))


def _found(text: str, w: TimeWords | None = None) -> list[tuple]:
    """(start, end, rank, rule name, groups) of every rule's matches, rule by rule."""
    w = w or time_words()
    lower = lower_same(text)
    if lower is None:
        return _found_everywhere(text)
    anchors = _finder(w).index(lower)
    found = []
    for rank, rule in enumerate(_rules(w)):
        pattern, subject = (rule.folded, lower) if rule.folded else (rule.pattern, text)
        if rule.anchor is None:
            matches = list(pattern.finditer(subject))
        else:
            matches = _matches_at(pattern, subject, anchors.starts(rank, rule.anchor.lead))
        for match in matches:
            if match.end() > match.start():
                found.append((match.start(), match.end(), rank, rule.name, _groups(match, text)))
    return found


def _found_everywhere(text: str) -> list[tuple]:
    """_found() the simple way, every rule over the whole text (the reference for tests)."""
    found = []
    for rank, rule in enumerate(rules()):
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                found.append((match.start(), match.end(), rank, rule.name, groups))
    return found


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """What pattern.finditer(text) finds, when every match starts at one of `starts`."""
    matches, end = [], 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            if match.end() == start:  # finditer would look for a longer match here
                return list(pattern.finditer(text))
            matches.append(match)
            end = match.end()
    return matches


def _groups(match: re.Match, text: str) -> dict[str, str]:
    """The named groups that took part in `match`, read from `text` (same offsets)."""
    return {name: text[match.start(name):match.end(name)]
            for name in match.re.groupindex if match.start(name) >= 0}


def _longest_first(found: list[tuple]) -> list[Mention]:
    taken: list[Mention] = []
    used = bytearray()
    for start, end, _rank, name, groups in sorted(found, key=lambda f: (f[0] - f[1], f[2], f[0])):
        if len(used) < end:
            used.extend(b"\0" * (end - len(used)))
        if any(used[start:end]):
            continue
        used[start:end] = b"\1" * (end - start)
        taken.append(Mention(start, end, name, groups))
    return sorted(taken, key=lambda m: m.start)
