"""The cleaning rules of :mod:`storylens.clean`, applied in order to a document's blocks.

Each rule decides what some lines are, from their shapes (:mod:`storylens._clean_rules`) and
their neighbours: boilerplate lines, captions and their credits, a glued source line, a
repeated title, the dateline, headings and runs of related links, repeated captions and
paragraphs; whatever is left is body text. The reason codes are listed in
:mod:`storylens.clean`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from storylens._clean_blocks import _ENTRY_STAMP, OUTSIDE_BODY, _Block
from storylens._clean_rules import (
    _ATTRIBUTION,
    _CAPTION_PREFIX,
    _DATE_CREDIT_LINE,
    _DATELINE,
    _GLUED_CREDIT,
    _GLUED_SOURCE,
    _GREETING,
    _SEPARATOR,
    _SIGN_OFF_LEAD,
    _SOURCE_LINE,
    _STAFF_NOTE,
    _is_byline,
    _is_credit,
    _is_embed,
    _is_promo,
    _is_title_like,
    _trailing_credit,
    _words,
)
from storylens.model import ParagraphKind

if TYPE_CHECKING:
    from storylens.clean import CleanOptions


# --- rules --------------------------------------------------------------------------------------


def _classify_line(block: _Block, options: CleanOptions) -> None:
    """Mark a line that is boilerplate by itself, or a caption (stripping its credit)."""
    text = block.text
    if _SEPARATOR.match(text):
        block.reason = "separator"
    elif (lead := _SIGN_OFF_LEAD.match(text)) is not None:
        block.strip_prefix(lead.end(), "promo")  # news follows the live page's sign-off
    elif _is_promo(text, options):
        block.reason = "promo"
    elif _SOURCE_LINE.match(text) and _words(text) <= 12:
        block.reason = "source-line"
    elif _is_byline(text):
        block.reason = "byline"
    elif _is_embed(text):
        block.reason = "embed"
    elif _is_credit(text):
        block.reason = "photo-credit"
    elif (greeting := _GREETING.match(text)) is not None:
        block.strip_prefix(greeting.end(), "promo")  # the post's news follows the greeting
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
    credit = _GLUED_CREDIT.search(last.text)
    if credit is not None and credit.start() > 0:
        last.strip_suffix(credit.start(1), "wire-credit")


def _drop_bare_stamps(blocks: list[_Block]) -> None:
    """Remove a live post's time stamp left with no post under it (the post was a sign-off,
    removed as promo: user trial 147's page opened "16:10" then "14:50"): it dates nothing."""
    live = _live(blocks)
    for block, after in zip(live, [*live[1:], None], strict=False):
        if _is_stamp(block) and (after is None or _is_stamp(after)):
            block.reason = OUTSIDE_BODY


def _is_stamp(block: _Block) -> bool:
    return block.kind is ParagraphKind.HEADING and bool(_ENTRY_STAMP.fullmatch(block.text.strip()))


def _drop_staff_note(blocks: list[_Block]) -> None:
    """Remove a staff note at the foot of a story ("Greta Holmvik is the Gazette's sports
    reporter."): one of the last two lines left, never a line of the body before them."""
    for block in _live(blocks)[-2:]:
        if block.kind is None and _STAFF_NOTE.match(block.text):
            block.reason = "byline"


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
    live = _live(blocks)
    for index, block in enumerate(live):
        if block.kind is not None or block.heading_hint or _words(block.text) <= 8:
            continue
        if _is_title_like(block.text, options.max_link_words):
            continue
        found = _DATELINE.match(block.text) or _DATE_CREDIT_LINE.match(block.text)
        if found is not None:
            block.strip_prefix(found.end(), "dateline")
        _strip_wire_datelines(live[index + 1 :])
        return


def _strip_wire_datelines(blocks: list[_Block]) -> None:
    """Remove the "DRAVENNA, Kestravia (HPA) —" prefix of a wire story a page reprints under
    its own opening lines (user trial 154: it stayed in the reprint's text, but not in the
    wire's). Past the first paragraph only a dateline with an agency's credit counts."""
    for block in blocks:
        if block.kind is not None or block.heading_hint:
            continue
        found = _DATELINE.match(block.text)
        if found is not None and "(" in found.group():
            block.strip_prefix(found.end(), "wire-dateline")


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
    for block in _live(blocks):  # lines the HTML extraction left out are removed already
        _classify_line(block, options)
    _pair_captions(blocks)
    _split_glued_source(blocks)
    _drop_bare_stamps(blocks)
    _drop_staff_note(blocks)
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


def _headings_as_body_when_alone(blocks: list[_Block]) -> None:
    """A short text of headline-shaped lines only is all body: it has nothing else to say."""
    if any(block.live and block.kind in (None, ParagraphKind.BODY) for block in blocks):
        return
    for block in blocks:
        if block.reason == "related-links":
            block.reason = None
        if block.live and block.kind is ParagraphKind.HEADING:
            block.kind = None
