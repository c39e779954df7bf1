"""Views every renderer shares."""

from __future__ import annotations

from storylens.model import Bound, Conflict, NumberMention, Span, Why
from storylens.report.views import source_disputes


def _number(article: str, low: float, high: float, source: str) -> NumberMention:
    return NumberMention(
        Span(article, 0, 5),
        low,
        Bound.EXACT,
        low,
        high,
        "people marched",
        None,
        None,
        source,
        Why("nummod"),
    )


def _pair(rule: str, a: NumberMention, b: NumberMention) -> Conflict:
    return Conflict("x", "not-conflict", "people marched", (a, b), Why(rule))


def test_views_source_disputes_are_disjoint_figures_from_different_sources() -> None:
    police, organisers = (
        _number("a", 3000, 3000, "police"),
        _number("b", 20000, 20000, "organisers"),
    )
    about = _number("c", 2500, 3500, "organisers")  # "about 3,000": the ranges overlap
    disputes = source_disputes(
        [
            _pair("different-source", police, organisers),
            _pair("different-source", police, about),
            _pair("different-place", police, organisers),
        ]
    )
    assert [(c.mentions[1].span.article, c.why.rule) for c in disputes] == [
        ("b", "different-source")
    ]
