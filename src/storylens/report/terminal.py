"""The comparison in the terminal: rich tables, readable at 100 columns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from storylens.model import Claim, StoryAnalysis
from storylens.report.views import (
    article_names,
    cited,
    claim_views,
    detail_tables,
    match_label,
    other_wordings,
    same_origin,
    shown,
)

__all__ = ["print_comparison"]


def print_comparison(analysis: StoryAnalysis, console: Console, *, explain: bool = False) -> None:
    """Print the digest, the claim views and the detail tables to a rich console."""
    names = article_names(analysis.articles)
    views = claim_views(analysis)
    articles = [(a.id, names[a.id], a.title or "") for a in analysis.articles]
    digest = [(str(i), d.text, cited(d.articles, names)) for i, d in enumerate(analysis.digest, 1)]
    texts = {a.id: a.text for a in analysis.articles}
    shared = [_shared_row(c, analysis, names, texts) for c in views.shared_by_all]
    shared += [_shared_row(c, analysis, names, texts) for c in views.shared_by_some]
    weak = [_shared_row(c, analysis, names, texts) for c in views.weak]
    unique = [(names[i], shown(c.text)) for i, claims in views.unique.items() for c in claims]
    omitted = [(names[i], shown(c.text)) for i, claims in views.omitted.items() for c in claims]
    console.print(_table("Articles", ["id", "outlet", "title"], articles))
    for group in same_origin(analysis, names):  # wire copies: one source's agreement
        console.print(Text(f"Same text, one origin: {group}."))
    console.print(_table("Digest", ["#", "sentence", "cited"], digest))
    if len(analysis.articles) < 2:  # one article: nothing can be shared, every claim is its own
        console.print(_table("Claims", ["outlet", "claim"], unique))
    else:
        console.print(_table("Shared facts", ["reported by", "claim"], shared))
        if weak:
            console.print(_table("Possibly shared (weak match: check)", ["linked", "claim"], weak))
        console.print(_table("Only one outlet says", ["outlet", "claim"], unique))
    if len(analysis.articles) > 2:  # with two, a shared claim is in both: nothing to omit
        console.print(_table("Left out", ["outlet", "shared claim it omits"], omitted))
    for table in detail_tables(analysis, explain=explain):
        console.print(_table(table.title, table.headers, table.rows))


def _shared_row(
    claim: Claim, analysis: StoryAnalysis, names: Mapping[str, str], texts: Mapping[str, str]
) -> tuple[str, Text]:
    """Who reports a shared claim (with how well it is matched), and its wordings."""
    outlets = ", ".join(dict.fromkeys(names[m.span.article] for m in claim.mentions))
    label = f"{outlets} ({match_label(claim, analysis.numbers)})"
    return label, _with_wordings(claim, names, texts)


def _with_wordings(claim: Claim, names: Mapping[str, str], texts: Mapping[str, str]) -> Text:
    """The claim, then each other outlet's own wording of it on a line of its own."""
    cell = Text(shown(claim.text))
    for article, wording in other_wordings(claim, texts):
        cell.append(f"\n↳ {names[article]}: ", style="dim")
        cell.append(wording)
    return cell


def _table(title: str, headers: Sequence[str], rows: Iterable[Sequence[str | Text]]) -> Table:
    table = Table(title=title, title_justify="left", expand=False, show_lines=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        # article text is never markup: plain strings become Text, never parsed
        table.add_row(*(cell if isinstance(cell, Text) else Text(cell) for cell in row))
    return table
