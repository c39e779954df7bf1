"""Tests of storylens.analyze.sources: who each outlet cites, of what kind, how often."""

from __future__ import annotations

import re
from typing import Any

from storylens.analyze.sources import cited_sources, unattributed_sentences, unattributed_share
from storylens.model import Article, Paragraph, SourceCitation, content_hash


def _article(text: str, article_id: str = "a", outlet: str | None = None) -> Article:
    paragraphs, pos = [], 0
    for block in text.split("\n\n"):
        sentences = tuple((m.start() + pos, m.end() + pos) for m in re.finditer(r"[^.]+\.", block))
        paragraphs.append(Paragraph(pos, pos + len(block), sentences=sentences))
        pos += len(block) + 2
    return Article(article_id, text, tuple(paragraphs), content_hash(text), outlet=outlet)


def _cited(citations: tuple[SourceCitation, ...]) -> dict[str, tuple[str, int]]:
    return {c.source: (c.kind, len(c.mentions)) for c in citations}


def test_sources_cue_verbs_and_according_to() -> None:
    article = _article(
        "The Red Cross said roads were closed. According to Amnesty International, dozens were"
        " held. Officials told reporters the curfew stays.",
        outlet="Daily Example",
    )
    found = cited_sources([article])
    assert _cited(found) == {
        "International Committee of the Red Cross": ("international-org", 1),
        "Amnesty International": ("ngo", 1),
        "officials": ("government", 1),
    }
    assert {c.outlet for c in found} == {"Daily Example"}


def test_sources_pronouns_and_nominals_point_back() -> None:
    article = _article(
        "Colonel Ida Brenner said the bridge held. She added that help was near.\n\n"
        "One resident told the Gazette that water was short. Another said food was gone."
    )
    found = _cited(cited_sources([article]))
    assert found["Ida Brenner"] == ("military", 2)
    assert found["residents"] == ("resident/witness", 2)
    assert "Gazette" not in found  # whom a verb is told to is an audience


def test_sources_mentions_are_spans_of_the_source_words() -> None:
    article = _article("Doctors say the clinic is full.")
    (citation,) = cited_sources([article])
    span = citation.mentions[0]
    assert article.text_of(span) == "Doctors"
    assert citation.kind == "expert/doctor"


def test_sources_unattributed_sentences() -> None:
    article = _article('The river rose. Officials said it would fall.\n\n"We are ready."')
    (spans,) = unattributed_sentences([article]).values()
    assert [article.text_of(s) for s in spans] == ["The river rose."]
    assert unattributed_share([article]) == {"a": 1 / 3}


def _names(citations: tuple[SourceCitation, ...], article: str) -> dict[str, str]:
    return {c.source: c.kind for c in citations if c.article == article}


def test_sources_gold_on_seeds(seed_articles: list[Any]) -> None:
    trt, bbc = seed_articles
    found = cited_sources(seed_articles)
    for c in found:
        who = "TRT" if c.article == trt.id else "BBC"
        print(f"{who} {c.kind:18} {len(c.mentions)}x {c.source}")
    share = unattributed_share(seed_articles, citations=found)
    print(f"unattributed share: TRT {share[trt.id]:.2f}, BBC {share[bbc.id]:.2f}")
    unama = "United Nations Assistance Mission in Afghanistan"
    a, b = _names(found, trt.id), _names(found, bbc.id)
    expected_a = [
        "United Nations",
        unama,
        "officials",
        "Save the Children",
        "media",
        "US Embassy in Kabul",
        "Sami Sadat",
        "Independent Human Rights Commission",
    ]
    expected_b = [
        "United Nations",
        unama,
        "Sami Sadat",
        "residents",
        "doctors",
        "Ashraf Ghani",
        "Antony Blinken",
    ]
    assert [s for s in expected_a if s not in a] == []
    assert [s for s in expected_b if s not in b] == []
    assert a["United Nations"] == b[unama] == "un"
    assert a["Sami Sadat"] == "military"
    assert b["residents"] == "resident/witness"
    assert b["doctors"] == "expert/doctor"
    assert "BBC" not in b
    assert 0.0 < share[trt.id] < 0.6
    assert 0.0 < share[bbc.id] < 0.6
