"""The grammar's rules: one regex template per kind of French time expression, and its anchors.

`{X}` in a template is a piece of grammar._pieces() (a lexicon word list or a number form). A tie
in length between two matches goes to the earlier rule. Each rule names its resolver in
tagger.RESOLVERS. See docs/times.md for what each rule reads and how it is resolved.
"""

from __future__ import annotations

from vigie.stages.times.anchors import DIGITS

# A clock time's optional zone: "19 h 30 heure de Paris", "14 h GMT" (kept in the span, not
# converted).
_ZONE = r"(?:\s+(?:heure\s+(?:de\s+paris|locale|française|de\s+france)|gmt|utc))?"
_HOUR = r"(?:[01]?\d|2[0-3])\s*(?:h|heures?)"
# Words before a clock time: "vers 21 h", "à partir de 9 h 15", "peu avant minuit".
_AT = (r"vers|à|dès|avant|après|jusqu{A}à|à\s+partir\s+de|aux\s+alentours\s+de|autour\s+de|"
       r"aux\s+environs\s+de|peu\s+avant|peu\s+après")
# A day number alone after "le", before a comma or the end: "Le 16, les troupes sont entrées".
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9]|1er)"

RULES = [
    ("range_dm", r"(?:(?:dans\s+)?la\s+nuit\s+)?(?P<pre>du|de|entre\s+les|entre\s+le|entre|les)?\s*"
     r"(?:(?P<wd1>{WD})\s+)?(?P<d1>{D})(?:\s+(?P<m1>{M})(?:\s+(?P<y1>{Y}))?)?"
     r"\s*(?:au|à|et(?:\s+le)?|jusqu{A}au|-|–)\s*(?:(?P<wd>{WD})\s+)?(?P<d>{D})\s+(?P<m>{M})"
     r"(?:\s+(?P<y>{Y}))?(?:\s+(?P<mod>derniers|prochains|dernier|prochain))?"),
    ("range_d", r"(?P<pre>du|entre\s+le)\s+(?P<d1>{D})\s+(?:au|et(?:\s+le)?)\s+(?P<d2>{D})"
     r"(?!\s*(?:[\w%]|\d))"),
    ("range_wd", r"(?:(?:dans\s+)?la\s+nuit\s+)?(?:du|de)\s+(?P<wd1>{WD})"
     r"\s+(?:au|à)\s+(?P<wd2>{WD})"),
    ("range_y", r"(?:(?:de|entre)\s+)(?P<y1>{Y})\s*(?:à|et|-)\s*(?P<y2>{Y})"),
    # "la période 1975-1985", "1975-85"
    ("range_y_bare", r"(?P<y1>{Y})\s*[-–]\s*(?:(?P<y2>{Y})|(?P<yy2>\d\d)(?![\d,.]\d))(?![\d%])"),
    ("range_m", r"(?:(?P<pre>de|entre|en|d{A}ici)\s+)?(?P<m1>{MB})\s*(?:[-–/]|\s+(?:à|et|au)\s+)"
     r"\s*(?P<m>{MB})(?:\s+(?P<y>{Y}))?"),
    ("nth", r"(?:(?:le|la)\s+)?(?P<o>{ORD})\s+(?P<what>jour|semaine|quinzaine|{WD})\s+"
     r"(?:du\s+mois\s+(?:de\s+|d{A})|de\s+la\s+|de\s+|d{A}|du\s+)"
     r"(?:(?P<m>{M})(?:\s+(?P<y>{Y}))?|(?P<rel>mois\s+(?:prochain|dernier|suivant)|ce\s+mois))"),
    # "le onzième samedi (de grève)": a weekday, by the tense
    ("ord_wd", r"(?:(?:le|ce|son)\s+)?(?P<o>{ORD})\s+(?P<wd>{WD})"),
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
     r"(?:\s+(?:à|vers)\s+(?P<hh>\d{1,2})\s*(?:h|heures?)(?:\s*(?P<mm>[0-5]\d))?)?"),
    ("numeric", r"(?:le\s+)?(?:(?P<wd>{WD})\s+)?"
     r"(?:(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d\d))?"
     r"|(?P<d2>\d{1,2})[.-](?P<m2>\d{1,2})[.-](?P<y2>\d{4})"
     r"|(?P<y3>\d{4})[-/](?P<m3>\d{1,2})[-/](?P<d3>\d{1,2}))(?![\d/])"),
    ("spaced", r"(?:(?P<le>le)\s+)?(?P<d>\d{1,2})\s(?P<m>\d{1,2})"
     r"(?:\s(?P<y>\d{4}|\d\d))?(?![\d,.]|\s\d)"),
    ("vague", r"(?:(?P<pre>au|en|à\s+la|à|d{A}ici(?:\s+à)?(?:\s+la)?|jusqu{A}à\s+la|avant\s+la|"
     r"dès\s+la)\s+)?(?P<mod>début|mi|fin|courant|milieu|la\s+fin|le\s+début)"
     r"(?:\s*-\s*|\s+)(?:du\s+mois\s+(?:de\s+|d{A})|de\s+l{A}année\s+|de\s+|d{A})?"
     r"(?:(?P<m>{M})(?:\s+(?P<y>{Y}))?|(?P<y2>{Y}))"),
    ("vague_rel", r"(?P<pre>en|au|à\s+la|à|d{A}ici(?:\s+à)?\s+la|jusqu{A}à\s+la|avant\s+la|"
     r"dès\s+la|pour\s+la|depuis\s+le|depuis\s+la|dès\s+le|avant\s+le|après\s+le|"
     r"après\s+la|jusqu{A}au|à\s+partir\s+du|à\s+partir\s+de\s+la)\s+(?P<mod>début|milieu|fin|mi)\s+"
     r"(?:de\s+la\s+|du\s+|de\s+l{A}|d{A}|de\s+)"
     r"(?P<u>semaine|mois|année|an)(?!\s+\d)"),
    ("relday", r"(?P<rel>{REL})(?:\s+(?:du|de)\s+(?P<d>{D})\s+(?P<m>{M}))?"
     r"(?:\s+(?:au\s+|en\s+|dans\s+la\s+)?(?P<pod>{POD}))?(?:\s*\(\s*(?P<wd>{WD})\s*\))?"),
    ("day_only", r"(?P<pre>le)\s+(?P<dn>" + _DAY_NUMBER + r")(?=\s*(?:,|$))"),
    ("this_pod", r"(?:ce|cette|cet)\s+(?P<pod>{POD})"),
    ("pod", r"(?:(?:dans\s+la|en|au|à\s+la|tard\s+dans\s+la|jusqu{A}au|jusqu{A}à\s+la|"
     r"pendant\s+la|durant\s+la|au\s+cours\s+de\s+la|en\s+pleine|en\s+plein|"
     r"dès\s+la|dès\s+le)\s+"
     r"|(?:à|jusqu{A}à|dans|pendant|durant|au\s+cours\s+de|dès)\s+l{A}\s*)(?P<pod>{POD})"),
    ("clock", r"(?P<pre>" + _AT + r")\s+(?P<hh>[01]?\d|2[0-3])\s*(?:h|heures?)"
     r"(?:\s*(?P<mm>[0-5]\d))?(?!\w)" + _ZONE),
    # "de 17 h à 22 h", "entre 9 h 15 et 11 h"
    ("clock_range", r"(?P<pre>de|entre)\s+(?P<hh>[01]?\d|2[0-3])\s*(?:h|heures?)"
     r"(?:\s*(?P<mm>[0-5]\d))?\s*(?:à|et|-|–)\s*(?P<hh2>[01]?\d|2[0-3])\s*(?:h|heures?)"
     r"(?:\s*(?P<mm2>[0-5]\d))?(?!\w)" + _ZONE),
    # "(19 h 30 heure de Paris)", "Vers 1 h 20": hours and minutes need no preposition
    ("clock_bare", r"(?P<hh>[01]?\d|2[0-3])\s*h\s*(?P<mm>[0-5]\d)(?!\w)" + _ZONE),
    ("clock_word", r"(?P<pre>" + _AT + r")\s+(?P<cw>midi|minuit)"
     r"(?:\s+(?P<half>et\s+demie|et\s+quart|(?P<mm>[0-5]\d)))?(?!\w)"),
    ("relperiod", r"(?:(?P<pre>depuis|dès|jusqu{A}à|à\s+partir\s+de)\s+)?(?P<rp>{RELP})"),
    # "sur le trimestre": the latest quarter (or month) whose figures are out
    ("unit_anaphor", r"(?:sur|au\s+cours\s+du|pendant|durant)\s+le\s+(?P<ua>trimestre|mois)"
     r"(?![\w-]|\s+(?:de|d{A}|du|des|dernier|prochain|précédent|suivant|passé|écoulé|en\s+cours|"
     r"qui|où|\d))"),
    ("offset", r"(?P<anchor>depuis\s+(?:[\w'’-]+\s+){1,4}?)?"
     r"(?P<dir>il\s+y\s+a|voici|dans|d{A}ici)\s+"
     r"(?P<n>{N})\s+(?P<u>{U})"),
    ("later", r"(?P<n>{N})\s+(?P<u>{U})\s+(?P<dir>plus\s+tard|après|auparavant|plus\s+tôt|avant)"),
    # "les quatre premiers mois de l'année", "les dix derniers jours de mars"
    ("firstn", r"(?:(?:les|des|aux|sur\s+les|au\s+cours\s+des|pendant\s+les|durant\s+les)\s+)?"
     r"(?P<n>{N})\s+(?P<dir>premi[eè]re?s|derni[eè]re?s)\s+(?P<u>{U})\s+"
     r"(?:de\s+l{A}année(?:\s+(?P<y>{Y}))?|de\s+l{A}an(?:\s+(?P<y3>{Y}))?|du\s+mois(?:\s+de\s+|\s+d{A})?"
     r"(?:(?P<m>{MB})(?:\s+(?P<y2>{Y}))?)?|de\s+(?P<y4>{Y})|de\s+(?P<m2>{MB})|d{A}(?P<m3>{MB}))"),
    ("lastn", r"(?:(?:les|ces|sur\s+les|au\s+cours\s+des|pendant\s+les|durant\s+les)\s+)?"
     r"(?:(?P<n>{N})\s+)?(?P<dir>derni[eè]re?s?|prochaine?s?)\s+(?P<u>{U})"),
    ("nextn", r"(?P<n>{N})\s+(?P<u>{U})\s+(?P<dir>passée?s?|suivante?s?|écoulée?s?)"),
    ("season", r"(?:(?:au|en|cet|cette|à\s+l{A}|l{A}|l{A}été)\s*)(?P<s>{SEASON})"
     r"(?:\s+(?:de\s+)?(?P<y>{Y}))?(?:\s+(?P<rel>dernier|prochain))?"),
    ("holiday", r"(?P<h>{HOL})(?:\s+(?P<y>{Y}))?"),
    ("feast", r"(?<!île\sde\s)(?<!ile\sde\s)(?P<f>{FEAST})(?:\s+(?P<y>{Y}))?"),
    # "ce week-end", "le week-end dernier"
    ("weekend", r"(?:(?P<pre>ce|du|dès\s+ce|pendant\s+ce|durant\s+ce|au\s+cours\s+de\s+ce)\s+"
     r"(?:week-end|weekend|week\s+end)(?:\s+(?P<mod1>dernier|prochain|passé))?"
     r"|(?:le|du|au\s+cours\s+du|pendant\s+le|durant\s+le)\s+(?:week-end|weekend|week\s+end)"
     r"\s+(?P<mod>dernier|prochain|passé))"),
    # "les années 1990", "dans les années 80"
    ("decade", r"(?:(?:les|des|aux|dans\s+les|depuis\s+les|fin\s+des|début\s+des|au\s+cours\s+des|"
     r"pendant\s+les|durant\s+les)\s+)?années\s+(?P<dec>(?:1[5-9]|20)\d0|[1-9]0)(?![\d%])"),
    ("month", r"(?:(?P<pre>en|au\s+mois\s+de|le\s+mois\s+de|depuis|dès|jusqu{A}en|avant|après|"
     r"courant|d{A}ici)\s+)?(?P<m>{MB})(?:\s+(?P<y>{Y}))?(?:\s+(?P<mod>dernier|prochain|passé))?"),
    ("year", r"(?P<pre>{YP})\s+(?P<y>{Y})(?!\s*[\d%])"),
    # "en 95": a two-digit year after a preposition of years
    # not "en 10 000 ans", "en 43\"03" (a race time), "en 12,5 s"
    ("year2", r"(?P<pre>en|depuis|dès|jusqu{A}en)\s+(?P<yy>\d\d)"
     r"(?![\d%\"'’″]|[,.:]\d|\s*%|\s+\d)"),
    ("bare_year", r"(?P<y>{Y})(?!\s*[\d%])"),
]


# The anchors of each rule: words every match contains (anchors.py), as (marker, words, how).
# The words begin where `marker` begins in the template ("": at its start); they are a piece's
# entries (by name), DIGITS (any run of digits) or a set; `how` is "first" (the first word of
# each entry), "last" (the last word of each entry of the group or piece at the marker: "la
# semaine dernière" -> "dernière") or "glued" (may end a longer run of letters). In every match
# an anchor word is a whole run of letters (after a space, an apostrophe, a hyphen or the match
# start, before a non-letter) unless glued. A rule without anchors is run over the whole text.
# When editing a rule, keep this true: tests/stages/times/test_time_scan.py checks.
ANCHORS = {
    "range_dm": [("(?P<m>", "M", "first")],
    "range_d": [("", {"du", "entre"}, "first")],
    "range_wd": [("(?P<wd1>", "WD", "first")],
    "range_y": [("(?P<y1>", DIGITS, "first")],
    "range_y_bare": [("(?P<y1>", DIGITS, "first")],
    "range_m": [("(?P<m1>", "MB", "first")],
    "nth": [("(?P<what>", {"jour", "semaine", "quinzaine"}, "first"), ("(?P<what>", "WD", "first")],
    "ord_wd": [("(?P<wd>", "WD", "first")],
    "quarter": [("trimestre", {"trimestre"}, "first")],
    "week_of": [("semaine", {"semaine"}, "first")],
    "day": [("(?P<wd>", "WD", "first"), ("(?P<m2>", "M", "first")],
    "numeric": [("(?P<d>", DIGITS, "first"), ("(?P<d2>", DIGITS, "first"),
                ("(?P<y3>", DIGITS, "first")],
    "spaced": [("(?P<d>", DIGITS, "first")],
    "vague": [("(?P<mod>", {"début", "mi", "fin", "courant", "milieu"}, "last")],
    "vague_rel": [("(?P<mod>", {"début", "milieu", "fin", "mi"}, "first")],
    "relday": [("(?P<rel>", "REL", "last")],
    "day_only": [("(?P<dn>", DIGITS, "first")],
    "this_pod": [("(?P<pod>", "POD", "first")],
    "pod": [("(?P<pod>", "POD", "first")],
    "clock": [("(?P<hh>", DIGITS, "first")],
    "clock_range": [("(?P<hh>", DIGITS, "first")],
    "clock_bare": [("(?P<hh>", DIGITS, "first")],
    "clock_word": [("(?P<cw>", {"midi", "minuit"}, "first")],
    "relperiod": [("(?P<rp>", "RELP", "last")],
    "unit_anaphor": [("(?P<ua>", {"trimestre", "mois"}, "first")],
    "offset": [("(?P<u>", "U", "first")],
    "later": [("(?P<u>", "U", "first")],
    "firstn": [("(?P<u>", "U", "first")],
    "lastn": [("(?P<u>", "U", "first")],
    "nextn": [("(?P<u>", "U", "first")],
    "season": [("(?P<s>", "SEASON", "glued")],
    "holiday": [("(?P<h>", "HOL", "last")],
    "feast": [("(?P<f>", "FEAST", "last")],
    "weekend": [("(?:week-end|weekend|week\\s+end)", {"week", "weekend"}, "first")],
    "decade": [("années", {"années"}, "first")],
    "month": [("(?P<m>", "MB", "first")],
    "year": [("(?P<y>", DIGITS, "first")],
    "year2": [("(?P<yy>", DIGITS, "first")],
    "bare_year": [("(?P<y>", DIGITS, "first")],
}
