from __future__ import annotations

import re
from dataclasses import replace

from storylens.model import StoryAnalysis
from storylens.report.html import to_html


def test_html_escapes_article_text(analysis: StoryAnalysis) -> None:
    page = to_html(analysis)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Courier &lt;b&gt;" in page


def test_html_has_strict_content_security_policy(analysis: StoryAnalysis) -> None:
    page = to_html(analysis)
    assert "default-src 'none'" in page
    assert "script-src 'sha256-" in page
    assert "http://" not in page and "https://" not in page  # nothing loaded from a network


def test_html_highlights_shared_unique_quote_conflict(analysis: StoryAnalysis) -> None:
    page = to_html(analysis)
    for cls in ("shared", "unique", "quote", "conflict"):
        assert f'class="{cls}' in page or f' {cls}"' in page or f" {cls} " in page, cls
    assert 'data-claim="c1"' in page
    assert '<p class="heading">' in page


def test_html_is_deterministic(analysis: StoryAnalysis) -> None:
    assert to_html(analysis) == to_html(analysis)


def _marked(page: str, claim: str) -> set[str]:
    """Every class on the passages of one claim (a passage may also be a quote or conflict)."""
    found = re.findall(rf'<span class="([^"]*)"[^>]*data-claim="{claim}"', page)
    return {cls for classes in found for cls in classes.split()}


def test_html_shades_facts_by_how_widely_they_are_shared(analysis: StoryAnalysis) -> None:
    assert {"shared", "some"} & _marked(to_html(analysis), "c1") == {"shared"}  # both of two
    extra = tuple(replace(analysis.articles[1], id=f"x{i}") for i in range(3))
    wider = replace(analysis, articles=(*analysis.articles, *extra))
    assert {"shared", "some"} & _marked(to_html(wider), "c1") == {"some"}  # two of five


def test_html_article_headings_number_an_outlet_with_two_articles(
    analysis: StoryAnalysis,
) -> None:
    second = replace(analysis.articles[1], id="b2")
    page = to_html(replace(analysis, articles=(*analysis.articles, second)))
    assert '<span class="outlet">Ledger #1</span>' in page
    assert '<span class="outlet">Ledger #2</span>' in page
