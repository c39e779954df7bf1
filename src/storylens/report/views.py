"""Views over a story analysis that every renderer shares (shared, unique, omitted claims)."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storylens.analyze._measures import unit_named
from storylens.analyze.conflicts import thing_of
from storylens.analyze.numbers import figure_words
from storylens.analyze.wording import term_pattern
from storylens.model import (
    Article,
    Claim,
    ClaimMention,
    Conflict,
    NumberMention,
    QuoteMention,
    SourceCitation,
    Span,
    StoryAnalysis,
    WordChoice,
)
from storylens.outlet import outlet_name

__all__ = [
    "ALSO_NOTE",
    "CUT_TITLE",
    "EMPTY_CLAIMS",
    "EMPTY_DIGEST",
    "EMPTY_OMITTED",
    "EMPTY_SHARED",
    "EMPTY_SHARED_BY_ALL",
    "EMPTY_SHARED_BY_SOME",
    "EMPTY_UNIQUE",
    "OMITTED_TITLE",
    "SHARED_TITLE",
    "UNIQUE_TITLE",
    "WEAK_LINK",
    "ClaimViews",
    "TableView",
    "article_names",
    "cited",
    "claim_views",
    "detail_tables",
    "marks_also",
    "match_label",
    "mention_fidelity",
    "mention_speaker",
    "numbers_differ",
    "other_wordings",
    "outlet_name",
    "quoted",
    "reporters",
    "same_origin",
    "shown",
    "source_disputes",
    "weakest_link",
    "wording_label",
]


@dataclass(frozen=True, slots=True)
class ClaimViews:
    """Claims grouped the way readers ask about them."""

    shared_by_all: tuple[Claim, ...]
    shared_by_some: tuple[Claim, ...]
    unique: dict[str, tuple[Claim, ...]]  # article id -> claims only it makes
    omitted: dict[str, tuple[Claim, ...]]  # article id -> shared claims it leaves out
    weak: tuple[Claim, ...] = ()  # claims linked only weakly: possibly one fact, check them
    cut: dict[str, tuple[Claim, ...]] = field(default_factory=dict)  # article id -> what other
    # copies of its text state and it does not (a wire story's paragraph cut by one reprint)


def same_origin(analysis: StoryAnalysis, names: Mapping[str, str]) -> list[str]:
    """One line per group of articles that reuse one text: "Ledger, Post (one origin)".

    >>> from storylens.model import Article
    >>> arts = tuple(Article(i, "x", (), i) for i in "abc")
    >>> same_origin(StoryAnalysis(arts, origins=(("a", "g"), ("c", "g"))), {"a": "A", "c": "C"})
    ['A, C']
    """
    groups: dict[str, list[str]] = {}
    for article, group in analysis.origins:
        groups.setdefault(group, []).append(names.get(article, article))
    return [", ".join(members) for _, members in sorted(groups.items())]


def article_names(articles: Sequence[Article]) -> dict[str, str]:
    """A name for each article: its outlet, numbered when the outlet has several articles.

    >>> from storylens.model import Article
    >>> arts = [Article(i, "x", (), i, outlet=o) for i, o in [("a", "Ledger"), ("b", "Post"),
    ...         ("c", "Ledger")]]
    >>> article_names(arts)
    {'a': 'Ledger #1', 'b': 'Post', 'c': 'Ledger #2'}
    """
    counts = Counter(outlet_name(a) for a in articles)
    seen: Counter[str] = Counter()
    out = {}
    for article in articles:
        name = outlet_name(article)
        seen[name] += 1
        out[article.id] = f"{name} #{seen[name]}" if counts[name] > 1 else name
    return out


def cited(article_ids: Sequence[str], names: Mapping[str, str]) -> str:
    """Outlets citing a sentence, each once, with how many of its articles when several.

    >>> cited(["a", "b", "c"], {"a": "Ledger", "b": "Courier", "c": "Ledger"})
    'Ledger (2), Courier'
    """
    counts = Counter(names.get(a, a) for a in article_ids)
    return ", ".join(f"{name} ({n})" if n > 1 else name for name, n in counts.items())


def weakest_link(claim: Claim) -> float | None:
    """The lowest link probability among a shared claim's mentions (None for a unique one).

    Reports show it beside each shared claim ("match 0.41"), so a reader can tell a fact two
    outlets state in near-identical words from a looser pairing.
    """
    if len({m.span.article for m in claim.mentions}) < 2:
        return None
    scores = [m.why.score for m in claim.mentions if m.why.score is not None]
    return min(scores) if scores else None


def reporters(claim: Claim, names: Mapping[str, str]) -> str:
    """The outlets of a shared claim in mention order, each once; an outlet linked to the claim
    only below :data:`WEAK_LINK` (while two or more are linked firmly) is marked "(weak
    match)": it may state something else, so it is not said to leave the claim out either.
    An outlet that states it in a sentence matched to another claim (``also``, from
    :data:`WEAK_LINK`) follows, marked "(also)".

    >>> from storylens.model import ClaimMention, Span, Support, Why
    >>> m = [ClaimMention(Span(a, 0, 1), Why("matched", p)) for a, p in zip("abc", (.9, .9, .4))]
    >>> reporters(Claim("c", "x", tuple(m), Support(3, 3, 3)), {"a": "A", "b": "B", "c": "C"})
    'A, B, C (weak match)'
    """
    firm = {m.span.article for m in claim.mentions if (m.why.score or 0.0) >= WEAK_LINK}
    marked = len(firm) >= 2
    shown_names = [
        names[m.span.article] + (" (weak match)" if marked and m.span.article not in firm else "")
        for m in claim.mentions
    ]
    shown_names += [  # another article states it in a sentence matched to another claim
        f"{names[m.span.article]} (also)" for m in _shown_also(claim)
    ]
    return ", ".join(dict.fromkeys(shown_names))


def _shown_also(claim: Claim) -> list[ClaimMention]:
    """The ``also`` mentions the reports show: linked from :data:`WEAK_LINK`, of an article
    with no mention of the claim, the first of each article."""
    seen = {m.span.article for m in claim.mentions}
    shown_also = []
    for m in claim.also:
        if m.span.article not in seen and (m.why.score or 0.0) >= WEAK_LINK:
            seen.add(m.span.article)
            shown_also.append(m)
    return shown_also


def reported_by(
    claim: Claim,
    names: Mapping[str, str],
    numbers: Sequence[NumberMention] = (),
    verdicts: Sequence[Conflict] = (),
    texts: Mapping[str, str] | None = None,
) -> str:
    """The outlets of a claim, then how well they are matched in brackets when there is
    something to say ("A, B (match 0.62)", or "A, B (weak match); match 0.41" after an
    outlet's mark; a claim one outlet states and another states inside another claim has no
    match of its own: "A, B (also)", no empty brackets).

    >>> from storylens.model import ClaimMention, Span, Support, Why
    >>> one = ClaimMention(Span("a", 0, 1), Why("unique", None))
    >>> also = ClaimMention(Span("b", 0, 1), Why("also-states", 0.7))
    >>> reported_by(Claim("c", "x", (one,), Support(1, 1, 1), (also,)), {"a": "A", "b": "B"})
    'A, B (also)'
    """
    label = match_label(claim, numbers, verdicts, texts)
    outlets = reporters(claim, names)
    if not label:
        return outlets
    # "A, B (weak match); match 0.41": no brackets after brackets (user trials 136-138)
    return f"{outlets}; {label}" if outlets.endswith(")") else f"{outlets} ({label})"


def match_label(
    claim: Claim,
    numbers: Sequence[NumberMention] = (),
    verdicts: Sequence[Conflict] = (),
    texts: Mapping[str, str] | None = None,
) -> str:
    """``match 0.41`` for a shared claim, empty for a unique one; when some of its articles
    reuse one text (wire copy), how many independent origins stand behind it.

    >>> from storylens.model import ClaimMention, Span, Support, Why
    >>> m = [ClaimMention(Span(a, 0, 1), Why("matched", 0.9)) for a in "abc"]
    >>> match_label(Claim("c", "x", tuple(m), Support(3, 3, 2)))
    'match 0.90, 2 origins'
    >>> match_label(Claim("c", "x", tuple(m), Support(3, 3, 1)))
    'match 0.90, 1 origin'
    """
    weakest = weakest_link(claim)
    if weakest is None:
        return ""
    support = claim.support
    origins = ""
    if support.independent < support.articles:
        origins = f", {support.independent} origin{'' if support.independent == 1 else 's'}"
    differ = f", {differ_label(claim, verdicts, texts)}" if numbers_differ(claim, numbers) else ""
    return f"match {weakest:.2f}{origins}{differ}"


def number_verdicts(analysis: StoryAnalysis) -> tuple[Conflict, ...]:
    """Every number verdict of a story: its conflicts, then the figures it explains apart."""
    return (*analysis.conflicts, *analysis.non_conflicts)


def differ_label(
    claim: Claim, verdicts: Sequence[Conflict], texts: Mapping[str, str] | None = None
) -> str:
    """What the number verdicts say of a claim whose wordings give different figures:
    ``numbers conflict`` when a conflict holds two of its mentions, ``numbers differ:
    different-period`` (the first reason) when a verdict explains the difference, else
    ``numbers differ`` (the figures were not compared: another thing, place or source).
    With the articles' ``texts``, the figures the verdict is about follow ("numbers conflict:
    “52” vs “46”": users took the label for another pair of the claim's figures).

    >>> from storylens.model import Bound, ClaimMention, Span, Support, Why
    >>> m = tuple(ClaimMention(Span(a, 0, 9), Why("matched", 0.9)) for a in "ab")
    >>> c = Claim("c", "x", m, Support(2, 2, 2))
    >>> def v(kind, rule): return Conflict("v", kind, "x", (n("a"), n("b")), Why(rule))
    >>> def n(a): return NumberMention(Span(a, 1, 3), 1, Bound.EXACT, 1, 1, None, None,
    ...                                None, None, Why("t"))
    >>> differ_label(c, [v("not-conflict", "different-period")])
    'numbers differ: different-period'
    >>> differ_label(c, [v("not-conflict", "different-period"), v("number", "ranges-disjoint")])
    'numbers conflict'
    >>> differ_label(c, [])
    'numbers differ'
    >>> differ_label(c, [v("number", "ranges-disjoint")], {"a": "x43 dead", "b": "y99 dead"})
    'numbers conflict: “43” vs “99”'
    """
    inside = [
        v
        for v in verdicts
        if all(any(x.span.overlaps(m.span) for m in claim.mentions) for x in v.mentions)
    ]
    conflict = next((v for v in inside if v.kind == "number"), None)
    if conflict is not None:
        return "numbers conflict" + _figures(conflict, texts, ": ")
    if not inside:
        return "numbers differ"
    return f"numbers differ: {inside[0].why.rule}" + _figures(inside[0], texts, ", ")


def _figures(verdict: Conflict, texts: Mapping[str, str] | None, joiner: str) -> str:
    """ "“52” vs “46”" (each figure once) after ``joiner``; empty without the texts."""
    if texts is None:
        return ""
    words = dict.fromkeys(
        texts[m.span.article][m.span.start : m.span.end] for m in verdict.mentions
    )
    return joiner + " vs ".join(f"“{w}”" for w in words)


def numbers_differ(claim: Claim, numbers: Sequence[NumberMention]) -> bool:
    """True when two wordings of a claim give different numbers for one thing ("43 dead" and
    "118 dead"): the outlets report the same fact, but not the same figure. A wording that
    also gives a figure for another thing ("€2.4 million" and "the €180 million road") is no
    difference.

    >>> from storylens.model import Bound, ClaimMention, Span, Support, Why
    >>> def n(a, v): return NumberMention(Span(a, 0, 2), v, Bound.EXACT, v, v, None, None,
    ...                                   None, None, Why("t"))
    >>> m = tuple(ClaimMention(Span(a, 0, 9), Why("matched", 0.9)) for a in "ab")
    >>> c = Claim("c", "x", m, Support(2, 2, 2))
    >>> numbers_differ(c, [n("a", 43), n("b", 118)]), numbers_differ(c, [n("a", 43), n("b", 43)])
    (True, False)
    >>> from dataclasses import replace
    >>> road = replace(n("b", 180), what="road cost")
    >>> numbers_differ(c, [n("a", 43), n("b", 43), road])
    False
    """
    given: list[dict[str | None, set[tuple[float, str | None]]]] = []
    for m in claim.mentions:
        things: dict[str | None, set[tuple[float, str | None]]] = {}
        for n in numbers:
            if n.span.overlaps(m.span):
                things.setdefault(thing_of(n), set()).add(_in_base_unit(n))
        given.append(things)
    return any(
        not _same_values(a[thing], b[thing])
        for a, b in itertools.combinations(given, 2)
        for thing in a.keys() & b.keys()
    )


def _in_base_unit(mention: NumberMention) -> tuple[float, str | None]:
    """The value in its dimension's base unit when it is a measure ("12 km" -> 12000.0), with
    the unit it was written in."""
    symbol = mention.why.features.get("measure")
    unit = unit_named(symbol) if isinstance(symbol, str) else None
    if unit is None:
        return mention.value, None
    return mention.value * unit.size, unit.symbol


def _same_values(a: set[tuple[float, str | None]], b: set[tuple[float, str | None]]) -> bool:
    """The same figures; written in two units, give or take a tenth for the rounding of a
    conversion ("12 km" and "about 7 miles")."""
    if len(a) != len(b):
        return False
    return all(
        x == y if unit_x == unit_y else math.isclose(x, y, rel_tol=0.1)
        for (x, unit_x), (y, unit_y) in zip(sorted(a), sorted(b), strict=True)
    )


def shown(text: str) -> str:
    """A claim's wording for reading: an ellipsis marks where a clause was cut from its sentence.

    >>> shown("told residents to leave as soon as they could.")
    '… told residents to leave as soon as they could.'
    >>> shown("The Taliban has seized much of the countryside since May")
    'The Taliban has seized much of the countryside since May …'
    >>> shown('"We will rebuild," she said.')
    '"We will rebuild," she said.'
    """
    text = text.strip()
    if text[:1].islower():
        text = "… " + text
    if text and text[-1] not in _SENTENCE_END:
        text += " …"
    return text


_SENTENCE_END = frozenset(".!?…\"'”’)]:")


_RUNS_ON = re.compile(r"\s*\n\s*[\"“‘']?")


def quote_words(text: str) -> str:
    r"""A quote's words as one passage: a quote that runs on into the next paragraph opens
    that paragraph with a quote mark again, which the reader need not see.

    >>> quote_words('We are working day and night.\n"We will not stop.')
    'We are working day and night. We will not stop.'
    """
    return _RUNS_ON.sub(" ", text)


def quoted(wording: str) -> str:
    """An outlet's wording in curly quotes, unless it holds quote marks of its own (a quote
    inside quotes would read as one quote ending early).

    >>> quoted("Nine were hurt."), quoted('"We will stay," she said.')
    ('“Nine were hurt.”', '"We will stay," she said.')
    """
    return wording if any(mark in wording for mark in '"“”') else f"“{wording}”"


def other_wordings(claim: Claim, texts: Mapping[str, str]) -> list[tuple[str, str]]:
    """(article id, wording) of each mention whose words differ from the claim's text, then of
    each article that states the claim in a sentence matched to another one (``also``, from
    :data:`WEAK_LINK`, as :func:`reporters` lists them).

    Reports print them under a shared claim, so a reader sees what each outlet wrote (user
    trials 127-129: "(also)" named an outlet and showed none of its words).
    """
    out = []
    for m in claim.mentions:
        wording = texts[m.span.article][m.span.start : m.span.end]
        if wording.strip() != claim.text.strip():
            out.append((m.span.article, shown(wording)))
    out += [
        (m.span.article, shown(texts[m.span.article][m.span.start : m.span.end]))
        for m in _shown_also(claim)
    ]
    return out


def wording_label(claim: Claim, article: str, name: str) -> str:
    """The outlet of a wording under a shared claim with how firmly that wording is linked
    ("VBC News (0.41)"): a claim's match is its weakest link, and users asked which wording
    it is (user trial 123). A wording from another claim's sentence is marked "also".

    >>> from storylens.model import ClaimMention, Span, Support, Why
    >>> m = ClaimMention(Span("b", 0, 1), Why("matched", 0.414))
    >>> also = ClaimMention(Span("c", 0, 1), Why("also-states", 0.62))
    >>> claim = Claim("c", "x", (m,), Support(1, 1, 1), (also,))
    >>> wording_label(claim, "b", "VBC News"), wording_label(claim, "c", "Ledger")
    ('VBC News (0.41)', 'Ledger (also, 0.62)')
    """
    score = next((m.why.score for m in claim.mentions if m.span.article == article), None)
    if score is not None:
        return f"{name} ({score:.2f})"
    also = max((m.why.score or 0.0 for m in claim.also if m.span.article == article), default=None)
    return f"{name} (also, {also:.2f})" if also is not None else name


def marks_also(claims: Iterable[Claim]) -> bool:
    """Whether a report of ``claims`` marks an outlet "(also)" (so prints :data:`ALSO_NOTE`)."""
    return any(_shown_also(c) for c in claims)


ALSO_NOTE = "(also): the outlet states this fact inside a sentence that is matched to another fact"
"""The line under a list of shared facts that marks an outlet "(also)"."""


def mention_fidelity(mention: QuoteMention, group: str) -> str:
    """How this article's copy of a quote compares with the fullest version in the story
    (``why.features["fidelity"]``), ``reference`` for that version itself (user trials 155 and
    156: the original and its rewording were both labelled "reworded", with no sign of which
    was compared with which); the quote's own class when the mention does not say."""
    if mention.why.features.get("reference"):
        return "reference"
    own = mention.why.features.get("fidelity")
    return own if isinstance(own, str) else group


def mention_speaker(mention: QuoteMention, speaker: str | None) -> str:
    """The quote's speaker, and the name this article gives instead when it credits the
    words to someone else: "Odile Ferrance (here: Mayor Hessel Brandt)"."""
    shown = speaker or "(unknown)"
    other = mention.speaker
    if mention_fidelity(mention, "") == "other-speaker" and other and other != speaker:
        return f"{shown} (here: {other})"  # not "Maren Oduya (here: Maren Oduya)" (trial 162)
    return shown


WEAK_LINK = 0.5
"""Below this link probability a shared claim is shown as possibly shared, to be checked: on
the fictional fact-level set (``eval/claims_paraphrase.json``) pairs linked from 0.5 are the
same fact 92% of the time, pairs linked from the claims' own threshold (0.35) 78%."""


def claim_views(analysis: StoryAnalysis) -> ClaimViews:
    """Split the claim matrix into shared, unique, omitted and weakly linked views.

    A shared claim with fewer than two articles linked from :data:`WEAK_LINK` is listed apart,
    as possibly one fact; no article is said to leave it out. One with two or more is shared by
    those, and an article linked to it only below the line is neither said to state it nor to
    leave it out (:func:`reporters` marks it). A claim of one article is not "only this outlet"
    when another article states it too (``also``, from :data:`WEAK_LINK`): the article says it
    twice and the matching paired its other statement; it is listed as possibly shared, to be
    checked (user trial 80: a fact was in no list at all). A claim only copies of one text state
    (a wire story and its reprint: one independent origin) is shared by them, marked as one
    origin by the renderers, but no other article is said to leave it out unless an article of
    another origin states it too (an ``also`` sentence counts): one source says it, as when a
    single article does; a copy of that text that does not state it has cut it (``cut``: the
    paragraph a reprint dropped). An article whose only statement of a claim is an ``also``
    sentence states it when that sentence is linked from :data:`WEAK_LINK` (below it, the
    article is said to leave the claim out) and, when the claim gives a figure in every mention,
    gives one too (it tells of the collapse, not of the toll). An article published on a day
    before every article that states the claim (its last update, for a live page) is not said
    to leave it out: it was written before the fact was reported (a flood's first-day wire
    story does not "leave out" an aid pledge made two days later). On the planted-truth set
    (``eval/planted.py``) counting every ``also`` sentence found 3 of 28 planted omissions,
    from 0.5 11 of 28, and no outlet that states a fact is said to leave it out either way.
    """
    ids = [a.id for a in analysis.articles]
    days = {a.id: _last_day(a) for a in analysis.articles if a.published}
    origin = dict(analysis.origins)
    by_all: list[Claim] = []
    by_some: list[Claim] = []
    weak: list[Claim] = []
    unique: dict[str, list[Claim]] = {i: [] for i in ids}
    omitted: dict[str, list[Claim]] = {i: [] for i in ids}
    cut: dict[str, list[Claim]] = {i: [] for i in ids}
    for claim in analysis.claims:
        present = {m.span.article for m in claim.mentions}
        if len(present) == 1:
            if not any(m.why.score is not None and m.why.score >= WEAK_LINK for m in claim.also):
                unique[next(iter(present))].append(claim)
            else:  # stated by another article in a sentence matched elsewhere: to check
                weak.append(claim)
            continue
        strong = {m.span.article for m in claim.mentions if (m.why.score or 0.0) >= WEAK_LINK}
        if len(strong) < 2:
            weak.append(claim)
            continue
        (by_all if strong == set(ids) else by_some).append(claim)
        also = _also_stated(claim, analysis.numbers)
        stated = present | also  # a weak member neither states the claim nor leaves it out
        if len(origins := {origin.get(i, i) for i in strong | also}) < 2:
            # copies of one text: one source says it, nobody leaves it out, but a copy
            # without it cut it
            for i in ids:
                if i not in stated and origin.get(i, i) in origins:
                    cut[i].append(claim)
            continue
        first = min((days[i] for i in stated if i in days), default=None)
        for i in ids:
            if i not in stated and not (first is not None and days.get(i, first) < first):
                omitted[i].append(claim)  # an article of an earlier day could not tell it
    return ClaimViews(
        shared_by_all=tuple(by_all),
        shared_by_some=tuple(by_some),
        unique={k: tuple(v) for k, v in unique.items()},
        omitted={k: tuple(v) for k, v in omitted.items()},
        weak=tuple(weak),
        cut={k: tuple(v) for k, v in cut.items() if v},
    )


def _last_day(article: Article) -> str:
    """The last day an article tells of: a live page's last update (``meta["modified"]``),
    else its publication day (user trial 150: a live page dated by its first post was "written
    before" a fact it could have told)."""
    day = (article.published or "")[:10]
    modified = article.meta.get("modified")
    if isinstance(modified, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", modified[:10]):
        return max(day, modified[:10])
    return day


def _also_stated(claim: Claim, numbers: Sequence[NumberMention]) -> set[str]:
    """The articles whose ``also`` sentence states the claim: all of them, unless every
    mention gives a figure; then only those whose sentence gives one too."""

    def has_figure(span: Span) -> bool:
        return any(
            n.span.article == span.article and span.start <= n.span.start < span.end
            for n in numbers
        )

    needs_figure = all(has_figure(m.span) for m in claim.mentions)
    return {
        m.span.article
        for m in claim.also
        if (m.why.score or 0.0) >= WEAK_LINK and (not needs_figure or has_figure(m.span))
    }


def source_disputes(non_conflicts: Sequence[Conflict]) -> tuple[Conflict, ...]:
    """Figures for one thing that cannot both hold but come from different sources.

    They are not conflicts (each outlet reports what its own source said: police 3,000,
    organisers 20,000), but the disagreement is news: reports list them on their own. Figures
    that name two different places are left out (a toll in Spin Boldak and one in Kandahar).
    """
    return tuple(
        c
        for c in non_conflicts
        if c.why.rule == "different-source"
        and any(
            _same_place(a, b) and (a.high < b.low or b.high < a.low)
            for a, b in itertools.combinations(c.mentions, 2)
        )
    )


def _same_place(a: NumberMention, b: NumberMention) -> bool:
    """The figures do not name two different places (a figure with no place may be of the
    story's place)."""
    return a.where is None or b.where is None or a.where.casefold() == b.where.casefold()


EMPTY_DIGEST = "none: no claim is stated as a plain sentence within the word budget"
EMPTY_CLAIMS = "none found"
EMPTY_SHARED = "none: no fact is reported by more than one outlet"
EMPTY_SHARED_BY_ALL = "none: no fact is reported by every outlet"
EMPTY_SHARED_BY_SOME = "none: no fact is reported by some outlets but not all"
EMPTY_UNIQUE = "nothing: every fact is reported by more than one outlet"
SHARED_TITLE = "Shared facts"
UNIQUE_TITLE = "Only one outlet says"
OMITTED_TITLE = "Left out"
"""The claim sections' titles, the same in every report (user trial 154 found "Shared facts"
in the terminal and "Shared by all" in Markdown)."""
CUT_TITLE = "Cut from this copy"
"""The section listing what other copies of an article's text state and it does not."""

EMPTY_OMITTED = "nothing: every outlet states every fact two sources report"
"""What the reports print in place of an empty section ("Left out: nothing: every outlet
states every fact two sources report"): the same words in the terminal and in Markdown."""


@dataclass(frozen=True, slots=True)
class TableView:
    """A titled table of plain strings, for any renderer. ``comparison`` marks a table of
    figures set against each other (conflicts and non-conflicts): nearly always between
    articles, so one article alone seldom fills it. ``empty`` is what a report prints
    instead of the table when it has no rows ("Word choice: nothing to compare: ...")."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    comparison: bool = False
    empty: str = "none"
    section: str = ""  # the key of storylens.report.sections.SECTIONS that selects it


def detail_tables(analysis: StoryAnalysis, *, explain: bool = False) -> list[TableView]:
    """The tables every report shows after the claims: quotes, numbers, conflicts, sources."""
    story = _Tables(analysis)
    tables = [story.quotes(), story.numbers()]
    tables.append(
        story.pairs(
            "Conflicting numbers",
            "why",
            analysis.conflicts,
            empty="none found: no two figures read as the same thing contradict each other"
            + _differing_note(analysis)
            + " (--explain lists every pair compared and why it was not flagged)",
        )
    )
    tables.append(
        story.pairs(
            "Figures that differ by source",
            "why not a conflict",
            source_disputes(analysis.non_conflicts),
            empty="none: no pair of figures compared differs by its source alone (--explain lists"
            " every pair compared)",
        )
    )
    if explain:
        tables.append(
            story.pairs(
                "Not flagged as conflicts",
                "why not",
                analysis.non_conflicts,
                empty="none: no other pair of figures was compared",
            )
        )
        if len(analysis.articles) > 1:
            tables.append(story.uncompared())
    return [*tables, story.cited(), story.unattributed(), story.wording()]


def _differing_note(analysis: StoryAnalysis) -> str:
    """ "; but 2 shared facts give different figures (“numbers differ” under Shared facts)":
    a report that finds no conflict must not read as if every outlet gave the same figures
    (user trial 146: "none found" under a shared fact marked "numbers differ")."""
    views = claim_views(analysis)
    verdicts = number_verdicts(analysis)
    count = sum(
        numbers_differ(c, analysis.numbers)
        and not differ_label(c, verdicts).startswith("numbers conflict")
        for c in (*views.shared_by_all, *views.shared_by_some)
    )
    if not count:
        return ""
    facts = "1 shared fact gives" if count == 1 else f"{count} shared facts give"
    return f"; but {facts} different figures (“numbers differ” under Shared facts): check them"


def _uncompared(
    thing: str | None, articles: Mapping[str, set[str]], origin: Mapping[str, str]
) -> str | None:
    """Why a figure counting ``thing`` was compared with nothing (``articles``: the articles
    counting each thing; ``origin``: an article's origin group), or None when it was."""
    if thing is None:
        return "what it counts is not known"
    if len({origin.get(a, a) for a in articles[thing]}) > 1:
        return None
    return "no other outlet counts this" if len(articles[thing]) == 1 else "only copies count this"


def _unjudged(
    figure: NumberMention, thing: str | None, judged: set[Span], varying: set[object]
) -> str | None:
    """Why a figure that another outlet counts the same thing for is in no verdict (user
    trials 134-138: ``--explain`` left such figures out of every table), or None."""
    if figure.span in judged or thing in varying:
        return None
    return (
        "set against no other figure: it tells where something is, or names what it counts in"
        " passing"
    )


_VARIES = "varies-in-article"


class _Tables:
    """The detail tables of one analysis, with each article's name and text at hand."""

    def __init__(self, analysis: StoryAnalysis) -> None:
        self.analysis = analysis
        self.names = article_names(analysis.articles)
        self.texts = {a.id: a.text for a in analysis.articles}

    def cover(self, span: Span) -> str:
        """The words of a span."""
        return self.texts[span.article][span.start : span.end]

    def figure(self, mention: NumberMention) -> str:
        """A figure's words with the unit after it ("about 80 metres")."""
        return figure_words(self.texts[mention.span.article], mention)

    def quotes(self) -> TableView:
        rows = tuple(
            (
                mention_speaker(m, q.speaker),
                mention_fidelity(m, q.fidelity.value),
                self.names[m.span.article],
                quote_words(self.cover(m.span)),
                m.kind.value,
            )
            for q in self.analysis.quotes
            for m in q.mentions
        )
        headers = ("speaker", "fidelity", "outlet", "words", "kind")
        empty = "none: no article quotes anyone directly"
        return TableView("Quotes", headers, rows, empty=empty, section="quotes")

    def numbers(self) -> TableView:
        """One row per figure; a copy's figure read the same way as in another copy of its text
        joins that row ("Press Association, Evening Star": user trials 147 and 151 found a wire
        story's figures listed twice over)."""
        origin = dict(self.analysis.origins)
        rows: dict[tuple[str, ...], list[str]] = {}
        for n in self.analysis.numbers:
            article = n.span.article
            cells = (
                self.figure(n),
                n.bound.value,
                n.what or "",
                n.where or "",
                n.when or "",
                n.attributed_to or "",
            )
            outlets = rows.setdefault((origin.get(article, article), *cells), [])
            if self.names[article] not in outlets:
                outlets.append(self.names[article])
        table = tuple((", ".join(outlets), *key[1:]) for key, outlets in rows.items())
        headers = ("outlet", "text", "bound", "what", "where", "when", "according to")
        empty = "none: no article gives a figure"
        return TableView("Numbers", headers, table, empty=empty, section="numbers")

    def pairs(
        self, title: str, reason: str, conflicts: Sequence[Conflict], *, empty: str
    ) -> TableView:
        """Conflicts or non-conflicts: what, each side's words, and the rule."""
        rows = tuple(
            (
                c.about,
                self.sides(c.mentions),
                c.why.rule,
            )
            for c in conflicts
        )
        headers = ("about", "mentions", reason)
        return TableView(title, headers, rows, comparison=True, empty=empty, section="conflicts")

    def sides(self, mentions: Sequence[NumberMention]) -> str:
        """ "Ledger, Post: “41,000” vs Courier: “34,000”": the outlets giving the same words
        together, each side once."""
        sides: dict[str, list[str]] = {}
        for n in mentions:
            outlets = sides.setdefault(self.figure(n), [])
            if self.names[n.span.article] not in outlets:
                outlets.append(self.names[n.span.article])
        return " vs ".join(f"{', '.join(o)}: “{words}”" for words, o in sides.items())

    def uncompared(self) -> TableView:
        """Figures no article of another origin counts the same thing for: conflicts never
        weighed them against anything (what each counts, to see why: "crew deployed" in one
        outlet and "rescuers worked" in another are two things to the tool)."""
        things = [(n, thing_of(n)) for n in self.analysis.numbers]
        articles: dict[str, set[str]] = {}
        for n, thing in things:
            if thing is not None:
                articles.setdefault(thing, set()).add(n.span.article)
        origin = dict(self.analysis.origins)
        verdicts = number_verdicts(self.analysis)
        judged = {m.span for v in verdicts for m in v.mentions}
        varying = {v.why.features.get("thing") for v in verdicts if v.why.rule == _VARIES}
        rows = tuple(
            (self.names[n.span.article], self.figure(n), n.what or "", why)
            for n, thing in things
            if (why := _uncompared(thing, articles, origin))
            or (why := _unjudged(n, thing, judged, varying))
        )
        headers = ("outlet", "figure", "what", "why not compared")
        empty = "none: every figure was compared with another outlet's"
        return TableView(
            "Figures compared with nothing", headers, rows, empty=empty, section="numbers"
        )

    def cited(self) -> TableView:
        rows = tuple(
            (self.names.get(s.article, s.article), s.source, s.kind, _times(s))
            for s in self.analysis.sources_cited
        )
        headers = ("outlet", "source", "kind", "times")
        empty = "nobody: no article names a source"
        return TableView("Who is cited", headers, rows, empty=empty, section="sources")

    def unattributed(self) -> TableView:
        rows = tuple(
            (
                self.names[a.id],
                str(sum(s.article == a.id for s in self.analysis.unattributed)),
                str(len(a.sentences)),
            )
            for a in self.analysis.articles
        )
        headers = ("outlet", "unattributed", "sentences")
        return TableView("Sentences with no attribution", headers, rows, section="sources")

    def wording(self) -> TableView:
        """Counts per outlet; uses inside quotation marks are the speaker's words, not the
        outlet's, and are counted apart ("BBC: 1 (1 in quotes)")."""
        quoted = [m.span for q in self.analysis.quotes for m in q.mentions]
        texts = {a.id: a.text for a in self.analysis.articles}
        order = {a.id: i for i, a in enumerate(self.analysis.articles)}  # outlets in story order
        rows = tuple(
            (
                w.concept,
                w.kind,
                term,
                ", ".join(
                    f"{self.names.get(a, a)}: {per[a]}{_in_quotes(w, term, a, quoted, texts)}"
                    for a in sorted(per, key=lambda a: (order.get(a, len(order)), a))
                ),
            )
            for w in self.analysis.wording
            for term, per in sorted(w.counts.items())
        )
        empty = (
            "nothing to compare: no referent named in different words, no loaded or hedging term"
        )
        headers = ("concept", "kind", "term", "counts")
        return TableView("Word choice", headers, rows, empty=empty, section="wording")


def _in_quotes(
    choice: WordChoice,
    term: str,
    article: str,
    quoted: Sequence[Span],
    texts: Mapping[str, str],
) -> str:
    """ " (N in quotes)" for the uses of ``term`` in ``article`` inside a quote, else ""."""
    pattern = term_pattern(choice.concept, term)
    text = texts.get(article, "")
    n = sum(
        1
        for span in choice.mentions
        if span.article == article
        and any(q.article == article and q.start <= span.start < q.end for q in quoted)
        and pattern.fullmatch(text[span.start : span.end]) is not None
    )
    return f" ({n} in quotes)" if n else ""


def _times(citation: SourceCitation) -> str:
    """How often a source is cited, and how often on condition of anonymity: "2 (1 anonymous)"."""
    times = str(len(citation.mentions))
    return f"{times} ({citation.anonymous} anonymous)" if citation.anonymous else times
