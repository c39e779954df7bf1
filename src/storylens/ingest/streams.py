"""Byte streams: peeking at a head without losing it, and reading within a size limit.

Files are seekable and simply rewound; stdin may be a pipe, so its head is put back in front
of the rest by :class:`_Prefixed`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, cast

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["Limited", "peek", "read_limited", "skip_rest"]

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
