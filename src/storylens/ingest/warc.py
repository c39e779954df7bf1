"""WARC archives (warcio): every HTML ``response`` record becomes a document.

Records are numbered from 1 in archive order; a document's source is ``path#record-N``, its
``url`` the WARC-Target-URI; title, author, site name and ``published`` come from the page.
The WARC-Date is when the page was fetched, not when it was published: it is kept as
``meta["crawled"]`` (ISO 8601), which the clean stage uses as ``published`` only when neither
the page's metadata nor a date line in its text dates the article. Other record types
(``warcinfo``, ``request``, ``metadata``, ``revisit``...) are passed over silently; non-HTML
responses and HTTP errors or redirects are :class:`~storylens.model.Skip`.

warcio stops quietly at a truncated archive, so completeness is checked here: every record
must hold as many bytes as its ``Content-Length`` says, and the records must account for the
whole stream. Otherwise the records read so far are yielded, then one Failure.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storylens.ingest import messages as m
from storylens.ingest.html import read_html
from storylens.ingest.meta import iso_from_text
from storylens.ingest.options import IngestOptions, Outcome
from storylens.ingest.streams import read_limited
from storylens.model import Failure, Skip

__all__ = ["read_warc"]

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_BLOCK = 1 << 16
_REQUIRED_HEADERS = ("WARC-Type", "WARC-Record-ID", "WARC-Date", "Content-Length")


class _DamagedError(Exception):
    """The archive ends inside a record, holds bytes that are no record, or cannot be parsed."""


# What reading a damaged archive raises: warcio's own error, bad gzip, short reads.
_HEADERS_CUT = "a record's headers are cut short or malformed"
_DAMAGE = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, _DamagedError)


class _Counting:
    """A read-only stream that counts the bytes read through it (``tell`` for warcio)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        """Read and count."""
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        """Bytes read so far."""
        return self.count


def read_warc(source: str, stream: BinaryIO, options: IngestOptions) -> Iterator[Outcome]:
    """One outcome per HTML or skipped response record; one Failure if the archive is damaged.

    ``stream`` holds an uncompressed WARC (a gzip-compressed one is decompressed before).
    """
    counted = _Counting(stream)
    count = 0
    try:
        archive = ArchiveIterator(counted)
        for record in _records(archive):
            outcome = _record_outcome(f"{source}#record-{count + 1}", record, options)
            _check_record(record)
            count += 1
            if outcome is not None:
                yield outcome
        _check_end(archive, counted)
    except _DAMAGE as error:
        yield Failure(
            source,
            m.WARC_CORRUPT.format(records=m.plural(count, "record"), error=m.one_line(error)),
        )


def _records(archive: Any) -> Iterator[Any]:
    """The records of ``archive``; any error while warcio parses one becomes a damage error."""
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except ArchiveLoadFailed as error:
            raise _DamagedError(m.one_line(error)) from error
        # Broad on purpose: warcio raises all sorts (AttributeError, KeyError, ...) on
        # damaged headers, and every parse error means a damaged archive; their own words
        # ("'NoneType' object has no attribute ...") tell a user nothing (user trial 165).
        except Exception as error:
            raise _DamagedError(_HEADERS_CUT) from error
        yield record


def _record_outcome(where: str, record: Any, options: IngestOptions) -> Outcome | None:
    """The outcome of one WARC record, or ``None`` for records that are no page at all."""
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return None
    content_type = http.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return Skip(where, m.SKIP_NON_HTML)
    if not str(http.get_statuscode() or "").startswith("2"):
        return Skip(where, m.SKIP_HTTP_STATUS)
    body = read_limited(record.content_stream(), options.max_bytes)
    if body.over:
        return Failure(where, m.TOO_LARGE.format(size=body.size, limit=options.max_bytes))
    if not body.data.strip():
        return Skip(where, m.SKIP_NO_BODY)
    meta = {
        "url": record.rec_headers.get_header("WARC-Target-URI"),
        "crawled": iso_from_text(record.rec_headers.get_header("WARC-Date")),
    }
    return read_html(where, body.data, meta=meta, charset=_charset(content_type))


def _charset(content_type: str) -> str | None:
    match = _CHARSET.search(content_type)
    return match.group(1) if match else None


def _check_record(record: Any) -> None:
    """Read the record to its end; raise when it lacks a required header or holds fewer
    bytes than it declares (warcio reads a header block cut short as a whole one)."""
    for name in _REQUIRED_HEADERS:
        if not (record.rec_headers.get_header(name) or "").strip():
            msg = f"a record has no {name} header"
            raise _DamagedError(msg)
    if not record.rec_headers.get_header("Content-Length").strip().isdigit():
        msg = "a record has a bad Content-Length header"
        raise _DamagedError(msg)
    raw = record.raw_stream
    while raw.read(_BLOCK):
        pass
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        msg = f"record ends {missing} bytes early"
        raise _DamagedError(msg)


def _check_end(archive: Any, counted: _Counting) -> None:
    """Raise when bytes are left after the last record warcio could read."""
    end = archive.offset
    while counted.read(_BLOCK):
        pass
    if counted.count > end:
        msg = (
            f"{counted.count - end} bytes (uncompressed) after the last complete record are"
            " not a record"
        )
        raise _DamagedError(msg)
