"""Reading and looking up articles: ``ingest``, ``articles``, ``article``, ``search``."""

from __future__ import annotations

import sys
from typing import Any

import click

from storylens.cli import main
from storylens.cli._output import (
    _emit_records,
    _Progress,
    _report,
    db_option,
    format_option,
    handle_errors,
)
from storylens.errors import NotFoundError
from storylens.model import Article, ParagraphKind
from storylens.store.base import SearchHit
from storylens.text import shorten


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
        run = None
        if not no_cluster and (stats.stored or stats.revised):
            from storylens.stories import update_stories

            run = update_stories(store)
    _report(stats)
    if run is not None:
        click.echo(run.summary(), err=True)
    if stats.failed:
        sys.exit(1)


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
        rows = [article_row(a, full=fmt == "csv") for a in items]
        _emit_records(
            rows,
            fmt,
            title="Articles",
            fields=_ROW_FIELDS,
            drop=_ROW_DROP,
            empty="none: ingest articles first ('storylens ingest SOURCES')",
        )


_ROW_FIELDS = ("id", "outlet", "title", "published", "sentences", "removed", "source")
_ROW_DROP = ("removed", "sentences", "source", "published", "outlet")
"""The columns a table of articles leaves out first when the terminal is too narrow."""


@main.command()
@click.argument("article_id")
@db_option
@format_option()
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
    elif fmt == "csv":
        _emit_records([article_row(found, full=True)], fmt)
    else:
        _emit_records([article_row(found)], fmt, title="Article", drop=_ROW_DROP)
        click.echo(_readable(found))


def _readable(article: Article) -> str:
    """The article's text a paragraph at a time (headings and captions marked), then what
    cleaning removed and why."""
    blocks = []
    for paragraph in article.paragraphs:
        text = article.text[paragraph.start : paragraph.end]
        kind = paragraph.kind
        blocks.append(text if kind is ParagraphKind.BODY else f"[{kind.value}] {text}")
    if article.removed:
        blocks.append(
            "Removed by cleaning:\n"
            + "\n".join(f"- {r.reason}: {shorten(r.text, 80)}" for r in article.removed)
        )
    if "revised_by" in article.meta:  # set by the store: a later version replaced this one
        blocks.append(f"Revised: replaced by {article.meta['revised_by']}")
    if "revises" in article.meta:
        blocks.append(f"Revision of {article.meta['revises']}")
    return "\n\n".join(blocks)


@main.command()
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most hits to show."
)
@format_option()
@handle_errors
def search(query: tuple[str, ...], db: str, limit: int, fmt: str) -> None:
    """Full-text search over the stored articles (SQLite FTS5, ranked by bm25). QUERY is one
    or more words (quotes not needed: storylens search bribes OR donations)."""
    from storylens.store import open_store

    words = " ".join(query)
    with open_store(db, create=False) as store:
        hits = store.search(words, limit=limit)
    if not hits and fmt == "table":
        click.echo(f"no article matches {words!r} in {db}", err=True)
        return
    best = max((h.score for h in hits), default=0.0)
    records = [_hit_record(h, best) for h in hits]
    if fmt == "table":  # the raw bm25 reads like 1.04e-06 (user trials 162-164): the relevance
        records = [{k: v for k, v in r.items() if k != "score"} for r in records]
    _emit_records(
        records,
        fmt,
        title=f"Search: {words}",
        fields=("id", "outlet", "title", "score", "relevance", "snippet"),
        drop=("outlet", "title"),
    )


def _hit_record(hit: SearchHit, best: float) -> dict[str, Any]:
    return {
        "id": hit.id,
        "outlet": hit.outlet,
        "title": hit.title,
        # bm25 of a word most articles hold is tiny (1e-6): keep significant digits, not places
        "score": float(f"{hit.score:.3g}"),
        "relevance": round(hit.score / best, 2) if best > 0 else 1.0,  # the best hit is 1
        "snippet": hit.snippet,
    }
