"""A neutral, extractive digest: the strongest claims, each citing the articles behind it.

The digest only repeats what the articles say: every sentence is the wording of one claim as
an article wrote it, chosen by support (facts shared by more independent origins first), then
by where the facts first appear. Quoted statements, questions and loaded wording are left to
the quote and word-choice tables, so the digest stays in the reporting voice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Article, Claim, DigestSentence

__all__ = ["DigestOptions", "make_digest"]

_QUOTE_MARKS = "\"“”‘’'"


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
    options: DigestOptions = DigestOptions(),
) -> tuple[DigestSentence, ...]:
    """Pick claims for the digest within the word budget; shared facts come first."""
    order = {a.id: i for i, a in enumerate(articles)}
    ranked = sorted(
        (c for c in claims if _fit(c.text, options)),
        key=lambda c: (-c.support.independent, -c.support.articles, _first_position(c, order)),
    )
    chosen: list[Claim] = []
    used = 0
    for claim in ranked:
        words = len(claim.text.split())
        if used + words > options.words:
            continue
        chosen.append(claim)
        used += words
    chosen.sort(key=lambda c: (-min(c.support.independent, 2), _first_position(c, order)))
    return tuple(_sentence(c, order) for c in chosen)


def _fit(text: str, options: DigestOptions) -> bool:
    words = len(text.split())
    stripped = text.strip()
    return (
        options.min_words <= words <= options.max_words
        and not any(mark in stripped for mark in _QUOTE_MARKS[:3])
        and not stripped.endswith("?")
    )


def _first_position(claim: Claim, order: dict[str, int]) -> tuple[int, int]:
    return min((order.get(m.span.article, len(order)), m.span.start) for m in claim.mentions)


def _sentence(claim: Claim, order: dict[str, int]) -> DigestSentence:
    cited = sorted({m.span.article for m in claim.mentions}, key=lambda a: (order.get(a, 0), a))
    text = claim.text.strip()
    if text and text[-1] not in ".!?":
        text += "."
    return DigestSentence(text=text, claims=(claim.id,), articles=tuple(cited))
