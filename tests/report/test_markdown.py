from __future__ import annotations

from dataclasses import replace

import pytest

from storylens.model import Bound, StoryAnalysis, Why
from storylens.report.markdown import to_markdown


def test_markdown_lists_digest_with_citations(analysis: StoryAnalysis) -> None:
    text = to_markdown(analysis, title="Floods")
    assert text.startswith("# Floods\n")
    assert "1. Twelve people died in Brennmoor floods. [Courier &lt;b&gt;, Ledger]" in text


def test_markdown_sections(analysis: StoryAnalysis) -> None:
    text = to_markdown(analysis)
    assert (
        "\n## Shared facts\n\n### Shared by all\n\n- Twelve people died in Brennmoor floods."
        " [Courier &lt;b&gt;, Ledger; match 0.81]\n"
        "  - Courier &lt;b&gt; (0.81): At least 12 people died and more than 300 were injured …\n"
        "  - Ledger (0.81): Twelve people died in Brennmoor floods …\n"
    ) in text
    assert "\n## Only one outlet says\n\n### Only in Ledger\n\n- Dozens were injured." in text
    assert "## Left out by" not in text  # every shared claim is in both articles
    assert "| the mayor | single | Courier &lt;b&gt; | Leave now, | statement |" in text
    assert (
        "| injured | Courier &lt;b&gt;: “more than 300” vs Ledger: “Dozens”"
        " | ranges-disjoint |" in text
    )


def test_markdown_match_is_the_weakest_link(analysis: StoryAnalysis) -> None:
    claim = analysis.claims[0]
    weaker = replace(claim.mentions[1], why=Why("matched", 0.4, {}))
    changed = replace(analysis, claims=(replace(claim, mentions=(claim.mentions[0], weaker)),))
    assert "[Courier &lt;b&gt;, Ledger; match 0.40]" in to_markdown(changed)


def test_markdown_escapes_html_in_article_text(analysis: StoryAnalysis) -> None:
    text = to_markdown(analysis)
    assert "<b>" not in text  # the outlet "Courier <b>" comes from the article
    assert "Courier &lt;b&gt;" in text


def test_markdown_numbers_say_what_where_when_and_whose(analysis: StoryAnalysis) -> None:
    assert "| outlet | text | bound | what | where | when | according to |" in to_markdown(analysis)


def test_markdown_empty_sections_say_so_in_one_line(analysis: StoryAnalysis) -> None:
    text = to_markdown(replace(analysis, conflicts=(), digest=()))
    assert (
        "## Conflicting numbers\n\nNone found: no two figures read as the same thing contradict"
        " each other (--explain lists every pair compared and why it was not flagged).\n"
    ) in text
    assert (
        "## Digest\n\nNone: no claim is stated as a plain sentence within the word budget.\n"
        in (text)
    )
    assert "_none_" not in text
    assert "## Shared by some" not in text  # with two articles a shared claim is shared by all


def test_markdown_left_out_nothing_matches_the_terminal(analysis: StoryAnalysis) -> None:
    third = replace(analysis.articles[1], id="c", outlet="Gazette")
    claim = analysis.claims[0]
    mention = replace(claim.mentions[1], span=replace(claim.mentions[1].span, article="c"))
    everywhere = replace(claim, mentions=(*claim.mentions, mention))
    text = to_markdown(
        replace(analysis, articles=(*analysis.articles, third), claims=(everywhere,))
    )
    assert "## Left out\n\nNothing: every outlet states every fact two sources report.\n" in text
    assert (
        "## Only one outlet says\n\nNothing: every fact is reported by more than one outlet."
        in (text)
    )
    assert "## Shared by some\n\nNone: no fact is reported by some outlets but not all.\n" in text


def test_markdown_one_article_lists_its_claims(analysis: StoryAnalysis) -> None:
    one = StoryAnalysis(articles=analysis.articles[1:], claims=analysis.claims[1:])
    text = to_markdown(one)
    assert "## Claims\n\n- Dozens were injured.\n" in text
    assert "## Shared by all" not in text


def test_markdown_title_is_the_neutral_headline_most_outlets_share(
    analysis: StoryAnalysis,
) -> None:
    first, second = analysis.articles[:2]
    titled = replace(
        analysis,
        articles=(
            replace(first, title="Crooked ex-minister Venkov finally behind bars"),
            replace(second, title="Former minister Venkov jailed for eight years"),
            *analysis.articles[2:],
        ),
    )
    from storylens.report import render

    heading = render(titled, "markdown").splitlines()[0]
    assert heading == "# Comparison: Former minister Venkov jailed for eight years"


def test_markdown_title_is_no_speaker_s_words(analysis: StoryAnalysis) -> None:
    # user trial 35: a resident's quote headlined the comparison
    first, second = analysis.articles[:2]
    titled = replace(
        analysis,
        articles=(
            replace(first, title="'It feels like the town was left to burn', residents say"),
            replace(second, title="Wildfire forces evacuation of mountain town"),
            *analysis.articles[2:],
        ),
    )
    from storylens.report import render

    heading = render(titled, "markdown").splitlines()[0]
    assert heading == "# Comparison: Wildfire forces evacuation of mountain town"


def test_markdown_title_is_no_reprint_s_own_headline(analysis: StoryAnalysis) -> None:
    # user trials 146 and 151: a reprint's local headline named the comparison
    first, second = analysis.articles[:2]
    wire = replace(first, title="Floods kill twelve in Brennmoor", published="2026-04-16T08:00Z")
    reprint = replace(
        second, title="Local family among Brennmoor flood victims", published="2026-04-16T09:00Z"
    )
    from storylens.report import render

    for origins, title in (
        ((), "Local family among Brennmoor flood victims"),  # the most central of two
        (((wire.id, "o1"), (reprint.id, "o1")), "Floods kill twelve in Brennmoor"),
    ):
        copied = replace(analysis, articles=(reprint, wire), origins=origins)
        assert render(copied, "markdown").splitlines()[0] == f"# Comparison: {title}"


def test_markdown_only_writes_the_chosen_sections_in_report_order(analysis: StoryAnalysis) -> None:
    from storylens.report import render
    from storylens.report.sections import SECTIONS

    whole = render(analysis, "markdown")
    part = render(analysis, "markdown", only={"wording", "numbers"})
    headings = [line for line in part.splitlines() if line.startswith("## ")]
    assert headings == ["## Numbers", "## Word choice"]
    for block in part.split("\n\n## ")[1:]:  # the same sections, word for word
        assert f"\n\n## {block.rstrip()}\n" in whole
    every = render(analysis, "markdown", only=set(SECTIONS))
    assert every == whole


@pytest.mark.parametrize("fmt", ["json", "html"])
def test_render_only_refuses_the_whole_reports(analysis: StoryAnalysis, fmt: str) -> None:
    from storylens.report import render

    with pytest.raises(ValueError, match=f"text and Markdown reports only, not in {fmt}"):
        render(analysis, fmt, only={"quotes"})


def test_markdown_shows_the_words_of_an_outlet_that_also_states_a_claim(
    analysis: StoryAnalysis,
) -> None:
    # user trials 127-129: "Ledger (also)" named an outlet and showed none of its words
    from storylens.model import ClaimMention

    claim, lone = analysis.claims
    a = analysis.articles[0]
    start = a.text.index("more than 300 were injured")
    also = ClaimMention(a.span(start, start + len("more than 300 were injured")), Why("also", 0.7))
    analysis = replace(analysis, claims=(claim, replace(lone, also=(also,))))
    text = to_markdown(analysis)
    # the outlet's words as the claim's own, with no quote marks (user trials 166-167: they
    # read as someone's speech)
    assert "  - Courier &lt;b&gt; (also, 0.70): … more than 300 were injured …\n" in text
    note = "(also): the outlet states this fact inside a sentence that is matched to another fact."
    assert f"\n\n{note}\n" in text
    assert note not in to_markdown(replace(analysis, claims=(claim, lone)))


def test_markdown_no_conflict_but_a_shared_fact_with_other_figures_says_so(
    analysis: StoryAnalysis,
) -> None:
    # user trial 146: "none found" stood under a shared fact marked "numbers differ"
    a, b = analysis.articles
    died = replace(analysis.numbers[0], what="died", bound=Bound.EXACT, high=12.0)
    twelve = replace(died, span=a.span(a.text.index("12"), a.text.index("12") + 2), value=12.0)
    fourteen = replace(died, span=b.span(0, len("Twelve")), value=14.0, low=14.0, high=14.0)
    assert b.text.startswith("Twelve")
    numbers = (*analysis.numbers, twelve, fourteen)
    text = to_markdown(replace(analysis, conflicts=(), non_conflicts=(), numbers=numbers))
    assert (
        "None found: no two figures read as the same thing contradict each other; but 1 shared"
        " fact gives different figures (“numbers differ” under Shared facts): check them"
        " (--explain lists every pair compared and why it was not flagged).\n"
    ) in text
