"""Stories and duplicates: ``cluster``, ``stories``, ``story`` (show, split, merge, move),
``duplicates`` and ``eval``."""

from __future__ import annotations

import json
from typing import Any

import click

from storylens.cli import main
from storylens.cli._output import _emit_records, db_option, format_option, handle_errors


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
    """Show a story or correct it (split, merge, move).

    'storylens story ID [--why] [--format F]' is short for 'storylens story show ID ...'.
    """


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

    gone: set[object] = set()
    with open_store(db, create=False) as store:
        ids = store.story_article_ids(story_id)
        if why:
            rows = [assignment_row(a) for a in store.story_assignments(story_id)]
            gone |= {
                r["runner_up"]
                for r in rows
                if r.get("runner_up") and store.get_story(str(r["runner_up"])) is None
            }
        else:
            rows = [story_article_row(a) for a in store.iter_articles(ids=ids)]
    title = f"Story {story_id}" + (": why" if why else "")
    if why and fmt == "table":  # the features get a table of their own, and room to read
        for r in rows:  # a runner-up merged or split away since is named as such
            if r.get("runner_up") in gone:
                r["runner_up"] = f"{r['runner_up']} (no longer a story)"
        _emit_records(
            [{k: v for k, v in r.items() if k != "features"} for r in rows], fmt, title=title
        )
        features = [{"article": r["article"], "features": r["features"]} for r in rows]
        _emit_records(features, fmt, title="The features that decided")
        return
    _emit_records(rows, fmt, title=title)


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
