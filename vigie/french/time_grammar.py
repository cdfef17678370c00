"""Regex grammar of French time expressions: one pattern per kind, matched over the whole text.

Each rule names a resolver in vigie/french/time_resolve.py. All rules run over the text once
(linear), then overlaps are settled longest-first (ties to the earlier rule).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from vigie.french.time_words import TimeWords, time_words

LOGGER = logging.getLogger(__name__)

_APOS = "['’]"


@dataclass(frozen=True)
class Mention:
    """One matched expression: char offsets, the rule that matched and its named groups."""

    start: int
    end: int
    rule: str
    groups: dict


def _pieces(w: TimeWords) -> dict[str, str]:
    data = w.data
    # "un", "une", "quelques" count things; as a day number they would read "lundi un accord".
    day_words = w.alt([n for n in w.numbers if n not in ("un", "une", "quelques")] + ["premier"])
    full_months = [m for m in w.months if m in data["bare_months"]]
    abbreviations = [m for m in w.months if m not in data["bare_months"]]
    ordinal = w.alt(list(w.ordinals) + [r"\d{1,2}(?:e|ème|eme|er)"])
    return {
        "D": rf"(?:{day_words}|(?:[12]\d|3[01]|0?[1-9])(?:er|re|e|ème|eme)?)(?![\d,.]\d)",
        "M": "(?:" + w.alt(full_months) + "|" + w.alt(abbreviations) + r"\.?)",
        "MB": "(?-i:" + w.alt(data["bare_months"]) + ")",
        "Y": r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)",
        "WD": w.alt(w.weekdays),
        "POD": w.alt(data["parts_of_day"]),
        "N": r"(?:\d{1,3}|" + w.alt(w.numbers) + ")",
        "U": w.alt(w.units),
        "ORD": ordinal,
        "REL": w.alt(data["relative_days"]),
        "RELP": w.alt(data["relative_periods"]),
        "HOL": w.alt(data["holidays"]),
        "SEASON": w.alt(data["seasons"]),
        "YP": w.alt(data["year_prepositions"]),
        "A": _APOS,
    }


# Rules in priority order (a tie in length goes to the earlier one). {X} are _pieces() names.
_RULES = [
    ("range_dm", r"(?:(?:dans\s+)?la\s+nuit\s+)?(?P<pre>du|de|entre\s+les|entre\s+le|entre)?\s*"
     r"(?:(?P<wd1>{WD})\s+)?(?P<d1>{D})(?:\s+(?P<m1>{M})(?:\s+(?P<y1>{Y}))?)?"
     r"\s*(?:au|à|et(?:\s+le)?|jusqu{A}au|-|–)\s*(?:(?P<wd>{WD})\s+)?(?P<d>{D})\s+(?P<m>{M})"
     r"(?:\s+(?P<y>{Y}))?"),
    ("range_d", r"(?P<pre>du|entre\s+le)\s+(?P<d1>{D})\s+(?:au|et(?:\s+le)?)\s+(?P<d2>{D})"
     r"(?!\s*(?:[\w%]|\d))"),
    ("range_wd", r"(?:(?:dans\s+)?la\s+nuit\s+)?(?:du|de)\s+(?P<wd1>{WD})\s+(?:au|à)\s+(?P<wd2>{WD})"),
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
    ("spaced", r"(?:(?P<le>le)\s+)?(?P<d>\d{1,2})\s(?P<m>\d{1,2})(?:\s(?P<y>\d{4}|\d\d))?(?![\d,.]|\s\d)"),
    ("vague", r"(?:(?:au|en|à\s+la|à)\s+)?(?P<mod>début|mi|fin|courant|milieu|la\s+fin|le\s+début)"
     r"(?:\s*-\s*|\s+)(?:du\s+mois\s+(?:de\s+|d{A})|de\s+l{A}année\s+|de\s+|d{A})?"
     r"(?:(?P<m>{M})(?:\s+(?P<y>{Y}))?|(?P<y2>{Y}))"),
    ("vague_rel", r"(?:en|au|à\s+la|à)\s+(?P<mod>début|milieu|fin|mi)\s+(?:de\s+la\s+|du\s+|de\s+l{A}|d{A}|de\s+)"
     r"(?P<u>semaine|mois|année|an)(?!\s+\d)"),
    ("relday", r"(?P<rel>{REL})(?:\s+(?:du|de)\s+(?P<d>{D})\s+(?P<m>{M}))?"
     r"(?:\s+(?:au\s+|en\s+|dans\s+la\s+)?(?P<pod>{POD}))?"),
    ("this_pod", r"(?:ce|cette|cet)\s+(?P<pod>{POD})"),
    ("pod", r"(?:(?:dans\s+la|en|au|à\s+la|tard\s+dans\s+la|jusqu{A}au|jusqu{A}à\s+la)\s+"
     r"|(?:à|jusqu{A}à|dans)\s+l{A}\s*)(?P<pod>{POD})"),
    ("clock", r"(?:vers|à|dès|avant|après|jusqu{A}à)\s+(?P<hh>[01]?\d|2[0-3])\s*(?:h|H|heures?)"
     r"(?:\s*(?P<mm>[0-5]\d))?(?!\w)"),
    ("relperiod", r"{RELP}"),
    ("offset", r"(?P<anchor>depuis\s+(?:[\w'’-]+\s+){1,4}?)?(?P<dir>il\s+y\s+a|voici|dans|d{A}ici)\s+"
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


@lru_cache(maxsize=1)
def rules() -> list[tuple[str, re.Pattern]]:
    """The compiled rules, built once from the lexicon."""
    pieces = _pieces(time_words())
    compiled = []
    for name, template in _RULES:
        body = re.sub(r"\{([A-Z]+)\}", lambda m: pieces[m.group(1)], template)
        compiled.append((name, re.compile(rf"(?<![\w-]){body}(?![\w])", re.IGNORECASE)))
    return compiled


def scan(text: str) -> list[Mention]:
    """Every time expression in `text`, non-overlapping, in text order."""
    found = []
    for rank, (name, pattern) in enumerate(rules()):
        for match in pattern.finditer(text):
            if match.end() > match.start():
                groups = {k: v for k, v in match.groupdict().items() if v is not None}
                found.append((match.start(), match.end(), rank, name, groups))
    return _longest_first(found)


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
