"""Tests of storylens.dedup on fictional, generated articles (no third-party text)."""

from __future__ import annotations

import pickle
import random

import pytest

from storylens.dedup import (
    DedupOptions,
    DedupSignature,
    OriginGroup,
    band_keys,
    components,
    find_duplicates,
    jaccard_containment,
    link_new,
    origin_group,
    signature,
    wire_tag,
)
from storylens.model import Article, Paragraph, content_hash

SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "vas", "el", "dor", "pi", "nak", "sul", "ber"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def _paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(
        " ".join(_word(rng) for _ in range(rng.randint(8, 16))).capitalize() + "."
        for _ in range(sentences)
    )


def make_article(
    article_id: str,
    paragraphs: list[str],
    *,
    published: str | None = None,
    outlet: str | None = None,
    meta: dict[str, str] | None = None,
) -> Article:
    """An Article from paragraphs joined by newlines."""
    text = "\n".join(paragraphs)
    spans, start = [], 0
    for paragraph in paragraphs:
        spans.append(Paragraph(start, start + len(paragraph)))
        start += len(paragraph) + 1
    return Article(
        id=article_id,
        text=text,
        paragraphs=tuple(spans),
        content_hash=content_hash(text),
        published=published,
        outlet=outlet,
        meta=meta or {},
    )


def wire_story(seed: int, n: int = 8) -> list[str]:
    """A fictional wire story: a headline and ``n`` paragraphs."""
    rng = random.Random(seed)
    return [_paragraph(rng, 1), *(_paragraph(rng) for _ in range(n))]


def test_dedup_exact_copies_are_grouped() -> None:
    story = wire_story(1)
    groups = find_duplicates([make_article("a", story), make_article("b", story)])
    assert len(groups) == 1
    assert groups[0].members == ("a", "b")
    assert {link.rule for link in groups[0].links} == {"exact"}


@pytest.mark.parametrize("edit", ["headline", "cut", "quote", "all"])
def test_dedup_edited_wire_copy_is_found(edit: str) -> None:
    story = wire_story(2)
    rng = random.Random(99)
    copy = list(story)
    if edit in ("headline", "all"):
        copy[0] = _paragraph(rng, 1)
    if edit in ("cut", "all"):
        del copy[4]
    if edit in ("quote", "all"):
        copy.insert(3, '"' + _paragraph(rng, 2) + '", a local official said.')
    groups = find_duplicates([make_article("orig", story), make_article("copy", copy)])
    assert len(groups) == 1, edit
    assert groups[0].members == ("copy", "orig")


def test_dedup_different_stories_are_not_grouped() -> None:
    articles = [make_article(f"s{i}", wire_story(100 + i)) for i in range(30)]
    assert find_duplicates(articles) == []


def test_dedup_short_copy_caught_by_containment() -> None:
    story = wire_story(3, n=10)
    short = story[:5]
    sig_long = signature(make_article("long", story))
    sig_short = signature(make_article("short", short))
    jaccard, containment = jaccard_containment(sig_long, sig_short)
    assert jaccard < 0.6 < 0.99 < containment
    groups = find_duplicates([make_article("long", story), make_article("short", short)])
    assert [g.members for g in groups] == [("long", "short")]
    rules = {link.article: link.rule for link in groups[0].links}
    assert rules["short"] in {"containment", "exact", "near"}


def test_dedup_origin_is_earliest_published() -> None:
    story = wire_story(4)
    groups = find_duplicates(
        [
            make_article("late", story, published="2024-05-02T10:00:00Z"),
            make_article("early", story, published="2024-05-01T08:00:00Z"),
            make_article("undated", story),
        ]
    )
    assert groups[0].origin == "early"
    assert groups[0].origin_rule == "earliest-published"
    assert groups[0].reference == "early"


def test_dedup_wire_tag_names_the_agency() -> None:
    story = wire_story(5)
    tagged = ["KALOMI (Reuters) - " + story[1], *story[2:]]
    groups = find_duplicates([make_article("x", tagged), make_article("y", [story[0], *tagged])])
    assert groups[0].wire == "Reuters"
    assert (groups[0].origin, groups[0].origin_rule) == (None, None)  # both carry the tag
    one = find_duplicates([make_article("x", tagged), make_article("y", [story[0], *story[1:]])])
    assert (one[0].wire, one[0].origin, one[0].origin_rule) == ("Reuters", "x", "wire-tag")


def test_dedup_copies_published_at_one_time_tell_no_origin() -> None:
    story = wire_story(7)
    at = "2026-04-06T09:00:00Z"
    groups = find_duplicates(
        [make_article("p1", story, published=at), make_article("p2", story, published=at)]
    )
    assert (groups[0].origin, groups[0].origin_rule) == (None, None)


def test_dedup_a_date_without_a_time_is_not_earlier_than_a_time_that_day() -> None:
    story = wire_story(8)
    day, morning = "2026-03-12", "2026-03-12T10:15:00Z"
    groups = find_duplicates(
        [make_article("d", story, published=day), make_article("t", story, published=morning)]
    )
    assert (groups[0].origin, groups[0].origin_rule) == (None, None)
    groups = find_duplicates(
        [
            make_article("d", story, published="2026-03-11"),
            make_article("t", story, published=morning),
        ]
    )
    assert (groups[0].origin, groups[0].origin_rule) == ("d", "earliest-published")


def test_dedup_feed_source_element_names_the_origin() -> None:
    story = wire_story(6)
    meta = {"origin": "Kalo Times"}
    groups = find_duplicates(
        [
            make_article("p1", story, outlet="Kalo Times"),
            make_article("p2", story, outlet="Other Daily", meta=meta),
        ]
    )
    assert groups[0].origin == "p1"
    assert groups[0].origin_rule == "feed-source"
    assert groups[0].source == "Kalo Times"


def test_dedup_a_feed_source_that_is_the_entrys_own_outlet_names_no_origin() -> None:
    # user trial 167: an aggregator feed's items named their own outlets in <source>, and
    # the reprint published later was taken for the original
    story = wire_story(6)
    groups = find_duplicates(
        [
            make_article("wire", story, outlet="Northgate Wire", published="2026-05-04T15:40Z"),
            make_article(
                "reprint",
                story,
                outlet="Coastal Daily Mercury",
                published="2026-05-04T18:05Z",
                meta={"origin": "Coastal Daily Mercury"},
            ),
        ]
    )
    assert (groups[0].origin, groups[0].origin_rule) == ("wire", "earliest-published")


def test_dedup_signature_is_picklable_and_deterministic() -> None:
    article = make_article("a", wire_story(7))
    sig = signature(article)
    again = pickle.loads(pickle.dumps(sig))
    assert again.article == "a"
    assert again.minhash == signature(article).minhash


def test_dedup_wire_tag_variants() -> None:
    assert wire_tag("PARIS (AFP) - x") == "AFP"
    assert wire_tag("(Associated Press) x") == "AP"
    assert wire_tag("apples (ap) are") == "AP"
    assert wire_tag("no tag here") is None


def test_dedup_calibration_on_generated_edits() -> None:
    """Recall on edited copies and no false pairs among distinct stories (the calibration)."""
    rng = random.Random(5)
    articles, expected = [], set()
    for i in range(40):
        story = wire_story(1000 + i, n=rng.randint(4, 10))
        articles.append(make_article(f"o{i}", story))
        copy = list(story)
        copy[0] = _paragraph(rng, 1)
        if len(copy) > 4:
            del copy[rng.randrange(1, len(copy))]
        copy.insert(rng.randrange(1, len(copy)), '"' + _paragraph(rng, 1) + '" she said.')
        articles.append(make_article(f"c{i}", copy))
        expected.add((f"c{i}", f"o{i}"))
    groups = find_duplicates(articles, options=DedupOptions())
    found = {g.members for g in groups}
    assert found == expected


def test_dedup_wire_from_dateline_credit_unless_it_is_the_outlet() -> None:
    text = ["The harbour reopened on Monday after a week of repairs to the quay."]
    credit = {"credit": "Continental Press"}
    credited = make_article("w1", text, outlet="Lakeside Ledger", meta=credit)
    own = make_article("w2", text, outlet="Continental Press", meta=credit)
    assert signature(credited).wire == "Continental Press"
    assert signature(own).wire is None


def _corpus_with_copies(seed: int, stories: int) -> list[Article]:
    """Originals, exact copies, edited copies and copies of copies, shuffled (fictional)."""
    rng = random.Random(seed)
    articles = []
    for i in range(stories):
        story = wire_story(seed * 100 + i, n=rng.randint(3, 8))
        articles.append(make_article(f"o{i}", story, published=f"2031-05-{1 + i % 28:02d}"))
        for k in range(rng.randint(0, 3)):
            copy = list(story)
            if rng.random() < 0.7:
                copy[0] = _paragraph(rng, 1)
            if len(copy) > 4 and rng.random() < 0.5:
                del copy[rng.randrange(1, len(copy))]
            articles.append(make_article(f"c{i}-{k}", copy, outlet=f"Outlet {k}"))
    rng.shuffle(articles)
    return articles


def _incremental(articles: list[Article], batch: int) -> list[OriginGroup]:
    """What a store does: index each batch against the earlier ones, then group all pairs."""
    index: dict[int, list[DedupSignature]] = {}
    pairs: list[tuple[str, str]] = []
    for start in range(0, len(articles), batch):
        new = [signature(a) for a in articles[start : start + batch]]
        keys = {sig.article: band_keys(sig) for sig in new}
        stored = {
            a: list({o.article: o for k in held for o in index.get(k, ())}.values())
            for a, held in keys.items()
        }
        pairs += link_new(new, keys, stored)
        for sig in new:
            for key in keys[sig.article]:
                index.setdefault(key, []).append(sig)
    sigs = {sig.article: sig for sig in map(signature, articles)}
    return [origin_group([sigs[m] for m in members]) for members in components(pairs)]


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_dedup_incremental_groups_equal_the_batch_groups(batch: int) -> None:
    articles = _corpus_with_copies(3, 40)
    batch_groups = find_duplicates(articles)
    assert len(batch_groups) >= 15  # the corpus has copies to find
    assert sorted(_incremental(articles, batch), key=lambda g: g.id) == batch_groups


def test_dedup_band_keys_are_deterministic_and_shared_by_copies() -> None:
    story = wire_story(8)
    a, b = signature(make_article("a", story)), signature(make_article("b", story))
    other = signature(make_article("x", wire_story(9)))
    assert band_keys(a) == band_keys(b)
    assert len(band_keys(a)) == 32  # datasketch's bands for threshold 0.4, 128 permutations
    assert not set(band_keys(a)) & set(band_keys(other))
    assert band_keys(a) == band_keys(pickle.loads(pickle.dumps(a)))


def test_dedup_the_agency_a_wire_tag_names_is_the_origin() -> None:
    # user trial 36: the undated wire lost its origin to the dated reprint; both credit
    # "(HPA)" in their datelines (cleaning keeps the credit in meta)
    story = wire_story(6)
    credit = {"credit": "HPA"}
    groups = find_duplicates(
        [
            make_article("wire", story, outlet="Halden Press Agency", meta=credit),
            make_article(
                "copy", story, outlet="Lunholm Courier", published="2026-03-17", meta=credit
            ),
        ]
    )
    assert (groups[0].origin, groups[0].origin_rule, groups[0].wire) == (
        "wire",
        "wire-outlet",
        "HPA",
    )
