"""Stories and revised articles: the revision takes the place of its earlier version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storylens.pipeline import ingest
from storylens.store import Store, open_store
from storylens.stories import move_article, update_stories

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "news"
ARTICLE = "coastline-0002"


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "s.db")
    ingest([EXAMPLES], store)
    update_stories(store)
    return store


def _export(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """The example JSON Lines export run again, with one record's text corrected."""
    lines = (EXAMPLES / "coastline-and-wire.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    record = next(r for r in records if r["id"] == ARTICLE)
    assert old in record["text"]
    record["text"] = record["text"].replace(old, new)
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _story_of(store: Store, article_id: str) -> str:
    return next(s.id for s in store.iter_stories() if article_id in s.articles)


def _first_number(store: Store) -> str:
    text = next(a.text for a in store.iter_articles(ids=[ARTICLE]))
    return next(word for word in text.split() if word[:1].isdigit())


def test_stories_revision_keeps_the_users_move(store: Store, tmp_path: Path) -> None:
    bank = _story_of(store, "wire-0001")
    move_article(store, ARTICLE, bank)
    number = _first_number(store)
    ingest([_export(tmp_path, "again.jsonl", number, number + "0")], store)
    [(old, new)] = store.revisions().items()
    assert old == ARTICLE
    update_stories(store)
    assert _story_of(store, new) == bank
    assert all(old not in s.articles for s in store.iter_stories())
    update_stories(store, rebuild=True)  # replaying every article keeps it too
    assert _story_of(store, new) == bank


def test_stories_two_revisions_before_a_run_take_one_place(store: Store, tmp_path: Path) -> None:
    strike = _story_of(store, ARTICLE)
    number = _first_number(store)
    ingest([_export(tmp_path, "second.jsonl", number, number + "0")], store)
    ingest([_export(tmp_path, "third.jsonl", number, number + "1")], store)
    revised = store.revisions()
    assert list(revised) == [ARTICLE, revised[ARTICLE]]
    latest = revised[revised[ARTICLE]]
    run = update_stories(store)
    assert (run.articles, run.assigned) == (9, 1)
    assert _story_of(store, latest) == strike
    [why] = [w for w in store.story_assignments(strike) if w.article == latest]
    assert (why.rule, why.features) == ("revision", {"revises": ARTICLE})
    assert sum(len(s.articles) for s in store.iter_stories()) == 9
