"""Bytes to text: UTF-8, or a confidently detected encoding; binary refused."""

from __future__ import annotations

import codecs
import re

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
    wide = next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)
    if wide is not None:  # UTF-16 or UTF-32 says so: its NUL bytes are not binary
        try:
            text, encoding = data.decode(wide), wide
        except UnicodeDecodeError:
            raise InputError(Errors.E003) from None
    elif b"\x00" in data[:4096] or _control_share(data[:4096]) > BINARY_CONTROL_SHARE:
        raise InputError(Errors.E002)
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _legacy(data)
    if not text.strip():
        raise InputError(Errors.E001)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


# Byte-order marks of the wide encodings (UTF-32 first: its little-endian mark starts UTF-16's).
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Encodings charset-normalizer picks for French text written in Windows-1252 (« près » read as
# « prčs » in CP1250, « À Alep » as Japanese CP932 in a short text): the bytes are Western
# European unless another script reads with low chaos and the CP1252 reading is not French.
_LATIN_LOOKALIKES = frozenset({"cp1250", "iso8859_2", "cp1252", "latin_1", "iso8859_15",
                               "iso8859_16", "cp1254", "iso8859_9", "mac_latin2", "mac_roman"})
# « c½ur », « ½uvre »: the œ of ISO-8859-15 (0xBD) read as CP1252's ½, next to a letter.
_LATIN9_OE = re.compile(r"[^\W\d_][½¼]|[½¼][^\W\d_]")


def _legacy(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: CP1252 (or ISO-8859-15) when it reads as Western European text,
    else what charset-normalizer finds with confidence."""
    best = from_bytes(data).best()
    western = from_bytes(data, cp_isolation=["cp1252"]).best()
    text = str(western) if western is not None and western.chaos <= MAX_CHAOS else None
    if text is not None and (best is None or best.encoding in _LATIN_LOOKALIKES
                             or detect_lang(text) == "fr"):
        if _LATIN9_OE.search(text):
            return data.decode("iso8859_15"), "iso8859_15"
        return text, "cp1252"
    if best is None or best.chaos > MAX_CHAOS:
        raise InputError(Errors.E003)
    return str(best), best.encoding


def _control_share(data: bytes) -> float:
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(data), 1)


def detect_lang(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid, its model ships in the wheel)."""
    lang, _ = py3langid.classify(text[:2000])
    return lang
