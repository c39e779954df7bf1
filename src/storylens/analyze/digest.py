"""A neutral, extractive digest: the strongest claims, each citing the articles behind it.

The digest only repeats what the articles say: every sentence is the wording of one claim as
an article wrote it, to the letter (a whole sentence, or the last clause of one), chosen by
support (facts shared by more independent origins first), then by where the facts first
appear, until the word budget is spent. It leaves out what is not a
plain statement in the reporting voice: quoted words (they belong to the speaker), questions,
clause fragments, and any claim that holds a disputed number (the conflicts table shows it,
with each side and its source).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Article, Claim, Conflict, DigestSentence, QuoteMention, Span

__all__ = ["DigestOptions", "make_digest"]

_QUOTE_MARKS = '"“”'


@dataclass(frozen=True, slots=True)
class DigestOptions:
    """How long the digest may be, and which claims may enter it."""

    words: int = 120
    min_words: int = 6  # shorter wordings are fragments, not statements
    max_words: int = 45  # longer ones read badly in a summary


def make_digest(
    claims: Sequence[Claim],
    articles: Sequence[Article],
    *,
    options: DigestOptions | None = None,
    conflicts: Sequence[Conflict] = (),
    quotes: Sequence[QuoteMention] = (),
) -> tuple[DigestSentence, ...]:
    """Pick claims, most supported first, until the next one would pass the word budget."""
    options = options or DigestOptions()
    order = {a.id: i for i, a in enumerate(articles)}
    avoid = [n.span for c in conflicts for n in c.mentions] + [q.span for q in quotes]
    ranked = sorted(
        (c for c in claims if _plain(c.text, options) and not _touches(c, avoid)),
        key=lambda c: (-c.support.independent, -c.support.articles, _first_position(c, order)),
    )
    chosen: list[Claim] = []
    used = 0
    for claim in ranked:
        words = len(claim.text.split())
        if used + words > options.words:
            break
        chosen.append(claim)
        used += words
    chosen.sort(key=lambda c: (-min(c.support.independent, 2), _first_position(c, order)))
    return tuple(_sentence(c, order) for c in chosen)


def _plain(text: str, options: DigestOptions) -> bool:
    """A whole statement in the article's own words: long enough, starts and ends like a
    sentence (a clause cut from a longer sentence would need words added), no quoted words,
    not a question."""
    stripped = text.strip()
    words = len(stripped.split())
    return (
        options.min_words <= words <= options.max_words
        and stripped[:1].isupper()
        and stripped.endswith((".", "!"))
        and not any(mark in stripped for mark in _QUOTE_MARKS)
    )


def _touches(claim: Claim, spans: Sequence[Span]) -> bool:
    """True when a mention of the claim overlaps one of the spans (a disputed number, a quote)."""
    return any(m.span.overlaps(s) for m in claim.mentions for s in spans)


def _first_position(claim: Claim, order: dict[str, int]) -> tuple[int, int]:
    return min((order.get(m.span.article, len(order)), m.span.start) for m in claim.mentions)


def _sentence(claim: Claim, order: dict[str, int]) -> DigestSentence:
    cited = sorted({m.span.article for m in claim.mentions}, key=lambda a: (order.get(a, 0), a))
    return DigestSentence(text=claim.text.strip(), claims=(claim.id,), articles=tuple(cited))
