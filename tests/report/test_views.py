"""Views every renderer shares."""

from __future__ import annotations

from storylens.model import (
    Bound,
    Conflict,
    NumberMention,
    QuoteKind,
    QuoteMention,
    Span,
    StoryAnalysis,
    Why,
)
from storylens.report.views import mention_speaker, source_disputes


def _number(article: str, low: float, high: float, source: str) -> NumberMention:
    return NumberMention(
        Span(article, 0, 5),
        low,
        Bound.EXACT,
        low,
        high,
        "people marched",
        None,
        None,
        source,
        Why("nummod"),
    )


def _pair(rule: str, a: NumberMention, b: NumberMention) -> Conflict:
    return Conflict("x", "not-conflict", "people marched", (a, b), Why(rule))


def test_views_source_disputes_are_disjoint_figures_from_different_sources() -> None:
    police, organisers = (
        _number("a", 3000, 3000, "police"),
        _number("b", 20000, 20000, "organisers"),
    )
    about = _number("c", 2500, 3500, "organisers")  # "about 3,000": the ranges overlap
    disputes = source_disputes(
        [
            _pair("different-source", police, organisers),
            _pair("different-source", police, about),
            _pair("different-place", police, organisers),
        ]
    )
    assert [(c.mentions[1].span.article, c.why.rule) for c in disputes] == [
        ("b", "different-source")
    ]


def test_views_weak_links_are_listed_apart_and_never_left_out(analysis: StoryAnalysis) -> None:
    from dataclasses import replace

    from storylens.report.views import WEAK_LINK, claim_views

    claim = analysis.claims[0]
    assert claim in claim_views(analysis).shared_by_all
    weaker = replace(claim.mentions[1], why=Why("matched", WEAK_LINK - 0.1, {}))
    third = replace(analysis.articles[1], id="c", outlet="Gazette")
    changed = replace(
        analysis,
        articles=(*analysis.articles, third),
        claims=(replace(claim, mentions=(claim.mentions[0], weaker)), *analysis.claims[1:]),
    )
    views = claim_views(changed)
    assert [c.id for c in views.weak] == [claim.id]
    assert claim.id not in {c.id for c in (*views.shared_by_all, *views.shared_by_some)}
    assert views.omitted["c"] == ()  # nobody is said to leave out a possible match


def test_views_an_article_stating_a_fact_inside_another_claim_does_not_leave_it_out(
    analysis: StoryAnalysis,
) -> None:
    from dataclasses import replace

    from storylens.model import ClaimMention
    from storylens.report.views import claim_views

    claim = analysis.claims[0]
    third = replace(analysis.articles[1], id="c", outlet="Gazette")
    also = ClaimMention(Span("c", 0, 10), Why("also-states", 0.6, {}))
    with_third = replace(analysis, articles=(*analysis.articles, third))
    assert claim in claim_views(with_third).omitted["c"]
    stated = replace(with_third, claims=(replace(claim, also=(also,)), *analysis.claims[1:]))
    assert claim_views(stated).omitted["c"] == ()


def test_views_an_also_sentence_without_the_claims_figure_leaves_the_figure_out(
    analysis: StoryAnalysis,
) -> None:
    from dataclasses import replace

    from storylens.model import ClaimMention
    from storylens.report.views import claim_views

    claim = analysis.claims[0]
    figures = tuple(
        replace(_number(m.span.article, 12, 12, "police"), span=m.span) for m in claim.mentions
    )
    third = replace(analysis.articles[1], id="c", outlet="Gazette")
    also = ClaimMention(Span("c", 0, 10), Why("also-states", 0.7, {}))
    story = replace(
        analysis,
        articles=(*analysis.articles, third),
        claims=(replace(claim, also=(also,)), *analysis.claims[1:]),
        numbers=figures,
    )
    omitted = [c.id for c in claim_views(story).omitted["c"]]
    assert claim.id in omitted  # every mention gives a toll, "c" none
    with_toll = replace(story, numbers=(*figures, _number("c", 12, 12, "police")))
    assert claim_views(with_toll).omitted["c"] == ()


def test_views_a_claim_only_copies_of_one_text_state_is_left_out_by_nobody(
    analysis: StoryAnalysis,
) -> None:
    from dataclasses import replace

    from storylens.model import ClaimMention, Support
    from storylens.report.views import claim_views

    claim = analysis.claims[0]
    third = replace(analysis.articles[1], id="c", outlet="Gazette")
    story = replace(analysis, articles=(*analysis.articles, third))
    assert claim in claim_views(story).omitted["c"]  # two sources state it, "c" does not
    a, b = (m.span.article for m in claim.mentions)
    one_origin = replace(claim, support=Support(articles=2, outlets=2, independent=1))
    copies = replace(story, claims=(one_origin, *analysis.claims[1:]), origins=((a, "w"), (b, "w")))
    views = claim_views(copies)
    assert one_origin in views.shared_by_some  # listed, and marked one origin by renderers
    assert views.omitted["c"] == ()
    assert views.cut == {}  # "c" is no copy of that text: it cut nothing
    reprint = replace(copies, origins=((a, "w"), (b, "w"), ("c", "w")))
    assert claim_views(reprint).cut == {"c": (one_origin,)}  # a copy without it cut it
    from storylens.report.html import to_html
    from storylens.report.markdown import to_markdown

    assert "## Cut from this copy: Gazette" in to_markdown(reprint)
    assert "Cut by Gazette" in to_html(reprint)
    fourth = replace(third, id="d", outlet="Courier")
    also = ClaimMention(Span("d", 0, 10), Why("also-states", 0.7, {}))
    told = replace(
        copies,
        articles=(*copies.articles, fourth),
        claims=(replace(one_origin, also=(also,)), *analysis.claims[1:]),
    )
    assert one_origin.id in [c.id for c in claim_views(told).omitted["c"]]  # "d": 2nd origin


def test_views_a_claim_restated_elsewhere_is_not_only_this_outlet(
    analysis: StoryAnalysis,
) -> None:
    from dataclasses import replace

    from storylens.model import ClaimMention
    from storylens.report.views import WEAK_LINK, claim_views

    lone = analysis.claims[1]
    assert lone in claim_views(analysis).unique["b1"]
    for score, unique in ((WEAK_LINK + 0.1, False), (WEAK_LINK - 0.1, True)):
        also = ClaimMention(Span("a1", 0, 10), Why("also-states", score, {}))
        changed = replace(analysis, claims=(analysis.claims[0], replace(lone, also=(also,))))
        assert (lone.id in {c.id for c in claim_views(changed).unique["b1"]}) is unique


def test_views_a_weak_also_sentence_does_not_state_the_claim(analysis: StoryAnalysis) -> None:
    from dataclasses import replace

    from storylens.model import ClaimMention
    from storylens.report.views import WEAK_LINK, claim_views

    claim = analysis.claims[0]
    third = replace(analysis.articles[1], id="c", outlet="Gazette")
    for score, left_out in ((WEAK_LINK - 0.05, True), (WEAK_LINK + 0.05, False)):
        also = ClaimMention(Span("c", 0, 10), Why("also-states", score, {}))
        story = replace(
            analysis,
            articles=(*analysis.articles, third),
            claims=(replace(claim, also=(also,)), *analysis.claims[1:]),
        )
        assert (claim.id in {c.id for c in claim_views(story).omitted["c"]}) is left_out


def test_views_a_weak_member_of_a_firm_claim_neither_states_nor_omits_it(
    analysis: StoryAnalysis,
) -> None:
    from dataclasses import replace

    from storylens.model import ClaimMention
    from storylens.report.views import WEAK_LINK, claim_views, reporters

    claim = analysis.claims[0]
    third = replace(analysis.articles[1], id="c", outlet="Gazette")
    fourth = replace(analysis.articles[1], id="d", outlet="Tribune")
    weak = ClaimMention(Span("c", 0, 10), Why("matched", WEAK_LINK - 0.1, {}))
    story = replace(
        analysis,
        articles=(*analysis.articles, third, fourth),
        claims=(replace(claim, mentions=(*claim.mentions, weak)), *analysis.claims[1:]),
    )
    views = claim_views(story)
    assert [c.id for c in views.shared_by_some] == [claim.id]
    assert views.weak == ()
    assert views.omitted["c"] == ()
    assert [c.id for c in views.omitted["d"]] == [claim.id]
    names = {"a1": "Courier", "b1": "Ledger", "c": "Gazette", "d": "Tribune"}
    assert reporters(story.claims[0], names) == "Courier, Ledger, Gazette (weak match)"
    # copies of one text and a weak member of another origin: one source, nobody leaves it out
    a, b = (m.span.article for m in claim.mentions)
    copies = replace(story, origins=((a, "w"), (b, "w")))
    assert claim_views(copies).omitted["d"] == ()


def test_views_source_disputes_are_about_one_place() -> None:
    from dataclasses import replace

    police = replace(_number("a", 3000, 3000, "police"), where="Spin Boldak")
    organisers = _number("b", 20000, 20000, "organisers")
    elsewhere = replace(organisers, where="Kandahar")
    assert source_disputes([_pair("different-source", police, elsewhere)]) == ()
    same = replace(police, where="kandahar")
    assert len(source_disputes([_pair("different-source", same, elsewhere)])) == 1
    assert len(source_disputes([_pair("different-source", police, organisers)])) == 1


def test_views_word_choice_counts_uses_inside_quotes_apart() -> None:
    from storylens.compare import compare
    from storylens.model import Article, Paragraph, content_hash
    from storylens.report.views import detail_tables

    texts = {
        "a": 'Rebels attacked the depot. "It was a massacre," farmer Ana Ruiz said.',
        "b": "Rebels attacked the depot, calling it a massacre of the innocent.",
    }
    articles = [
        Article(k, t, (Paragraph(0, len(t)),), content_hash(t), outlet=k.upper())
        for k, t in texts.items()
    ]
    (table,) = [t for t in detail_tables(compare(articles)) if t.title == "Word choice"]
    (row,) = [r for r in table.rows if r[2] == "massacre"]
    assert row[3] == "A: 1 (1 in quotes), B: 1"


def test_views_explain_lists_the_figures_compared_with_nothing() -> None:
    from storylens.compare import compare
    from storylens.model import Article, Paragraph, content_hash
    from storylens.report.views import detail_tables

    texts = {
        "a": "The fire destroyed 40 homes in Marsh Lane, and 300 firefighters were deployed.",
        "b": "The blaze destroyed 45 homes in Marsh Lane, the fire service said.",
    }
    articles = [
        Article(k, t, (Paragraph(0, len(t)),), content_hash(t), outlet=k.upper())
        for k, t in texts.items()
    ]
    analysis = compare(articles)
    titles = [t.title for t in detail_tables(analysis)]
    assert "Figures compared with nothing" not in titles
    (table,) = [
        t
        for t in detail_tables(analysis, explain=True)
        if t.title == "Figures compared with nothing"
    ]
    assert [row[:2] for row in table.rows] == [("A", "300")]
    assert table.rows[0][3] == "no other outlet counts this"


def test_views_a_quote_credited_to_someone_else_shows_both_names() -> None:
    span = Span("a", 0, 10)
    other = QuoteMention(
        span,
        QuoteKind.STATEMENT,
        "Hessel Brandt",
        None,
        Why("x", None, {"fidelity": "other-speaker"}),
    )
    same = QuoteMention(span, QuoteKind.STATEMENT, "Odile Ferrance", None, Why("cue-after"))
    assert mention_speaker(other, "Odile Ferrance") == "Odile Ferrance (here: Hessel Brandt)"
    assert mention_speaker(same, "Odile Ferrance") == "Odile Ferrance"
    alike = QuoteMention(span, QuoteKind.STATEMENT, "Odile Ferrance", None, other.why)
    assert mention_speaker(alike, "Odile Ferrance") == "Odile Ferrance"  # user trial 162
    assert mention_speaker(same, None) == "(unknown)"


def test_views_figures_in_two_units_that_agree_do_not_differ() -> None:
    from storylens.model import Bound, Claim, ClaimMention, NumberMention, Span, Support, Why
    from storylens.report.views import numbers_differ

    def length(article: str, value: float, unit: str) -> NumberMention:
        why = Why("length-verb", features={"measure": unit, "subject": "distance"})
        return NumberMention(
            Span(article, 0, 2), value, Bound.EXACT, value, value, "length", None, None, None, why
        )

    mentions = tuple(ClaimMention(Span(a, 0, 9), Why("matched", 0.9)) for a in "ab")
    claim = Claim("c", "x", mentions, Support(2, 2, 2))
    assert not numbers_differ(claim, [length("a", 12, "km"), length("b", 7.5, "mi")])
    assert numbers_differ(claim, [length("a", 12, "km"), length("b", 15, "mi")])


def test_views_an_article_of_an_earlier_day_does_not_leave_out_a_later_fact(
    analysis: StoryAnalysis,
) -> None:
    # user trial 29: a flood's first-day wire story "left out" an aid pledge made days later
    from dataclasses import replace

    from storylens.report.views import claim_views

    claim = analysis.claims[0]
    a, b = (replace(x, published="2026-04-16T08:00:00Z") for x in analysis.articles[:2])
    for day, omits in (("2026-04-14T09:00:00Z", False), ("2026-04-16T20:00:00Z", True)):
        third = replace(analysis.articles[1], id="c", outlet="Gazette", published=day)
        views = claim_views(replace(analysis, articles=(a, b, third)))
        assert (claim in views.omitted["c"]) is omits


def test_views_a_live_page_updated_later_may_leave_out_a_later_fact(
    analysis: StoryAnalysis,
) -> None:
    # user trial 150: a live page begun the day before was dated by its first post, so it was
    # never said to leave out what it could have told by its last update
    from dataclasses import replace

    from storylens.report.views import claim_views

    claim = analysis.claims[0]
    a, b = (replace(x, published="2026-04-16T08:00:00Z") for x in analysis.articles[:2])
    live = replace(analysis.articles[1], id="c", published="2026-04-15T17:30:00Z")
    for meta, omits in (({}, False), ({"modified": "2026-04-16T10:15:00Z"}, True)):
        third = replace(live, meta=meta)
        views = claim_views(replace(analysis, articles=(a, b, third)))
        assert (claim in views.omitted["c"]) is omits


def test_article_row_keeps_the_title_whole_and_the_time_to_the_minute() -> None:
    # user trials 44, 49 and 52: the articles table cut titles ("payou...") though the README
    # says text wraps, and showed only the day of reports written hours apart
    from storylens.model import Article, Paragraph, content_hash
    from storylens.report import article_row

    title = "Court revokes Greyfell copper mine licence after villagers win pollution case"
    text = "The court revoked the licence."
    article = Article(
        "g1",
        text,
        (Paragraph(0, len(text)),),
        content_hash(text),
        title=title,
        published="2026-05-12T14:05:00",
    )
    row = article_row(article)
    assert (row["title"], row["published"]) == (title, "2026-05-12 14:05")


def test_views_figures_keep_their_units() -> None:
    # user trial 76: "Reports differ on the distance: about 80 vs some 400" (metres and feet)
    from storylens.analyze.digest import _figure
    from storylens.model import Article, Paragraph
    from storylens.report.views import _Tables

    text = "The coach fell about 80 metres. Some 400 feet, it said. It was 30 km/h."
    article = Article("a", text, (Paragraph(0, len(text)),), "h")
    spans = [
        (text.index(w), text.index(w) + len(w), u)
        for w, u in (("about 80", "m"), ("Some 400", "ft"), ("30", "kph"))
    ]
    numbers = tuple(
        NumberMention(
            Span("a", s, e),
            1.0,
            Bound.EXACT,
            1.0,
            1.0,
            None,
            None,
            None,
            None,
            Why("n", None, {"measure": u}),
        )
        for s, e, u in spans
    )
    tables = _Tables(StoryAnalysis(articles=(article,), numbers=numbers))
    assert [tables.figure(n) for n in numbers] == ["about 80 metres", "Some 400 feet", "30 km/h"]
    assert _figure(text, numbers[1]) == "some 400 feet"


def test_views_explain_lists_a_figure_no_pair_was_judged_for() -> None:
    # user trials 134-138: two outlets' distances ("the school, 2 km away") were never set
    # against each other, and --explain listed them nowhere
    from storylens.compare import compare
    from storylens.model import Article, Paragraph, content_hash
    from storylens.report.views import detail_tables

    texts = {
        "a": "The school, about two kilometres downstream of the dam, was closed on Monday.",
        "b": "Pupils at the school, some five kilometres below the dam, were sent home on Monday.",
    }
    articles = [
        Article(k, t, (Paragraph(0, len(t)),), content_hash(t), outlet=k.upper())
        for k, t in texts.items()
    ]
    analysis = compare(articles)
    assert not analysis.conflicts and not analysis.non_conflicts
    (table,) = [
        t
        for t in detail_tables(analysis, explain=True)
        if t.title == "Figures compared with nothing"
    ]
    assert [row[0] for row in table.rows] == ["A", "B"]
    assert {row[3] for row in table.rows} == {
        "set against no other figure: it tells where something is, or names what it counts in"
        " passing"
    }


def test_views_copies_of_one_text_give_each_figure_once() -> None:
    from dataclasses import replace

    from storylens.compare import compare
    from storylens.model import Article, Paragraph, content_hash
    from storylens.report.views import detail_tables

    wire = "The fire destroyed 40 homes in Marsh Lane, the fire service said on Monday."
    texts = {
        "a": wire,
        "b": "The blaze destroyed 45 homes in Marsh Lane, the fire service said on Monday.",
        "c": wire + " Roads stayed shut for 3 days.",
    }
    articles = [
        Article(k, t, (Paragraph(0, len(t)),), content_hash(t), outlet=k.upper())
        for k, t in texts.items()
    ]
    analysis = compare(articles)
    copies = replace(analysis, origins=(("a", "w"), ("c", "w")))
    (numbers,) = [t for t in detail_tables(copies) if t.title == "Numbers"]
    assert [r[:2] for r in numbers.rows] == [("A, C", "40"), ("B", "45"), ("C", "3 days")]
    (conflicts,) = [t for t in detail_tables(copies) if t.title == "Conflicting numbers"]
    assert [row[1] for row in conflicts.rows] == ["A, C: “40” vs B: “45”"]
    apart = replace(analysis, origins=())  # independent outlets giving one figure: a row each
    (alone,) = [t for t in detail_tables(apart) if t.title == "Numbers"]
    assert [r[:2] for r in alone.rows] == [("A", "40"), ("B", "45"), ("C", "40"), ("C", "3 days")]


def test_views_the_quote_others_are_compared_with_is_labelled_reference() -> None:
    from storylens.compare import compare
    from storylens.model import Article, Paragraph, content_hash
    from storylens.report.views import detail_tables

    texts = {
        "a": '"We will rebuild every house on this street before winter," mayor Ana Ruiz said.',
        "b": '"We will rebuild every house on the street before the winter," Ana Ruiz said.',
    }
    articles = [
        Article(k, t, (Paragraph(0, len(t)),), content_hash(t), outlet=k.upper())
        for k, t in texts.items()
    ]
    (table,) = [t for t in detail_tables(compare(articles)) if t.title == "Quotes"]
    assert sorted((row[2], row[1]) for row in table.rows) == [("A", "reworded"), ("B", "reference")]
