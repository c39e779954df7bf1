"""Byte streams: peeking at a head without losing it, and reading within a size limit.

Files are seekable and simply rewound; stdin may be a pipe, so its head is put back in front
of the rest by :class:`_Prefixed`. :class:`Gunzip` decompresses gzip (one member or many)
without ever raising: at damage it ends the stream and notes the error, so that everything
before the damage is still read (:class:`gzip.GzipFile` loses the block it was reading).
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, cast

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["CHUNK", "Gunzip", "Limited", "gunzip", "peek", "read_limited", "skip_rest"]

CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Limited:
    """What :func:`read_limited` read: the data, or only the full ``size`` when over the limit."""

    data: bytes
    size: int
    over: bool


def peek(stream: BinaryIO, size: int) -> tuple[bytes, BinaryIO]:
    """Read the first ``size`` bytes; return them and a stream that starts at the beginning."""
    head = stream.read(size)
    if _seekable(stream):
        stream.seek(-len(head), io.SEEK_CUR)
        return head, stream
    return head, cast(BinaryIO, io.BufferedReader(_Prefixed(head, stream), CHUNK))


def read_limited(stream: BinaryIO, limit: int) -> Limited:
    """Read the whole stream if it holds at most ``limit`` bytes, else only count its size."""
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return Limited(data, len(data), over=False)
    return Limited(b"", len(data) + skip_rest(stream), over=True)


def skip_rest(stream: BinaryIO, read_line: bool = False) -> int:
    """Read on to the end of the stream (or of the line), without keeping it; return the count.

    A seekable file is not read: it is sought to its end.
    """
    if not read_line:
        skipped = _seek_to_end(stream)
        if skipped is not None:
            return skipped
    count = 0
    while True:
        chunk = stream.readline(CHUNK) if read_line else stream.read(CHUNK)
        count += len(chunk)
        if not chunk or (read_line and chunk.endswith(b"\n")):
            return count


def _seek_to_end(stream: BinaryIO) -> int | None:
    """Seek to the end and return how far that was, or ``None`` if the stream cannot seek."""
    if not isinstance(stream, io.IOBase) or not _seekable(stream):
        return None
    try:
        here = stream.tell()
        return stream.seek(0, io.SEEK_END) - here
    except (OSError, ValueError):
        return None


def _seekable(stream: BinaryIO) -> bool:
    try:
        return stream.seekable()
    except (OSError, ValueError):
        return False


class _Prefixed(io.RawIOBase):
    """A raw stream that gives ``head`` first, then the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        """Always true: this stream is for reading."""
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Fill ``buffer`` from the head while it lasts, then from the rest."""
        view = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(view), len(self._head))
            view[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def gunzip(stream: BinaryIO) -> tuple[BinaryIO, Gunzip]:
    """A buffered stream of what gzip-compressed ``stream`` holds, and its :class:`Gunzip`."""
    raw = Gunzip(stream)
    return cast(BinaryIO, io.BufferedReader(raw, CHUNK)), raw


class Gunzip(io.RawIOBase):
    """Decompress gzip data member after member; end at damage and keep it in ``error``."""

    def __init__(self, compressed: BinaryIO) -> None:
        super().__init__()
        self._compressed = compressed
        self._decompressor = _decompressor()
        self._pending = b""
        self._done = False
        self.error: str | None = None

    def readable(self) -> bool:
        """Always true: this stream is for reading."""
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        """Fill ``buffer`` with decompressed bytes; 0 at the end or at damage."""
        view = memoryview(buffer).cast("B")
        while not self._pending and not self._done:
            self._pending = self._decompress_more()
        count = min(len(view), len(self._pending))
        view[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count

    def _decompress_more(self) -> bytes:
        data = self._next_input()
        if self._done:
            return b""
        try:
            return self._decompressor.decompress(data, CHUNK)
        except zlib.error as error:
            return self._stop(str(error))

    def _next_input(self) -> bytes:
        """The next compressed bytes to feed; sets ``_done`` (and maybe ``error``) at the end."""
        if self._decompressor.eof:
            rest = self._decompressor.unused_data.lstrip(b"\x00")  # zero padding is allowed
            self._decompressor = _decompressor()
            if rest:
                return rest
            rest = self._compressed.read(CHUNK)
            if not rest:
                self._done = True
            return rest
        data = self._decompressor.unconsumed_tail or self._compressed.read(CHUNK)
        if not data:
            self._stop("compressed data ends before its end-of-stream marker")
        return data

    def _stop(self, error: str) -> bytes:
        self._done = True
        self.error = error
        return b""


def _decompressor() -> zlib._Decompress:
    return zlib.decompressobj(16 + zlib.MAX_WBITS)
