"""The comparison as Markdown: digest first, then the claim views and the tables.

A section with nothing in it says so in one line, in the terminal report's words ("Left out:
nothing: every outlet states every fact two sources report" is "## Left out", then "Nothing:
every outlet states every fact two sources report.").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from storylens.model import Claim, StoryAnalysis
from storylens.report.sections import CLAIM_SECTIONS, plan, selected
from storylens.report.views import (
    ALSO_NOTE,
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
    TableView,
    article_names,
    cited,
    claim_views,
    detail_tables,
    marks_also,
    match_label,
    number_verdicts,
    other_wordings,
    reporters,
    same_origin,
    shown,
    wording_label,
)

__all__ = ["to_markdown"]


def to_markdown(
    analysis: StoryAnalysis,
    *,
    title: str = "storylens comparison",
    explain: bool = False,
    only: Collection[str] | None = None,
) -> str:
    """Render the comparison as a Markdown document; ``only``: the keys of
    :data:`~storylens.report.sections.SECTIONS` to write (None: every section).

    Article text is untrusted: ``&``, ``<`` and ``>`` are written as HTML entities, so a
    Markdown renderer that passes HTML through shows an article's ``<script>`` as text.
    """
    names = article_names(analysis.articles)
    parts = [f"# {title}"]
    tables = detail_tables(analysis, explain=explain)
    for key, claims in plan(only, len(analysis.articles)):  # in the order --only names them
        parts += _section_of(key, analysis, names, tables, claims)
    return _escape_html("\n".join(parts) + "\n")


def _section_of(
    key: str,
    analysis: StoryAnalysis,
    names: Mapping[str, str],
    tables: Sequence[TableView],
    claims: tuple[str, ...],
) -> list[str]:
    """The lines of one section (``claims``: the claim sections it shows, when a claim one)."""
    if key == "articles":
        rows = [(a.id, names[a.id], a.title or "", a.published or "") for a in analysis.articles]
        parts = ["", *_table(["id", "outlet", "title", "published"], rows)]
        copies = same_origin(analysis, names)  # wire copies: one source's agreement
        return parts + ([""] + [f"Same text, one origin: {c}." for c in copies] if copies else [])
    if key == "digest":
        digest = [
            f"{i}. {d.text} [{cited(d.articles, names)}]" for i, d in enumerate(analysis.digest, 1)
        ]
        return _section("Digest", digest, EMPTY_DIGEST)
    if key in CLAIM_SECTIONS:
        return _claim_sections(analysis, names, claims)
    return [
        line
        for t in tables
        if t.section == key
        for line in _section(t.title, _table(t.headers, t.rows), t.empty)
    ]


def _claim_sections(
    analysis: StoryAnalysis, names: Mapping[str, str], only: Collection[str] | None
) -> list[str]:
    """Shared, unique and left-out claims, as the terminal report groups them."""
    views = claim_views(analysis)
    texts = {a.id: a.text for a in analysis.articles}
    count = len(analysis.articles)

    def shared(claims: Iterable[Claim]) -> list[str]:
        return [line for c in claims for line in _shared_claim(c, names, texts, analysis)]

    if count < 2:  # one article: nothing can be shared, every claim is its own
        if not (selected(only, "unique") or selected(only, "shared")):
            return []
        claims = [f"- {shown(c.text)}" for found in views.unique.values() for c in found]
        return _section("Claims", claims, EMPTY_CLAIMS)
    parts: list[str] = []
    if selected(only, "shared"):
        parts += ["", f"## {SHARED_TITLE}"]  # the title the text and HTML reports give too
        parts += _section("Shared by all", shared(views.shared_by_all), EMPTY_SHARED_BY_ALL, 3)
        if count > 2:  # with two, a claim both state is shared by all
            some = shared(views.shared_by_some)
            parts += _section("Shared by some", some, EMPTY_SHARED_BY_SOME, 3)
        if views.weak:
            parts += _section("Possibly shared (weak match: check)", shared(views.weak), "")
        if marks_also([*views.shared_by_all, *views.shared_by_some, *views.weak]):
            parts += ["", f"{ALSO_NOTE[:1].upper()}{ALSO_NOTE[1:]}."]
    if selected(only, "unique"):
        parts += _per_article("Only in", UNIQUE_TITLE, views.unique, names, EMPTY_UNIQUE)
    if selected(only, "omitted"):
        if count > 2:  # with two, a shared claim is in both: nothing to leave out
            parts += _per_article("Left out by", OMITTED_TITLE, views.omitted, names, EMPTY_OMITTED)
        if views.cut:  # a reprint that dropped what the other copies of its text keep
            parts += _per_article(f"{CUT_TITLE}:", CUT_TITLE, views.cut, names, "")
    return parts


def _per_article(
    prefix: str,
    title: str,
    claims: Mapping[str, Sequence[Claim]],
    names: Mapping[str, str],
    empty: str,
) -> list[str]:
    """``## title``, then a section per article that has claims here ("### Only in
    Ledger"); one line under the title when none has any."""
    parts: list[str] = []
    for article_id, found in claims.items():
        if found:
            lines = [f"- {shown(c.text)}" for c in found]
            parts += _section(f"{prefix} {names[article_id]}", lines, level=3)
    return ["", f"## {title}", *parts] if parts else _section(title, [], empty)


def _section(title: str, lines: Sequence[str], empty: str = "", level: int = 2) -> list[str]:
    """``## title`` (or deeper) and its lines; the ``empty`` sentence when there are none."""
    return ["", f"{'#' * level} {title}", "", *(lines or [_nothing(empty)])]


def _nothing(empty: str) -> str:
    """The sentence for an empty section: "nothing: every ..." is "Nothing: every ...".

    >>> _nothing("none: no article gives a figure")
    'None: no article gives a figure.'
    """
    return empty[:1].upper() + empty[1:] + "."


def _shared_claim(
    claim: Claim, names: Mapping[str, str], texts: Mapping[str, str], analysis: StoryAnalysis
) -> list[str]:
    """A shared claim, then each outlet's own wording where it differs."""
    label = match_label(claim, analysis.numbers, number_verdicts(analysis), texts)
    outlets = reporters(claim, names) + (f"; {label}" if label else "")
    lines = [f"- {shown(claim.text)} [{outlets}]"]
    lines += [
        f"  - {wording_label(claim, a, names[a])}: {shown(wording)}"  # as the claim's own
        # words above it, with no quote marks: they read as someone's speech (trials 166-167)
        for a, wording in other_wordings(claim, texts)
    ]
    return lines


def _escape_html(text: str) -> str:
    """``text`` with ``&``, ``<`` and ``>`` as HTML entities (Markdown shows them as written).

    >>> _escape_html("<img onerror=x> & co")
    '&lt;img onerror=x&gt; &amp; co'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    """A Markdown table; no lines at all when there are no rows."""
    if not rows:
        return []
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines
