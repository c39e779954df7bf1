"""Plain, JSON-ready records of model objects, with stable field names and order."""

from __future__ import annotations

from typing import Any

from storylens.model import Article, Story, StoryAssignment
from storylens.text import shorten

__all__ = [
    "article_record",
    "article_row",
    "assignment_row",
    "duplicate_row",
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
    """A flat summary of one article: for a table (shortened) or CSV (``full``, nothing cut)."""
    title = article.title or article.text.split("\n", 1)[0]
    published = article.published or ""
    return {
        "id": article.id,
        "outlet": article.outlet or "",
        "title": title if full else _shorten(title),
        "published": published if full else published[:10],
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


def story_article_row(article: Article) -> dict[str, Any]:
    """An article as a row of a story listing."""
    return {
        "id": article.id,
        "outlet": article.outlet or "",
        "title": _shorten(article.title or article.text.split("\n", 1)[0]),
        "published": article.published or "",
    }


def assignment_row(assignment: StoryAssignment) -> dict[str, Any]:
    """Why an article is in its story: score, runner-up, rule and the deciding features."""
    features = assignment.features
    return {
        "article": assignment.article,
        "rule": assignment.rule,
        "score": assignment.score,
        "threshold": assignment.threshold,
        "runner_up": assignment.runner_up or "",
        "runner_up_score": assignment.runner_up_score,
        "features": ", ".join(f"{k}={_brief(v)}" for k, v in sorted(features.items())),
    }


def _brief(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " / ".join(str(v) for v in value[:6])
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def duplicate_row(group: dict[str, Any]) -> dict[str, Any]:
    """A same-origin group as one row: members, origin and how it was told, wire agency."""
    links = {link["article"]: link for link in group.get("links", [])}
    members = [
        f"{m} ({links[m]['rule']} {links[m]['jaccard']:.2f})" if m in links else str(m)
        for m in group.get("members", [])
    ]
    return {
        "id": group.get("id", ""),
        "members": " ".join(members),
        "origin": group.get("origin") or "",
        "origin_rule": group.get("origin_rule") or "",
        "wire": group.get("wire") or "",
    }
