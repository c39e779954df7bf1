"""``storylens run`` builds a site that renders in headless Chromium: a page for every story,
one-article stories included, each linked from the index."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from storylens.cli import main
from storylens.pipeline import ingest
from storylens.site import SiteStats, build_site
from storylens.store import open_store
from storylens.stories import merge_stories, update_stories
from tests.browser import chromium, visit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "news"

# Two invented one-off stories (fictional towns, outlets and people), one article each.
LIBRARY = {
    "id": "herald-0001",
    "outlet": "Valley Herald",
    "title": "Tollbridge council approves new library on Mill Street",
    "published": "2026-03-05T09:00:00Z",
    "text": (
        "The town council of Tollbridge voted 7 to 2 on Thursday to build a new public library"
        " on Mill Street.\n\nThe building will cost 4.2 million euros, council treasurer"
        ' Anika Brandt said.\n\n"Our old library has been too small for twenty years," Mayor'
        " Jonas Feld told reporters after the vote.\n\nWork is due to start in May."
    ),
}
FERRY = {
    "id": "fjord-0001",
    "outlet": "Fjord Weekly",
    "title": "Orvik ferry adds winter crossings to Sandholm",
    "published": "2026-03-06T07:30:00Z",
    "text": (
        "The ferry company Nordlys Lines will run 14 crossings a day between Orvik and Sandholm"
        ' from December, up from 9.\n\n"Islanders asked us for an early boat, and now they will'
        ' have one," operations chief Hedda Moe said.\n\nFares will rise by 3 percent.'
    ),
}
QUOTE = "Our old library has been too small for twenty years"


def _one_offs(folder: Path) -> Path:
    """The two fictional one-article stories as a JSON Lines file."""
    path = folder / "one-offs.jsonl"
    lines = (json.dumps(record) for record in (LIBRARY, FERRY))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _on_a_phone(browser: Any, path: Path) -> tuple[int, str]:
    """How far a page scrolls sideways at 390 px, and what the first Tab focuses."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(path.resolve().as_uri())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    page.close()
    return max(0, int(overflow)), str(focused)


def _linked(index: str) -> list[str]:
    """The story pages the index links to, in the order it lists them."""
    return re.findall(r'href="(story-[0-9a-f]{12}\.html)"', index)


def test_site_run_builds_index_and_story_pages(tmp_path: Path) -> None:
    out = tmp_path / "site"
    db = tmp_path / "s.db"
    sources = [str(EXAMPLES), str(_one_offs(tmp_path))]
    result = CliRunner().invoke(main, ["run", "-q", *sources, "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "5 stories, 3 compared, 2 with one article: open" in result.stderr
    pages = sorted(p.name for p in out.glob("story-*.html"))
    assert len(pages) == 5 and len(list(out.glob("story-*.json"))) == 5
    index = (out / "index.html").read_text(encoding="utf-8")
    with open_store(db) as store:
        stories = list(store.iter_stories())
    several = [f"{s.id}.html" for s in stories if s.outlets > 1]
    one = [f"{s.id}.html" for s in stories if s.outlets == 1]
    assert len(several) == 3 and len(one) == 2
    # Every row links to its page: stories told by several outlets first, each group in the
    # store's order (largest first), under its own heading.
    assert _linked(index) == several + one
    assert index.index("Told by several outlets (3)") < index.index("From one outlet (2)")
    single = next(p for p in one if "Tollbridge" in (out / p).read_text(encoding="utf-8"))
    with chromium() as browser:
        front = visit(browser, out / "index.html", screenshot=tmp_path / "index.png")
        story = visit(browser, out / several[0], screenshot=tmp_path / "story.png")
        alone = visit(browser, out / single, screenshot=tmp_path / "single.png")
        phone = [_on_a_phone(browser, out / name) for name in ("index.html", several[0], single)]
    for report in (front, story, alone):
        assert report.console_errors == [] and report.page_errors == [] and report.dialogs == []
        assert report.overflow <= 0
    # At 390 px the pages do not scroll sideways (tables scroll in their own box), and the
    # first Tab reaches the skip link.
    assert phone == [(0, "Skip to main content")] * 3
    assert "Brennmoor" in front.text and "Tollbridge" in front.text
    assert "Digest" in story.text and "Quotes" in story.text
    assert "One article, from Valley Herald: nothing to compare yet." in alone.text
    assert QUOTE in alone.text and "4.2 million" in alone.text
    assert "shared by fewer" not in alone.text  # no shading legend without a second article


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


def test_site_one_article_story_gets_a_page_linked_from_the_index(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with open_store(tmp_path / "s.db") as store:
        ingest([_one_offs(tmp_path)], store)
        update_stories(store)
        stats = build_site(store, out)
        stories = list(store.iter_stories())
    assert stats == SiteStats(2, 0, out)
    assert [len(s.articles) for s in stories] == [1, 1]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert sorted(_linked(index)) == sorted(f"{s.id}.html" for s in stories)
    assert '<a class="skip" href="#main">Skip to main content</a>' in index
    assert '<div class="scroll" role="region" aria-label="From one outlet"><table>' in index
    assert "From one outlet (2)" in index and "Told by several outlets" not in index
    library = next(s for s in stories if s.articles == ("herald-0001",))
    page = (out / f"{library.id}.html").read_text(encoding="utf-8")
    assert QUOTE in page and "4.2 million" in page  # the article's quote and numbers
    assert "<h2>Claims</h2>" in page and "<h2>Conflicting numbers</h2>" not in page
    report = json.loads((out / f"{library.id}.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in report["articles"]] == ["herald-0001"]
    assert report["quotes"] and report["numbers"]


def test_site_is_byte_identical_when_built_twice(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        ingest([_one_offs(tmp_path)], store)
        update_stories(store)
        build_site(store, tmp_path / "one")
        build_site(store, tmp_path / "two")
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir()) and len(names) == 5
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_site_removes_the_page_of_a_story_merged_away(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with open_store(tmp_path / "s.db") as store:
        ingest([_one_offs(tmp_path)], store)
        update_stories(store)
        build_site(store, out)
        keep, gone = (s.id for s in store.iter_stories())
        merge_stories(store, keep, gone)
        stats = build_site(store, out)
    assert stats == SiteStats(1, 1, out)
    assert sorted(p.name for p in out.glob("story-*")) == [f"{keep}.html", f"{keep}.json"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert _linked(index) == [f"{keep}.html"] and "Told by several outlets (1)" in index


def test_site_summary_counts_stories_with_one_article(tmp_path: Path) -> None:
    assert (
        SiteStats(3, 3, tmp_path).summary()
        == f"3 stories, 3 compared: open {tmp_path / 'index.html'}"
    )
    assert SiteStats(5, 3, tmp_path).summary() == (
        f"5 stories, 3 compared, 2 with one article: open {tmp_path / 'index.html'}"
    )
