"""Quote marks and sentence bounds found on the raw text (no parse needed).

Pairs « », “ ”, „ “ and straight double quotes, keeping only the outermost pair of nested quotes;
a guillemet left open at the end of a paragraph closes there (French press reopens « at each
paragraph of a long quote); a paragraph that opens with a dialogue dash is a quote to its end.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

OPENERS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_MARKS = re.compile(r'[«»“”„"\n]')
_QUOTE_MARKS = re.compile(r'[«»“”„"]')
_DASH_LINE = re.compile(r"^[ \t]*[—–―-][ \t\u00a0]*(?=\S)", re.MULTILINE)
# A sentence ends at . ! ? … followed by space(s) and an upper-case letter, a quote mark or a dash;
# not after a lone capital ("M. Rodrigues") nor after common abbreviations. The lookbehinds come
# after the first stop so that the regex engine only tries them at a stop, not at every character.
_SENT_END = re.compile(r"\n|[.!?…](?<!\b[A-Z].)(?<!\bSt.)[.!?…]*[»”\"]?(?=\s+[A-ZÀ-Ý«“\"—–])")
SPACES = " \t\n\u00a0\u202f\u2009"


@dataclass
class Marked:
    """A quoted passage: `start`/`end` hold the words inside the marks."""

    start: int
    end: int
    open: int  # offset of the opening mark (or dash)
    close: int | None  # offset of the closing mark; None when closed by the paragraph end
    dash: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in SPACES:
        start += 1
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return start, end


def _closes(stack: list[tuple[str, int]], mark: str) -> int | None:
    """Index in the stack of the opener this mark closes, or None."""
    for i in range(len(stack) - 1, -1, -1):
        if OPENERS[stack[i][0]] == mark:
            return i
    return None


def _flush(text: str, stack: list[tuple[str, int]], end: int, found: list[Marked]) -> None:
    """Close a guillemet left open at a paragraph end (straight quotes left open are noise)."""
    if stack and stack[0][0] in "«“":
        start, stop = _trim(text, stack[0][1] + 1, end)
        if stop > start:
            found.append(Marked(start, stop, stack[0][1], None))
    stack.clear()


def _pair(text: str) -> list[Marked]:
    found: list[Marked] = []
    stack: list[tuple[str, int]] = []
    for match in _MARKS.finditer(text):
        mark, pos = match.group(), match.start()
        if mark == "\n":
            _flush(text, stack, pos, found)
            continue
        at = _closes(stack, mark)
        if at is None and mark in OPENERS:
            stack.append((mark, pos))
        elif at is not None:
            opener = stack[at]
            del stack[at:]
            if not stack:
                start, end = _trim(text, opener[1] + 1, pos)
                if end > start:
                    found.append(Marked(start, end, opener[1], pos))
    _flush(text, stack, len(text), found)
    return found


def _dashes(text: str, taken: list[Marked]) -> list[Marked]:
    found = []
    for match in _DASH_LINE.finditer(text):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        start, end = _trim(text, match.end(), line_end)
        if end > start and not any(m.start <= start < m.end for m in taken):
            found.append(Marked(start, end, match.start(), None, dash=True))
    return found


def find_marked(text: str) -> list[Marked]:
    """Every outermost quoted passage and dialogue line of `text`, in text order."""
    if not _QUOTE_MARKS.search(text) and not _DASH_LINE.search(text):
        return []
    marked = _pair(text)
    marked += _dashes(text, marked)
    return sorted(marked, key=lambda m: m.start)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation (quotes and odd capitals fool the parser's sentences)."""
    bounds, start = [], 0
    for match in _SENT_END.finditer(text):
        end = match.end()
        if text[start:end].strip():
            bounds.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        bounds.append(_trim(text, start, len(text)))
    return bounds
