"""Tests of storylens.analyze.align: the claim matrix, its views, the seed gold and ECB+."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from storylens.analyze.align import (
    AlignOptions,
    align_claims,
    claim_units,
    omitted_by,
    shared_by_all,
    shared_claims,
    unique_claims,
)
from storylens.model import Article, Claim, Paragraph, Span, content_hash

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "eval" / "claims_floors.json"


def make_article(article_id: str, *paragraphs: str, outlet: str | None = None) -> Article:
    """A hand-built article: paragraphs joined by blank lines, sentences split after . ! ?"""
    text = "\n\n".join(paragraphs)
    built, pos = [], 0
    for para in paragraphs:
        sents = tuple(
            (pos + m.start(), pos + m.end())
            for m in re.finditer(r"\S.*?(?:[.!?]\"?|$)(?=\s|$)", para)
        )
        built.append(Paragraph(pos, pos + len(para), sentences=sents))
        pos += len(para) + 2
    return Article(article_id, text, tuple(built), content_hash(text), outlet=outlet)


# Fictional reports of one event.
A = make_article(
    "a",
    "Residents of the port town of Varna Bay were urged to evacuate as the army prepares "
    "a major offensive. At least 12 people were killed in the fighting on Monday, officials said.",
    "The town's mayor, Lena Orlo, opened three schools as shelters.",
    outlet="Daily One",
)
B = make_article(
    "b",
    "People in Varna Bay have been told to leave ahead of a military operation. "
    "Officials said 12 people died on Monday.",
    "A bridge on the coastal road was closed by the police.",
    outlet="Herald",
)
C = make_article(
    "c",
    "The army has told Varna Bay residents to get out before its offensive begins.",
    outlet="Herald",
)


def texts_of(claim: Claim, articles: list[Article]) -> list[str]:
    by_id = {a.id: a for a in articles}
    return [by_id[m.span.article].text_of(m.span) for m in claim.mentions]


def test_align_every_unit_in_exactly_one_claim() -> None:
    claims = align_claims([A, B, C])
    spans = [m.span for c in claims for m in c.mentions]
    units = [s for art in (A, B, C) for s in claim_units(art)]
    assert sorted(spans, key=str) == sorted(units, key=str)


def test_align_paraphrases_merge_across_articles() -> None:
    claims = align_claims([A, B, C])
    evacuate = next(c for c in claims if c.support.articles == 3)
    assert "Varna Bay" in evacuate.text
    assert {m.span.article for m in evacuate.mentions} == {"a", "b", "c"}
    assert evacuate.support.articles == 3
    assert evacuate.support.outlets == 2  # b and c are both the Herald
    assert all(m.why.rule == "matched" and m.why.score for m in evacuate.mentions)
    features = set(evacuate.mentions[0].why.features)
    assert {"cosine", "centred", "csls", "tfidf", "names", "numbers", "clash"} <= features
    assert {"rank", "runner_up", "with"} <= features


def test_align_unrelated_facts_stay_unique() -> None:
    claims = align_claims([A, B])
    mayor = next(c for c in claims if "mayor" in c.text)
    bridge = next(c for c in claims if "bridge" in c.text)
    assert mayor.support.articles == bridge.support.articles == 1
    assert mayor.mentions[0].why.rule == "unique"
    assert "best_candidate" in mayor.mentions[0].why.features  # the refused partner


def test_align_matches_one_to_one_between_two_articles() -> None:
    one = make_article(
        "m1", "Officials said 12 people died on Monday.", "Heavy rain fell over the hills."
    )
    other = make_article(
        "m2", "Twelve people were killed on Monday, officials said.", "It rained hard in the hills."
    )
    claims = align_claims([one, other])
    assert [c.support.articles for c in claims] == [2, 2]
    for claim in claims:
        assert claim.mentions[0].why.features["rank"] == 1


def test_align_restated_fact_joins_its_match() -> None:
    twice = make_article(
        "r1",
        "At least 12 people were killed in the port town of Varna Bay on Monday.",
        "The mayor opened three schools as shelters.",
        "Officials said at least 12 people had been killed in Varna Bay on Monday.",
    )
    once = make_article("r2", "Twelve people were killed in Varna Bay on Monday.")
    claims = align_claims([twice, once])
    killed = claims[0]
    assert killed.support.articles == 2
    assert len(killed.mentions) == 3


def test_align_at_most_one_mention_per_article_unless_duplicate() -> None:
    other = make_article("d", "Officials said 12 people died on Monday. A cat slept on a wall.")
    for claim in align_claims([A, B, other]):
        arts = [m.span.article for m in claim.mentions]
        assert len(arts) == len(set(arts))


def test_align_repeated_sentence_in_one_article_merges() -> None:
    twice = make_article(
        "e", "The dam burst at noon on Sunday.", "The dam burst at noon on Sunday."
    )
    claims = align_claims([twice])
    assert len(claims) == 1
    assert len(claims[0].mentions) == 2


def test_align_support_counts_independent_origins() -> None:
    claims = align_claims([A, B, C], origins={"b": "wire-1", "c": "wire-1"})
    evacuate = claims[0]
    assert evacuate.support.articles == 3
    assert evacuate.support.independent == 2


def test_align_ids_and_order_are_deterministic() -> None:
    first = align_claims([A, B, C])
    second = align_claims([A, B, C])
    assert first == second
    assert all(re.fullmatch(r"c[0-9a-f]{12}", c.id) for c in first)
    assert len({c.id for c in first}) == len(first)
    supports = [c.support.articles for c in first]
    assert supports == sorted(supports, reverse=True)


def test_align_views() -> None:
    articles = [A, B, C]
    claims = align_claims(articles)
    assert [c.support.articles for c in shared_by_all(claims, articles)] == [3]
    assert all(c.support.articles >= 2 for c in shared_claims(claims))
    assert all(c.support.articles == 1 for c in unique_claims(claims))
    assert all(c.mentions[0].span.article == "b" for c in unique_claims(claims, "b"))
    omitted = omitted_by(claims, "c")
    assert omitted
    assert all("c" not in {m.span.article for m in c.mentions} for c in omitted)
    assert shared_by_all(claims, [A]) == ()


def test_align_skips_headings_and_link_lines() -> None:
    art = make_article("h", "Fighting in the south", "READ MORE: Ten things to know", "Rain fell.")
    assert [art.text_of(s) for s in claim_units(art)] == ["Rain fell."]
    everything = claim_units(art, AlignOptions(statements_only=False))
    assert len(everything) == 3


def test_align_splits_long_sentences_into_clauses() -> None:
    art = make_article(
        "k",
        "The rebels have taken most of the northern farmland since the spring, "
        "but they now face stiff resistance around the larger towns.",
    )
    units = [art.text_of(s) for s in claim_units(art)]
    assert units == [
        "The rebels have taken most of the northern farmland since the spring",
        "they now face stiff resistance around the larger towns.",
    ]
    whole = claim_units(art, AlignOptions(clauses=False))
    assert len(whole) == 1


def test_align_does_not_split_inside_quotes() -> None:
    art = make_article(
        "q", '"We will hold the bridge at any cost – we have no other choice at all," he said.'
    )
    assert len(claim_units(art)) == 1


def test_align_a_quotation_of_several_sentences_is_one_unit() -> None:
    art = make_article(
        "q",
        '"My sister was on the ferry. Nobody tells us anything," said Ivo Marr. The pier shut.',
        '"The pier is closed. It stays shut.',  # an unclosed quotation ends with its paragraph
        "Divers searched the lake all night.",
    )
    assert [art.text_of(u) for u in claim_units(art)] == [
        '"My sister was on the ferry. Nobody tells us anything," said Ivo Marr.',
        "The pier shut.",
        '"The pier is closed. It stays shut.',
        "Divers searched the lake all night.",
    ]


def test_align_apposition_after_a_name_is_its_own_unit() -> None:
    art = make_article(
        "p",
        "Mara Quist, the chief executive of Halvard Foods, said the merger would create jobs.",
        "In Varna Bay, a port town, the mayor opened three schools as shelters.",
    )
    units = [art.text_of(s) for s in claim_units(art)]
    assert units == [
        "Mara Quist, the chief executive of Halvard Foods",
        "said the merger would create jobs.",
        "In Varna Bay, a port town, the mayor opened three schools as shelters.",
    ]


def test_align_matching_keeps_the_strong_pair() -> None:
    from storylens.analyze._align_match import one_to_one

    # unit 0 and 1 in article 0; 2 and 3 in article 1. Summing raw probabilities would take
    # 0-3 (0.6) and 1-2 (0.3, dropped below link) over the stronger 0-2 (0.8).
    prob = np.array(
        [[1, 0, 0.8, 0.6], [0, 1, 0.3, 0.0], [0.8, 0.3, 1, 0], [0.6, 0.0, 0, 1]], np.float32
    )
    cosine = np.zeros((4, 4), np.float32)
    assert one_to_one(prob, cosine, [0, 0, 1, 1], AlignOptions()) == [(0, 2)]


def test_align_anchor_links_a_rare_shared_phrase_below_link() -> None:
    from storylens.analyze._align_match import one_to_one

    # 0-2 reach only 0.3 (below link 0.35) but share a rare phrase: they link as an anchor
    prob = np.array(
        [[1, 0, 0.3, 0.1], [0, 1, 0.1, 0.2], [0.3, 0.1, 1, 0], [0.1, 0.2, 0, 1]], np.float32
    )
    cosine = np.zeros((4, 4), np.float32)
    assert one_to_one(prob, cosine, [0, 0, 1, 1], AlignOptions()) == []
    anchored = {(0, 2): "revenge killing"}
    assert one_to_one(prob, cosine, [0, 0, 1, 1], AlignOptions(), anchored) == [(0, 2)]
    assert one_to_one(prob, cosine, [0, 0, 1, 1], AlignOptions(anchor=None), anchored) == []


def test_align_anchors_need_a_rare_phrase_and_mutual_best() -> None:
    from storylens.analyze._align_rules import anchors

    texts = [
        "Videos showed revenge killings in the town.",
        "The army closed the road.",
        "Officials said the insurgents carried out revenge killings there.",
        "The road was closed.",
    ]
    prob = np.full((4, 4), 0.1, np.float32)
    prob[0, 2] = prob[2, 0] = 0.25
    assert anchors(texts, [0, 0, 1, 1], prob, threshold=0.2) == {(0, 2): "revenge killing"}
    assert anchors(texts, [0, 0, 1, 1], prob, threshold=0.3) == {}  # below the anchor floor
    # a phrase held by more than ``units`` units is not rare
    assert (
        anchors(
            [*texts, "More revenge killings."], [0, 0, 1, 1, 1], np.pad(prob, (0, 1)), threshold=0.2
        )
        == {}
    )


def test_align_a_phrase_of_time_or_place_words_is_no_anchor() -> None:
    from storylens.analyze._align_rules import anchors

    # user trial 20: "by late afternoon" anchored "12,000 people had left" to "the main square
    # was almost empty": two facts of one afternoon
    texts = [
        "More than 12,000 people had left the town by late afternoon.",
        "The army closed the road.",
        "By late afternoon its main square was almost empty.",
        "The road was closed.",
    ]
    prob = np.full((4, 4), 0.1, np.float32)
    prob[0, 2] = prob[2, 0] = 0.25
    assert anchors(texts, [0, 0, 1, 1], prob, threshold=0.2) == {}
    # user trial 25: two things said at the presidential palace are two facts
    palace = [
        "Tesar conceded defeat in a statement read out at the presidential palace.",
        "The army closed the road.",
        "From the presidential palace, he accused the commission of fraud.",
        "The road was closed.",
    ]
    assert anchors(palace, [0, 0, 1, 1], prob, threshold=0.2) == {}


def test_align_weights_must_cover_every_feature() -> None:
    with pytest.raises(ValueError) as error:
        align_claims([A, B], options=AlignOptions(weights=(0.0,) * 8))
    assert str(error.value) == (
        "8 weights given, 12 needed: the intercept, then one weight for each of cosine, "
        "centred, csls, tfidf, names, numbers, clash, phrases, rarest, clause, ratio "
        "(0 leaves a feature out)"
    )


def test_align_caps_compared_units() -> None:
    claims = align_claims([A, B], options=AlignOptions(max_units=2))
    rules = {m.why.rule for c in claims for m in c.mentions}
    assert "not-compared" in rules
    assert sum(len(c.mentions) for c in claims) == len(claim_units(A)) + len(claim_units(B))


def test_align_no_articles() -> None:
    assert align_claims([]) == ()


# --------------------------------------------------------------------------------------------
# The seed pair against the gold file
# --------------------------------------------------------------------------------------------


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` with runs of white space as one space, and each folded char's offset."""
    out, where = [], []
    for m in re.finditer(r"\s+|\S", text):
        out.append(" " if m.group().isspace() else m.group())
        where.append(m.start())
    return "".join(out), where


def _gold_span(article: Article, needle: str) -> Span:
    folded, where = _folded(article.text)
    target, _ = _folded(needle)
    at = folded.find(target)
    assert at >= 0, f"gold string not in article {article.id}: {needle!r}"
    return article.span(where[at], where[at + len(target) - 1] + 1)


def _touches(claim: Claim, span: Span) -> bool:
    return any(m.span.overlaps(span) for m in claim.mentions)


def _floors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return data


def _seed_scores(articles: list[Article], gold: dict[str, Any]) -> dict[str, list[str]]:
    claims = align_claims(articles)
    a, b = articles
    found: dict[str, list[str]] = {
        "shared": [],
        "shared_missed": [],
        "unique": [],
        "unique_missed": [],
    }
    for fact in gold["shared_facts"]:
        sa, sb = _gold_span(a, fact["a"]), _gold_span(b, fact["b"])
        hit = any(_touches(c, sa) and _touches(c, sb) for c in claims)
        found["shared" if hit else "shared_missed"].append(fact["id"])
    for key, article in (("a", a), ("b", b)):
        for text in gold["unique_facts"][key]:
            span = _gold_span(article, text)
            hit = any(_touches(c, span) and c.support.articles == 1 for c in claims)
            found["unique" if hit else "unique_missed"].append(text)
    return found


def test_align_seed_gold(seed_articles: list[Article], gold_lashkar_gah: dict[str, Any]) -> None:
    found = _seed_scores(seed_articles, gold_lashkar_gah)
    floors = _floors()["seed"]
    print(
        f"\nseed claims: shared facts {len(found['shared'])}/14 "
        f"(missed: {', '.join(found['shared_missed']) or 'none'}); unique facts "
        f"{len(found['unique'])}/10 (missed: {'; '.join(found['unique_missed']) or 'none'})"
    )
    assert len(found["shared"]) >= floors["shared"]
    assert len(found["unique"]) >= floors["unique"]


def test_align_seed_anchor_is_explained(seed_articles: list[Article]) -> None:
    by_id = {a.id: a for a in seed_articles}
    revenge = next(
        c
        for c in align_claims(seed_articles)
        if c.support.articles == 2 and "revenge killings" in c.text
    )
    for mention in revenge.mentions:
        assert "revenge killings" in by_id[mention.span.article].text_of(mention.span)
        assert mention.why.rule == "anchor"
        assert mention.why.features["anchor"] == "revenge killing"


@pytest.mark.xfail(
    reason="issue 3 targets 12/14 shared, 8/10 unique; reached 11/14, 10/10", strict=True
)
def test_align_seed_floors_meet_the_issue() -> None:
    floors = _floors()["seed"]
    assert floors["shared"] >= 12
    assert floors["unique"] >= 8


def test_align_seed_no_boilerplate_in_claims(
    seed_articles: list[Article], gold_lashkar_gah: dict[str, Any]
) -> None:
    if importlib.util.find_spec("storylens.clean") is None:
        pytest.skip("needs the clean stage: the naive splitter keeps captions as body text")
    nb = gold_lashkar_gah["not_body_text"]
    strings = [*nb["boilerplate"], nb["caption"], *nb["headings"]]
    by_id = {a.id: a for a in seed_articles}
    mentions = [
        _folded(by_id[m.span.article].text_of(m.span))[0]
        for c in align_claims(seed_articles)
        for m in c.mentions
    ]
    for s in strings:
        target = _folded(s)[0]
        assert not any(target in m for m in mentions), s


def test_align_seed_is_fast_when_warm(seed_articles: list[Article]) -> None:
    from storylens import embed

    align_claims(seed_articles)  # load the model
    embed._cache.clear()
    started = time.perf_counter()
    align_claims(seed_articles)
    elapsed = time.perf_counter() - started
    print(f"\nseed alignment, model loaded, no cached embeddings: {elapsed:.2f} s")
    assert elapsed < 2.0  # target 0.5 s on a quiet core; loose here for busy CI machines


# --------------------------------------------------------------------------------------------
# ECB+ dev topics
# --------------------------------------------------------------------------------------------


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "claims_ecbplus", ROOT / "eval" / "claims_ecbplus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_align_paraphrase_dev_floors() -> None:
    ecb = _eval_module()
    scores = ecb.score(ecb.paraphrase_stories(), AlignOptions())
    print(
        f"\nfictional paraphrase set: precision {scores.precision:.3f}, recall "
        f"{scores.recall:.3f} ({scores.correct}/{scores.predicted} predicted, {scores.gold} gold)"
    )
    floors = _floors()["paraphrase"]
    assert scores.precision >= floors["precision"]
    assert scores.recall >= floors["recall"]


def test_align_compound_dev_floors() -> None:
    ecb = _eval_module()
    scores = ecb.score(ecb.paraphrase_stories(ecb.COMPOUND), AlignOptions())
    print(
        f"\nfictional compound-sentence set: precision {scores.precision:.3f}, recall "
        f"{scores.recall:.3f} ({scores.correct}/{scores.predicted} predicted, {scores.gold} gold)"
    )
    floors = _floors()["compound"]
    assert scores.precision >= floors["precision"]
    assert scores.recall >= floors["recall"]


@pytest.mark.slow
def test_align_ecbplus_dev_floors(ecbplus_dir: Path) -> None:
    ecb = _eval_module()
    started = time.perf_counter()
    scores = ecb.score(ecb.load_stories(ecbplus_dir, "dev"), AlignOptions())
    elapsed = time.perf_counter() - started
    print(
        f"\nECB+ dev claim alignment: precision {scores.precision:.3f}, recall "
        f"{scores.recall:.3f}, F1 {scores.f1:.3f} ({scores.correct}/{scores.predicted} "
        f"predicted, {scores.gold} gold pairs, {elapsed:.0f} s)"
    )
    floors = _floors()["ecbplus_dev"]
    assert scores.precision >= floors["precision"]
    assert scores.recall >= floors["recall"]


def test_align_a_sentence_of_two_facts_is_also_counted_for_the_other() -> None:
    two = make_article(
        "t",
        "The storm that flooded the port of Varna Bay on Monday killed 12 people on Tuesday.",
    )
    one = make_article(
        "o",
        "A storm flooded the port of Varna Bay on Monday. "
        "The storm killed 12 people in Varna Bay on Tuesday.",
    )
    claims = align_claims([two, one])
    for claim in claims:
        for also in claim.also:
            assert also.span.article not in {m.span.article for m in claim.mentions}
            assert also.why.rule == "also-states"
            assert also.why.score is not None and also.why.score >= AlignOptions().link
    alone = [c for c in claims if c.support.articles == 1 and c.mentions[0].span.article == "o"]
    assert alone and all(c.also for c in alone)  # the two-fact sentence states it too


def test_align_restating_unit_joins_by_cosine_or_by_a_strong_link() -> None:
    from storylens.analyze._align_match import one_to_one

    # units 0 and 1 in article 0 both go best with unit 2 of article 1; 0-2 wins the match.
    # Unit 1 restates unit 0 at cosine 0.66: below ``restated`` (0.7), so it joins 0-2 only
    # when it links with unit 2 at ``restated_link`` (0.45) or more.
    def matched(link_1_2: float) -> list[tuple[int, int]]:
        prob = np.array(
            [[1, 0, 0.9, 0], [0, 1, link_1_2, 0], [0.9, link_1_2, 1, 0], [0, 0, 0, 1]],
            np.float32,
        )
        cosine = np.eye(4, dtype=np.float32)
        cosine[0, 1] = cosine[1, 0] = 0.66
        return one_to_one(prob, cosine, [0, 0, 1, 1], AlignOptions())

    assert matched(0.5) == [(0, 2), (0, 1)]
    assert matched(0.4) == [(0, 2)]


def test_align_marks_a_name_and_its_description() -> None:
    # the digest must not cite "Mara Quist, the chief executive of Corvan Pharma" for a
    # statement: its mention says it is a description
    a = make_article(
        "a", "Mara Quist, the chief executive of Corvan Pharma, said the plant would close."
    )
    b = make_article(
        "b", "Mara Quist, the chief executive of Corvan Pharma, told staff it would shut."
    )
    found = {
        (m.span.article, a.text_of(m.span) if m.span.article == "a" else b.text_of(m.span)): m
        for c in align_claims([a, b])
        for m in c.mentions
    }
    described = {k for k, m in found.items() if m.why.features.get("unit") == "description"}
    assert described == {
        ("a", "Mara Quist, the chief executive of Corvan Pharma"),
        ("b", "Mara Quist, the chief executive of Corvan Pharma"),
    }
