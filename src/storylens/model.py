"""The storylens data model: every dataclass the library passes around, in one module.

An :class:`Article` owns its cleaned text. Everything derived from an article (paragraphs,
sentences, quotes, numbers, claim mentions) is a :class:`Span`: the article id plus start/end
character offsets into ``Article.text``. Spans are made through :meth:`Article.span`, so the
text a span shows can never drift from its offsets (the spaCy ``Doc``/``Span`` idea).

All classes are frozen and slotted: cheap, hashable where their fields are, and picklable
(a Spark executor needs that).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

__all__ = [
    "Article",
    "Failure",
    "IngestStats",
    "Paragraph",
    "ParagraphKind",
    "RawDocument",
    "Removal",
    "Skip",
    "Span",
    "content_hash",
]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def content_hash(text: str) -> str:
    """Return the content id of a cleaned text: 16 hex digits of its SHA-256.

    >>> content_hash("Hello")
    '185f8db32271fe25'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as read from a source, before cleaning.

    Exactly one of ``text`` (plain text) or ``html`` is set. ``source`` says where it came
    from (a path, ``path#line``, ``path#entry``, a URL inside a WARC, or ``-`` for stdin).
    ``meta`` holds what the source said about the document: ``id``, ``url``, ``outlet``,
    ``title``, ``published``, ``author``, ``sitename``, ``feed_title`` and any unknown
    JSON Lines fields.
    """

    source: str
    text: str | None = None
    html: str | None = None
    meta: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    @property
    def format(self) -> str:
        """``"html"`` or ``"text"``: which field holds the content."""
        return "html" if self.html is not None else "text"


class ParagraphKind(StrEnum):
    """What a paragraph of cleaned text is."""

    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's text: ``Article.text[start:end]``."""

    article: str
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when both spans are in the same article and share at least one character."""
        return self.article == other.article and self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of cleaned text, with its sentences as (start, end) offsets.

    Headings and captions have no sentences: they are not statements of fact.
    """

    start: int
    end: int
    kind: ParagraphKind = ParagraphKind.BODY
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of the source that cleaning removed, and why.

    ``at`` is the offset in the cleaned text where the removed piece stood.
    Reasons are short stable codes: ``promo``, ``related-links``, ``caption-duplicate``,
    ``photo-credit``, ``source-line``, ``byline``, ``dateline``, ``duplicate-paragraph``,
    ``control-characters``.
    """

    text: str
    reason: str
    at: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article. It owns ``text``; every span points into it.

    ``id`` is the id given by the source (a JSON Lines ``id``) or else the content hash of
    ``text``; ``content_hash`` is always the hash of ``text``, so two copies of one article
    share it whatever their ids.
    """

    id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    content_hash: str
    outlet: str | None = None
    outlet_evidence: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    author: str | None = None
    source: str | None = None
    removed: tuple[Removal, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    def span(self, start: int, end: int) -> Span:
        """Make a span of this article, checking the offsets."""
        if not 0 <= start <= end <= len(self.text):
            msg = f"span {start}:{end} is outside article {self.id} (length {len(self.text)})"
            raise ValueError(msg)
        return Span(self.id, start, end)

    def text_of(self, span: Span) -> str:
        """The text a span of this article covers."""
        if span.article != self.id:
            msg = f"span belongs to article {span.article}, not {self.id}"
            raise ValueError(msg)
        return self.text[span.start : span.end]

    @property
    def sentences(self) -> tuple[Span, ...]:
        """Every sentence of the body paragraphs, in order."""
        return tuple(
            Span(self.id, start, end) for p in self.paragraphs for start, end in p.sentences
        )

    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs that are neither headings nor captions."""
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.BODY)


@dataclass(frozen=True, slots=True)
class Skip:
    """A document that was read but holds no usable article (an outcome, not an error)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Failure:
    """A source that could not be read. ``message`` is one line: what, why, how to fix."""

    source: str
    message: str


@dataclass(slots=True)
class IngestStats:
    """Counts for one ingest run, rendered as the closing summary line."""

    read: int = 0
    stored: int = 0
    present: int = 0
    skipped: list[Skip] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    def summary(self) -> str:
        """One line: ``N read, N stored, N already present, N skipped (..), N failed (..)``."""
        parts = [
            f"{self.read} read",
            f"{self.stored} stored",
            f"{self.present} already present",
            f"{len(self.skipped)} skipped{_reasons(s.reason for s in self.skipped)}",
            f"{len(self.failed)} failed{_failures(self.failed)}",
        ]
        return ", ".join(parts)


def _reasons(reasons: Any) -> str:
    counts: dict[str, int] = {}
    for reason in reasons:
        counts[reason] = counts.get(reason, 0) + 1
    if not counts:
        return ""
    return " (" + ", ".join(f"{n} {r}" for r, n in sorted(counts.items())) + ")"


def _failures(failures: list[Failure]) -> str:
    if not failures:
        return ""
    return " (" + "; ".join(f"{f.source}: {f.message}" for f in failures) + ")"
