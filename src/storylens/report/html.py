"""A self-contained HTML page for one comparison: no network, works offline.

Articles are shown side by side with shared, unique, quoted and conflicting passages
highlighted, followed by the digest with citations and tables for quotes, numbers, conflicts,
sources cited and word choice. With one article there is nothing to compare: the page says so,
lists the article's claims instead of shared and omitted ones, and leaves out what can only
hold between articles (shading by how widely a fact is shared, conflicting numbers).

Article text is untrusted: every piece of it is escaped, and a Content-Security-Policy allows
only the page's own script (by hash) and inline styles, so nothing in an article can run
script in the page.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from importlib.resources import files

from storylens.model import Article, ParagraphKind, Span, StoryAnalysis
from storylens.report.views import (
    article_names,
    claim_views,
    detail_tables,
    match_label,
    mention_fidelity,
    outlet_name,
    same_origin,
    shown,
)

__all__ = ["to_html"]

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


def to_html(
    analysis: StoryAnalysis,
    *,
    title: str = "storylens comparison",
    explain: bool = False,
    index_href: str | None = None,
) -> str:
    """Render the comparison as one HTML page (a string); ``index_href`` adds a link back."""
    single = len(analysis.articles) == 1
    hint = _DETAIL_HINT_ONE if single else _DETAIL_HINT
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'"
    body = "\n".join(
        [
            f'<p><a href="{escape(index_href)}">← all stories</a></p>' if index_href else "",
            f"<h1>{escape(title)}</h1>",
            *([_single_note(analysis)] if single else []),
            _legend(shares=not single, conflicts=not single or bool(analysis.conflicts)),
            *(
                f'<p class="origin">Same text, one origin: {escape(group)}.</p>'
                for group in same_origin(analysis, article_names(analysis.articles))
            ),
            f'<p id="detail" class="detail" role="status" aria-live="polite">{hint}</p>',
            _columns(analysis),
            _digest(analysis),
            _claims_list(analysis) if single else _claims_table(analysis),
            *(
                _table(t.title, t.headers, t.rows)
                for t in detail_tables(analysis, explain=explain)
                if t.rows or not (single and t.comparison)
            ),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _single_note(analysis: StoryAnalysis) -> str:
    """What a one-article page is: the article's own report, nothing compared yet."""
    outlet = outlet_name(analysis.articles[0])
    return (
        f'<p class="single">One article, from {escape(outlet)}: nothing to compare yet.'
        " Below are its claims, quotes, numbers and the sources it cites; once another"
        " article joins the story, its page compares them.</p>"
    )


_SHARES = (
    ("shared", "shared by half the articles or more"),
    ("some", "shared by fewer"),
    ("unique", "only this outlet"),
)


def _legend(*, shares: bool = True, conflicts: bool = True) -> str:
    """The highlight colours; one article has no shared facts to shade and no conflicts."""
    spans = [*(_SHARES if shares else ()), ("quote", "direct quote")]
    spans += [("conflict", "conflicting number")] if conflicts else []
    inner = "".join(f'<span class="{cls}">{text}</span>' for cls, text in spans)
    return f'<p class="legend">{inner}</p>'


def _share_class(count: int, articles: int) -> str:
    """``shared`` when at least half the articles state the fact, ``some`` when fewer do
    (in a large story nearly every fact is in two articles: shade tells the widely reported
    ones apart), ``unique`` for one article."""
    if count < 2:
        return "unique"
    return "shared" if 2 * count >= articles else "some"


def _columns(analysis: StoryAnalysis) -> str:
    marks = _marks(analysis)
    cols = [_article_column(a, marks.get(a.id, [])) for a in analysis.articles]
    return '<div class="cols">' + "".join(cols) + "</div>"


Mark = tuple[int, int, str, str, str]  # start, end, css class, claim id ("" for none), tooltip


def _marks(analysis: StoryAnalysis) -> dict[str, list[Mark]]:
    names = article_names(analysis.articles)
    marks: dict[str, list[Mark]] = {}

    def add(span: Span, cls: str, claim: str, tip: str) -> None:
        marks.setdefault(span.article, []).append((span.start, span.end, cls, claim, tip))

    # One article: every fact is its own, so only quotes and conflicts are marked.
    claims = analysis.claims if len(analysis.articles) > 1 else ()
    for claim in claims:
        outlets = sorted({names[m.span.article] for m in claim.mentions})
        count = len({m.span.article for m in claim.mentions})
        tip = ("reported by " if count > 1 else "only in ") + ", ".join(outlets)
        if count > 1:
            tip += f" ({match_label(claim, analysis.numbers)})"
        for m in claim.mentions:
            add(m.span, _share_class(count, len(analysis.articles)), claim.id, tip)
    for quote in analysis.quotes:
        for q in quote.mentions:
            fidelity = mention_fidelity(q, quote.fidelity.value)
            add(q.span, "quote", "", f"quote: {q.speaker or 'speaker unknown'} ({fidelity})")
    for conflict in analysis.conflicts:
        for n in conflict.mentions:
            add(n.span, "conflict", "", f"conflict: {conflict.about}")
    return marks


def _article_column(article: Article, marks: Sequence[Mark]) -> str:
    meta = " · ".join(
        escape(x) for x in (article.published or "", article.url or "", article.id) if x
    )
    paragraphs = []
    for p in article.paragraphs:
        inner = _highlight(article.text, p.start, p.end, marks)
        cls = "" if p.kind is ParagraphKind.BODY else f' class="{p.kind.value}"'
        paragraphs.append(f"<p{cls}>{inner}</p>")
    return (
        f'<section class="article" id="article-{escape(article.id)}">'
        f"<h3>{escape(outlet_name(article))}{_title_suffix(article)}</h3>"
        f'<div class="meta">{meta}</div>{"".join(paragraphs)}</section>'
    )


def _title_suffix(article: Article) -> str:
    return f": {escape(article.title)}" if article.title else ""


def _highlight(text: str, start: int, end: int, marks: Sequence[Mark]) -> str:
    """Escape text[start:end], wrapping each stretch in the classes of the marks over it."""
    inside = [m for m in marks if m[0] < end and m[1] > start]
    cuts = sorted({start, end} | {max(start, min(end, x)) for m in inside for x in m[:2]})
    out = []
    for a, b in itertools.pairwise(cuts):
        active = [m for m in inside if m[0] <= a and m[1] >= b]
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({m[2] for m in active}))
        claim = next((m[3] for m in active if m[3]), "")
        data = f' data-claim="{escape(claim)}"' if claim else ""
        tips = "; ".join(dict.fromkeys(m[4] for m in sorted(active, key=lambda m: m[2]) if m[4]))
        title = f' title="{escape(tips)}"' if tips else ""
        focus = ' tabindex="0"' if tips else ""
        out.append(f'<span class="{classes}"{data}{title}{focus}>{piece}</span>')
    return "".join(out)


def _digest(analysis: StoryAnalysis) -> str:
    names = article_names(analysis.articles)
    items = [
        f"<li>{escape(d.text)} <sup>[{_article_links(d.articles, names)}]</sup></li>"
        for d in analysis.digest
    ]
    return '<h2>Digest</h2><ol class="digest">' + "".join(items) + "</ol>"


def _article_links(article_ids: Sequence[str], names: Mapping[str, str]) -> str:
    """Each cited article's name, linked to its column on the page."""
    return ", ".join(
        f'<a href="#article-{escape(a)}">{escape(names.get(a, a))}</a>' for a in article_ids
    )


def _table(title: str, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<h2>{escape(title)}</h2><table><tr>{head}</tr>{body}</table>"


def _claims_list(analysis: StoryAnalysis) -> str:
    """One article's claims, in the order it makes them."""
    return _table("Claims", ["claim"], [(shown(c.text),) for c in analysis.claims])


def _claims_table(analysis: StoryAnalysis) -> str:
    views = claim_views(analysis)
    names = article_names(analysis.articles)
    rows: list[tuple[object, ...]] = [
        ("shared by all", shown(c.text), c.support.articles) for c in views.shared_by_all
    ]
    rows += [("shared by some", shown(c.text), c.support.articles) for c in views.shared_by_some]
    rows += [
        ("possibly shared (weak match)", shown(c.text), c.support.articles) for c in views.weak
    ]
    for article_id, omitted in views.omitted.items():
        label = f"left out by {names[article_id]}"
        rows += [(label, shown(c.text), c.support.articles) for c in omitted]
    return _table("Shared and omitted facts", ["view", "claim", "articles"], rows)
