"""French numbers in text: digits, words, approximations, bounds and ranges (no model needed).

`parse_number("2,5 millions")` reads one numeral; `find_quantities(text)` scans a text and returns
every number expression with its character span, best value, bounds and approximation flag.
Conventions (docs/figures.md): "une centaine" is 100 approximate, "des dizaines de milliers" 10000
approximate, "au moins 57" is 57 with low 57, "jusqu'à 300" is 300 with high 300, a range
"entre 20 et 30" has value 20 (its low end: the conservative figure), low 20, high 30.
The span covers the numeral (and its article: "une centaine"), not the modifiers ("environ").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import NamedTuple

from text_to_num import text2num

from vigie.french.modifiers import Modifiers, PhraseIndex, load_modifiers

LOGGER = logging.getLogger(__name__)

# Number words text2num reads (French), with the forms it does not know mapped to ones it does.
NUMBER_WORDS = frozenset(
    "zéro zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize vingt vingts trente quarante cinquante soixante septante huitante nonante cent "
    "cents mille mil million millions milliard milliards".split()
)
_SPELLING = {"zero": "zéro", "mil": "mille", "une": "un"}
# Collective numerals: "une centaine" is about 100.
COLLECTIVES = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}
MULTIPLIERS = {"mille": 1000, "million": 10**6, "millions": 10**6, "milliard": 10**9,
               "milliards": 10**9}
# "un demi-million", "un demi-millier": half of the unit after "demi-".
HALVED = {"million": 10**6, "milliard": 10**9, "millier": 1000}
# Multiplier words that never stand alone as a numeral ("le million de visiteurs").
_NOT_ALONE = frozenset({"million", "millions", "milliard", "milliards"})
SUFFIXES = {"k": 1000, "K": 1000, "M": 10**6, "G": 10**9}
# Words that stand for "more than one" before a collective: "des centaines", "plusieurs milliers".
_INDEFINITE = frozenset({"des", "plusieurs", "quelques", "nombreuses", "nombreux"})
_ONES = frozenset({"un", "une"})
# The words a numeral can start with (besides digits): number words and "des", "plusieurs"...
_STARTS = NUMBER_WORDS | _INDEFINITE | {"demi"}

_DIGITS = (r"(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?|,\d+)"
           r"(?:[kKMG](?!\w))?")
# Words first: most tokens are words, and a word and a number never start on the same character.
_TOKEN = re.compile(
    rf"(?P<word>[^\W\d_]+['’]?)|(?P<num>(?<![\w.,])(?<!\w-){_DIGITS}(?!\w))|(?P<other>\S)"
)


@dataclass
class Quantity:
    """One number expression: `text[start:end]` is its numeral."""

    value: int | float
    start: int
    end: int
    low: int | float | None = None
    high: int | float | None = None
    approximate: bool = False
    article: bool = False  # a lone "un"/"une": an article unless the context counts it


class _Tok(NamedTuple):
    text: str
    kind: str  # num | word | other
    start: int
    end: int
    low: str  # lower case, straight apostrophe: the form lexicon phrases use


def _int(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# Digits a count may have: past 15, a float is no longer exact (and no figure is that large).
MAX_DIGITS = 15


def parse_digits(text: str) -> int | float | None:
    """Read a numeral in digits: "51.000", "20 000", "6.700,54", "2,5", "1,2M", ",0012G"."""
    text = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    scale = SUFFIXES.get(text[-1:], 1)
    if scale != 1:
        text = text[:-1]
    if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "").replace(" ", "")
    text = text.replace(",", ".")
    if len(text) > MAX_DIGITS + 1:
        return None  # not a count (and past 4 300 digits, not even an int: issue 24)
    if text.startswith("."):
        text = "0" + text
    try:
        return _int(round(float(text) * scale, 6))
    except ValueError:
        return None


def parse_words(words: list[str]) -> int | None:
    """Read a sequence of French number words ("quatre vingt dix", "vingt et un"), else None."""
    words = [_SPELLING.get(w.lower(), w.lower()) for w in words if w not in ("-",)]
    if not words or words[-1] == "et":
        return None
    try:
        return text2num(" ".join(words), "fr")
    except ValueError:
        return None


def parse_number(text: str) -> int | float | None:
    """Read one French numeral: digits, words, a mix ("trente 3"), signs and "moins".

    Args:
        text: the numeral alone ("51.000", "vingt-trois", "2,5 millions", "- 1.200.000").

    Returns:
        Its value, or None when the text is not one numeral.
    """
    text = text.strip()
    sign = 1
    match = re.match(r"(?:moins\s+|-\s*)", text, re.IGNORECASE)
    if match:
        sign, text = -1, text[match.end():]
    toks = _tokens(text)
    found = _core(toks, 0, alone=True)
    if found is None or found[1] != len(toks):
        return None
    return sign * found[0].value


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(word, match.lastgroup, match.start(), match.end(),
                 word.lower().replace("’", "'"))
            for match in _TOKEN.finditer(text) for word in (match.group(),)]


# The longest numeral read in words, 999 999 999 999 ("neuf cent quatre-vingt-dix-neuf milliards
# ... neuf cent quatre-vingt-dix-neuf"), is 39 tokens: a longer run is a list of numbers. Reading
# every run whole from each of its words was cubic (3 000 number words: minutes, issue 24).
MAX_NUMERAL_TOKENS = 48


def _word_run(toks: list[_Tok], i: int) -> int:
    """End index of the run of number words starting at i ("vingt-et-un", "trois cents")."""
    j = i
    while j < len(toks) and j - i < MAX_NUMERAL_TOKENS:
        tok = toks[j]
        if tok.kind == "word" and tok.low in NUMBER_WORDS:
            j += 1
        elif tok.text in ("-", "et") and j > i and _joins(toks, j):
            j += 1
        else:
            break
    while j > i and toks[j - 1].text in ("-", "et"):
        j -= 1
    return j


def _joins(toks: list[_Tok], j: int) -> bool:
    """A hyphen or "et" inside a numeral: "vingt-trois", "vingt et un", "vingt-et-un"."""
    k = j
    while k < len(toks) and toks[k].text in ("-", "et"):
        if toks[k].text == "-" and not toks[k - 1].end == toks[k].start == toks[k].end - 1:
            return False
        k += 1
    if k >= len(toks) or toks[k].low not in NUMBER_WORDS:
        return False
    if toks[k - 1].text == "-" and toks[k - 1].end != toks[k].start:
        return False
    has_et = any(t.text == "et" for t in toks[j:k])
    return not has_et or toks[k].low in ("un", "une", "onze")


def _words_value(toks: list[_Tok], i: int, j: int) -> tuple[int, int] | None:
    """Value of the longest parsable prefix of toks[i:j], with its end index."""
    for end in range(j, i, -1):
        value = parse_words([t.text for t in toks[i:end]])
        if value is not None:
            return value, end
    return None


def _core(toks: list[_Tok], i: int, *, alone: bool = False,
          articles: bool = False) -> tuple[Quantity, int] | None:
    """The numeral starting at toks[i] (without modifiers), and the index after it; a lone
    "un"/"une" only with `alone` (a numeral by itself) or `articles` (flagged as an article)."""
    if i >= len(toks):
        return None
    found = _collective(toks, i) or _half(toks, i)
    if found is not None:
        return found
    tok = toks[i]
    article = False
    if tok.kind == "num":
        value, j = parse_digits(tok.text), i + 1
    elif tok.kind == "word" and tok.low in NUMBER_WORDS:
        if tok.low in _NOT_ALONE and not alone:
            return None
        parsed = _words_value(toks, i, _word_run(toks, i))
        if parsed is None:
            return None
        (value, j) = parsed
        j = _mixed_unit(toks, j, value)
        if j == i + 1 and tok.low in _ONES and not (alone or _multiplied(toks, j)
                                                    or _ranged(toks, j)):
            if not articles:
                return None  # in running text "un", "une" alone are articles
            article = True
        value = value + (parse_digits(toks[j - 1].text) if toks[j - 1].kind == "num" else 0)
    else:
        return None
    if value is None:
        return None
    value, j = _multiply(toks, j, value)
    value, j = _and_half(toks, j, value)
    return Quantity(value, tok.start, toks[j - 1].end, article=article), j


def _ranged(toks: list[_Tok], j: int) -> bool:
    """ "une ou deux", "un à trois": a lone "un" opening a range is a numeral."""
    return j + 1 < len(toks) and toks[j].low in ("ou", "à") and (
        toks[j + 1].kind == "num" or toks[j + 1].low in NUMBER_WORDS)


def _half(toks: list[_Tok], i: int) -> tuple[Quantity, int] | None:
    """ "un demi-million", "demi-millier": half the unit (approximate for "millier")."""
    j = i + 1 if toks[i].low in _ONES else i
    if j + 2 >= len(toks) or toks[j].low != "demi" or toks[j + 1].text != "-":
        return None
    unit = HALVED.get(toks[j + 2].low)
    if unit is None:
        return None
    return Quantity(unit // 2, toks[i].start, toks[j + 2].end,
                    approximate=toks[j + 2].low == "millier"), j + 3


def _and_half(toks: list[_Tok], j: int, value: int | float) -> tuple[int | float, int]:
    """ "un million et demi", "deux millions et demie": add half the last multiplier."""
    if j + 1 < len(toks) and toks[j].low == "et" and toks[j + 1].low in ("demi", "demie"):
        unit = MULTIPLIERS.get(toks[j - 1].low)
        if unit is not None and unit > 1000:
            return _int(value + unit / 2), j + 2
    return value, j


def _mixed_unit(toks: list[_Tok], j: int, value: int) -> int:
    """Take a digit unit after a tens word ("trente 3")."""
    if j < len(toks) and toks[j].kind == "num" and toks[j].text.isdigit():
        if value % 10 == 0 and value < 100 and int(toks[j].text) < 10:
            return j + 1
    return j


def _multiplied(toks: list[_Tok], j: int) -> bool:
    return j < len(toks) and toks[j].low in MULTIPLIERS


def _multiply(toks: list[_Tok], j: int, value: int | float) -> tuple[int | float, int]:
    """Apply a following "mille", "millions", "milliards" ("2,5 millions")."""
    if j < len(toks) and toks[j].low in MULTIPLIERS and toks[j - 1].kind == "num":
        return _int(round(value * MULTIPLIERS[toks[j].low], 6)), j + 1
    return value, j


def _collective(toks: list[_Tok], i: int) -> tuple[Quantity, int] | None:
    """ "une centaine", "des dizaines de milliers", "trois centaines", "des milliers"."""
    head = toks[i]
    if head.low in _ONES or head.low in _INDEFINITE:
        count, j = 1, i + 1
    elif head.kind == "num" and head.text.isdigit() and len(head.text) <= MAX_DIGITS:
        count, j = int(head.text), i + 1
    elif head.low in NUMBER_WORDS and head.low not in MULTIPLIERS:
        count, j = parse_words([head.text]), i + 1
    else:
        return None
    unit = _collective_unit(toks, j, indefinite=head.low in _INDEFINITE)
    if unit is None or count is None:
        return None
    value, j = count * unit, j + 1
    if j + 1 < len(toks) and toks[j].low in ("de", "d'") and toks[j + 1].low in (
            "milliers", "millions", "milliards"):
        value, j = value * MULTIPLIERS.get(toks[j + 1].low, 1000), j + 2
    return Quantity(value, head.start, toks[j - 1].end, approximate=True), j


def _collective_unit(toks: list[_Tok], j: int, *, indefinite: bool) -> int | None:
    if j >= len(toks):
        return None
    word = toks[j].low
    unit = COLLECTIVES.get(word) or COLLECTIVES.get(word[:-1] if word.endswith("s") else "")
    if unit is None and indefinite and word in ("milliers", "millions", "milliards"):
        unit = MULTIPLIERS.get(word, 1000)
    return unit


def _match_before(toks: list[_Tok], i: int, by_last: PhraseIndex) -> int | None:
    """Start index of the longest phrase ending right before toks[i], if any."""
    if i == 0:
        return None
    for phrase in by_last.get(toks[i - 1].low, ()):
        k = i - len(phrase)
        if k >= 0 and tuple(t.low for t in toks[k:i]) == phrase:
            return k
    return None


def _match_after(toks: list[_Tok], j: int, by_first: PhraseIndex) -> int | None:
    """End index of the longest phrase starting at toks[j], if any."""
    if j >= len(toks):
        return None
    for phrase in by_first.get(toks[j].low, ()):
        if tuple(t.low for t in toks[j:j + len(phrase)]) == phrase:
            return j + len(phrase)
    return None


def _range(toks: list[_Tok], i: int, qty: Quantity, j: int) -> tuple[Quantity, int]:
    """Extend "entre 20 et 30", "de 10 à 15", "deux ou trois" to a range."""
    before = toks[i - 1].low if i > 0 else ""
    if j >= len(toks):
        return qty, j
    link = toks[j].low
    pairs = {"entre": ("et",), "de": ("à",), "d'": ("à",)}
    if link not in pairs.get(before, ()) + ("ou", "à"):
        return qty, j
    if link == "à" and before not in ("de", "d'") and toks[i].kind != "num":
        return qty, j
    found = _core(toks, j + 1)
    if found is None or not qty.value < found[0].value <= qty.value * 10:
        return qty, j  # "2 à 1" is a score, not a range
    high, k = found
    return Quantity(qty.value, qty.start, high.end, low=qty.value, high=high.value,
                    approximate=True), k


def _bounded(toks: list[_Tok], i: int, qty: Quantity, mods: Modifiers) -> Quantity:
    """Apply the modifiers before the numeral ("au moins", "près de", "jusqu'à")."""
    if _match_before(toks, i, mods.lower_by_last) is not None:
        qty.low, qty.approximate = qty.value, True
    elif _match_before(toks, i, mods.upper_by_last) is not None:
        qty.high, qty.approximate = qty.value, True
    elif _match_before(toks, i, mods.approx_by_last) is not None:
        qty.approximate = True
    return qty


def find_quantities(text: str, modifiers: Modifiers | None = None, *,
                    articles: bool = False) -> list[Quantity]:
    """Every number expression in a text, left to right.

    Args:
        text: any French text.
        modifiers: approximation and bound words (default: the figures lexicon).
        articles: also return each lone "un"/"une", flagged `article` (value 1), for a caller
            that tells a count ("une femme et deux enfants") from an article by its context.

    Returns:
        Quantities with character spans into `text`; signs are not read (a count is never
        negative, and a dash before a number is punctuation in news text).
    """
    mods = modifiers or load_modifiers()
    toks, out, i = _tokens(text), [], 0
    while i < len(toks):
        # Most words cannot start a numeral: skip them before trying the grammar.
        tok = toks[i]
        found = (_core(toks, i, articles=articles)
                 if tok.kind == "num" or tok.low in _STARTS else None)
        if found is None:
            i += 1
            continue
        qty, j = _range(toks, i, *found)
        qty = _bounded(toks, i, qty, mods)
        after = _match_after(toks, j, mods.after_by_first)
        if after is not None:
            qty.approximate = True
        out.append(qty)
        i = j
    return out
