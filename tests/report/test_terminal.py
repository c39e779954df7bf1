"""The terminal report (rich), read as plain text at 100 columns."""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console

from storylens.model import StoryAnalysis
from storylens.report.terminal import print_comparison


def _printed(analysis: StoryAnalysis) -> str:
    out = io.StringIO()
    print_comparison(analysis, Console(file=out, width=100, color_system=None))
    return out.getvalue()


def test_terminal_shows_shared_claims_with_their_match(analysis: StoryAnalysis) -> None:
    text = _printed(analysis)
    assert "Courier <b>, Ledger (match 0.81)" in text
    assert "Left out" not in text  # two articles: a shared claim is in both
    # each outlet's own wording, where it differs from the claim's, is under the claim
    assert "↳ Courier <b>: At least 12 people died and more than 300 were" in text


def test_terminal_left_out_table_from_three_articles(analysis: StoryAnalysis) -> None:
    third = replace(analysis.articles[1], id="c", outlet="Gazette")
    text = _printed(replace(analysis, articles=(*analysis.articles, third)))
    assert "Left out" in text
    assert "Gazette" in text.split("Left out")[1]  # the third outlet omits the shared claim


def test_terminal_one_article_lists_its_claims(analysis: StoryAnalysis) -> None:
    one = StoryAnalysis(articles=analysis.articles[1:], claims=analysis.claims[1:])
    text = _printed(one)
    assert "Shared facts" not in text
    assert "Only one outlet says" not in text
    assert "Claims" in text.split("Digest")[-1]
    assert "Dozens were injured." in text
