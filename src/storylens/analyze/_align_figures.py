"""Claims never join figures of different scopes: ``separate_figures``.

"Police arrested 112 people nationwide" and "Officers arrested 47 people in the city" read
alike to the sentence model, but they are two facts: the number stage says the two counts are
of one thing, one a national total and the other not, or in two places, so neither
contradicts the other (see :mod:`storylens.analyze.conflicts`). After the numbers are judged,
a claim whose mentions in different articles give such figures keeps the mentions that agree
with its central wording; each other figure's mentions become a claim of their own (rule
``figure-differs``). Figures judged a conflict stay together: one fact told with two numbers
is what a conflict is. So do a part and its whole ("the first 500,000 doses", "2 million
doses this year": one plan) and figures of two periods (a toll that rose between two
reports is one fact told at two times; the number stage says why they differ). On the planted
set, splitting parts off took three shared facts apart, and periods one, for no gain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from storylens.analyze._align_speakers import ClaimStory, part_claim
from storylens.analyze.align import claim_order
from storylens.model import Article, Claim, ClaimMention, Conflict, Span, Why

__all__ = ["separate_figures"]

# The reasons that make two figures two facts (a different scope only for a national total
# against a figure that is not one). The others, a different thing, stance, period or source,
# or ranges that overlap, leave the sentences free to state one fact.
_APART = frozenset({"different-scope", "different-place"})


@dataclass(frozen=True, slots=True)
class _FigurePair:
    """Two figures the number stage compared, and its verdict."""

    a: Span
    b: Span
    reason: str


def separate_figures(
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    non_conflicts: Sequence[Conflict],
    articles: Sequence[Article],
    origins: Mapping[str, str] | None = None,
) -> tuple[Claim, ...]:
    """``claims`` with the mentions giving a figure of another place, or a national total
    against a local figure, split off into claims of their own, most supported first. Two
    mentions whose figures also include a conflict, or two figures that agree and nothing sets
    apart, stay together."""
    apart = [p for c in non_conflicts if _is_apart(c) for p in _pairs(c) if _differ(c, p)]
    if not apart:
        return tuple(claims)
    together = [p for c in conflicts for p in _pairs(c)]
    together += [p for c in non_conflicts if c.why.rule == "ranges-overlap" for p in _pairs(c)]
    figures = _Figures(apart, together)
    story = ClaimStory({a.id: a for a in articles}, origins or {})
    found: list[Claim] = []
    for claim in claims:
        found.extend(_separated(claim, figures, story))
    return tuple(sorted(found, key=lambda c: claim_order(c, articles)))


_NOT_A_COUNT = frozenset(["clock", "date", "age", "position"])  # analyze._clock, ._dates ...


@dataclass(frozen=True, slots=True)
class _Figures:
    apart: Sequence[_FigurePair]
    together: Sequence[_FigurePair]


def _is_apart(conflict: Conflict) -> bool:
    if any(m.why.rule in _NOT_A_COUNT for m in conflict.mentions):
        return False  # the time or the age in two sentences says nothing of where each is
    if conflict.why.rule == "different-scope":
        return any(m.why.features.get("scope") == "national" for m in conflict.mentions)
    return conflict.why.rule in _APART


def _pairs(conflict: Conflict) -> list[_FigurePair]:
    """Every two of a verdict's figures in two articles (a verdict copies of one text repeat
    holds each copy's figure)."""
    return [
        _FigurePair(a.span, b.span, conflict.why.rule)
        for a, b in combinations(conflict.mentions, 2)
        if a.span.article != b.span.article
    ]


def _differ(conflict: Conflict, pair: _FigurePair) -> bool:
    """The two figures are told differently ("at least 11", "at least 37")."""
    a, b = (next(m for m in conflict.mentions if m.span == s) for s in (pair.a, pair.b))
    return (a.value, a.bound) != (b.value, b.bound)


def _inside(number: Span, mention: Span) -> bool:
    return (
        number.article == mention.article
        and number.start >= mention.start
        and number.end <= mention.end
    )


def _spanning(x: Span, y: Span, pairs: Sequence[_FigurePair]) -> _FigurePair | None:
    for pair in pairs:
        if (_inside(pair.a, x) and _inside(pair.b, y)) or (
            _inside(pair.a, y) and _inside(pair.b, x)
        ):
            return pair
    return None


def _why_apart(x: Span, y: Span, figures: _Figures) -> _FigurePair | None:
    """The pair of figures that makes mentions ``x`` and ``y`` two facts, if any."""
    if x.article == y.article or _spanning(x, y, figures.together) is not None:
        return None
    return _spanning(x, y, figures.apart)


def _separated(claim: Claim, figures: _Figures, story: ClaimStory) -> list[Claim]:
    """The claim itself when its figures agree; else one claim for each set of mentions whose
    figures can be one fact, the central wording's first."""
    mentions = claim.mentions
    if len({m.span.article for m in mentions}) < 2:
        return [claim]
    words = [story.articles[m.span.article].text_of(m.span) for m in mentions]
    central = words.index(claim.text) if claim.text in words else 0
    order = [central] + [i for i in range(len(mentions)) if i != central]
    parts: list[list[int]] = []
    reasons: dict[int, tuple[int, _FigurePair]] = {}
    for i in order:
        for part in parts:
            clash = [(j, _why_apart(mentions[i].span, mentions[j].span, figures)) for j in part]
            blocking = [(j, p) for j, p in clash if p is not None]
            if not blocking:
                part.append(i)
                break
            reasons.setdefault(i, blocking[0])
        else:
            parts.append([i])
    if len(parts) == 1:
        return [claim]
    out = [part_claim(claim, [mentions[i] for i in sorted(parts[0])], claim.also, story)]
    for part in parts[1:]:
        moved = [_moved(mentions[i], reasons.get(i), mentions) for i in sorted(part)]
        out.append(part_claim(claim, moved, (), story))
    return out


def _moved(
    mention: ClaimMention, reason: tuple[int, _FigurePair] | None, mentions: Sequence[ClaimMention]
) -> ClaimMention:
    if reason is None:  # pragma: no cover - every mention outside the first part has one
        return mention
    other, pair = reason
    figure = pair.a if _inside(pair.a, mentions[other].span) else pair.b
    features = {
        **mention.why.features,
        "reason": pair.reason,
        "other_figure": f"{figure.article}:{figure.start}-{figure.end}",
    }
    return ClaimMention(mention.span, Why("figure-differs", mention.why.score, features))
