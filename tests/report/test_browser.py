"""The HTML report in a real browser: it renders, logs no errors, and article text cannot run
script."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.browser import chromium, visit

from storylens.model import StoryAnalysis
from storylens.report.html import to_html


def test_html_report_renders_in_chromium(analysis: StoryAnalysis, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(to_html(analysis, title="Floods"), encoding="utf-8")
    shot = tmp_path / "report.png"
    with chromium() as browser:
        report = visit(browser, page, screenshot=shot)
    assert report.console_errors == []
    assert report.page_errors == []
    assert report.dialogs == []  # the <script>alert(1)</script> in the article did not run
    assert report.title == "Floods"
    assert "<script>alert(1)</script>" in report.text  # shown as text, not run
    assert "Digest" in report.text
    assert shot.stat().st_size > 10_000


def test_html_report_long_words_do_not_widen_the_page(
    analysis: StoryAnalysis, tmp_path: Path
) -> None:
    long_url = "https://news.example/" + "section/" * 40 + "article.html"
    first = analysis.articles[0]
    text = first.text + " " + long_url
    widened = replace(first, text=text, url=long_url, title="T" * 300)
    page = tmp_path / "wide.html"
    html = to_html(replace(analysis, articles=(widened, *analysis.articles[1:])), title="Wide")
    page.write_text(html, encoding="utf-8")
    with chromium() as browser:
        report = visit(browser, page)
    assert long_url in report.text.replace("\n", "")
    assert report.overflow <= 0  # no sideways scrolling


def test_html_report_details_reach_keyboard_and_touch(
    analysis: StoryAnalysis, tmp_path: Path
) -> None:
    page_file = tmp_path / "report.html"
    page_file.write_text(to_html(analysis, title="Floods"), encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page()
        page.goto(page_file.resolve().as_uri())
        hint = page.inner_text("#detail")
        page.keyboard.press("Tab")  # the first highlighted passage takes the focus
        focused = page.evaluate("document.activeElement.getAttribute('title')")
        assert focused and page.inner_text("#detail") == focused != hint
        page.click(".article .shared")  # a shared fact: its mentions in both articles light up
        assert page.locator(".hl").count() >= 2
        assert page.inner_text("#detail").startswith("reported by ")
        page.click("ol.digest a")  # a citation jumps to the article it cites
        assert page.evaluate("location.hash").startswith("#article-")
        page.close()
