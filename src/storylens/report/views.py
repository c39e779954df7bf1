"""Views over a story analysis that every renderer shares (shared, unique, omitted claims)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storylens.model import Article, Claim, StoryAnalysis

__all__ = ["ClaimViews", "claim_views", "outlet_name"]


@dataclass(frozen=True, slots=True)
class ClaimViews:
    """Claims grouped the way readers ask about them."""

    shared_by_all: tuple[Claim, ...]
    shared_by_some: tuple[Claim, ...]
    unique: dict[str, tuple[Claim, ...]]  # article id -> claims only it makes
    omitted: dict[str, tuple[Claim, ...]]  # article id -> shared claims it leaves out


def outlet_name(article: Article) -> str:
    """The outlet, or the article id when the outlet is unknown."""
    return article.outlet or article.id


def claim_views(analysis: StoryAnalysis) -> ClaimViews:
    """Split the claim matrix into shared, unique and omitted views."""
    ids = [a.id for a in analysis.articles]
    by_all: list[Claim] = []
    by_some: list[Claim] = []
    unique: dict[str, list[Claim]] = {i: [] for i in ids}
    omitted: dict[str, list[Claim]] = {i: [] for i in ids}
    for claim in analysis.claims:
        present = {m.span.article for m in claim.mentions}
        if len(present) == 1:
            unique[next(iter(present))].append(claim)
            continue
        (by_all if len(present) == len(ids) else by_some).append(claim)
        for i in ids:
            if i not in present:
                omitted[i].append(claim)
    return ClaimViews(
        shared_by_all=tuple(by_all),
        shared_by_some=tuple(by_some),
        unique={k: tuple(v) for k, v in unique.items()},
        omitted={k: tuple(v) for k, v in omitted.items()},
    )


def article_index(articles: Sequence[Article]) -> dict[str, Article]:
    """Articles by id."""
    return {a.id: a for a in articles}
