"""Stories and duplicates: ``cluster``, ``stories``, ``story`` (show, split, merge, move),
``duplicates`` and ``eval``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from storylens.cli import main
from storylens.cli._output import _emit_records, db_option, format_option, handle_errors, plural
from storylens.errors import ConfigError

if TYPE_CHECKING:
    from storylens.stories import StoryRun


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
    _emit_records(
        records,
        fmt,
        title="Stories",
        fields=_STORY_FIELDS,
        drop=("dates", "outlets", "origins"),
        empty="none: ingest articles first ('storylens ingest SOURCES')",
    )


_STORY_FIELDS = (
    "id",
    "label",
    "article_count",
    "outlet_count",
    "origin_count",
    "first_published",
    "last_published",
    "articles",
)


def _story_row(record: dict[str, Any]) -> dict[str, Any]:
    first, last = (record["first_published"] or "")[:10], (record["last_published"] or "")[:10]
    return {
        "id": record["id"],
        "label": record["label"],
        "articles": record["article_count"],
        "outlets": record["outlet_count"],
        "origins": record["origin_count"],
        "dates": first if first == last else f"{first} – {last}",
    }


class _StoryGroup(click.Group):
    """``story ID`` shows a story; ``story split|merge|move ...`` corrects the clustering."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands:
            return "show", self.commands["show"], args
        return super().resolve_command(ctx, args)


@main.group(cls=_StoryGroup, context_settings={"ignore_unknown_options": True})
def story() -> None:
    """Show a story or correct it (split, merge, move).

    'storylens story ID [--why] [--format F]' is short for 'storylens story show ID ...'.
    Corrections are kept in every later run; 'storylens run' with no SOURCES rebuilds the
    site with them.
    """


@story.command(name="show")
@click.argument("story_id")
@db_option
@format_option(default="table")
@click.option("--why", is_flag=True, help="Why each article is in the story.")
@handle_errors
def story_show(story_id: str, db: str, fmt: str, why: bool) -> None:
    """Show one story and its articles; with --why, the scores that placed each one."""
    from storylens.report.records import assignment_row, features_text, story_article_row
    from storylens.store import open_store

    with open_store(db, create=False) as store:
        ids = store.story_article_ids(story_id)
        if not why:
            found = list(store.iter_articles(ids=ids))
            full = fmt != "table"
            rows = [_when(story_article_row(a, full=full), fmt) for a in found]
            title = f"Story {story_id}"
            _emit_records(rows, fmt, title=title, fields=_STORY_ARTICLE_FIELDS, drop=("outlet",))
            return
        rows = [assignment_row(a) for a in store.story_assignments(story_id)]
        gone = {r["runner_up"] for r in rows if r["runner_up"]}
        gone = {s for s in gone if store.get_story(str(s)) is None}
    if fmt in ("json", "jsonl"):
        _emit_records(rows, fmt)
    elif fmt == "csv":
        _emit_records([r | {"features": features_text(r["features"])} for r in rows], fmt)
    else:
        _why_tables(story_id, rows, gone)


_STORY_ARTICLE_FIELDS = ("id", "outlet", "title", "published")

_PLACED_BY_USER = (
    "by user = placed with 'storylens story split', 'merge' or 'move' (kept in every later"
    " run), not by a score"
)


def _when(row: dict[str, Any], fmt: str) -> dict[str, Any]:
    """A table shows the publication time with a space, so that it may wrap before the hour."""
    if fmt == "table" and row["published"]:
        return row | {"published": str(row["published"]).replace("T", " ")}
    return row


_NO_CANDIDATE = (
    "none: no story then stored shared this article's strongest words or names, so none was"
    " compared"
)


def _why_tables(story_id: str, rows: list[dict[str, Any]], gone: set[object]) -> None:
    """The scores that placed each article, then the features that decided, in a table of
    their own (with room to read); a runner-up merged or split away since is named as such,
    and an article the user placed is said to be, with no score."""
    from storylens.report.records import features_text

    scores, features = [], []
    for r in rows:
        row = {k: v for k, v in r.items() if k not in ("features", "placed_by")}
        by_user = r["placed_by"] == "user"
        if by_user:
            row["rule"] = f"{r['rule']} by user"
        if r["runner_up"] in gone:
            row["runner_up"] = f"{r['runner_up']} (no longer a story)"
        scores.append(row)
        shown = "none: placed by the user" if by_user else features_text(r["features"])
        if not shown and r["rule"] == "new-story" and not r["runner_up"]:
            shown = _NO_CANDIDATE
        features.append({"article": r["article"], "features": shown})
    placed = any(r["placed_by"] == "user" for r in rows)
    _emit_records(
        scores,
        "table",
        title=f"Story {story_id}: why",
        drop=("runner_up_score", "runner_up", "threshold"),
        note=f"{_PLACED_BY_USER}." if placed else "",
    )
    _emit_records(features, "table", title="The features that decided")


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
    moved = plural(len(set(article_ids)), "article")
    click.echo(_corrected(f"moved {moved} out of {story_id} into {new_id}", run, db), err=True)


def _corrected(done: str, run: StoryRun, db: str) -> str:
    """What a correction did, then the stories it left (every article is placed again, the
    corrections first, so "newly assigned" would mislead), and the command that rebuilds the
    site from this store."""
    import shlex

    changed = f", {run.changed} changed by the merge/split pass" if run.changed else ""
    return (
        f"{done} (kept in every later run); {plural(run.articles, 'article')} in"
        f" {plural(run.stories, 'story', 'stories')}{changed}; rebuild the site with"
        f" 'storylens run --db {shlex.quote(db)} --out DIR'"
    )


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
    click.echo(_corrected(f"merged {other_id} into {story_id}", run, db), err=True)


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
    click.echo(_corrected(f"moved {article_id} into {story_id}", run, db), err=True)


@main.group(name="eval")
def eval_group() -> None:
    """Measure quality on labelled data."""


@eval_group.command(name="clustering")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--split", "splits", multiple=True, help="Only lines whose 'split' is this.")
@click.option("--shuffle", type=int, default=None, help="Shuffle the order with this seed.")
@click.option(
    "--orders",
    type=int,
    default=None,
    help="Also cluster in N shuffled orders (seeds 1..N); print each metric's spread.",
)
@handle_errors
def eval_clustering(
    path: str, splits: tuple[str, ...], shuffle: int | None, orders: int | None
) -> None:
    """Cluster a labelled JSON Lines file from an empty state; print B-cubed, pairwise, ARI.

    \b
    Each line is one article: {"id": ..., "text": ..., "cluster": GOLD}, and optionally
    "title", "published", "url" and "split" (for --split).
    """
    from pathlib import Path

    from storylens.evaluate import evaluate_clustering, evaluate_orders

    if orders is not None and shuffle is not None:
        msg = "give --orders or --shuffle, not both: --orders shuffles with seeds 1 to N itself"
        raise ConfigError(msg)
    scores: dict[str, object]
    if orders is not None:
        scores = evaluate_orders(Path(path), orders, splits=splits or None)
    else:
        scores = dict(evaluate_clustering(Path(path), splits=splits or None, seed=shuffle))
    click.echo(json.dumps(scores, indent=2, sort_keys=True))


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
        return
    sep = "\n" if fmt == "table" else " "  # one member a line in a table
    _emit_records(
        [duplicate_row(g, sep=sep) for g in groups],
        fmt,
        title="Duplicates",
        fields=("id", "members", "origin", "origin_rule", "wire"),
        drop=("origin_rule", "wire"),
        empty="none: no article is a copy of another",
    )
