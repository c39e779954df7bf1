"""The clean stage: a :class:`RawDocument` in, an :class:`Article` (or a :class:`Skip`) out.

Cleaning keeps the paragraph structure and the characters as written, and takes out what is
not body text, recording every piece it removes with a reason code (never silently):

============================  ==========================================================
``promo``                     "READ MORE: ...", "Also read:", "Click here ...", "Sign up ..."
``related-links``             a run of short headline-like lines without sentence punctuation
``caption-duplicate``         a picture caption seen before, or next to its copy with a photo
                              credit (the first copy stays, as CAPTION)
``photo-credit``              "(Name / Agency)", "Photo: AFP", "Getty Images"
``source-line``               "Source: X and agencies", also glued to the last paragraph
``byline``                    "By Jane Doe, BBC News", "Reporting by ...; Editing by ...",
                              "X contributed to this report."
``dateline``                  the "KABUL, Aug 3 (Reuters) -" prefix of the first body paragraph
                              (after any headline and byline lines); its credit is kept in
                              ``Article.meta["credit"]``
``duplicate-paragraph``       a paragraph seen before (white space and case folded)
``title``                     a first line that repeats the title given in the metadata
``separator``                 a line with no letters or digits ("___", "* * *")
``control-characters``        invisible characters dropped by normalisation
============================  ==========================================================

Every rule works on the *shape* of a line (length, final punctuation, capitals, position),
never on the words of particular articles. Headings stay, as HEADING paragraphs: a short
stand-alone line without final sentence punctuation that is followed by body text.
The line shapes themselves (promo, byline, credit, caption, dateline and headline-shaped
lines) live in :mod:`storylens._clean_rules`; this module applies them to a document.

What the removed pieces say is used too: a removed "By Jane Doe" fills ``author`` when the
metadata gives none, and source lines, dateline credits and photo credits are outlet clues.
``published`` is written in one ISO 8601 form (:func:`storylens.text.normalize_date`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import PurePosixPath
from typing import Any

from storylens._clean_rules import (
    _ATTRIBUTION,
    _CAPTION_PREFIX,
    _DATELINE,
    _GLUED_SOURCE,
    _SEPARATOR,
    _SOURCE_LINE,
    _byline_author,
    _is_byline,
    _is_credit,
    _is_promo,
    _is_title_like,
    _trailing_credit,
    _words,
    is_date_line,
)
from storylens.model import (
    Article,
    Paragraph,
    ParagraphKind,
    RawDocument,
    Removal,
    Skip,
    content_hash,
)
from storylens.outlet import dateline_credit, infer_outlet
from storylens.text import Line, normalize_date, split_lines, split_sentences

__all__ = ["CleanOptions", "clean"]

NO_BODY = "no article body"

PARAGRAPH_BREAK = "\n"
"""Paragraphs are one line each in the cleaned text, as in the one-paragraph-a-line inputs,
so a text in that shape with nothing to remove is kept character for character."""
_ARTICLE_FIELDS = ("id", "url", "outlet", "title", "published", "author")


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Thresholds of the cleaning rules; the defaults suit typical English news."""

    min_body_words: int = 25
    """An HTML page with fewer body words is not an article (plain text needs one word)."""
    max_heading_words: int = 10
    """A heading has at most this many words."""
    max_link_words: int = 16
    """A related-link line (a headline) has at most this many words."""
    max_boilerplate_words: int = 30
    """Promo, source and credit lines longer than this are kept as body text."""


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


# --- rules --------------------------------------------------------------------------------------


def _classify_line(block: _Block, options: CleanOptions) -> None:
    """Mark a line that is boilerplate by itself, or a caption (stripping its credit)."""
    text = block.text
    if _SEPARATOR.match(text):
        block.reason = "separator"
    elif _is_promo(text, options):
        block.reason = "promo"
    elif _SOURCE_LINE.match(text) and _words(text) <= 12:
        block.reason = "source-line"
    elif _is_byline(text):
        block.reason = "byline"
    elif _is_credit(text):
        block.reason = "photo-credit"
    elif _CAPTION_PREFIX.match(text) or (
        _trailing_credit(text) is not None and not block.heading_hint
    ):
        block.kind = ParagraphKind.CAPTION
        _strip_trailing_credit(block)


def _strip_trailing_credit(block: _Block) -> None:
    """Remove a photo credit at the end of a caption."""
    start = _trailing_credit(block.text)
    if start:
        block.strip_suffix(start, "photo-credit")


def _live(blocks: Iterable[_Block]) -> list[_Block]:
    """The blocks not removed, in order."""
    return [b for b in blocks if b.live]


def _split_glued_source(blocks: list[_Block]) -> None:
    """Take a "Source: X" glued to the end of the last paragraph off it."""
    live = _live(blocks)
    if not live:
        return
    last = live[-1]
    found = _GLUED_SOURCE.search(last.text)
    if found is not None and found.start() > 0:
        last.strip_suffix(found.start(1), "source-line")


def _drop_title(blocks: list[_Block], title: object) -> None:
    """Remove a first line that repeats the metadata title."""
    live = _live(blocks)
    if (
        live
        and isinstance(title, str)
        and _fold_key(live[0].text) == " ".join(title.split()).casefold()
    ):
        live[0].reason = "title"


def _strip_dateline(blocks: list[_Block], options: CleanOptions) -> None:
    """Remove a "CITY, Date (Agency) -" prefix from the first body-like paragraph.

    Short lines and headline-shaped lines (headline, kicker, date) before it are passed over.
    """
    for block in _live(blocks):
        if block.kind is not None or block.heading_hint or _words(block.text) <= 8:
            continue
        if _is_title_like(block.text, options.max_link_words):
            continue
        found = _DATELINE.match(block.text)
        if found is not None:
            block.strip_prefix(found.end(), "dateline")
        return


def _pair_captions(blocks: list[_Block]) -> None:
    """A caption next to an undecided copy of itself: the first copy is the caption.

    Pages often give a picture's caption twice, once bare and once with a photo credit.
    """
    live = _live(blocks)
    for before, after in pairwise(live):
        kinds = {before.kind, after.kind}
        if (
            kinds == {None, ParagraphKind.CAPTION}
            and not before.heading_hint
            and before.live
            and _fold_key(before.text) == _fold_key(after.text)
        ):
            before.kind = ParagraphKind.CAPTION
            after.reason = "caption-duplicate"


def _title_runs(blocks: list[_Block], options: CleanOptions) -> Iterator[tuple[list[_Block], int]]:
    """Runs of consecutive undecided headline-shaped lines, with the index after each run."""
    live = _live(blocks)
    run: list[_Block] = []
    for index, block in enumerate(live):
        if (
            block.kind is None
            and not block.heading_hint
            and _is_title_like(block.text, options.max_link_words)
        ):
            run.append(block)
            continue
        if run:
            yield run, index
        run = []
    if run:
        yield run, len(live)


def _mark_headings_and_links(blocks: list[_Block], options: CleanOptions) -> None:
    """A lone short line before body text is a heading; a run of them, or a tail, is links."""
    live = _live(blocks)
    for run, after in list(_title_runs(blocks, options)):
        body_follows = _body_follows(live[after:])
        if after == len(run) and body_follows:
            # The lines that open a document (headline, kicker, date) are its heading.
            for block in run:
                block.kind = ParagraphKind.HEADING
        elif len(run) > 1 and all(block.text.endswith("?") for block in run):
            continue  # rhetorical questions in the body, not a list of links
        elif (
            len(run) == 1
            and body_follows
            and _is_title_like(run[0].text, options.max_heading_words)
        ):
            run[0].kind = ParagraphKind.HEADING
        elif len(run) >= 2 or not (body_follows or _ATTRIBUTION.search(run[0].text)):
            for block in run:
                block.reason = "related-links"
    for index, block in enumerate(live):
        if block.heading_hint and block.live and block.kind is None:
            if _body_follows(live[index + 1 :]):
                block.kind = ParagraphKind.HEADING
            else:
                block.reason = "related-links"


def _body_follows(rest: list[_Block]) -> bool:
    """Whether body text comes next (skipping captions)."""
    for block in rest:
        if block.kind is ParagraphKind.CAPTION:
            continue
        return block.live and block.kind is None and not block.heading_hint
    return False


def _fold_key(text: str) -> str:
    """The comparison key of a paragraph: case folded (white space is already normalised)."""
    return text.casefold()


def _drop_duplicates(blocks: list[_Block]) -> None:
    """Remove repeated captions and repeated paragraphs, keeping the first copy."""
    seen: dict[bool, set[str]] = {True: set(), False: set()}
    for block in _live(blocks):
        is_caption = block.kind is ParagraphKind.CAPTION
        key = _fold_key(block.text)
        if key in seen[is_caption]:
            block.reason = "caption-duplicate" if is_caption else "duplicate-paragraph"
        seen[is_caption].add(key)


def _apply_rules(blocks: list[_Block], options: CleanOptions, title: object) -> None:
    """Run every rule, in order, then call whatever is left body text."""
    for block in blocks:
        _classify_line(block, options)
    _pair_captions(blocks)
    _split_glued_source(blocks)
    _drop_title(blocks, title)
    _strip_dateline(blocks, options)
    _mark_headings_and_links(blocks, options)
    for block in _live(blocks):
        if block.kind is None:
            block.kind = ParagraphKind.BODY
    _drop_duplicates(blocks)
    for block in blocks:
        if block.live and not block.text:
            block.reason = "empty"


# --- input --------------------------------------------------------------------------------------


def _block_from_line(line: Line, heading_hint: bool = False) -> _Block:
    """A block for one normalised line, recording dropped control characters."""
    block = _Block(line.text, heading_hint=heading_hint)
    if line.dropped:
        block.inline.append(("control-characters", line.dropped, line.dropped_at))
    return block


def _blocks_from_text(text: str) -> list[_Block]:
    """One block per non-empty line of plain text."""
    return [_block_from_line(line) for line in split_lines(text)]


def _blocks_from_html(html: str, url: str | None) -> tuple[list[_Block], dict[str, Any]]:
    """Extract the main text with trafilatura; blocks (headings marked) and page metadata."""
    # Imported here: loading trafilatura costs ~0.5 s and plain text never needs it.
    import trafilatura
    from trafilatura.settings import Document

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
    found = {
        "title": doc.title,
        "author": doc.author,
        "url": doc.url,
        "published": doc.date,
        "sitename": doc.sitename,
    }
    return blocks, {key: value for key, value in found.items() if value}


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


def _headings_as_body_when_alone(blocks: list[_Block]) -> None:
    """A short text of headline-shaped lines only is all body: it has nothing else to say."""
    if any(block.live and block.kind in (None, ParagraphKind.BODY) for block in blocks):
        return
    for block in blocks:
        if block.reason == "related-links":
            block.reason = None
        if block.live and block.kind is ParagraphKind.HEADING:
            block.kind = None


def _body_words(text: str, paragraphs: Iterable[Paragraph]) -> int:
    """Words in the body paragraphs."""
    return sum(_words(text[p.start : p.end]) for p in paragraphs if p.kind is ParagraphKind.BODY)


def _filename(raw: RawDocument, meta: Mapping[str, Any]) -> str | None:
    """The file name to try for the outlet: metadata ``filename``, else the source's name."""
    name = meta.get("filename")
    if isinstance(name, str) and name:
        return name
    source = raw.source.split("#", 1)[0]
    return PurePosixPath(source).name if source and source != "-" else None


def _str_or_none(value: object) -> str | None:
    """A metadata value as a string; empty and missing values as None."""
    return None if value is None or value == "" else str(value)


def clean(raw: RawDocument, *, options: CleanOptions | None = None) -> Article | Skip:
    """Clean one document into an :class:`Article`; :class:`Skip` when it has no usable body.

    Pure and deterministic: the same document and options always give the same article.
    """
    options = options or CleanOptions()
    meta: dict[str, Any] = dict(raw.meta)
    if raw.html is not None:
        blocks, page_meta = _blocks_from_html(raw.html, _str_or_none(meta.get("url")))
        for key, value in page_meta.items():
            if _str_or_none(meta.get(key)) is None:
                meta[key] = value
    else:
        blocks = _blocks_from_text(raw.text or "")
    _apply_rules(blocks, options, meta.get("title"))
    if raw.html is None:
        _headings_as_body_when_alone(blocks)
    text, paragraphs, removed = _assemble(blocks)
    # A page may be all navigation; a text someone gave us is an article however short.
    least = options.min_body_words if raw.html is not None else 1
    if _body_words(text, paragraphs) < least:
        return Skip(raw.source, NO_BODY)
    return _article(raw, meta, text, paragraphs, removed)


def _headline(text: str, paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The opening heading of a text that has no title in its metadata (a line that is only
    a date and time, "27 NOVEMBER, 2031" or "Updated 4/9/2031 6:04 PM", is no headline)."""
    if paragraphs and paragraphs[0].kind is ParagraphKind.HEADING:
        heading = text[paragraphs[0].start : paragraphs[0].end]
        return None if is_date_line(heading) else heading
    return None


def _article(
    raw: RawDocument,
    meta: dict[str, Any],
    text: str,
    paragraphs: tuple[Paragraph, ...],
    removed: tuple[Removal, ...],
) -> Article:
    """Build the article: ids, outlet with its evidence, metadata fields."""
    dateline = _first_removed(removed, "dateline")
    outlet, evidence = infer_outlet(
        meta=meta,
        text=text,
        removed_source_line=_first_removed(removed, "source-line"),
        dateline=dateline,
        photo_credits=[r.text for r in removed if r.reason == "photo-credit"],
        filename=_filename(raw, meta),
    )
    credit = dateline_credit(dateline) if dateline else None
    if credit is not None and _str_or_none(meta.get("credit")) is None:
        meta["credit"] = credit
    digest = content_hash(text)
    extra = {key: value for key, value in meta.items() if key not in _ARTICLE_FIELDS}
    published = _str_or_none(meta.get("published"))
    return Article(
        id=_str_or_none(meta.get("id")) or digest,
        text=text,
        paragraphs=paragraphs,
        content_hash=digest,
        outlet=outlet,
        outlet_evidence=evidence,
        title=_str_or_none(meta.get("title")) or _headline(text, paragraphs),
        url=_str_or_none(meta.get("url")),
        published=normalize_date(published) if published is not None else None,
        author=_str_or_none(meta.get("author")) or _author_from_bylines(removed),
        source=raw.source,
        removed=removed,
        meta=extra,
    )


def _first_removed(removed: tuple[Removal, ...], reason: str) -> str | None:
    """The text of the first removal with ``reason``, or None."""
    return next((r.text for r in removed if r.reason == reason), None)


def _author_from_bylines(removed: tuple[Removal, ...]) -> str | None:
    """The names in the first removed "By ..." byline, or None."""
    for removal in removed:
        if removal.reason == "byline":
            author = _byline_author(removal.text)
            if author is not None:
                return author
    return None
