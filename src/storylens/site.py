"""A static site of stories: an index page linking to one comparison page per story.

Every page is self-contained (inline style, no network) and escapes article text; each story
page is the HTML report of :func:`storylens.compare.compare`, with the comparison's JSON
beside it for scripts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from pathlib import Path

from storylens.compare import CompareOptions, compare
from storylens.model import Story, StoryAnalysis
from storylens.report.comparison import to_json
from storylens.report.html import to_html
from storylens.store import Store

__all__ = ["SiteStats", "build_site", "story_page"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_STORY_FILE = re.compile(r"story-[0-9a-f]{12}\.html")


@dataclass(frozen=True, slots=True)
class SiteStats:
    """What :func:`build_site` wrote."""

    stories: int
    compared: int
    out: Path

    def summary(self) -> str:
        """One line for the terminal."""
        single = self.stories - self.compared
        why = f" ({single} with one article: nothing to compare)" if single else ""
        return (
            f"{self.stories} stories, {self.compared} compared{why}: open {self.out / 'index.html'}"
        )


def story_page(story: Story) -> str:
    """The file name of a story's comparison page."""
    return f"{story.id}.html"


def build_site(
    store: Store,
    out: Path,
    *,
    options: CompareOptions | None = None,
    progress: Callable[[Story], None] | None = None,
) -> SiteStats:
    """Compare every story with two or more articles and write the site into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    origins = _origins(store.origin_groups())
    stories = list(store.iter_stories())
    firsts: dict[str, str] = {}
    for story in stories:
        if len(story.articles) < 2:
            continue
        if progress is not None:
            progress(story)
        articles = list(store.iter_articles(ids=story.articles))
        analysis = compare(articles, origins=origins, options=options or CompareOptions())
        _write_story(out, story, analysis)
        firsts[story.id] = analysis.digest[0].text if analysis.digest else ""
    (out / "index.html").write_text(_index(stories, firsts), encoding="utf-8")
    _remove_stale(out, {story_page(s) for s in stories if s.id in firsts})
    return SiteStats(len(stories), len(firsts), out)


def _remove_stale(out: Path, pages: set[str]) -> None:
    """Delete the story pages (and their JSON) an earlier run wrote for stories that are
    gone or now have one article; only files named like a story page are touched."""
    for path in sorted(out.glob("story-*.html")):
        if _STORY_FILE.fullmatch(path.name) and path.name not in pages:
            path.unlink()
            path.with_suffix(".json").unlink(missing_ok=True)


def _origins(groups: Sequence[Mapping[str, object]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for group in groups:
        members = group.get("members")
        if isinstance(members, list):
            found.update({str(m): str(group["id"]) for m in members})
    return found


def _write_story(out: Path, story: Story, analysis: StoryAnalysis) -> None:
    page = out / story_page(story)
    page.write_text(to_html(analysis, title=story.label, index_href="index.html"), encoding="utf-8")
    page.with_suffix(".json").write_text(to_json(analysis), encoding="utf-8")


def _dates(story: Story) -> str:
    first, last = (story.first_published or "")[:10], (story.last_published or "")[:10]
    return first if first == last else f"{first} – {last}"


def _row(story: Story, firsts: Mapping[str, str]) -> str:
    label = escape(story.label)
    if story.id in firsts:
        label = f'<a href="{escape(story_page(story))}">{label}</a>'
    return (
        f"<tr><td>{label}</td><td>{len(story.articles)}</td><td>{story.outlets}</td>"
        f"<td>{story.origins}</td><td>{escape(_dates(story))}</td>"
        f"<td>{escape(firsts.get(story.id, ''))}</td></tr>"
    )


def _index(stories: Sequence[Story], firsts: Mapping[str, str]) -> str:
    css = (files("storylens.report") / "report.css").read_text(encoding="utf-8")
    rows = "".join(_row(s, firsts) for s in stories)
    head = "".join(
        f"<th>{h}</th>"
        for h in ("story", "articles", "outlets", "origins", "dates", "digest, first line")
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>storylens: stories</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"<h1>Stories</h1>\n<table><tr>{head}</tr>{rows}</table>\n</body>\n</html>\n"
    )
