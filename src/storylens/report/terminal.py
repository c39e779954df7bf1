"""The comparison in the terminal: rich tables, readable at 100 columns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from storylens.model import StoryAnalysis
from storylens.report.views import claim_views, outlet_name

__all__ = ["print_comparison"]


def print_comparison(analysis: StoryAnalysis, console: Console, *, explain: bool = False) -> None:
    """Print the digest, the claim views and the tables to a rich console."""
    names = {a.id: outlet_name(a) for a in analysis.articles}
    texts = {a.id: a.text for a in analysis.articles}
    views = claim_views(analysis)
    console.print(
        _table(
            "Articles",
            ["id", "outlet", "title"],
            [(a.id, names[a.id], a.title or "") for a in analysis.articles],
        )
    )
    console.print(
        _table(
            "Digest",
            ["#", "sentence", "cited"],
            [
                (str(i), d.text, ", ".join(names.get(a, a) for a in d.articles))
                for i, d in enumerate(analysis.digest, 1)
            ],
        )
    )
    shared = [("all", c.text) for c in views.shared_by_all]
    shared += [(f"{c.support.articles} articles", c.text) for c in views.shared_by_some]
    console.print(_table("Shared facts", ["by", "claim"], shared))
    unique = [(names[i], c.text) for i, claims in views.unique.items() for c in claims]
    console.print(_table("Only one outlet says", ["outlet", "claim"], unique))
    omitted = [(names[i], c.text) for i, claims in views.omitted.items() for c in claims]
    console.print(_table("Left out", ["outlet", "shared claim it omits"], omitted))
    console.print(
        _table(
            "Quotes",
            ["speaker", "fidelity", "outlet", "words"],
            [
                (
                    q.speaker or "?",
                    q.fidelity.value,
                    names[m.span.article],
                    texts[m.span.article][m.span.start : m.span.end],
                )
                for q in analysis.quotes
                for m in q.mentions
            ],
        )
    )
    console.print(
        _table(
            "Numbers",
            ["outlet", "text", "what", "where", "according to"],
            [
                (
                    names[n.span.article],
                    texts[n.span.article][n.span.start : n.span.end],
                    n.what or "",
                    n.where or "",
                    n.attributed_to or "",
                )
                for n in analysis.numbers
            ],
        )
    )
    console.print(
        _table(
            "Conflicts",
            ["about", "mentions", "why"],
            [
                (
                    c.about,
                    " vs ".join(
                        texts[n.span.article][n.span.start : n.span.end] for n in c.mentions
                    ),
                    c.why.rule,
                )
                for c in analysis.conflicts
            ],
        )
    )
    console.print(
        _table(
            "Who is cited",
            ["outlet", "source", "kind", "times"],
            [
                (names.get(s.article, s.article), s.source, s.kind, str(len(s.mentions)))
                for s in analysis.sources_cited
            ],
        )
    )
    console.print(
        _table(
            "Word choice",
            ["concept", "term", "counts"],
            [
                (
                    w.concept,
                    term,
                    ", ".join(f"{names.get(a, a)}: {n}" for a, n in sorted(per.items())),
                )
                for w in analysis.wording
                for term, per in sorted(w.counts.items())
            ],
        )
    )


def _table(title: str, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Table:
    table = Table(title=title, title_justify="left", expand=False, show_lines=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # article text is never markup
    return table
