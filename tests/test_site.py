"""``storylens run`` on the examples builds a site that renders in headless Chromium."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from storylens.cli import main
from storylens.site import SiteStats
from tests.browser import chromium, visit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "news"


def test_site_run_builds_index_and_story_pages(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["run", "-q", str(EXAMPLES), "--db", str(tmp_path / "s.db"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert "3 stories, 3 compared" in result.stderr
    pages = sorted(p.name for p in out.glob("story-*.html"))
    assert len(pages) == 3
    index = (out / "index.html").read_text(encoding="utf-8")
    for page in pages:
        assert f'href="{page}"' in index
    with chromium() as browser:
        front = visit(browser, out / "index.html", screenshot=tmp_path / "index.png")
        story = visit(browser, out / pages[0], screenshot=tmp_path / "story.png")
    for report in (front, story):
        assert report.console_errors == [] and report.page_errors == [] and report.dialogs == []
    assert "Brennmoor" in front.text
    assert "Digest" in story.text and "Quotes" in story.text


def test_site_removes_pages_of_stories_that_are_gone(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    stale = out / "story-0123456789ab.html"
    for path in (stale, stale.with_suffix(".json"), out / "notes.html", out / "story-notes.html"):
        path.write_text("kept by the user" if "notes" in path.name else "old", encoding="utf-8")
    args = ["run", "-q", str(EXAMPLES), "--db", str(tmp_path / "s.db"), "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert not stale.exists() and not stale.with_suffix(".json").exists()
    assert (out / "notes.html").exists() and (out / "story-notes.html").exists()
    assert len(list(out.glob("story-*.json"))) == 3


def test_site_summary_says_why_a_story_has_no_page(tmp_path: Path) -> None:
    assert (
        SiteStats(3, 3, tmp_path).summary()
        == f"3 stories, 3 compared: open {tmp_path / 'index.html'}"
    )
    assert SiteStats(5, 3, tmp_path).summary() == (
        f"5 stories, 3 compared (2 with one article: nothing to compare):"
        f" open {tmp_path / 'index.html'}"
    )
