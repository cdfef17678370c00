"""Regex grammar of French time expressions: one pattern per kind, matched over the whole text.

Each rule names a resolver in resolve.py or relative.py. Every rule finds what its
`finditer` over the whole text finds, though it is only tried near its anchor words
(anchors.py); then overlaps are settled longest-first (ties to the earlier rule).
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
            "POD": data["parts_of_day"], "U": list(w.units), "REL": data["relative_days"],
            "RELP": data["relative_periods"], "HOL": data["holidays"], "SEASON": data["seasons"],
            "YP": data["year_prepositions"]}


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
           for name in ("WD", "POD", "U", "REL", "RELP", "HOL", "SEASON", "YP")},
    }


# Rules in priority order (a tie in length goes to the earlier one). {X} are _pieces() names.
_RULES = [
    ("range_dm", r"(?:(?:dans\s+)?la\s+nuit\s+)?(?P<pre>du|de|entre\s+les|entre\s+le|entre)?\s*"
     r"(?:(?P<wd1>{WD})\s+)?(?P<d1>{D})(?:\s+(?P<m1>{M})(?:\s+(?P<y1>{Y}))?)?"
     r"\s*(?:au|à|et(?:\s+le)?|jusqu{A}au|-|–)\s*(?:(?P<wd>{WD})\s+)?(?P<d>{D})\s+(?P<m>{M})"
     r"(?:\s+(?P<y>{Y}))?"),
    ("range_d", r"(?P<pre>du|entre\s+le)\s+(?P<d1>{D})\s+(?:au|et(?:\s+le)?)\s+(?P<d2>{D})"
     r"(?!\s*(?:[\w%]|\d))"),
    ("range_wd", r"(?:(?:dans\s+)?la\s+nuit\s+)?(?:du|de)\s+(?P<wd1>{WD})"
     r"\s+(?:au|à)\s+(?P<wd2>{WD})"),
    ("range_y", r"(?:(?:de|entre)\s+)(?P<y1>{Y})\s*(?:à|et|-)\s*(?P<y2>{Y})"),
    ("nth", r"(?:(?:le|la)\s+)?(?P<o>{ORD})\s+(?P<what>jour|semaine|quinzaine|{WD})\s+"
     r"(?:du\s+mois\s+(?:de\s+|d{A})|de\s+la\s+|de\s+|d{A}|du\s+)"
     r"(?:(?P<m>{M})(?:\s+(?P<y>{Y}))?|(?P<rel>mois\s+(?:prochain|dernier|suivant)|ce\s+mois))"),
    ("quarter", r"(?:(?:le|au|du)\s+)?(?P<o>{ORD})\s+trimestre(?:\s+(?:de\s+)?(?P<y>{Y}))?"),
    ("week_of", r"la\s+semaine\s+du\s+(?P<d>{D})\s+(?P<m>{M})(?:\s+(?P<y>{Y}))?"),
    ("day", r"(?:(?P<pre>ce|cette|tard|dès|depuis|jusqu{A}à|jusqu{A}au|à\s+compter\s+du|"
     r"à\s+partir\s+du|avant|après|dans\s+la\s+nuit\s+de|la\s+nuit\s+de|la\s+journée\s+de\s+ce|"
     r"la\s+journée\s+de)\s+)?(?:(?:le|du|au)\s+)?"
     r"(?:(?P<wd>{WD})(?:\s+(?P<d>{D})(?:\s+(?P<m>{M})(?:\s+(?P<y>{Y}|(?P<yy>\d\d)(?=\s*(?:$|[.,;)]))))?)?)?"
     r"|(?P<d2>{D})\s+(?P<m2>{M})(?:\s+(?P<y2>{Y}|(?P<yy2>\d\d)(?=\s*(?:$|[.,;)]))))?)"
     r"(?:\s+(?P<mod>dernier|prochain|suivant|passé|d{A}après|en\s+(?:huit|8|quinze|15)|"
     r"cette\s+semaine|(?:de\s+)?la\s+semaine\s+(?:prochaine|suivante|d{A}après|dernière|passée)))?"
     r"(?:\s+(?:au\s+|en\s+|dans\s+la\s+|à\s+l{A}|à\s+la\s+)?(?P<pod>{POD}))?"
     r"(?:\s+(?:à|vers)\s+(?P<hh>\d{1,2})\s*(?:h|heures?)(?:\s*\d\d)?)?"),
    ("numeric", r"(?:le\s+)?(?:(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d\d))?"
     r"|(?P<d2>\d{1,2})[.-](?P<m2>\d{1,2})[.-](?P<y2>\d{4})"
     r"|(?P<y3>\d{4})[-/](?P<m3>\d{1,2})[-/](?P<d3>\d{1,2}))(?![\d/])"),
    ("spaced", r"(?:(?P<le>le)\s+)?(?P<d>\d{1,2})\s(?P<m>\d{1,2})"
     r"(?:\s(?P<y>\d{4}|\d\d))?(?![\d,.]|\s\d)"),
    ("vague", r"(?:(?:au|en|à\s+la|à)\s+)?(?P<mod>début|mi|fin|courant|milieu|la\s+fin|le\s+début)"
     r"(?:\s*-\s*|\s+)(?:du\s+mois\s+(?:de\s+|d{A})|de\s+l{A}année\s+|de\s+|d{A})?"
     r"(?:(?P<m>{M})(?:\s+(?P<y>{Y}))?|(?P<y2>{Y}))"),
    ("vague_rel", r"(?:en|au|à\s+la|à)\s+(?P<mod>début|milieu|fin|mi)\s+"
     r"(?:de\s+la\s+|du\s+|de\s+l{A}|d{A}|de\s+)"
     r"(?P<u>semaine|mois|année|an)(?!\s+\d)"),
    ("relday", r"(?P<rel>{REL})(?:\s+(?:du|de)\s+(?P<d>{D})\s+(?P<m>{M}))?"
     r"(?:\s+(?:au\s+|en\s+|dans\s+la\s+)?(?P<pod>{POD}))?"),
    ("this_pod", r"(?:ce|cette|cet)\s+(?P<pod>{POD})"),
    ("pod", r"(?:(?:dans\s+la|en|au|à\s+la|tard\s+dans\s+la|jusqu{A}au|jusqu{A}à\s+la)\s+"
     r"|(?:à|jusqu{A}à|dans)\s+l{A}\s*)(?P<pod>{POD})"),
    ("clock", r"(?:vers|à|dès|avant|après|jusqu{A}à)\s+(?P<hh>[01]?\d|2[0-3])\s*(?:h|H|heures?)"
     r"(?:\s*(?P<mm>[0-5]\d))?(?!\w)"),
    ("relperiod", r"{RELP}"),
    ("offset", r"(?P<anchor>depuis\s+(?:[\w'’-]+\s+){1,4}?)?"
     r"(?P<dir>il\s+y\s+a|voici|dans|d{A}ici)\s+"
     r"(?P<n>{N})\s+(?P<u>{U})"),
    ("later", r"(?P<n>{N})\s+(?P<u>{U})\s+(?P<dir>plus\s+tard|après|auparavant|plus\s+tôt|avant)"),
    ("lastn", r"(?:(?:les|ces|sur\s+les|au\s+cours\s+des|pendant\s+les|durant\s+les)\s+)?"
     r"(?:(?P<n>{N})\s+)?(?P<dir>derni[eè]re?s?|prochaine?s?)\s+(?P<u>{U})"),
    ("nextn", r"(?P<n>{N})\s+(?P<u>{U})\s+(?P<dir>passée?s?|suivante?s?|écoulée?s?)"),
    ("season", r"(?:(?:au|en|cet|cette|à\s+l{A}|l{A}|l{A}été)\s*)(?P<s>{SEASON})"
     r"(?:\s+(?:de\s+)?(?P<y>{Y}))?(?:\s+(?P<rel>dernier|prochain))?"),
    ("holiday", r"(?P<h>{HOL})(?:\s+(?P<y>{Y}))?"),
    ("month", r"(?:(?P<pre>en|au\s+mois\s+de|le\s+mois\s+de|depuis|dès|jusqu{A}en|avant|après|"
     r"courant|d{A}ici)\s+)?(?P<m>{MB})(?:\s+(?P<y>{Y}))?"),
    ("year", r"(?P<pre>{YP})\s+(?P<y>{Y})(?!\s*[\d%])"),
    ("bare_year", r"(?P<y>{Y})(?!\s*[\d%])"),
]


# The anchors of each rule: words every match contains (time_anchors.py), as (marker, words,
# how). The words begin where `marker` begins in the template ("": at its start); they are
# a piece's entries (by name), DIGITS (any run of digits) or a set; `how` is "first" (the
# first word of each entry), "last" (the last word of each entry of the group or piece at the
# marker: "la semaine dernière" -> "dernière") or "glued" (may end a longer run of letters).
# In every match an anchor word is a whole run of letters (after a space, an apostrophe, a
# hyphen or the match start, before a non-letter) unless glued. A rule without anchors is run
# over the whole text. When editing a rule, keep this true: tests/test_time_scan.py checks.
_ANCHORS = {
    "range_dm": [("(?P<m>", "M", "first")],
    "range_d": [("", {"du", "entre"}, "first")],
    "range_wd": [("(?P<wd1>", "WD", "first")],
    "range_y": [("(?P<y1>", DIGITS, "first")],
    "nth": [("(?P<what>", {"jour", "semaine", "quinzaine"}, "first"), ("(?P<what>", "WD", "first")],
    "quarter": [("trimestre", {"trimestre"}, "first")],
    "week_of": [("semaine", {"semaine"}, "first")],
    "day": [("(?P<wd>", "WD", "first"), ("(?P<m2>", "M", "first")],
    "numeric": [("(?P<d>", DIGITS, "first"), ("(?P<d2>", DIGITS, "first"),
                ("(?P<y3>", DIGITS, "first")],
    "spaced": [("(?P<d>", DIGITS, "first")],
    "vague": [("(?P<mod>", {"début", "mi", "fin", "courant", "milieu"}, "last")],
    "vague_rel": [("(?P<mod>", {"début", "milieu", "fin", "mi"}, "first")],
    "relday": [("(?P<rel>", "REL", "last")],
    "this_pod": [("(?P<pod>", "POD", "first")],
    "pod": [("(?P<pod>", "POD", "first")],
    "clock": [("(?P<hh>", DIGITS, "first")],
    "relperiod": [("", "RELP", "last")],
    "offset": [("(?P<u>", "U", "first")],
    "later": [("(?P<u>", "U", "first")],
    "lastn": [("(?P<u>", "U", "first")],
    "nextn": [("(?P<u>", "U", "first")],
    "season": [("(?P<s>", "SEASON", "glued")],
    "holiday": [("(?P<h>", "HOL", "last")],
    "month": [("(?P<m>", "MB", "first")],
    "year": [("(?P<y>", DIGITS, "first")],
    "bare_year": [("(?P<y>", DIGITS, "first")],
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
    for name, template in _RULES:
        body = re.sub(r"\{([A-Z]+)\}", lambda m: pieces[m.group(1)], template)
        source = rf"(?<![\w-]){body}(?![\w])"
        compiled.append(Rule(name, source, _folded(source),
                             _anchor(template, _ANCHORS.get(name), _entries(w), piece_runs)))
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
