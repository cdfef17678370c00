"""Wire-story datelines: "BEYROUTH, 23 octobre (Reuters) -" opens a story, it is not part of a
clause."""

from __future__ import annotations

import re

# An upper-case place, a comma and a short date (or none), an agency or outlet in brackets, then
# a dash: "BEYROUTH, 23 octobre (Reuters) -", "NIAMEY (Reuters) -".
WIRE_DATELINE = re.compile(
    r"[ \t]*[A-ZÀ-Ý][A-ZÀ-Ý'’. -]{1,40}(?:,[^\n()]{0,40})?\([^)\n]{1,40}\)[ \t]*[-–—][ \t]*"
)


def skip_dateline(text: str, start: int = 0) -> int:
    """The offset after a dateline that begins at `start`, or `start` when there is none.

    >>> skip_dateline("GOMA, 3 mai (AFP) - Les rebelles ont attaqué.")
    20
    >>> skip_dateline("GOMA (AFP) - Les rebelles ont attaqué.")
    13
    """
    match = WIRE_DATELINE.match(text, start)
    return match.end() if match else start
