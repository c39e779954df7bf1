"""Tests of storylens.analyze._align_figures: a claim never joins figures of two scopes."""

from __future__ import annotations

from dataclasses import replace

from storylens.analyze._align_figures import separate_figures
from storylens.compare import compare
from storylens.model import (
    Article,
    Bound,
    Claim,
    ClaimMention,
    Conflict,
    NumberMention,
    Paragraph,
    Span,
    Support,
    Why,
)

# Three fictional reports: a and b give the national total, c the count in one city.
TEXTS = {
    "a": "Police arrested 112 people nationwide, the ministry said.",
    "b": "Across the country, 112 people were arrested, the ministry said.",
    "c": "Officers arrested 47 people in the city, the ministry said.",
}
ARTICLES = [Article(k, t, (Paragraph(0, len(t)),), k) for k, t in TEXTS.items()]


def _span(article: str) -> Span:
    return Span(article, 0, len(TEXTS[article]))


def _number(article: str, figure: str, scope: str | None = None) -> NumberMention:
    start = TEXTS[article].index(figure)
    value = float(figure)
    return NumberMention(
        Span(article, start, start + len(figure)),
        value,
        Bound.EXACT,
        value,
        value,
        "people arrested",
        None,
        None,
        "ministry",
        Why("cardinal", features={"scope": scope} if scope else {}),
    )


def _verdict(rule: str, a: NumberMention, b: NumberMention) -> Conflict:
    return Conflict("x", "number", "people arrested", (a, b), Why(rule))


def _claim(*articles: str) -> Claim:
    mentions = tuple(ClaimMention(_span(a), Why("matched", 0.7, {})) for a in articles)
    n = len(articles)
    return Claim("c", TEXTS[articles[0]], mentions, Support(n, n, n))


NATIONAL_A, NATIONAL_B = _number("a", "112", "national"), _number("b", "112", "national")
CITY = _number("c", "47")
SCOPES = [
    _verdict("different-scope", NATIONAL_A, CITY),
    _verdict("different-scope", NATIONAL_B, CITY),
    _verdict("ranges-overlap", NATIONAL_A, NATIONAL_B),
]


def test_separate_figures_splits_off_a_figure_of_another_scope() -> None:
    main, other = separate_figures([_claim("a", "b", "c")], [], SCOPES, ARTICLES)
    assert [m.span.article for m in main.mentions] == ["a", "b"]
    assert main.support == Support(2, 2, 2)
    assert main.text == TEXTS["a"]
    (moved,) = other.mentions
    assert moved.span.article == "c"
    assert moved.why.rule == "figure-differs"
    assert moved.why.score == 0.7
    assert moved.why.features["reason"] == "different-scope"
    assert moved.why.features["other_figure"] == "a:16-19"
    assert other.support == Support(1, 1, 1)
    assert other.text == TEXTS["c"]


def test_separate_figures_splits_off_a_figure_of_another_place() -> None:
    verdicts = [_verdict("different-place", _number("a", "112"), CITY)]
    _, other = separate_figures([_claim("a", "c")], [], verdicts, ARTICLES)
    assert other.mentions[0].why.features["reason"] == "different-place"


def test_separate_figures_keeps_a_part_with_its_whole() -> None:
    # "the first 500,000 doses" beside "2 million doses": one plan told in part
    verdicts = [_verdict("different-scope", _number("a", "112"), _number("c", "47", "part"))]
    (claim,) = separate_figures([_claim("a", "c")], [], verdicts, ARTICLES)
    assert len(claim.mentions) == 2


def test_separate_figures_keeps_a_conflict_together() -> None:
    conflict = _verdict("number", NATIONAL_A, CITY)  # the same count told two ways
    (claim,) = separate_figures([_claim("a", "c")], [conflict], SCOPES, ARTICLES)
    assert len(claim.mentions) == 2


def test_separate_figures_keeps_figures_that_agree_together() -> None:
    # b also gives a range the city's figure falls in ("dozens" beside 47)
    agree = _verdict("ranges-overlap", replace(NATIONAL_B, low=24.0, high=120.0), CITY)
    (claim,) = separate_figures([_claim("b", "c")], [], [*SCOPES, agree], ARTICLES)
    assert len(claim.mentions) == 2


def test_separate_figures_leaves_other_things_sources_and_periods_linked() -> None:
    rules = ("different-thing", "different-source", "different-period")
    verdicts = [_verdict(r, NATIONAL_A, CITY) for r in rules]
    (claim,) = separate_figures([_claim("a", "c")], [], verdicts, ARTICLES)
    assert len(claim.mentions) == 2


def test_separate_figures_needs_the_figures_inside_the_mentions() -> None:
    claim = _claim("a", "b")  # the national figures agree: nothing to split
    assert separate_figures([claim], [], SCOPES, ARTICLES) == (claim,)


# A fictional story: two outlets give one national figure, a third the city's.
STORY = {
    "courier": (
        "Police arrested 112 people nationwide on Saturday, the Interior Ministry said.\n"
        "The marches began after diesel prices rose for a third month."
    ),
    "meridian": (
        "Across the country, 112 people were arrested on Saturday, the Interior Ministry said.\n"
        "The marches began after diesel prices rose for the third month running."
    ),
    "harbor": (
        "Police arrested 47 people in the city of Tarvik on Saturday, the Interior Ministry said.\n"
        "The marches began when diesel prices rose for a third month."
    ),
}


def _article(aid: str, text: str) -> Article:
    paragraphs, start = [], 0
    for line in text.split("\n"):
        paragraphs.append(
            Paragraph(start, start + len(line), sentences=((start, start + len(line)),))
        )
        start += len(line) + 1
    return Article(aid, text, tuple(paragraphs), aid)


def test_compare_states_the_national_and_the_city_count_as_two_facts() -> None:
    analysis = compare([_article(k, t) for k, t in STORY.items()])
    text = {a.id: a.text for a in analysis.articles}

    def holding(words: str) -> Claim:
        return next(
            c
            for c in analysis.claims
            for m in c.mentions
            if words in text[m.span.article][m.span.start : m.span.end]
        )

    national, city = holding("112 people nationwide"), holding("47 people")
    assert national is not city
    assert {m.span.article for m in national.mentions} == {"courier", "meridian"}
    assert holding("diesel prices").support.articles == 3
