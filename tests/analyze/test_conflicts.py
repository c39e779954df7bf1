"""Tests for storylens.analyze.conflicts: hand-built mentions, fictional articles, gold seeds."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storylens.analyze.conflicts import find_conflicts
from storylens.analyze.numbers import find_numbers
from storylens.model import (
    Article,
    Bound,
    Conflict,
    NumberMention,
    Paragraph,
    Span,
    Why,
    content_hash,
)

FLOORS = Path(__file__).resolve().parents[2] / "eval" / "numbers_floors.json"


def article(text: str) -> Article:
    """A one-paragraph fictional article."""
    par = Paragraph(0, len(text), sentences=((0, len(text)),))
    return Article(
        id=content_hash(text), text=text, paragraphs=(par,), content_hash=content_hash(text)
    )


A = article("Outlet A reports the figures.")
B = article("Outlet B reports the figures too.")


def mention(
    art: Article,
    low: float,
    high: float,
    what: str = "wounded",
    *,
    start: int = 0,
    where: str | None = "Dunmore",
    when: str | None = None,
    source: str | None = None,
    scope: str | None = None,
) -> NumberMention:
    """A hand-built mention; event and subject come from ``what``."""
    features = {"scope": scope} if scope else {}
    return NumberMention(
        span=Span(art.id, start, start + 3),
        value=low,
        bound=Bound.EXACT if low == high else Bound.VAGUE,
        low=low,
        high=high,
        what=what,
        where=where,
        when=when,
        attributed_to=source,
        why=Why(rule="test", features=features),
    )


def judge(a: NumberMention, b: NumberMention) -> Conflict:
    """The one verdict two mentions get."""
    conflicts, others = find_conflicts([a, b], [A, B])
    verdicts = conflicts + others
    assert len(verdicts) == 1, verdicts
    return verdicts[0]


def test_conflicts_disjoint_ranges_conflict() -> None:
    verdict = judge(
        mention(A, 101, math.inf, source="the UN Relief Mission for Valdoria"),
        mention(B, 24, 99, "people injured", source="Unrmv"),
    )
    assert (verdict.kind, verdict.why.rule) == ("number", "ranges-disjoint")
    assert verdict.about == "wounded in Dunmore, per Unrmv"
    assert verdict.why.features["a"]["high"] is None  # JSON-safe: no infinity


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        (mention(A, 40, math.inf), mention(B, 45, 45), "ranges-overlap"),
        (mention(A, 40, 40, where="Dunmore"), mention(B, 5, 5, where="Harlow"), "different-place"),
        (mention(A, 8000, 8000, scope="national"), mention(B, 300, 300), "different-scope"),
        (
            mention(A, 40, 40, when="in the last 24 hours"),
            mention(B, 5, 5, when="over the past three days"),
            "different-period",
        ),
        (
            mention(A, 40, 40, when="since June"),
            mention(B, 5, 5, when="in the last 24 hours"),
            "different-period",
        ),
        (
            mention(A, 40, 40, source="Red Cross"),
            mention(B, 5, 5, source="Unicef"),
            "different-source",
        ),
        (
            mention(A, 40, 40, "children injured"),
            mention(B, 5, 5, "soldiers wounded"),
            "different-thing",
        ),
    ],
)
def test_conflicts_reasons_not_flagged(a: NumberMention, b: NumberMention, rule: str) -> None:
    verdict = judge(a, b)
    assert (verdict.kind, verdict.why.rule) == ("not-conflict", rule)
    assert rule in verdict.why.features["reasons"]


@pytest.mark.parametrize(
    ("a_source", "b_source", "rule"),
    [
        ("the town hospital", "the regional emergency office", "different-source"),
        ("officials", "the regional emergency office", "ranges-disjoint"),  # officials: anyone
        ("a spokesman for the defence ministry", "the defence ministry", "ranges-disjoint"),
        ("the ministry", "the defence ministry", "ranges-disjoint"),
        ("the company", "Corvan Pharma", "ranges-disjoint"),  # a name of the body's kind
        ("the ministry", "Ministry of Transport", "ranges-disjoint"),
        ("the town hospital", "Unicef", "different-source"),  # a name of another kind
        ("Police", "the police union", "different-source"),  # a union of police officers
        # user trial 129: an institute named "X of Y" is of an institute's kind, not a board's
        ("the board", "National Institute of Child Health", "different-source"),
        ("the institute", "National Institute of Child Health", "ranges-disjoint"),
        ("the ministry", "Department of Health", "ranges-disjoint"),  # both government
        ("the union", "Cabin Crew Association of Arventia", "ranges-disjoint"),  # "union" tells
        # no kind of its own
        ("the operator", "the company", "ranges-disjoint"),  # user trial 132: one firm
        ("the airport operator", "the airline", "different-source"),
    ],
)
def test_conflicts_unnamed_institutions_are_sources(
    a_source: str, b_source: str, rule: str
) -> None:
    verdict = judge(mention(A, 9, 9, source=a_source), mention(B, 12, math.inf, source=b_source))
    assert verdict.why.rule == rule


def test_conflicts_compatible_period_and_source_still_conflict() -> None:
    verdict = judge(
        mention(
            A,
            40,
            math.inf,
            "civilians killed",
            when="in the last 24 hours",
            source="United Nations",
        ),
        mention(B, 5, 5, "people dead", when="in the past day", source="UN"),
    )
    assert verdict.why.rule == "ranges-disjoint"


@pytest.mark.parametrize(
    ("a_source", "b_source"),
    [
        ("Police", "police"),
        ("Mr Brask", "Harbourmaster Ilse Brask"),
        ("Dr Ilse Brask", "Brask"),
        ("Velmar Coast Guard", "coast guard"),  # taken for one source, told as the longer
    ],
)
def test_conflicts_one_source_named_two_ways(a_source: str, b_source: str) -> None:
    verdict = judge(mention(A, 9, 9, source=a_source), mention(B, 12, 12, source=b_source))
    assert verdict.why.rule == "ranges-disjoint"
    assert verdict.about.count(", per ") == 1
    assert " vs " not in verdict.about


def test_conflicts_different_people_with_titles_stay_different() -> None:
    verdict = judge(
        mention(A, 9, 9, source="Harbourmaster Ilse Brask"),
        mention(B, 12, 12, source="Mayor Tomas Reyl"),
    )
    assert verdict.why.rule == "different-source"


def test_conflicts_label_lends_no_source_to_an_unattributed_mention() -> None:
    verdict = judge(mention(A, 9, 9, source="the town hospital"), mention(B, 12, 12))
    assert verdict.why.rule == "ranges-disjoint"
    assert verdict.about == "wounded in Dunmore, per the town hospital vs unattributed"


def test_conflicts_places_an_article_links_are_one_scene() -> None:
    one = article("The barge sank on Lake Ardin near Pellow on Monday.")
    two = article("Nobody has said where it happened.")
    numbers = [
        mention(one, 40, 40, where="Lake Ardin"),
        mention(two, 5, 5, where="Pellow"),
    ]
    conflicts, _ = find_conflicts(numbers, [one, two])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]
    apart = article("The barge sank on Lake Ardin. Pellow is far away.")
    numbers[0] = mention(apart, 40, 40, where="Lake Ardin")
    _, others = find_conflicts(numbers, [apart, two])
    assert [c.why.rule for c in others] == ["different-place"]


def test_conflicts_missing_place_is_compatible() -> None:
    verdict = judge(mention(A, 101, math.inf), mention(B, 24, 99, where=None))
    assert verdict.why.rule == "ranges-disjoint"


def test_conflicts_compare_only_the_same_thing() -> None:
    conflicts, others = find_conflicts(
        [mention(A, 40, 40, "people killed"), mention(B, 5, 5, "homes destroyed")], [A, B]
    )
    assert conflicts == others == ()


def test_conflicts_same_article_and_copies_are_not_compared() -> None:
    copy = Article(id="copy", text=A.text, paragraphs=A.paragraphs, content_hash=A.content_hash)
    numbers = [mention(A, 40, 40), mention(A, 5, 5, start=5), mention(copy, 7, 7)]
    assert find_conflicts(numbers, [A, copy]) == ((), ())


def test_conflicts_copies_of_one_text_give_one_verdict() -> None:
    # user trial 74: a wire story and its reprint listed each conflict once per copy, and
    # compared each figure with its own copy
    reprint = article("Outlet A reports the figures, reprinted.")
    numbers = [mention(A, 120, 120), mention(reprint, 120, 120), mention(B, 85, 85)]
    origins = {A.id: "wire", reprint.id: "wire", B.id: B.id}
    conflicts, others = find_conflicts(numbers, [A, reprint, B], origins)
    assert [[(m.span.article, m.low) for m in c.mentions] for c in conflicts] == [
        [(A.id, 120), (B.id, 85), (reprint.id, 120)]
    ]
    assert others == ()


def test_conflicts_are_deterministic() -> None:
    numbers = [mention(A, 101, math.inf), mention(B, 24, 99), mention(B, 30, 30, start=5)]
    first = find_conflicts(numbers, [A, B])
    assert first == find_conflicts(list(reversed(numbers)), [A, B])
    assert len({c.id for c in first[0] + first[1]}) == 2  # A with each of B's two


def test_conflicts_a_thing_with_several_values_in_one_article_is_not_one_quantity() -> None:
    first, second = mention(A, 12, 12, "yards"), mention(A, 48, 48, "yards", start=9)
    conflicts, others = find_conflicts([first, second, mention(B, 30, 30, "yards")], [A, B])
    assert conflicts == ()
    [verdict] = others  # one line for the thing, standing for both pairs
    assert (verdict.why.rule, verdict.why.features["pairs"]) == ("varies-in-article", 2)
    # a second value that may also hold ("dozens" and 42) does not make the thing vary
    dozens, also = mention(B, 24, 99), mention(B, 42, 42, start=9)
    conflicts, _ = find_conflicts([mention(A, 101, math.inf), dozens, also], [A, B])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint", "ranges-disjoint"]


def test_conflicts_sports_yardage_end_to_end() -> None:
    one = article("Tarlo ran for 12 yards on the first play and then for 48 yards in Dunmore.")
    two = article("Tarlo ran for 30 yards in Dunmore on the opening drive.")
    numbers = [*find_numbers(one), *find_numbers(two)]
    assert len(numbers) == 3
    conflicts, others = find_conflicts(numbers, [one, two])
    assert conflicts == ()
    assert {o.why.rule for o in others} == {"varies-in-article"}


# ------------------------------------------------------- periods, parts and verbs (user trial)


def featured(base: NumberMention, **features: Any) -> NumberMention:
    """``base`` with extra ``why.features`` (event, increment, scope...)."""
    return replace(base, why=replace(base.why, features={**base.why.features, **features}))


def dated(text: str, day: str) -> Article:
    """A one-paragraph fictional article published on ``day``."""
    return replace(article(text), published=f"{day}T08:00:00Z")


def test_conflicts_same_noun_meets_across_verbs_but_two_verbs_differ() -> None:
    sent = featured(mention(A, 50, 50, "lifeguards sent"), event="send", subject="lifeguard")
    bare = featured(mention(B, 35, 35, "lifeguards"), subject="lifeguard", role="subject")
    swam = featured(mention(B, 35, 35, "lifeguards swam"), event="swim", subject="lifeguard")
    aside = featured(mention(B, 35, 35, "lifeguards"), subject="lifeguard")
    assert judge(sent, bare).why.rule == "ranges-disjoint"
    assert judge(sent, swam).why.rule == "different-thing"
    assert find_conflicts([sent, aside], [A, B]) == ((), ())  # named in passing: no candidate


def test_conflicts_increment_is_not_a_total() -> None:
    total = mention(A, 30, 30, "people arrested", when="on Friday")
    more = featured(mention(B, 9, 9, "people arrested", when="on Friday"), increment="more")
    assert judge(total, more).why.rule == "different-period"


@pytest.mark.parametrize(
    ("when_a", "when_b", "rule"),
    [
        ("this year", "in May", "different-period"),
        ("on Friday", "on Saturday", "different-period"),
        ("on Friday", "Friday night", "ranges-disjoint"),
        ("a year", "over four years", "different-period"),
        ("on Friday", "in the last 24 hours", "ranges-disjoint"),
    ],
)
def test_conflicts_calendar_periods_and_rates(when_a: str, when_b: str, rule: str) -> None:
    verdict = judge(mention(A, 30, 30, when=when_a), mention(B, 9, 9, when=when_b))
    assert verdict.why.rule == rule


def test_conflicts_running_total_from_another_day_may_have_grown() -> None:
    early, late, same = (
        dated("Day one.", "2030-05-01"),
        dated("Day two.", "2030-05-02"),
        dated("Day one too.", "2030-05-01"),
    )
    total = mention(late, 90, 90, when="since Monday")
    _, others = find_conflicts([mention(early, 60, 60), total], [early, late])
    assert [c.why.rule for c in others] == ["different-period"]
    conflicts, _ = find_conflicts(
        [mention(same, 60, 60), replace(total, span=replace(total.span, article=early.id))],
        [same, early],
    )
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]


def test_conflicts_national_phrases_are_one_place_and_a_part_is_another_scope() -> None:
    nationwide = mention(A, 40, 40, where="nationwide", scope="national")
    across = mention(B, 55, 55, where="across the country", scope="national")
    verdict = judge(nationwide, across)
    assert verdict.why.rule == "ranges-disjoint"
    assert verdict.about == "wounded nationwide vs across the country"
    assert judge(mention(A, 40, 40), mention(B, 5, 5, scope="part")).why.rule == ("different-scope")


def test_conflicts_end_to_end_on_fictional_articles() -> None:
    one = article(
        "More than 100 people were injured in Dunmore in the last 24 hours, the "
        "Valdoria Relief Mission said."
    )
    two = article(
        "Dozens of people have been hurt in Dunmore, according to the Valdoria Relief Mission."
    )
    numbers = [*find_numbers(one), *find_numbers(two)]
    conflicts, _ = find_conflicts(numbers, [one, two])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]
    assert conflicts[0].about.startswith("wounded in Dunmore")


# ------------------------------------------------------------------------- gold seeds


def _covers(articles: dict[str, Article], key: str, text: str, m: NumberMention) -> bool:
    art = articles[key]
    start = art.text.find(text)
    return m.span.article == art.id and m.span.start < start + len(text) and start < m.span.end


def _pair_flagged(
    conflicts: tuple[Conflict, ...], articles: dict[str, Article], pair: dict[str, Any]
) -> bool:
    return any(
        any(_covers(articles, "a", pair["a"], x) for x in c.mentions)
        and any(_covers(articles, "b", pair["b"], x) for x in c.mentions)
        for c in conflicts
    )


def test_conflicts_gold_seed_pair(
    seed_articles: list[Article], gold_lashkar_gah: dict[str, Any]
) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    articles = dict(zip("ab", seed_articles, strict=True))
    numbers = [m for a in seed_articles for m in find_numbers(a)]
    conflicts, others = find_conflicts(numbers, seed_articles)
    gold = gold_lashkar_gah
    found = sum(_pair_flagged(conflicts, articles, c) for c in gold["conflicts"])
    flagged = sum(_pair_flagged(conflicts, articles, c) for c in gold["not_conflicts"])
    print(
        f"conflicts gold: {found}/{len(gold['conflicts'])} found, "
        f"{flagged}/{len(gold['not_conflicts'])} not-conflicts flagged, "
        f"{len(others)} candidates explained"
    )
    assert found >= max(floors["gold_conflicts_found"], 1)
    assert flagged <= floors["not_conflicts_flagged_max"]


# ------------------------------------------------------------ penalties in time (user trial)


def test_conflicts_prison_terms_of_one_person_conflict_and_of_two_people_do_not() -> None:
    one = article("Ivo Brenk was sentenced to six years in prison. Prosecutors asked for 10 years.")
    two = article(
        "Ivo Brenk was jailed for four years. His aide, Ada Moll, was sentenced to six years."
    )
    numbers = [*find_numbers(one), *find_numbers(two)]
    assert len(numbers) == 4
    conflicts, others = find_conflicts(numbers, [one, two])
    assert [sorted(m.value for m in c.mentions) for c in conflicts] == [[4.0, 6.0]]
    # two people's terms are two things; the term prosecutors asked for is a demand
    assert {o.why.rule for o in others} == {"different-thing", "different-stance"}


def test_conflicts_a_partial_count_is_another_scope_than_the_final_result() -> None:
    one = article("The Greens had 30.5 percent of the vote with 80 percent of ballots counted.")
    two = article("The Greens won 33.0 percent of the vote, the commission said.")
    numbers = [
        m for m in [*find_numbers(one), *find_numbers(two)] if m.why.features["subject"] == "vote"
    ]
    conflicts, others = find_conflicts(numbers, [one, two])
    assert conflicts == ()
    assert [o.why.rule for o in others] == ["different-scope"]


def test_conflicts_two_values_of_one_copula_subject_conflict() -> None:
    one = article("Turnout was 55.1 percent, the commission said.")
    two = article("Turnout was 51.5 percent, the commission said.")
    conflicts, _ = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert len(conflicts) == 1


def test_conflicts_the_whole_of_n_of_m_is_not_compared_with_a_share() -> None:
    one = article("The Greens won 40 of the 120 seats.")
    two = article("The Greens won 44 of 120 seats.")
    conflicts, others = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert [sorted(m.value for m in c.mentions) for c in conflicts] == [[40.0, 44.0]]
    assert [o.why.rule for o in others] == ["ranges-overlap"]


def test_conflicts_an_offer_and_a_demand_are_not_one_quantity() -> None:
    one = article(
        "The dock union has turned down the harbour board's offer of a 3 percent rise"
        " and wants 8 percent."
    )
    two = article("The union is asking for an 8 percent pay rise; the board has offered 3 percent.")
    numbers = [*find_numbers(one), *find_numbers(two)]
    assert {m.why.features.get("stance") for m in numbers} == {"offer", "demand"}
    conflicts, others = find_conflicts(numbers, [one, two])
    assert conflicts == ()
    assert "different-stance" in {c.why.rule for c in others}


def test_conflicts_a_plan_is_not_a_count() -> None:
    one = article("The mill plans to cut 500 jobs, the company said.")
    two = article("The mill cut 300 jobs, the company said.")
    conflicts, others = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert conflicts == ()
    assert [c.why.rule for c in others] == ["different-stance"]
    done = article("The mill cut 500 jobs, the company said.")
    conflicts, _ = find_conflicts([*find_numbers(done), *find_numbers(two)], [done, two])
    assert len(conflicts) == 1


# ------------------------------------------- one figure in two articles, scope (user trial)


def test_conflicts_a_value_another_article_also_gives_is_not_explained_by_variation() -> None:
    first, second = mention(A, 12, 12, "yards"), mention(A, 48, 48, "yards", start=9)
    same = mention(B, 12, 12, "yards")
    conflicts, others = find_conflicts([first, second, same], [A, B])
    assert conflicts == ()
    assert sorted((o.why.rule, o.mentions[0].value) for o in others) == [
        ("ranges-overlap", 12),
        ("varies-in-article", 48),
    ]


def test_conflicts_a_total_and_a_part_in_one_article_do_not_vary() -> None:
    one = article(
        "The agency ordered Brennic Labs to recall 500,000 doses of its flu vaccine. "
        "In March alone, 300,000 doses of the vaccine were given, the agency said."
    )
    two = article("Brennic Labs is recalling 500,000 doses of its flu vaccine, the agency said.")
    three = article("Some 350,000 doses of the flu vaccine are being recalled, the agency said.")
    articles = [one, two, three]
    numbers = [m for a in articles for m in find_numbers(a)]
    assert len(numbers) == 4
    conflicts, others = find_conflicts(numbers, articles)
    assert sorted(tuple(sorted(m.value for m in c.mentions)) for c in conflicts) == [
        (350_000, 500_000),
        (350_000, 500_000),
    ]
    assert "varies-in-article" not in {o.why.rule for o in others}
    agree = next(o for o in others if {m.value for m in o.mentions} == {500_000})
    assert agree.why.rule == "ranges-overlap"


def test_conflicts_a_district_and_a_province_are_different_places() -> None:
    one = article("In Tolberg district alone, nine schools are closed, the education office said.")
    two = article("Across the province of Elmore, 52 schools are closed, the ministry said.")
    _, others = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    [verdict] = others
    assert verdict.why.rule == "different-place"
    assert verdict.why.features["reasons"][:2] == ["different-place", "different-scope"]


# ------------------------------------- an official toll and an independent one (user trial)


def test_conflicts_two_sources_side_by_side_in_one_article_do_not_vary() -> None:
    one = article(
        "Seven people were killed in Orlen on Friday, the interior ministry said. Harbour Watch,"
        " an independent monitoring group, said at least 30 people had died."
    )
    two = article("At least 12 people were killed in Orlen on Friday, the interior ministry said.")
    numbers = [*find_numbers(one), *find_numbers(two)]
    conflicts, others = find_conflicts(numbers, [one, two])
    assert [sorted(m.value for m in c.mentions) for c in conflicts] == [[7, 12]]
    assert [(o.why.rule, sorted(m.value for m in o.mentions)) for o in others] == [
        ("different-source", [12, 30])
    ]


def judge_in(a: NumberMention, b: NumberMention, *articles: Article) -> Conflict:
    """The one verdict two mentions of these articles get."""
    conflicts, others = find_conflicts([a, b], list(articles))
    [verdict] = conflicts + others
    return verdict


@pytest.mark.parametrize(
    ("told", "rule"),
    [
        ("The rights group Harbour Watch counted the dead.", "different-source"),
        ("Harbour Watch, a monitoring group based in Orlen, counted the dead.", "different-source"),
        ("Harbour Watch counted the dead.", "ranges-disjoint"),  # the name does not tell
    ],
)
def test_conflicts_a_named_body_is_of_the_kind_the_story_says(told: str, rule: str) -> None:
    other = article(told)
    verdict = judge_in(
        mention(A, 9, 9, source="the interior ministry"),
        mention(other, 30, math.inf, source="Harbour Watch"),
        A,
        other,
    )
    assert verdict.why.rule == rule


def test_conflicts_a_total_since_an_event_on_a_day_is_a_running_total() -> None:
    early, late = dated("Day one.", "2030-05-01"), dated("Day two.", "2030-05-02")
    verdict = judge_in(
        mention(early, 9, 9),
        mention(late, 23, 23, when="since the unrest began on May 3"),
        early,
        late,
    )
    assert verdict.why.rule == "different-period"
    since_may = judge_in(
        mention(early, 9, 9, when="since May 1"),
        mention(late, 23, 23, when="since the unrest began on May 1"),
        early,
        late,
    )
    assert since_may.why.rule == "ranges-disjoint"


@pytest.mark.parametrize("odd", ["the", "", "'s", "—"])
def test_conflicts_a_source_name_with_no_words_is_anyone(odd: str) -> None:
    verdict = judge(mention(A, 5, 5, source=odd), mention(B, 40, 40, source="police"))
    assert verdict.why.rule == "ranges-disjoint"


def test_conflicts_figures_of_different_named_holders_are_different_things() -> None:
    one = article(
        "The Green Union won 40 of the 120 seats, the board said. The Farm Party took"
        " 30 percent and 35 seats."
    )
    two = article("The Green Union won 44 of the 120 seats, the board said.")
    numbers = [*find_numbers(one), *find_numbers(two)]
    holders = {m.why.features.get("who") for m in numbers}
    assert {"green union", "farm party"} <= holders
    conflicts, _ = find_conflicts(numbers, [one, two])
    assert [sorted(m.value for m in c.mentions) for c in conflicts] == [[40.0, 44.0]]


def test_conflicts_people_trapped_are_a_casualty_count() -> None:
    one = article("Nine miners were trapped when the tunnel at the Tarnholt mine gave way.")
    two = article("The collapse left at least 23 miners trapped underground at the Tarnholt mine.")
    conflicts, _ = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]
    assert conflicts[0].about.startswith("trapped")


def test_conflicts_jobs_cut_lost_or_to_go_are_one_count() -> None:
    one = article("The closure of the Brackwater plant will cost 2,400 jobs, the carmaker said.")
    two = article(
        "Production at the Brackwater plant will stop, the company said, with about 1,800 jobs"
        " to go."
    )
    conflicts, _ = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]


@pytest.mark.parametrize(
    "later",
    [
        "Thirty-one people have now been treated in hospital since the ammonia leak, health"
        " officials said on Wednesday.",
        "Some 31 people had been treated in hospital by Wednesday evening.",
    ],
)
def test_conflicts_a_running_total_from_an_event_or_by_a_day_may_have_grown(later: str) -> None:
    one = article("Fourteen people were treated in hospital for breathing problems.")
    two = article(later)
    conflicts, others = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert conflicts == ()
    assert [c.why.rule for c in others] == ["different-period"]


def test_conflicts_a_distance_saying_where_is_not_how_far() -> None:
    one = article("The ammonia plume is believed to have travelled 18 kilometres downstream.")
    two = article("The primary school in Tellford, two kilometres downstream, was closed.")
    conflicts, _ = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert conflicts == ()


def test_conflicts_sums_a_verb_does_something_with_are_compared() -> None:
    one = article("Repairs to the Kell bridge will cost £85m, the council said.")
    two = article("Repairs to the Kell bridge will cost £120m, the council said.")
    three = article("The hackers demanded €120m to unlock the files.")
    mentions = [*find_numbers(one), *find_numbers(two), *find_numbers(three)]
    conflicts, others = find_conflicts(mentions, [one, two, three])
    assert [(c.about, c.why.rule) for c in conflicts] == [
        ("cost (money), per council", "ranges-disjoint")
    ]
    assert all(c.about.startswith("cost") for c in others)


def test_conflicts_a_day_s_rain_is_no_running_total() -> None:
    one = article(
        "The weather service said 140 millimetres of rain had fallen in a day on the Kell basin."
    )
    two = article(
        "More than 200 millimetres of rain has fallen on the Kell basin since Sunday, the"
        " weather service said."
    )
    conflicts, others = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert conflicts == ()
    assert [c.why.rule for c in others] == ["different-period"]


def test_conflicts_a_toll_across_a_province_is_a_wider_scope_than_a_town() -> None:
    one = article("At least 7 people died in Quessing, the agency said.")
    two = article("Across Vardenholt province, 12 people have died, the agency said.")
    conflicts, others = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert conflicts == ()
    assert [(c.about, c.why.rule) for c in others] == [
        ("killed in Quessing vs across Vardenholt province, per agency", "different-scope")
    ]


def test_conflicts_counts_of_articles_published_on_different_days_are_different_periods() -> None:
    one = replace(
        article("The death toll in Lisko stood at 23, the prime minister said."),
        published="2026-04-07T20:00:00Z",  # a Tuesday
    )
    two = replace(
        article("The death toll in Lisko rose to 29 on Wednesday, the prime minister said."),
        published="2026-04-08T09:00:00Z",
    )
    three = replace(
        article("The death toll in Lisko stood at 31, the prime minister said."),
        published="2026-04-09T09:00:00Z",
    )
    arts = [one, two, three]
    conflicts, others = find_conflicts([m for a in arts for m in find_numbers(a)], arts)
    assert conflicts == ()
    assert {c.why.rule for c in others} == {"different-period"}
    same_day = replace(three, published="2026-04-07T22:00:00Z")
    found, _ = find_conflicts([*find_numbers(one), *find_numbers(same_day)], [one, same_day])
    assert [c.why.rule for c in found] == ["ranges-disjoint"]


def test_conflicts_an_aftershock_s_magnitude_is_not_the_quake_s() -> None:
    one = article("A magnitude 6.1 earthquake struck Lisko on Tuesday, the survey said.")
    two = article("Aftershocks of up to magnitude 4.8 shook Lisko on Tuesday, the survey said.")
    conflicts, _ = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert conflicts == ()


def test_conflicts_a_prison_term_does_not_change_by_the_day() -> None:
    one = replace(
        article("Former minister Aurel Venkov was sentenced to eight years in prison."),
        published="2026-03-10T12:00:00Z",
    )
    two = replace(
        article("Former minister Aurel Venkov was sentenced to six years in prison."),
        published="2026-03-11T09:00:00Z",
    )
    conflicts, _ = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]


def test_conflicts_the_same_figure_is_explained_as_agreeing_first() -> None:
    one = article("Fourteen people were treated in hospital in Kandahar, officials said.")
    two = article("Fourteen people were treated in hospital in Herat, officials said.")
    _, others = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert [(o.why.rule, o.why.features["reasons"]) for o in others] == [
        ("ranges-overlap", ["ranges-overlap", "different-place"])
    ]


def test_conflicts_a_province_s_share_is_another_scope_than_the_country_s() -> None:
    one = article(
        "In Velmara province, however, the Renewal Front won 48 percent of the vote, the"
        " commission said."
    )
    two = article("The Renewal Front won 41.2 percent of the vote, the commission said.")
    conflicts, others = find_conflicts([*find_numbers(one), *find_numbers(two)], [one, two])
    assert conflicts == ()
    assert [o.why.rule for o in others] == ["different-scope"]


# ------------------------------------------------------------ measures (lengths, areas, units)


def _compare(one: str, two: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    a, b = article(one), article(two)
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    return [(c.about, c.why.rule) for c in conflicts], [(c.about, c.why.rule) for c in others]


def test_conflicts_a_depth_given_two_ways_is_one_measure() -> None:
    found, _ = _compare(
        "The quake was 10 kilometres deep, the institute said.",
        "The quake struck at a depth of 35 km, the institute said.",
    )
    assert found == [("depth, per institute", "ranges-disjoint")]


def test_conflicts_sizes_of_one_thing_in_one_unit_conflict() -> None:
    found, _ = _compare(
        "Water poured through a 40-metre breach in the levee.",
        "Water poured through a 60-metre breach in the levee.",
    )
    assert found == [("breach", "ranges-disjoint")]


def test_conflicts_lengths_in_two_units_are_converted_before_they_are_compared() -> None:
    same, others = _compare(
        "The plume travelled 18 kilometres, officials said.",
        "The plume travelled 11 miles, officials said.",  # 17.7 km: rounded, the same
    )
    assert (same, others) == ([], [("distance, per officials", "ranges-overlap")])
    found, _ = _compare(
        "The plume travelled 18 kilometres, officials said.",
        "The plume travelled 20 miles, officials said.",  # 32 km
    )
    assert found == [("distance, per officials", "ranges-disjoint")]


def test_conflicts_a_length_that_says_where_something_is_is_not_compared() -> None:
    assert _compare(
        "The school, two kilometres downstream, was closed.", "The plume travelled 20 kilometres."
    ) == ([], [])


def test_numbers_say_what_a_measure_measures() -> None:
    text = "A wave of up to 6 metres hit the harbour, and the quake was 10 km deep."
    found = [(n.what, n.why.rule, n.why.features["measure"]) for n in find_numbers(article(text))]
    assert found == [("wave", "measured", "m"), ("quake depth", "measured", "km")]


def test_conflicts_going_on_strike_is_one_thing_in_any_words() -> None:
    found, _ = _compare(
        "About 11,500 workers walked out on Monday, according to the Transit Authority.",
        "Roughly 8,000 workers joined the walkout on Monday, the Transit Authority said.",
    )
    assert found == [("on strike, per Transit Authority", "ranges-disjoint")]
    found, others = _compare(
        "About 11,500 workers walked out on Monday, according to the Transit Authority.",
        "Roughly 8,000 workers marched on Monday, the Transit Authority said.",
    )
    assert (found, others) == ([], [])  # strikers and marchers: never compared


def test_conflicts_a_crowd_and_spectators_are_one_attendance() -> None:
    found, _ = _compare(
        "A crowd of 41,872 watched the final at Lindqvar Arena.",
        "Nearly 38,000 spectators watched the final at Lindqvar Arena.",
    )
    assert found == [("people in Lindqvar Arena", "ranges-disjoint")]


def test_conflicts_the_length_of_a_thing_is_compared_and_an_area_is_converted() -> None:
    found, _ = _compare(
        "The fire front was 40 km long, according to the agency.",
        "The fire front was 15 miles long, according to the agency.",  # 24 km
    )
    assert found == [("length, per agency", "ranges-disjoint")]
    same, others = _compare(
        "An inferno that has consumed some 120 square kilometres is still burning.",
        "The wildfire has burned 12,000 hectares.",
    )
    assert (same, others) == ([], [("area", "ranges-overlap")])


def test_conflicts_an_age_dates_no_count() -> None:
    a = article("Some 6,000 people were evacuated, many of them aged 65 and over.")
    b = article("About 2,500 people, many of them residents over 70, were evacuated.")
    assert [n.when for n in [*find_numbers(a), *find_numbers(b)]] == [None, None]


def test_conflicts_a_share_and_a_count_are_different_things() -> None:
    found, others = _compare(
        "The authority said 90 percent of scheduled services were cancelled on Monday.",
        "Transport bosses said nine out of ten services were axed on Monday.",
    )
    assert (found, [rule for _, rule in others]) == ([], ["different-thing"])


# ------------------------------------------------------------ user trials 21 and 23 (session 9)


def test_conflicts_a_bare_object_counts_the_noun_of_its_coordinated_verb() -> None:
    found, _ = _compare(
        "The ambulance service said its crews treated 47 people at the ground and took 19 to "
        "hospital on Saturday evening.",
        "The ambulance service said 14 people were taken to hospital on Saturday night.",
    )
    assert found == [("people, per ambulance service", "ranges-disjoint")]


def test_numbers_an_estimate_puts_a_figure_on_its_object() -> None:
    (three,) = find_numbers(article("Fire officials had put the number of dead at three."))
    assert (three.what, three.why.features.get("event")) == ("number of dead", "killed")


def test_numbers_among_those_is_a_part_of_a_larger_group() -> None:
    (some,) = find_numbers(
        article("Some 900 residents of the estate were among those told to leave.")
    )
    assert some.why.features.get("scope") == "part"


def test_conflicts_a_bare_count_is_not_the_count_its_own_article_gives_apart() -> None:
    # The second article counts the treated apart (16), so its bare 900 residents are
    # something else: neither 61 against 900 nor 16 against 900 hides 61 against 16.
    a = article("The hospital said on Tuesday that it had treated 61 people.")
    b = article(
        "Some 900 residents left their homes overnight. The hospital said on Tuesday that it "
        "had treated 16 people."
    )
    b = replace(b, paragraphs=(Paragraph(0, len(b.text), sentences=((0, 48), (49, len(b.text)))),))
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert [sorted(m.span.article for m in c.mentions) for c in conflicts] == [sorted([a.id, b.id])]
    assert all(c.why.rule != "varies-in-article" for c in others)


def test_conflicts_a_service_and_the_police_are_two_sources() -> None:
    _, others = _compare(
        "The county fire service said three people had been killed.",
        "Fennholt Police said seven people had been killed.",
    )
    assert [rule for _, rule in others] == ["different-source"]


def test_conflicts_tolls_given_at_other_times_of_day_are_two_periods() -> None:
    _, others = _compare(
        "Police said on Tuesday evening that the number of dead had risen to seven.",
        "At a briefing at 3pm, police said the number of dead had risen to five.",
    )
    assert [rule for _, rule in others] == ["different-period"]


def test_conflicts_a_figure_the_other_article_also_gives_is_not_disputed() -> None:
    conflicts, others = find_conflicts(
        [
            mention(A, 3, 3, "killed"),
            mention(B, 7, 7, "killed", start=0, source="police"),
            mention(B, 3, 3, "killed", start=10, source="the fire service"),
        ],
        [A, B],
    )
    assert conflicts == ()
    assert "also-given" in {c.why.rule for c in others}


def test_conflicts_sums_in_a_named_currency_over_one_span_of_years_conflict() -> None:
    # user trial 24: "crowns" is money, and "between 2017 and 2023" is six years, the same
    # stretch as "over six years"
    found, _ = _compare(
        "Prosecutors said he took 14.2 million crowns from investors between 2017 and 2023.",
        "Prosecutors said he took more than 41 million crowns from investors over six years.",
    )
    assert found == [("take (money), per Prosecutors", "ranges-disjoint")]


def test_conflicts_a_sentence_pressed_for_is_a_demand() -> None:
    _, others = _compare(
        "Thelwell was sentenced to nine years in prison.",
        "The Financial Conduct Office had pressed for a 12-year sentence.",
    )
    assert [rule for _, rule in others] == ["different-stance"]


def test_conflicts_between_two_years_is_one_stretch_in_a_full_story_sentence() -> None:
    found, _ = _compare(
        "Prosecutors said he took 14.2 million crowns from savers between 2017 and 2023 "
        "through his firm.",
        "Prosecutors said the scam took more than 41 million crowns from victims over six years.",
    )
    assert found == [("take (money), per Prosecutors", "ranges-disjoint")]


def test_conflicts_where_most_of_a_count_is_is_not_the_counts_place() -> None:
    # user trial 29: "most of them in Lower Askel province" made the count regional
    found, _ = _compare(
        "The emergency service said on Thursday that 36 people had died and about 22,000 had "
        "been forced from their homes.",
        "The emergency service said on Thursday that more than 40,000 people had been forced "
        "from their homes, most of them in Lower Askel province.",
    )
    assert found == [("displaced, per emergency service", "ranges-disjoint")]


def test_conflicts_a_numbered_part_of_a_site_is_no_place() -> None:
    # user trial 32: "in Shaft 4" made "Shaft" a place, and the real conflict different-place
    found, _ = _compare(
        "The roof of the tunnel in Shaft 4 gave way at dawn. Harlan-Vesk said 31 miners were "
        "underground when the shaft collapsed.",
        "Harlan-Vesk said 26 miners had been underground at the pit in Skelda.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]


def test_conflicts_a_figure_of_last_year_is_another_period() -> None:
    # user trial 32: a national statistic of last year is not this accident's toll
    found, others = _compare(
        "Four miners have died after a shaft collapsed at a coal mine, the owner said.",
        "Forty-one miners died in accidents across Estovia last year, the inspectorate said.",
    )
    assert found == []
    assert [rule for _, rule in others] == ["different-period"]


def test_conflicts_a_count_named_as_included_in_another_is_a_part() -> None:
    # user trial 32: "17 people, including three rescuers" counts some of the rescuers
    found, others = _compare(
        "More than 60 rescuers from the regional service were at work in the shaft.",
        "The health authority said 17 people, including three rescuers, had been treated.",
    )
    assert found == []
    assert [rule for _, rule in others] == ["different-scope"]


def test_conflicts_a_noun_a_name_owns_holds_its_figure() -> None:
    # user trial 32: one pit's staff against the whole industry's, the subject shared with a
    # coordinated verb
    found, others = _compare(
        "Corrow Deep employs about 640 people and is the largest employer in the valley.",
        "Estovia's coal industry has shrunk sharply but still employs around 9,000 people.",
    )
    assert found == []
    assert [rule for _, rule in others] == ["different-thing"]


def test_conflicts_one_batch_of_a_total_is_a_part() -> None:
    # user trial 32: the last nine brought up are not all the men rescued
    found, others = _compare(
        "Rescuers brought 14 men to the surface on Tuesday, the company said.",
        "Rescuers brought the final group of nine men to the surface on Tuesday, the company said.",
    )
    assert found == []
    assert [rule for _, rule in others] == ["different-scope"]


def test_conflicts_those_treated_in_hospital_are_not_those_underground() -> None:
    # user trial 32: a count of patients is not the count of miners in the pit
    found, _ = _compare(
        "Eleven miners were treated in hospital, the company said.",
        "Two dozen miners were underground when the roof fell, the company said.",
    )
    assert found == []


def test_conflicts_a_truce_and_a_ceasefire_last_one_time() -> None:
    # user trial 33: the outlets name one pause in the fighting by two words
    found, _ = _compare(
        "The 30-day truce began on Monday, mediators said.",
        "The 14-day ceasefire began on Monday, mediators said.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]


def test_conflicts_counts_of_two_days_are_two_periods() -> None:
    # user trial 34: Thursday morning's ship count against Monday's was flagged
    found, others = _compare(
        "By Thursday morning 41 vessels were waiting offshore, the harbour office said.",
        "The harbour office said 14 vessels were waiting offshore on Monday.",
    )
    assert found == []
    assert [rule for _, rule in others] == ["different-period"]


def test_conflicts_two_settings_are_one_scene_but_a_place_in_the_sentence_is_not() -> None:
    # user trial 32: "Rescuers in northern Estovia" and "the pit in Skelda" set one story at
    # two sizes; a place the figure's own sentence names still tells two places apart
    found, _ = _compare(
        "Rescuers in northern Estovia worked through the night. The operator said 31 miners "
        "were underground when the shaft collapsed.",
        "The pit in Skelda was sealed on Tuesday. The operator said 26 miners were underground "
        "when the shaft collapsed.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]
    _, others = _compare(
        "In Harlow, the operator said 31 miners were underground when the shaft collapsed.",
        "The pit in Skelda was sealed on Tuesday. The operator said 26 miners were underground "
        "when the shaft collapsed.",
    )
    assert [rule for _, rule in others] == ["different-place"]


def test_conflicts_a_people_named_by_its_nation_are_people() -> None:
    # user trial 25: "6.1 million Sarnovans" and "7.2 million people" count the same voters
    found, _ = _compare(
        "The commission said about 7.2 million people registered to vote.",
        "The commission said 6.1 million Sarnovans registered to vote.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]


def test_conflicts_speeds_in_two_units_are_converted() -> None:
    # user trial 36: the speed dispute was invisible
    found, _ = _compare(
        "The operator said the train was travelling at about 130 km/h when it left the rails.",
        "The operator said the train had been going at 52mph on the bend.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]
    _, others = _compare(
        "The operator said the train was travelling at about 130 km/h when it left the rails.",
        "The operator said the train had been going at roughly 80mph on the bend.",
    )
    assert [rule for _, rule in others] == ["ranges-overlap"]


def test_conflicts_a_relative_clause_holds_its_noun_s_figure() -> None:
    # user trial 37: a carmaker's staff against the whole car industry's was flagged
    found, others = _compare(
        "Haldor employs around 40,000 people in Norlande, the company said.",
        "The closure is a blow to Norlande's car industry, which employs about 190,000 people.",
    )
    assert found == []
    assert [rule for _, rule in others] == ["different-thing"]


def test_conflicts_a_figure_of_an_earlier_year_is_another_period() -> None:
    # user trial 37: a plant's workforce at its 2008 peak against its staff now
    now = replace(
        article("The Gresswick plant employs 3,200 people, the company said."),
        published="2026-03-11",
    )
    peak = article(
        "At its peak in 2008 the plant employed more than 6,000 people, the company said."
    )
    conflicts, others = find_conflicts([*find_numbers(now), *find_numbers(peak)], [now, peak])
    assert conflicts == ()
    assert [c.why.rule for c in others] == ["different-period"]


@pytest.mark.parametrize(
    ("a", "b", "found", "other"),
    [
        # user trial 42: one verb a paper, its synonym the other: never compared
        (
            "The city council closed 38 schools on Monday.",
            "The council shut 45 schools on Monday.",
            ["ranges-disjoint"],
            [],
        ),
        # planted kelmar-quake: a collapsed building is a destroyed one
        (
            "About 2,000 buildings collapsed, the agency said.",
            "More than 5,000 buildings were destroyed, the agency said.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 40: the rescued are not all who were on board
        (
            "Rescuers pulled 93 people alive from the water.",
            "More than 200 people were on the boat.",
            [],
            [],
        ),
        # planted kessing-fire: "eleven others" are more of the workers, and they were hurt
        (
            "The fire killed two workers and injured eleven others.",
            "Two workers died and 11 were injured.",
            [],
            ["ranges-overlap", "ranges-overlap"],
        ),
    ],
)
def test_conflicts_what_verbs_and_others_count(
    a: str, b: str, found: list[str], other: list[str]
) -> None:
    conflicts, others = _compare(a, b)
    assert [rule for _, rule in conflicts] == found
    assert [rule for _, rule in others] == other


def test_conflicts_a_rate_s_level_however_it_is_written() -> None:
    # user trial 41: January's inflation, 6.2 percent in one paper and 6.8 in another, was
    # never compared: "hit" was what the 6.8 counted, and "prices rose" is no "inflation"
    found, others = _compare(
        "Consumer prices rose 6.2 percent in the year to January, Statistics Brennmark said.",
        "Inflation hit 6.8 per cent in January, according to Statistics Brennmark.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]
    _, others = _compare(
        "Annual inflation stood at 6.2 percent in January, the statistics office said.",
        "Food prices rose 11 percent in January, the statistics office said.",
    )
    assert [rule for _, rule in others] == []  # food prices are no measure of inflation


@pytest.mark.parametrize(
    ("a_source", "b_source"),
    [
        ("Ministry of Health", "health ministry's Wednesday bulletin"),
        ("Health Ministry", "Ministry of Health"),
    ],
)
def test_conflicts_one_ministry_named_in_either_order(a_source: str, b_source: str) -> None:
    # user trial 45: one ministry's death toll, 23 in one paper and 31 in another, was put
    # down to two sources
    a = mention(A, 23, 23, "people killed", source=a_source)
    b = mention(B, 31, 31, "people killed", source=b_source)
    assert judge(a, b).why.rule == "ranges-disjoint"


@pytest.mark.parametrize(
    ("a", "b", "found", "other"),
    [
        # user trial 45: one reading in two scales agrees
        (
            "Vostrany hit 44.6C on Tuesday.",
            "Vostrany registered 112.3°F on Tuesday.",
            [],
            ["ranges-overlap"],
        ),
        (
            "Vostrany hit 44.6C on Tuesday.",
            "Vostrany registered 109°F on Tuesday.",
            ["ranges-disjoint"],
            [],
        ),
        # a reading with no place is no match for one in a town
        (
            "The heat reached 44.6C on Tuesday.",
            "It was 43C in Kolm on Tuesday.",
            [],
            ["different-place"],
        ),
        # an anomaly is no reading
        (
            "Vostrany hit 44.6C on Tuesday.",
            "In Vostrany the sea was 3C above average on Tuesday.",
            [],
            [],
        ),
    ],
)
def test_conflicts_temperatures(a: str, b: str, found: list[str], other: list[str]) -> None:
    conflicts, others = _compare(a, b)
    assert [rule for _, rule in conflicts] == found
    assert [rule for _, rule in others] == other


@pytest.mark.parametrize(
    ("a", "b", "found", "other"),
    [
        # user trial 47: a plan in two coordinated verbs is one forecast
        (
            "Kessler plans to close two breweries and cut about 1,200 jobs across the group.",
            "Kessler said it expected to cut 1,800 jobs across the group.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 48: a rescue picked up or pulled out, by one charity named two ways
        (
            "Harbourlight Rescue said its crew pulled 41 people from the water.",
            "Harbourlight said its crew had picked up 38 people.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 46: lava's rate of advance, and one man against two people killed
        (
            "The lava was advancing at around 40 metres an hour. Winds of 90 km/h fanned the ash.",
            "The lava moved at roughly 90 metres per hour.",
            ["ranges-disjoint"],
            [],
        ),
        (
            "Two people were killed in Brakka, police said.",
            "One man was killed in Brakka, police said.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 47: a group to be formed and one of its parts
        (
            "The combined group, which will employ about 14,000 people, expects savings.",
            "Verdane, founded in 1884, employs 5,200 people at five sites.",
            [],
            ["different-thing"],
        ),
        # user trial 48: bodies recovered by mid-morning and by the evening; a gapped verb
        (
            "By mid-morning on Tuesday the coastguard had recovered seven bodies.",
            "The coastguard said 12 bodies had been recovered by Tuesday evening.",
            [],
            ["different-period"],
        ),
        (
            "On Tuesday evening the coastguard said 60 people had been rescued and 12 bodies "
            "recovered.",
            "The coastguard said on Tuesday evening that 67 people had been plucked alive from "
            "the sea and nine bodies recovered.",
            ["ranges-disjoint", "ranges-disjoint"],
            [],
        ),
    ],
)
def test_conflicts_trials_46_to_48(a: str, b: str, found: list[str], other: list[str]) -> None:
    conflicts, others = _compare(a, b)
    assert [rule for _, rule in conflicts] == found
    assert [rule for _, rule in others] == other


def test_conflicts_a_toll_reported_hours_later_may_have_risen() -> None:
    # user trial 50: a wire's 08:10 toll of 11 and a broadcaster's evening 26 were a conflict
    morning = replace(
        article("A landslide killed 11 people, the governor said on Wednesday."),
        published="2030-05-01T08:10:00Z",
    )
    evening = replace(
        article("The toll rose to 26 dead, the governor said on Wednesday."),
        published="2030-05-01T19:00:00Z",
    )
    lower = replace(
        article("One man was killed, the governor said on Wednesday."),
        published="2030-05-01T19:00:00Z",
    )
    numbers = [*find_numbers(morning), *find_numbers(evening)]
    conflicts, others = find_conflicts(numbers, [morning, evening])
    assert (conflicts, [c.why.rule for c in others]) == ((), ["different-period"])
    conflicts, _ = find_conflicts([*find_numbers(morning), *find_numbers(lower)], [morning, lower])
    assert [c.why.rule for c in conflicts] == ["ranges-disjoint"]  # a toll that fell


@pytest.mark.parametrize(
    ("a", "b", "found", "other"),
    [
        # user trial 50: where a figure was given is not where it counts
        (
            "Governor Ilse Varnak told reporters in Teslin on Wednesday evening that 19 people "
            "had died.",
            "The governor said on Wednesday evening that 26 people had died in Vosk.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 50: a hospital in a town is no fire brigade
        (
            "St Aurel District Hospital in Teslin said it had admitted 42 injured people.",
            "The brigade said 55 people had been injured.",
            [],
            ["different-source"],
        ),
        # user trial 51: a federation is no lawyer named Ms Sorrenberg
        (
            "She has been tested 12 times, the federation said.",
            "She has been tested more than 20 times, said Ms Sorrenberg.",
            [],
            ["different-source"],
        ),
    ],
)
def test_conflicts_trials_49_to_51(a: str, b: str, found: list[str], other: list[str]) -> None:
    conflicts, others = _compare(a, b)
    assert [rule for _, rule in conflicts] == found
    assert [rule for _, rule in others] == other


def test_conflicts_a_ban_in_years_against_one_in_months() -> None:
    # user trial 51: "banned for two years" and "banned for 18 months" were two things (years,
    # months) and never compared; a term is converted as a duration is
    found, _ = _compare("Tovik was banned for two years.", "Tovik was banned for 18 months.")
    assert [rule for _, rule in found] == ["ranges-disjoint"]
    _, others = _compare("Tovik got a two-year ban.", "Tovik was banned for 24 months.")
    assert [rule for _, rule in others] == ["ranges-overlap"]


def test_conflicts_a_sum_pocketed_is_a_sum_taken() -> None:
    # user trial 54: "pocketed 3.8 million crowns" and "had taken 4.3m crowns" were never
    # compared
    found, _ = _compare(
        "The mayor pocketed 3.8 million crowns in kickbacks, the court found.",
        "The court found he had taken 4.3m crowns in illicit payments.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]


@pytest.mark.parametrize(
    ("a", "b", "other"),
    [
        # user trial 55: a load against what the roof was designed to carry
        (
            "She said the snow on the roof weighed an estimated 190 kilograms per square metre.",
            "The roof was designed to carry 150 kilograms per square metre.",
            ["different-stance"],
        ),
        # user trial 55: organisers and the police count one crowd two ways
        (
            "About 2,000 spectators were inside, according to the organisers.",
            "More than 3,000 spectators were inside, police said.",
            ["different-source"],
        ),
    ],
)
def test_conflicts_trials_55_to_57(a: str, b: str, other: list[str]) -> None:
    conflicts, others = _compare(a, b)
    assert conflicts == []
    assert [rule for _, rule in others] == other


def test_conflicts_a_toll_given_on_the_evening_of_a_morning_report_s_day() -> None:
    # user trial 57: a wire's 06:45 toll of eight and a broadcaster's "on Tuesday evening" 11
    morning = replace(
        article("Eight patients died in the fire early on Tuesday."),
        published="2030-05-01T06:45:00Z",
    )
    evening = replace(
        article("The death toll rose to 11, officials said on Tuesday evening."),
        published="2030-05-01T19:20:00Z",
    )
    conflicts, others = find_conflicts(
        [*find_numbers(morning), *find_numbers(evening)], [morning, evening]
    )
    assert (conflicts, [c.why.rule for c in others]) == ((), ["different-period"])


@pytest.mark.parametrize(
    ("a", "b", "found", "other"),
    [
        # user trial 58: one reading at one weir at one time, in two forms
        (
            "Readings showed 46 milligrams of ammonium per litre at the Marrisford weir at 6am"
            " on Wednesday.",
            "Readings showed ammonium at 64 mg/l at the Marrisford weir at 6am on Wednesday.",
            ["ranges-disjoint"],
            [],
        ),
        # the same in other units agrees: 0.046 grams per litre is 46 milligrams
        (
            "Readings showed 46 milligrams of ammonium per litre at Marrisford on Wednesday.",
            "Readings showed ammonium at 0.046 g/l at Marrisford on Wednesday.",
            [],
            ["ranges-overlap"],
        ),
        # two solutes are two things
        (
            "Readings showed 46 milligrams of ammonium per litre at Marrisford on Wednesday.",
            "Readings showed nitrate at 64 mg/l at Marrisford on Wednesday.",
            [],
            ["different-thing"],
        ),
        # a limit is no reading
        (
            "Readings showed 46 milligrams of ammonium per litre at Marrisford on Wednesday.",
            "The legal limit for ammonium at Marrisford is 0.5 mg/l.",
            [],
            ["different-stance"],
        ),
        # two sampling sites are two places; a site is at the town it is named after
        (
            "Readings showed 46 mg/l of ammonium at the Marrisford weir on Wednesday.",
            "Readings showed ammonium at 12 mg/l at the Holt bridge on Wednesday.",
            [],
            ["different-place"],
        ),
        # user trial 58: litres against cubic metres of one release
        (
            "About 120,000 litres of solution escaped from the tank, the company said.",
            "Some 210 cubic metres of solution escaped from the tank, the company said.",
            ["ranges-disjoint"],
            [],
        ),
    ],
)
def test_conflicts_concentrations_and_volumes(
    a: str, b: str, found: list[str], other: list[str]
) -> None:
    conflicts, others = _compare(a, b)
    assert [rule for _, rule in conflicts] == found
    assert [rule for about, rule in others if not about.startswith("time of")] == other


def test_conflicts_a_site_and_the_town_an_article_puts_it_near() -> None:
    # planted mine story: "the Corrow Deep mine, near the northern town of Skelda" and a count
    # placed in Skelda are one scene
    conflicts, others = _compare(
        "About 30 miners were underground at the Corrow Deep mine, near the northern town of"
        " Skelda, on Tuesday.",
        "Some 31 miners were underground in Skelda on Tuesday.",
    )
    assert (conflicts, [rule for _, rule in others]) == ([], ["ranges-overlap"])


@pytest.mark.parametrize(
    ("a", "b", "found", "other"),
    [
        # user trial 59: a toll that "had risen" by midnight against one of the evening
        (
            "Four officers were slightly hurt, police said on Tuesday evening.",
            "By midnight the number of injured officers had risen to nine, police said.",
            [],
            ["different-period"],
        ),
        # user trial 59: arrests of "thugs" are arrests of people; a cut trimmed or cut by
        (
            "Police arrested 41 of the thugs.",
            "Police said 23 people were arrested.",
            ["ranges-disjoint"],
            [],
        ),
        (
            "The budget trims 1.2 billion marks from education.",
            "Education spending will be cut by 1.9bn marks.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 58: "closed five intakes downstream", parsed as how far downstream
        (
            "The water authority said it shut three intakes downstream of the plant on Monday.",
            "The water authority closed five intakes downstream of the plant on Monday.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 60: one depth below the surface, two figures
        (
            "The company said the men were about 380 metres below the surface on Wednesday.",
            "The company said the men sheltered 520 metres below the surface on Wednesday.",
            ["ranges-disjoint"],
            [],
        ),
    ],
)
def test_conflicts_trials_58_to_60(a: str, b: str, found: list[str], other: list[str]) -> None:
    conflicts, others = _compare(a, b)
    assert [rule for _, rule in conflicts] == found
    assert [rule for _, rule in others] == other


@pytest.mark.parametrize(
    ("a", "b", "found", "other"),
    [
        # user trial 61: an area on Monday morning and another on Monday evening
        (
            "The fire had burned 4,200 hectares by Monday morning, the forestry agency said.",
            "The fire grew to 21,000 acres by Monday evening, the forestry agency said.",
            [],
            ["different-period"],
        ),
        # ... while "by Monday morning" and "on Monday morning" are one moment
        (
            "The fire had burned 4,200 hectares by Monday morning, the forestry agency said.",
            "It covered about 10,400 acres on Monday morning, the forestry agency said.",
            [],
            ["ranges-overlap"],
        ),
        # user trial 63: "about 110 km/h" is about 68 mph; "about 85 mph" is another speed
        (
            "The train was travelling at about 110 km/h, investigators said.",
            "The train was travelling at about 85 mph, investigators said.",
            ["ranges-disjoint"],
            [],
        ),
    ],
)
def test_conflicts_trials_61_to_63(a: str, b: str, found: list[str], other: list[str]) -> None:
    conflicts, others = _compare(a, b)
    assert [rule for _, rule in conflicts] == found
    assert [rule for _, rule in others] == other


@pytest.mark.parametrize(
    ("a", "b", "found", "other"),
    [
        # user trial 64: one wave height in metres and in feet
        (
            "Waves reached up to 6 metres overnight, the coast guard said.",
            "Waves reached 30 feet during the night, the coast guard said.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 64: survivors brought ashore are no count of those on board
        (
            "Tarrow Ferries said 212 people were on board.",
            "The coast guard says 171 people have now been brought ashore alive.",
            [],
            [],
        ),
        # user trial 66: operations cancelled or axed on one day, "alone" or not
        (
            "The group said 142 planned operations were cancelled on Tuesday.",
            "More than 200 operations had been axed on Tuesday alone, the group said.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 68: flights axed over the two days and those cancelled on Tuesday
        (
            "Nearly 800 flights are being axed over the two days, the airline said.",
            "The airline said 412 flights were cancelled on Tuesday.",
            [],
            ["different-period"],
        ),
        # user trial 67: a flow in cubic metres a second, "per" or "a", at one hour
        (
            "At 6 pm the spillway was releasing 1,200 cubic metres of water per second, "
            "KalderHydro said.",
            "By 6 pm, according to KalderHydro, 850 cubic metres of water a second were "
            "pouring through the spillway.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 69: students and pupils are children; those in hospital are hospitalised
        (
            "About 60 students were in the hall, the school district said.",
            "The district said 38 pupils were in the hall.",
            ["ranges-disjoint"],
            [],
        ),
        (
            "Seven pupils remained in hospital on Thursday morning, a hospital spokesman said.",
            "Four children were still being treated in hospital on Thursday morning, the "
            "hospital said.",
            ["ranges-disjoint"],
            [],
        ),
        # user trial 62: a term the prosecution sought is a demand, not another thing
        (
            "The prosecution had sought nine years for Halvorsen.",
            "Halvorsen was jailed for six years.",
            [],
            ["different-stance"],
        ),
        # user trial 71: "€84m" is rounded to the million, so it agrees with 84.5 million
        (
            "The regulator fined Lundmark Bank €84m on Wednesday for money-laundering failures.",
            "On Wednesday the watchdog fined the lender 84.5 million euros.",
            [],
            ["ranges-overlap"],
        ),
        # user trial 65: peak demand in megawatts and gigawatts
        (
            "Demand peaked at 3,450 megawatts on Tuesday, Meridia said.",
            "Demand peaked at 3.1 gigawatts on Tuesday, Meridia said.",
            ["ranges-disjoint"],
            [],
        ),
    ],
)
def test_conflicts_trials_64_to_66(a: str, b: str, found: list[str], other: list[str]) -> None:
    conflicts, others = _compare(a, b)
    assert [rule for _, rule in conflicts] == found
    assert [rule for _, rule in others] == other


def test_conflicts_the_missing_fall_as_people_are_found() -> None:
    # user trial 64: 41 missing in the morning wire and 27 in the evening radio were flagged
    morning = replace(
        article("Some 41 people were missing by mid-morning, the coast guard said."),
        published="2030-05-01T08:00:00Z",
    )
    evening = replace(
        article("Twenty-seven people are still missing, the coast guard said."),
        published="2030-05-01T19:00:00Z",
    )
    conflicts, others = find_conflicts(
        [*find_numbers(morning), *find_numbers(evening)], [morning, evening]
    )
    assert (conflicts, [c.why.rule for c in others]) == ((), ["different-period"])


def test_conflicts_a_higher_toll_of_the_same_morning_reported_a_day_later() -> None:
    # user trial 70: "five died this morning" on Tuesday and "seven died on Tuesday morning" in
    # Wednesday's paper were flagged
    tuesday = replace(
        article("Five people died when the block collapsed this morning, police said."),
        published="2030-05-07T15:45:00Z",
    )
    wednesday = replace(
        article("Seven people died when the block collapsed on Tuesday morning."),
        published="2030-05-08T05:30:00Z",
    )
    conflicts, others = find_conflicts(
        [*find_numbers(tuesday), *find_numbers(wednesday)], [tuesday, wednesday]
    )
    assert (conflicts, [c.why.rule for c in others]) == ((), ["different-period"])


def _verdicts(first: str, second: str) -> tuple[list[str], list[str]]:
    a, b = article(first), replace(article(second), id="b")
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    return [c.why.rule for c in conflicts], [c.why.rule for c in others]


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        (  # the object of the main verb is what the sentence tells, not a count in passing
            "The port authority said it had eight tugs at the freighter on Wednesday.",
            "Eleven tugboats were pulling at the freighter on Wednesday, the port authority said.",
            (["ranges-disjoint"], []),
        ),
        (
            "The airline said it scrapped 400 flights, leaving between 40,000 and 50,000 "
            "passengers looking for another way to travel.",
            "The airline said it had cancelled 400 flights, affecting 46,000 passengers.",
            ([], ["ranges-overlap", "ranges-overlap"]),  # the flights and the passengers
        ),
        (  # a relative clause says it in passing: the union's size is no count of strikers
            "The union, which has 96,000 members, wants a 9 percent rise.",
            "The union said 62,000 of its members had joined the strike.",
            ([], []),
        ),
        (  # "he" speaks, not the company a later clause names
            "Ostrand also disputed the company's account of the clean-up on the shore. He said "
            "he had counted no more than 80 workers on the shore on Monday, far fewer than the "
            "company says it has sent.",
            "The company said 300 clean-up workers were on the shore on Monday.",
            ([], ["different-source"]),
        ),
        (  # a fisherman "who has fished here for years" is no coast guard spokesman
            "The coast guard said nineteen bodies had been recovered.",
            "Ilian Marov, who has fished out of Orsa for thirty years, said four bodies had been "
            "recovered.",
            ([], ["different-source"]),
        ),
        (  # but "who heads the port authority" may speak for it
            "The port authority said nineteen bodies had been recovered.",
            "Ana Ruiz, who heads the port authority, said four bodies had been recovered.",
            (["ranges-disjoint"], []),
        ),
    ],
)
def test_conflicts_trials_103_105(
    first: str, second: str, found: tuple[list[str], list[str]]
) -> None:
    assert _verdicts(first, second) == found


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        (  # user trial 119: a club's price, told as what it was worth and what was paid
            "The club said the deal was worth 165m crowns.",
            "Corvane agreed to buy the club for 180 million crowns, the club said.",
            (["ranges-disjoint"], []),
        ),
        (  # ... and its debts, as a noun and as a verb
            "The club said it had debts of 42 million crowns at the end of 2024.",
            "The club said it owed 57 million crowns at the end of 2024.",
            (["ranges-disjoint"], []),
        ),
        (  # "bribes worth 3.24 million marks" are the bribes' sum, no price
            "He took bribes worth 3.24 million marks, the court said.",
            "Corvane agreed to buy the club for 3 million marks, the club said.",
            ([], []),
        ),
    ],
)
def test_conflicts_trial_119_prices_and_debts(
    first: str, second: str, found: tuple[list[str], list[str]]
) -> None:
    assert _verdicts(first, second) == found


def test_conflicts_a_count_so_far_may_be_lower_than_the_total() -> None:
    # user trial 123: "about 150 people have so far been moved into lifeboats" was flagged
    # against "In all, 431 people left the ship in lifeboats"
    assert _verdicts(
        "The coast guard says about 150 people have so far been moved into lifeboats.",
        "In all, 431 people were moved into lifeboats, the coast guard said.",
    ) == ([], ["different-period"])
    assert _verdicts(  # the same without "so far": a conflict
        "The coast guard says about 150 people have been moved into lifeboats.",
        "In all, 431 people were moved into lifeboats, the coast guard said.",
    ) == (["ranges-disjoint"], [])
    assert _verdicts(  # two counts as they stand: a conflict (user trial 105)
        "The coast guard says about 150 people have so far been moved into lifeboats.",
        "The coast guard says 431 people have been moved into lifeboats.",
    ) == (["ranges-disjoint"], [])


def test_conflicts_a_rise_in_each_of_two_years_is_a_rate() -> None:
    # user trial 122: "4.5 percent in each of the next two years" was flagged against "9
    # percent over two years"
    assert _verdicts(
        "Teachers will get a rise of 4.5 percent in each of the next two years, the ministry said.",
        "Teachers will get a rise of 9 percent over two years, the ministry said.",
    ) == ([], ["different-period"])


def test_conflicts_fans_hurt_are_people_hurt() -> None:
    # user trial 121: "Twenty-seven fans were injured" and "at least 40 people were injured"
    # were different things
    assert _verdicts(
        "Twenty-seven fans were injured when the roof fell, the fire service said.",
        "At least 40 people were injured when the roof fell, the fire service said.",
    ) == (["ranges-disjoint"], [])


def test_conflicts_a_ship_s_crew_whatever_it_is_called() -> None:
    # user trial 146: "21 crew members" and "23 seafarers were aboard" were never compared
    assert _verdicts(
        "Kelderholm Shipping said the ship's 21 crew members were from three countries.",
        "Kelderholm Shipping said 23 seafarers were aboard when the ship was taken.",
    ) == (["ranges-disjoint"], [])
    assert _verdicts(  # the cabin crew are part of the crew (user trial 146's fix must not
        # set "four cabin crew" against "six crew members", trial 98)
        "The airline said four cabin crew were on the plane.",
        "The airline said six crew members were on the plane.",
    ) == ([], [])


def test_conflicts_a_value_put_on_a_cargo_and_a_fee_paid_to_a_firm() -> None:
    # user trial 146: "valued at $31 million" counted nothing; trial 147: "was paid 1.1bn
    # crowns" (what the firm received) was another thing than "received 1.4 billion crowns"
    assert _verdicts(
        "It carried steel coils, a cargo the company valued at $31 million.",
        "The company put the value of the cargo at about $18 million.",
    ) == (["ranges-disjoint"], [])
    assert _verdicts(
        "The main contractor, Kestrel Data Systems, was paid 1.1bn crowns in fees.",
        "The main contractor, Kestrel Data Systems, received 1.4 billion crowns in fees.",
    ) == (["ranges-disjoint"], [])


def test_conflicts_the_level_a_figure_moved_from_is_another_period() -> None:
    # user trial 145: "up from 40" is the count before, not a rival count
    a = article("The toll rose to 52, up from 40, officials said.")
    b = replace(article("Officials said the toll was 44."), id="b")
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    verdicts = {
        tuple(x.text_of(m.span) for x, m in zip((a, b), c.mentions, strict=True)): c.why.rule
        for c in (*conflicts, *others)
    }
    assert verdicts == {("52", "44"): "ranges-disjoint", ("40", "44"): "different-period"}


def test_conflicts_a_budget_set_aside_and_a_sum_shelled_out() -> None:
    # user trial 149: "set aside 4.2 billion crowns" (set) vs "has budgeted 3.4 billion
    # crowns" (budgeted), and "splash out 4 billion crowns of taxpayers' money" (money)
    assert _verdicts(
        "The government has set aside 4.2 billion crowns for the drug, the ministry said.",
        "The government has budgeted 3.4 billion crowns for the drug, the ministry said.",
    ) == (["ranges-disjoint"], [])
    assert _verdicts(
        "The state will splash out 4.2 billion crowns of taxpayers' money on the drug.",
        "The state will pay 3.4 billion crowns for the drug.",
    ) == (["ranges-disjoint"], [])


def test_conflicts_a_ground_of_so_many_seats_is_its_capacity() -> None:
    # user trial 150: "the limit of the 23,000-seat ground" vs "a capacity of 21,500" counted
    # "seat" and "capacity", and a limit against no stance
    assert _verdicts(
        "Entries were well within the limit of the 23,000-seat ground, the club said.",
        "The ground has a capacity of 21,500, the club said.",
    ) == (["ranges-disjoint"], [])
    assert (
        _verdicts(  # seats won are no capacity
            "Labour won 41 seats, the commission said.",
            "The 23,000-seat ground was full, the commission said.",
        )[0]
        == []
    )


def test_conflicts_the_crop_is_the_harvest() -> None:
    # user trial 153: "put this year's harvest at 3.1 million tonnes" and "put the crop at 3.4
    # million tonnes" counted "harvest" and "crop"
    assert _verdicts(
        "The ministry's estimate puts the wheat harvest at 3.1 million tonnes.",
        "The ministry's estimate put the wheat crop at 3.4 million tonnes.",
    ) == (["ranges-disjoint"], [])


def test_conflicts_nearly_allows_the_rounding_of_a_figure_just_above() -> None:
    # user trial 148: "nearly 170 millimetres" was flagged against "171 millimetres"
    said = "the weather service said."
    assert _verdicts(
        f"The gauge took 171 millimetres of rain in 24 hours, {said}",
        f"Nearly 170 millimetres of rain fell in 24 hours, {said}",
    ) == ([], ["ranges-overlap"])
    assert _verdicts(
        f"The gauge took 180 millimetres of rain in 24 hours, {said}",
        f"Nearly 170 millimetres of rain fell in 24 hours, {said}",
    ) == (["ranges-disjoint"], [])


@pytest.mark.parametrize(
    ("one", "two", "rule"),
    [
        # user trial 154: two outlets' times for one strike, from residents and witnesses
        (
            "The first strike hit the market shortly after 10:30 a.m., residents said.",
            "Witnesses said one air strike hit the market at about 9:15 a.m.",
            "ranges-disjoint",
        ),
        # user trial 156: a precise time against a rough one, hours apart
        (
            "Tobin Mercer was shot at 11.40pm on Thursday.",
            "The shooting happened at around 10.50pm on Thursday.",
            "ranges-disjoint",
        ),
        ("The crush began at about 5.05pm.", "The crush began at 5:04pm.", "ranges-overlap"),
        ("The mercury peaked at 3.40pm.", "The mercury peaked at 15:40.", "ranges-overlap"),
        (
            "The dam gave way at 4am on Monday.",
            "The dam gave way at 6am on Tuesday.",
            "different-period",
        ),
    ],
)
def test_conflicts_times_of_one_event(one: str, two: str, rule: str) -> None:
    conflicts, others = _compare(one, two)
    assert [r for about, r in [*conflicts, *others] if about.startswith("time of")] == [rule]


@pytest.mark.parametrize(
    ("one", "two", "rule"),
    [
        # user trials 161 and 164: two outlets' days for one planned strike
        (
            "The union said a second strike is planned for 14 March.",
            "A second strike has been called for March 16, the union said.",
            "ranges-disjoint",
        ),
        (
            "The union said a second strike is planned for 14 March.",
            "The union has called a second strike for 14 March.",
            "ranges-overlap",
        ),
    ],
)
def test_conflicts_dates_of_one_event(one: str, two: str, rule: str) -> None:
    conflicts, others = _compare(one, two)
    assert [r for about, r in [*conflicts, *others] if about.startswith("date of")] == [rule]


def test_conflicts_times_of_two_events_are_not_compared() -> None:
    conflicts, others = _compare(
        "Police arrived at 2am, the force said.", "The ambulance arrived at 3am, the force said."
    )
    assert (conflicts, others) == ([], [])


@pytest.mark.parametrize(
    "post",
    ["Dr Ana Voss, director of Tarn General Hospital,", "Dr Ana Voss, the hospital's director,"],
)
def test_conflicts_a_head_of_an_institution_and_its_staff_are_one_source(post: str) -> None:
    # user trial 154: the hospital director's toll and the hospital staff's were two sources
    found, _ = _compare(
        f"{post} said 31 people had been killed in the market on Tuesday.",
        "Staff at the general hospital put the toll on Tuesday at 38 dead.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]
    _, others = _compare(
        f"{post} said 31 people had been killed in the market on Tuesday.",
        "Staff at the city morgue put the toll on Tuesday at 38 dead.",
    )
    assert [rule for _, rule in others] == ["different-source"]


def test_conflicts_two_ages_of_one_person() -> None:
    # user trial 156: "19-year-old Tobin Aldercrest" against "Aldercrest, 21,"
    found, _ = _compare(
        "Police shot 19-year-old Tobin Aldercrest on Kessel Road.",
        "Aldercrest, 21, was unarmed, his lawyer said.",
    )
    assert found == [("age of Aldercrest, per his lawyer vs unattributed", "ranges-disjoint")]
    _, others = _compare(
        "Police shot 19-year-old Tobin Aldercrest on Kessel Road.",
        "His brother Mik Aldercrest, 23, was unhurt.",
    )
    assert [rule for _, rule in others] == ["different-thing"]


def test_conflicts_times_in_one_claims_sentences_date_one_event() -> None:
    # user trial 157: "the helicopter went down at 9:40pm", "the aircraft came down at about
    # 10.15pm": one event the two sentences word apart, linked as one fact by the claims
    from storylens.compare import compare

    texts = {
        "a": "The rescue helicopter went down on the north ridge at 9:40pm on Friday, killing"
        " three of its crew, the mountain rescue service said.",
        "b": "The rescue aircraft came down on the north ridge at about 10.15pm on Friday,"
        " killing three crew members, the mountain rescue service said.",
    }
    articles = [article(t) for t in texts.values()]
    analysis = compare(articles)
    times = [n for n in analysis.numbers if n.why.rule == "clock"]
    assert {n.what for n in times} == {"time of helicopter", "time of aircraft"}
    (conflict,) = [c for c in analysis.conflicts if c.mentions[0].why.rule == "clock"]
    assert {n.why.features.get("same_event") for n in conflict.mentions} - {None}


def test_conflicts_insurers_and_the_museum_are_two_sources() -> None:
    # user trial 160: "Insurers" opening a sentence read as a name that may be anyone's
    _, others = _compare(
        "Insurers put the value of the haul at 30 million crowns.",
        "The museum put the value of the haul at 18 million crowns.",
    )
    assert [rule for _, rule in others] == ["different-source"]


def test_conflicts_paintings_and_canvases_are_one_count() -> None:
    # user trial 160: "seven canvases" and "nine paintings" were never compared
    found, _ = _compare(
        "Thieves stole seven canvases from the museum, the police said.",
        "Thieves stole nine paintings from the museum, the police said.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]


def test_conflicts_a_strike_day_worded_two_ways_is_one_event() -> None:
    # user trial 164: "the union would strike again on 17 March" and "teachers would walk
    # out again on 19 March" name one planned strike
    conflicts, _ = _compare(
        "The union would strike again on 17 March, its leader said.",
        "Teachers would walk out again on 19 March, the union's leader said.",
    )
    assert conflicts == [("date of strike, per union's leader", "ranges-disjoint")]


def test_conflicts_a_placeless_count_is_the_scenes_not_a_neighbours() -> None:
    # user trial 164: Oskvale's 23 schools were set against Dornholm's 112
    stories = [
        "The department says 112 of the city's schools closed in the strike. Some 4,000"
        " teachers in Dornholm walked out.",
        "In Dornholm, 3,000 teachers struck. In the neighbouring district of Oskvale, 23"
        " schools closed in the strike.",
    ]
    a, b = article(stories[0]), article(stories[1])
    conflicts, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert [(c.about, c.why.rule) for c in [*conflicts, *others] if "school" in c.about] == [
        ("school in Oskvale, per department vs unattributed", "different-place")
    ]


def test_conflicts_a_manifest_lists_the_passengers_on_board() -> None:
    # user trial 163: "the manifest listed 212 passengers" and "198 passengers on board"
    found, _ = _compare(
        "The company's manifest listed 212 passengers.",
        "The operator's manifest showed 198 passengers on board.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]


def test_conflicts_a_count_in_a_named_month_of_an_earlier_year_is_another_period() -> None:
    # user trial 164: "During that strike, in November 2024, 64 schools closed" was set
    # against this strike's 112
    a = replace(article("The department says 112 schools closed today."), published="2026-03-03")
    b = replace(
        article("During that strike, in November 2024, 64 schools closed."), published="2026-03-03"
    )
    _, others = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert [c.why.rule for c in others] == ["different-period"]


def test_conflicts_an_officer_of_a_service_and_the_service_are_one_source() -> None:
    # user trial 165: the chief fire officer's count and the fire service's were two sources
    found, _ = _compare(
        "Chief Fire Officer Tomas Brennick said 40 firefighters were at the scene at the"
        " height of the leak.",
        "The Northmoor Fire and Rescue Service said 25 firefighters were at the scene at the"
        " height of the leak.",
    )
    assert [rule for _, rule in found] == ["ranges-disjoint"]


def test_conflicts_a_count_at_the_height_of_an_event_and_one_later_are_two_periods() -> None:
    # user trial 165: "40 firefighters ... at the height of the incident" and "A dozen
    # firefighters remained at the site on Tuesday evening"
    _, others = _compare(
        "The fire service said 40 firefighters were at the scene at the height of the leak.",
        "The fire service said a dozen firefighters were at the scene on Tuesday evening.",
    )
    assert [rule for _, rule in others] == ["different-period"]


def test_conflicts_a_count_of_what_might_have_been_is_no_count() -> None:
    # user trial 165: "as many as 900 residents could have been moved" against 750 who left
    _, others = _compare(
        "The council said as many as 900 residents could have been moved had the wind turned.",
        "The council said 750 residents were moved.",
    )
    assert [rule for _, rule in others] == ["different-stance"]


def test_conflicts_zones_named_for_what_they_are_compared() -> None:
    # user trial 165: "an exclusion zone of half a kilometre" and "a 500-metre exclusion
    # zone was thrown around the works"; "advised to keep their windows closed" and "told to
    # stay indoors" within two radii
    conflicts, others = _compare(
        "Crews set up an exclusion zone of half a kilometre around the works in Fenwick Reach,"
        " and residents within 1,200 metres were advised to keep their windows closed.",
        "In Fenwick Reach, a 500-metre exclusion zone was thrown around the works. People"
        " living within two kilometres were told to stay indoors.",
    )
    assert sorted((about.split(" in ")[0], rule) for about, rule in [*conflicts, *others]) == [
        ("radius:exclusion", "ranges-overlap"),
        ("radius:stay", "ranges-disjoint"),
    ]


def test_conflicts_a_cordon_is_an_exclusion_zone_and_its_conversion_rounds() -> None:
    # user trial 143: "A cordon of 3km (1.9 miles)" and "a two-mile exclusion zone" agree
    # (the outlet's own conversion is rounded), "an exclusion zone of 1.5 miles" does not
    one = "A cordon of 3km (1.9 miles) was set around the site."
    conflicts, others = _compare(one, "A two-mile exclusion zone was put in place.")
    assert ([r for _, r in conflicts], [r for _, r in others]) == ([], ["ranges-overlap"])
    conflicts, _ = _compare(one, "Crews set up an exclusion zone of 1.5 miles around it.")
    assert conflicts == [("radius:exclusion", "ranges-disjoint")]


@pytest.mark.parametrize(
    ("one", "two", "rule"),
    [
        # user trial 166: "the fifth floor" and "the sixth floor" for where one collapse began
        (
            "The collapse began on the fifth floor, the rescue service said.",
            "The collapse began on the sixth floor, the rescue service said.",
            "ranges-disjoint",
        ),
        (
            "The collapse began on the fifth floor, the rescue service said.",
            "The collapse started on the 5th floor, the rescue service said.",
            "ranges-overlap",
        ),
        # two days next to each other are two days
        (
            "A second strike is planned for 14 March, the union said.",
            "A second strike is planned for 15 March, the union said.",
            "ranges-disjoint",
        ),
    ],
)
def test_conflicts_positions_and_days_of_one_event(one: str, two: str, rule: str) -> None:
    conflicts, others = _compare(one, two)
    assert [r for about, r in [*conflicts, *others] if " of " in about] == [rule]


def test_conflicts_a_capitalised_thing_is_the_same_thing() -> None:
    # user trial 167: "Turnout was 64.6 percent" and "Final turnout was 62.9 percent" were
    # two things, "Turnout" and "turnout"
    verdict = judge(mention(A, 64.6, 64.6, "Turnout"), mention(B, 62.9, 62.9, "final turnout"))
    assert verdict.why.rule == "ranges-disjoint"


def test_conflicts_a_final_count_and_one_at_a_time_of_day_are_two_periods() -> None:
    # the planted election-night story: "Final turnout was 61.4 percent" and "turnout had
    # reached 48% by 6pm", once "Turnout" and "turnout" were one thing
    verdict = judge(
        mention(A, 61.4, 61.4, "final turnout"), mention(B, 48, 48, "Turnout", when="6pm")
    )
    assert verdict.why.rule == "different-period"


def test_conflicts_a_thing_one_article_places_and_leaves_unplaced_does_not_vary() -> None:
    # the planted referendum story: "Turnout was 63.4 percent" and "official turnout in
    # Orvath was 57.2 percent" in one article are two turnouts, not one that varies, when
    # the story is set elsewhere (Sorrel, named by every article)
    a = article(
        "In Sorrel, 4.1 million people voted. Turnout was 63.4 percent, the commission said."
        " In Orvath, official turnout was 57.2 percent."
    )
    b = article(
        "In Sorrel, 4.1 million people voted. Turnout was 61.6 percent, the commission said."
    )
    conflicts, _ = find_conflicts([*find_numbers(a), *find_numbers(b)], [a, b])
    assert {61.6, 63.4} in [{m.value for m in c.mentions} for c in conflicts]
