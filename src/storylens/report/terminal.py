"""The comparison in the terminal: rich tables that fit the terminal's width.

Every table here (and every table of the command line's listings) is laid out by
:func:`print_table`: ids and numbers are never cut or wrapped, text columns (titles, claims,
labels) wrap, and when a table cannot fit, its least important columns are left out and a
line under it says so. A table with no rows is one short line instead ("Left out: nothing:
every outlet states every fact two sources report").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len
from rich.console import Console, JustifyMethod
from rich.table import Table
from rich.text import Text

from storylens.model import Claim, StoryAnalysis
from storylens.report.sections import CLAIM_SECTIONS, plan, selected
from storylens.report.views import (
    ALSO_NOTE,
    CUT_TITLE,
    EMPTY_CLAIMS,
    EMPTY_DIGEST,
    EMPTY_OMITTED,
    EMPTY_SHARED,
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
    number_verdicts,
    other_wordings,
    reported_by,
    same_origin,
    shown,
    wording_label,
)

__all__ = ["TableLayout", "fit_columns", "print_comparison", "print_table"]

Cell = str | Text

TEXT_MIN = 12
"""A text column is not made narrower than this while a less important column can go."""
TEXT_HARD_MIN = 8
"""...and never narrower than this (or its header's longest word)."""
SHORT_TEXT = 48
"""A text column beside a main one is shown whole first when its longest line is this short."""
MAIN_MIN = 30
"""A table's main text column (see :func:`fit_columns`) is not made narrower than this while
a column it may leave out can go."""

_WHOLE = frozenset(
    {"id", "#", "fidelity", "kind", "text", "bound", "why", "why not", "why not a conflict"}
    | {"times", "unattributed", "sentences"}
)
"""Columns of the comparison whose words are never broken: ids, numbers, rule names."""

_DROP = {
    "Quotes": ("kind",),
    "Numbers": ("bound",),  # the text already shows a bound
    "Who is cited": ("kind",),
    "Word choice": ("kind",),
    "Digest": ("cited",),
}
"""The columns of each comparison table that may be left out to fit, least important first."""

_MAIN = {
    "Quotes": "words",
    SHARED_TITLE: "claim",
    "Possibly shared (weak match: check)": "claim",
    UNIQUE_TITLE: "claim",
    OMITTED_TITLE: "claim",
}
"""The column each comparison table is about, kept readable first (see :func:`fit_columns`)."""

_HINT = "widen the terminal, set COLUMNS, or use --format markdown"


def print_comparison(
    analysis: StoryAnalysis,
    console: Console,
    *,
    explain: bool = False,
    only: Collection[str] | None = None,
) -> None:
    """Print the digest, the claim views and the detail tables to a rich console; ``only``:
    the keys of :data:`~storylens.report.sections.SECTIONS` to print (None: every section)."""
    names = article_names(analysis.articles)
    tables = detail_tables(analysis, explain=explain)
    for key, claims in plan(only, len(analysis.articles)):  # in the order --only names them
        _print_section(key, analysis, console, names, (tables, claims))


def _print_section(
    key: str,
    analysis: StoryAnalysis,
    console: Console,
    names: Mapping[str, str],
    shown_with: tuple[Sequence[TableView], tuple[str, ...]],
) -> None:
    """Print one section (``shown_with``: the detail tables, and the claim sections it shows
    when a claim one)."""
    tables, claims = shown_with
    if key == "articles":
        articles = [(a.id, names[a.id], a.title or "") for a in analysis.articles]
        _print(console, "Articles", ["id", "outlet", "title"], articles)
        for copies in same_origin(analysis, names):  # wire copies: one source's agreement
            console.print(Text(f"Same text, one origin: {copies}."))
    elif key == "digest":
        digest = [
            (str(i), d.text, cited(d.articles, names)) for i, d in enumerate(analysis.digest, 1)
        ]
        _print(console, "Digest", ["#", "sentence", "cited"], digest, empty=EMPTY_DIGEST)
    elif key in CLAIM_SECTIONS:
        _print_claims(analysis, console, names, claims)
    for table in (t for t in tables if t.section == key):
        shown_table = _with_context(table) if table.title == "Numbers" else table
        _print(console, table.title, shown_table.headers, shown_table.rows, empty=table.empty)


CONTEXT = "where · when · per"
"""The terminal's numbers table gives a figure's place, time and source in one column that
wraps (user trials 127-128: at 100 columns three columns of their own left ``when`` out)."""


def _with_context(table: TableView) -> TableView:
    """The numbers table with ``where``, ``when`` and ``according to`` in one column:
    "Ostrin Strait · on Thursday · per Ostrin Coastguard"."""
    index = {h: i for i, h in enumerate(table.headers)}
    kept = [h for h in table.headers if h not in _CONTEXT_PARTS]

    def context(row: Sequence[str]) -> str:
        where, when, source = (row[index[h]] for h in _CONTEXT_PARTS)
        return " · ".join(p for p in (where, when, f"per {source}" if source else "") if p)

    rows = tuple((*(row[index[h]] for h in kept), context(row)) for row in table.rows)
    return replace(table, headers=(*kept, CONTEXT), rows=rows)


_CONTEXT_PARTS = ("where", "when", "according to")


def _print_claims(
    analysis: StoryAnalysis,
    console: Console,
    names: Mapping[str, str],
    only: Collection[str] | None,
) -> None:
    """Shared facts (and weak matches), one outlet's facts, and what each outlet leaves out."""
    views = claim_views(analysis)
    texts = {a.id: a.text for a in analysis.articles}
    unique = [(names[i], shown(c.text)) for i, claims in views.unique.items() for c in claims]
    if len(analysis.articles) < 2:  # one article: nothing can be shared, every claim is its own
        if selected(only, "unique") or selected(only, "shared"):
            _print(console, "Claims", ["outlet", "claim"], unique, empty=EMPTY_CLAIMS)
        return
    if selected(only, "shared"):
        shared = [_shared_row(c, analysis, names, texts) for c in views.shared_by_all]
        shared += [_shared_row(c, analysis, names, texts) for c in views.shared_by_some]
        _print(console, SHARED_TITLE, ["reported by", "claim"], shared, empty=EMPTY_SHARED)
        weak = [_shared_row(c, analysis, names, texts) for c in views.weak]
        if weak:
            _print(console, "Possibly shared (weak match: check)", ["linked", "claim"], weak)
        if marks_also([*views.shared_by_all, *views.shared_by_some, *views.weak]):
            console.print(Text(ALSO_NOTE, style="dim"))
    if selected(only, "unique"):
        _print(console, UNIQUE_TITLE, ["outlet", "claim"], unique, empty=EMPTY_UNIQUE)
    if not selected(only, "omitted"):
        return
    if len(analysis.articles) > 2:  # with two, a shared claim is in both: nothing to omit
        omitted = [(names[i], shown(c.text)) for i, claims in views.omitted.items() for c in claims]
        headers = ["outlet", "shared claim it omits"]
        _print(console, OMITTED_TITLE, headers, omitted, empty=EMPTY_OMITTED)
    cut = [(names[i], shown(c.text)) for i, claims in views.cut.items() for c in claims]
    if cut:  # a reprint that dropped what the other copies of its text keep
        _print(console, CUT_TITLE, ["outlet", "what the other copies keep"], cut)


def _print(
    console: Console,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    empty: str = "none",
) -> None:
    print_table(
        console,
        title,
        headers,
        list(rows),
        whole=_WHOLE,
        one_line=_ONE_LINE.get(title, ()),
        drop=_DROP.get(title, ()),
        main=_MAIN.get(title),
        empty=empty,
        hint=_HINT,
        title_justify="left",
    )


_ONE_LINE = {"Numbers": ("text", "bound")}
"""Columns whose cells are never wrapped: a figure ("At least nine") read over three lines is
misread."""


def _shared_row(
    claim: Claim, analysis: StoryAnalysis, names: Mapping[str, str], texts: Mapping[str, str]
) -> tuple[str, Text]:
    """Who reports a shared claim (with how well it is matched), and its wordings."""
    verdicts = number_verdicts(analysis)
    reported = reported_by(claim, names, analysis.numbers, verdicts, texts)
    return reported, _with_wordings(claim, names, texts)


def _with_wordings(claim: Claim, names: Mapping[str, str], texts: Mapping[str, str]) -> Text:
    """The claim, then each other outlet's own wording of it on a line of its own."""
    cell = Text(shown(claim.text))
    for article, wording in other_wordings(claim, texts):
        cell.append(f"\n↳ {wording_label(claim, article, names[article])}: ", style="dim")
        cell.append(wording)
    return cell


# --- fitting a table to the terminal ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableLayout:
    """Which columns a table keeps (indexes), how wide each is (without padding), which
    headers were left out to fit, and the width of the whole table (borders included)."""

    keep: tuple[int, ...]
    widths: tuple[int, ...]
    dropped: tuple[str, ...]
    total: int


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def _longest_line(texts: Iterable[str]) -> int:
    return max((cell_len(line) for text in texts for line in text.split("\n")), default=0)


def _longest_word(texts: Iterable[str]) -> int:
    return max((cell_len(word) for text in texts for word in text.split()), default=0)


@dataclass(frozen=True, slots=True)
class _Column:
    whole: bool  # its words are never broken: ids, numbers, dates, rule names
    one_line: bool  # its cells are never wrapped: figures
    natural: int  # its width with nothing wrapped
    cells: int  # its width with no cell wrapped (the header may wrap)
    word: int  # its longest word (header included)
    header_word: int

    def least(self, text_min: int) -> int:
        """The narrowest this column may be: its longest word when words stay whole, else
        ``text_min`` (or less when nothing in it is that long); its longest cell when cells
        stay on one line."""
        if self.one_line:
            return self.cells
        if self.whole:
            return self.word
        return min(self.natural, max(text_min, self.header_word))


def _overhead(count: int) -> int:
    """Borders and padding of a table of ``count`` columns: ``│ a │ b │``."""
    return 3 * count + 1


def fit_columns(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    width: int,
    whole: Collection[str] = (),
    drop: Sequence[str] = (),
    one_line: Collection[str] = (),
    main: str | None = None,
) -> TableLayout:
    """Lay out a table in ``width`` terminal columns.

    Words of the columns named in ``whole`` (ids, numbers) are never broken, so such a column
    is at least as wide as its longest word (its longest cell for a column named in
    ``one_line``); text columns wrap and get what is left, in
    proportion to how much they hold. When the text columns would be narrower than
    :data:`TEXT_MIN`, the columns named in ``drop`` are left out, first one first; when that
    is not enough they shrink to :data:`TEXT_HARD_MIN`. The ``main`` column, the text the
    table is about (a quote's words, a claim), counts as at least :data:`MAIN_MIN` wide while
    columns in ``drop`` can go (user trial 155: at 80 columns a quote's words had 14), and
    takes a third of the width left, once the short text columns are whole, before the text
    columns share it (trial 156: the outlets beside a shared claim took half the table). A
    table that still does not fit is wider than ``width``: it is never cut.
    """
    columns = []
    for i, header in enumerate(headers):
        texts = [_plain(row[i]) for row in rows]
        header_word = _longest_word([header])
        word = max(_longest_word(texts), header_word, 1)
        columns.append(
            _Column(
                whole=header in whole,
                one_line=header in one_line,
                natural=max(_longest_line([header, *texts]), 1),
                cells=max(_longest_line(texts), word),
                word=word,
                header_word=header_word,
            )
        )
    keep = list(range(len(headers)))
    dropped: list[str] = []

    first = headers.index(main) if main in headers else None

    def least(i: int, text_min: int) -> int:
        floor = columns[i].least(text_min)
        return max(floor, min(MAIN_MIN, columns[i].natural)) if i == first else floor

    def need(text_min: int) -> int:
        return sum(least(i, text_min) for i in keep) + _overhead(len(keep))

    for name in drop:
        if need(TEXT_MIN) <= width:
            break
        if name in headers and headers.index(name) in keep and len(keep) > 1:
            keep.remove(headers.index(name))
            dropped.append(name)
    text_min = TEXT_MIN if need(TEXT_MIN) <= width else TEXT_HARD_MIN
    if need(text_min) > width:
        first = None  # the main column too shrinks when nothing else can go
    widths = {i: least(i, text_min) for i in keep}
    spare = width - need(text_min)
    # ids, numbers, dates and rule names on one line first, then their headers, then text
    spare -= _share(widths, {i: columns[i].cells for i in keep if columns[i].whole}, spare)
    spare -= _share(widths, {i: columns[i].natural for i in keep if columns[i].whole}, spare)
    if first is not None:  # short texts whole, then a third of what is left to the main text
        short = {
            i: columns[i].natural
            for i in keep
            if not columns[i].whole and i != first and columns[i].natural <= SHORT_TEXT
        }
        spare -= _share(widths, short, spare)
        spare -= _share(widths, {first: columns[first].natural}, spare // 3)
    _share(widths, {i: columns[i].natural for i in keep if not columns[i].whole}, spare)
    chosen = tuple(widths[i] for i in keep)
    return TableLayout(tuple(keep), chosen, tuple(dropped), sum(chosen) + _overhead(len(keep)))


def _share(widths: dict[int, int], natural: Mapping[int, int], spare: int) -> int:
    """Give up to ``spare`` columns to the columns in ``natural``, evenly, none past its
    natural width: a short column is shown whole, the long ones share what is left. Returns
    how many were given.

    >>> widths = {0: 12, 1: 12}
    >>> _share(widths, {0: 20, 1: 70}, 30), widths
    (30, {0: 20, 1: 34})
    """
    given = 0
    while spare > given:
        lacking = [i for i in natural if widths[i] < natural[i]]
        if not lacking:
            break
        each = (spare - given) // len(lacking)
        if each == 0:  # the last few: to the columns closest to whole
            for i in sorted(lacking, key=lambda i: (natural[i] - widths[i], i))[: spare - given]:
                widths[i] += 1
            return spare
        for i in lacking:
            grow = min(each, natural[i] - widths[i])
            widths[i] += grow
            given += grow
    return given


def print_table(
    console: Console,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    whole: Collection[str] = (),
    drop: Sequence[str] = (),
    one_line: Collection[str] = (),
    main: str | None = None,
    empty: str = "none",
    hint: str = "widen the terminal or set COLUMNS",
    note: str = "",
    title_justify: JustifyMethod = "center",
) -> None:
    """Print a table fitted to the console's width (see :func:`fit_columns`), with ``note``
    and the columns left out to fit (if any) under it; a table with no rows is the line
    ``title: empty``. Cells are never read as markup."""
    if not rows:
        console.print(Text(f"{title}: {empty}"))
        return
    layout = fit_columns(
        headers,
        rows,
        width=console.width,
        whole=whole,
        drop=drop,
        one_line=one_line,
        main=main,
    )
    notes = [note] if note else []
    if layout.dropped:
        left_out = ", ".join(layout.dropped)
        notes.append(f"Left out to fit {console.width} columns: {left_out} ({hint}).")
    caption = "\n".join(notes) or None
    table = Table(
        title=title,
        title_justify=title_justify,
        caption=caption,
        caption_justify="left",
        expand=False,
        show_lines=False,
    )
    for i, column_width in zip(layout.keep, layout.widths, strict=True):
        table.add_column(headers[i], width=column_width, overflow="fold")
    for row in rows:
        # article text is never markup: plain strings become Text, never parsed
        table.add_row(*(_as_text(row[i]) for i in layout.keep))
    if layout.total <= console.width:
        console.print(table)
        return
    wanted, console.width = console.width, layout.total  # wider than the terminal, never cut
    try:
        console.print(table)
    finally:
        console.width = wanted


def _as_text(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(cell)
