"""Turning bytes into text: byte-order marks, declared charsets, UTF-8, then detection.

Order of trust: a byte-order mark, then UTF-8 (bytes that decode as UTF-8 almost never are
anything else, while declared charsets are often wrong), then a charset the source declared
(HTTP header or HTML ``<meta charset>``), then charset-normalizer. Short Western texts fool
detectors (a Spanish line in cp1252 reads as cp857), so among equally clean candidates
cp1252 wins when it is about as clean and as coherent as the detector's pick: it is by far
the most common legacy encoding of Western news text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

__all__ = ["bom_encoding", "decode_bytes", "html_declared_charset", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# WHATWG: documents labelled latin-1 or ASCII are decoded as windows-1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_PREFERRED_LEGACY = "cp1252"
_CHAOS_MARGIN = 0.01
_COHERENCE_MARGIN = 0.1
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def bom_encoding(data: bytes) -> str | None:
    """The codec named by the byte-order mark ``data`` starts with, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def html_declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes, declared: str | None = None) -> str | None:
    """Decode ``data`` to text, or return ``None`` when it is not text in any encoding.

    >>> decode_bytes("café".encode("cp1252"))
    'café'
    """
    bom = bom_encoding(data)
    candidates = [bom] if bom else ["utf-8", _normal_codec(declared)]
    for encoding in candidates:
        text = _try_decode(data, encoding)
        if text is not None:
            return None if looks_binary(text) else text
    return _detect(data)


def looks_binary(text: str) -> bool:
    """True when decoded text holds NUL or more than 1% other control characters."""
    if "\x00" in text:
        return True
    controls = sum(
        1 for char in text if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return controls > len(text) * _MAX_CONTROL_SHARE


def _normal_codec(name: str | None) -> str | None:
    if not name:
        return None
    lowered = name.strip().lower()
    return _ALIASES.get(lowered, lowered)


def _try_decode(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> str | None:
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    encoding = best.encoding
    for match in matches:
        if _PREFERRED_LEGACY in match.could_be_from_charset and _about_as_good(match, best):
            encoding = _PREFERRED_LEGACY
            break
    text = _try_decode(data, encoding)
    if text is None or looks_binary(text):
        return None
    return text


def _about_as_good(
    match: charset_normalizer.CharsetMatch, best: charset_normalizer.CharsetMatch
) -> bool:
    """True when ``match`` is nearly as clean and as coherent as the detector's best."""
    return (
        match.chaos <= best.chaos + _CHAOS_MARGIN
        and match.coherence >= best.coherence - _COHERENCE_MARGIN
    )
