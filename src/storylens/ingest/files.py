"""Sources to outcomes: expanding directories, opening files and stdin, routing by format.

The format comes from the content (:func:`storylens.ingest.detect.sniff`), never from the
file name alone. A directory walk passes over hidden files and files whose extension says they
are not articles (:mod:`storylens.ingest.names`), each with a :class:`~storylens.model.Skip`;
a file named on its own is always read. gzip is looked through: a ``.warc.gz``, a
``.jsonl.gz`` or a gzipped page is read as what it holds. Single-article files (text, HTML)
must fit ``max_bytes``; container files (feeds, JSON Lines, WARC) are streamed and only their
records are held to it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from storylens.ingest import messages as m
from storylens.ingest.detect import HEAD_SIZE, Format, Sniffed, gunzip_head, sniff
from storylens.ingest.feeds import read_feed
from storylens.ingest.html import read_html
from storylens.ingest.jsonl import read_jsonl
from storylens.ingest.names import is_not_article_name
from storylens.ingest.options import IngestOptions, Outcome
from storylens.ingest.streams import Limited, gunzip, peek, read_limited
from storylens.ingest.text import read_text
from storylens.ingest.warc import read_warc
from storylens.model import Failure, Skip

__all__ = ["STDIN", "read_source", "read_stream", "walk"]

STDIN = "-"
# Formats whose records are streamed (the others are read whole or refused).
_CONTAINERS = frozenset({Format.WARC, Format.JSONL, Format.FEED})


def read_source(
    source: str | Path, options: IngestOptions, stdin: BinaryIO | None = None
) -> Iterator[Outcome]:
    """Every outcome of one source: ``-`` (stdin), a file, or a directory walked in order."""
    if isinstance(source, str) and source == STDIN:
        yield from read_stream(STDIN, stdin or sys.stdin.buffer, options)
        return
    path = Path(source)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as error:  # e.g. a parent directory that may not be searched
        yield Failure(str(source), m.UNREADABLE.format(error=_reason(error)))
        return
    if is_dir:
        yield from _read_directory(path, options)
    elif exists:
        yield from read_file(str(source), path, options)
    else:
        yield Failure(str(source), m.NOT_FOUND)


def read_file(source: str, path: Path, options: IngestOptions) -> Iterator[Outcome]:
    """Every outcome of one file; ``source`` is its name as the caller gave it."""
    try:
        stream = path.open("rb")
    except OSError as error:
        yield Failure(source, m.UNREADABLE.format(error=_reason(error)))
        return
    with stream:
        try:
            yield from read_stream(source, stream, options, filename=path.name)
        except OSError as error:  # a disk or network file system failing mid-read
            yield Failure(source, m.UNREADABLE.format(error=_reason(error)))


def walk(directory: Path) -> Iterator[Path | Failure]:
    """The files under ``directory``, sorted by name at every level; hidden ones left out."""
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        yield Failure(str(directory), m.DIRECTORY_UNREADABLE.format(error=_reason(error)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from walk(entry)
        elif entry.is_file():
            yield entry


def read_stream(
    source: str, stream: BinaryIO, options: IngestOptions, filename: str | None = None
) -> Iterator[Outcome]:
    """Every outcome of one byte stream, its format sniffed from its first bytes."""
    head, stream = peek(stream, HEAD_SIZE)
    sniffed = sniff(head)
    if len(head) < HEAD_SIZE and not head.strip():  # the whole source is white space
        sniffed = Sniffed(Format.EMPTY)
    if sniffed.format is Format.GZIP:
        yield from _read_gzip(source, stream, gunzip_head(head), options, filename)
    else:
        yield from _read_format(source, stream, sniffed, options, filename)


def _read_directory(directory: Path, options: IngestOptions) -> Iterator[Outcome]:
    found = False
    for entry in walk(directory):
        if isinstance(entry, Failure):
            yield entry
            continue
        found = True
        if is_not_article_name(entry.name):
            yield Skip(str(entry), m.SKIP_NOT_ARTICLE_NAME)
        else:
            yield from read_file(str(entry), entry, options)
    if not found:
        yield Failure(str(directory), m.DIRECTORY_EMPTY)


def _read_gzip(
    source: str, stream: BinaryIO, inner_head: bytes, options: IngestOptions, filename: str | None
) -> Iterator[Outcome]:
    """Read what a gzip stream holds; damage ends it with one Failure after what was read."""
    inner, gunzipped = gunzip(stream)
    sniffed = sniff(inner_head)
    if sniffed.format is Format.GZIP:
        sniffed = Sniffed(Format.BINARY, "gzip data inside gzip data")
    if sniffed.format in _CONTAINERS:
        last: Outcome | None = None
        for last in _read_format(source, inner, sniffed, options, filename):
            yield last
        reported = isinstance(last, Failure) and last.source == source  # e.g. by the WARC reader
        if gunzipped.error and not reported:
            yield Failure(source, m.GZIP_CORRUPT.format(error=m.one_line(gunzipped.error)))
        return
    body = read_limited(inner, options.max_bytes)  # reads all: damage is known before content
    if gunzipped.error:
        yield Failure(source, m.GZIP_CORRUPT.format(error=m.one_line(gunzipped.error)))
    elif sniffed.format is Format.TEXT and (named := _container_name(filename)) is not None:
        yield Failure(source, m.NAME_NOT_CONTENT.format(named=named))
    elif sniffed.format in (Format.TEXT, Format.HTML):
        yield _article(source, body, sniffed.format, options, filename)
    else:
        yield from _read_format(source, inner, sniffed, options, filename)


def _read_format(
    source: str, stream: BinaryIO, sniffed: Sniffed, options: IngestOptions, filename: str | None
) -> Iterator[Outcome]:
    match sniffed.format:
        case Format.EMPTY:
            yield Failure(source, m.EMPTY)
        case Format.BINARY:
            yield Failure(source, m.BINARY.format(kind=sniffed.detail))
        case Format.JSON:
            yield Failure(source, m.JSON_NOT_LINES)
        case Format.XML:
            yield Failure(source, m.XML_NOT_FEED.format(root=sniffed.detail))
        case Format.WARC:
            yield from read_warc(source, stream, options)
        case Format.JSONL:
            yield from read_jsonl(source, stream, options)
        case Format.FEED:
            yield from read_feed(source, stream.read(), options)
        case Format.TEXT if (named := _container_name(filename)) is not None:
            yield Failure(source, m.NAME_NOT_CONTENT.format(named=named))
        case _:
            body = read_limited(stream, options.max_bytes)
            yield _article(source, body, sniffed.format, options, filename)


_CONTAINER_SUFFIXES = {
    ".rss": "an RSS feed",
    ".atom": "an Atom feed",
    ".xml": "XML",
    ".warc": "a WARC archive",
    ".jsonl": "JSON Lines",
    ".ndjson": "JSON Lines",
}


def _container_name(filename: str | None) -> str | None:
    """What a file's name says it holds, when that is a container format (``.gz`` ignored)."""
    if filename is None:
        return None
    name = filename.lower().removesuffix(".gz")
    return next(
        (kind for suffix, kind in _CONTAINER_SUFFIXES.items() if name.endswith(suffix)), None
    )


def _article(
    source: str, body: Limited, kind: Format, options: IngestOptions, filename: str | None
) -> Outcome:
    """A single-article source (text or HTML), refused when over ``max_bytes``."""
    if body.over:
        return Failure(source, m.TOO_LARGE.format(size=body.size, limit=options.max_bytes))
    meta = {"filename": filename}
    if kind is Format.HTML:
        return read_html(source, body.data, meta=meta)
    return read_text(source, body.data, meta=meta)


def _reason(error: OSError) -> str:
    """What the operating system said, e.g. ``Permission denied``."""
    return m.one_line(error.strerror or error)
