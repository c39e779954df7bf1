"""Tests of storylens.cluster on fictional articles."""

from __future__ import annotations

import pickle
from dataclasses import replace

from storylens.cluster import ClusterState, assign, merge_split, stories, story_id_for
from storylens.model import Article, Paragraph, content_hash

QUAKE = [
    "A strong earthquake struck Velmora province on Monday, destroying houses near Lake Orrin.",
    "Rescuers in Velmora searched for survivors after the earthquake near Lake Orrin.",
    "The Velmora earthquake left hundreds homeless around Lake Orrin, Governor Ansel Drey said.",
]
OTHER_QUAKE = [
    "An earthquake shook Tarsk island on Friday; Mayor Ilse Varga said the Tarsk harbour held.",
    "Tarsk harbour was damaged by Friday's earthquake, Mayor Ilse Varga told reporters.",
]
FINAL = [
    "Kestrel United beat Brightwater Rovers in the Tarn Cup final after a penalty shootout.",
    "Brightwater Rovers lost the Tarn Cup final to Kestrel United on penalties.",
]


def _article(article_id: str, text: str, published: str | None = None) -> Article:
    return Article(
        id=article_id,
        text=text,
        paragraphs=(Paragraph(0, len(text)),),
        content_hash=content_hash(text),
        published=published,
    )


def _corpus() -> list[Article]:
    return [
        *(_article(f"q{i}", t) for i, t in enumerate(QUAKE)),
        *(_article(f"t{i}", t) for i, t in enumerate(OTHER_QUAKE)),
        *(_article(f"f{i}", t) for i, t in enumerate(FINAL)),
    ]


def _groups(state: ClusterState) -> set[frozenset[str]]:
    return {frozenset(m) for m in stories(state).values()}


def test_cluster_groups_events_and_tells_same_kind_apart() -> None:
    state, assignments = assign(_corpus())
    state, _ = merge_split(state)
    assert _groups(state) == {
        frozenset({"q0", "q1", "q2"}),
        frozenset({"t0", "t1"}),
        frozenset({"f0", "f1"}),
    }
    assert len(assignments) == 7


def test_cluster_story_ids_are_deterministic() -> None:
    state, assignments = assign(_corpus())
    assert assignments[0].story == story_id_for("q0")
    again, _ = assign(_corpus())
    assert stories(again) == stories(state)


def test_cluster_assignment_explains_itself() -> None:
    _, assignments = assign(_corpus())
    joined = next(a for a in assignments if a.article == "q1")
    assert joined.rule == "joined"
    assert joined.score >= joined.threshold
    assert "velmora" in joined.features["shared_names"]
    assert set(joined.features) >= {"words", "names", "shared_words", "year_conflict"}
    opened = assignments[0]
    assert opened.rule == "new-story"
    assert opened.runner_up is None


def test_cluster_reassigning_changes_nothing() -> None:
    state, _ = assign(_corpus())
    before = stories(state)
    state, again = assign(_corpus(), state)
    assert again == []
    assert stories(state) == before


def test_cluster_second_batch_extends_story() -> None:
    corpus = _corpus()
    state, _ = assign(corpus[:2])
    state, later = assign(corpus[2:], state)
    assert later[0].story == story_id_for("q0")


def test_cluster_pinned_move_survives_merge_split() -> None:
    state = ClusterState()
    state.pinned["f1"] = story_id_for("q0")
    state, _ = assign(_corpus(), state)
    state, _ = merge_split(state)
    assert state.story_of("f1") == story_id_for("q0")


def test_cluster_cannot_link_splits() -> None:
    state = ClusterState()
    state.cannot_link.add(frozenset({"q0", "q1"}))
    state, _ = assign(_corpus(), state)
    state, _ = merge_split(state)
    assert state.story_of("q0") != state.story_of("q1")


def test_cluster_must_link_merges() -> None:
    state = ClusterState()
    state.must_link.add(frozenset({"q0", "f0"}))
    state, assignments = assign(_corpus(), state)
    state, _ = merge_split(state)
    assert state.story_of("f0") == state.story_of("q0")
    assert next(a for a in assignments if a.article == "f0").rule == "must-link"


def test_cluster_far_apart_dates_lower_the_score() -> None:
    text = QUAKE[0]
    state, _ = assign([_article("a", text, "2020-01-01T00:00:00Z")])
    state, (near,) = assign([_article("b", text + " More.", "2020-01-02T00:00:00Z")], state)
    state, (far,) = assign([_article("c", text + " Again.", "2023-01-01T00:00:00Z")], state)
    assert near.rule == "joined"
    assert far.features["date_gap_days"] > 300
    assert far.rule == "new-story"


def test_cluster_state_is_picklable() -> None:
    state, _ = assign(_corpus())
    assert stories(pickle.loads(pickle.dumps(state))) == stories(state)


def test_cluster_dateline_stands_in_for_missing_publication_time() -> None:
    text = QUAKE[0]
    state, _ = assign([_article("a", f"Quake in Velmora\nMay 3, 2013\n{text}")])
    state, (far,) = assign([_article("b", f"Quake in Velmora\nMay 9, 2016\n{text} More.")], state)
    assert far.features["date_gap_days"] > 1000
    assert far.rule == "new-story"


def test_cluster_merge_split_splits_two_events_in_one_story() -> None:
    from storylens.cluster import ClusterOptions

    corpus = [a for a in _corpus() if not a.id.startswith("f")]
    state, _ = assign(
        corpus, options=ClusterOptions(threshold=-1.0, short_threshold=-1.0, query_terms=100)
    )
    assert len(stories(state)) == 1
    state, changes = merge_split(state)
    assert _groups(state) == {frozenset({"q0", "q1", "q2"}), frozenset({"t0", "t1"})}
    assert {c.rule for c in changes} == {"split"}


def test_cluster_short_articles_have_a_lower_threshold() -> None:
    _, assignments = assign(_corpus())
    assert {a.threshold for a in assignments} == {0.2}


def test_cluster_merge_split_adopts_small_fragments() -> None:
    from storylens.cluster import ClusterOptions

    state, _ = merge_split(assign(_corpus())[0])
    alone = ClusterOptions(threshold=2.0, short_threshold=2.0)
    fragment = _article("q9", "Velmora earthquake: rescuers near Lake Orrin.")
    state, (opened,) = assign([fragment], state, options=alone)
    assert opened.rule == "new-story"
    no_merge_or_move = ClusterOptions(merge_threshold=9.0, move_margin=9.0)
    state, changes = merge_split(state, options=no_merge_or_move)
    assert state.story_of("q9") == story_id_for("q0")
    adopted = next(c for c in changes if c.article == "q9")
    assert (adopted.rule, adopted.threshold) == ("merged", ClusterOptions().adopt_threshold)
    assert state.story_of("f0") != story_id_for("q0")


def test_cluster_merge_is_blocked_when_the_union_would_split_again() -> None:
    from storylens._cluster_passes import _sum_story, _vectors_of, _would_split
    from storylens.cluster import ClusterOptions

    options = ClusterOptions()
    state, _ = merge_split(assign(_corpus())[0])
    quake, tarsk = state.stories[story_id_for("q0")], state.stories[story_id_for("t0")]
    assert _would_split(state, quake, tarsk, options)  # two earthquakes: two events
    members = list(quake.members)
    vectors = _vectors_of(state, members, options)
    halves = _sum_story(members[:2], vectors), _sum_story(members[2:], vectors)
    assert not _would_split(state, *halves, options)  # two halves of one event


def test_cluster_a_planned_year_after_publication_is_no_year_conflict() -> None:
    first = _article(
        "h0",
        "Halvora Motors will close its Brackwater plant in 2026, cutting 2,400 jobs.",
        "2026-03-10",
    )
    second = _article(
        "h1",
        "Halvora Motors is closing the Brackwater plant and will hire 700 people by 2029.",
        "2026-03-10",
    )
    _, assignments = assign([first, second])
    joined = assignments[1]
    assert joined.features["year_conflict"] is False
    undated = replace(second, id="h2", published=None)
    _, assignments = assign([first, undated])
    assert assignments[1].features["year_conflict"] is True  # no date: 2029 counts


def test_cluster_a_merge_says_what_the_two_stories_share() -> None:
    from storylens._cluster_passes import _merge_into
    from storylens.cluster import ClusterOptions, assign

    one = _article(
        "a", "Quake hits Lisko\nA magnitude 6.1 quake struck Lisko in Tarnavia on Tuesday."
    )
    two = _article(
        "b", "Lisko quake\nRescuers in Lisko searched for survivors of the Tarnavia quake."
    )
    state, _ = assign([one, two], options=ClusterOptions(threshold=0.99, short_threshold=0.99))
    first, second = (state.articles[x].story for x in ("a", "b"))
    (change,) = _merge_into(state, state.stories[second], (first, 0.5), ClusterOptions())
    assert change.rule == "merged"
    assert "lisko" in change.features["shared_names"]


def test_cluster_a_small_store_compares_every_story() -> None:
    """In a small store the words two articles share have the lowest IDF and need not be
    among either's strongest terms: the index may find no candidate, so every story is
    scored."""
    from storylens._cluster_stories import _candidates
    from storylens.cluster import ClusterOptions, assign

    one = _article("a", "Civic Union wins\nMarta Ilvessen's Civic Union won the vote.")
    state, _ = assign([one])
    unrelated = {len(state.terms) + 7: 1.0}  # a term no story is indexed under
    assert _candidates(state, unrelated, ClusterOptions()) == [state.articles["a"].story]


def test_cluster_a_year_after_since_is_background_not_the_events_year() -> None:
    # "since 2020" says when complaints began; the plant's 2019 fine is background too, but
    # "in 2019" may be an event's year, so only the first is set aside.
    first = _article("c0", "An explosion at the Orsvik plant was fined in 2019, officials said.")
    second = _article("c1", "Residents have complained about the Orsvik plant since 2020.")
    _, assignments = assign([first, second])
    assert assignments[1].features.get("year_conflict") is not True
