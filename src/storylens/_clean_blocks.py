"""Lines in and text out for :mod:`storylens.clean`: the blocks the cleaning rules work on.

A :class:`_Block` is one line of a document while the rules (:mod:`storylens._clean_passes`)
decide what it is. Blocks come from plain text (one a non-empty line) or from an HTML page's
main text (trafilatura, headings marked); the kept ones are then joined one a line into the
cleaned text, with their paragraphs (body paragraphs with sentence offsets) and every removal
at its place in that text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from storylens._clean_html import dropped_lines, fragment_lines, live_posts, page_lines
from storylens._clean_rules import _words
from storylens.analyze._num_words import ENTRY_STAMP
from storylens.model import Paragraph, ParagraphKind, Removal
from storylens.text import Line, split_lines, split_sentences

OUTSIDE_BODY = "outside-body"
"""The reason of a page's line that trafilatura's main-text extraction left out."""

PARAGRAPH_BREAK = "\n"
"""Paragraphs are one line each in the cleaned text, as in the one-paragraph-a-line inputs,
so a text in that shape with nothing to remove is kept character for character."""


@dataclass(slots=True)
class _Block:
    """One line of the document while rules decide what it is."""

    text: str
    kind: ParagraphKind | None = None
    reason: str | None = None
    heading_hint: bool = False
    inline: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def live(self) -> bool:
        """Not removed."""
        return self.reason is None

    def strip_prefix(self, length: int, reason: str) -> None:
        """Remove the first ``length`` characters (and following spaces), recording them."""
        removed, rest = self.text[:length], self.text[length:].lstrip()
        shift = len(self.text) - len(rest)
        self.inline = [(r, t, max(0, at - shift)) for r, t, at in self.inline]
        self.inline.insert(0, (reason, removed.strip(), 0))
        self.text = rest

    def strip_suffix(self, start: int, reason: str) -> None:
        """Remove the text from ``start`` on (and preceding spaces), recording it."""
        removed, rest = self.text[start:], self.text[:start].rstrip()
        self.inline = [(r, t, min(at, len(rest))) for r, t, at in self.inline]
        self.inline.append((reason, removed.strip(), len(rest)))
        self.text = rest


# --- input --------------------------------------------------------------------------------------


def _block_from_line(line: Line, heading_hint: bool = False) -> _Block:
    """A block for one normalised line, recording dropped control characters."""
    block = _Block(line.text, heading_hint=heading_hint)
    if line.dropped:
        block.inline.append(("control-characters", line.dropped, line.dropped_at))
    return block


def _post_block(line: Line, heading: bool) -> _Block:
    """A line of a live page's post; its time and headings are headings (the time stamps
    the post's figures), whatever the rules for runs of short lines would make of them."""
    block = _block_from_line(line)
    if heading:
        block.kind = ParagraphKind.HEADING
    return block


def _blocks_from_text(text: str) -> list[_Block]:
    """One block per non-empty line of plain text."""
    return [_block_from_line(line) for line in split_lines(text)]


def _blocks_from_fragment(html: str) -> list[_Block]:
    """One block per line of an HTML fragment (a feed entry's body), headings marked."""
    return [_block_from_line(line, head) for line, head in fragment_lines(html)]


_HEADING = re.compile(r"(<h[1-6]\b[^>]*>)(.*?)(</h[1-6]\s*>)", re.IGNORECASE | re.DOTALL)
_TIME_TAG = re.compile(r"</?time\b[^>]*>", re.IGNORECASE)


def _heading_times_as_text(html: str) -> str:
    """The page with each ``<time>`` inside a heading reduced to its text: trafilatura drops
    the element, so a live post's "<h3><time>14:30</time> Death toll rises to five</h3>" lost
    its time, and every figure of the page its *when* (user trial 166).

    >>> _heading_times_as_text('<h3><time datetime="x">14:30</time> Toll rises</h3>')
    '<h3>14:30 Toll rises</h3>'
    """
    return _HEADING.sub(lambda m: m.group(1) + _TIME_TAG.sub("", m.group(2)) + m.group(3), html)


def _blocks_from_html(html: str, url: str | None) -> tuple[list[_Block], dict[str, Any]]:
    """Extract the main text with trafilatura; blocks (headings marked) and page metadata."""
    # Imported here: loading trafilatura costs ~0.5 s and plain text never needs it.
    import trafilatura
    from trafilatura.settings import Document

    html = _heading_times_as_text(html)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
    )
    if not isinstance(doc, Document) or doc.body is None:
        return [], {}
    blocks: list[_Block] = []
    for element in doc.body:
        for part in (
            element.iter("p", "head", "item", "quote") if element.tag == "list" else [element]
        ):
            for lb in part.iter("lb"):
                lb.tail = "\n" + (lb.tail or "")
            for line in split_lines("".join(part.itertext())):
                blocks.append(_block_from_line(line, heading_hint=part.tag == "head"))
    posts = live_posts(html, [block.text for block in blocks])
    if posts:  # a live page: every post, not the ones trafilatura kept (user trial 112)
        blocks = [_post_block(line, head) for line, head in posts]
    blocks = _with_json_ld_paragraphs(blocks, html)
    blocks = _with_dropped(blocks, page_lines(html))
    found = {
        "title": doc.title,
        "author": doc.author,
        "url": doc.url,
        "published": doc.date,
        "sitename": doc.sitename,
    }
    return blocks, {key: value for key, value in found.items() if value}


_JSON_LD = re.compile(
    r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL
)


def _article_bodies(html: str) -> list[str]:
    """The ``articleBody`` texts of a page's schema.org (JSON-LD) data, as written."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            body = node.get("articleBody")
            if isinstance(body, str):
                found.append(body)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for script in _JSON_LD.findall(html):
        try:
            walk(json.loads(script))
        except ValueError:
            continue  # broken JSON-LD: trafilatura's text stands
    return found


def _with_json_ld_paragraphs(blocks: list[_Block], html: str) -> list[_Block]:
    """A block that is a page's JSON-LD ``articleBody`` with its line breaks run together
    (trafilatura reads the body there when the page shows none) split back into its
    paragraphs."""
    bodies = {" ".join(b.split()): b for b in _article_bodies(html)}
    if not bodies:
        return blocks
    out: list[_Block] = []
    for block in blocks:
        body = bodies.get(" ".join(block.text.split()))
        if body is None or "\n" not in body.strip():
            out.append(block)
        else:
            out.extend(_block_from_line(line) for line in split_lines(body))
    return out


def _with_dropped(blocks: list[_Block], page: list[str]) -> list[_Block]:
    """The extracted blocks with the page's lines that trafilatura left out put back in
    place, already removed (reason ``outside-body``): the cleaning rules pass over them."""
    dropped = dropped_lines(page, [block.text for block in blocks])
    if not dropped:
        return blocks
    merged: list[_Block] = []
    waiting = iter(dropped)
    upcoming = next(waiting, None)
    for index, block in enumerate([*blocks, None]):
        while upcoming is not None and upcoming[0] == index:
            merged.append(_dropped_block(upcoming[1], inside=0 < index < len(blocks)))
            upcoming = next(waiting, None)
        if block is not None:
            merged.append(block)
    return merged


_ENTRY_STAMP = re.compile(ENTRY_STAMP, re.I)


def _dropped_block(text: str, *, inside: bool) -> _Block:
    """A line trafilatura left out, removed (``outside-body``), unless it is a live page's
    entry stamp between two body lines ("6:45 p.m." in a ``<time>`` element above an entry):
    kept as a heading, so the entry's figures are dated by it."""
    if inside and _ENTRY_STAMP.fullmatch(text.strip()):
        return _Block(text, kind=ParagraphKind.HEADING)
    return _Block(text, reason=OUTSIDE_BODY)


# --- output -------------------------------------------------------------------------------------


def _removals_of(block: _Block, at: int) -> list[Removal]:
    """The removals one block contributes, given where it stands in the cleaned text."""
    if block.reason is None:
        return [Removal(text, reason, at + pos) for reason, text, pos in block.inline]
    removed = [Removal(text, reason, at) for reason, text, _ in block.inline]
    if block.reason != "empty":
        removed.append(Removal(block.text, block.reason, at))
    return removed


def _assemble(blocks: list[_Block]) -> tuple[str, tuple[Paragraph, ...], tuple[Removal, ...]]:
    """Join kept blocks one per line; paragraphs with sentence offsets; removals."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    removals: list[Removal] = []
    pending: list[_Block] = []
    position = 0
    for block in blocks:
        if not block.live:
            pending.append(block)
            continue
        start = position + (len(PARAGRAPH_BREAK) if parts else 0)
        for waiting in pending:
            removals.extend(_removals_of(waiting, start))
        pending = []
        removals.extend(_removals_of(block, start))
        paragraphs.append(_paragraph(block, start))
        parts.append(block.text)
        position = start + len(block.text)
    for waiting in pending:
        removals.extend(_removals_of(waiting, position))
    return PARAGRAPH_BREAK.join(parts), tuple(paragraphs), tuple(removals)


def _paragraph(block: _Block, start: int) -> Paragraph:
    """A paragraph at ``start``; body paragraphs get their sentences."""
    kind = block.kind or ParagraphKind.BODY
    end = start + len(block.text)
    if kind is not ParagraphKind.BODY:
        return Paragraph(start, end, kind)
    return Paragraph(start, end, kind, tuple(split_sentences(block.text, start)))


def _body_words(text: str, paragraphs: Iterable[Paragraph]) -> int:
    """Words in the body paragraphs."""
    return sum(_words(text[p.start : p.end]) for p in paragraphs if p.kind is ParagraphKind.BODY)
