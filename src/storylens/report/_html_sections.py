"""The sections of the HTML report below the articles: digest, claim lists, tables, glossary.

They say what the Markdown report says, from the same views: shared claims with the outlets
that report them, each outlet's own wording, the weak matches to check, what only one outlet
says and what each leaves out; a table with no rows is its ``TableView.empty`` sentence. Rule
and class codes of the JSON (``ranges-disjoint``, ``verbatim``) are shown in plain words, and
the glossary says what each label on the page means and which code it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape

from storylens.model import Claim, StoryAnalysis
from storylens.report.views import (
    CUT_TITLE,
    EMPTY_CLAIMS,
    EMPTY_DIGEST,
    EMPTY_OMITTED,
    EMPTY_SHARED_BY_ALL,
    EMPTY_SHARED_BY_SOME,
    EMPTY_UNIQUE,
    OMITTED_TITLE,
    SHARED_TITLE,
    UNIQUE_TITLE,
    WEAK_LINK,
    TableView,
    article_names,
    claim_views,
    detail_tables,
    match_label,
    number_verdicts,
    other_wordings,
    reporters,
    shown,
    wording_label,
)

__all__ = [
    "TEXT_COLUMNS",
    "claim_sections",
    "detail_sections",
    "digest",
    "glossary",
    "nothing",
    "table",
]

RULES = {
    "ranges-disjoint": (
        "cannot both be true",
        "the ranges the two wordings allow do not overlap, and nothing says they count"
        " different things",
    ),
    "ranges-overlap": ("can both be true", "the ranges the two wordings allow overlap"),
    "different-source": (
        "different sources",
        "each figure comes from a different named source: each outlet reports what its own"
        " source said",
    ),
    "different-thing": ("different things counted", "they count different things"),
    "different-stance": (
        "offer, demand or forecast",
        "one figure is an offer, a demand or a forecast, the other is not",
    ),
    "different-place": ("different places", "they are about different places"),
    "different-scope": ("total vs part", "one is a total, the other a part of it"),
    "different-period": ("different periods", "they cover different periods"),
    "varies-in-article": (
        "varies within one article",
        "one article itself gives several values for it: it is not one quantity",
    ),
    "also-given": (
        "both in one article",
        "the article giving one figure also gives the other (an earlier toll, another"
        " source's count): it reports both",
    ),
}
"""Conflict rule code: (plain label shown in the tables, what it means)."""

FIDELITY = {
    "single": ("quoted by one article", "no other article quotes these words"),
    "reference": (
        "the version compared",
        "the fullest version of these words in the story: the other articles' labels say how"
        " their words compare with it",
    ),
    "verbatim": ("word for word", "the same words as the fullest version in the story"),
    "punctuation": ("same words, other punctuation", "only punctuation or dashes differ"),
    "fragment": ("part of a longer quote", "this article quotes part of a longer quote"),
    "reworded": ("reworded", "the words differ from another article's version"),
    "other-speaker": (
        "same words, other speaker",
        "another article gives the same words to a different speaker",
    ),
}
"""Quote fidelity code: (plain label, what it means)."""

QUOTE_KINDS = {
    "statement": ("full statement", "a quoted statement with its speaker"),
    "partial": ("quoted words", "a few quoted words inside a sentence"),
    "scare": ("quote marks, no speaker", "a term, title or slogan in quote marks"),
}
"""Quote kind code: (plain label, what it means)."""

_PLAIN = {
    "fidelity": FIDELITY,
    "kind": QUOTE_KINDS,
    "why": RULES,
    "why not": RULES,
    "why not a conflict": RULES,
}
"""Which columns of the detail tables hold codes, and their plain labels."""

_PLAIN_TABLES = frozenset({"Quotes", "Conflicting numbers", "Figures that differ by source"})
_PLAIN_TABLES |= {"Not flagged as conflicts"}


TEXT_COLUMNS = frozenset({"claim", "words", "about", "mentions", "digest, first line", "story"})
"""Columns of running text: kept wide enough to read on a phone (the table scrolls instead)."""


def nothing(empty: str) -> str:
    """An empty section's sentence, as Markdown writes it: "none: no ..." is "None: no ...".

    >>> nothing("none: no article gives a figure")
    '<p class="empty">None: no article gives a figure.</p>'
    """
    return f'<p class="empty">{escape(empty[:1].upper() + empty[1:])}.</p>'


def section(title: str, body: str, *, level: int = 2) -> str:
    return f"<h{level}>{escape(title)}</h{level}>{body}"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, label: str) -> str:
    """A table whose cells are HTML already, in a box that scrolls sideways on a narrow
    screen (the page itself never does)."""
    wide = [' class="text"' if h in TEXT_COLUMNS else "" for h in headers]
    head = "".join(
        f'<th scope="col"{w}>{escape(h)}</th>' for h, w in zip(headers, wide, strict=True)
    )
    body = "".join(
        "<tr>" + "".join(f"<td{w}>{c}</td>" for c, w in zip(row, wide, strict=True)) + "</tr>"
        for row in rows
    )
    return (
        f'<div class="scroll" role="region" aria-label="{escape(label)}">'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def digest(analysis: StoryAnalysis) -> str:
    names = article_names(analysis.articles)
    items = [
        f"<li>{escape(d.text)} <sup>[{_article_links(d.articles, names)}]</sup></li>"
        for d in analysis.digest
    ]
    body = f'<ol class="digest">{"".join(items)}</ol>' if items else nothing(EMPTY_DIGEST)
    return (
        '<section id="digest" aria-labelledby="h-digest"><h2 id="h-digest">Digest</h2>'
        f"{body}</section>"
    )


def _article_links(article_ids: Sequence[str], names: Mapping[str, str]) -> str:
    """Each cited article's name, linked to its column on the page."""
    return ", ".join(
        f'<a href="#article-{escape(a)}">{escape(names.get(a, a))}</a>' for a in article_ids
    )


def claim_sections(analysis: StoryAnalysis) -> str:
    """Shared, weakly matched, unique and left-out claims, as the Markdown report lists them;
    one article's claims when there is nothing to compare."""
    views = claim_views(analysis)
    names = article_names(analysis.articles)
    count = len(analysis.articles)
    if count < 2:
        claims = [c for found in views.unique.values() for c in found]
        return section("Claims", _claim_list(claims) if claims else nothing(EMPTY_CLAIMS))
    shared = _SharedTable(analysis, names)
    everyone = shared.render(views.shared_by_all, EMPTY_SHARED_BY_ALL)
    inner = [section("Shared by all", everyone, level=3)]
    if count > 2:  # with two, a claim both state is shared by all
        some = shared.render(views.shared_by_some, EMPTY_SHARED_BY_SOME)
        inner.append(section("Shared by some", some, level=3))
    parts = [section(SHARED_TITLE, "".join(inner))]
    if views.weak:
        note = (
            '<p class="note">Linked only weakly (match below'
            f" {WEAK_LINK:.2f}): possibly the same fact, possibly not. Check them.</p>"
        )
        weak = section("Possibly shared (weak match: check)", note)
        parts.append(weak + shared.render(views.weak, ""))
    parts.append(_per_article(UNIQUE_TITLE, "Only in", views.unique, names, EMPTY_UNIQUE))
    if count > 2:  # with two, a shared claim is in both: nothing to leave out
        parts.append(
            _per_article(OMITTED_TITLE, "Left out by", views.omitted, names, EMPTY_OMITTED)
        )
    if views.cut:  # a reprint that dropped what the other copies of its text keep
        parts.append(_per_article(CUT_TITLE, "Cut by", views.cut, names, ""))
    return "".join(parts)


def _claim_list(claims: Sequence[Claim]) -> str:
    return (
        '<ul class="claims">'
        + "".join(f"<li>{escape(shown(c.text))}</li>" for c in claims)
        + "</ul>"
    )


def _per_article(
    title: str,
    prefix: str,
    claims: Mapping[str, Sequence[Claim]],
    names: Mapping[str, str],
    empty: str,
) -> str:
    """``title``, then a list per article that has claims here ("Only in BBC")."""
    parts = [
        section(f"{prefix} {names[article]}", _claim_list(found), level=3)
        for article, found in claims.items()
        if found
    ]
    return section(title, "".join(parts) or nothing(empty))


class _SharedTable:
    """Shared claims: the claim with each outlet's own wording, who reports it, the match."""

    def __init__(self, analysis: StoryAnalysis, names: Mapping[str, str]) -> None:
        self.analysis = analysis
        self.names = names
        self.texts = {a.id: a.text for a in analysis.articles}

    def render(self, claims: Sequence[Claim], empty: str) -> str:
        if not claims:
            return nothing(empty)
        rows = [
            (
                self.claim(c),
                escape(reporters(c, self.names)),
                escape(
                    match_label(
                        c, self.analysis.numbers, number_verdicts(self.analysis), self.texts
                    )
                ),
            )
            for c in claims
        ]
        return table(("claim", "reported by", "match"), rows, label="shared claims")

    def claim(self, claim: Claim) -> str:
        wordings = "".join(
            f"<li>{escape(wording_label(claim, a, self.names[a]))}: {escape(w)}</li>"
            for a, w in other_wordings(claim, self.texts)
        )
        listed = f'<ul class="wordings">{wordings}</ul>' if wordings else ""
        return escape(shown(claim.text)) + listed


def detail_sections(analysis: StoryAnalysis, *, explain: bool = False) -> str:
    """Quotes, numbers, conflicts, sources cited, unattributed sentences and word choice;
    one article alone leaves out the tables of figures set against each other when empty."""
    single = len(analysis.articles) == 1
    return "".join(
        _detail(view)
        for view in detail_tables(analysis, explain=explain)
        if view.rows or not (single and view.comparison)
    )


def _detail(view: TableView) -> str:
    if not view.rows:
        return section(view.title, nothing(view.empty))
    plain = view.title in _PLAIN_TABLES
    rows = [
        tuple(
            escape(_plain(header, cell) if plain else cell)
            for header, cell in zip(view.headers, row, strict=True)
        )
        for row in view.rows
    ]
    return section(view.title, table(view.headers, rows, label=view.title))


def _plain(header: str, cell: str) -> str:
    """A code in plain words ("ranges-disjoint" is "cannot both be true"); other cells as
    they are."""
    return _PLAIN.get(header, {}).get(cell, (cell, ""))[0]


def glossary(analysis: StoryAnalysis, *, explain: bool = False) -> str:
    """What the labels on this page mean, with the code the JSON gives each: only those
    the page shows."""
    entries: list[tuple[str, str]] = []
    if len(analysis.articles) > 1:
        entries += _comparison_terms(analysis)
    shown_codes = _codes(detail_tables(analysis, explain=explain))
    for header, labels in (("fidelity", FIDELITY), ("kind", QUOTE_KINDS), ("why", RULES)):
        for code, (label, meaning) in labels.items():
            if code in shown_codes.get(header, ()):
                entries.append((f"{label} ({code})", meaning))
    if any(n.bound.value == "vague" for n in analysis.numbers):
        entries.append(("vague", "a number given in words such as dozens or hundreds"))
    entries.append(("unattributed", "a sentence that names no source for what it says"))
    items = "".join(f"<dt>{escape(term)}</dt><dd>{escape(text)}</dd>" for term, text in entries)
    return (
        '<section id="glossary" aria-labelledby="h-glossary">'
        f'<h2 id="h-glossary">What the labels mean</h2><dl class="glossary">{items}</dl></section>'
    )


def _comparison_terms(analysis: StoryAnalysis) -> list[tuple[str, str]]:
    terms = [
        (
            "match 0.65",
            "how sure storylens is that the outlets' wordings state one fact, from 0 to 1"
            f" (the weakest link of the claim); from {WEAK_LINK:.2f} the match is firm",
        ),
        (
            "weak match",
            f"linked below {WEAK_LINK:.2f}: possibly the same fact, possibly not; check it."
            " An outlet marked “(weak match)” may state something else, so it is not said to"
            " leave the fact out either",
        ),
    ]
    if analysis.origins:
        terms.append(
            (
                "1 origin, 2 origins",
                "how many independent texts stand behind a fact: copies of one text (a wire"
                " story reprinted) count once, so they do not confirm each other",
            )
        )
    terms.append(
        (
            "numbers differ, numbers conflict",
            "the outlets' wordings of the fact give different figures; after a colon, why they"
            " are no conflict (see Figures that differ), or they conflict (see Conflicting"
            " numbers)",
        )
    )
    return terms


def _codes(views: Sequence[TableView]) -> dict[str, set[str]]:
    """The codes each coded column shows, by column ("why not" counts as "why")."""
    found: dict[str, set[str]] = {}
    for view in views:
        if view.title not in _PLAIN_TABLES:
            continue
        for i, header in enumerate(view.headers):
            if header in _PLAIN:
                key = "why" if header.startswith("why") else header
                found.setdefault(key, set()).update(row[i] for row in view.rows)
    return found
