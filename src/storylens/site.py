"""A static site of stories: an index page linking to one page per story.

Every page is self-contained (inline style, no network) and escapes article text; each story
page is the HTML report of :func:`storylens.compare.compare`, with the comparison's JSON
beside it for scripts. A story with several articles gets their comparison; a story with one
article gets the same report of that article alone (its claims, quotes, numbers and sources),
so no row of the index leads nowhere. The index lists the stories told by several outlets
first, then those from one outlet, each in the order the store keeps them (largest first).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from pathlib import Path

from storylens.compare import CompareOptions, compare
from storylens.errors import ConfigError
from storylens.model import Story, StoryAnalysis
from storylens.report.comparison import to_json
from storylens.report.html import SKIP_LINK, table, to_html
from storylens.store import Store

__all__ = ["SITE_MARK", "SiteStats", "build_site", "check_site_dir", "story_page"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_STORY_FILE = re.compile(r"story-[0-9a-f]{12}\.html")


@dataclass(frozen=True, slots=True)
class SiteStats:
    """What :func:`build_site` wrote: a page for each of ``stories``, ``compared`` of them
    comparing two or more articles."""

    stories: int
    compared: int
    out: Path

    def summary(self) -> str:
        """One line for the terminal."""
        single = self.stories - self.compared
        alone = f", {single} with one article" if single else ""
        index = self.out / "index.html"
        stories = f"{self.stories} {'story' if self.stories == 1 else 'stories'}"
        return f"{stories}, {self.compared} compared{alone}: open {index}"


def story_page(story: Story) -> str:
    """The file name of a story's page."""
    return f"{story.id}.html"


SITE_MARK = ".storylens-site"
"""The file in a site's folder naming the store the site shows (see :func:`check_site_dir`)."""


def check_site_dir(out: Path, store_name: str) -> None:
    """Raise :class:`~storylens.errors.ConfigError` when ``out`` holds the site of another
    store: writing this store's site there would delete that one's pages (user trial 163)."""
    mark = out / SITE_MARK
    other = mark.read_text(encoding="utf-8").strip() if mark.is_file() else ""
    if other and other != store_name:
        msg = (
            f"{out} holds the site of another store ({other}): write this store's site"
            f" elsewhere with --out DIR, or delete {out} first"
        )
        raise ConfigError(msg)


def build_site(
    store: Store,
    out: Path,
    *,
    options: CompareOptions | None = None,
    progress: Callable[[Story], None] | None = None,
    store_name: str | None = None,
) -> SiteStats:
    """Write a page for every story (a comparison when it has two or more articles, the
    article's own report when it has one) and the index into ``out``. With ``store_name``
    (the store's path or URL), first check that ``out`` holds no other store's site
    (:func:`check_site_dir`), and mark the site as this store's."""
    if store_name is not None:
        check_site_dir(out, store_name)
    out.mkdir(parents=True, exist_ok=True)
    if store_name is not None:
        (out / SITE_MARK).write_text(f"{store_name}\n", encoding="utf-8")
    origins = _origins(store.origin_groups())
    stories = list(store.iter_stories())
    firsts: dict[str, str] = {}
    for story in stories:
        if progress is not None:
            progress(story)
        articles = list(store.iter_articles(ids=story.articles))
        analysis = compare(articles, origins=origins, options=options or CompareOptions())
        _write_story(out, story, analysis)
        firsts[story.id] = analysis.digest[0].text if analysis.digest else ""
    (out / "index.html").write_text(_index(stories, firsts), encoding="utf-8")
    _remove_stale(out, {story_page(s) for s in stories})
    return SiteStats(len(stories), sum(len(s.articles) > 1 for s in stories), out)


def _remove_stale(out: Path, pages: set[str]) -> None:
    """Delete the story pages (and their JSON) an earlier run wrote for stories that are
    gone (merged, split, re-clustered); only files named like a story page are touched."""
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


_SECTIONS = (
    ("Told by several outlets", "Each page compares the outlets' articles side by side."),
    (
        "From one outlet",
        "Each page shows what the outlet reports: claims, quotes, numbers, sources.",
    ),
)
_HEADERS = ("story", "articles", "outlets", "origins", "dates", "digest, first line")


def _row(story: Story, firsts: Mapping[str, str]) -> tuple[str, ...]:
    return (
        f'<a href="{escape(story_page(story))}">{escape(story.label)}</a>',
        str(len(story.articles)),
        str(story.outlets),
        str(story.origins),
        escape(_dates(story)),
        escape(firsts.get(story.id, "")),
    )


def _section(title: str, note: str, stories: Sequence[Story], firsts: Mapping[str, str]) -> str:
    rows = [_row(s, firsts) for s in stories]
    return (
        f"<h2>{title} ({len(stories)})</h2>\n<p>{note}</p>\n{table(_HEADERS, rows, label=title)}\n"
    )


def _index(stories: Sequence[Story], firsts: Mapping[str, str]) -> str:
    """The index: stories told by several outlets, then those from one, each group in the
    store's order (largest first, then by first article), so the same store gives the same page."""
    css = (files("storylens.report") / "report.css").read_text(encoding="utf-8")
    groups = ([s for s in stories if s.outlets > 1], [s for s in stories if s.outlets <= 1])
    body = "".join(
        _section(title, note, group, firsts)
        for (title, note), group in zip(_SECTIONS, groups, strict=True)
        if group
    )
    body = body or "<p>No stories yet: ingest some articles first.</p>\n"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>storylens: stories</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f'{SKIP_LINK}\n<main id="main" tabindex="-1">\n<h1>Stories</h1>\n{body}</main>\n'
        "</body>\n</html>\n"
    )
