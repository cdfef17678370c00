"""Where a grammar rule can match: the rule's anchor words, all found in one pass over the text.

Running every rule of grammar.py over a whole text tries ~26 large
case-insensitive patterns at every character (2 ms an article). But every match of a rule
contains an anchor (a weekday, a month, a unit, digits...: time_grammar._ANCHORS) that begins at
most `lead` whitespace runs after the match starts. So one pass finds the anchors of all rules,
and a rule is tried only at the word starts of those short stretches. That finds what `finditer`
over the whole text finds, since `match` at an offset sees the text before it (look-behinds)
and after it (look-aheads) as `finditer` does; tests/test_time_scan.py checks it.

An anchor word is found as a whole run of letters ("mars", not the "mars" of "Marseille"), or
as a whole run of digits; a glued anchor may also end a run ("enhiver": the rule allows no space).
The search runs on the lower-cased text, as do the rules where they can (lower_same).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

LOGGER = logging.getLogger(__name__)

DIGITS = "digits"  # an anchor "word" that stands for any run of digits
_LETTERS = r"[^\W\d_]"
_RUNS = re.compile(rf"{_LETTERS}+|\d+")
_WHITESPACE = re.compile(r"\s+")
# Where a match may start: the pattern of every rule begins with (?<![\w-]).
_START = re.compile(r"(?<![\w-])")


@dataclass(frozen=True)
class Anchor:
    """What a rule's matches must contain: one of `words` (lower case), beginning at most `lead`
    whitespace runs after the start of the match; `glued`: the word may end a longer run."""

    words: frozenset[str]
    lead: int
    glued: bool = False


class Unbounded(ValueError):
    """A pattern whose whitespace runs before its anchor cannot be bounded."""


def group_runs(source: str, at: int, pieces: dict[str, int] | None = None) -> int:
    """Most whitespace runs the group opened at source[at] can span."""
    runs, _, _, _ = _atom(source, at, pieces or {})
    return runs


def entry_words(entries: Iterable[str], last: bool = False) -> frozenset[str]:
    """The first (or last) run of letters or digits of each lexicon entry ("fin d'après-midi":
    "fin", or "midi"), DIGITS for a run of digits."""
    found = set()
    for entry in entries:
        runs = _RUNS.findall(entry.lower())
        run = runs[-1] if last else runs[0]
        found.add(DIGITS if run[0].isdigit() else run)
    return frozenset(found)


def lead_runs(source: str, pieces: dict[str, int] | None = None) -> int:
    """Most whitespace runs a match of the regex `source` can span along one path.

    `source` may stop inside groups (a prefix of a pattern, up to an anchor): then only the
    alternative it stops in counts. `{NAME}` stands for a piece spanning pieces[NAME] runs.

    Raises:
        Unbounded: the pattern can span any number of runs (a repeated group with spaces), or
            uses an element that may match spaces and is not `\\s` (`.`, `\\S`, `[^...]`).
    """
    runs, _, _ = _sequence(source, 0, pieces or {})
    return runs


def _sequence(src: str, i: int, pieces: dict[str, int]) -> tuple[int, int, bool]:
    """(runs, index after, whether src ended here) for the alternatives from src[i] to ")"."""
    best = total = 0
    while i < len(src):
        if src[i] == ")":
            return max(best, total), i + 1, False
        if src[i] == "|":
            best, total, i = max(best, total), 0, i + 1
            continue
        runs, i, ended, single = _atom(src, i, pieces)
        if ended:
            return total + runs, i, True
        runs, i = _quantified(src, i, runs, single)
        total += runs
    return total, i, True


def _atom(src: str, i: int, pieces: dict[str, int]) -> tuple[int, int, bool, bool]:
    """(runs, index after, src ended inside, is one whitespace character) of the atom at src[i]."""
    char = src[i]
    if char == "(":
        body, lookaround = _group_body(src, i)
        runs, end, ended = _sequence(src, body, pieces)
        return (0 if lookaround and not ended else runs), end, ended, False
    if char == "[":
        end = src.index("]", i + 2) + 1  # "]" right after "[" would be a literal
        chars = src[i:end]
        if chars.startswith("[^") or any(escape in chars for escape in ("\\S", "\\W", "\\D")):
            raise Unbounded(chars)
        spaces = "\\s" in chars or " " in chars
        return int(spaces), end, False, spaces
    if char == "\\":
        if src[i + 1] in "SWD":
            raise Unbounded(src[i:i + 2])
        return int(src[i + 1] == "s"), i + 2, False, src[i + 1] == "s"
    if char == "{" and src[i + 1].isupper():
        end = src.index("}", i)
        return pieces[src[i + 1:end]], end + 1, False, False
    if char in ".{*+?":
        raise Unbounded(src[i:])
    return int(char.isspace()), i + 1, False, char.isspace()


def _group_body(src: str, i: int) -> tuple[int, bool]:
    """Where the body of the group opened at src[i] begins, and whether it is a look-around."""
    if not src.startswith("?", i + 1):
        return i + 1, False
    if src.startswith("?P<", i + 1):
        return src.index(">", i) + 1, False
    for opening in ("?=", "?!", "?<=", "?<!"):
        if src.startswith(opening, i + 1):
            return i + 1 + len(opening), True
    return src.index(":", i) + 1, False  # (?:  (?-i:  (?i:


def _quantified(src: str, i: int, runs: int, single: bool) -> tuple[int, int]:
    """Runs of an atom under the quantifier at src[i] (if any), and the index after it."""
    if i >= len(src) or src[i] not in "?*+{" or (src[i] == "{" and not src[i + 1].isdigit()):
        return runs, i
    if src[i] == "{":
        end = src.index("}", i)
        most = src[i + 1:end].split(",")[-1]
        times = int(most) if most else None
        i = end + 1
    else:
        times = 1 if src[i] == "?" else None
        i += 1
    if i < len(src) and src[i] in "?+":  # lazy or possessive
        i += 1
    if runs and not single:
        if times is None:
            raise Unbounded(src)
        runs *= times
    return runs, i


# Characters that IGNORECASE matches to a letter other than their lower case ("ſ" matches "s"),
# or whose lower case is longer ("İ").
CASE_ODD = "İıſ"


def lower_same(text: str) -> str | None:
    """`text` lower-cased, where a case-sensitive match of a lower-case pattern finds what an
    IGNORECASE match finds in `text`, at the same offsets; None when a CASE_ODD character
    prevents it."""
    lower = text.lower()
    if len(lower) != len(text) or any(char in text for char in CASE_ODD):
        return None
    return lower


@dataclass
class AnchorFinder:
    """One regex for the anchor words of all rules, run over the lower-cased text. The words fall
    in kinds, one kind per set of rules they anchor ("mars": day, range_dm and month)."""

    pattern: re.Pattern  # finds anchor words, and runs of digits in its group "digits"
    kind_of: dict[str, int]  # anchor word (or DIGITS) -> its kind (0, 1, ...)
    kinds_of_rule: list[tuple[int, ...]]  # rule index -> the kinds of its anchor words

    def index(self, lower: str) -> TextAnchors:
        """The anchors in the lower-cased text."""
        kind_of = self.kind_of
        found: list[list[int]] = [[] for _ in range(max(kind_of.values(), default=-1) + 1)]
        for match in self.pattern.finditer(lower):
            word = DIGITS if match.lastgroup == "digits" else match.group()
            found[kind_of[word]].append(match.start())
        return TextAnchors(lower, found, self.kinds_of_rule)


def anchor_finder(anchors: list[Anchor | None]) -> AnchorFinder:
    """The finder for anchors[i] of rule i (None: a rule run over the whole text)."""
    rules_of: dict[str, set[int]] = {}
    glued: set[str] = set()
    for rule, anchor in enumerate(anchors):
        for word in anchor.words if anchor else ():
            rules_of.setdefault(word, set()).add(rule)
            if anchor.glued:
                glued.add(word)
    # A whole word found hides a glued word that ends it: it anchors the glued word's rules too
    # (their matches cannot start inside a run of letters, so not after the whole word's start).
    for word in [w for w in rules_of if w not in glued]:
        for ending in glued:
            if word.endswith(ending) and word != ending:
                rules_of[word] |= rules_of[ending]
    whole = [w for w in rules_of if w not in glued and w != DIGITS]
    branches = [rf"(?<!{_LETTERS}){_trie(whole)}(?!{_LETTERS})"] if whole else []
    branches += [r"(?P<digits>\d+)"] if DIGITS in rules_of else []
    branches += [rf"{_trie(glued)}(?!{_LETTERS})"] if glued else []
    pattern = "|".join(branches) or "(?!)"
    kinds = {rules: kind for kind, rules in enumerate({frozenset(r) for r in rules_of.values()})}
    kind_of = {word: kinds[frozenset(rules)] for word, rules in rules_of.items()}
    kinds_of_rule = [tuple(kind for rules, kind in kinds.items() if rule in rules)
                     for rule in range(len(anchors))]
    return AnchorFinder(re.compile(pattern), kind_of, kinds_of_rule)


def _trie(words: Iterable[str]) -> str:
    """An alternation of `words` factored on their first letters ("ma(?:rs|i)"): the regex
    engine then tries a few branches at each word, not every word."""
    following: dict[str, list[str]] = {}
    for word in words:
        following.setdefault(word[:1], []).append(word[1:])
    ends = "" in following
    branches = [re.escape(first) + _trie(rest)
                for first, rest in sorted(following.items()) if first]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


class TextAnchors:
    """The anchors found in one text, and the offsets near them where their rules may match."""

    def __init__(self, text: str, found: list[list[int]], kinds_of_rule: list[tuple[int, ...]]):
        self.text = text
        self.found = found  # offsets of the anchor words, by kind
        self.kinds_of_rule = kinds_of_rule
        self._starts: list[int] | None = None  # where any rule may start (built on first use)
        self._run_ends: list[int] = []
        self._near: dict[tuple[tuple[int, ...], int], list[int]] = {}

    def starts(self, rule: int, lead: int) -> list[int]:
        """Where a match of rule `rule` may start, in text order: the offsets where a match of
        any rule may start, at most `lead` whitespace runs before one of the rule's anchors."""
        kinds = self.kinds_of_rule[rule]
        if (kinds, lead) not in self._near:
            anchors = sorted(chain.from_iterable(self.found[kind] for kind in kinds))
            self._near[kinds, lead] = self._near_anchors(anchors, lead) if anchors else []
        return self._near[kinds, lead]

    def _near_anchors(self, anchors: list[int], lead: int) -> list[int]:
        if self._starts is None:
            self._starts = [m.start() for m in _START.finditer(self.text)]
            self._run_ends = [m.end() for m in _WHITESPACE.finditer(self.text)]
        starts, run_ends = self._starts, self._run_ends
        found: list[int] = []
        done = -1  # the windows move right with their anchors: never list a start twice
        for anchor in anchors:
            before = bisect_right(run_ends, anchor) - 1 - lead
            first = run_ends[before] if before >= 0 else 0
            if first <= done:
                first = done + 1
            found += starts[bisect_left(starts, first):bisect_right(starts, anchor)]
            done = anchor
        return found
