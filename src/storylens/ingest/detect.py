"""Telling formats apart from the first bytes of a source, whatever its file name says.

:func:`sniff` looks at a head of :data:`HEAD_SIZE` bytes and returns a :class:`Sniffed`:
the :class:`Format` and, for binary data and foreign XML, a word on what it looks like.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from enum import StrEnum

from storylens.ingest.decode import bom_encoding

__all__ = ["HEAD_SIZE", "Format", "Sniffed", "gunzip_head", "sniff"]

HEAD_SIZE = 8192

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office/EPUB file)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_GZIP_MAGIC = b"\x1f\x8b"
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_FIRST_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]*)")
_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html[\s>])", re.I)
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})


class Format(StrEnum):
    """What a source holds, as told by its first bytes."""

    EMPTY = "empty"
    BINARY = "binary"
    GZIP = "gzip"
    WARC = "warc"
    FEED = "feed"
    XML = "xml"
    JSONL = "jsonl"
    JSON = "json"
    HTML = "html"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Sniffed:
    """A sniffed format; ``detail`` says what binary data looks like or names an XML root."""

    format: Format
    detail: str = ""


def sniff(head: bytes) -> Sniffed:
    """Tell the format of a source from its first bytes.

    >>> sniff(b"<?xml version='1.0'?><rss version='2.0'>").format
    <Format.FEED: 'feed'>
    >>> sniff(b'{"text": "A fire."}\\n').format
    <Format.JSONL: 'jsonl'>
    """
    if not head:
        return Sniffed(Format.EMPTY)
    if head.startswith(_GZIP_MAGIC):
        return Sniffed(Format.GZIP)
    if head.lstrip().startswith(b"WARC/"):
        return Sniffed(Format.WARC)  # before the binary check: records may hold images
    binary = _binary_kind(head)
    if binary:
        return Sniffed(Format.BINARY, binary)
    return _sniff_text(_head_text(head))


def gunzip_head(head: bytes) -> bytes:
    """Decompress what the gzip-compressed ``head`` of a file holds, across gzip members.

    A head cut short gives what could be decompressed; a corrupt one may give nothing.
    """
    out = b""
    data = head
    while data and len(out) < HEAD_SIZE:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += decompressor.decompress(data, HEAD_SIZE - len(out))
        except zlib.error:
            break
        if not decompressor.eof:
            break
        data = decompressor.unused_data
    return out


def _binary_kind(head: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if _BZIP2.match(head):
        return "bzip2-compressed data"
    if b"\x00" in head and bom_encoding(head) not in ("utf-16", "utf-32"):
        return "binary data"
    return None


def _head_text(head: bytes) -> str:
    encoding = bom_encoding(head) or "utf-8"
    return head.decode(encoding, errors="replace").lstrip("\ufeff \t\r\n")


def _sniff_text(text: str) -> Sniffed:
    if text.startswith(("{", "[")):
        return Sniffed(_sniff_json(text))
    if text.startswith("<"):
        return _sniff_markup(text)
    if _HTML_HINT.search(text):
        return Sniffed(Format.HTML)
    return Sniffed(Format.TEXT)


def _sniff_json(text: str) -> Format:
    first_line = text.split("\n", 1)[0].strip()
    if first_line in ("{", "[") or text.startswith(("[{", "[\n")):
        return Format.JSON
    return Format.JSONL if text.startswith("{") else Format.TEXT


def _sniff_markup(text: str) -> Sniffed:
    match = _FIRST_ELEMENT.search(_COMMENT.sub("", text))
    root = match.group(1).lower() if match else ""
    if root in _FEED_ROOTS:
        return Sniffed(Format.FEED)
    if text.startswith("<?xml") and root != "html" and not _HTML_HINT.search(text):
        return Sniffed(Format.XML, root or "none")
    return Sniffed(Format.HTML)
