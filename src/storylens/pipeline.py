"""Run the stages over sources and collect what happened (read, stored, skipped, failed).

The pipeline only wires stages together: reading (:mod:`storylens.ingest`), cleaning
(:mod:`storylens.clean`) and storing (:mod:`storylens.store`). Every document ends as one of
stored, revised (a new version of a stored article, see :mod:`storylens.store.revisions`),
already present, skipped (with a reason) or failed (with a one-line message).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from storylens.clean import UNREAD_DATE, clean
from storylens.ingest import IngestOptions, read_sources
from storylens.ingest.messages import SCRIPT_PAGE, TOO_LONG
from storylens.model import Article, Failure, IngestStats, RawDocument, Skip
from storylens.store import Store

__all__ = ["ProgressHook", "ingest", "iter_articles"]

ProgressHook = Callable[[IngestStats], None]

BATCH_SIZE = 500


def iter_articles(
    sources: Iterable[str | Path] | str | Path,
    *,
    options: IngestOptions | None = None,
    stats: IngestStats | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article]:
    """Read and clean sources, yielding articles; skips and failures are counted in ``stats``."""
    stats = stats if stats is not None else IngestStats()
    options = options or IngestOptions()
    for item in read_sources(sources, options=options, stdin=stdin):
        if isinstance(item, Failure):
            stats.failed.append(item)
            continue
        stats.read += 1
        outcome = item if isinstance(item, Skip) else _clean(item, options.max_chars)
        if isinstance(outcome, Skip):
            stats.skipped.append(outcome)
        elif isinstance(outcome, Failure):
            stats.failed.append(outcome)
        else:
            if (given := outcome.meta.get(UNREAD_DATE)) is not None:
                stats.warnings.append((outcome.source or "", unread_date(given)))
            yield outcome


def unread_date(given: object) -> str:
    """The warning for a publication date that could not be read (``given``, as written),
    with the ISO form of each day a numeric date may mean.

    >>> unread_date("12/05/2026").partition("as a date: ")[2]
    'write it as 2026-05-12 or 2026-12-05, whichever it is'
    >>> unread_date("31/04/2026").partition("as a date: ")[2]
    'no such day: check the date, then write it as 2026-05-02T10:00:00Z'
    """
    head = f"publication date {str(given)!r} is not ISO 8601 or RFC 2822, so it is kept as"
    head += " written but not used as a date"
    days = _readings(str(given))
    if days is None:
        fix = "write it as 2026-05-02T10:00:00Z or Sat, 02 May 2026 10:00:00 GMT"
    elif not days:
        fix = "no such day: check the date, then write it as 2026-05-02T10:00:00Z"
    else:
        fix = "write it as " + " or ".join(days) + (", whichever it is" if len(days) > 1 else "")
    return f"{head}: {fix}"


def _readings(given: str) -> list[str] | None:
    """The ISO days a numeric date ("12/05/2026") may be, day first or month first; None for
    a date of another form."""
    match = _NUMERIC_DATE.fullmatch(given.strip())
    if match is None:
        return None
    first, second, year = (int(g) for g in match.groups())
    days: list[str] = []
    for day, month in ((first, second), (second, first)):
        try:
            days.append(date(year, month, day).isoformat())
        except ValueError:
            continue
    return list(dict.fromkeys(days))


_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def ingest(
    sources: Iterable[str | Path] | str | Path,
    store: Store,
    *,
    options: IngestOptions | None = None,
    progress: ProgressHook | None = None,
    stdin: BinaryIO | None = None,
) -> IngestStats:
    """Read, clean and store sources in batches; return the counts.

    Each batch is written in one transaction, so an interrupted run keeps every finished
    batch and a re-run stores only what is missing.
    """
    stats = IngestStats()
    batch: list[Article] = []
    for article in iter_articles(sources, options=options, stats=stats, stdin=stdin):
        batch.append(article)
        if len(batch) >= BATCH_SIZE:
            _flush(store, batch, stats, progress)
    _flush(store, batch, stats, progress)
    return stats


def _clean(raw: RawDocument, max_chars: int) -> Article | Skip | Failure:
    try:
        article = clean(raw)
    except (ValueError, UnicodeError) as e:  # a document the cleaner cannot handle
        return Failure(raw.source, f"could not be cleaned ({e}): check that it is a news article")
    if isinstance(article, Article) and len(article.text) > max_chars:
        return Failure(raw.source, TOO_LONG.format(size=len(article.text), limit=max_chars))
    if isinstance(article, Skip) and "#" not in raw.source and raw.html is not None:
        shown = script_filled(raw.html)
        if shown is not None:  # a file the user gave that cannot be read as it is
            return Failure(raw.source, SCRIPT_PAGE.format(shown=shown))
    return article


_SCRIPT = re.compile(r"<script\b", re.I)
_WAITING = re.compile(
    r"<noscript\b|\b(?:loading|enable javascript|javascript is (?:required|disabled))\b", re.I
)
_MAIN_TEXT = re.compile(
    r"<(?:main|article)\b[^>]*>(.*?)</(?:main|article)>|<body\b[^>]*>(.*?)</body>", re.I | re.S
)


def script_filled(html: str) -> str | None:
    """The few words a page shows when a script fills in its text ("Loading live updates..."),
    or None when it looks like a page with its text in it.

    >>> script_filled('<body><div>Loading…</div><script>load()</script></body>')
    'Loading…'
    """
    if not _SCRIPT.search(html) or not _WAITING.search(html):
        return None
    found = _MAIN_TEXT.search(html)
    inner = (found.group(1) or found.group(2)) if found else html
    inner = re.sub(
        r"<(script|style|noscript|nav|header|footer|h1)\b.*?</\1>", " ", inner, flags=re.I | re.S
    )
    words = " ".join(re.sub(r"<[^>]+>", " ", inner).split())
    return words[:60] if len(words.split()) <= 12 else None


def _copies(
    store: Store, batch: Sequence[Article], present: Sequence[str]
) -> list[tuple[str, str, str]]:
    """(source, id, stored source) of the batch's whole-file articles the store already
    holds from another file (the same text under another name). Re-reading a file, and the
    entries of a feed, JSON Lines or WARC file (``path#entry-2``: a feed polled again
    repeats its entries), say nothing."""
    wanted = set(present)
    files = [a for a in batch if a.id in wanted and a.source and "#" not in a.source]
    if not files:
        return []
    stored = {a.id: a.source for a in store.iter_articles(ids=sorted({a.id for a in files}))}
    return [
        (a.source, a.id, source)
        for a in files
        if a.source and (source := stored.get(a.id)) and source != a.source
    ]


def _flush(
    store: Store, batch: list[Article], stats: IngestStats, progress: ProgressHook | None
) -> None:
    if batch:
        result = store.add_articles(batch)
        stats.stored += result.stored
        stats.revised += result.revised
        stats.present += result.already_present
        stats.copies += _copies(store, batch, result.present_ids)
        batch.clear()
    if progress is not None:
        progress(stats)
