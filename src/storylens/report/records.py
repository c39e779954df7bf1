"""Plain, JSON-ready records of model objects, with stable field names and order."""

from __future__ import annotations

from typing import Any

from storylens.model import Article, Story, StoryAssignment
from storylens.text import shorten

__all__ = [
    "USER_RULES",
    "article_record",
    "article_row",
    "assignment_row",
    "duplicate_row",
    "features_text",
    "story_article_row",
    "story_record",
]


def article_record(article: Article) -> dict[str, Any]:
    """Everything about one article: metadata, cleaned text, paragraphs, sentences, removals."""
    return {
        "id": article.id,
        "outlet": article.outlet,
        "outlet_evidence": article.outlet_evidence,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "author": article.author,
        "source": article.source,
        "content_hash": article.content_hash,
        "text": article.text,
        "paragraphs": [
            {
                "start": p.start,
                "end": p.end,
                "kind": p.kind.value,
                "sentences": [{"start": s, "end": e} for s, e in p.sentences],
            }
            for p in article.paragraphs
        ],
        "removed": [{"text": r.text, "reason": r.reason, "at": r.at} for r in article.removed],
        "meta": dict(sorted(article.meta.items())),
    }


def article_row(article: Article, *, full: bool = False) -> dict[str, Any]:
    """A flat summary of one article: for a table (the title whole, as the table wraps text;
    the publication time to the minute) or CSV (``full``, nothing cut)."""
    title = article.title or article.text.split("\n", 1)[0]
    published = article.published or ""
    return {
        "id": article.id,
        "outlet": article.outlet or "",
        "title": title,
        "published": published if full else published[:16].replace("T", " "),
        "sentences": len(article.sentences),
        "removed": len(article.removed),
        "source": article.source or "",
    }


def _shorten(line: str) -> str:
    return shorten(line, 60)


def story_record(story: Story) -> dict[str, Any]:
    """One story: id, label, counts, date range and its article ids (as given at ingest)."""
    return {
        "id": story.id,
        "label": story.label,
        "article_count": len(story.articles),
        "outlet_count": story.outlets,
        "origin_count": story.origins,
        "first_published": story.first_published,
        "last_published": story.last_published,
        "articles": list(story.articles),
    }


def story_article_row(article: Article, *, full: bool = False) -> dict[str, Any]:
    """An article as a row of a story listing: for a table (title shortened) or, ``full``,
    for JSON and CSV (nothing cut; unknown values are ``None``)."""
    title = article.title or article.text.split("\n", 1)[0]
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": title if full else _shorten(title),
        "published": article.published,
    }


USER_RULES = frozenset({"pinned", "must-link"})
"""Rules of the articles the user placed (``story split``, ``merge``, ``move``): no score
decided where they are."""


def assignment_row(assignment: StoryAssignment) -> dict[str, Any]:
    """Why an article is in its story: rule, who placed it, score, runner-up and the deciding
    features (an object). An article the user placed has no score, threshold or runner-up:
    ``None``, and no features; a runner-up that does not exist is ``None`` too."""
    if assignment.rule in USER_RULES:
        return {
            "article": assignment.article,
            "rule": assignment.rule,
            "placed_by": "user",
            "score": None,
            "threshold": None,
            "runner_up": None,
            "runner_up_score": None,
            "features": {},
        }
    runner_up = assignment.runner_up or None
    return {
        "article": assignment.article,
        "rule": assignment.rule,
        "placed_by": "clustering",
        "score": assignment.score,
        "threshold": assignment.threshold,
        "runner_up": runner_up,
        "runner_up_score": assignment.runner_up_score if runner_up else None,
        "features": dict(sorted(assignment.features.items())),
    }


def features_text(features: dict[str, Any]) -> str:
    """The features on one line, for a table or CSV.

    >>> features_text({"words": 0.31234, "shared_names": ["a", "b"], "year_conflict": False})
    'words=0.312, shared_names=a / b, year_conflict=False'
    """
    return ", ".join(f"{k}={_brief(v)}" for k, v in features.items())


def _brief(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " / ".join(str(v) for v in value[:6])
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def duplicate_row(group: dict[str, Any], *, sep: str = " ") -> dict[str, Any]:
    """A same-origin group as one row: members (joined with ``sep``), origin and how it was
    told, wire agency."""
    links = {link["article"]: link for link in group.get("links", [])}
    members = [
        f"{m} ({links[m]['rule']} {links[m]['jaccard']:.2f})" if m in links else str(m)
        for m in group.get("members", [])
    ]
    return {
        "id": group.get("id", ""),
        "members": sep.join(members),
        "origin": group.get("origin") or "",
        "origin_rule": group.get("origin_rule") or "",
        "wire": group.get("wire") or "",
    }
