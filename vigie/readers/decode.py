"""Bytes to text: UTF-8, or a confidently detected encoding; binary refused."""

from __future__ import annotations

import py3langid
from charset_normalizer import from_bytes

from vigie.errors import Errors, InputError

# Share of control characters above which bytes are binary, not text (text files have none
# but tabs and newlines; 1% leaves room for a stray form feed).
BINARY_CONTROL_SHARE = 0.01
# charset-normalizer's chaos below this means the decoding reads as language, not noise.
MAX_CHAOS = 0.2


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text.

    Returns:
        The text (BOM and NUL-free, newlines normalised) and the encoding used.

    Raises:
        InputError: empty, binary, or an encoding that cannot be detected with confidence.
    """
    if not data.strip():
        raise InputError(Errors.E001)
    if b"\x00" in data[:4096] or _control_share(data[:4096]) > BINARY_CONTROL_SHARE:
        raise InputError(Errors.E002)
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None or best.chaos > MAX_CHAOS:
            raise InputError(Errors.E003) from None
        text, encoding = str(best), best.encoding
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _control_share(data: bytes) -> float:
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(data), 1)


def detect_lang(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid, its model ships in the wheel)."""
    lang, _ = py3langid.classify(text[:2000])
    return lang
