"""The HTML report in a real browser (Debian's Chromium): it renders, logs no errors, loads
nothing, article text cannot run script; weak matches look different from firm ones; the page
fits a phone; keyboard users can skip to the content; headings do not skip a level."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from tests.browser import chromium, visit
from tests.report.html_story import story

from storylens.model import StoryAnalysis
from storylens.report.html import to_html

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@contextmanager
def _page(html: str, folder: Path, viewport: dict[str, int] = DESKTOP) -> Iterator[Any]:
    """A page showing ``html`` in Chromium, failing the test on any error or network request."""
    path = folder / "page.html"
    path.write_text(html, encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport=viewport)
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.resolve().as_uri())
        yield page
        assert errors == []
        assert requests == [path.resolve().as_uri()]  # nothing loaded from anywhere else
        page.close()


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


def test_html_report_no_console_errors_nor_requests(tmp_path: Path) -> None:
    for count in (2, 4, 6):
        with _page(to_html(story(count), title="Ferry"), tmp_path) as page:
            assert page.title() == "Ferry"


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
    with _page(to_html(analysis, title="Floods"), tmp_path) as page:
        hint = page.inner_text("#detail")
        page.keyboard.press("Tab")  # the skip link to the main content
        page.keyboard.press("Tab")  # the link past the article texts
        page.keyboard.press("Tab")  # the first highlighted passage takes the focus
        focused = page.evaluate("document.activeElement.getAttribute('title')")
        assert focused and page.inner_text("#detail") == focused != hint
        page.click(".article .shared")  # a shared fact: its mentions in both articles light up
        assert page.locator(".hl").count() >= 2
        assert page.inner_text("#detail").startswith("reported by ")
        page.click("ol.digest a")  # a citation jumps to the article it cites
        assert page.evaluate("location.hash").startswith("#article-")


def _style(page: Any, selector: str) -> dict[str, str]:
    return dict(
        page.evaluate(
            """sel => { const s = getComputedStyle(document.querySelector(sel));
            return {line: s.textDecorationLine, style: s.textDecorationStyle,
                    background: s.backgroundColor, border: s.boxShadow}; }""",
            selector,
        )
    )


def test_html_weak_match_looks_different_from_a_firm_one(tmp_path: Path) -> None:
    with _page(to_html(story(3)), tmp_path) as page:
        firm = _style(page, '.article .shared[data-claim="c-capsized"]')
        weak = _style(page, '.article .weak[data-claim="c-search"]')
        wire = _style(page, '.article .wire[data-claim="c-suspended"]')
        unique = _style(page, '.article .unique[data-claim="c-toll"]')
        assert (firm["line"], firm["style"]) == ("underline", "solid")
        assert (weak["line"], weak["style"]) == ("underline", "dashed")
        assert (wire["line"], wire["style"]) == ("underline", "double")
        assert unique["line"] == "none"  # not only a colour apart from the shared fact
        assert len({firm["background"], weak["background"], unique["background"]}) == 3
        page.click('.article .weak[data-claim="c-search"]')
        assert page.inner_text("#detail").startswith("possibly the same fact as Harbour Signal")
        assert page.locator(".hl").count() == 2  # both passages, to compare


def test_html_report_fits_a_phone(tmp_path: Path) -> None:
    analysis = story(4)
    long_url = "https://news.example/" + "section/" * 30 + "article.html"
    first = replace(analysis.articles[0], url=long_url)
    html = to_html(replace(analysis, articles=(first, *analysis.articles[1:])))
    with _page(html, tmp_path, PHONE) as page:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0  # the page never scrolls sideways
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('table')].map(t => {
                const box = t.parentElement; return [box.className,
                box.getBoundingClientRect().right <= window.innerWidth]; })"""
        )
        assert boxes and all(b == ["scroll", True] for b in boxes)  # tables scroll in place
        # No word in a table is broken across lines ("verbati m", "Pelica n").
        broken = page.evaluate(
            """() => { const out = [];
            for (const cell of document.querySelectorAll('td, th')) {
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let node; (node = walker.nextNode());) {
                for (const m of node.data.matchAll(/\\S+/g)) {
                  const r = document.createRange();
                  r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
                  const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
                  if (tops.size > 1) out.push(m[0]);
                } } } return out; }"""
        )
        assert broken == []
        # The detail line stays with the articles: it never covers a table's header.
        page.evaluate("document.querySelector('h2#h-glossary').scrollIntoView()")
        page.evaluate("window.scrollBy(0, 400)")
        detail = page.evaluate("document.getElementById('detail').getBoundingClientRect().bottom")
        assert detail <= 0


def test_html_report_columns_two_wide_one_on_a_phone(tmp_path: Path) -> None:
    tops = "[...document.querySelectorAll('.article')].map(a => a.getBoundingClientRect().top)"
    with _page(to_html(story(4)), tmp_path) as page:
        rows = page.evaluate(tops)
        assert rows[0] == rows[1] < rows[2] == rows[3]  # two by two, none alone below three
    with _page(to_html(story(4)), tmp_path, PHONE) as page:
        rows = page.evaluate(tops)
        assert rows == sorted(rows) and len(set(rows)) == 4


def test_html_report_skip_link_moves_focus_to_the_content(tmp_path: Path) -> None:
    html = to_html(story(3), index_href="index.html")
    with _page(html, tmp_path) as page:
        page.keyboard.press("Tab")
        link = page.evaluate("[document.activeElement.tagName, document.activeElement.textContent]")
        assert link == ["A", "Skip to main content"]
        assert page.evaluate("document.activeElement.getBoundingClientRect().width") > 50
        page.keyboard.press("Enter")
        assert page.evaluate("[location.hash, document.activeElement.id]") == ["#main", "main"]
        page.keyboard.press("Tab")  # on into the content, not back to the navigation
        inside = "document.getElementById('main').contains(document.activeElement)"
        assert page.evaluate(inside)


def test_html_report_headings_do_not_skip_levels(tmp_path: Path) -> None:
    levels = "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])"
    for analysis in (story(2), story(5), StoryAnalysis(articles=story(2).articles[:1])):
        with _page(to_html(analysis), tmp_path) as page:
            found = page.evaluate(levels)
        assert found[0] == 1 and found.count(1) == 1
        assert all(b <= a + 1 for a, b in itertools.pairwise(found)), found


def test_html_report_tab_stops_are_words_not_quote_marks(tmp_path: Path) -> None:
    with _page(to_html(story(4)), tmp_path) as page:
        stops = page.evaluate("document.querySelectorAll('.article [tabindex=\"0\"]').length")
        marked = page.evaluate("document.querySelectorAll('.article [title]').length")
        assert 0 < stops < marked
        seen = []
        for _ in range(stops + 2):
            page.keyboard.press("Tab")
            seen.append(page.evaluate("document.activeElement.textContent"))
        assert all(any(ch.isalnum() for ch in text) for text in seen), seen
