"""Plain, JSON-ready records of model objects, with stable field names and order."""

from __future__ import annotations

from typing import Any

from storylens.model import Article

__all__ = ["article_record", "article_row"]


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


def article_row(article: Article) -> dict[str, Any]:
    """A flat summary of one article for tables and CSV."""
    return {
        "id": article.id,
        "outlet": article.outlet or "",
        "title": _shorten(article.title or article.text.split("\n", 1)[0]),
        "published": (article.published or "")[:10],
        "sentences": len(article.sentences),
        "removed": len(article.removed),
        "source": article.source or "",
    }


def _shorten(line: str, limit: int = 60) -> str:
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
