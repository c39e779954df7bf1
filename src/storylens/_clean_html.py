"""What trafilatura left out of an HTML page, line by line, for :mod:`storylens.clean`.

trafilatura keeps a page's main text and drops the rest: navigation, bylines, figure captions
and photo credits, promos, related links, share lines, cookie banners, footers. Cleaning never
removes text silently, so the page's visible text is cut into lines here (one per block
element: a paragraph, a heading, a list item, a caption, a table row; ``<br>`` breaks a line),
lined up with the lines trafilatura kept (:class:`difflib.SequenceMatcher`, so the result is
deterministic), and every line it did not keep is reported with the index of the kept line it
stood before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no type information
import lxml.html  # type: ignore[import-untyped]  # (installed with trafilatura)

from storylens.text import Line, split_lines

__all__ = ["dropped_lines", "fragment_lines", "is_fragment", "live_posts", "page_lines"]

# Elements that start a new line (HTML's block-level elements, and table rows); inline
# elements (links, emphasis, spans) run on within their line. (SIM905: word lists read better
# as one string than as sixty one-word lines.)
_BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li
    main menu nav ol p pre section summary table tbody tfoot thead tr ul""".split()  # noqa: SIM905
)
# Elements whose text is never shown on the page.
_HIDDEN_TAGS = frozenset(
    """head title script style noscript template iframe object embed svg math canvas audio
    video select datalist""".split()  # noqa: SIM905
)
_CELL_TAGS = frozenset({"td", "th"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_WHITE = re.compile(r"\s+")


def page_lines(html: str) -> list[str]:
    """The visible text of a page, one line per block element, normalised like cleaned text.

    >>> page_lines("<body><nav><a>Home</a> <a>World</a></nav><p>A <b>fire</b>.<br>Next</p></body>")
    ['Home World', 'A fire.', 'Next']
    """
    root = _parse(html)
    if root is None:
        return []
    return [line.text for line in split_lines("".join(_text_pieces(root)))]


_PAGE_TAG = re.compile(r"<(?:html|body|head)[\s>]", re.IGNORECASE)
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def is_fragment(html: str) -> bool:
    """HTML with no page around it (no ``<html>``, ``<head>`` or ``<body>``): the body of a
    feed entry, which is all article, not a page to pick the article out of.

    >>> is_fragment("<p>The harbour wall gave way.</p>"), is_fragment("<html><body>x</body>")
    (True, False)
    """
    return _PAGE_TAG.search(html) is None


def fragment_lines(html: str) -> list[tuple[Line, bool]]:
    """The lines of an HTML fragment, each with whether it is a heading (``<h2>``...).

    >>> [(line.text, head) for line, head in fragment_lines("<p>A.</p><h2>Radar</h2><p>B.</p>")]
    [('A.', False), ('Radar', True), ('B.', False)]
    """
    root = _parse(html)
    if root is None:
        return []
    headings = {_WHITE.sub(" ", h.text_content()).strip() for h in root.iter(*_HEADING_TAGS)}
    lines = split_lines("".join(_text_pieces(root)))
    return [(line, line.text in headings) for line in lines]


_POST_LINE_TAGS = ("p", "blockquote", "li", "time", *_HEADING_TAGS)
_NOT_POST_TEXT = re.compile(
    r"share|social|related|comment|promo|newsletter|advert|teaser|card", re.I
)
MIN_POSTS = 3
"""A container of at least this many ``<article>`` elements with a paragraph is a live page's
feed of posts."""


def live_posts(html: str, kept: Sequence[str]) -> list[tuple[Line, bool]]:
    """The lines of a live page's posts (each with whether it is a heading or a post's time),
    when the page's largest run of sibling ``<article>`` elements holding a paragraph (at
    least :data:`MIN_POSTS`) holds most of the ``kept`` text and more, or the same text in
    another order: trafilatura keeps one main block, and on a live page it can keep some
    posts and drop others, or move a post away from its time. Else ``[]``.

    >>> post = "<article><time>{0}</time><h2>Update</h2><p>Post {0}.</p></article>"
    >>> page = "<html><body>" + "".join(post.format(t) for t in ("9:00", "8:00", "7:00"))
    >>> [(line.text, head) for line, head in live_posts(page, ["Post 8:00."])][:3]
    [('9:00', True), ('Update', True), ('Post 9:00.', False)]
    >>> live_posts(page, ["Another text altogether."])
    []
    >>> cards = page.replace("<article>", '<article class="teaser">')  # related stories
    >>> live_posts(cards, ["Post 8:00."])
    []
    """
    root = _parse(html)
    posts = _largest_post_run(root) if root is not None else []
    lines = [pair for post in posts for pair in _post_lines(post)]
    texts = [line.text for line, _ in lines]
    held = sum(len(k) for k in kept if _overlaps(k, texts))
    total = sum(len(k) for k in kept)
    if not lines or held < 0.8 * total:
        return []
    return lines if sum(map(len, texts)) > total or _shuffled(kept, page_lines(html)) else []


def _shuffled(kept: Sequence[str], page: Sequence[str]) -> bool:
    """trafilatura kept lines out of the page's order (user trial 133: the first post before
    the page's heading, its time left with nothing under it)."""
    where = {text: i for i, text in reversed(list(enumerate(page)))}
    found = [where[k] for k in kept if k in where]
    return found != sorted(found)


def _largest_post_run(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The ``<article>`` children (with a paragraph) of the element that has most of them,
    when they read as a live page's posts: most hold a ``<time>`` or a class or id such as
    "live-post", "entry" or "update", and none is a teaser card or related link. Posts may
    also be ``<div>`` elements named as posts, most of them holding a ``<time>``."""
    best: list[lxml.html.HtmlElement] = []
    for parent in root.iter():
        posts = [child for child in parent if _may_be_post(child)]
        if len(posts) > len(best):
            best = posts
    if len(best) < MIN_POSTS or any(_NOT_POST_TEXT.search(_named(p)) for p in best):
        return []
    timed = sum(p.find(".//time") is not None for p in best)
    if any(p.tag.lower() != "article" for p in best):  # "<div class="post">": timed, each one
        return best if 2 * timed > len(best) else []
    marked = sum(p.find(".//time") is not None or bool(_POST_NAME.search(_named(p))) for p in best)
    return best if 2 * marked > len(best) else []


def _may_be_post(element: lxml.html.HtmlElement) -> bool:
    """An ``<article>`` with a paragraph, or a ``<div>``, ``<section>`` or ``<li>`` with one
    whose class or id names a post ("post", "live-entry": user trial 133's live page)."""
    if not isinstance(element.tag, str) or element.find(".//p") is None:
        return False
    tag = element.tag.lower()
    return tag == "article" or (tag in _POST_TAGS and bool(_POST_NAME.search(_named(element))))


_POST_TAGS = frozenset(["div", "section", "li"])


_POST_NAME = re.compile(r"live|post|entry|update|timeline", re.I)


def _named(element: lxml.html.HtmlElement) -> str:
    """An element's class and id, for telling what it is."""
    return f"{element.get('class', '')} {element.get('id', '')}"


def _post_lines(post: lxml.html.HtmlElement) -> Iterator[tuple[Line, bool]]:
    """The lines of one post: its time, headings, paragraphs, quotes and list items, not its
    share or related-links blocks."""
    for element in post.iter(*_POST_LINE_TAGS):
        ancestors = list(element.iterancestors())
        ancestors = ancestors[: ancestors.index(post)] if post in ancestors else ancestors
        if any(a.tag in _POST_LINE_TAGS for a in ancestors):
            continue  # its text is in the line of the element holding it
        if any(_NOT_POST_TEXT.search(_named(a)) for a in ancestors):
            continue
        heading = element.tag in _HEADING_TAGS or element.tag == "time" or _only_time(element)
        for line in split_lines("".join(_text_pieces(element))):
            yield line, heading


def _only_time(element: lxml.html.HtmlElement) -> bool:
    """A paragraph holding nothing but a ``<time>`` ("<p class="stamp"><time>6:45 p.m.</time>
    </p>"): the post's time."""
    stamp = element.find(".//time")
    return stamp is not None and element.text_content().strip() == stamp.text_content().strip()


def dropped_lines(page: Sequence[str], kept: Sequence[str]) -> list[tuple[int, str]]:
    """The lines of ``page`` not among ``kept`` (both in page order), each with the index of
    the kept line it stood before (``len(kept)`` after the last one).

    A page line that only partly matches kept text (trafilatura joined or trimmed lines
    differently) counts as kept when either holds the other.

    >>> dropped_lines(["Home", "A fire.", "Share this", "Next."], ["A fire.", "Next."])
    [(0, 'Home'), (1, 'Share this')]
    """
    matcher = SequenceMatcher(None, list(page), list(kept), autojunk=False)
    dropped: list[tuple[int, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "delete":
            dropped.extend((j1, line) for line in page[i1:i2])
        elif op == "replace":
            near = kept[j1:j2]
            dropped.extend((j1, line) for line in page[i1:i2] if not _overlaps(line, near))
    return dropped


def _overlaps(line: str, kept: Sequence[str]) -> bool:
    """True when ``line`` holds one of the ``kept`` lines, or one of them holds it."""
    return any(line in other or other in line for other in kept)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """The page's ``<body>`` (or the whole fragment), or ``None`` when nothing parses."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    body = root.find("body")
    return root if body is None else body


def _text_pieces(root: lxml.html.HtmlElement) -> Iterator[str]:
    """The text of ``root`` in document order, with a line break around every block element.

    White space inside text collapses to one space, as a browser shows it.
    """
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        hidden = tag in _HIDDEN_TAGS or element.get("hidden") is not None
        if event == "start":
            if hidden:
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS or tag == "br":
                yield "\n"
            elif tag in _CELL_TAGS:
                yield " "
            if element.text:
                yield _WHITE.sub(" ", element.text)
            continue
        if tag in _BLOCK_TAGS:
            yield "\n"
        elif tag in _CELL_TAGS:
            yield " "
        if element.tail and element is not root:
            yield _WHITE.sub(" ", element.tail)
