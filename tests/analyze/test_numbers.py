"""Tests for storylens.analyze.numbers: fictional snippets, then the gold seed pair."""

from __future__ import annotations

import json
import math
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storylens.analyze._context import place_evidence
from storylens.analyze.conflicts import find_conflicts
from storylens.analyze.numbers import event_group, find_numbers
from storylens.model import Article, Bound, NumberMention, Paragraph, ParagraphKind, content_hash

FLOORS = Path(__file__).resolve().parents[2] / "eval" / "numbers_floors.json"

# The key words of a gold "what", with their synonyms: a found "what" matches when it holds one.
_WHAT_KEYS = {
    "killed": {"killed", "dead", "died", "deaths", "death"},
    "wounded": {"wounded", "injured", "hurt", "injuries"},
    "displaced": {"displaced", "fled", "homeless"},
    "population": {"population", "inhabitants", "residents"},
    "years": {"years", "year"},
}


def make_article(*paragraphs: str | tuple[str, ParagraphKind]) -> Article:
    """An article from paragraphs (text, or (text, kind)), each paragraph one sentence."""
    texts = [p if isinstance(p, str) else p[0] for p in paragraphs]
    kinds = [ParagraphKind.BODY if isinstance(p, str) else p[1] for p in paragraphs]
    text = "\n\n".join(texts)
    pars, pos = [], 0
    for body, kind in zip(texts, kinds, strict=True):
        sentences = ((pos, pos + len(body)),) if kind is ParagraphKind.BODY else ()
        pars.append(Paragraph(pos, pos + len(body), kind, sentences))
        pos += len(body) + 2
    return Article(
        id=content_hash(text), text=text, paragraphs=tuple(pars), content_hash=content_hash(text)
    )


def numbers_of(*paragraphs: str | tuple[str, ParagraphKind]) -> list[tuple[str, NumberMention]]:
    """(covered text, mention) for every number found in a fictional article."""
    article = make_article(*paragraphs)
    return [(article.text_of(m.span), m) for m in find_numbers(article)]


def only(*paragraphs: str) -> NumberMention:
    """The single mention a snippet must give."""
    found = numbers_of(*paragraphs)
    assert len(found) == 1, found
    return found[0][1]


@pytest.mark.parametrize(
    ("snippet", "text", "value", "bound", "low", "high"),
    [
        ("At least 12 miners were killed.", "At least 12", 12, Bound.AT_LEAST, 12, math.inf),
        ("More than 100 were wounded.", "More than 100", 100, Bound.MORE_THAN, 101, math.inf),
        ("Around 80,000 sheep were moved.", "Around 80,000", 80_000, Bound.AROUND, 72_000, 88_000),
        ("Nearly 50 boats sank.", "Nearly 50", 50, Bound.AROUND, 45, 50.5),  # rounding
        ("Up to 30 boats sank.", "Up to 30", 30, Bound.AT_MOST, 0, 30),
        ("Fewer than 20 sailors swam.", "Fewer than 20", 20, Bound.LESS_THAN, 0, 19),
        ("A dozen trucks were seized.", "A dozen", 12, Bound.EXACT, 12, 12),
        ("Police arrested 42 protesters.", "42", 42, Bound.EXACT, 42, 42),
        ("The storm destroyed five barns.", "five", 5, Bound.EXACT, 5, 5),
        (
            "Two hundred and fifty people signed.",
            "Two hundred and fifty",
            250,
            Bound.EXACT,
            250,
            250,
        ),
        (
            "Some 1.5 million viewers watched.",
            "Some 1.5 million",
            1.5e6,
            Bound.AROUND,
            1.35e6,
            1.65e6,
        ),
        ("More than a dozen shops closed.", "More than a dozen", 12, Bound.MORE_THAN, 13, math.inf),
    ],
)
def test_numbers_value_and_bound(
    snippet: str, text: str, value: float, bound: Bound, low: float, high: float
) -> None:
    ((covered, mention),) = numbers_of(snippet)
    assert covered == text
    assert (mention.value, mention.bound) == (value, bound)
    assert mention.low == pytest.approx(low)
    assert mention.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("snippet", "word", "low", "high"),
    [
        ("Dozens of villagers have been injured.", "dozens", 24, 99),
        ("Hundreds of homes were destroyed.", "hundreds", 200, 999),
        ("Thousands fled the valley.", "thousands", 2_000, 999_999),
        ("Tens of thousands of people were displaced.", "tens of thousands", 20_000, 99_000),
    ],
)
def test_numbers_vague_amounts(snippet: str, word: str, low: float, high: float) -> None:
    mention = only(snippet)
    assert mention.bound is Bound.VAGUE
    assert (mention.low, mention.high) == (low, high)
    assert mention.why.features["vague_word"] == word


def test_numbers_range_between() -> None:
    mention = only("Between 30 and 40 cows drowned in the flood.")
    assert (mention.low, mention.high, mention.bound) == (30, 40, Bound.VAGUE)


@pytest.mark.parametrize(
    ("snippet", "text", "value", "unit"),
    [
        ("The carmaker will spend $1.1 billion on a plant.", "$1.1 billion", 1.1e9, "$"),
        ("The brewery was sold for £85m last year.", "£85m", 85e6, "£"),
        ("The closure will cost more than €420 million.", "more than €420 million", 420e6, "€"),
        ("A bond of $2.5bn was issued.", "$2.5bn", 2.5e9, "$"),
        ("He took 2.4m euros in bribes.", "2.4m euros", 2.4e6, "€"),
        ("He took EUR 2.4 million in bribes.", "EUR 2.4 million", 2.4e6, "€"),
        ("He accepted 2.4 million euros.", "2.4 million euros", 2.4e6, "€"),
        ("The firm was fined €48million on Friday.", "€48million", 48e6, "€"),  # trial 31
    ],
)
def test_numbers_money_keeps_its_currency_and_suffix(
    snippet: str, text: str, value: float, unit: str
) -> None:
    ((covered, mention),) = numbers_of(snippet)
    assert covered == text
    assert mention.value == pytest.approx(value)
    assert mention.why.features["unit"] == unit


@pytest.mark.parametrize(
    ("snippet", "text", "what"),
    [
        ("The hackers demanded $1.5m to unlock the files.", "$1.5m", "demanded"),
        ("The repairs will cost £85m.", "£85m", "cost"),
    ],
)
def test_numbers_a_sum_is_counted_by_the_verb_it_is_the_object_of(
    snippet: str, text: str, what: str
) -> None:
    ((covered, mention),) = numbers_of(snippet)
    assert (covered, mention.what, mention.why.rule) == (text, what, "money-verb")


def test_numbers_a_metre_suffix_without_currency_is_not_money() -> None:
    ((covered, mention),) = numbers_of("She won the 100m sprint in Velmark.")
    assert (covered, mention.value) == ("100", 100)


def test_numbers_percentages_are_quantities() -> None:
    mention = only("Turnout was 12% this time.")
    assert (mention.value, mention.why.features["unit"]) == (12, "percent")


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("At least 12 miners were killed on Monday.", "miners killed"),
        ("Dozens of villagers have been injured.", "villagers injured"),
        ("Officials say 15 were wounded and 7 dead.", "wounded"),
        ("The blast left at least 9 people dead.", "people killed"),
        ("The flood has displaced around 8,000 children.", "children displaced"),
        ("Rebels seized more than a dozen radio and TV stations.", "radio and TV stations seized"),
        ("He spoke to a town of 30,000 by radio.", "population of the town"),
        (
            "They left after 12 years of peacekeeping operations.",
            "years of peacekeeping operations",
        ),
        ("The death toll rose to 45 on Sunday.", "death toll"),
    ],
)
def test_numbers_what_is_counted(snippet: str, what: str) -> None:
    found = numbers_of(snippet)
    assert found[0][1].what == what, found


def test_numbers_what_keeps_elliptical_participle() -> None:
    found = numbers_of("Five villagers were killed and 42 wounded.")
    assert [m.what for _, m in found] == ["villagers killed", "villagers wounded"]
    assert [m.why.features["event"] for _, m in found] == ["killed", "wounded"]


def test_numbers_where_when_and_source_in_sentence() -> None:
    mention = only("At least 12 miners were killed in Dunmore on Monday, police said.")
    assert (mention.where, mention.when, mention.attributed_to) == (
        "Dunmore",
        "on Monday",
        "police",
    )
    assert mention.why.features["where_from"] == "sentence"


def test_numbers_period_preferred_over_day_of_report() -> None:
    mention = only(
        "The storm has displaced around 900 families since March, the agency said on Tuesday."
    )
    assert mention.when == "since March"
    assert mention.attributed_to == "agency"


def test_numbers_according_to_and_possessive_source() -> None:
    first = only("Dozens of people have been injured, according to the Red Crescent.")
    assert first.attributed_to == "Red Crescent"
    second = only("Valdoria's Independent Election Commission said 40 ballots were lost.")
    assert second.attributed_to == "Independent Election Commission"
    assert second.where is None  # the possessor of the source is not where it happened


def test_numbers_place_after_in_even_when_spacy_doubts() -> None:
    mention = only(
        "Fighting went on for Zarin Kot all week.",
        "At least 30 people were killed in Zarin Kot, officials said.",
    )
    assert mention.where == "Zarin Kot"


@pytest.mark.parametrize(
    ("snippet", "where"),
    [
        ("At least a dozen tanks took up positions around Velmar Palace.", "Velmar Palace"),
        (
            "Witnesses report three tanks outside the ONB building on Kastel Avenue.",
            "Kastel Avenue",
        ),
    ],
)
def test_numbers_a_site_a_preposition_of_place_leads_to_is_where(snippet: str, where: str) -> None:
    assert only(snippet).where == where


def test_numbers_a_site_of_an_earlier_sentence_is_no_scene() -> None:
    mention = only(
        "The old record was set at the Kettleby Marathon in 2023.",
        "It was a cool morning, with the temperature at the start 9 degrees Celsius.",
    )
    assert mention.where is None


def test_numbers_place_from_the_paragraph_before_is_marked() -> None:
    mention = only(
        "Rockets fell on the town of Harlow Bay overnight.",
        "Officials say five people were killed over the past two days.",
    )
    assert (mention.where, mention.why.features["where_from"]) == ("Harlow Bay", "context")
    assert mention.when == "over the past two days"


def test_numbers_no_place_is_assumed() -> None:
    mention = only("The weather was calm.", "Officials say five people were killed.")
    assert mention.where is None
    assert "where_from" not in mention.why.features


def test_numbers_national_scope_is_noted() -> None:
    mention = only("Fighting across the country has displaced 9,000 children.")
    assert mention.why.features["scope"] == "national"


@pytest.mark.parametrize(
    "snippet",
    [
        "The dam was built in 1998 and has been closed since 2016.",
        "It was the third attack on the first day.",
        "Soldiers of the 82 Airborne Division drove along Route 66.",
        "Many fell ill during the Covid-19 pandemic.",
        "Fighting raged in the last 24 hours.",
        "By 5 June a 5-year-old boy was aged 5 in the photo.",
        "The meeting ran until 10:30 and one resident said it was long.",  # a span's end
        "The minister said at 3pm that she would resign.",  # a statement's time
        "The InterCity 214 service left the rails near Velsk.",  # user trial 36
        "They rang me at seven in the morning to cancel it.",  # user trial 39
        '"I woke up at three and could not breathe," she said.',  # user trial 86
    ],
)
def test_numbers_not_quantities(snippet: str) -> None:
    assert numbers_of(snippet) == []


@pytest.mark.parametrize(
    ("snippet", "words", "what", "low", "high"),
    [
        # user trials 149, 154, 156: outlets gave different times for one event
        ("The meeting began at 10:30 and ran late.", "10:30", "time of meet", 627.5, 632.5),
        (
            "Tobin Mercer was shot at 11.40pm on Thursday.",
            "11.40pm",
            "time of shoot",
            1417.5,
            1422.5,
        ),
        (
            "The shooting happened at around 10.50pm.",
            "around 10.50pm",
            "time of shoot",
            1357.5,
            1382.5,
        ),
        (
            "The first strike hit the market shortly after 10:30 a.m.",
            "shortly after 10:30 a.m.",
            "time of strike",
            630,
            660,
        ),
        ("The final whistle blew at 4:52pm.", "4:52pm", "time of whistle blow", 1011.5, 1012.5),
        ("The blast at 2 a.m. woke the town.", "2 a.m.", "time of blast", 105, 135),
        ("The plane landed at 15:40 local time.", "15:40", "time of plane land", 937.5, 942.5),
    ],
)
def test_numbers_a_clock_time_dates_its_event(
    snippet: str, words: str, what: str, low: float, high: float
) -> None:
    ((text, mention),) = numbers_of(snippet)
    assert (text, mention.what, mention.low, mention.high) == (words, what, low, high)
    assert (mention.why.rule, mention.why.features["unit"]) == ("clock", "clock")


def test_numbers_a_clock_time_is_dated_by_its_day_not_another_time() -> None:
    found = numbers_of("Police arrived at 2am on Sunday and the fire burned until 6am.")
    assert [(text, m.when) for text, m in found] == [("2am", "on Sunday")]


@pytest.mark.parametrize(
    ("snippet", "words", "what", "value", "bound"),
    [
        # user trials 161 and 164: outlets gave one planned strike or vote two days
        (
            "Teachers will walk out again on 14 March.",
            "14 March",
            "date of strike",
            73,
            "exact",
        ),
        (
            "A second strike has been called for March 16th.",
            "March 16th",
            "date of strike",
            75,
            "exact",
        ),
        ("The vote is set for 3 April 2026.", "3 April 2026", "date of vote", 93, "exact"),
        (
            "The strike on the 14th of March shut 40 schools.",
            "14th of March",
            "date of strike",
            73,
            "exact",
        ),
        ("The plant closed around 2 June.", "around 2 June", "date of plant close", 153, "around"),
    ],
)
def test_numbers_a_date_dates_its_event(
    snippet: str, words: str, what: str, value: float, bound: str
) -> None:
    (text, mention), *_ = numbers_of(snippet)
    assert (text, mention.what, mention.value, mention.bound.value) == (words, what, value, bound)
    assert (mention.why.rule, mention.why.features["unit"], mention.when) == ("date", "date", None)


@pytest.mark.parametrize(
    "snippet",
    [
        "Ballots must be returned by 20 April.",
        "Talks will run from 14 March to 16 March.",
        "Talks will run between 14 and 16 March.",
        "Walkouts are planned on 18, 19 or 21 March.",
        "The film may 14 times have been shown.",
    ],
)
def test_numbers_a_deadline_span_or_list_of_days_is_no_date(snippet: str) -> None:
    assert [m.why.rule for _, m in numbers_of(snippet) if m.why.rule == "date"] == []


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        # user trials 148, 151, 156: outlets gave one person two ages
        ("Tobin Mercer, 19, was shot by police on Thursday.", "age of Tobin Mercer"),
        ("The family said Mercer, aged 21, was unarmed.", "age of Mercer"),
        ("The 19-year-old student Tobin Mercer died in hospital.", "age of Tobin Mercer"),
        ("Dr Ana Voss, 52, runs the clinic.", "age of Ana Voss"),
    ],
)
def test_numbers_a_named_persons_age_is_a_figure(snippet: str, what: str) -> None:
    mention = only(snippet)
    assert (mention.what, mention.why.rule, mention.where, mention.when) == (
        what,
        "age",
        None,
        None,
    )


def test_numbers_an_unnamed_persons_age_is_no_figure() -> None:
    assert numbers_of("A man, 45, was arrested. His mother, 45, and father, 47, wept.") == []


def test_numbers_minus_is_below_zero() -> None:
    # user trials 155 and 157: "minus 12" was read as 12 degrees
    found = numbers_of("It was minus 12 degrees on the ridge, about minus 3 in the village.")
    assert [(t, m.value, m.low, m.high) for t, m in found] == [
        ("minus 12", -12, -12, -12),
        ("about minus 3", -3, pytest.approx(-3.3), pytest.approx(-2.7)),  # low below high
    ]


def test_numbers_skips_headings_and_captions() -> None:
    found = numbers_of(
        ("40 dead in flood", ParagraphKind.HEADING),
        ("Photo: 3 boats on the shore", ParagraphKind.CAPTION),
        "Officials said 12 people were missing.",
    )
    assert [text for text, _ in found] == ["12"]


def test_numbers_every_mention_says_why() -> None:
    for _, mention in numbers_of("At least 12 miners were killed.", "Thousands fled."):
        assert mention.why.rule in {
            "nummod",
            "number-subject",
            "of-phrase",
            "population",
            "next-word",
            "total",
            "none",
        }


def test_numbers_accepts_a_parsed_doc() -> None:
    from storylens.nlp import load_spacy

    article = make_article(
        "Rockets fell on the town of Harlow Bay.",
        "Officials say five people were killed and 11 wounded.",
    )
    parsed = find_numbers(article, doc=load_spacy()(article.text))
    assert parsed == find_numbers(article)


def test_numbers_rejects_a_doc_of_another_text() -> None:
    from storylens.nlp import load_spacy

    article = make_article("Five people were killed.")
    with pytest.raises(ValueError) as info:
        find_numbers(article, doc=load_spacy()("Something else."))
    assert str(info.value) == (
        f"the spaCy doc given for article {article.id} is not a parse of its text: pass "
        "nlp(article.text) or no doc"
    )


def test_numbers_headline_before_a_shared_doc_does_not_break_the_parse() -> None:
    from storylens.nlp import parse

    head = "Barn fire near Pellow, seven dead"
    body = (
        "Seven people died when a barn burned near Pellow on Thursday evening, "
        "the county police said."
    )
    text = f"{head}\n{body}"
    start = len(head) + 1
    article = Article(
        id=content_hash(text),
        text=text,
        paragraphs=(
            Paragraph(0, len(head), ParagraphKind.HEADING, ()),
            Paragraph(start, len(text), ParagraphKind.BODY, ((start, len(text)),)),
        ),
        content_hash=content_hash(text),
    )
    [mention] = find_numbers(article, doc=parse([article])[article.id])
    assert (mention.what, mention.attributed_to) == ("people died", "county police")
    assert mention.why.rule == "nummod"


def test_numbers_passive_speech_verb_subject_is_not_the_source() -> None:
    mention = only("Six people have been confirmed dead after the barge sank, police said.")
    assert (mention.what, mention.attributed_to) == ("people killed", "police")


@pytest.mark.parametrize(
    "snippet",
    [
        "Survivor Tomas Reyl, 41, said the water was cold.",
        '"It was dark," said Ana Brask, 67.',
    ],
)
def test_numbers_age_after_a_name_is_not_a_quantity(snippet: str) -> None:
    assert [m.why.rule for _, m in numbers_of(snippet)] == ["age"]  # the person's age only


@pytest.mark.parametrize(
    ("snippet", "what", "event"),
    [
        ("The barge was carrying 60 passengers when it sank.", "passengers", "on board"),
        ("The barge sank about three kilometres from the shore.", "kilometres", None),
        ("Nine remain unaccounted for.", "unaccounted for", "missing"),
        ("Rescuers saved 31 people.", "people saved", "save"),
    ],
)
def test_numbers_what_glues_only_a_verb_that_says_what_happened(
    snippet: str, what: str, event: str | None
) -> None:
    mention = only(snippet)
    assert (mention.what, mention.why.features.get("event")) == (what, event)


def test_numbers_a_counted_stretch_of_time_has_no_when() -> None:
    mention = only(
        "Rebels have gained ground in recent weeks after 12 years of peacekeeping operations."
    )
    assert (mention.what, mention.when) == ("years of peacekeeping operations", None)


def test_numbers_event_groups() -> None:
    assert event_group("injured") == event_group("hurt") == "wounded"
    assert event_group("dead") == event_group("died") == "killed"
    assert event_group("chanted") is None


# ------------------------------------------------ who, what, where and when (user trial)
# One test per general cause: place evidence that is only a function word, a numeral taken for
# the speaker, pronouns and elided nouns, national scope, increments, batches, rates and the
# clause a time phrase belongs to.


def test_numbers_place_evidence_drops_a_bare_article() -> None:
    assert place_evidence("The town of Orsk was quiet.") == {"Orsk"}


def test_numbers_numeral_subject_is_not_the_speaker_and_pronoun_takes_its_noun() -> None:
    found = numbers_of(
        "The roofs were damaged.", "Nine houses burned, two of them completely, the brigade said."
    )
    (_, nine), (_, two) = found
    assert (nine.where, nine.attributed_to, two.attributed_to) == (None, "brigade", "brigade")
    assert (two.what, two.why.rule, two.why.features["scope"]) == (
        "houses burned",
        "partitive",
        "part",
    )


def test_numbers_national_phrase_is_the_place_of_its_own_number() -> None:
    found = numbers_of("Officials detained 64 people nationwide, 20 of them in Brevik.")
    (_, total), (_, part) = found
    assert (total.where, total.why.features["scope"]) == ("nationwide", "national")
    assert total.why.features["where_from"] == "scope"
    assert (part.where, part.what) == ("Brevik", "people detained")


def test_numbers_second_side_of_a_vote_is_counted() -> None:
    found = numbers_of("The motion carried by 74 votes to 51.")
    assert [m.what for _, m in found] == ["votes", "votes against"]


def test_numbers_percentage_says_what_changed() -> None:
    mention = only("Bread prices have climbed 9 percent since May.")
    assert (mention.what or "").lower() == "bread prices climb"
    assert (mention.why.rule, mention.when) == ("change", "since May")


def test_numbers_increments_and_batches_are_marked() -> None:
    more = only("Guards said 12 more prisoners were moved on Friday.")
    another = only("Another 8 boats sank.")
    first = only("The first 300 tents arrived in May.")
    assert (more.why.features["increment"], another.why.features["increment"]) == (
        "more",
        "another",
    )
    assert first.why.features["scope"] == "part"
    assert "increment" not in first.why.features


def test_numbers_possessive_inside_a_name_is_kept() -> None:
    mention = only("The Growers' Association said 40 farms flooded.")
    assert mention.attributed_to == "Growers' Association"


def test_numbers_rate_is_the_when_and_time_comes_from_the_own_clause() -> None:
    rate = only("The dam will cost 90 million crowns a year.")
    drowned = only("The valley was calm on Friday after three hikers drowned on Thursday.")
    assert (rate.when, drowned.when) == ("a year", "on Thursday")


# ------------------------------------------------------------------------- gold seeds


def _gold_span(article: Article, text: str) -> tuple[int, int]:
    start = article.text.find(text)
    assert start >= 0, f"gold text {text!r} is not in the article"
    return start, start + len(text)


def _what_key(gold_what: str) -> str:
    """The content word of a gold "what": its event, else its first key noun."""
    words = gold_what.lower().split()
    for key, synonyms in _WHAT_KEYS.items():
        if synonyms & set(words):
            return key
    return words[0]


def _what_matches(gold_what: str, found_what: str | None) -> bool:
    key = _what_key(gold_what)
    words = set((found_what or "").lower().split())
    return bool(words & _WHAT_KEYS.get(key, {key}))


def _value_matches(gold: dict[str, Any], article: Article, mention: NumberMention) -> bool:
    if isinstance(gold["value"], str):
        return gold["value"] in article.text_of(mention.span).lower()
    return bool(mention.value == gold["value"])


def _gold_hit(gold: dict[str, Any], article: Article, found: tuple[NumberMention, ...]) -> bool:
    start, end = _gold_span(article, gold["text"])
    return any(
        m.span.start < end
        and start < m.span.end
        and _value_matches(gold, article, m)
        and _what_matches(gold["what"], m.what)
        for m in found
    )


def score_numbers(articles: list[Article], gold: dict[str, Any]) -> dict[str, int]:
    """Gold numbers found, and not-quantities reported, on the seed pair."""
    found = {key: find_numbers(article) for key, article in zip("ab", articles, strict=True)}
    numbers = gold["numbers"]
    hits = sum(
        _gold_hit(g, articles["ab".index(key)], found[key]) for key in "ab" for g in numbers[key]
    )
    reported = 0
    for text in numbers["not_quantities"]:
        for key, article in zip("ab", articles, strict=True):
            if text in article.text:
                start, end = _gold_span(article, text)
                reported += any(m.span.start < end and start < m.span.end for m in found[key])
    return {
        "found": hits,
        "total": len(numbers["a"]) + len(numbers["b"]),
        "not_quantities_reported": reported,
    }


def test_numbers_gold_seed_pair(
    seed_articles: list[Article], gold_lashkar_gah: dict[str, Any]
) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    score = score_numbers(seed_articles, gold_lashkar_gah)
    print(
        f"numbers gold: {score['found']}/{score['total']} found, "
        f"{score['not_quantities_reported']} not-quantities reported"
    )
    assert score["found"] >= max(floors["gold_numbers_found"], 8)
    assert score["not_quantities_reported"] <= floors["not_quantities_reported_max"]


def test_numbers_floors_never_below_the_issue() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert floors["gold_numbers_found"] >= 8
    assert floors["gold_conflicts_found"] >= 1
    assert floors["not_quantities_reported_max"] == 0
    assert floors["not_conflicts_flagged_max"] == 0


def test_numbers_seed_pair_speed(seed_articles: list[Article]) -> None:
    """Warm, the seed pair costs less than one full spaCy parse of both texts (~0.3 s quiet).

    Measured relative to that parse so a busy machine does not fail the test; the absolute
    time is printed.
    """
    from storylens.nlp import load_spacy

    nlp = load_spacy()
    find_numbers(seed_articles[0])  # warm up
    ours = min(
        _timed(
            lambda: find_conflicts(
                [m for a in seed_articles for m in find_numbers(a)], seed_articles
            )
        )
        for _ in range(3)
    )
    parse = min(_timed(lambda: [nlp(a.text) for a in seed_articles]) for _ in range(3))
    print(f"numbers+conflicts on the seed pair: {ours:.3f} s (full parse {parse:.3f} s)")
    assert ours < parse


def _timed(work: Any) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


# ------------------------------------------------ penalties, copulas, partial counts (user trial)


@pytest.mark.parametrize(
    ("snippet", "value", "what", "who"),
    [
        (
            "Ivo Brenk was sentenced to six years in prison on Monday.",
            6,
            "years in prison",
            "brenk",
        ),
        ("A court jailed Ivo Brenk for three years.", 3, "years sentence", "brenk"),
        ("Prosecutors had asked for 10 years.", 10, "years sentence sought", None),
        ("He now faces 20 years.", 20, "years sentence faced", None),
        ("Brenk also received a five-year ban from driving.", 5, "years ban", "brenk"),
        ("Brenk was barred from holding office for eight years.", 8, "years ban", "brenk"),
    ],
)
def test_numbers_a_penalty_in_time_is_a_quantity(
    snippet: str, value: float, what: str, who: str | None
) -> None:
    mention = only(snippet)
    assert (mention.value, mention.what, mention.when) == (value, what, None)
    assert mention.why.features.get("who") == who


def test_numbers_a_stretch_of_time_not_given_as_a_penalty_is_how_long_a_state_held() -> None:
    mention = only("The council had been in power for 12 years.")
    assert (mention.what, mention.why.rule) == ("duration of council", "duration")


@pytest.mark.parametrize(
    ("snippet", "value", "what"),
    [
        # user trials 76 and 77: how long a state held was dropped as a *when*
        (
            "The leak went undetected for 47 days, the regulator said.",
            47,
            "duration of leak undetected",
        ),
        ("Nine divers were trapped for three days.", 3, "duration of divers trapped"),
        ("The bakery has traded in Ostwick for 40 years.", 40, "duration of bakery traded"),
        ("The pilot had rested for 10 hours before take-off.", 10, "duration of pilot rested"),
    ],
)
def test_numbers_a_for_stretch_on_a_state_is_a_duration(
    snippet: str, value: float, what: str
) -> None:
    found = [m for _, m in numbers_of(snippet) if m.why.rule == "duration"]
    assert [(m.value, m.what) for m in found] == [(value, what)]


def test_numbers_a_stretch_looked_back_on_is_still_a_when() -> None:
    assert numbers_of("Snow has fallen across Ostwick for the past three days.") == []


def test_numbers_two_rests_of_one_driver_differ_from_his_hours_at_the_wheel() -> None:
    a = make_article("The operator said the driver had rested for 10 hours before the trip.")
    b = make_article("The driver had been driving for 13 hours, police said.")
    found = [*find_numbers(a), *find_numbers(b)]
    assert {m.what for m in found} == {"duration of driver rested", "duration of driver driving"}
    assert find_conflicts(found, [a, b])[0] == ()


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("The magnitude was 5.9, the agency said.", "magnitude"),
        ("The tremor had a magnitude of 5.9.", "magnitude"),
        ("A magnitude 5.9 tremor shook Dunmore.", "magnitude"),
        ("Turnout was 55.1 percent.", "turnout"),  # a word opening a sentence, not a name
    ],
)
def test_numbers_a_measure_named_before_or_as_the_subject_is_what(snippet: str, what: str) -> None:
    assert only(snippet).what == what


def test_numbers_a_count_still_under_way_is_partial_and_no_source() -> None:
    found = numbers_of(
        "The Greens had 30.5 percent of the vote with 80 percent of ballots counted."
    )
    assert [(m.attributed_to, m.why.features.get("scope")) for _, m in found] == [
        (None, "partial"),
        (None, "partial"),
    ]


def test_numbers_the_whole_of_n_of_m_is_a_total_not_the_count() -> None:
    found = numbers_of("The Greens won 40 of the 120 seats.")
    assert [(m.value, m.what) for _, m in found] == [(40.0, "seats"), (120.0, "total seats")]


def test_numbers_an_age_after_a_singular_noun_is_not_a_quantity() -> None:
    assert numbers_of("The retired driver, 58, said nothing.") == []


# ------------------------------------------ time limits, ages after any name, noun lemmas


@pytest.mark.parametrize(
    ("snippet", "text", "value", "what"),
    [
        ("The firm must repay the loan within 30 days.", "within 30", 30, "days"),
        ("Judges promised a ruling within two weeks.", "within two", 2, "weeks"),
        ("Crews hope to reopen the pass in the next 48 hours.", "in the next 48", 48, "hours"),
        ("Tenants may stay for up to 90 days.", "up to 90", 90, "days"),
    ],
)
def test_numbers_a_time_limit_is_an_at_most_quantity(
    snippet: str, text: str, value: float, what: str
) -> None:
    ((covered, mention),) = numbers_of(snippet)
    assert (covered, mention.value, mention.bound) == (text, value, Bound.AT_MOST)
    assert (mention.low, mention.high, mention.what, mention.when) == (0, value, what, None)
    assert mention.why.rule == "time-limit"


def test_numbers_a_time_limit_is_also_the_when_of_the_count_it_bounds() -> None:
    found = numbers_of("The depot shipped 400 crates within 30 days.")
    assert [(text, m.what, m.when) for text, m in found] == [
        ("400", "crates shipped", "within 30 days"),
        ("within 30", "days", None),
    ]


@pytest.mark.parametrize(
    "snippet",
    [
        "Vera Feld, 58, said the ferry left late.",  # the name is tagged GPE
        "Hanna Pellow, 47, told reporters she swam to shore.",  # tagged ORG
        "Ilse Hamar, 61, a retired nurse, was rescued.",  # the surname is a town's name
        '"It was dark," said Vera Valdor, 70.',
    ],
)
def test_numbers_age_after_a_name_of_any_label_is_not_a_quantity(snippet: str) -> None:
    assert [m.why.rule for _, m in numbers_of(snippet)] == ["age"]  # the person's age only


@pytest.mark.parametrize(
    "snippet",
    [
        "Deaths were highest in Harlow, 75, and Dunmore, 40.",  # Dunmore is tagged PERSON
        "Paris, 75, and Lyon, 40, reported the most cases.",
    ],
)
def test_numbers_a_number_after_a_place_between_commas_is_kept(snippet: str) -> None:
    assert [text for text, _ in numbers_of(snippet)] == ["75", "40"]


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("The final tally, 45, was higher than expected.", "final tally"),
        ("The fare, 45, was lower than last year.", "fare"),
    ],
)
def test_numbers_a_number_set_off_after_an_amount_is_its_value_not_an_age(
    snippet: str, what: str
) -> None:
    mention = only(snippet)
    assert (mention.value, mention.what) == (45, what)


def test_numbers_counted_noun_lemma_keeps_the_e_of_a_plural_in_es() -> None:
    mention = only("Nurses gave 400 doses on Monday.")
    assert mention.why.features["subject"] == "dose"


@pytest.mark.parametrize(
    ("snippet", "word", "lemma"),
    [
        ("Nurses gave 400 doses.", "doses", "dose"),
        ("The 12 buses left.", "buses", "bus"),
        ("The 12 people left.", "people", "people"),
        ("The 12 children left.", "children", "child"),
        ("There were 12 deaths.", "deaths", "death"),
        ("There were 12 injuries.", "injuries", "injury"),
        ("The 12 wounded left.", "wounded", "wound"),  # spaCy's: in the "wounded" group
        ("The 12 police left.", "police", "police"),
        ("The 12 houses burned.", "houses", "house"),
        ("The 12 gases leaked.", "gases", "gas"),
    ],
)
def test_numbers_noun_lemma(snippet: str, word: str, lemma: str) -> None:
    from storylens.analyze._counted import noun_lemma
    from storylens.nlp import load_spacy

    token = next(t for t in load_spacy()(snippet) if t.text == word)
    assert noun_lemma(token) == lemma


def test_numbers_conflict_about_doses_names_the_dose() -> None:
    first = make_article("Nurses in Orsk gave 400 doses on Monday, the clinic said.")
    second = make_article("Nurses in Orsk gave 900 doses on Monday, the clinic said.")
    mentions = [m for a in (first, second) for m in find_numbers(a)]
    assert [m.why.features["subject"] for m in mentions] == ["dose", "dose"]
    (conflict,), _ = find_conflicts(mentions, [first, second])
    assert conflict.about.startswith("dose")


# ------------------------------------- two sources, bare subjects, places and scope (user trial)


def test_numbers_the_source_nearest_the_number_s_own_clause_wins() -> None:
    found = numbers_of(
        "The Ferry Workers' Association said some 900 of its members had stopped work, and 14 "
        "ferries were left waiting in the bay, according to the harbour office."
    )
    assert [(text, m.attributed_to) for text, m in found] == [
        ("some 900", "Ferry Workers' Association"),
        ("14", "harbour office"),
    ]


def test_numbers_a_bare_passive_subject_counts_its_clause_and_borrows_a_parallel_noun() -> None:
    found = numbers_of(
        "Four people drowned, the coastguard said, and more than 12 were taken to hospital."
    )
    assert [(text, m.what) for text, m in found] == [
        ("Four", "people drowned"),
        ("more than 12", "people taken to hospital"),
    ]
    (_, bare) = found[1]
    assert (bare.why.rule, bare.why.features["subject"]) == ("number-subject", "people")
    hurt = numbers_of("Six miners died and 14 were injured, the company said.")
    assert [m.what for _, m in hurt] == ["miners died", "miners injured"]


def test_numbers_a_passive_light_verb_says_what_happened_to_its_subject() -> None:
    mention = only("In March, 40,000 doses of the vaccine were given, the agency said.")
    assert (mention.what, mention.why.features["event"]) == ("doses given", "give")


def test_numbers_a_place_from_context_must_be_the_scene_of_that_sentence() -> None:
    mention = only(
        "The recall covers jars filled at the company's plant in Tarnby between May and June.",
        "Korvel shares fell 5 percent in Velden trading.",
    )
    assert mention.where is None
    found = numbers_of(
        "The old pier in Harlow Bay collapsed on Tuesday.",
        "Seven people were killed, the fire service said.",
    )
    assert [(m.where, m.why.features["where_from"]) for _, m in found] == [
        ("Harlow Bay", "context")
    ]


@pytest.mark.parametrize(
    "snippet",
    [
        "In March alone, 40,000 doses of Corvalin were given, the agency said.",
        "Nurses gave 2,000 doses of Corvalin in the clinic on Monday.",
        "Brennic Labs shipped 300,000 Corvalin doses to pharmacies.",
    ],
)
def test_numbers_a_product_name_is_not_a_place(snippet: str) -> None:
    assert only(snippet).where is None


def test_numbers_a_named_district_is_the_place_and_alone_marks_a_part() -> None:
    mention = only("In Tolberg district alone, nine schools are closed, the education office said.")
    assert (mention.where, mention.why.features["where_from"]) == ("Tolberg district", "sentence")
    assert mention.why.features["scope"] == "part"
    month = only("In March alone, 40,000 doses of the vaccine were given, the agency said.")
    assert month.why.features["scope"] == "part"
    whole = only("Across the province of Elmore, 52 schools are closed, the ministry said.")
    assert (whole.where, whole.why.features.get("scope")) == ("Elmore", "regional")


def test_numbers_a_place_that_acts_is_no_scene_for_the_next_sentence() -> None:
    found = numbers_of(
        "Oslo and Madrid condemned the raid, which rebels carried out near the border.",
        "The rebels later said 14 soldiers were killed.",
    )
    (_, mention) = found[-1]
    assert mention.where is None


def test_numbers_a_place_in_an_apposition_is_not_the_scene() -> None:
    mention = only(
        "Residents of Tarnby, the capital of Vel province, were told to leave after two days"
        " of shelling."
    )
    assert mention.where == "Tarnby"


# ----------------------------------------- the number's own time, source and place (user trial)


def test_numbers_a_total_since_an_event_is_a_running_total() -> None:
    mention = only("Across Norvale, 23 people have died since the unrest began on March 4.")
    assert mention.when == "since the unrest began on March 4"


def test_numbers_a_time_inside_the_source_dates_the_source_not_the_number() -> None:
    mention = only(
        "Harbour Watch, which has tracked the floods since March 4, said 30 people drowned."
    )
    assert (mention.when, mention.attributed_to) == (None, "Harbour Watch")


def test_numbers_a_source_after_a_toll_vouches_for_the_toll_not_the_scene() -> None:
    found = numbers_of(
        "Troops fired on hundreds of marchers in Orlen on Friday, killing at least 12 people, the"
        " health ministry said."
    )
    assert [(text, m.attributed_to) for text, m in found] == [
        ("hundreds", None),
        ("at least 12", "health ministry"),
    ]
    according = numbers_of(
        "Troops fired on hundreds of marchers, killing at least 12 people, according to the"
        " health ministry."
    )
    assert [m.attributed_to for _, m in according] == [None, "health ministry"]
    what_happened = [
        "A gunman shot three people in Orlen, killing one, before fleeing, police said.",
        "Fire destroyed 30 homes in Orlen, killing two people, the fire brigade said.",
        "Nine people were killed and 40 were injured, police said.",
        "A crowd of about 3,000 gathered in Orlen before the march turned violent, police said.",
    ]
    for snippet in what_happened:
        assert all(m.attributed_to for _, m in numbers_of(snippet)), snippet


def test_numbers_there_takes_the_place_of_the_sentence_before_even_in_a_clause() -> None:
    mention = only(
        "Western envoys accused the rebels of atrocities that may amount to war crimes in the"
        " town of Karst, which the rebels seized last month along the border with Velmar.",
        "A rights group said the rebels had carried out revenge killings there, leaving at"
        " least 30 people dead.",
    )
    assert (mention.where, mention.why.features["where_from"]) == ("Karst", "context")
    existential = only(
        "Western envoys accused the rebels of atrocities that may amount to war crimes in the"
        " town of Karst.",
        "There were 30 people in the square, a rights group said.",
    )
    assert existential.where is None  # "there were": no place pointed back to


def test_numbers_a_plural_possessor_is_part_of_the_source_name() -> None:
    (_, guild) = numbers_of("The Dockers' Guild said 3,800 members walked out.")[0]
    assert guild.attributed_to == "Dockers' Guild"
    (_, commission) = numbers_of("Norland's Human Rights Commission said 40 people died.")[0]
    assert commission.attributed_to == "Human Rights Commission"


@pytest.mark.parametrize(
    "snippet",
    [
        "The plant, which opened in 1964, builds two petrol models.",
        "The brewery, founded in 2009, employs 140 people.",
    ],
)
def test_numbers_a_time_describing_a_noun_does_not_date_the_count(snippet: str) -> None:
    assert only(snippet).when is None


def test_numbers_worldwide_is_a_wider_scope() -> None:
    mention = only("Halvora will cut 6,500 jobs worldwide over the next five years.")
    assert (mention.where, mention.why.features["scope"]) == ("worldwide", "national")
    assert mention.when == "over the next five years"


def test_numbers_the_source_named_between_a_comma_and_said_vouches_for_the_toll() -> None:
    mention = only(
        "At least 7 people are dead after a levee broke late on Monday and flooded the lower"
        " town, the Merrow Civil Protection Agency said."
    )
    assert mention.attributed_to == "Merrow Civil Protection Agency"


def test_numbers_results_released_by_a_body_are_that_body_s() -> None:
    mention = only(
        "The Civic Union won 41.2 percent of the vote, according to final results released by"
        " the Central Electoral Commission."
    )
    assert mention.attributed_to == "Central Electoral Commission"


def test_numbers_a_share_after_a_name_with_its_verb_left_out_is_a_quantity() -> None:
    found = numbers_of(
        "The Civic Union won 40.8 percent, the Renewal Front 32.9 percent and the Green Labour"
        " Alliance 14.6 percent."
    )
    assert [text for text, _ in found] == ["40.8 percent", "32.9 percent", "14.6 percent"]


def test_numbers_nine_out_of_ten_counts_nine_of_a_total_of_ten() -> None:
    found = {
        text: (m.what, m.why.rule)
        for text, m in numbers_of("Officials said nine out of ten services were axed.")
    }
    assert found == {
        "nine": ("services", "of-phrase"),
        "ten": ("total services", "total-of-share"),
    }


def test_numbers_a_position_its_subject_holds_borrows_no_other_sentence_s_source() -> None:
    found = {
        text: m.attributed_to
        for text, m in numbers_of(
            "The Transit Authority said it had offered a 3.5 percent rise. The Transit Workers'"
            " Federation wants 7 percent."
        )
    }
    assert found == {"3.5 percent": "Transit Authority", "7 percent": None}


def test_numbers_an_age_limit_is_no_quantity_and_no_time() -> None:
    found = numbers_of("Hackers took the files of about 62,000 children under 16.")
    assert [(text, m.when) for text, m in found] == [("about 62,000", None)]
    assert [text for text, _ in numbers_of("Under 40 people came.")] == ["Under 40"]


def test_numbers_records_of_people_count_records() -> None:
    ((_, mention),) = numbers_of("The hackers stole the records of 1.2 million patients.")
    assert (mention.what, mention.why.rule, mention.why.features["subject"]) == (
        "records of patients",
        "records-of",
        "record",
    )


# ------------------------------------------------------------ user trials 20-23 (session 9)


@pytest.mark.parametrize(
    ("text", "what", "measure"),
    [
        ("The shelling lasted about six hours.", "duration of shelling", "h"),
        ("The debate went on for 12 hours.", "duration of debate", "h"),
        ("After a 12-hour debate, the bill passed.", "duration of debate", "h"),
        ("A six-hour siege ended at dawn.", "duration of siege", "h"),
    ],
)
def test_numbers_how_long_something_lasted_is_a_duration(
    text: str, what: str, measure: str
) -> None:
    (found,) = find_numbers(make_article(text))
    assert (found.what, found.why.rule, found.why.features.get("measure")) == (
        what,
        "duration",
        measure,
    )


def test_numbers_durations_in_two_units_are_converted_and_a_when_stays_a_when() -> None:
    one = make_article("The siege lasted 120 minutes, police said.")
    two = make_article("The siege lasted two hours, police said.")
    three = make_article("The siege lasted five hours, police said.")
    pairs = [(one, two), (two, three)]
    verdicts = []
    for a, b in pairs:
        conflicts, _ = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
        verdicts.append([c.about for c in conflicts])
    assert verdicts == [[], ["duration of siege, per police"]]
    (dead,) = find_numbers(make_article("In the last 24 hours, 40 people died."))
    assert dead.value == 40
    # an offset says when, and a "28-year veteran" has served, not lasted
    assert find_numbers(make_article("The move came 24 hours after Salazar took steps.")) == ()
    assert find_numbers(make_article("He is a 28-year veteran of the force.")) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Athletic beat Rovers 2-1, the biggest win of the season.",
        "The 2-1 win took them top.",
        "The court ruled 7-2 in favour.",
        "Call the helpline on 0800 555 0192 for advice.",
        "Parents can call the helpline on 0800 417 2200 for advice.",  # user trial 107
    ],
)
def test_numbers_scorelines_and_phone_numbers_are_not_quantities(text: str) -> None:
    assert find_numbers(make_article(text)) == ()


def test_numbers_a_range_of_people_is_still_a_count() -> None:
    (found,) = find_numbers(make_article("Between 10-15 people were hurt."))
    assert found.what is not None and "people" in found.what


@pytest.mark.parametrize(
    "text",
    ["Deputies voted by 163 to 158.", "Deputies voted 163 to 158 in favour."],
)
def test_numbers_a_bare_vote_count_counts_votes_for_and_against(text: str) -> None:
    found = find_numbers(make_article(text))
    assert [(m.value, m.what) for m in found] == [(163, "votes"), (158, "votes against")]


@pytest.mark.parametrize(
    "text",
    [
        "Ruzhin had 55.1% of the vote against 44.9% for Tesar.",
        "Ruzhin had 54.3 percent of the vote, against 45.7 percent for the outgoing president.",
    ],
)
def test_numbers_a_share_against_another_share_counts_the_same_noun(text: str) -> None:
    first, second = find_numbers(make_article(text))
    subjects = first.why.features["subject"], second.why.features["subject"]
    assert subjects == ("vote", "vote against")


def test_numbers_a_bare_number_or_a_length_of_a_thing_dates_nothing() -> None:
    found = find_numbers(
        make_article(
            "The People's Alliance won 57, with the remaining 19 shared among three parties."
        )
    )
    assert [m.when for m in found] == [None, None, None]
    (votes, against) = find_numbers(
        make_article("After a 12-hour debate, deputies voted by 163 to 158.")
    )[1:]
    assert votes.when is None and against.when is None


@pytest.mark.parametrize(
    "text",
    [
        "Shoppers should check for a best-before date of 18, 19 or 21 March.",
        "Batches 2231, 2232 and 2240 are affected.",
        "Fans left through Gate 7 after the match.",
    ],
)
def test_numbers_days_of_a_month_and_numbers_that_name_things_are_not_quantities(
    text: str,
) -> None:
    assert find_numbers(make_article(text)) == ()


def test_numbers_a_rate_keeps_its_base_and_the_base_is_no_count() -> None:
    found = find_numbers(make_article("The rate was 14.2 cases per 100,000 residents."))
    assert [(m.value, m.what) for m in found] == [(14.2, "cases per 100,000 residents")]


def test_numbers_as_much_as_is_an_upper_bound() -> None:
    # user trial 31: "as much as" caps the amount, like "as many as"
    mention = only("The thieves took as much as 48 million euros from the accounts.")
    assert (mention.bound, mention.low, mention.high) == (Bound.AT_MOST, 0, 48e6)


@pytest.mark.parametrize(
    ("snippet", "event"),
    [
        ("One man is still missing after the collapse, police said.", "missing"),
        ("One firefighter was injured when a tree fell on the road.", "wounded"),
        ("One firefighter was airlifted to hospital with burns.", "hospitalised"),  # trial 35
    ],
)
def test_numbers_one_casualty_is_a_count(snippet: str, event: str) -> None:
    # user trial 32: "one man is still missing" went unread, as "one" is mostly a pronoun
    mention = only(snippet)
    assert (mention.value, mention.why.features.get("event")) == (1, event)


def test_numbers_one_who_speaks_is_no_count() -> None:
    assert numbers_of("One resident said the smoke was thick. One of them left.") == []


@pytest.mark.parametrize(
    ("snippet", "when"),
    [
        ("By Thursday morning 41 vessels were waiting offshore.", "By Thursday morning"),
        ("On Tuesday evening about 9,000 customers had no power.", "On Tuesday evening"),
    ],
)
def test_numbers_a_day_and_its_part_are_one_time(snippet: str, when: str) -> None:
    # user trials 34 and 35: the model tags "Thursday" a date and "morning" a time, and the
    # bare "morning" made Thursday's count and Monday's look like one period
    assert only(snippet).when == when


@pytest.mark.parametrize(
    ("snippet", "when"),
    [
        (
            "Some 40,000 travellers were heading home for the spring holidays on Friday.",
            "on Friday",
        ),
        ("About 25,000 passengers were stranded for the weekend.", "for the weekend"),
        ("About 40 stalls will close for the summer.", "for the summer"),
    ],
)
def test_numbers_what_a_count_is_for_is_not_its_time(snippet: str, when: str) -> None:
    # user trial 38: "for the spring holidays" (a purpose) was the travellers' time
    assert only(snippet).when == when


@pytest.mark.parametrize("sign", ["percent", "per cent"])
def test_numbers_per_cent_in_two_words_is_a_percentage(sign: str) -> None:
    # user trial 34: "12 per cent" was read as 12 of "per cent pay hike"
    ((covered, mention),) = numbers_of(f"The union wants a 12 {sign} pay rise.")
    assert covered == f"12 {sign}"
    assert (mention.what, mention.why.features["unit"]) == ("pay rise", "percent")


def test_numbers_a_participle_joined_to_a_verb_says_what_happened() -> None:
    # user trial 35: "and dozens more damaged" counted nothing (the model tags it an adjective)
    found = [
        m.what
        for m in find_numbers(
            make_article("The chief said 86 homes were destroyed and dozens more damaged.")
        )
    ]
    assert found == ["homes destroyed", "homes damaged"]


def test_numbers_put_cites_only_a_figure_put_at() -> None:
    # user trial 34: "a 12 percent rise would put our terminals at a disadvantage" made the
    # rise its own source
    rise = only('"A 12 percent rise would put our terminals at a disadvantage," said Bea Quaile.')
    assert rise.attributed_to == "Bea Quaile"
    assert only("Officials put the death toll at 40 on Monday.").attributed_to == "Officials"


@pytest.mark.parametrize(
    ("snippet", "measure", "subject"),
    [
        ("The train was travelling at about 130 km/h when it derailed.", "kph", "speed"),
        ("The limit on the bend is 90km/h.", "kph", "speed"),
        ("It hit 80mph on the bend, the union said.", "mph", "speed"),
        ("It reached 52 miles per hour, the operator said.", "mph", "speed"),
        # user trial 74: what reaches a speed is what it measures (gusts, not winds)
        ("Gusts reached 85 kilometres an hour on the coast.", "kph", "gust"),
    ],
)
def test_numbers_a_speed_is_measured_in_its_unit(snippet: str, measure: str, subject: str) -> None:
    # user trial 36: "130 km/h" counted "h" of a distance in km, and "80mph" had no unit
    mention = only(snippet)
    assert (mention.why.features.get("measure"), mention.why.features.get("subject")) == (
        measure,
        subject,
    )


def test_numbers_borrow_a_source_only_from_a_sentence_before() -> None:
    # user trial 37: the reporter's share move took the analyst quoted after it as its source
    later = make_article(
        "Haldor shares closed nearly 3 percent lower. Analyst Priya Nandakumar of Calloway "
        "Securities said the market had expected worse."
    )
    assert [n.attributed_to for n in find_numbers(later)] == [None]
    earlier = make_article(
        "The Velmara Fire Service said on Monday that the blaze was spreading. About 300 homes "
        "were evacuated."
    )
    assert [n.attributed_to for n in find_numbers(earlier)] == ["Velmara Fire Service"]


def test_numbers_more_than_a_measure_is_anything_above_it() -> None:
    # user trial 38: "more than 7 inches" of rain was read as at least 8 inches
    rain = only("More than 7 inches of rain fell at Kestrel Hill.")
    assert 7 < rain.low < 7.01 and only("More than 100 people were hurt.").low == 101


def test_numbers_a_figure_put_at_a_number_in_the_morning_is_a_figure() -> None:
    # a clock time in words is no quantity, but a toll put at three in the morning is one
    mention = only("Fire officials had put the number of dead at three in the morning.")
    assert (mention.value, mention.why.features.get("event")) == (3, "killed")


def test_numbers_a_compound_before_a_thing_says_what_it_is_for() -> None:
    # user trial 38: "two more rescue helicopters" were counted as people rescued
    found = find_numbers(
        make_article(
            "The governor asked for two more rescue helicopters. The death toll rose to 12. "
            "Eight murder victims were named."
        )
    )
    assert [n.why.features.get("event") for n in found] == [None, "killed", "killed"]


def test_numbers_a_record_s_time_does_not_date_the_count() -> None:
    # user trial 36: "the worst rail disaster in more than a decade" dated the toll
    (toll,) = find_numbers(
        make_article(
            "The number of people killed rose to 14, making it the country's worst rail "
            "disaster in more than a decade."
        )
    )
    assert toll.when is None


def test_numbers_a_phrasal_verb_keeps_its_particle() -> None:
    # user trial 39: "85 operations were called off" was read as "operations called"
    assert only("At the hospital alone, 85 operations were called off.").what == (
        "operations called off"
    )


def test_numbers_add_up_to_is_a_total_and_its_denial_no_figure() -> None:
    # user trial 40: "it does not add up to 148" gave a figure "up to 148" to the coastguard
    # officer who disputed it
    assert numbers_of('"We counted them all, and it does not add up to 148," she said.') == []
    [(_, total)] = numbers_of("The repairs add up to 300 homes.")
    assert (total.value, total.bound) == (300, Bound.EXACT)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        # user trial 113: a rate that "edged up to" or "went up to" a level is at that level
        ("The participation rate edged up to 64.3 percent.", Bound.EXACT),
        ("The rate for those aged 15 to 24 went up to 13.6%.", Bound.EXACT),
        # user trial 114: "handed over 146" hands 146, not more than 146
        ("In return, Marrek handed over 146 prisoners at the crossing.", Bound.EXACT),
        ("The storm killed over 100 people.", Bound.MORE_THAN),  # still a bound
        ("Up to 300 people were hurt.", Bound.AT_MOST),
    ],
)
def test_numbers_a_verb_s_particle_is_no_bound(text: str, bound: Bound) -> None:
    [(_, figure)] = numbers_of(text)[-1:]
    assert figure.bound == bound


def test_numbers_a_parent_of_three_is_no_count() -> None:
    # user trial 42: "a mother of three" was a quantity of mothers
    found = numbers_of("Mira Daskal, 34, a mother of three, lost her home.")
    assert [m.what for _, m in found] == ["age of Mira Daskal"]  # her age, no count


@pytest.mark.parametrize(
    ("snippet", "text"),
    [
        ("rise by about kr 830.", "about kr 830"),
        ("to NOK 400.", "NOK 400"),
        ("to EUR 400.", "EUR 400"),
    ],
)
def test_numbers_a_currency_code_before_an_amount(snippet: str, text: str) -> None:
    # user trial 41: "about kr 830" lost its currency; a code was the amount's counted noun
    [(found, mention)] = numbers_of(f"The monthly payment will {snippet}")
    assert found == text
    assert mention.why.features["unit"] in {"kr", "€"}
    assert mention.what in {None, "rise"}  # never the code itself


def test_numbers_a_runway_or_a_row_is_named_by_its_number() -> None:
    # user trial 44: "overran runway 27" was a count of runways
    assert numbers_of("The jet overran runway 27 at Kelby. She sat in row 14.") == []


def test_numbers_where_a_flight_came_from_is_not_where_it_was_counted() -> None:
    # user trial 44: "flight NR 318 from the capital Talvik ... 142 passengers" was placed in
    # Talvik, and the airline's two passenger counts were explained as two places
    mention = only("The jet, flight NR 318 from the capital Talvik, carried 142 passengers.")
    assert mention.where is None


@pytest.mark.parametrize(
    ("snippet", "text", "unit", "what"),
    [
        ("Vostrany hit 44.6C on Tuesday.", "44.6", "C", "temperature"),
        ("Vostrany registered 112.3°F on Tuesday.", "112.3", "F", "temperature"),
        ("It reached 43 degrees Celsius in Kolm.", "43", "C", "temperature"),
        ("The sea was 3°C above the July average.", "3", "C", "temperature difference"),
    ],
)
def test_numbers_temperatures(snippet: str, text: str, unit: str, what: str) -> None:
    # user trial 45: "44.6C" was not read, "112.3°F" counted "°"
    [(found, mention)] = [(t, m) for t, m in numbers_of(snippet) if m.why.rule != "age"]
    assert (found, mention.why.features["measure"], mention.what) == (text, unit, what)


def test_numbers_where_a_ship_was_heading_is_not_where_its_cargo_is() -> None:
    # user trial 52: "heading to Port Edda with 48,000 tonnes" put the cargo in Port Edda
    mention = only(
        "The tanker struck a reef while carrying 48,000 tonnes of crude oil to the refinery at "
        "Port Edda, the company said."
    )
    assert mention.where is None


@pytest.mark.parametrize(
    ("snippet", "text", "unit", "what"),
    [
        ("Readings at Tolm reached 12 mg/l on Monday.", "12", "mg/l", "concentration"),
        ("Upstream, readings reached 12 mg/l.", "12", "mg/l", "concentration"),
        ("Tests found 2.6 milligrams of copper per litre.", "2.6", "mg/l", "copper concentration"),
        ("Tests showed 4.8 mg per litre of nitrate.", "4.8", "mg/l", "nitrate concentration"),
        ("Nitrate levels reached 3.1 mg/l in Orrin.", "3.1", "mg/l", "nitrate concentration"),
        ("Ammonium was found at 64 mg/l in Orrin.", "64", "mg/l", "ammonium concentration"),
        ("The test found 19 nanograms of the drug per millilitre.", "19", "ng/ml", "concentration"),
        ("The sample held 0.3 micrograms per litre.", "0.3", "ug/l", "concentration"),
        ("Carbon dioxide reached 420 parts per million.", "420", "ppm", "concentration"),
    ],
)
def test_numbers_concentrations(snippet: str, text: str, unit: str, what: str) -> None:
    # user trial 58 and the planted mine and doping stories: "4.8 milligrams per litre" counted
    # "milligrams per litre", "12 mg/l" counted "mg l."
    [(found, mention)] = [(t, m) for t, m in numbers_of(snippet) if m.why.rule != "age"]
    assert (found, mention.why.features["measure"], mention.what) == (text, unit, what)


def test_numbers_cubic_metres_are_a_volume() -> None:
    # user trial 58: "210 cubic metres" of solution was a length
    mention = only("Some 210 cubic metres of solution escaped from the tank.")
    assert mention.why.features["measure"] == "m3"


def test_numbers_a_limit_given_as_what_a_limit_is() -> None:
    # planted mine story: "The legal limit for copper is 0.5 milligrams per litre" was a reading
    mention = only("The legal limit for copper in river water is 0.5 milligrams per litre.")
    assert mention.why.features["stance"] == "limit"


def test_numbers_a_passive_agent_is_no_place() -> None:
    # planted mine story: "samples taken by Clearwater Tarvane" put the reading in Tarvane
    mention = only("Samples taken by Clearwater Tarvane showed 4.8 mg/l of copper.")
    assert mention.where is None


@pytest.mark.parametrize(
    ("snippet", "where"),
    [
        ("Readings showed 46 mg/l at the Marrisford weir sampling point.", "Marrisford weir"),
        ("Some 30 miners were at work near the Corrow Deep mine.", "Corrow Deep mine"),
    ],
)
def test_numbers_a_site_named_after_a_place(snippet: str, where: str) -> None:
    # user trial 58: a reading "at the Marrisford weir" took the place of the next sentence
    assert only(snippet).where == where


@pytest.mark.parametrize(
    ("snippet", "text", "value", "what"),
    [
        # user trial 59: "1.9bn marks" gave no number, "3.5m marks" counted "m marks"; since
        # trial 95 "marks" after a large figure are a currency: what the verb does with a sum
        ("Education spending will be cut by 1.9bn marks.", "1.9bn marks", 1.9e9, "cut"),
        ("The budget totals 412bn marks.", "412bn marks", 412e9, "total"),
        ("About 3.5m people voted in the poll.", "About 3.5m", 3.5e6, "people voted"),
        ("He took 4.3m crowns from the fund.", "4.3m crowns", 4.3e6, "taken"),
    ],
)
def test_numbers_scaled_figures(snippet: str, text: str, value: float, what: str) -> None:
    [(found, mention)] = [(t, m) for t, m in numbers_of(snippet) if m.why.rule != "age"]
    assert (found, mention.value, mention.what) == (text, value, what)


def test_numbers_an_m_before_a_singular_noun_is_metres() -> None:
    assert only("The wall is a 40m barrier of steel.").value == 40.0


@pytest.mark.parametrize(
    ("snippet", "text", "what"),
    [
        # user trial 59: "a thumping 171 votes" counted "thumping"; "41 of the thugs" no arrest
        ("The bill passed by a thumping 171 votes to 138.", "171", "votes"),
        ("Police arrested 41 of the protesters.", "41", "protesters arrested"),
        # user trial 60: a depth below the surface
        ("The men were 380 metres below the surface.", "380", "depth"),
    ],
)
def test_numbers_trials_58_to_60(snippet: str, text: str, what: str) -> None:
    found = [(covered, m.what) for covered, m in numbers_of(snippet)]
    assert found[0] == (text, what)


@pytest.mark.parametrize(
    "snippet",
    [
        # user trial 60: "No. 4 district" counted "."; "two of those six men" gave a count of six
        "The roof of the colliery's No. 4 district fell in.",
        "Only two of those six men were taken to hospital.",
        "Four of the six were taken to hospital.",
    ],
)
def test_numbers_names_and_restated_counts_are_no_new_figures(snippet: str) -> None:
    assert [found for found, _ in numbers_of(snippet)] in ([], ["two"], ["Four"])


def test_numbers_a_part_of_a_group_counted_before_has_no_noun_of_its_own() -> None:
    # user trial 60: "Four of the six were taken" counted "six taken"; "short of the 101
    # needed" is still a figure
    [(_, four)] = numbers_of("Four of the six were taken to hospital.")
    assert four.what == "taken to hospital"
    found = [text for text, _ in numbers_of("They won 87 seats, short of the 101 needed.")]
    assert found == ["87", "101"]


@pytest.mark.parametrize(
    ("snippet", "text", "what"),
    [
        # user trial 62: prison terms the trial's outlets wrote that were not read
        ("Farstad got three years behind bars for the kickbacks.", "three", "years sentence"),
        ("The court sentenced Halvorsen to 72 months' imprisonment.", "72", "months sentence"),
        # user trial 61: what the assessment found happened to the homes
        ("The assessment found 31 homes destroyed in Tellamoor.", "31", "homes destroyed"),
        # user trial 63: people who were not hurt are no count of the hurt
        (
            "Around 70 passengers who were not hurt were taken to a school.",
            "Around 70",
            "passengers",
        ),
        # user trial 63: "km/h." at the end of a sentence lost its "h"
        ("The speed limit on the curve is 80 km/h.", "80", "speed"),
    ],
)
def test_numbers_trials_61_to_63(snippet: str, text: str, what: str) -> None:
    found = [(covered, m.what) for covered, m in numbers_of(snippet)]
    assert found[0] == (text, what)


def test_numbers_the_person_a_misparsed_sentence_jails() -> None:
    # user trial 62: "Disgraced ex-minister Ebbe Halvorsen was jailed" gave no one
    mention = only("Disgraced ex-minister Ebbe Halvorsen was jailed for six years.")
    assert mention.why.features["who"] == "halvorsen"


def test_numbers_an_evening_update_dates_its_figure() -> None:
    # user trial 61: "The forestry agency's evening update put the area at 58 km2" had no time
    mention = only("The forestry agency's evening update put the burned area at 58 square km.")
    assert mention.when == "evening"


@pytest.mark.parametrize(
    ("snippet", "text", "what", "when"),
    [
        # user trial 64: a wave height a verb of reaching gives; a population "home to"
        ("Waves reached 30 feet during the night.", "30", "waves", "during the night"),
        (
            "Ormsby, home to about 9,000 people, lies off the coast.",
            "about 9,000",
            "population",
            None,
        ),
        # user trial 65: a peak in gigawatts, and a clock time on a day as one time
        ("Demand peaked at 3.1 gigawatts at 9pm on Tuesday.", "3.1", "demand", "9pm on Tuesday"),
    ],
)
def test_numbers_trials_64_to_66(snippet: str, text: str, what: str, when: str | None) -> None:
    found = [(covered, m.what, m.when) for covered, m in numbers_of(snippet)]
    assert found[0] == (text, what, when)


def test_numbers_a_figure_a_group_disputes_is_the_group_s() -> None:
    # user trial 65: "Consumers' Voice disputed that, saying close to 30,000" was Meridia's
    found = numbers_of(
        "Meridia said about 12,000 households were without power. Consumers' Voice, a "
        "consumer group, disputed that, saying close to 30,000 households were still without "
        "power."
    )
    assert [m.attributed_to for _, m in found] == ["Meridia", "Consumers' Voice"]


def test_numbers_a_flow_is_a_measure_with_no_rate_period() -> None:
    # user trial 67: "600 cubic metres a second" was a volume dated "a second"
    mention = only("By Wednesday the company had cut the release to 600 cubic metres a second.")
    assert (mention.what, mention.why.features["measure"], mention.when) == (
        "flow rate",
        "m3/s",
        "By Wednesday",
    )


@pytest.mark.parametrize(
    ("snippet", "text", "value"),
    [
        # user trial 71: "more than half a billion euros" was read as a billion
        (
            "The bank earned more than half a billion euros last year.",
            "more than half a billion euros",
            5e8,
        ),
        ("About half a million people live there.", "About half a million", 5e5),
        ("Half a dozen people were hurt.", "Half a dozen", 6.0),
    ],
)
def test_numbers_half_a_multiplier(snippet: str, text: str, value: float) -> None:
    [(found, mention)] = [(t, m) for t, m in numbers_of(snippet) if m.why.rule != "age"]
    assert (found, mention.value) == (text, value)


def _verdict(first: str, second: str) -> str:
    """How two one-article stories' figures are judged: ``ranges-disjoint`` (a conflict),
    a reason, or ``not compared``."""
    a, b = make_article(first), make_article(second)
    conflicts, explained = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    return next((c.why.rule for c in (*conflicts, *explained)), "not compared")


def _verdicts(first: str, second: str) -> list[str]:
    """Every verdict on the two one-article stories' figures."""
    a, b = make_article(first), make_article(second)
    conflicts, explained = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    return [c.why.rule for c in (*conflicts, *explained)]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        # user trial 50 (planted set, fixed in session 14): rain recorded, not only rain
        # that fell; rain and snow are two things
        (
            "The weather service said 310 millimetres of rain had fallen in the 72 hours.",
            "The weather service recorded 190 millimetres of rain in the three days.",
            "ranges-disjoint",
        ),
        (
            "The weather service recorded 40 centimetres of snow on Tuesday.",
            "The weather service recorded 25 millimetres of rain on Tuesday.",
            "not compared",
        ),
        # a landmark a length is measured from is no amount; since user trial 86 the radius
        # of the area an order covers is compared as the radius of that area
        (
            "Residents within 2 kilometres of the plant were told to stay indoors.",
            "Residents within 5 kilometres of the plant were told to stay indoors.",
            "ranges-disjoint",
        ),
        # user trial 65: a hospital admits patients; patients admitted are people admitted
        (
            "Tavira General Hospital admitted 212 patients on Tuesday, a spokesman said.",
            "Tavira General Hospital admitted 148 people on Tuesday, a spokesman said.",
            "ranges-disjoint",
        ),
        # user trials 34 and 68: whoever walked out are the strikers, whatever the noun
        (
            "About 3,100 members of the port workers' union walked out on Monday, the union said.",
            "Some 3,800 dock workers joined the strike on Monday, the union said.",
            "ranges-disjoint",
        ),
        (
            "About 3,200 dockworkers walked off the job on Monday, the union said.",
            "More than 4,500 dockers downed tools on Monday, the union said.",
            "ranges-disjoint",
        ),
        (
            "The union said about 3,200 of its members had joined the walkout on Monday.",
            "The union said 2,400 cabin crew had walked out on Monday.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_counts_under_other_words(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("The firm admitted two breaches of the rules on Monday.", "breaches admitted"),
        ("The dam released 1,200 cubic metres of water per second.", "flow rate"),
        ("Crews laid 2 kilometres of track over the weekend.", "track"),
    ],
)
def test_numbers_admitted_and_amounts_of_stuff(snippet: str, what: str) -> None:
    mention = only(snippet)
    assert mention.what == what
    assert mention.why.features.get("event") != "hospitalised"


def test_numbers_a_name_a_site_takes_is_a_place() -> None:
    # user trial 38: "at the Kestrel Hill weather station" had no place
    mention = only("More than 7 inches of rain fell at the Kestrel Hill weather station.")
    assert mention.where == "Kestrel Hill station"
    assert "Kestrel Hill" in place_evidence("It fell at the Kestrel Hill weather station.")


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        # user trial 75: prisoners who escape, flee or break out are one count
        (
            "The prisons service said 47 inmates escaped from the jail on Sunday night.",
            "The prisons service said 63 prisoners fled the jail on Sunday night.",
            "ranges-disjoint",
        ),
        (
            "The prisons service said 47 inmates escaped on Sunday night.",
            "The prisons service said 52 inmates broke out of the jail on Sunday night.",
            "ranges-disjoint",
        ),
        # user trial 75: a part of a thing measures the thing
        (
            "Prisoners tore down a 40-metre section of the perimeter fence, the service said.",
            "Prisoners ripped down a 200-foot stretch of the perimeter fence, the service said.",
            "ranges-disjoint",
        ),
        # user trial 75: checkpoints across a valley and around a town are two scopes
        (
            "Police set up 30 checkpoints across the valley.",
            "Police set up 12 checkpoints in Kestwick.",
            "different-scope",
        ),
        # user trial 74: a threshold a condition sets is no reading
        (
            "Crews cannot start repairs until the wind drops below 60 km/h, the company said.",
            "Wind speeds reached 145 km/h, the company said.",
            "different-stance",
        ),
        # user trial 74: "up to 230 km/h" and "145 mph" (233 km/h) agree once rounded
        (
            "The department said gusts reached up to 230 km/h.",
            "The department said gusts had peaked at 145 mph.",
            "ranges-overlap",
        ),
        # user trial 74: a record's period is not the figure's; one department named two ways
        (
            "Winds reached 185 km/h, making it the strongest cyclone to hit the province since "
            "2009, the Sandurian Meteorological Department said.",
            "Winds reached about 140 mph, the most powerful storm to strike Ketari in 17 years, "
            "Sanduria's meteorological department said.",
            "ranges-disjoint",
        ),
        # user trial 73: a toll across a named province and one in a district of it
        (
            "Across Marrach province, the health ministry put the death toll at 31 on Monday.",
            "The health ministry said nine people had died in the Tolvan district on Monday.",
            "different-scope",
        ),
        (
            "Across the province, the health ministry put the death toll at 31 on Monday.",
            "The health ministry said nine people had died in Marrach province on Monday.",
            "ranges-disjoint",
        ),
        # user trial 78: a level above normal is a level, in any unit
        (
            "The flood agency said the river reached 240 centimetres above its usual level.",
            "The flood agency said the river stood 4.2 metres above normal.",
            "ranges-disjoint",
        ),
        # user trial 78: two towns named together are one scene, and "X and Y" in one article
        # does not make X and Y one place
        (
            "The regiment said soldiers rescued 146 people in Marrowby and Ostwick on Tuesday.",
            "The regiment said soldiers rescued more than 200 people in Marrowby and Ostwick on "
            "Tuesday.",
            "ranges-disjoint",
        ),
        # user trial 74: people moved into shelters were evacuated
        (
            "More than 120,000 people had been evacuated, the authority said.",
            "Some 85,000 people had been moved into shelters, the authority said.",
            "ranges-disjoint",
        ),
        # user trial 75: "held hostage" is what happened to them
        (
            "Eight guards were taken hostage, the prisons service said.",
            "At least a dozen guards were held hostage, the prisons service said.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trials_73_to_75(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_passengers_who_escape_are_no_prisoners() -> None:
    mention = only("More than 140 passengers escaped down the slides.")
    assert mention.why.features.get("event") != "escaped"


def test_numbers_a_toll_reached_and_the_held_in_custody() -> None:
    # user trial 73: "the district's death toll had reached 27" counted nothing
    toll = only("By Monday night, the district's death toll had reached 27.")
    assert (toll.what, toll.why.features.get("event")) == ("death toll", "killed")
    held = only("Police said 12 suspects were in custody on Sunday.")
    assert held.why.features.get("event") == "arrested"


def test_numbers_a_participle_completed_by_a_casualty_word() -> None:
    # user trial 74: "17 people reported missing" counted only people
    mention = only("Rescue teams were still searching for 17 people reported missing.")
    assert (mention.what, mention.why.features.get("event")) == ("people missing", "missing")


@pytest.mark.parametrize(
    ("snippet", "text", "what", "source"),
    [
        # user trial 77: a sum after a firm's name was read as part of the name, a sum parsed
        # as the firm's apposition counted nothing, and a source lost the space before "from"
        (
            "The watchdog has fined retailer Velmora 4.2 million euros after the breach.",
            "4.2 million euros",
            "fined",
            None,
        ),
        (
            "The regulator has fined Velmora Retail Group €4.2m over the attack.",
            "€4.2m",
            "fined",
            None,
        ),
        (
            "Ellen Marsh, 64, from Hallin, told the programme she lost EUR 1,800.",
            "EUR 1,800",
            None,
            "Ellen Marsh",
        ),
    ],
)
def test_numbers_trial_77(snippet: str, text: str, what: str | None, source: str | None) -> None:
    [(found, mention)] = [(t, m) for t, m in numbers_of(snippet) if m.why.rule != "age"]
    assert (found, mention.what, mention.attributed_to) == (text, what, source)


def test_numbers_places_joined_by_and_are_not_one_place() -> None:
    # user trial 78: "in Marrowby and Ostwick" made the two one scene, so 60 homes in Ostwick
    # and 450 in Marrowby were flagged as a conflict
    a = make_article(
        "Soldiers rescued 146 people in Marrowby and Ostwick on Tuesday.",
        "Around 60 homes in Ostwick were flooded, the regiment said.",
    )
    b = make_article("About 450 homes in Marrowby had water inside, the mayor said.")
    conflicts, _ = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert conflicts == ()


def test_numbers_guards_and_officers_are_one_group() -> None:
    # user trial 75: "Eight guards were taken hostage" was never compared with "Ten officers"
    a = make_article("Eight guards were taken hostage during the riot, the prison service said.")
    b = make_article("Ten officers were held hostage during the riot, the prison service said.")
    conflicts, _ = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]


def test_numbers_durations_of_two_states_with_no_subject_are_not_compared() -> None:
    # user trial 81: "closed for two days" was flagged against "who has worked ... for 20 years"
    a = make_article("The run reopened on Friday after being closed for two days.")
    b = make_article("A guide, who has worked in Ostwick for 20 years, was not surprised.")
    found = [*find_numbers(a), *find_numbers(b)]
    assert {m.what for m in found} == {"duration closed", "duration worked"}
    assert find_conflicts(found, [a, b])[0] == ()


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        # user trial 81: a rated danger counted nothing, and "level 3" was a count of levels
        ("The institute rated the avalanche danger at four on its scale.", "avalanche danger"),
        ("The bulletin put the danger at level 3 for the valley.", "danger"),
        ("The agency raised the alert level to 4 on Sunday.", "alert level"),
    ],
)
def test_numbers_a_figure_given_for_an_object_counts_the_object(snippet: str, what: str) -> None:
    assert only(snippet).what == what


def test_numbers_under_a_layer_is_a_place_not_a_bound() -> None:
    # user trial 81: "found under four metres of snow" was read as "less than four metres"
    mention = only("The body was found under four metres of snow.")
    assert (mention.value, mention.bound) == (4.0, Bound.EXACT)
    assert only("Turnout was under 40 percent.").bound == Bound.LESS_THAN


def test_numbers_a_distance_down_a_slope_is_no_depth() -> None:
    # user trial 81: "ran some 1.2 kilometres down the mountain" was read as a depth
    assert only("The slide ran some 1.2 kilometres down the mountain.").what == "kilometres"
    assert only("The miners were trapped 380 metres down the shaft.").what == "depth"


def test_numbers_a_state_kept_is_named_by_its_complement() -> None:
    mention = only("The pass will stay shut for two days.")
    assert mention.what == "duration of pass shut"


def test_numbers_how_far_a_thing_lies_is_its_distance() -> None:
    # user trial 79: "about three miles" and "2 kilometres" counted "miles" and "kilometres"
    a = make_article("The trust said the front line was about three miles from the hospital.")
    b = make_article("The trust said the front line was just 2 kilometres from its gates.")
    found = [*find_numbers(a), *find_numbers(b)]
    assert {m.what for m in found} == {"distance of front line"}
    conflicts, _ = find_conflicts(found, [a, b])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]
    border = only("Velmoria, whose border lies about 80 kilometres east of Dravik, withdrew.")
    assert border.what == "distance of border"


def test_numbers_a_titled_name_is_no_place_of_the_next_sentence() -> None:
    # user trial 80: the recogniser took "Dr Imke Varley" for a place, and a count took it
    found = numbers_of(
        "The chief veterinary officer, Dr Imke Varley, has urged people to keep hens in.",
        "Dozens of workers at the farms are being monitored.",
    )
    assert [(text, m.where) for text, m in found] == [("Dozens", None)]


def test_numbers_a_body_of_the_un_is_no_other_source() -> None:
    # user trial 79: the UN mission's toll was flagged against the health directorate's
    a = make_article(
        "The United Nations mission in Marunda said nine civilians were killed at St Oriel"
        " Hospital in the last 24 hours."
    )
    b = make_article(
        "At St Oriel Hospital, the provincial health directorate said five civilians had died"
        " in the past 24 hours."
    )
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert conflicts == ()
    assert [c.why.rule for c in others] == ["different-source"]


def test_numbers_strikes_counted_are_not_on_strike() -> None:
    # user trial 79: "12 air strikes" against "more than 30 precision strikes" read "on strike"
    a = make_article("The air force said it carried out 12 air strikes overnight.")
    b = make_article("The air force said it carried out more than 30 precision strikes overnight.")
    conflicts, _ = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert [c.about for c in conflicts] == ["strike, per air force"]


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        # user trial 79: people driven from their homes or who left were a bare count
        ("The fighting has driven thousands of residents from their homes.", "residents driven"),
        ("By Sunday night about 12,000 residents had already left, the UN said.", "residents left"),
        ("Rescuers pulled dozens of people from the rubble.", "people pulled"),
    ],
)
def test_numbers_people_who_left_their_homes_are_displaced_or_rescued(
    snippet: str, what: str
) -> None:
    mention = only(snippet)
    assert mention.what == what
    assert mention.why.features.get("event") in {"displaced", "rescued"}


def test_numbers_trains_that_left_are_no_displaced_people() -> None:
    assert only("Two trains left on time.").why.features.get("event") is None


def test_numbers_a_total_by_an_earlier_day_is_another_period() -> None:
    # user trial 79: "by Sunday night" in a Tuesday story was flagged against Tuesday's count
    a = make_article("The offensive has driven tens of thousands of residents from their homes.")
    b = make_article("By Sunday night about 12,000 residents had already left, the UN said.")
    a, b = (replace(x, published="2026-05-12T09:00:00Z") for x in (a, b))
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert conflicts == ()
    assert [o.why.rule for o in others] == ["different-period"]


def test_numbers_a_total_keeps_its_hyphens_and_reads_its_first_word_as_a_word() -> None:
    # user trial 129: "First-dose coverage" was counted as "Firstdose coverage"
    told = only("First-dose coverage in Norbrook fell to 76 percent in April.")
    assert told.what == "first-dose coverage"
    assert (
        only("Coverage of the first dose fell to 81 percent.").what == "coverage of the first dose"
    )


def test_numbers_a_sum_for_each_item_is_a_price_per_item() -> None:
    # user trial 80: "5.40 crowns for each laying hen" counted "receive", never compared
    a = make_article("Farmers will receive 5.40 crowns for each laying hen, the ministry said.")
    b = make_article("Producers will be paid 4.50 crowns for each laying hen, the ministry said.")
    found = [*find_numbers(a), *find_numbers(b)]
    assert {m.what for m in found} == {"per laying hen"}
    conflicts, _ = find_conflicts(found, [a, b])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]
    assert only("The union wants 7 crowns a bird.").what == "per bird"
    assert only("The firm paid 3 million euros a year ago.").what == "paid"


def test_numbers_hours_a_day_are_a_daily_duration() -> None:
    # user trial 84: "for eight hours a day" and "for 12 hours each day" were not read
    a = make_article(
        "Households in Ostwick will lose their water supply for eight hours a day from"
        " Wednesday, the city's water utility said."
    )
    b = make_article(
        "Residents will have no running water for 12 hours each day from Wednesday, according"
        " to the Ostwick Water Company."
    )
    found = [m for m in [*find_numbers(a), *find_numbers(b)] if m.why.rule == "duration"]
    assert [m.what for m in found] == ["hours a day", "hours a day"]
    conflicts, _ = find_conflicts(found, [a, b])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]


def test_numbers_a_toll_at_the_scene_does_not_rise_between_days() -> None:
    # user trial 83: "three shot dead at the scene" against "at least five died at the
    # scene" a day later was put down to the toll rising
    a = make_article("Three security guards were shot dead at the scene, police said.")
    b = make_article("At least five guards died at the scene, according to police.")
    a = replace(a, published="2026-03-02T10:00:00Z")
    b = replace(b, published="2026-03-03T10:00:00Z")
    conflicts, _ = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]
    assert {m.why.features.get("at_once") for c in conflicts for m in c.mentions} == {
        "at the scene"
    }


def test_numbers_people_who_reported_to_a_clinic_cite_no_one() -> None:
    # user trial 82: "17 passengers reported to the ship's medical centre" was read as the
    # passengers' own report, and compared with the 2,140 passengers on board
    mention = only("On Thursday 17 passengers reported to the ship's medical centre.")
    assert (mention.attributed_to, mention.why.features.get("event")) == (None, "report")
    sick = only("By Monday 31 crew members were reporting symptoms.")
    assert sick.attributed_to is None
    assert only("Officials reported to parliament that 40 people had died.").attributed_to == (
        "Officials"
    )


@pytest.mark.parametrize(
    ("snippet", "value"),
    [
        # user trial 84: "two-fifths" was read as "two", counting "fifths"
        ("Irrigation quotas have been reduced by two-fifths.", 40.0),
        ("Two thirds of voters backed the plan.", 66.67),
        ("Three-quarters of the homes had no power.", 75.0),
    ],
)
def test_numbers_a_fraction_is_a_share(snippet: str, value: float) -> None:
    mention = only(snippet)
    assert (mention.value, mention.why.features.get("unit")) == (value, "percent")
    assert mention.low < value < mention.high


def test_numbers_a_third_before_a_noun_is_an_ordinal() -> None:
    assert numbers_of("A third besieged city fell on Sunday.") == []


@pytest.mark.parametrize(
    ("snippet", "event"),
    [
        # user trial 83: aid workers "taken" by bandits were not counted as kidnapped
        ("Nine aid workers were taken when bandits attacked their convoy.", "kidnapped"),
        ("Twenty people were taken to hospital.", "take to hospital"),
        ("Two men were taken into custody.", "take into custody"),
        ("Three children were taken away by relatives.", "take"),
    ],
)
def test_numbers_people_taken_with_nowhere_said_were_seized(snippet: str, event: str) -> None:
    assert only(snippet).why.features.get("event") == event


def test_numbers_people_carried_and_people_on_board_are_one_count() -> None:
    # user trial 82: "is carrying 2,140 passengers" against "has 870 passengers ... on board"
    a = make_article("The ship is carrying 2,140 passengers and 870 crew, according to the line.")
    b = make_article(
        "The ship, operated by Halcyra Cruises, has 870 passengers and 2,140 crew on board,"
        " according to the company."
    )
    found = [*find_numbers(a), *find_numbers(b)]
    assert {m.why.features.get("event") for m in found} == {"on board"}
    conflicts, _ = find_conflicts(found, [a, b])
    assert sorted(c.about.split(",")[0] for c in conflicts) == ["crew", "passenger"]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        # user trial 87: a state a copula gives is what is counted ("absent" deputies are
        # not the deputies who abstained) ...
        (
            "Two deputies were absent, according to the official tally.",
            "Nine deputies abstained, according to the official tally.",
            "different-thing",
        ),
        # ... but the same miners, whether "were underground" or "with 31 miners underground"
        (
            "The company said 26 miners were underground when the roof fell.",
            "The roof fell with 31 miners underground, the company said.",
            "ranges-disjoint",
        ),
        # user trial 85: people on board are not the people who survived ...
        (
            "The migration office said more than 150 people had been on board.",
            "Forty-one people survived the sinking, the migration office said.",
            "different-thing",
        ),
        # ... but the crew on board is the ship's crew
        (
            "The operator says 148 passengers and 12 crew were aboard.",
            "The operator said 148 passengers and a crew of nine were on its manifest.",
            "ranges-disjoint",
        ),
        # user trial 86: an evacuation zone's radius, in any unit, as "within" gives it ...
        (
            "Police evacuated homes inside a 3-kilometre radius of the plant.",
            "Police evacuated homes within a mile of the plant.",
            "ranges-disjoint",
        ),
        (
            "Residents living within 3 km of the plant were evacuated.",
            "Residents were told to leave their homes within three kilometres of the plant.",
            "ranges-overlap",
        ),
        # ... is not the radius of the area told to stay inside
        (
            "Police evacuated homes inside a 3-kilometre radius of the plant.",
            "People living within five miles were told to stay inside.",
            "not compared",
        ),
        # a firm cited by its first word is the firm named in full: another source than the
        # fire service (and "put ... at 18 tonnes" cites Brantor, however the parse hangs "at")
        (
            "The fire service estimated that 30 tonnes of chemicals had burned.",
            "Brantor put the quantity of material involved at 18 tonnes. Brantor Chemicals "
            "runs the site.",
            "different-source",
        ),
        # user trial 87: a crowd that swelled is the people who gathered, and "by the
        # evening" is a time the entity model does not tag ...
        (
            "By evening, police said, the crowd had swelled to more than 6,000.",
            "About 4,000 people had gathered by the evening, police said.",
            "ranges-disjoint",
        ),
        (
            "At midday, police put the crowd at around 2,500.",
            "About 4,000 people had gathered by the evening, police said.",
            "different-period",
        ),
        # ... a Saturday night is the Saturday evening, and 3 a.m. is in the night
        (
            "The ambulance service said 19 people were taken to hospital on Saturday evening.",
            "The ambulance service said 14 people were taken to hospital on Saturday night.",
            "ranges-disjoint",
        ),
        (
            "Sulphur dioxide peaked at 12 parts per million at about 3 a.m., the agency said.",
            "Sulphur dioxide reached at least 20 ppm overnight, the agency said.",
            "ranges-disjoint",
        ),
        # user trial 85: "adrift" and "drifting" are one state ...
        (
            "A spokesman said the boat had been adrift for around 36 hours.",
            "Survivors said the boat had been drifting for three days.",
            "ranges-disjoint",
        ),
        # ... and the people a boat left port with on board go where it goes
        (
            "The boat left Kessab, in Lurania, with about 130 people on board, the agency said.",
            "The agency said more than 150 people had been on board the boat off Ardesia.",
            "ranges-disjoint",
        ),
        # user trial 88: money and market moves. A sum "of" a noun is that noun's, and a
        # loss is what "lost" says ...
        (
            "Valdmark swung to a net loss of EUR 412m in the third quarter, it said.",
            "Valdmark said it lost 380 million euros in the third quarter.",
            "ranges-disjoint",
        ),
        # ... a value revenue "came to" is the revenue (and "EUR 9.6bn" is in euros)
        (
            "Revenue fell to EUR 9.6bn in the third quarter, the company said.",
            "Revenue in the third quarter came to 9,100 million euros, the company said.",
            "ranges-disjoint",
        ),
        # ... shares that "closed 11.4% lower" and "ended the session down 14 per cent" fell
        # at the close; a fall "in early trading" is the morning's
        (
            "Valdmark shares closed 11.4% lower on Thursday.",
            "Valdmark's shares ended Thursday's session down fourteen per cent.",
            "ranges-disjoint",
        ),
        (
            "Shares in Lundmark fell 6.2% in early trading in Halvik.",
            "Lundmark's shares closed 3.8 percent lower in Halvik, having fallen further in "
            "the morning.",
            "different-period",
        ),
        # ... and a loss "in the previous quarter" is of another period
        (
            "The carmaker reported a loss of 95 million euros in the previous quarter.",
            "The carmaker reported a quarterly loss of EUR 412 million on Thursday.",
            "different-period",
        ),
        # user trial 90: a toll a ministry "has admitted" is the ministry's
        (
            "The rights group said 12 protesters had been killed.",
            "The interior ministry has admitted only two deaths.",
            "different-source",
        ),
        # user trial 88: jobs that "go", posts that "disappear", job losses and "the cuts"
        # are one count of jobs cut
        (
            "The company said 3,800 of the cuts would fall in Aldenia.",
            "In Aldenia, 1,400 jobs will go, the company said.",
            "ranges-disjoint",
        ),
        (
            "At the Virelo plant 1,870 jobs will go.",
            "At the Virelo plant nearly 1,900 posts are to disappear.",
            "ranges-overlap",
        ),
        # the whole a part is taken from is another scope than a count of deputies
        (
            "The motion won the support of 117 of the Assembly's 240 deputies.",
            "Two deputies were absent.",
            "different-scope",
        ),
    ],
)
def test_numbers_trials_85_to_87(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_a_live_entry_stamp_dates_its_figures() -> None:
    """User trial 85: a live page's entries open with a time ("08:15 Bodies recovered"); the
    figures below a stamp were given then, and a toll the page gives twice rose."""
    live = make_article(
        "18:30 Coastguard gives evening toll",
        "At its evening briefing, the coastguard said 23 bodies had been recovered.",
        "08:15 Bodies recovered",
        "The coastguard says six bodies have so far been recovered.",
    )
    daily = make_article(
        "At its evening briefing on Monday, the coastguard said 17 bodies had been recovered."
    )
    live_numbers, daily_numbers = find_numbers(live), find_numbers(daily)
    assert [(n.value, n.when) for n in live_numbers] == [(23.0, "evening"), (6.0, "08:15")]
    assert daily_numbers[0].when == "evening briefing on Monday"
    conflicts, explained = find_conflicts([*live_numbers, *daily_numbers], [live, daily])
    assert [sorted(n.value for n in c.mentions) for c in conflicts] == [[17.0, 23.0]]
    assert [(sorted(n.value for n in c.mentions), c.why.rule) for c in explained] == [
        ([6.0, 17.0], "different-period")
    ]


def test_numbers_its_members_are_the_organisation_named_before() -> None:
    mention = only(
        "Dr Ana Vell, of the Marrach Doctors' Association, said its members had counted at "
        "least 35 deaths across the province."
    )
    assert mention.attributed_to == "Marrach Doctors' Association"


def test_numbers_an_instruction_cites_no_one() -> None:
    mention = only(
        "A shelter order covering a radius of eight kilometres told residents to keep their "
        "windows closed."
    )
    assert (mention.value, mention.attributed_to) == (8.0, None)
    assert mention.what == "radius of the area told to keep"


def test_numbers_the_number_counts_what_the_figure_before_it_counts() -> None:
    """User trial 85: "put the number at about 120" gives a figure for what the paragraph
    before counted (rule ``refers-back``); a figure further back lends nothing."""
    near = find_numbers(
        make_article(
            "Survivors said about 130 people had been on board.",
            "The migration office put the number at about 120.",
        )
    )
    assert [(n.what, n.why.rule) for n in near] == [
        ("people on board", "nummod"),
        ("people on board", "refers-back"),
    ]
    far = find_numbers(
        make_article(
            "Survivors said about 130 people had been on board.",
            "The sea was calm.",
            "Rescuers worked all night.",
            "The migration office put the number at about 120.",
        )
    )
    assert far[-1].what == "number"


def test_numbers_a_scope_word_of_another_figure_stays_with_it() -> None:
    """User trial 88 (the planted breach story): "worldwide" is the turnover's scope, not the
    fine's."""
    found = find_numbers(
        make_article(
            "The authority can impose fines of as much as 48 million euros or 4 percent of "
            "worldwide turnover."
        )
    )
    assert [(n.value, n.why.features.get("scope")) for n in found] == [
        (48e6, None),
        (4.0, "national"),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "value", "source"),
    [
        # user trial 89: "according to the report" cites whoever the article said made it ...
        (
            (
                "The Halden Institute's weekly report was published on Monday.",
                "According to the report, 78 percent of children in Orlen have had both doses.",
            ),
            78.0,
            "Halden Institute",
        ),
        # ... and "it said" the source the sentence before named
        (
            (
                "The ministry counted 214 confirmed cases across the region. It said 31 "
                "children were being treated in hospital.",
            ),
            31.0,
            "ministry",
        ),
    ],
)
def test_numbers_a_document_or_a_pronoun_cites_the_source_named_before(
    paragraphs: tuple[str, ...], value: float, source: str
) -> None:
    found = {n.value: n for n in find_numbers(make_article(*paragraphs))}
    assert found[value].attributed_to == source


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("A total of 38 people were injured, the ministry said.", "people injured"),  # trial 90
        ("The ministry said 212 participants in the riots were detained.", "participants detained"),
    ],
)
def test_numbers_trial_90_what_is_counted(snippet: str, what: str) -> None:
    mention = only(snippet)
    assert mention.what == what
    assert mention.why.features["subject"] == "people"


def test_numbers_a_live_entry_stamp_inline_is_a_time_and_no_source() -> None:
    """User trial 91: "12:40 Police have revised their count: ..." opens the entry's own
    paragraph; the time dates its figures and is no part of who said them."""
    found = find_numbers(
        make_article(
            "12:40 Police have revised their count: 14 people are being held, the city's "
            "police chief told reporters.",
            "10:20 A police spokesman said about 20 people were believed to be inside.",
        )
    )
    assert [(n.value, n.when, n.attributed_to) for n in found] == [
        (14.0, "12:40", "city's police chief"),
        (20.0, "10:20", "police spokesman"),
    ]


@pytest.mark.parametrize(
    ("snippet", "value", "subject"),
    [
        ("Police threw up a half-mile exclusion zone around the bank.", 0.5, "radius:exclusion"),
        ("Witnesses said at least six rounds were fired.", 6.0, "shots"),  # shots are rounds
    ],
)
def test_numbers_trial_91_what_is_counted(snippet: str, value: float, subject: str) -> None:
    mention = only(snippet)
    assert (mention.value, mention.why.features["subject"]) == (value, subject)


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        # user trial 92: vessels waiting are ships stuck; tugboats are tugs
        (
            "By Wednesday morning 164 vessels were waiting to transit, the authority said.",
            "More than 200 ships were stuck on Wednesday morning, the authority said.",
            "ranges-disjoint",
        ),
        (
            "Eleven tugboats were pulling the ship free on Wednesday.",
            "Eight tugs were pulling the ship free on Wednesday.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trial_92_one_count_in_other_words(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_tugs_pulling_a_ship_rescue_no_one() -> None:
    mention = only("Eleven tugboats were pulling the ship free on Wednesday.")
    assert (mention.what, mention.why.features["event"]) == ("tugboats pulling", "pull")


def test_numbers_a_time_of_the_figure_s_own_clause_before_a_period_of_another() -> None:
    """A danger rated "on Saturday morning" is Saturday morning's, not "since Wednesday", the
    period of the storm a later clause tells of."""
    found = numbers_of(
        "The institute had rated the avalanche danger at four on Saturday morning, warning of "
        "slides after a storm that dropped 1.1 metres of snow since Wednesday."
    )
    assert [(text, m.when) for text, m in found if m.value == 4.0] == [
        ("four", "on Saturday morning")
    ]


@pytest.mark.parametrize(
    ("snippet", "text", "value", "what"),
    [
        # user trial 95: a term in years and months, or with a half, is one figure
        (
            "Ana Ruz was sentenced on Tuesday to seven years and six months in prison.",
            "seven years and six",
            7.5,
            "years in prison",
        ),
        (
            "A court has sentenced Ana Ruz to seven and a half years in prison.",
            "seven and a half",
            7.5,
            "years in prison",
        ),
        (
            "The talks lasted two hours and 30 minutes.",
            "two hours and 30",
            2.5,
            "duration of talks",
        ),
        # a fine of a sum in a currency that is a word too ("marks")
        (
            "He was also ordered to pay a fine of 1.8 million marks.",
            "1.8 million marks",
            1.8e6,
            "fine",
        ),
        # user trial 96: a temperature at the end of a sentence
        ("The station at the airport measured 44.2C.", "44.2", 44.2, "temperature"),
    ],
)
def test_numbers_trials_95_96_read_whole(snippet: str, text: str, value: float, what: str) -> None:
    found = numbers_of(snippet)
    assert [(t, m.value, m.what) for t, m in found] == [(text, value, what)]


def test_numbers_marks_are_money_only_after_a_large_figure() -> None:
    assert only("The tyres left 40 marks on the road.").why.features.get("unit") is None
    assert only("The firm was fined 2.5m marks.").why.features["unit"] == "mk"


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        # user trials 94 and 95: one count in other words
        (
            "The tabloid said Ana Ruz was caged for seven years.",
            "Ana Ruz was sentenced to seven and a half years in prison.",
            "ranges-disjoint",
        ),
        (
            "The court found that Ruz had accepted 3.2 million marks in bribes.",
            "Ruz pocketed more than 4 million marks in bribes.",
            "ranges-disjoint",
        ),
        (
            "Ruz was also ordered to pay a fine of 1.8 million marks.",
            "Ruz was fined 1.2 million marks.",
            "ranges-disjoint",
        ),
        (
            "The regulator fined the lender 84.5 million euros on Wednesday.",
            "On Wednesday the regulator was fining the lender 84 million euros.",
            "ranges-overlap",
        ),
        (
            "The budget trims 1.2 billion marks from education.",
            "Education spending will be cut by 1.9bn marks.",
            "ranges-disjoint",
        ),
        (
            "The fire has destroyed at least 37 homes, the fire service said.",
            "Twenty-two houses were destroyed, the fire service said.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trials_94_95_one_count_in_other_words(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_argued_cites_who_argued() -> None:
    assert only("Prosecutors argued that 40 people were hurt.").attributed_to == "Prosecutors"


def test_numbers_a_surname_is_no_place() -> None:
    """User trial 95: "received 600,000 marks from Brannigan", the contractor named in full
    before, was put in a place called Brannigan."""
    found = numbers_of(
        "Ilse Brannigan, 54, ran the firm. The defence argued that Markvist had received no "
        "more than 600,000 marks from Brannigan."
    )
    assert [(m.where, m.attributed_to) for _, m in found if m.value == 6e5] == [(None, "defence")]


@pytest.mark.parametrize(
    ("snippet", "value", "where"),
    [
        # user trial 94: the place another place lies in, where a fire began, where part of
        # a count came from are not the figure's place
        (
            "A wildfire raging through the Orrin Valley in the Serrat Hills has burned about "
            "4,200 hectares.",
            4200.0,
            "Orrin Valley",
        ),
        (
            "The fire has burned about 1,500 hectares since it broke out near Ashtane on "
            "Saturday afternoon.",
            1500.0,
            None,
        ),
        (
            "Nearly 8,000 residents had left their homes, most of them from Kelbrook and the "
            "hamlets around Fennick.",
            8000.0,
            None,
        ),
        # user trial 96: "in the capital" is a place of its own, not the one named before
        (
            "It was 44.2C in Ostrany on Monday. In the capital, the thermometer peaked at 41.3C.",
            41.3,
            "the capital",
        ),
    ],
)
def test_numbers_trials_94_96_where(snippet: str, value: float, where: str | None) -> None:
    assert [m.where for _, m in numbers_of(snippet) if m.value == value] == [where]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        # user trial 94: "across the Orrin Valley" is the whole of the valley "in" names
        (
            "By Monday the fire had burned more than 16,000 acres across the Orrin Valley.",
            "By Monday the fire had burned about 4,200 hectares in the Orrin Valley.",
            "ranges-disjoint",
        ),
        # user trial 96: "the capital, Calveth" names the capital
        (
            "Temperatures in Ostrany reached 111.6F on Monday. The capital, Calveth, hit 109F "
            "the same day.",
            "On Monday it was 44.2C in Ostrany. In the capital, the thermometer peaked at 41.3C.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trials_94_96_one_place(first: str, second: str, rule: str) -> None:
    assert rule in _verdicts(first, second)


@pytest.mark.parametrize(
    ("snippet", "value", "what"),
    [
        # user trial 97: a number word in capitals, a count a participle tells of
        ("THIRTEEN revellers are dead after a stampede at the concert.", 13.0, "revellers killed"),
        ("But police estimate nearly 40,000 crammed in.", 40000.0, "crammed in"),
    ],
)
def test_numbers_trial_97_what_is_counted(snippet: str, value: float, what: str) -> None:
    assert [(m.value, m.what) for _, m in numbers_of(snippet)] == [(value, what)]


def test_numbers_a_when_clause_of_a_year_is_that_year() -> None:
    """User trial 97: "the deadliest since 1998, when 14 people died" dated the 14 "since
    1998", a running total, and set them against this year's toll."""
    found = numbers_of(
        "It was the deadliest incident at a concert since 1998, when 14 people died in a fire."
    )
    assert [m.when for _, m in found] == ["1998"]


@pytest.mark.parametrize(
    ("snippet", "value", "subject"),
    [
        # user trial 99: heights flown at are altitudes, in any unit; a cleared cruising
        # altitude is not the one flown through; a gauge that climbs gives no altitude
        ("The warning came as the aircraft climbed through 10,800 feet.", 10800.0, "altitude"),
        ("The crew reported the fire at about 11,000 feet.", 11000.0, "altitude"),
        ("The road, which climbs to 1,900 metres, was wet.", 1900.0, "altitude"),
        (
            "The jet was heading for its cleared cruising altitude of 34,000 feet.",
            34000.0,
            "cleared cruising altitude",
        ),
    ],
)
def test_numbers_trial_99_altitudes(snippet: str, value: float, subject: str) -> None:
    assert [(m.value, m.why.features["subject"]) for _, m in numbers_of(snippet)] == [
        (value, subject)
    ]


def test_numbers_a_gauge_that_climbs_gives_no_altitude() -> None:
    found = numbers_of("By noon the gauge at the bridge had climbed to 6.4 metres.")
    assert [m.why.features["subject"] for _, m in found] != ["altitude"]


def test_numbers_altitudes_in_feet_and_metres_are_compared() -> None:
    first = "The fire warning came as the aircraft climbed through 10,800 feet, officials said."
    second = (
        "The fire warning came as the aircraft climbed through about 2,400 metres, officials said."
    )
    assert _verdict(first, second) == "ranges-disjoint"


@pytest.mark.parametrize(
    ("snippet", "value", "scope"),
    [
        # user trials 97 and 99: a part of a group picked out by what they are
        ("Four of the dead were teenagers, the youngest just 15.", 4.0, "part"),
        ("The ministry said 41 of the passengers were Corvelian citizens.", 41.0, "part"),
        # the count of those who fell ill, and a place's count, are no such part
        ("Thirty-nine of the guests became ill after the reception.", 39.0, None),
        ("At least 110 of the confirmed cases are in Hesk.", 110.0, None),
    ],
)
def test_numbers_a_part_picked_out_by_what_it_is(
    snippet: str, value: float, scope: str | None
) -> None:
    assert [m.why.features.get("scope") for _, m in numbers_of(snippet) if m.value == value] == [
        scope
    ]


def test_numbers_passengers_a_flight_left_with_are_those_it_carried() -> None:
    # user trial 99: "left Ostwick with 158 passengers" and "was carrying 164 passengers"
    # were different places (the departure city against the airport it landed at)
    first = (
        "Flight KA518 had left Ostwick with 158 passengers and six crew on board, according to "
        "a statement from Kestrel Air."
    )
    second = (
        "At Brenholt Regional Airport, the flight was carrying 164 passengers and six crew "
        "members, Kestrel Air said."
    )
    assert "ranges-disjoint" in _verdicts(first, second)


@pytest.mark.parametrize(
    ("snippet", "text", "what", "event"),
    [
        # user trial 98: a move from one value to another is no range; the value a measure
        # moves to is its level
        (
            "The bank raised its key rate from 5.25 percent to 6 percent on Thursday.",
            "6 percent",
            "rate raise",
            "level",
        ),
        (
            "Inflation eased slightly to 8.4 percent in February.",
            "8.4 percent",
            "inflation ease",
            "level",
        ),
        (
            "In Kessa, inflation reached 9.2 percent, against 8.4 percent nationally.",
            "8.4 percent",
            "inflation reach",
            "level",
        ),
    ],
)
def test_numbers_trial_98_levels(snippet: str, text: str, what: str, event: str) -> None:
    found = [(t, m.what, m.why.features.get("event")) for t, m in numbers_of(snippet)]
    assert (text, what, event) in found


def test_numbers_a_share_against_another_side_stays_that_side() -> None:
    found = numbers_of("The party won 54.3 percent of the vote, against 45.7 percent.")
    assert [m.what for _, m in found] == ["vote", "vote against"]


def test_numbers_nationally_on_the_figure_is_the_whole_country() -> None:
    found = numbers_of("In Kessa, inflation reached 9.2 percent, against 8.4 percent nationally.")
    assert [(m.where, m.why.features.get("scope")) for _, m in found] == [
        ("Kessa", None),
        ("nationally", "national"),
    ]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        # user trial 98: basis points and percentage points are one unit of a rate's change
        (
            "The bank raised its key rate by 75 basis points on Thursday.",
            "The bank raised its key rate by half a percentage point on Thursday.",
            "ranges-disjoint",
        ),
        (
            "The bank raised its key rate by 75 basis points on Thursday.",
            "The bank raised its key rate by 0.75 percentage points on Thursday.",
            "ranges-overlap",
        ),
    ],
)
def test_numbers_trial_98_points(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        # user trials 100 and 102: winds put "at" a speed; arrests "in four countries" against
        # one country's; suspects detained are people arrested
        (
            "The weather service put peak winds at 165 mph on Monday.",
            "Peak winds reached around 225 km/h on Monday, the weather service said.",
            "ranges-disjoint",
        ),
        (
            "Police arrested 47 people in four countries on Tuesday, the agency said.",
            "Police arrested 19 people in Dravenia on Tuesday, the agency said.",
            "different-scope",
        ),
        (
            "Police arrested 47 people in four countries on Tuesday, the agency said.",
            "The agency said thirty-nine suspects were detained across the four countries on "
            "Tuesday.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trials_100_102(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_early_on_a_day_is_its_morning() -> None:
    # user trial 100: "early Monday" against an evening entry's count was a conflict
    first = "About 38,000 customers were without power early Monday, the cooperative said."
    second = "At 6 p.m. on Monday, 12,400 customers were still without power, the cooperative said."
    assert _verdict(first, second) == "different-period"


def test_numbers_a_spokesman_of_a_hospital_speaks_for_the_hospital_named() -> None:
    # user trial 100: "hospital spokesman Marcus Lyle" and "Dunmore Memorial Hospital" were
    # two sources, so their counts of the people treated were no conflict
    first = "Dunmore Memorial Hospital said it treated 41 people overnight."
    second = "Hospital spokesman Marcus Lyle said more than sixty people were treated overnight."
    assert _verdict(first, second) == "ranges-disjoint"


def test_numbers_a_place_after_nearby_is_a_place() -> None:
    # user trial 100: "In nearby Ashby Flats" gave the count no place
    found = numbers_of("In nearby Ashby Flats, about 30 homes were damaged, county officials said.")
    assert [m.where for _, m in found] == ["Ashby Flats"]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        (  # survivors are the people a rescue counts
            "The coast guard said 131 people had been rescued by Wednesday morning.",
            "By Wednesday morning more than 150 survivors had been pulled from the water, the "
            "coast guard said.",
            "ranges-disjoint",
        ),
        (  # a participle after a joined noun says what happened to it, not the first verb
            "The coast guard said 131 people had been rescued and 29 bodies recovered by "
            "Wednesday morning.",
            "By Wednesday morning nineteen bodies had been recovered, the coast guard said.",
            "ranges-disjoint",
        ),
        (  # survivors speak for no institution
            "The coast guard estimated that around 200 people had been on board.",
            "Survivors said about 300 people had been on board.",
            "different-source",
        ),
        (
            "Eleven soldiers have lost their lives defending the town, the defence ministry said.",
            "The defence ministry said that dozens of soldiers had been killed in the fighting.",
            "ranges-disjoint",
        ),
        (
            "Governor Arlo Venn said that about 3,000 families had left their homes.",
            "Governor Arlo Venn said more than 9,500 families had fled.",
            "ranges-disjoint",
        ),
        (  # "in Dunmore's market square" is in Dunmore
            "In Kelloway, about 150 people gathered outside the council offices on Wednesday.",
            "More than 400 people attended a vigil in Dunmore's market square on Wednesday.",
            "different-place",
        ),
    ],
)
def test_numbers_trials_103_105(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_nautical_miles_are_their_own_unit() -> None:
    mention = only("The boat overturned about 20 nautical miles south of Cape Orsa.")
    assert mention.why.features["measure"] == "nmi"


def test_numbers_that_battle_is_dated_by_the_sentence_before() -> None:
    # user trial 104: a toll of "that battle" of 2019 was compared as today's
    found = numbers_of(
        "In 2019 rebels held the market for nine days before the army drove them out. "
        "Sixty-four soldiers were killed in that battle."
    )
    assert [(text, m.when) for text, m in found if m.value == 64] == [("Sixty-four", "2019")]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        (  # an appeal for a sum asks for it, as "asking donors for" does
            "The government and the agency launched a $1.2bn appeal on Tuesday.",
            "The government and the agency are asking donors for 1.4 billion dollars.",
            "ranges-disjoint",
        ),
        (  # funds provided and funds paid in are one sum given
            "Donors have so far provided $410m towards the appeal, the agency said.",
            "Donors have paid in only $260m towards the appeal, the agency said.",
            "ranges-disjoint",
        ),
        (  # announced and pledged a further sum: one pledge, both increments
            "The Corelian Union announced a further 300 million euros on Tuesday.",
            "On Tuesday the Corelian Union pledged a further EUR 300m.",
            "ranges-overlap",
        ),
        (  # a household's fine is not a business's
            "Households caught using hosepipes face fines of up to 250 crowns, while "
            "businesses that break the rules can be fined 2,000 crowns.",
            "Households caught using a hosepipe face a fine of 500 crowns.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trial_105_money(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_the_place_a_figure_was_given_after_it_is_not_its_place() -> None:
    # user trial 105: "the agency said at the launch in the capital, Merav" placed the 4.2
    # million people in need in the capital
    found = numbers_of(
        "A drought has gripped Harran for two years. Some 4.2 million people now need food aid, "
        "the agency said at the launch in the capital, Merav."
    )
    assert [(text, m.where) for text, m in found if m.value > 1000] == [
        ("Some 4.2 million", "Harran")
    ]


def test_numbers_it_stands_for_the_institution_of_the_clause_before() -> None:
    # user trial 105: "it says 5.1 million" was unattributed, so the government's figure was
    # a conflict with the agency's
    found = numbers_of(
        "The government's own figure is higher than the agency's: it says 5.1 million people "
        "need food aid."
    )
    assert [m.attributed_to for _, m in found] == ["government"]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        (  # what a recall covers is recalled
            "The recall covers about 95,000 tins of formula, the company said.",
            "More than 130,000 tins are being recalled, according to the company.",
            "ranges-disjoint",
        ),
        (  # babies and infants who fell ill, or were struck down, are one count of the sick
            "The authority said 27 infants had fallen ill after being fed the formula.",
            "The authority said 40 babies had been struck down after drinking the formula.",
            "ranges-disjoint",
        ),
        (  # a tailback and a queue are one queue, in km or miles
            "At 9 a.m. the operator said the tailback on the motorway stretched 18 km.",
            "At 9am the operator reported a queue of 25 miles on the motorway.",
            "ranges-disjoint",
        ),
        (  # at 9 a.m. and at 11 a.m. are two moments, though both are the morning
            "At 9 a.m. the operator said the tailback on the motorway stretched 18 km.",
            "At 11 a.m. the operator said the queue on the motorway had grown to 32 km.",
            "different-period",
        ),
    ],
)
def test_numbers_trials_106_107(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_a_count_as_given_on_a_day_is_that_days_count() -> None:
    # user trial 107: the authority's Monday count, reported again on Tuesday ("On Monday, the
    # authority said at least 13"), was read as a later, grown count
    monday = replace(
        make_article(
            "The authority said on Monday that nine infants had been admitted to hospital."
        ),
        id="mon",
        published="2026-03-09T16:40:00Z",
    )
    tuesday = replace(
        make_article("On Monday, the authority said at least 13 infants had been hospitalised."),
        id="tue",
        published="2026-03-10T17:30:00Z",
    )
    conflicts, _ = find_conflicts(
        [*find_numbers(monday), *find_numbers(tuesday)], [monday, tuesday]
    )
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]


def test_numbers_a_live_pages_entries_are_updates_not_a_count_that_varies() -> None:
    # user trial 106: the 10:42 entry's "5 people died" and the 16:25 recap's "six" made the
    # live page's toll one that varies, so no other outlet's toll was compared with it
    live = make_article(
        "16:25",
        "To recap: six people have died after the pile-up this morning.",
        "10:42",
        "Police told a news conference that 5 people died.",
    )
    wire = replace(make_article("Three people were killed, police said."), id="wire")
    live = replace(live, id="live")
    _, others = find_conflicts([*find_numbers(live), *find_numbers(wire)], [live, wire])
    assert "varies-in-article" not in [c.why.rule for c in others]


@pytest.mark.parametrize(
    ("snippet", "party"),
    [
        ("The exit poll had put the Alliance on 34 percent of the vote.", "alliance"),
        ("The poll had Civic Renewal on about 29% in the election.", "civic renewal"),
        (
            "The Alliance's share of the vote stood at 36.2%, against 32.8% for the Greens.",
            "alliance",
        ),
        ("Civic Renewal took 32.8 percent of the vote.", "civic renewal"),
        ("In the election the Greens came third with 8.9 percent.", "greens"),
    ],
)
def test_numbers_a_partys_share_of_the_vote(snippet: str, party: str) -> None:
    # user trial 108: party shares counted nothing, so the exit poll, the count and two
    # parties' shares were compared as one figure or not at all
    first = numbers_of(snippet)[0][1]
    assert (first.what, first.why.features["who"]) == ("share of the vote", party)


def test_numbers_a_share_that_is_no_vote_has_no_party() -> None:
    assert "who" not in only("Shares in Velmora fell 3 percent on Monday.").why.features


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        (  # two parties' shares are two figures
            "The commission said the Alliance won 36.2 percent of the vote.",
            "The commission said Civic Renewal won 32.8 percent of the vote.",
            "different-thing",
        ),
        (  # the exit poll is a source of its own
            "The exit poll had put the Alliance on 34 percent of the vote.",
            "The commission said the Alliance won 36.2 percent of the vote.",
            "different-source",
        ),
        (  # a whole share may be the other rounded
            "The commission said the Greens won 9% of the vote.",
            "The commission said the Greens won 8.9 percent of the vote.",
            "ranges-overlap",
        ),
        (
            "The commission said the Alliance won 36 percent of the vote.",
            "The commission said the Alliance won 32.8 percent of the vote.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trial_108_vote_shares(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_a_sum_named_as_damages_counts_those_damages() -> None:
    # user trial 111: "$1.1 billion in punitive damages" counted nothing, so the outlets'
    # punitive awards were never compared (and compensatory ones are another sum)
    found = numbers_of(
        "The jury awarded $412 million in compensatory damages and $1.1 billion in punitive "
        "damages to the plaintiffs."
    )
    assert [m.why.features.get("subject") for _, m in found if m.value > 1e6] == [
        "compensatory damage",
        "punitive damage",
    ]


def test_numbers_a_statement_with_no_figure_lends_no_source() -> None:
    # user trial 111: "Halvor said it would appeal. The award goes to more than 1,300
    # residents" gave the plaintiffs' count to the utility
    found = numbers_of(
        "Halvor said it would appeal. The award goes to more than 1,300 residents who sued."
    )
    assert [m.attributed_to for _, m in found] == [None]


def test_numbers_an_owned_estimate_is_its_owners() -> None:
    # user trial 111: "less than the Varden Fire Service's estimate of about 54,000 hectares"
    # was read as an "estimate" of the utility's experts
    found = numbers_of(
        "Halvor's own experts argued at trial that about 79,000 acres burned, less than the "
        "Varden Fire Service's estimate of about 54,000 hectares."
    )
    last = found[-1][1]
    assert (last.attributed_to, last.why.features["subject"]) == ("Varden Fire Service", "area")


def test_numbers_a_year_naming_a_noun_of_another_clause_dates_nothing() -> None:
    # user trial 111: "liable for the 2022 Sorrel Creek Fire, awarding damages to the 1,312
    # plaintiffs" dated the plaintiffs to 2022
    found = numbers_of(
        "A jury found Halvor liable for the 2022 Sorrel Creek Fire, awarding damages to the "
        "1,312 plaintiffs who sued the utility."
    )
    assert [m.when for text, m in found if text == "1,312"] == [None]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        (  # travellers stranded are passengers stranded
            "About 40,000 passengers were stranded at Brekkfield on Monday night, the airport "
            "said.",
            "Twenty-five thousand travellers were stranded at Brekkfield on Monday night, the "
            "airport said.",
            "ranges-disjoint",
        ),
        (  # "put the industry's losses at" a sum is a sum lost
            "The association put the industry's losses at €180 million a day.",
            "The association estimated that airlines were losing at least 250 million euros a day.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trial_109(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_an_airlines_own_loss_is_its_own() -> None:
    # user trial 109: Nordwing's "about €9 million" a day and the industry's €180 million made
    # the industry's loss one that varies in the article
    found = numbers_of(
        "The association put the industry's losses at €180 million a day. Nordwing Airlines "
        "parked its fleet and said it was losing about €9 million a day."
    )
    assert [(m.why.features.get("who"), m.attributed_to) for _, m in found] == [
        ("industry", "association"),
        ("nordwing airlines", "Nordwing Airlines"),
    ]


@pytest.mark.parametrize(
    ("snippet", "value", "subject"),
    [
        ("The observatory said the ash column reached about 11 kilometres.", 11, "plume height"),
        ("The observatory measured the plume at 36,000 feet on Monday.", 36000, "plume height"),
        ("The observatory says the plume has dropped to about 6 km.", 6, "plume height"),
        ("The plume travelled 18 kilometres downwind.", 18, "distance"),
    ],
)
def test_numbers_a_plumes_height_however_told(snippet: str, value: float, subject: str) -> None:
    # user trial 109: a column that "reached", a plume "measured at" and one that "dropped to"
    # were a column, an altitude and a distance, never compared
    found = [m for _, m in numbers_of(snippet) if m.value == value]
    assert [m.why.features["subject"] for m in found] == [subject]


def test_numbers_a_time_hung_on_the_figure_dates_it() -> None:
    # user trial 109: "down from 8 km on Monday morning" took the clause's "this morning"
    found = numbers_of(
        "The observatory says the plume has dropped to about 6 km this morning, down from 8 km "
        "on Monday morning."
    )
    assert [(text, m.when) for text, m in found] == [
        ("about 6", "this morning"),
        ("8", "on Monday morning"),
    ]


def test_numbers_a_live_entry_takes_no_place_from_the_entry_before() -> None:
    # user trial 109: a plume height in the 09:20 entry was placed in the town of the 09:05
    # entry
    found = numbers_of(
        "09:05 Schools in Drovnia are closed today.",
        "09:20 The observatory says the plume has dropped to about 6 km.",
    )
    assert [m.where for _, m in found if m.value == 6] == [None]


def test_numbers_this_morning_is_the_day_its_article_was_published() -> None:
    # user trial 109: 6 km "this morning" on a Tuesday page and 8 km "on Monday morning" were
    # one height that varies, so Monday's 8 km was never set against the wire's 11 km
    live = replace(
        make_article(
            "The observatory says the plume has dropped to about 6 km this morning, down from 8 "
            "km on Monday morning."
        ),
        id="live",
        published="2026-04-14T09:20:00Z",
    )
    wire = replace(
        make_article("The observatory said the ash column reached about 11 kilometres on Monday."),
        id="wire",
        published="2026-04-13T15:00:00Z",
    )
    conflicts, _ = find_conflicts([*find_numbers(live), *find_numbers(wire)], [live, wire])
    values = [sorted(m.value for m in c.mentions) for c in conflicts]
    assert values == [[8.0, 11.0]]


@pytest.mark.parametrize(
    ("first", "second", "rule"),
    [
        (  # "received treatment" is treated
            "Medics treated about 250 runners along the course on Sunday, organisers said.",
            "At least 400 runners received treatment on Sunday, organisers said.",
            "ranges-disjoint",
        ),
    ],
)
def test_numbers_trial_110(first: str, second: str, rule: str) -> None:
    assert _verdict(first, second) == rule


def test_numbers_reaching_the_finish_is_finishing() -> None:
    # user trial 110: "reached the finish" said nothing of what the runners did
    assert only("Fewer than 10,000 runners reached the finish.").why.features["event"] == "finish"


def test_numbers_a_reading_by_ten_is_not_the_reading_at_half_past_eight() -> None:
    # user trial 110: 70F at the 8:30 a.m. start and 29C "by 10 a.m." were a conflict (and the
    # digest set "about 70" against "29", without units)
    first = "At the 8:30 a.m. start the temperature was about 70 degrees Fahrenheit."
    second = "By 10 a.m. the temperature had reached 29C, the weather office said."
    assert _verdict(first, second) == "different-period"


def test_numbers_a_body_that_organises_the_race_is_the_organisers() -> None:
    # user trial 110: "organisers" and "the Arnholt Marathon Association, which organises the
    # race" were two sources, so their counts of starters were no conflict
    first = "Some 15,000 runners started the race, organisers said."
    second = (
        "The Arnholt Marathon Association, which organises the race, said 12,400 runners started."
    )
    assert _verdict(first, second) == "ranges-disjoint"


@pytest.mark.parametrize(
    ("text", "what", "when"),
    [
        # user trial 112: the estimate's object is what is counted, and its day the time
        (
            "Field Medics International put Saturday's evacuations at about 130 people.",
            "people evacuated",
            "Saturday",
        ),
        ("Tuesday's earthquake killed 40 people.", "people killed", None),  # the quake's day
        # user trial 114: people brought back home, however told
        ("The ministry said 95 of its citizens had been returned.", "citizens returned", None),
        ("The ministry said 91 men and women had been brought home.", "men brought", None),
        ("The ministry said 132 Oskavians had come home.", "Oskavians come", None),
    ],
)
def test_numbers_trials_112_and_114_what_and_when(text: str, what: str, when: str | None) -> None:
    figure = only(text)
    assert (figure.what, figure.when) == (what, when)
    if "home" in text or "returned" in text:
        assert figure.why.features["event"] == "returned"


def test_numbers_what_one_person_has_is_no_count() -> None:
    # user trial 113: "he now holds two part-time jobs" was set against the 112,000 jobs the
    # economy added, as a conflict
    assert numbers_of("Jonas Fjell said he now holds two part-time jobs.") == []
    assert numbers_of("She has three children.") == []
    assert [m.value for _, m in numbers_of("The company said it has 400 staff.")] == [400]


def test_numbers_an_economy_that_added_jobs_is_no_source() -> None:
    # user trial 113: "Ostvik's economy added 38,400 jobs ..., the statistics office said"
    # gave the figure to "Ostvik's economy"
    figure = only(
        "Ostvik's economy added 38,400 jobs in February, the Ostvik Statistics Office said."
    )
    assert figure.attributed_to == "Ostvik Statistics Office"


@pytest.mark.parametrize(
    ("text", "what", "event"),
    [
        # user trial 117: the children among the arrivals are a count of children
        ("About 15,000 of those who have arrived since Monday are children.", "children", None),
        ("Four of the dead were teenagers.", "dead", None),  # a part of the dead, as before
        # ... people who came in, whatever an outlet calls them or how it says it
        (
            "By Friday, 38,400 refugees fleeing fighting in Varnholt had crossed into Dalmoria.",
            "refugees crossed",
            "arrived",
        ),
        (
            "More than 42,000 migrants had entered Dalmoria this week.",
            "migrants entered",
            "arrived",
        ),
    ],
)
def test_numbers_trial_117_arrivals_and_children(text: str, what: str, event: str | None) -> None:
    figure = only(text)
    assert (figure.what, figure.why.features.get("event")) == (what, event)


def test_numbers_a_source_s_acronym_keeps_its_bracket() -> None:
    # user trial 117: "UN Commission for Refugees (UNCR" was listed as a source of its own
    figure = only("Some 38,400 refugees had arrived, the UN Commission for Refugees (UNCR) said.")
    assert figure.attributed_to == "UN Commission for Refugees (UNCR)"


def test_numbers_a_name_set_off_before_the_verb_is_the_source() -> None:
    # user trial 118: the parse hung "the director" on the hospital and gave "said" no
    # subject, so the hospital director's count was unattributed
    figure = only(
        "At Dravik Central Hospital, the director, Dr Lena Marek, said about 90 wounded people "
        "had been brought in by Friday morning."
    )
    assert figure.attributed_to == "Dr Lena Marek"


def test_numbers_school_days_lost_are_counted() -> None:
    # user trial 122: "11 school days" and "fourteen school days" were read as when, not as
    # figures, so the ministry's two counts were never compared
    figure = only("The ministry said 11 school days had been lost to the strike.")
    assert (figure.value, figure.what) == (11, "school days lost")
    assert [m.value for _, m in numbers_of("The strike began 11 days ago.")] == []  # a when


@pytest.mark.parametrize(
    ("text", "feature", "value"),
    [
        # user trial 126: a company's expectation of its toll revenue is a forecast
        (
            "The company expects the toll to raise 240 million euros in its first year.",
            "stance",
            "forecast",
        ),
        # user trial 124: a river that crested at 26 feet: the river's level
        ("The river crested at 26 feet on Monday.", "subject", "river"),
    ],
)
def test_numbers_trials_124_and_126(text: str, feature: str, value: str) -> None:
    assert only(text).why.features.get(feature) == value


def test_numbers_a_record_set_in_a_year_is_of_that_year() -> None:
    # user trial 124: "the record of 6.9 metres set in 1987" was dated "On Monday morning"
    found = numbers_of(
        "On Monday morning the river stood at 7.4 metres, well above the record of 6.9 metres "
        "set in 1987."
    )
    assert [(m.value, m.when) for _, m in found] == [(7.4, "On Monday morning"), (6.9, "in 1987")]


@pytest.mark.parametrize(
    "snippet",
    [
        "The board said Marrowby finished with 9,407 votes, a margin of six votes.",
        "The machine count had put Vasquil ahead by 14 votes.",
        "His rival was handed victory by just eight votes.",
        "She overturned a lead of 41 votes that Vasquil had held.",
        "The recount left the challenger six votes ahead of the incumbent.",
        "The district was handed to the Alliance by fewer than 90 votes.",
        "He won a 300-vote majority.",
    ],
)
def test_numbers_a_margin_of_votes_is_a_margin_not_a_count_of_votes(snippet: str) -> None:
    # user trial 128: totals, margins and leads were all "votes", so a margin of six was set
    # against a total of 9,407 and never against another outlet's eight
    margins = [m for _, m in numbers_of(snippet) if m.what == "vote margin"]
    assert len(margins) == 1


def test_numbers_votes_for_a_side_and_a_change_by_points_are_no_margin() -> None:
    assert [m.what for _, m in numbers_of("The motion carried by 74 votes to 51.")] == [
        "votes",
        "votes against",
    ]
    raised = numbers_of("The bank raised its rate by half a percentage point, to 6 percent.")
    assert all(m.what != "point margin" for _, m in raised)
    assert only("The convoy was led by 30 police cars.").what == "police cars"


def test_numbers_two_margins_one_article_dates_apart_are_compared_with_another_outlet() -> None:
    # user trial 128: the wire's Friday margin and election-night lead made "the margin" vary
    # in the article, so the tabloid's eight was never set against the wire's six
    wire = make_article(
        "The board said on Friday that Marrowby won by a margin of six votes.",
        "On election night the machine count had put Vasquil ahead by 14 votes.",
    )
    tabloid = make_article("Marrowby was declared the winner on Friday by just eight votes.")
    found = [*find_numbers(wire), *find_numbers(tabloid)]
    conflicts, _ = find_conflicts(found, [wire, tabloid])
    pairs = [
        {
            tabloid.text_of(m.span) if m.span.article == tabloid.id else wire.text_of(m.span)
            for m in c.mentions
        }
        for c in conflicts
    ]
    assert {"six", "eight"} in pairs


def test_numbers_places_in_a_list_are_not_one_scene() -> None:
    # user trial 102: "raids in Dravenia, Korstland, Eskara and Veltmark" linked the four
    # countries as one place, so 19 arrested in one and 14 in another were a conflict
    a = make_article(
        "Police raided offices in Dravenia, Korstland, Eskara and Veltmark at dawn.",
        "Nineteen of the suspects were arrested in Dravenia, the agency said.",
    )
    b = make_article("In Korstland, 14 people were arrested in the raids.")
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert conflicts == ()
    assert [o.why.rule for o in others] == ["different-place"]


def test_numbers_a_rate_per_a_base_counts_the_rate_not_the_base() -> None:
    # user trial 131: "5.8 per 1,000 births" counted "1,000"
    assert only("Its rate of stillbirths was 5.8 per 1,000 births.").what == (
        "rate per 1,000 births"
    )
    assert only("Infant deaths fell to 3.1 per 1,000 live births.").what == (
        "rate per 1,000 live births"
    )
    assert only("The rate was 14.2 cases per 100,000 people.").what == "cases per 100,000 people"


def test_numbers_that_year_is_the_year_of_the_sentence_before() -> None:
    # user trial 131: "That year" was no time, so the 2022 rate was set against the six-year one
    found = numbers_of(
        "In 2022 alone, 17 babies died at the unit. That year its rate of stillbirths hit 9.1"
        " per 1,000 births."
    )
    assert [(text, m.when) for text, m in found] == [("17", "In 2022"), ("9.1", "2022")]


def test_numbers_lasted_hours_before_a_later_event_is_how_long_it_lasted() -> None:
    # user trial 132: "It lasted 17 hours before Telvaro declared ..." gave no figure; "it" is
    # the subject of the sentence before
    found = numbers_of(
        "The outage began at 4:12am, when phones dropped to No Service. It lasted 17 hours"
        " before Telvaro declared full service restored at 9:15pm."
    )
    assert [(text, m.what) for text, m in found] == [
        ("4:12am", "time of outage"),
        ("17", "duration of outage"),
        ("9:15pm", "time of service restore"),
    ]
    assert numbers_of("Police arrived 20 minutes after the alarm was raised.") == []
    expletive = numbers_of(
        "The organisers said the march was peaceful. The ministry said it took officers about"
        " two hours to clear the square."
    )
    assert [m.what for _, m in expletive] == ["duration"]  # "it took ... to": no antecedent


def test_numbers_a_part_of_a_group_a_clause_defines_is_a_part() -> None:
    # user trial 131: failings "in 412 of the cases they looked at" were set against the 1,120
    # cases reviewed
    a = make_article("The inquiry team reviewed the care given in 1,120 cases.")
    b = make_article("Its experts found failings in care in 412 of the cases they looked at.")
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert conflicts == ()
    assert [o.why.rule for o in others] == ["different-scope"]


def test_numbers_a_conversion_in_brackets_is_the_same_figure() -> None:
    # user trial 140: "44.1C (111.4F)" gave two readings, each set against the other outlets'
    # in both units, and the digest listed the conversions as rival readings
    assert [
        text for text, _ in numbers_of("Varenne station reached 44.1C (111.4F) on Tuesday.")
    ] == ["44.1"]
    assert [
        text for text, _ in numbers_of("The road runs for 30 miles (48 km) along the coast.")
    ] == ["30"]
    both = numbers_of("The river rose 3 metres (10 feet) on Monday and 30 feet on Tuesday.")
    assert len(both) == 2  # a figure of its own in another unit stays
    apart = numbers_of("Highs of 20C (and 30C inland) are expected.")
    assert len(apart) == 2  # not a conversion: another value


def test_numbers_a_reprint_s_figure_gets_its_original_s_verdict() -> None:
    # user trial 139: the wire's 38 and its reprint's 38 got two verdicts against the same 41
    # (published hours apart, the wire's was excused as another time, the reprint's flagged)
    text = "Police said 38 hostages were freed on Friday, ending their ordeal."
    wire = replace(make_article(text), id="wire", published="2026-05-01T16:30:00Z")
    reprint = replace(
        make_article(text, "Church bells rang in Huldavik when the news came."),
        id="reprint",
        published="2026-05-02T08:15:00Z",
    )
    other = replace(
        make_article("Police said 41 hostages were freed on Friday."),
        id="other",
        published="2026-05-02T06:00:00Z",
    )
    alone = find_conflicts([*find_numbers(wire), *find_numbers(other)], [wire, other])
    (expected,) = [*alone[0], *alone[1]]
    articles = [wire, reprint, other]
    found = [m for a in articles for m in find_numbers(a)]
    conflicts, others = find_conflicts(found, articles, {"wire": "wire", "reprint": "wire"})
    (verdict,) = [*conflicts, *others]
    assert sorted(m.span.article for m in verdict.mentions) == ["other", "reprint", "wire"]
    assert verdict.why.rule == expected.why.rule  # the original's verdict


def test_numbers_bare_degrees_of_the_weather_are_a_temperature() -> None:
    # user trial 136: "9 degrees Celsius" and "a mild 12 degrees" at one race's start were two
    # things ("temperature", "degrees"), and the start's 9 was never set against the finish's 16
    start = make_article(
        "Mwangole broke the record with the temperature at the start a near-perfect 9 degrees"
        " Celsius."
    )
    finish = make_article(
        "Conditions were cool at the start, but the temperature had climbed to 16 degrees by the"
        " time the leaders finished."
    )
    other = make_article("Runners enjoyed a mild 12 degrees at the 8.30am start.")
    articles = [start, finish, other]
    found = [m for a in articles for m in find_numbers(a) if m.why.rule != "clock"]
    assert {m.what for m in found} == {"temperature"}  # "the 8.30am start" is a time
    conflicts, others = find_conflicts(found, articles)
    flagged = [sorted(m.value for m in c.mentions) for c in conflicts]
    assert flagged == [[9.0, 12.0]]  # the start's two readings
    assert {o.why.rule for o in others} == {"different-period"}  # a start against a finish
    assert only("The driver made a 90-degree turn.").what != "temperature"
    assert only("The road climbs at 12 degrees.").what != "temperature"
    fever = only("Some arrived with a body temperature above 41 degrees, the doctor said.")
    assert fever.what == "body temperature"


def test_numbers_a_list_that_leaves_out_the_noun_counts_it_for_each_name() -> None:
    # user trial 134: "Holtbrook 41" read as a name like "Article 5", and "Tarnby 38" as a date
    found = numbers_of(
        "Turnout was highest in Holtbrook at 41 per cent, Tarnby 38 and Gransvik 27.",
        "The school in Elkmoor has 52 pupils, Holtbrook 41 and Tarnby 38, the council said.",
    )
    rows = [(text, m.value, m.what, m.where, m.when, m.why.rule) for text, m in found]
    assert rows[1:3] == [
        ("38", 38.0, "Turnout", "Tarnby", None, "gapped"),
        ("27", 27.0, "Turnout", "Gransvik", None, "gapped"),
    ]
    assert found[1][1].why.features["unit"] == "percent"
    assert [(t, m.what, m.why.rule) for t, m in found[3:]] == [
        ("52", "pupils", "nummod"),
        ("41", "pupils", "gapped"),
        ("38", "pupils", "gapped"),
    ]
    assert found[4][1].attributed_to == found[3][1].attributed_to == "council"
    assert [t for t, _ in numbers_of("The order was for six Boeing 737 jets, Airbus 320 too.")] == [
        "six"
    ]


def test_numbers_a_change_then_a_level_in_other_units_is_no_range() -> None:
    # user trial 145: "8.1 per cent to 412,560" was one vague figure
    found = numbers_of("Kaltmark's population fell 8.1 per cent to 412,560.")
    assert [(t, m.value, m.bound) for t, m in found] == [
        ("8.1 per cent", 8.1, Bound.EXACT),
        ("412,560", 412560.0, Bound.EXACT),
    ]
    assert [t for t, _ in numbers_of("Between 30 and 40 per cent voted.")] == [
        "Between 30 and 40 per cent"
    ]


def test_numbers_a_share_told_as_one_in_so_many_is_a_percentage() -> None:
    # user trial 145: "Four in five households" was 4 "fives" and 5 households
    found = numbers_of("Four in five households filled in the form online; one in 10 paid.")
    assert [(t, m.value, m.why.features["unit"]) for t, m in found] == [
        ("Four in five", 80.0, "percent"),
        ("one in 10", 10.0, "percent"),
    ]
    assert [t for t, _ in numbers_of("The roof will be mended in two in three days.")] == ["two"]


def test_numbers_a_time_that_ends_what_the_figure_sums_up_is_not_its_time() -> None:
    # user trial 147: "before it was abandoned last year" dated the cost to last year
    cost = only("Ledgerline cost 3.4 billion crowns before it was abandoned last year.")
    assert (cost.what, cost.when) == ("cost", None)


def test_numbers_a_multiplier_is_no_count_of_times() -> None:
    # user trial 147: "paid for it three times over" was set against "changed 60 times"
    text = "Taxpayers paid for it three times over, at four times the national rate."
    assert numbers_of(text) == []
    assert only("Its contract was changed more than 60 times.").what == "times"


def test_numbers_the_level_a_figure_moved_from_counts_the_same_thing_earlier() -> None:
    # user trial 145: "from 41.4" and "up from 14.9 in 2016" counted nothing
    found = numbers_of(
        "The toll rose to 52, up from 40 on Monday.",
        "Inflation fell to 3.1 percent in May, down from 3.4 percent in April.",
        "There are now 15.8 people per square kilometre, up from 14.9 in 2016.",
    )
    rows = [(t, m.what, m.when, m.why.rule) for t, m in found]
    assert rows[1] == ("40", "toll", "on Monday", "previous")
    assert rows[3] == ("3.4 percent", "inflation", "in April", "previous")
    assert rows[5][1:] == (rows[4][1], "in 2016", "previous")
    assert found[1][1].why.features["previous"] is True
    assert "previous" not in found[0][1].why.features


def test_numbers_a_decimal_the_model_calls_a_date_dates_nothing() -> None:
    # user trial 145: "49.2" (a median age) was the time of the next figure
    found = numbers_of("The median age is now 49.2, against a national median of 43.1.")
    assert [m.when for _, m in found] == [None, None]


def test_numbers_a_type_or_category_number_is_a_label() -> None:
    # user trial 149: "type 2 diabetes" gave the figure 2
    assert [
        t for t, _ in numbers_of("Adults with type 2 diabetes qualify; a category 4 storm.")
    ] == []
    assert [t for t, _ in numbers_of("The river rose to a level of 4.2 metres.")] == ["4.2"]


def test_numbers_a_year_before_1900_after_in_or_since_is_a_year() -> None:
    # user trial 148: "since records began in 1894" gave the figure 1894
    assert numbers_of("It was the wettest night since records began in 1894.") == []
    assert [t for t, _ in numbers_of("In 1650 homes the power failed.")] == ["1650"]


def test_numbers_a_river_s_level_and_a_rain_total_are_measures() -> None:
    # user trial 148: "peaked at 4.8 metres", "reached 5.6 metres at the town gauge" and "and
    # 171 millimetres in 24 hours" were distances where something is, never compared
    found = numbers_of(
        "The Skarre peaked at 4.8 metres at the town gauge.",
        "The Skarre reached 5.6 metres at the town gauge, the service said.",
        "Some 62 millimetres of rain fell in one hour, and 171 millimetres in 24 hours.",
        "Ana Berg reached 5.6 metres on her third jump.",
    )
    assert [(t, m.what, m.why.features.get("subject")) for t, m in found] == [
        ("4.8", "level of the Skarre", "water level"),
        ("5.6", "level of the Skarre", "water level"),
        ("Some 62", "rain", "rain"),
        ("171", "rain", "rain"),
        ("5.6", "metres reached", "distance"),
    ]


def test_numbers_people_not_accounted_for_are_missing() -> None:
    # user trial 148: "could not be accounted for" read as "people accounted for"
    found = only("The mayor said as many as 20 people could not yet be accounted for.")
    assert (found.what, found.why.features["event"]) == ("people not accounted for", "missing")


def test_numbers_a_place_the_model_tags_as_a_date_dates_nothing() -> None:
    # user trial 152: "Kerrow" (the capital) was the time of seven figures
    found = numbers_of(
        "By region, Yes won 58.3 percent in Northmark, while No carried the capital district"
        " of Kerrow, where Yes took 44.6 percent."
    )
    assert all(m.when != "Kerrow" for _, m in found)
    feast = numbers_of("Some 40 people were evacuated on Christmas Day.")
    assert [m.when for _, m in feast] == ["on Christmas Day"]  # a feast day is a date


def test_numbers_the_whole_a_part_is_taken_from_is_not_what_happened_to_the_part() -> None:
    # user trial 164: "186" in "112 of the city's 186 state schools are closed" was counted
    # as closed, and "Of the city's 168 state schools, most closed" as a part
    found = {
        text: (m.what, m.why.features.get("scope"))
        for text, m in numbers_of(
            "The department says 112 of the city's 186 state schools are closed today. Of the"
            " city's 168 state schools, most closed for the day."
        )
    }
    assert found == {
        "112": ("state schools closed", None),
        "186": ("state schools", "whole"),
        "168": ("state schools", "whole"),
    }


def test_numbers_a_participle_after_be_is_the_verbs_event() -> None:
    # user trial 164: "are closed" (a state, "be closed") was not "closing 97 schools"
    (_, closed), (_, closing) = numbers_of(
        "The department says 112 of the schools are closed today. Teachers walked out on"
        " Tuesday, closing 97 schools across the city."
    )
    assert closed.why.features["event"] == closing.why.features["event"] == "close"


def test_numbers_a_time_dating_what_a_since_phrase_measures_against_is_no_when() -> None:
    # user trial 164: "first strike since a stoppage in November 2024, closing 97 schools"
    # dated the 97 schools to 2024
    ((_, mention),) = numbers_of(
        "Teachers walked out on Tuesday in their first strike since a one-day stoppage in"
        " November 2024, closing 97 schools."
    )
    assert mention.when == "on Tuesday"
    ((_, mention),) = numbers_of("Since a flash appeal in January, donors have provided $410m.")
    assert mention.when is not None and "January" in mention.when


@pytest.mark.parametrize(
    "snippet",
    ["The vessel was licensed to carry 150 passengers.", "It was licensed for 150 passengers."],
)
def test_numbers_a_licensed_number_is_a_limit_not_a_count_aboard(snippet: str) -> None:
    # user trial 163: a ferry's licence was set against the passengers on board
    mention = only(snippet)
    assert (mention.why.features.get("stance"), mention.why.features.get("event")) == (
        "limit",
        None,
    )


def test_numbers_a_count_set_against_a_limit_by_but_is_no_limit() -> None:
    # user trial 163: "licensed for 120 passengers but was carrying 212"
    found = numbers_of("It was licensed for 120 passengers but was carrying 212.")
    assert [(t, m.what, m.why.features.get("stance")) for t, m in found] == [
        ("120", "passengers", "limit"),
        ("212", "passengers", None),
    ]


def test_numbers_half_a_unit_of_length_is_a_measure() -> None:
    # user trial 165: "an exclusion zone of half a kilometre" was no figure
    mention = only("Crews set up an exclusion zone of half a kilometre around the works.")
    assert (mention.value, mention.why.features.get("measure"), mention.what) == (
        0.5,
        "km",
        "radius of the exclusion zone",
    )


def test_numbers_an_ordinal_position_of_an_event_is_a_figure() -> None:
    # user trial 166: "the fifth floor" against "the sixth floor" could not be compared
    found = numbers_of(
        "The collapse began on the sixth floor. It was the third attack on the first day."
    )
    assert [(t, m.what, m.value, m.why.rule) for t, m in found] == [
        ("sixth floor", "floor of collapse", 6.0, "position")
    ]


def test_numbers_a_date_after_its_weekday_is_read() -> None:
    # user trial 168: "on Tuesday 10 March" hangs the date on the weekday
    found = numbers_of("Pupils fell ill after eating a school lunch on Tuesday 10 March.")
    assert [(t, m.value, m.why.rule) for t, m in found] == [("10 March", 69.0, "date")]


def test_numbers_that_day_is_no_year_of_the_sentence_before() -> None:
    # user trial 168: "since 2019. Around 380 meals were served that day" dated the meals 2019
    found = numbers_of(
        "The company has held the contract since 2019. Around 380 meals were served at the"
        " school that day, the company said."
    )
    assert [(t, m.when) for t, m in found] == [("Around 380", "that day")]


def test_numbers_a_count_in_a_named_ward_is_placed_there() -> None:
    # user trial 167: "Turnout in the Harbour ward" had no place, so it was set against the
    # city's turnout
    mention = only("Turnout in the Harbour ward reached 71 percent on Sunday.")
    assert mention.where == "Harbour ward"


def test_numbers_a_school_in_a_district_is_no_regional_count() -> None:
    # user trial 168: a fine named with "at Rowanbank Primary School in the Fellgate district"
    # was a regional figure, so not compared with another outlet's
    mention = only(
        "The caterer was fined 48,000 crowns after pupils at Rowanbank Primary School in the"
        " Fellgate district fell ill."
    )
    assert mention.why.features.get("scope") is None


def test_numbers_a_region_where_a_noun_is_makes_no_regional_count() -> None:
    # the planted wildfire verdict: "a jury in the state of Varden ... ordered it to pay
    # $1.4bn in punitive damages" was a regional figure, not compared with the $1.1 billion
    mention = only(
        "A jury in the state of Varden ordered the utility to pay $1.4bn in punitive damages."
    )
    assert mention.why.features.get("scope") is None
    region = only("In the province of Velmara, the Front won 48 percent of the vote.")
    assert region.why.features.get("scope") == "regional"


@pytest.mark.parametrize(
    ("snippet", "words", "what"),
    [
        # user trial 169: "gave way at 8:05" was "time of give", "the fourth span ... dropped
        # away" "span of span drop"
        ("The Kessler Bridge gave way at 8:05 a.m. on Monday.", "8:05 a.m.", "time of bridge"),
        ("The bridge came down at 7:42 a.m. on Monday.", "7:42 a.m.", "time of bridge"),
        ("The fourth span of the bridge dropped away.", "fourth span", "span of collapse"),
        # user trial 170: "from 9 June" was read as a span, "a strike starting on 2 June" as
        # the date of "start"
        ("Nurses will walk out again for 48 hours from 9 June.", "9 June", "date of strike"),
        ("The union announced a second strike starting on 2 June.", "2 June", "date of strike"),
    ],
)
def test_numbers_one_event_worded_apart_is_named_alike(snippet: str, words: str, what: str) -> None:
    found = {text: m.what for text, m in numbers_of(snippet)}
    assert found[words] == what
