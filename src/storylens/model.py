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
from typing import Any

__all__ = [
    "Article",
    "Bound",
    "Claim",
    "ClaimMention",
    "Conflict",
    "DigestSentence",
    "DuplicateLink",
    "Entity",
    "Failure",
    "IngestStats",
    "NumberMention",
    "OriginGroup",
    "Override",
    "Paragraph",
    "ParagraphKind",
    "Quote",
    "QuoteFidelity",
    "QuoteKind",
    "QuoteMention",
    "RawDocument",
    "Removal",
    "Skip",
    "SourceCitation",
    "Span",
    "Story",
    "StoryAnalysis",
    "StoryAssignment",
    "Support",
    "Why",
    "WordChoice",
    "content_hash",
]


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
    ``title``, ``published``, ``author``, ``sitename``, ``feed_title``, ``guid``,
    ``author_email`` (a feed's), ``crawled`` (a WARC record's date: when the page was fetched,
    not published) and any unknown JSON Lines fields.
    """

    source: str
    text: str | None = None
    html: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

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
    ``photo-credit``, ``source-line``, ``byline``, ``embed`` (an embedded social post),
    ``dateline``, ``wire-dateline`` (a reprinted wire story's own), ``wire-credit`` (its
    "(TPA)" at the end), ``duplicate-paragraph``,
    ``title`` (a first line repeating the title), ``separator`` (``***``, ``___``),
    ``control-characters``, ``outside-body`` (a line of an HTML page that trafilatura's
    main-text extraction left out).
    """

    text: str
    reason: str
    at: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article. It owns ``text``; every span points into it.

    ``id`` is the id given by the source (a JSON Lines ``id``) or else the content hash of
    ``text``; ``content_hash`` is always the hash of ``text``, so two copies of one article
    share it whatever their ids. A store keeps a *revision* (its source sent the article again
    with other text) under its content hash when the earlier version holds the given id, and
    gives back ``meta["revises"]`` (on the revision) and ``meta["revised_by"]`` (on the
    earlier version): see :mod:`storylens.store.revisions`.
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
    meta: Mapping[str, Any] = field(default_factory=dict)

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
    revised: int = 0
    skipped: list[Skip] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    copies: list[tuple[str, str, str]] = field(default_factory=list)
    """(source, article id, source stored with it) for each document whose text the store
    already holds from another source: it is the same article, stored once."""
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(source, message) for each document read with something left out that the user should
    know of (a publication date that could not be read)."""

    def summary(self) -> str:
        """One line: ``N read, N stored, N already present, N skipped (reasons), N failed``,
        with ``N revised`` after ``stored`` when revisions of stored articles were stored
        (``stored`` counts new articles only).

        The failures are counted, not listed: each has its own one-line message
        (:attr:`Failure.message`), which the command line prints before this summary.
        """
        parts = [
            f"{self.read} read",
            f"{self.stored} stored",
            *([f"{self.revised} revised"] if self.revised else []),
            f"{self.present} already present",
            f"{len(self.skipped)} skipped{_reasons(s.reason for s in self.skipped)}",
            f"{len(self.failed)} failed",
        ]
        return ", ".join(parts)


def _reasons(reasons: Any) -> str:
    counts: dict[str, int] = {}
    for reason in reasons:
        counts[reason] = counts.get(reason, 0) + 1
    if not counts:
        return ""
    return " (" + ", ".join(f"{n} {r}" for r, n in sorted(counts.items())) + ")"


# --------------------------------------------------------------------------------------------
# Analysis of one story: the claim matrix and its views. Every item points into article text
# through Span objects; renderers add the covered text from the article.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Why:
    """Why a link was made (or refused): the rule, the score and the deciding features."""

    rule: str
    score: float | None = None
    features: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Support:
    """How many articles, outlets and independent origins support a claim."""

    articles: int
    outlets: int
    independent: int


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """One article's wording of a claim, with why it was linked to the claim."""

    span: Span
    why: Why


@dataclass(frozen=True, slots=True)
class Claim:
    """One fact with its mentions in each article. ``text`` is its most central wording.

    ``also`` holds sentences of other articles that state the fact too but were matched to
    another claim (a sentence holding two facts belongs to one claim): those articles do not
    leave the fact out.
    """

    id: str
    text: str
    mentions: tuple[ClaimMention, ...]
    support: Support
    also: tuple[ClaimMention, ...] = ()


class QuoteKind(StrEnum):
    """What a stretch between quote marks is."""

    STATEMENT = "statement"  # a full quoted statement with a speaker
    PARTIAL = "partial"  # a few quoted words inside a sentence, with a speaker
    SCARE = "scare"  # quote marks with no speaker: a term, a title, a slogan


class QuoteFidelity(StrEnum):
    """How a quote reported by several articles compares across them."""

    SINGLE = "single"  # quoted by one article only
    VERBATIM = "verbatim"
    PUNCTUATION = "punctuation"  # same words, different punctuation or dashes
    FRAGMENT = "fragment"  # one article quotes part of a longer quote
    REWORDED = "reworded"
    OTHER_SPEAKER = "other-speaker"  # same words attributed to a different speaker


@dataclass(frozen=True, slots=True)
class QuoteMention:
    """A direct quote in one article: the words inside the marks, and who said them."""

    span: Span
    kind: QuoteKind
    speaker: str | None
    speaker_span: Span | None
    why: Why


@dataclass(frozen=True, slots=True)
class Quote:
    """The same quote across articles, with its fidelity class."""

    id: str
    speaker: str | None
    fidelity: QuoteFidelity
    mentions: tuple[QuoteMention, ...]
    why: Why


class Bound(StrEnum):
    """How a reported quantity is bounded."""

    EXACT = "exact"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    AT_MOST = "at most"
    LESS_THAN = "less than"
    AROUND = "around"
    VAGUE = "vague"  # "dozens", "hundreds", "thousands"


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A reported quantity: value, bound, what is counted, where, when, and according to whom.

    ``value`` is the number as written (``"dozens"`` gives 24 as ``low`` and 99 as ``high``);
    ``low``/``high`` is the range of values the wording allows, used to find conflicts.
    """

    span: Span
    value: float
    bound: Bound
    low: float
    high: float
    what: str | None
    where: str | None
    when: str | None
    attributed_to: str | None
    why: Why


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two or more mentions of the same quantity whose values cannot all be true."""

    id: str
    kind: str
    about: str
    mentions: tuple[NumberMention, ...]
    why: Why


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place with one canonical name across articles."""

    id: str
    name: str
    label: str
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SourceCitation:
    """Who an outlet cites: a source (canonical name and kind) and where it is cited."""

    article: str
    outlet: str | None
    source: str
    kind: str
    mentions: tuple[Span, ...]
    anonymous: int = 0  # mentions given on condition of anonymity ("asked not to be named")


@dataclass(frozen=True, slots=True)
class WordChoice:
    """Terms the outlets use for one referent, or a loaded/hedging term, with counts."""

    concept: str
    kind: str  # "referent" (several terms for one thing), "loaded" or "hedge"
    counts: Mapping[str, Mapping[str, int]]  # term -> article id -> count
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class DigestSentence:
    """One sentence of the neutral digest, citing the claims and articles that support it."""

    text: str
    claims: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """Everything ``compare`` finds for one story's articles."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    non_conflicts: tuple[Conflict, ...] = ()
    entities: tuple[Entity, ...] = ()
    sources_cited: tuple[SourceCitation, ...] = ()
    unattributed: tuple[Span, ...] = ()  # body sentences that cite no source
    wording: tuple[WordChoice, ...] = ()
    digest: tuple[DigestSentence, ...] = ()
    origins: tuple[tuple[str, str], ...] = ()  # (article id, same-origin group id) for the
    # articles of this story that reuse one text (wire copy reprinted); others have none


# --------------------------------------------------------------------------------------------
# Stories: articles about one real-world event, and why each article is where it is.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """Where an article was put and why: best score, runner-up, rule and deciding features.

    ``rule`` is ``joined``, ``new-story``, ``pinned`` (a user's move or split), ``must-link``
    (a user's merge), ``moved``, ``merged`` or ``split`` (the periodic pass), or ``revision``
    (a revised article took the place of its earlier version; ``features["revises"]``).
    """

    article: str
    story: str
    score: float
    runner_up: str | None
    runner_up_score: float
    rule: str
    threshold: float
    features: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one real-world event, with what a listing shows about them."""

    id: str
    label: str
    articles: tuple[str, ...]
    outlets: int
    origins: int
    first_published: str | None = None
    last_published: str | None = None


@dataclass(frozen=True, slots=True)
class Override:
    """A user's correction of the clustering, kept across runs.

    ``kind`` is ``pin`` (``article`` stays in story ``target``) or ``apart`` (``article`` and
    the article ``target`` never share a story). A move is one pin; a merge pins the members
    of one story to the other; a split pins the chosen articles to a new story and keeps
    them apart from the rest.
    """

    kind: str
    article: str
    target: str


# --------------------------------------------------------------------------------------------
# Duplicates: articles that are copies of one original (wire copy reprinted, edited copies).
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """Why one article is in its origin group: its similarity to the group's reference article.

    ``rule``: ``exact`` (same cleaned text), ``near`` (Jaccard >= min_jaccard), ``containment``
    (one mostly contains the other) or ``transitive`` (linked through another member).
    """

    article: str
    jaccard: float
    containment: float
    rule: str


@dataclass(frozen=True, slots=True)
class OriginGroup:
    """Articles that are copies of one original, and what is known about that original.

    ``reference`` is the article the links are measured against: the origin when known, else
    the first member by id. ``origin`` is set only when it can be told, and ``origin_rule`` says
    how: ``feed-source`` (a member's outlet matches a feed's source element), ``earliest-published``
    or ``wire-tag`` (the earliest member carrying the tag). ``wire`` names a news agency whose tag
    is in the text; ``source`` is a feed's source element.
    """

    id: str
    members: tuple[str, ...]
    reference: str
    origin: str | None
    origin_rule: str | None
    wire: str | None
    source: str | None
    links: tuple[DuplicateLink, ...]
