"""The ``storylens`` command: a thin shell over the library.

Each command parses its options, opens the store, calls one library function and renders the
result. Data goes to stdout; progress and the closing summary go to stderr.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from storylens import __version__
from storylens.errors import ConfigError, NotFoundError, StorylensError
from storylens.model import Article, IngestStats
from storylens.store.base import SearchHit

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "jsonl", "csv")
DB_HELP = "Store: a SQLite path or URL (default storylens.db; env STORYLENS_DB)."


def db_option(func: F) -> F:
    """The ``--db`` option every store command shares."""
    return click.option(
        "--db", envvar="STORYLENS_DB", default="storylens.db", show_default=True, help=DB_HELP
    )(func)


def format_option(default: str = "table") -> Callable[[F], F]:
    """The ``--format`` switch shared by listing commands (sqlite-utils style)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=default,
        show_default=True,
        help="Output format.",
    )


def handle_errors(func: F) -> F:
    """Turn library errors into one line on stderr and exit code 1, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorylensError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]  # wraps keeps the signature click reads


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storylens")
def main() -> None:
    """Compare how news outlets report the same event, with offsets as proof."""


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--outlet", default=None, help="Outlet name for every article read.")
@click.option(
    "--max-bytes",
    type=int,
    default=10_000_000,
    show_default=True,
    help="Size limit for one article (container files are streamed).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--no-cluster", is_flag=True, help="Do not assign new articles to stories.")
@handle_errors
def ingest(
    sources: tuple[str, ...],
    db: str,
    outlet: str | None,
    max_bytes: int,
    quiet: bool,
    no_cluster: bool,
) -> None:
    """Read SOURCES (files, directories, - for stdin), clean them and store the articles."""
    from storylens.ingest import IngestOptions
    from storylens.pipeline import ingest as run_ingest
    from storylens.store import open_store

    options = IngestOptions(max_bytes=max_bytes, outlet=outlet)
    with open_store(db) as store, _Progress(enabled=not quiet) as progress:
        stats = run_ingest(
            sources,
            store,
            options=options,
            progress=progress.update,
            stdin=sys.stdin.buffer,
        )
        if not no_cluster and stats.stored:
            from storylens.stories import update_stories

            click.echo(update_stories(store).summary(), err=True)
    _finish(stats)


@main.command()
@db_option
@format_option()
@handle_errors
def articles(db: str, fmt: str) -> None:
    """List the stored articles."""
    from storylens.report.records import article_record, article_row
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        items = list(store.iter_articles())
    if fmt in ("json", "jsonl"):
        _emit_records([article_record(a) for a in items], fmt)
    else:
        _emit_records([article_row(a, full=fmt == "csv") for a in items], fmt, title="Articles")


@main.command()
@click.argument("article_id")
@db_option
@format_option(default="json")
@handle_errors
def article(article_id: str, db: str, fmt: str) -> None:
    """Show one stored article: text, paragraphs, sentences and removals."""
    from storylens.report.records import article_record, article_row
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        found = store.get_article(article_id)
    if found is None:
        msg = f"no article with id {article_id!r} in {db}: list ids with 'storylens articles'"
        raise NotFoundError(msg)
    if fmt in ("json", "jsonl"):
        _emit_records([article_record(found)], fmt, single=fmt == "json")
    else:
        _emit_records([article_row(found)], fmt, title="Article")


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", type=int, default=20, show_default=True, help="Most hits to show.")
@format_option()
@handle_errors
def search(query: str, db: str, limit: int, fmt: str) -> None:
    """Full-text search over the stored articles (SQLite FTS5, ranked by bm25)."""
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        hits = store.search(query, limit=limit)
    _emit_records([_hit_record(h) for h in hits], fmt, title=f"Search: {query}")


def _hit_record(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "outlet": hit.outlet or "",
        "title": hit.title or "",
        "score": round(float(hit.score), 4),
        "snippet": hit.snippet,
    }


class _Progress:
    """A rich progress line on stderr while a long ingest runs."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("ingesting", total=None)
        return self

    def update(self, stats: IngestStats) -> None:
        """Show the running counts."""
        if self._progress is not None:
            self._progress.update(self._task, description=f"ingesting: {stats.summary()}")

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


SKIP_HINTS = {
    "no article body": "nothing but navigation or boilerplate: give the article page itself",
}


def _finish(stats: IngestStats) -> None:
    _report(stats)
    if stats.failed:
        sys.exit(1)


def _report(stats: IngestStats) -> None:
    """One line per skipped and failed document, then the summary, on stderr."""
    for skip in stats.skipped:
        hint = SKIP_HINTS.get(skip.reason, "not a news article, so it was left out")
        click.echo(f"skipped: {skip.source}: {skip.reason}: {hint}", err=True)
    for failure in stats.failed:
        click.echo(f"error: {failure.source}: {failure.message}", err=True)
    click.echo(stats.summary(), err=True)


def _emit_records(
    records: Sequence[dict[str, Any]], fmt: str, *, title: str = "", single: bool = False
) -> None:
    if fmt == "json":
        payload: Any = records[0] if single and records else list(records)
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif fmt == "csv":
        _emit_csv(records)
    else:
        _emit_table(records, title)


def _emit_csv(records: Sequence[dict[str, Any]]) -> None:
    if not records:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


_ID_COLUMNS = frozenset({"id", "article", "runner_up"})


def _emit_table(records: Iterable[dict[str, Any]], title: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    rows = list(records)
    table = Table(title=title or None, show_lines=False)
    for column in rows[0] if rows else ["(none)"]:
        # ids are copied and pasted: never break them over two lines
        table.add_column(column, overflow="fold", no_wrap=column in _ID_COLUMNS)
    for row in rows:
        table.add_row(*(Text(str(v)) for v in row.values()))  # no markup from data
    Console(width=_width()).print(table)


def _width() -> int | None:
    return None if sys.stdout.isatty() else 100


@main.command(name="compare")
@click.argument("sources", nargs=-1)
@db_option
@click.option("--story", "story_id", default=None, help="Compare a stored story's articles.")
@click.option("--articles", "article_ids", default=None, help="Compare stored articles: ID,ID.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown", "html"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write here.")
@click.option("--digest-words", type=int, default=120, show_default=True, help="Digest length.")
@click.option("--explain", is_flag=True, help="Also say why candidate conflicts were not flagged.")
@handle_errors
def compare_command(
    sources: tuple[str, ...],
    db: str,
    story_id: str | None,
    article_ids: str | None,
    fmt: str,
    output: str | None,
    digest_words: int,
    explain: bool,
) -> None:
    """Compare articles of one story: SOURCES (files, directories) or stored articles."""
    from storylens.compare import CompareOptions, compare

    chosen, stats = _load_for_compare(sources, db, story_id, article_ids)
    if not chosen:
        raise ConfigError(
            "nothing to compare: give files or directories, --articles ID,ID or --story ID"
        )
    if sources:
        _warn_if_several_stories(chosen)
    analysis = compare(chosen, options=CompareOptions(digest_words=digest_words))
    _write_report(analysis, fmt, output, explain=explain)
    if stats is not None and (stats.failed or stats.skipped):
        _finish(stats)


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
    if sources:
        from storylens.pipeline import iter_articles

        stats = IngestStats()
        return list(iter_articles(sources, stats=stats, stdin=sys.stdin.buffer)), stats
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


def _write_report(analysis: Any, fmt: str, output: str | None, *, explain: bool) -> None:
    from storylens.report import render

    if fmt == "text" and output is None:
        from rich.console import Console

        from storylens.report.terminal import print_comparison

        print_comparison(analysis, Console(width=_width() or None), explain=explain)
        return
    text = render(analysis, fmt, explain=explain)
    if output is None:
        click.echo(text, nl=False)
    else:
        from pathlib import Path

        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@main.command()
@db_option
@click.option("--rebuild", is_flag=True, help="Replay every article from scratch.")
@handle_errors
def cluster(db: str, rebuild: bool) -> None:
    """Group the stored articles into stories (new articles join or open stories)."""
    from storylens.store import open_store
    from storylens.stories import update_stories

    with open_store(db, create=False) as store:
        click.echo(update_stories(store, rebuild=rebuild).summary(), err=True)


@main.command(name="stories")
@db_option
@format_option()
@handle_errors
def stories_command(db: str, fmt: str) -> None:
    """List the stories: size, outlets, independent origins, dates and articles."""
    from storylens.report.records import story_record
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        records = [story_record(s) for s in store.iter_stories()]
    if fmt == "csv":
        records = [r | {"articles": " ".join(r["articles"])} for r in records]
    elif fmt == "table":
        records = [_story_row(r) for r in records]
    _emit_records(records, fmt, title="Stories")


def _story_row(record: dict[str, Any]) -> dict[str, Any]:
    first, last = (record["first_published"] or "")[:10], (record["last_published"] or "")[:10]
    return {
        "id": record["id"],
        "label": record["label"],
        "articles": record["article_count"],
        "outlets": record["outlet_count"],
        "origins": record["origin_count"],
        "dates": first if first == last else f"{first}..{last}",
    }


class _StoryGroup(click.Group):
    """``story ID`` shows a story; ``story split|merge|move ...`` corrects the clustering."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands:
            return "show", self.commands["show"], args
        return super().resolve_command(ctx, args)


@main.group(cls=_StoryGroup)
def story() -> None:
    """Show a story (story ID [--why]) or correct it (split, merge, move)."""


@story.command(name="show")
@click.argument("story_id")
@db_option
@format_option(default="table")
@click.option("--why", is_flag=True, help="Why each article is in the story.")
@handle_errors
def story_show(story_id: str, db: str, fmt: str, why: bool) -> None:
    """Show one story and its articles; with --why, the scores that placed each one."""
    from storylens.report.records import assignment_row, story_article_row
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        ids = store.story_article_ids(story_id)
        if why:
            rows = [assignment_row(a) for a in store.story_assignments(story_id)]
        else:
            rows = [story_article_row(a) for a in store.iter_articles(ids=ids)]
    _emit_records(rows, fmt, title=f"Story {story_id}" + (": why" if why else ""))


@story.command(name="split")
@click.argument("story_id")
@click.argument("article_ids", nargs=-1, required=True)
@db_option
@handle_errors
def story_split(story_id: str, article_ids: tuple[str, ...], db: str) -> None:
    """Move ARTICLE_IDS out of STORY_ID into a new story (kept in later runs)."""
    from storylens.store import open_store
    from storylens.stories import split_story

    with open_store(db, create=False) as store:
        new_id, run = split_story(store, story_id, article_ids)
    click.echo(new_id)
    click.echo(run.summary(), err=True)


@story.command(name="merge")
@click.argument("story_id")
@click.argument("other_id")
@db_option
@handle_errors
def story_merge(story_id: str, other_id: str, db: str) -> None:
    """Fold story OTHER_ID into STORY_ID (kept in later runs)."""
    from storylens.store import open_store
    from storylens.stories import merge_stories

    with open_store(db, create=False) as store:
        run = merge_stories(store, story_id, other_id)
    click.echo(run.summary(), err=True)


@story.command(name="move")
@click.argument("article_id")
@click.argument("story_id")
@db_option
@handle_errors
def story_move(article_id: str, story_id: str, db: str) -> None:
    """Put ARTICLE_ID in story STORY_ID (kept in later runs)."""
    from storylens.store import open_store
    from storylens.stories import move_article

    with open_store(db, create=False) as store:
        run = move_article(store, article_id, story_id)
    click.echo(run.summary(), err=True)


@main.group(name="eval")
def eval_group() -> None:
    """Measure quality on labelled data."""


@eval_group.command(name="clustering")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--split", "splits", multiple=True, help="Only lines whose 'split' is this.")
@click.option("--shuffle", type=int, default=None, help="Shuffle the order with this seed.")
@handle_errors
def eval_clustering(path: str, splits: tuple[str, ...], shuffle: int | None) -> None:
    """Cluster a labelled JSON Lines file from an empty state; print B-cubed, pairwise, ARI."""
    from pathlib import Path

    from storylens.evaluate import evaluate_clustering

    scores = evaluate_clustering(Path(path), splits=splits or None, seed=shuffle)
    click.echo(json.dumps(scores, indent=2, sort_keys=True))


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--out", default="site", show_default=True, help="Folder for the static site.")
@click.option("--digest-words", type=int, default=120, show_default=True, help="Digest length.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@handle_errors
def run(sources: tuple[str, ...], db: str, out: str, digest_words: int, quiet: bool) -> None:
    """Ingest SOURCES, find duplicates and stories, compare each story, write a static site."""
    from pathlib import Path

    from storylens.compare import CompareOptions
    from storylens.pipeline import ingest as run_ingest
    from storylens.site import build_site
    from storylens.store import open_store
    from storylens.stories import update_stories

    with open_store(db) as store, _Progress(enabled=not quiet) as progress:
        stats = run_ingest(sources, store, progress=progress.update, stdin=sys.stdin.buffer)
        _report(stats)
        click.echo(update_stories(store).summary(), err=True)
        site = build_site(store, Path(out), options=CompareOptions(digest_words=digest_words))
    click.echo(site.summary(), err=True)
    if stats.failed:
        sys.exit(1)


@main.command()
@db_option
@format_option()
@handle_errors
def duplicates(db: str, fmt: str) -> None:
    """List the same-origin groups: exact and near copies (wire reprints) and their origin."""
    from storylens.report.records import duplicate_row
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        groups = store.origin_groups()
    if fmt in ("json", "jsonl"):
        _emit_records(groups, fmt)
    else:
        _emit_records([duplicate_row(g) for g in groups], fmt, title="Duplicates")
