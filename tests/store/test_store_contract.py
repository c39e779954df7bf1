"""The contract every store backend must meet. A new backend joins by adding to BACKENDS."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest
from store_articles import make_article, sample_article

from storylens.errors import ConfigError, NotFoundError, StoreError
from storylens.model import Article, Override, Story, StoryAssignment, content_hash
from storylens.store import AddResult, ArticleSummary, SQLiteStore, Store, open_store
from storylens.store.migrate import load_migrations

BACKENDS: dict[str, Callable[[Path], Store]] = {
    "sqlite-file": lambda tmp: open_store(tmp / "storylens.db"),
    "sqlite-memory": lambda tmp: open_store(":memory:"),
}


@pytest.fixture(params=sorted(BACKENDS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend."""
    with BACKENDS[request.param](tmp_path) as opened:
        yield opened


def _where(store: Store) -> str:
    path = store.path if isinstance(store, SQLiteStore) else None
    return ":memory:" if path is None else str(path)


def test_store_round_trips_every_field(store: Store) -> None:
    article = sample_article()
    store.add_articles([article])
    got = store.get_article(article.id)
    assert got == article
    assert got is not None
    assert got.text.encode("utf-8") == article.text.encode("utf-8")
    assert got.paragraphs[1].sentences == article.paragraphs[1].sentences
    assert isinstance(got.paragraphs[0].kind, type(article.paragraphs[0].kind))
    assert list(got.meta) == ["a_first", "count", "z_last"]


def test_store_round_trips_empty_and_control_characters(store: Store) -> None:
    text = "Line one\r\nline\x00two\x0b\u2028 end "
    article = Article(id="ctl", text=text, paragraphs=(), content_hash="x")
    store.add_articles([article])
    assert store.get_article("ctl") == article


def test_store_add_reports_stored_and_present(store: Store) -> None:
    first = store.add_articles([make_article(1), make_article(2)])
    second = store.add_articles([make_article(2), make_article(3), make_article(3)])
    assert first == AddResult(("gen-000001", "gen-000002"), ())
    assert second == AddResult(("gen-000003",), ("gen-000002", "gen-000003"))
    assert (second.stored, second.already_present) == (1, 2)
    assert (first + second).stored == 3
    assert store.count_articles() == 3


def test_store_add_keeps_the_first_copy_of_an_id(store: Store) -> None:
    original = make_article(1)
    store.add_articles([original])
    result = store.add_articles([replace(original, title="Changed")])
    assert result.present_ids == ("gen-000001",)
    assert store.get_article("gen-000001") == original


def test_store_add_nothing(store: Store) -> None:
    assert store.add_articles([]) == AddResult()
    assert store.count_articles() == 0


def test_store_get_and_has(store: Store) -> None:
    store.add_articles([make_article(1)])
    assert store.has_article("gen-000001")
    assert not store.has_article("nope")
    assert store.get_article("nope") is None


def test_store_iter_keeps_insertion_order(store: Store) -> None:
    articles = [make_article(i) for i in (5, 1, 9, 3)]
    store.add_articles(articles[:2])
    store.add_articles(articles[2:])
    assert list(store.iter_articles()) == articles
    wanted = ["gen-000003", "gen-000005", "gen-000003"]
    assert [a.id for a in store.iter_articles(ids=wanted)] == ["gen-000005", "gen-000003"]
    assert list(store.iter_articles(ids=[])) == []


def test_store_iter_refuses_unknown_ids(store: Store) -> None:
    store.add_articles([make_article(1)])
    with pytest.raises(NotFoundError) as error:
        store.iter_articles(ids=["gen-000001", "x1", "x2"])
    assert str(error.value) == (
        f"cannot read articles from the store {_where(store)}: 2 of the ids are not stored"
        " (x1, x2): check the ids against the stored articles"
    )


def test_store_iter_refuses_a_string_of_ids(store: Store) -> None:
    with pytest.raises(ConfigError) as error:
        store.iter_articles(ids="gen-000001")
    assert str(error.value) == (
        "iter_articles got ids='gen-000001', a string: pass a list of ids such as ['gen-000001']"
    )


def _search_corpus(store: Store) -> None:
    base = make_article(1)
    store.add_articles(
        [
            replace(base, id="a", title="Budget vote", text="The lighthouse keeper retired."),
            replace(base, id="b", title="Lighthouse reopens", text="Crowds at the lighthouse."),
            replace(base, id="c", title="Market day", text="Stalls sold café crème and jam."),
        ]
    )


def test_store_search_ranks_title_matches_first(store: Store) -> None:
    _search_corpus(store)
    hits = store.search("lighthouse")
    assert [h.id for h in hits] == ["b", "a"]
    assert hits[0].score > hits[1].score > 0
    assert hits[0].title == "Lighthouse reopens"
    assert hits[0].outlet == "Outlet 1"
    assert "[lighthouse]" in hits[1].snippet.lower()


def test_store_search_matches_every_word_prefix_and_accents(store: Store) -> None:
    _search_corpus(store)
    assert [h.id for h in store.search("lighthouse keeper")] == ["a"]
    assert [h.id for h in store.search("light*")] == ["b", "a"]
    assert [h.id for h in store.search("cafe CREME")] == ["c"]
    assert store.search("lighthouse", limit=1)[0].id == "b"


@pytest.mark.parametrize(
    "query",
    ['"', "AND", "lighthouse OR", "OR lighthouse", "(", "a:b", "^x", "*", "-", "NEAR(", "", "  "],
)
def test_store_search_survives_query_syntax(store: Store, query: str) -> None:
    _search_corpus(store)
    assert isinstance(store.search(query), list)


def test_store_search_not_needs_a_term_before_it(store: Store) -> None:
    _search_corpus(store)
    assert store.search("lighthouse NOT keeper") != store.search("lighthouse")
    with pytest.raises(ConfigError) as error:
        store.search("NOT lighthouse")
    assert str(error.value) == (
        "cannot search 'NOT lighthouse': NOT needs a term before it"
        " (search 'harbour NOT strike' for articles with one word and not the other)"
    )


def test_store_search_refuses_a_zero_limit(store: Store) -> None:
    with pytest.raises(ConfigError) as error:
        store.search("x", limit=0)
    assert str(error.value) == (
        "cannot search with limit=0: the limit must be at least 1: pass limit=1 or more"
    )


def test_store_values(store: Store) -> None:
    assert store.get_value("last_run") is None
    store.set_value("last_run", "1")
    store.set_value("last_run", "2")
    assert store.get_value("last_run") == "2"


def test_store_schema_version(store: Store) -> None:
    assert store.schema_version() == len(load_migrations())


def _story(sid: str, *articles: str) -> Story:
    return Story(sid, f"label of {sid}", tuple(articles), 1, 1, None, None)


def _assignment(article: str, story: str, rule: str = "joined") -> StoryAssignment:
    return StoryAssignment(article, story, 0.5, None, 0.0, rule, 0.25, {"shared": ("a", "b")})


def test_store_stories_round_trip(store: Store) -> None:
    store.add_articles([make_article(1), make_article(2), make_article(3)])
    ids = [a.id for a in store.iter_articles()]
    stories = [_story("s1", ids[1], ids[0]), _story("s2", ids[2])]
    assignments = [_assignment(i, "s1") for i in ids[:2]] + [_assignment(ids[2], "s2")]
    groups = [{"id": "g1", "members": [ids[0], ids[1]], "jaccard": float("inf")}]
    store.save_stories(stories, assignments, groups, state=b"state")
    assert list(store.iter_stories()) == stories
    assert store.get_story("s2") == stories[1]
    assert store.get_story("nope") is None
    assert store.story_article_ids("s1") == [ids[1], ids[0]]
    why = store.story_assignments("s1")
    assert [w.article for w in why] == [ids[1], ids[0]]
    assert why[0].features == {"shared": ["a", "b"]}
    assert store.origin_groups() == [{"id": "g1", "members": [ids[0], ids[1]], "jaccard": None}]
    assert store.cluster_state() == b"state"
    store.save_stories([_story("s3", *ids)], [_assignment(i, "s3") for i in ids], [])
    assert [s.id for s in store.iter_stories()] == ["s3"]  # a run replaces the last one
    assert store.cluster_state() == b"state"  # kept when not given


def test_store_unknown_story_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError) as info:
        store.story_article_ids("nope")
    assert "no story with id 'nope' in " in str(info.value)
    assert str(info.value).endswith(": list stories with 'storylens stories'")


def test_store_overrides_are_kept_in_order(store: Store) -> None:
    assert store.overrides() == []
    wanted = [Override("pin", "a1", "s1"), Override("apart", "a1", "a2")]
    store.add_overrides(wanted)
    store.add_overrides([Override("pin", "a3", "s1")])
    assert store.overrides() == [*wanted, Override("pin", "a3", "s1")]


def test_store_bad_article_keeps_what_was_stored(store: Store) -> None:
    store.add_articles([make_article(1)])
    bad = replace(make_article(3), meta=MappingProxyType({"when": object()}))
    with pytest.raises(StoreError) as error:
        store.add_articles([make_article(2), bad])
    assert str(error.value) == (
        "cannot store article gen-000003: its meta is not JSON (Object of type object is not"
        " JSON serializable): keep meta to strings, numbers, booleans, null, lists and"
        " string-keyed objects"
    )
    assert [a.id for a in store.iter_articles()] == ["gen-000001"]
    assert store.add_articles([make_article(2)]).stored == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"text": "bad \udc80 byte"},
            "cannot store article gen-000001: its text holds a lone surrogate at offset 4:"
            " decode the source with errors='replace' before storing it",
        ),
        (
            {"id": ""},
            "cannot store article '': its id is not a non-empty string: give every article an id",
        ),
        (
            {"title": 7},
            "cannot store article gen-000001: its title is int, not a string:"
            " fix the article before storing it",
        ),
        (
            {"meta": MappingProxyType({"x": float("nan")})},
            "cannot store article gen-000001: its meta is not JSON (Out of range float values"
            " are not JSON compliant): keep meta to strings, numbers, booleans, null, lists"
            " and string-keyed objects",
        ),
    ],
)
def test_store_refuses_bad_articles(store: Store, change: dict[str, object], message: str) -> None:
    bad = replace(make_article(1), **change)  # type: ignore[arg-type]  # deliberately wrong types
    with pytest.raises(StoreError) as error:
        store.add_articles([bad])
    assert str(error.value) == message
    assert store.count_articles() == 0


def test_store_meta_is_json_with_sorted_keys(store: Store) -> None:
    meta = MappingProxyType({"b": (1, 2), "a": {"y": 1, "x": 2}})
    store.add_articles([replace(make_article(1), meta=meta)])
    got = store.get_article("gen-000001")
    assert got is not None
    assert json.dumps(dict(got.meta)) == '{"a": {"x": 2, "y": 1}, "b": [1, 2]}'


def test_store_close_twice_and_use_after_close(store: Store) -> None:
    store.close()
    store.close()
    with pytest.raises(StoreError) as error:
        store.count_articles()
    assert str(error.value) == (
        f"the store {_where(store)} is closed: open it again with open_store()"
    )


def test_store_context_manager_closes(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.add_articles([make_article(1)])
    with pytest.raises(StoreError):
        store.has_article("gen-000001")
    with open_store(tmp_path / "s.db") as again:
        assert again.get_article("gen-000001") == make_article(1)


def test_store_search_phrases_and_operators(store: Store) -> None:
    _search_corpus(store)
    assert [h.id for h in store.search('"lighthouse keeper"')] == ["a"]
    assert sorted(h.id for h in store.search("market OR keeper")) == ["a", "c"]
    assert [h.id for h in store.search("lighthouse NOT keeper")] == ["b"]


def test_store_dedup_index(store: Store) -> None:
    store.add_articles([make_article(i, size=200) for i in range(4)])
    assert store.dedup_indexed() == set()
    assert store.dedup_candidates([1, 2]) == {}
    store.add_dedup_index(
        {"gen-000000": [1, 2], "gen-000001": [2, -3]}, [("gen-000001", "gen-000000")]
    )
    store.add_dedup_index(
        {"gen-000002": [-3]}, [("gen-000001", "gen-000002"), ("gen-000000", "gen-000001")]
    )  # a repeated pair is kept once
    assert store.dedup_indexed() == {"gen-000000", "gen-000001", "gen-000002"}
    assert store.dedup_candidates([2, -3, 9, 2**63 - 1]) == {
        2: ["gen-000000", "gen-000001"],
        -3: ["gen-000001", "gen-000002"],
    }
    assert store.dedup_links() == [("gen-000000", "gen-000001"), ("gen-000001", "gen-000002")]


def test_store_article_summaries(store: Store) -> None:
    first = replace(sample_article(), id="s1", text="Headline here\nBody line.")
    second = replace(sample_article(), id="s0", text="One line only", title=None, outlet=None)
    store.add_articles([first, second])
    summaries = store.article_summaries()
    assert [s.id for s in summaries] == ["s1", "s0"]  # insertion order, not id order
    assert summaries[0].first_line == "Headline here"
    assert (summaries[0].title, summaries[0].outlet) == (first.title, first.outlet)
    assert summaries[0].published == first.published
    assert summaries[1] == ArticleSummary("s0", None, None, second.published, "One line only")


# --- revisions: an article its source sends again with other text ------------------------------


def _version(text: str, *, guid: str | None = None, url: str | None = None) -> Article:
    """A feed or page article: its id is its content hash, as when no id is given."""
    meta = MappingProxyType({"guid": guid} if guid else {})
    digest = content_hash(text)
    return Article(digest, text, (), digest, outlet="Tidewater Courier", url=url, meta=meta)


SEVEN = "Seven people died when the Ostrel footbridge fell, the fire service said."
NINE = "Nine people died when the Ostrel footbridge fell, the fire service said."
ELEVEN = "Eleven people died when the Ostrel footbridge fell, the fire service said."


def test_store_revision_by_feed_guid_replaces_the_stored_version(store: Store) -> None:
    old, new = _version(SEVEN, guid="tc-17"), _version(NINE, guid="tc-17")
    store.add_articles([old, make_article(1)])
    result = store.add_articles([new])
    assert result == AddResult((), (), (new.id,))
    assert (result.stored, result.revised, result.already_present) == (0, 1, 0)
    assert [a.id for a in store.iter_articles()] == ["gen-000001", new.id]
    assert [s.id for s in store.article_summaries()] == ["gen-000001", new.id]
    assert store.count_articles() == 2
    assert store.revisions() == {old.id: new.id}
    earlier = store.get_article(old.id)
    assert earlier is not None and earlier.meta["revised_by"] == new.id
    assert earlier.text == SEVEN  # nothing stored is lost
    revision = store.get_article(new.id)
    assert revision is not None and dict(revision.meta) == {"guid": "tc-17", "revises": old.id}
    assert store.has_article(old.id)
    assert [a.id for a in store.iter_articles(ids=[old.id, new.id])] == [old.id, new.id]


def test_store_revision_of_a_given_id_is_kept_under_its_content_hash(store: Store) -> None:
    original = make_article(1)
    store.add_articles([original])
    corrected = replace(original, text=NINE, content_hash=content_hash(NINE), paragraphs=())
    result = store.add_articles([corrected])
    assert result.revised_ids == (content_hash(NINE),)
    assert store.revisions() == {"gen-000001": content_hash(NINE)}
    got = store.get_article(content_hash(NINE))
    assert got is not None and got.text == NINE and got.meta["revises"] == "gen-000001"
    third = replace(original, text=ELEVEN, content_hash=content_hash(ELEVEN), paragraphs=())
    store.add_articles([third])  # the source's id still names the article: a second revision
    assert store.revisions() == {
        "gen-000001": content_hash(NINE),
        content_hash(NINE): content_hash(ELEVEN),
    }
    assert [a.id for a in store.iter_articles()] == [content_hash(ELEVEN)]


def test_store_re_adding_any_stored_version_changes_nothing(store: Store) -> None:
    old, new = _version(SEVEN, guid="tc-17"), _version(NINE, guid="tc-17")
    store.add_articles([old])
    store.add_articles([new])
    again = store.add_articles([new, old])  # a re-poll, and a stale copy of the first version
    assert again == AddResult((), (new.id, old.id), ())
    assert [a.id for a in store.iter_articles()] == [new.id]
    assert store.revisions() == {old.id: new.id}


def test_store_revision_within_one_call(store: Store) -> None:
    old, new = _version(SEVEN, guid="tc-17"), _version(NINE, guid="tc-17")
    assert store.add_articles([old, new, old]) == AddResult((old.id,), (old.id,), (new.id,))
    assert [a.id for a in store.iter_articles()] == [new.id]


def test_store_revision_by_url_ignores_the_fragment(store: Store) -> None:
    url = "https://courier.example/footbridge"
    store.add_articles([_version(SEVEN, url=url + "#live")])
    result = store.add_articles([_version(NINE, url=url)])
    assert result.revised_ids == (content_hash(NINE),)


def test_store_a_home_page_url_is_no_common_source(store: Store) -> None:
    home = "https://courier.example/"  # what a dataset gives as the "url" of every article
    store.add_articles([_version(SEVEN, url=home)])
    result = store.add_articles([_version(NINE, url=home)])
    assert result.stored_ids == (content_hash(NINE),)


def test_store_no_revision_without_a_common_source(store: Store) -> None:
    other_feed = replace(_version(NINE, guid="tc-17"), outlet="Ostrel Evening Post")
    store.add_articles([_version(SEVEN, guid="tc-17")])
    result = store.add_articles([other_feed, _version(ELEVEN)])  # guids are per feed; no key
    assert result == AddResult((content_hash(NINE), content_hash(ELEVEN)), (), ())
    assert store.revisions() == {}
    assert store.count_articles() == 3


def test_store_search_and_duplicates_leave_revised_articles_out(store: Store) -> None:
    old, new = _version(SEVEN, guid="tc-17"), _version(NINE, guid="tc-17")
    copy = _version(SEVEN + " Divers searched the river.")
    store.add_articles([old, copy])
    store.add_dedup_index({old.id: [5], copy.id: [5]}, [(old.id, copy.id)])
    assert [h.id for h in store.search("seven")] == [old.id, copy.id]
    store.add_articles([new])
    assert [h.id for h in store.search("seven")] == [copy.id]
    assert sorted(h.id for h in store.search("footbridge")) == sorted([copy.id, new.id])
    assert store.dedup_candidates([5]) == {5: [copy.id]}
    assert store.dedup_links() == []
