"""What the HTML report highlights in the article texts, and what each highlight says.

Claims are shaded from :func:`~storylens.report.views.claim_views`, the same views the
Markdown and terminal reports list, so a passage marked "only in" an outlet is one those
reports list under "Only in" too:

``shared``   firmly linked (from :data:`WEAK_LINK`) in half the articles or more
``some``     firmly linked in two or more articles, but fewer than half
``wire``     shared, but by copies of one text only (one origin): not independent confirmation
``weak``     linked only below :data:`WEAK_LINK`: possibly the same fact, to be checked
``unique``   in ``claim_views(...).unique``: only this outlet states it

A claim of one article that another article states too, in a sentence matched to another
fact (``Claim.also``), is neither unique nor listed as shared by the views: it is shaded by
the articles that state it and its detail line says where the other statement is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import NamedTuple

from storylens.model import Claim, ClaimMention, StoryAnalysis
from storylens.report._html_sections import FIDELITY
from storylens.report.views import (
    WEAK_LINK,
    article_names,
    claim_views,
    mention_fidelity,
    number_verdicts,
    quoted,
    reported_by,
    weakest_link,
)
from storylens.text import shorten_words

__all__ = ["Mark", "legend_classes", "marks", "share_class"]


class Mark(NamedTuple):
    """One highlight over ``[start, end)`` of an article's text. ``focus``: the passage is a
    tab stop (its first stretch with words): passages that link articles, quotes and
    conflicts are; a claim only one outlet states is not (the "Only in" list has it)."""

    start: int
    end: int
    cls: str
    claim: str  # the claim id, "" for quotes and conflicts
    tip: str  # what the detail line shows for it
    focus: bool


def marks(analysis: StoryAnalysis) -> dict[str, list[Mark]]:
    """Every highlight of every article, by article id."""
    found: dict[str, list[Mark]] = {}
    for article, mark in _all_marks(analysis):
        found.setdefault(article, []).append(mark)
    return found


def _all_marks(analysis: StoryAnalysis) -> Iterator[tuple[str, Mark]]:
    # One article: every fact is its own, so only quotes and conflicts are marked.
    if len(analysis.articles) > 1:
        yield from _claim_marks(analysis)
    for quote in analysis.quotes:
        for q in quote.mentions:
            fidelity = mention_fidelity(q, quote.fidelity.value)
            plain = FIDELITY.get(fidelity, (fidelity, ""))[0]
            tip = f"quote: {q.speaker or 'speaker unknown'} ({plain})"
            yield q.span.article, Mark(q.span.start, q.span.end, "quote", "", tip, True)
    for conflict in analysis.conflicts:
        for n in conflict.mentions:
            tip = f"conflict: {conflict.about}"
            yield n.span.article, Mark(n.span.start, n.span.end, "conflict", "", tip, True)


def share_class(count: int, articles: int) -> str:
    """``shared`` when at least half the articles state the fact, ``some`` when fewer do
    (in a large story nearly every fact is in two articles: shade tells the widely reported
    ones apart), ``unique`` for one article.

    >>> share_class(2, 2), share_class(2, 5), share_class(1, 5)
    ('shared', 'some', 'unique')
    """
    if count < 2:
        return "unique"
    return "shared" if 2 * count >= articles else "some"


def _claim_marks(analysis: StoryAnalysis) -> Iterator[tuple[str, Mark]]:
    views = claim_views(analysis)
    story = _Story(analysis)
    unique = {c.id for found in views.unique.values() for c in found}
    weak = {c.id for c in views.weak}
    for claim in analysis.claims:
        present = {m.span.article for m in claim.mentions}
        for m in claim.mentions:
            if claim.id in unique:
                cls, tip = "unique", f"only in {story.names[m.span.article]}"
            elif claim.id in weak and len(present) > 1:
                cls, tip = "weak", story.weak_tip(claim, m, weakest_link(claim))
            elif len(present) == 1:
                also = _also_stated(claim, story.names, story.total)
                if also is None:  # in no view: nothing to say about it
                    continue
                cls, tip = also
            else:
                cls, tip = story.shared(claim, m)
            span = m.span
            mark = Mark(span.start, span.end, cls, claim.id, tip, cls != "unique")
            yield span.article, mark


class _Story:
    """The names, texts and figures a detail line needs."""

    def __init__(self, analysis: StoryAnalysis) -> None:
        self.names = article_names(analysis.articles)
        self.texts = {a.id: a.text for a in analysis.articles}
        self.numbers = analysis.numbers
        self.verdicts = number_verdicts(analysis)
        self.total = len(analysis.articles)

    def shared(self, claim: Claim, mention: ClaimMention) -> tuple[str, str]:
        """A claim the views list as shared: this mention's class and detail line."""
        firm = {m.span.article for m in claim.mentions if (m.why.score or 0.0) >= WEAK_LINK}
        if mention.span.article not in firm:  # marked "(weak match)" by reporters()
            return "weak", self.weak_tip(claim, mention, mention.why.score)
        tip = "reported by " + reported_by(
            claim, self.names, self.numbers, self.verdicts, self.texts
        )
        if claim.support.articles > 1 and claim.support.independent == 1:
            return "wire", tip + ": copies of one text, not independent confirmation"
        return share_class(len(firm), self.total), tip

    def weak_tip(self, claim: Claim, mention: ClaimMention, score: float | None) -> str:
        """ "possibly the same fact as BBC: “...” (weak match 0.41): check", with the other
        outlets' own words, so the reader can check them side by side."""
        others = dict.fromkeys(
            f"{self.names[m.span.article]}: {quoted(self.words(m))}"
            for m in claim.mentions
            if m.span.article != mention.span.article
        )
        found = "; ".join(others) or "another passage of this article"
        strength = f"weak match {score:.2f}" if score is not None else "weak match"
        return f"possibly the same fact as {found} ({strength}): check"

    def words(self, mention: ClaimMention) -> str:
        span = mention.span
        return shorten_words(self.texts[span.article][span.start : span.end].strip(), 120)


def _also_stated(claim: Claim, names: Mapping[str, str], total: int) -> tuple[str, str] | None:
    """A claim of one article that others state in a sentence matched to another fact."""
    also = [m for m in claim.also if (m.why.score or 0.0) >= WEAK_LINK]
    if not also:
        return None
    own = names[claim.mentions[0].span.article]
    others = ", ".join(dict.fromkeys(names[m.span.article] for m in also))
    best = max((m.why.score or 0.0) for m in also)
    tip = (
        f"reported by {own}; {others} states it too, in a sentence matched to another fact"
        f" (match {best:.2f})"
    )
    return share_class(1 + len({m.span.article for m in also}), total), tip


def legend_classes(found: Mapping[str, Sequence[Mark]]) -> set[str]:
    """The highlight classes used on a page (the legend explains only those)."""
    return {m.cls for article in found.values() for m in article}
