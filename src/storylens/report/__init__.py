"""Renderers: plain records for JSON, CSV and tables, and the comparison report formats."""

from __future__ import annotations

from collections.abc import Collection

from storylens.model import StoryAnalysis
from storylens.report.records import article_record, article_row
from storylens.text import shorten_words

__all__ = ["FORMATS", "article_record", "article_row", "render"]

FORMATS = ("json", "markdown", "html", "text")


def render(
    analysis: StoryAnalysis,
    fmt: str,
    *,
    title: str | None = None,
    explain: bool = False,
    only: Collection[str] | None = None,
) -> str:
    """Render a comparison in one of :data:`FORMATS` as a string; ``only`` (text and Markdown):
    the sections to show, keys of :data:`storylens.report.views.SECTIONS`."""
    heading = title or _title(analysis)
    if only is not None and fmt not in ("text", "markdown"):
        msg = f"sections can be chosen in the text and Markdown reports only, not in {fmt}"
        raise ValueError(msg)
    if fmt == "json":
        from storylens.report.comparison import to_json

        return to_json(analysis)
    if fmt == "markdown":
        from storylens.report.markdown import to_markdown

        return to_markdown(analysis, title=heading, explain=explain, only=only)
    if fmt == "html":
        from storylens.report.html import to_html

        return to_html(analysis, title=heading, explain=explain)
    if fmt == "text":
        from io import StringIO

        from rich.console import Console

        from storylens.report.terminal import print_comparison

        buffer = StringIO()
        print_comparison(analysis, Console(file=buffer, width=100), explain=explain, only=only)
        return buffer.getvalue()
    msg = f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}"
    raise ValueError(msg)


def _title(analysis: StoryAnalysis) -> str:
    """ "Comparison: " and the headline most outlets agree on, in neutral words when one is
    (not one outlet's "Crooked ex-minister ..." nor a speaker's words: "'It feels like the
    town was left to burn'"), without a live page's "Live:", and not a reprint's own headline
    (:func:`storylens.stories.originals`); else the first article's opening line."""
    from storylens.analyze.wording import bare_headline, neutral_headline
    from storylens.features import central_line
    from storylens.stories import originals

    titles = [bare_headline(a.title) for a in analysis.articles if a.title]
    named = [
        bare_headline(a.title)
        for a in originals(analysis.articles, dict(analysis.origins))
        if a.title
    ]
    neutral = [t for t in named if neutral_headline(t)]
    if titles:
        first = central_line(neutral or named or titles, titles)
    elif analysis.articles:
        first = shorten_words(analysis.articles[0].text.split("\n", 1)[0], 80)
    else:
        return "storylens comparison"
    return f"Comparison: {first}"
