"""The comparison as Markdown: digest first, then the claim views and the tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storylens.model import StoryAnalysis
from storylens.report.views import claim_views, outlet_name

__all__ = ["to_markdown"]


def to_markdown(
    analysis: StoryAnalysis, *, title: str = "storylens comparison", explain: bool = False
) -> str:
    """Render the comparison as a Markdown document."""
    names = {a.id: outlet_name(a) for a in analysis.articles}
    texts = {a.id: a.text for a in analysis.articles}
    views = claim_views(analysis)
    parts = [f"# {title}", ""]
    parts += _table(
        ["id", "outlet", "title", "published"],
        [(a.id, names[a.id], a.title or "", a.published or "") for a in analysis.articles],
    )
    parts += ["", "## Digest", ""]
    parts += [
        f"{i}. {d.text} [{', '.join(names.get(a, a) for a in d.articles)}]"
        for i, d in enumerate(analysis.digest, 1)
    ]
    parts += ["", "## Shared by all", ""] + [f"- {c.text}" for c in views.shared_by_all]
    parts += ["", "## Shared by some", ""] + [
        f"- {c.text} ({c.support.articles} articles)" for c in views.shared_by_some
    ]
    for article_id, claims in views.unique.items():
        parts += ["", f"## Only in {names[article_id]}", ""] + [f"- {c.text}" for c in claims]
    for article_id, claims in views.omitted.items():
        if claims:
            parts += ["", f"## Left out by {names[article_id]}", ""]
            parts += [f"- {c.text}" for c in claims]
    parts += ["", "## Quotes", ""]
    parts += _table(
        ["speaker", "fidelity", "outlet", "words"],
        [
            (
                q.speaker or "(unknown)",
                q.fidelity.value,
                names[m.span.article],
                texts[m.span.article][m.span.start : m.span.end],
            )
            for q in analysis.quotes
            for m in q.mentions
        ],
    )
    parts += ["", "## Numbers", ""]
    parts += _table(
        ["outlet", "text", "bound", "what", "where", "according to"],
        [
            (
                names[n.span.article],
                texts[n.span.article][n.span.start : n.span.end],
                n.bound.value,
                n.what or "",
                n.where or "",
                n.attributed_to or "",
            )
            for n in analysis.numbers
        ],
    )
    parts += ["", "## Conflicts", ""]
    parts += [
        f"- **{c.about}**: "
        + " vs ".join(
            f"{names[n.span.article]}: “{texts[n.span.article][n.span.start : n.span.end]}”"
            for n in c.mentions
        )
        + f" ({c.why.rule})"
        for c in analysis.conflicts
    ]
    if explain:
        parts += ["", "## Not flagged as conflicts", ""]
        parts += [
            f"- {c.about}: "
            + " vs ".join(
                f"{names[n.span.article]}: “{texts[n.span.article][n.span.start : n.span.end]}”"
                for n in c.mentions
            )
            + f" ({c.why.rule})"
            for c in analysis.non_conflicts
        ]
    parts += ["", "## Who is cited", ""]
    parts += _table(
        ["outlet", "source", "kind", "times"],
        [
            (names.get(s.article, s.article), s.source, s.kind, len(s.mentions))
            for s in analysis.sources_cited
        ],
    )
    parts += ["", "## Sentences with no attribution", ""]
    parts += _table(
        ["outlet", "unattributed", "sentences"],
        [
            (names[a.id], sum(s.article == a.id for s in analysis.unattributed), len(a.sentences))
            for a in analysis.articles
        ],
    )
    parts += ["", "## Word choice", ""]
    parts += _table(
        ["concept", "term", "counts"],
        [
            (w.concept, term, ", ".join(f"{names.get(a, a)}: {n}" for a, n in sorted(per.items())))
            for w in analysis.wording
            for term, per in sorted(w.counts.items())
        ],
    )
    return "\n".join(_fill_empty(parts)) + "\n"


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


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines
