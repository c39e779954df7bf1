"""The comparison as Markdown: digest first, then the claim views and the tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storylens.model import Claim, NumberMention, StoryAnalysis
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

__all__ = ["to_markdown"]


def to_markdown(
    analysis: StoryAnalysis, *, title: str = "storylens comparison", explain: bool = False
) -> str:
    """Render the comparison as a Markdown document.

    Article text is untrusted: ``&``, ``<`` and ``>`` are written as HTML entities, so a
    Markdown renderer that passes HTML through shows an article's ``<script>`` as text.
    """
    names = article_names(analysis.articles)
    views = claim_views(analysis)
    parts = [f"# {title}", ""]
    parts += _table(
        ["id", "outlet", "title", "published"],
        [(a.id, names[a.id], a.title or "", a.published or "") for a in analysis.articles],
    )
    copies = same_origin(analysis, names)
    if copies:  # wire copies: their agreement is one source's, not several
        parts += [""] + [f"Same text, one origin: {group}." for group in copies]
    parts += ["", "## Digest", ""]
    parts += [
        f"{i}. {d.text} [{cited(d.articles, names)}]" for i, d in enumerate(analysis.digest, 1)
    ]
    texts = {a.id: a.text for a in analysis.articles}
    parts += ["", "## Shared by all", ""]
    for claim in views.shared_by_all:
        parts += _shared_claim(claim, names, texts, analysis.numbers)
    parts += ["", "## Shared by some", ""]
    for claim in views.shared_by_some:
        parts += _shared_claim(claim, names, texts, analysis.numbers)
    if views.weak:
        parts += ["", "## Possibly shared (weak match: check)", ""]
        for claim in views.weak:
            parts += _shared_claim(claim, names, texts, analysis.numbers)
    for article_id, claims in views.unique.items():
        parts += ["", f"## Only in {names[article_id]}", ""]
        parts += [f"- {shown(c.text)}" for c in claims]
    for article_id, claims in views.omitted.items():
        if claims:
            parts += ["", f"## Left out by {names[article_id]}", ""]
            parts += [f"- {shown(c.text)}" for c in claims]
    for table in detail_tables(analysis, explain=explain):
        parts += ["", f"## {table.title}", ""]
        parts += _table(table.headers, table.rows) if table.rows else []
    return _escape_html("\n".join(_fill_empty(parts)) + "\n")


def _shared_claim(
    claim: Claim,
    names: dict[str, str],
    texts: dict[str, str],
    numbers: Sequence[NumberMention],
) -> list[str]:
    """A shared claim, then each outlet's own wording where it differs."""
    outlets = ", ".join(dict.fromkeys(names[m.span.article] for m in claim.mentions))
    lines = [f"- {shown(claim.text)} [{outlets}; {match_label(claim, numbers)}]"]
    lines += [f"  - {names[a]}: “{wording}”" for a, wording in other_wordings(claim, texts)]
    return lines


def _fill_empty(parts: list[str]) -> list[str]:
    """Say "_none_" under a section that has nothing, so empty is not mistaken for missing."""
    out: list[str] = []
    for i, line in enumerate(parts):
        out.append(line)
        if line.startswith("## "):
            rest = [x for x in parts[i + 1 :] if x]
            if not rest or rest[0].startswith("## "):
                out += ["", "_none_"]
    return out


def _escape_html(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` as HTML entities (Markdown shows them as written).

    >>> _escape_html("<img onerror=x> & co")
    '&lt;img onerror=x&gt; &amp; co'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines
