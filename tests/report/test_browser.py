"""The HTML report in a real browser: it renders, logs no errors, and article text cannot run
script."""

from __future__ import annotations

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
