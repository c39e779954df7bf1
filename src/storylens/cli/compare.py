"""Comparing one story: ``compare``, and ``run`` (ingest, stories, compare, static site)."""

from __future__ import annotations

import difflib
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import click

from storylens.cli import main
from storylens.cli._output import _Progress, _report, console, db_option, handle_errors, plural
from storylens.errors import ConfigError, NotFoundError
from storylens.model import Article, IngestStats, StoryAnalysis
from storylens.report.sections import SECTIONS

_digest_words = click.option(
    "--digest-words",
    type=click.IntRange(min=1),
    default=120,
    show_default=True,
    help="Digest length in words.",
)
"""The ``--digest-words`` option of ``compare`` and ``run``."""


@main.command(name="compare")
@click.argument("sources", nargs=-1)
@db_option
@click.option("--story", "story_id", default=None, help="Compare a stored story's articles.")
@click.option("--articles", "article_ids", default=None, help="Compare stored articles: ID,ID.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown", "html"]),
    default=None,
    help="Report format  [default: text, or what each -o file's suffix names].",
)
@click.option(
    "-o",
    "--output",
    "outputs",
    type=click.Path(dir_okay=False),
    multiple=True,
    help="Write here (repeat to write several reports from one analysis; .json, .md, .html"
    " name their format).",
)
@_digest_words
@click.option(
    "--explain",
    is_flag=True,
    help="Also say why candidate conflicts were not flagged, and which figures were compared "
    "with nothing.",
)
@click.option(
    "--only",
    default=None,
    metavar="SECTION,...",
    help="Show only these sections of the text or Markdown report, in the order given: "
    + ", ".join(SECTIONS)
    + ".",
)
@handle_errors
def compare_command(
    sources: tuple[str, ...],
    db: str,
    story_id: str | None,
    article_ids: str | None,
    fmt: str | None,
    outputs: tuple[str, ...],
    digest_words: int,
    explain: bool,
    only: str | None,
) -> None:
    """Compare articles of one story: SOURCES (files, directories) or stored articles."""
    from storylens.compare import CompareOptions, compare

    targets = _targets(outputs, fmt)
    sections = _sections(only, sorted({f for _, f in targets}))
    for path, _ in targets:
        _check_output(path)
    chosen, stats = _load_for_compare(sources, db, story_id, article_ids)
    if not chosen:
        if stats is not None and (stats.failed or stats.skipped or stats.warnings):
            _finish(stats, 0)  # say which source failed and why (exits 1 when one failed)
        raise ConfigError(
            "nothing to compare: give files or directories, --articles ID,ID or --story ID"
        )
    if sources:
        _warn_if_several_stories(chosen)
    analysis = compare(chosen, options=CompareOptions(digest_words=digest_words))
    title = _story_label(db, story_id) if story_id is not None else None
    for path, chosen_fmt in targets:
        _write_report(analysis, chosen_fmt, path, explain=explain, title=title, only=sections)
    if sections is None or "digest" in sections:
        _warn_if_no_digest(analysis, digest_words)
    if stats is not None and (stats.failed or stats.skipped or stats.warnings):
        _finish(stats, len(chosen))


_SUFFIXES = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
"""The file suffixes that name a report format (``-o report.html``)."""


def _targets(outputs: Sequence[str], fmt: str | None) -> list[tuple[str | None, str]]:
    """(path, format) of each report to write (path None: standard output): a path's suffix
    names its format unless ``--format`` is given, which must then agree with it.

    >>> _targets(["a.json", "b.md", "c.txt"], None)
    [('a.json', 'json'), ('b.md', 'markdown'), ('c.txt', 'text')]
    """
    if not outputs:
        return [(None, fmt or "text")]
    targets: list[tuple[str | None, str]] = []
    for path in outputs:
        named = _SUFFIXES.get(Path(path).suffix.lower())
        if fmt is not None and named is not None and named != fmt:
            raise ConfigError(
                f"-o {path}: its suffix names the {named} format but --format says {fmt}:"
                " drop --format (each -o file's suffix names its format) or rename the file"
            )
        targets.append((path, fmt or named or "text"))
    return targets


def _sections(only: str | None, formats: Sequence[str]) -> tuple[str, ...] | None:
    """The report sections ``--only`` names, in its order (None: all), checked before any
    work is done.

    >>> _sections("quotes, conflicts", ["text"])
    ('quotes', 'conflicts')
    """
    if only is None:
        return None
    whole = [f for f in formats if f not in ("text", "markdown")]
    if whole:
        raise ConfigError(
            f"--only chooses sections of the text and Markdown reports; the {whole[0]} report"
            " is always whole: use --format text or --format markdown with --only"
        )
    names = [name.strip().lower() for name in only.split(",") if name.strip()]
    unknown = [name for name in names if name not in SECTIONS]
    if unknown or not names:
        close = [m for name in unknown for m in difflib.get_close_matches(name, SECTIONS, 1)]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        what = f"{', '.join(map(repr, unknown))} is not a report section" if unknown else ""
        raise ConfigError(
            f"--only {only!r}: {what or 'names no section'}{hint}: use one or more of"
            f" {', '.join(SECTIONS)}, separated by commas"
        )
    return tuple(dict.fromkeys(names))


def _check_output(output: str | None) -> None:
    """Refuse an output path in a folder that does not exist before any work is done."""
    if output is None:
        return
    folder = Path(output).parent
    if not folder.is_dir():
        raise ConfigError(
            f"cannot write {output}: the folder {folder} does not exist: create it"
            f" (mkdir -p {folder}) or choose another path for -o"
        )


def _finish(stats: IngestStats, compared: int) -> None:
    """Which files were skipped or failed, then what was read and compared (compare stores
    nothing, so the ingest summary's "0 stored" would mislead); exit 1 when one failed."""
    _report(stats, summary=_compare_summary(stats, compared))
    if stats.failed:
        sys.exit(1)


def _compare_summary(stats: IngestStats, compared: int) -> str:
    """``3 read, 2 compared, 1 skipped (1 no article body), 0 failed``.

    >>> from storylens.model import Skip
    >>> _compare_summary(IngestStats(read=3, skipped=[Skip("a.html", "no article body")]), 2)
    '3 read, 2 compared, 1 skipped (1 no article body), 0 failed'
    """
    reasons = Counter(skip.reason for skip in stats.skipped)
    why = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
    skipped = f"{len(stats.skipped)} skipped" + (f" ({why})" if why else "")
    return f"{stats.read} read, {compared} compared, {skipped}, {len(stats.failed)} failed"


def _warn_if_no_digest(analysis: StoryAnalysis, budget: int) -> None:
    """Say so when the digest is empty because no sentence fits in ``budget`` words, with
    the shortest sentence's length and the budget that gives a digest."""
    if analysis.digest:
        return
    lengths = sorted({len(d.text.split()) for d in _digest(analysis, words=1_000_000)})
    if not lengths:
        return  # no claim is stated as a plain sentence: no budget would help
    needed = next((n for n in lengths if _digest(analysis, words=n)), lengths[-1])
    click.echo(
        f"warning: the digest is empty: no sentence fits in {plural(budget, 'word')}"
        f" (the shortest has {lengths[0]}): use --digest-words {needed} or more",
        err=True,
    )


def _digest(analysis: StoryAnalysis, *, words: int) -> tuple[Any, ...]:
    """The digest of ``analysis`` with a budget of ``words``, as :func:`compare` makes it."""
    from storylens.analyze.digest import DigestOptions, make_digest

    return make_digest(
        analysis.claims,
        analysis.articles,
        options=DigestOptions(words=words),
        conflicts=analysis.conflicts,
        quotes=[m for q in analysis.quotes for m in q.mentions],
        numbers=analysis.numbers,
        origins=dict(analysis.origins),
        loaded=[s for w in analysis.wording if w.kind == "loaded" for s in w.mentions],
    )


def _warn_if_several_stories(articles: Sequence[Article]) -> None:
    from storylens.stories import group_articles

    groups = group_articles(articles)
    if len(groups) > 1:
        sizes = ", ".join(str(len(g)) for g in sorted(groups, key=len, reverse=True))
        click.echo(
            f"warning: these {len(articles)} articles look like {len(groups)} different stories"
            f" ({sizes} articles): compare one story at a time ('storylens run SOURCES', then"
            " 'storylens compare --story ID')",
            err=True,
        )


def _load_for_compare(
    sources: Sequence[str], db: str, story_id: str | None, article_ids: str | None
) -> tuple[list[Any], IngestStats | None]:
    if sources and (story_id is not None or article_ids is not None):
        option = "--story" if story_id is not None else "--articles"
        msg = f"give files or directories, or {option} with stored articles, not both"
        raise ConfigError(msg)
    if story_id is not None and article_ids is not None:
        raise ConfigError("give --story or --articles, not both")
    if not sources and story_id is None and article_ids is None:
        raise ConfigError(
            "nothing to compare: give files or directories, --articles ID,ID or --story ID"
        )  # before opening a store the user may not have (user trial 83)
    if sources:
        from storylens.pipeline import iter_articles

        stats = IngestStats()
        return _once(iter_articles(sources, stats=stats, stdin=sys.stdin.buffer)), stats
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        if story_id is not None:
            ids = store.story_article_ids(story_id)
        else:
            ids = [i.strip() for i in (article_ids or "").split(",") if i.strip()]
        found = {a.id: a for a in store.iter_articles(ids=ids)}
    missing = [i for i in ids if i not in found]
    if missing:
        msg = f"no article with id {missing[0]!r} in {db}: list ids with 'storylens articles'"
        raise NotFoundError(msg)
    return [found[i] for i in ids], None


def _once(articles: Iterable[Article]) -> list[Article]:
    """Each article once: the same text given twice (or in two files) is one article."""
    kept: dict[str, Article] = {}
    for article in articles:
        if article.id in kept:
            click.echo(
                f"warning: {article.source or article.id} is the same article as"
                f" {kept[article.id].source or article.id} (id {article.id}): compared once",
                err=True,
            )
            continue
        kept[article.id] = article
    return list(kept.values())


def _story_label(db: str, story_id: str) -> str | None:
    """The story's label, so the report is headed as `stories` and the site name it."""
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        story = store.get_story(story_id)
    return f"Comparison: {story.label}" if story is not None and story.label else None


def _write_report(
    analysis: Any,
    fmt: str,
    output: str | None,
    *,
    explain: bool,
    title: str | None = None,
    only: tuple[str, ...] | None = None,
) -> None:
    from storylens.report import render

    if fmt == "text" and output is None:
        from storylens.report.terminal import print_comparison

        print_comparison(analysis, console(), explain=explain, only=only)
        return
    text = render(analysis, fmt, explain=explain, title=title, only=only)
    if output is None:
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@main.command()
@click.argument("sources", nargs=-1)
@db_option
@click.option("--out", "-o", default="site", show_default=True, help="Folder for the static site.")
@_digest_words
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@handle_errors
def run(sources: tuple[str, ...], db: str, out: str, digest_words: int, quiet: bool) -> None:
    """Ingest SOURCES, find duplicates and stories, compare each story, write a static site.

    With no SOURCES, write the site from what the store holds: after 'storylens story split',
    'merge' or 'move', 'storylens run --db DB --out DIR' rebuilds the pages.
    """
    from pathlib import Path

    from storylens.compare import CompareOptions
    from storylens.pipeline import ingest as run_ingest
    from storylens.site import build_site, check_site_dir
    from storylens.store import open_store
    from storylens.store.url import sqlite_path
    from storylens.stories import update_stories

    _warn_if_digest_too_short(digest_words)
    name = str(path.resolve()) if (path := sqlite_path(db)) is not None else db
    check_site_dir(Path(out), name)  # before anything is stored or written
    stats = None
    with open_store(db, create=bool(sources)) as store:
        if sources:
            with _Progress(enabled=not quiet) as progress:
                stats = run_ingest(sources, store, progress=progress.update, stdin=sys.stdin.buffer)
            _report(stats)
        click.echo(update_stories(store).summary(), err=True)  # new, or left out by --no-cluster
        options = CompareOptions(digest_words=digest_words)
        site = build_site(store, Path(out), options=options, store_name=name)
    click.echo(site.summary(), err=True)
    if stats is not None and stats.failed:
        sys.exit(1)


def _warn_if_digest_too_short(budget: int) -> None:
    """No digest sentence is shorter than :attr:`DigestOptions.min_words`: say so up front."""
    from storylens.analyze.digest import DigestOptions

    shortest = DigestOptions().min_words
    if budget < shortest:
        click.echo(
            f"warning: every digest will be empty: no sentence fits in {plural(budget, 'word')}"
            f" (a digest sentence has at least {shortest}): use --digest-words {shortest} or more",
            err=True,
        )
