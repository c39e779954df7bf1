"""The ingest stage: read every input format into raw documents.

:func:`read_sources` turns paths (files, directories, ``-`` for stdin) into a stream of
outcomes: one :class:`~storylens.model.RawDocument` per article found, a
:class:`~storylens.model.Skip` for what holds no article, a
:class:`~storylens.model.Failure` (one line: what is wrong and how to fix it) for what cannot
be read. It never raises for bad input. Formats are told from the content: plain text,
HTML, RSS/Atom feeds, JSON Lines, WARC, and any of them gzip-compressed.

>>> import io
>>> outcomes = read_sources(["-"], stdin=io.BytesIO(b"A fire broke out on Tuesday."))
>>> next(outcomes).text
'A fire broke out on Tuesday.'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from storylens.ingest.files import read_source
from storylens.ingest.options import IngestOptions, Outcome
from storylens.model import Failure, RawDocument, Skip

__all__ = ["IngestOptions", "Outcome", "read_sources"]


def read_sources(
    sources: Iterable[str | Path] | str | Path,
    *,
    options: IngestOptions = IngestOptions(),  # noqa: B008 - frozen, so one shared default is safe
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | Failure | Skip]:
    """Yield one outcome per article, skipped document or unreadable source, in order.

    Directories are walked recursively in sorted order, hidden files left out, and files
    whose extension says they are no article (``.py``, ``.md``, ``.pdf``...: see
    :mod:`storylens.ingest.names`) skipped; a file named in ``sources`` is always read.
    ``-`` reads ``stdin`` (default: the process's standard input, as bytes). A generator: huge
    inputs stream. One path given alone (a ``str`` or ``Path``) is one source, not its characters.
    """
    if isinstance(sources, str | os.PathLike):
        sources = [sources]
    for source in sources:
        for outcome in read_source(source, options, stdin):
            yield _with_outlet(outcome, options.outlet)


def _with_outlet(outcome: Outcome, outlet: str | None) -> Outcome:
    """The outcome, with ``meta["outlet"]`` forced to ``outlet`` when that is given."""
    if outlet is None or not isinstance(outcome, RawDocument):
        return outcome
    return replace(outcome, meta={**outcome.meta, "outlet": outlet})
