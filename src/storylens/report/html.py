"""A self-contained HTML page for one comparison: no network, works offline.

Articles are shown side by side with shared, unique, weakly matched, wire-copied, quoted and
conflicting passages highlighted (see :mod:`storylens.report._html_marks`), each kind with a
cue besides its colour (underline style, border), followed by the digest with citations, a
glossary of the page's labels, the claim lists of the Markdown report and tables for quotes,
numbers, conflicts, sources cited and word choice. With one article there is nothing to
compare: the page says so, lists the article's claims instead of shared and omitted ones, and
leaves out what can only hold between articles (shading by how widely a fact is shared,
conflicting numbers).

Article text is untrusted: every piece of it is escaped, and a Content-Security-Policy allows
only the page's own script (by hash) and inline styles, so nothing in an article can run
script in the page.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections.abc import Sequence
from html import escape
from importlib.resources import files

from storylens.model import Article, Paragraph, ParagraphKind, StoryAnalysis
from storylens.report._html_marks import Mark, legend_classes, marks
from storylens.report._html_sections import (
    claim_sections,
    detail_sections,
    digest,
    glossary,
    table,
)
from storylens.report.views import article_names, outlet_name, same_origin
from storylens.text import shorten_words

__all__ = ["SKIP_LINK", "table", "to_html"]

_CSS = (files("storylens.report") / "report.css").read_text(encoding="utf-8")

# Clicking (or tabbing to) a highlighted passage outlines every mention of the same claim and
# shows what the passage is (who reports it, the quote's speaker, the conflict) in the detail
# line, so touch and keyboard users read what a mouse pointer shows as a tooltip.
_SCRIPT = """
function storylensShow(ev) {
  var el = ev.target.closest('.article [title]');
  document.querySelectorAll('.hl').forEach(function (x) { x.classList.remove('hl'); });
  if (!el) { return; }
  document.getElementById('detail').textContent = el.getAttribute('title');
  var id = el.getAttribute('data-claim');
  if (!id) { el.classList.add('hl'); return; }
  document.querySelectorAll('[data-claim]').forEach(function (x) {
    if (x.getAttribute('data-claim') === id) { x.classList.add('hl'); }
  });
}
document.addEventListener('click', storylensShow);
document.addEventListener('focusin', storylensShow);
"""
_DETAIL_HINT = "Click or tab to a highlighted passage to see who reports it."
_DETAIL_HINT_ONE = "Click or tab to a highlighted quote to see who said it."

SKIP_LINK = '<a class="skip" href="#main">Skip to main content</a>'
"""The first thing on every page: keyboard users pass the navigation (and the site link)."""


def to_html(
    analysis: StoryAnalysis,
    *,
    title: str = "storylens comparison",
    explain: bool = False,
    index_href: str | None = None,
) -> str:
    """Render the comparison as one HTML page (a string); ``index_href`` adds a link back."""
    single = len(analysis.articles) == 1
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'"
    nav = f'<nav><a href="{escape(index_href)}">← all stories</a></nav>' if index_href else ""
    main = "\n".join(
        [
            f"<h1>{escape(title)}</h1>",
            *([_single_note(analysis)] if single else []),
            _articles(analysis),
            digest(analysis),
            glossary(analysis, explain=explain),
            claim_sections(analysis),
            detail_sections(analysis, explain=explain),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'{SKIP_LINK}\n{nav}\n<main id="main" tabindex="-1">\n{main}\n</main>\n'
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _single_note(analysis: StoryAnalysis) -> str:
    """What a one-article page is: the article's own report, nothing compared yet."""
    outlet = outlet_name(analysis.articles[0])
    return (
        f'<p class="single">One article, from {escape(outlet)}: nothing to compare yet.'
        " Below are its claims, quotes, numbers and the sources it cites; once another"
        " article joins the story, its page compares them.</p>"
    )


def _articles(analysis: StoryAnalysis) -> str:
    """The articles side by side with their highlights, the legend and the detail line.

    The detail line sticks to the top of the window only while the articles are on screen
    (it is sticky within this section), so it never covers the tables below."""
    found = marks(analysis)
    hint = _DETAIL_HINT_ONE if len(analysis.articles) == 1 else _DETAIL_HINT
    names = article_names(analysis.articles)
    origins = "".join(
        f'<p class="origin">Same text, one origin: {escape(group)}.</p>'
        for group in same_origin(analysis, names)
    )
    heading = "Articles" if len(analysis.articles) > 1 else "Article"
    cols = "".join(_article_column(a, found.get(a.id, []), names[a.id]) for a in analysis.articles)
    count = min(len(analysis.articles), 4)
    return (
        '<section class="reading" aria-labelledby="h-articles">'
        f'<h2 id="h-articles">{heading}</h2>{_legend(legend_classes(found))}{origins}'
        '<a class="skip" href="#digest">Skip the article texts</a>'
        f'<p id="detail" class="detail" role="status" aria-live="polite">{hint}</p>'
        f'<div class="cols n{count}">{cols}</div></section>'
    )


_LEGEND = (
    ("shared", "shared", "reported by half the articles or more"),
    ("some", "shared by fewer", "reported by two articles or more, but fewer than half"),
    ("wire", "one origin", "repeated only by copies of one text: not independent confirmation"),
    ("weak", "weak match", "possibly the same fact as a passage of another article: check"),
    ("unique", "only this outlet", "no other article states it"),
    ("quote", "direct quote", "the words inside quote marks"),
    ("conflict", "conflicting number", "another article gives a figure that cannot also be true"),
)
"""Each highlight: its class, its name (shown in its own style), what it means."""


def _legend(used: set[str]) -> str:
    """The highlights the page uses, each shown in its own style, and what it means."""
    items = "".join(
        f'<li><span class="{cls}">{name}</span> {meaning}</li>'
        for cls, name, meaning in _LEGEND
        if cls in used
    )
    return f'<ul class="legend" aria-label="What the highlights mean">{items}</ul>' if items else ""


def _is_headline(article: Article, paragraph: Paragraph) -> bool:
    """A heading paragraph that is the article's title, shown in the column's header."""
    text = " ".join(article.text[paragraph.start : paragraph.end].split())
    return paragraph.kind is ParagraphKind.HEADING and bool(article.title) and text == article.title


def _article_column(article: Article, marks: Sequence[Mark], name: str) -> str:
    """An article: its name as the tables give it (the outlet, numbered when the outlet has
    several articles) and headline, then date, address and id (small), then its text."""
    meta = [escape(x) for x in (article.published or "", article.url or "") if x]
    meta.append(f'<span class="id">id {escape(article.id)}</span>')
    paragraphs = []
    started: set[Mark] = set()
    for p in article.paragraphs:
        if _is_headline(article, p):
            continue  # the headline heads the column already
        inner = _highlight(article.text, p.start, p.end, marks, started)
        cls = "" if p.kind is ParagraphKind.BODY else f' class="{p.kind.value}"'
        paragraphs.append(f"<p{cls}>{inner}</p>")
    aid = escape(article.id)
    return (
        f'<section class="article" id="article-{aid}" aria-labelledby="h-article-{aid}">'
        f'<h3 id="h-article-{aid}"><span class="outlet">{escape(name)}</span>'
        f"{_headline(article)}</h3>"
        f'<p class="meta">{" · ".join(meta)}</p>{"".join(paragraphs)}</section>'
    )


def _headline(article: Article) -> str:
    """The article's title; without one, its opening words, said to be such."""
    if article.title:
        return f' <span class="headline">{escape(article.title)}</span>'
    first = article.text.split("\n", 1)[0].strip()
    if not first:
        return ""
    opening = escape(shorten_words(first, 90))
    return f' <span class="headline untitled">no headline; it opens: “{opening}”</span>'


def _highlight(text: str, start: int, end: int, marks: Sequence[Mark], started: set[Mark]) -> str:
    """Escape text[start:end], wrapping each stretch in the classes of the marks over it.

    Each passage that takes the focus is one tab stop, on its first stretch with a letter
    or digit in it (never on a lone quote mark); ``started`` holds the passages given one."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end} | {max(start, min(end, x)) for m in inside for x in m[:2]})
    out = []
    for a, b in itertools.pairwise(cuts):
        active = [m for m in inside if m.start <= a and m.end >= b]
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({m.cls for m in active}))
        claim = next((m.claim for m in active if m.claim), "")
        data = f' data-claim="{escape(claim)}"' if claim else ""
        tips = "; ".join(dict.fromkeys(m.tip for m in sorted(active, key=lambda m: m.cls)))
        title = f' title="{escape(tips)}"' if tips else ""
        new = [m for m in active if m.focus and m not in started]
        words = any(ch.isalnum() for ch in text[a:b])
        focus = ' tabindex="0"' if new and words else ""
        if focus:
            started.update(new)
        out.append(f'<span class="{classes}"{data}{title}{focus}>{piece}</span>')
    return "".join(out)
