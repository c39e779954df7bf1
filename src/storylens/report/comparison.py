"""The comparison as plain data: the ``storylens.comparison/1`` JSON document.

Field names are the model's field names. Every span is rendered as ``article``, ``start``,
``end`` and ``text`` (``articles[i].text[start:end]``). Floats are rounded to 4 decimals and
infinite bounds are written as ``null``, so the document is plain, portable JSON; the same
analysis always gives byte-identical output.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from storylens.model import (
    Article,
    Claim,
    Conflict,
    DigestSentence,
    Entity,
    NumberMention,
    Quote,
    QuoteMention,
    SourceCitation,
    Span,
    StoryAnalysis,
    Why,
    WordChoice,
)

__all__ = ["SCHEMA", "comparison_record", "to_json"]

SCHEMA = "storylens.comparison/1"


def to_json(analysis: StoryAnalysis) -> str:
    """The comparison as a JSON string (UTF-8 characters kept, 2-space indent, final newline)."""
    return json.dumps(comparison_record(analysis), ensure_ascii=False, indent=2) + "\n"


def comparison_record(analysis: StoryAnalysis) -> dict[str, Any]:
    """The comparison as a JSON-ready dict, in the documented field order."""
    texts = {a.id: a.text for a in analysis.articles}
    r = _Renderer(texts)
    return {
        "schema": SCHEMA,
        "articles": [_article(a, dict(analysis.origins)) for a in analysis.articles],
        "claims": [r.claim(c) for c in analysis.claims],
        "quotes": [r.quote(q) for q in analysis.quotes],
        "numbers": [r.number(n) for n in analysis.numbers],
        "conflicts": [r.conflict(c) for c in analysis.conflicts],
        "non_conflicts": [r.conflict(c) for c in analysis.non_conflicts],
        "entities": [r.entity(e) for e in analysis.entities],
        "sources_cited": [r.citation(s) for s in analysis.sources_cited],
        "unattributed": [r.span(s) for s in analysis.unattributed],
        "wording": [r.wording(w) for w in analysis.wording],
        "digest": [_digest(d) for d in analysis.digest],
    }


def _article(article: Article, origins: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": article.id,
        "outlet": article.outlet,
        "origin": origins.get(article.id),
        "title": article.title,
        "author": article.author,
        "url": article.url,
        "published": article.published,
        "source": article.source,
        "text": article.text,
        "paragraphs": [
            {"start": p.start, "end": p.end, "kind": p.kind.value} for p in article.paragraphs
        ],
        "removed": [{"text": x.text, "reason": x.reason, "at": x.at} for x in article.removed],
    }


def _digest(sentence: DigestSentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "claims": list(sentence.claims),
        "articles": list(sentence.articles),
    }


def plain(value: Any) -> Any:
    """A JSON-safe copy of a feature value: finite rounded floats, lists, sorted dicts."""
    if isinstance(value, float):
        return round(value, 4) if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [plain(v) for v in items]
    if isinstance(value, Span):
        return {"article": value.article, "start": value.start, "end": value.end}
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    return value


class _Renderer:
    """Renders spans with their text, looked up in the articles they point into."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts

    def span(self, span: Span) -> dict[str, Any]:
        text = self.texts[span.article][span.start : span.end]
        return {"article": span.article, "start": span.start, "end": span.end, "text": text}

    def why(self, why: Why) -> dict[str, Any]:
        return {"rule": why.rule, "score": plain(why.score), "features": plain(why.features)}

    def claim(self, claim: Claim) -> dict[str, Any]:
        return {
            "id": claim.id,
            "text": claim.text,
            "mentions": [self.span(m.span) | {"why": self.why(m.why)} for m in claim.mentions],
            "support": {
                "articles": claim.support.articles,
                "outlets": claim.support.outlets,
                "independent": claim.support.independent,
            },
            "also": [self.span(m.span) | {"why": self.why(m.why)} for m in claim.also],
        }

    def quote_mention(self, m: QuoteMention) -> dict[str, Any]:
        speaker = m.speaker_span
        return self.span(m.span) | {
            "kind": m.kind.value,
            "speaker": m.speaker,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None,
            "why": self.why(m.why),
        }

    def quote(self, quote: Quote) -> dict[str, Any]:
        return {
            "id": quote.id,
            "speaker": quote.speaker,
            "fidelity": quote.fidelity.value,
            "mentions": [self.quote_mention(m) for m in quote.mentions],
            "why": self.why(quote.why),
        }

    def number(self, n: NumberMention) -> dict[str, Any]:
        return self.span(n.span) | {
            "value": plain(n.value),
            "bound": n.bound.value,
            "low": plain(n.low),
            "high": plain(n.high),
            "what": n.what,
            "where": n.where,
            "when": n.when,
            "attributed_to": n.attributed_to,
            "why": self.why(n.why),
        }

    def conflict(self, c: Conflict) -> dict[str, Any]:
        return {
            "id": c.id,
            "kind": c.kind,
            "about": c.about,
            "mentions": [self.number(n) for n in c.mentions],
            "why": self.why(c.why),
        }

    def entity(self, e: Entity) -> dict[str, Any]:
        return {
            "id": e.id,
            "name": e.name,
            "label": e.label,
            "mentions": [self.span(s) for s in e.mentions],
        }

    def citation(self, s: SourceCitation) -> dict[str, Any]:
        return {
            "article": s.article,
            "outlet": s.outlet,
            "source": s.source,
            "kind": s.kind,
            "count": len(s.mentions),
            "anonymous": s.anonymous,
            "mentions": [self.span(m) for m in s.mentions],
        }

    def wording(self, w: WordChoice) -> dict[str, Any]:
        return {
            "concept": w.concept,
            "kind": w.kind,
            "counts": plain(w.counts),
            "mentions": [self.span(m) for m in w.mentions],
        }
