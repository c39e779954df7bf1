"""Quote-mark scanning for :mod:`storylens.analyze.quotes`: where each quote starts and ends.

Finds the stretches between quote marks in an article's body paragraphs: curly double marks
by shape, straight double marks toggling within a paragraph, single marks only outside double
quotes (with apostrophes such as "Afghans’ rights" told apart), and quotes that run on into
the next paragraph joined into one. The rules are described in full in
:mod:`storylens.analyze.quotes`; nothing here knows about speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storylens.model import Article, ParagraphKind

_DOUBLE_OPEN = "“"
_DOUBLE_CLOSE = "”"
_STRAIGHT = '"'
_TEX_OPEN = "``"
_TEX_CLOSE = "''"
_SINGLE_OPENERS = "‘'"
_SINGLE_CLOSERS = "’'"
_BEFORE_OPEN = ' \t\n([{—–-/“"'


@dataclass(frozen=True, slots=True)
class _Raw:
    """A quote as found: the positions of its opening and closing marks (or its end)."""

    open: int
    close: int
    closed: bool
    double: bool
    paragraph: int
    last_paragraph: int


def _body_ranges(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every body paragraph, white space trimmed; lines when none are given."""
    text = article.text
    if article.paragraphs:
        spans = [(p.start, p.end) for p in article.paragraphs if p.kind is ParagraphKind.BODY]
    else:
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int | None]]:
    """Pairs of double marks in one paragraph; an unclosed quote ends with ``None``.

    Doubled ASCII marks (````like this''``, the convention of tokenised corpora and TeX) count
    as curly ones: the pair's positions are the outer backtick and the outer apostrophe.
    """
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i in range(start, end):
        char = text[i]
        if text.startswith(_TEX_OPEN, i) and i + 1 < end:
            open_at = i
        elif text.startswith(_TEX_OPEN, i - 1) and i > start:
            continue  # the inner backtick of an opening ``
        elif text.startswith(_TEX_CLOSE, i - 1) and i > start and open_at is not None:
            pairs.append((open_at, i))
            open_at = None
        elif char == _DOUBLE_OPEN or (char == _STRAIGHT and open_at is None):
            open_at = i
        elif char in (_DOUBLE_CLOSE, _STRAIGHT) and open_at is not None:
            pairs.append((open_at, i))
            open_at = None
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _is_single_open(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    return (
        text[i] in _SINGLE_OPENERS
        and before in _BEFORE_OPEN
        and (i + 1 < end and text[i + 1].isalnum())
    )


def _is_single_close(text: str, i: int, start: int, end: int) -> bool:
    after = text[i + 1] if i + 1 < end else " "
    return (
        text[i] in _SINGLE_CLOSERS
        and i > start
        and not text[i - 1].isspace()
        and (not after.isalnum())
    )


def _is_weak_close(text: str, i: int) -> bool:
    """``Afghans’ rights``: a plural possessive more likely than a closing mark."""
    return text[i - 1] in "sS" and re.match(r"\s[a-z]", text[i + 1 : i + 3]) is not None


def _single_marks(
    text: str, start: int, end: int, blocked: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pairs of single marks outside the blocked (double-quoted) stretches of a paragraph."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    fallback: int | None = None
    for i in range(start, end):
        if any(a <= i <= b for a, b in blocked) or _doubled(text, i):
            continue
        if _is_single_open(text, i, start, end):
            if open_at is not None and fallback is not None:
                pairs.append((open_at, fallback))
            open_at, fallback = i, None
        elif open_at is not None and _is_single_close(text, i, start, end):
            if _is_weak_close(text, i):
                fallback = fallback if fallback is not None else i
                continue
            pairs.append((open_at, i))
            open_at, fallback = None, None
    if open_at is not None and fallback is not None:
        pairs.append((open_at, fallback))
    return pairs


def _scan(article: Article, paragraphs: list[tuple[int, int]]) -> list[_Raw]:
    """Every quote of the article, multi-paragraph quotes joined, in text order."""
    text = article.text
    raws: list[_Raw] = []
    carry: _Raw | None = None
    for k, (start, end) in enumerate(paragraphs):
        doubles = _double_marks(text, start, end)
        blocked = [(a, b if b is not None else end) for a, b in doubles]
        if carry is not None and doubles and doubles[0][0] == start:
            first_close = doubles[0][1]
            carry = _Raw(
                carry.open,
                first_close if first_close is not None else end,
                first_close is not None,
                True,
                carry.paragraph,
                k,
            )
            doubles = doubles[1:]
            if carry.closed:
                raws.append(carry)
                carry = None
        elif carry is not None:
            raws.append(carry)
            carry = None
        if carry is not None:  # the whole paragraph continues the quote
            continue
        for a, b in doubles:
            if b is None:
                carry = _Raw(a, end, False, True, k, k)
            else:
                raws.append(_Raw(a, b, True, True, k, k))
        raws.extend(
            _Raw(a, b, True, False, k, k) for a, b in _single_marks(text, start, end, blocked)
        )
    if carry is not None:
        raws.append(carry)
    return sorted(raws, key=lambda r: r.open)


def _doubled(text: str, i: int) -> bool:
    """A mark that is half of a doubled ASCII mark (```` or ''), never a single quote."""
    return text[i] in "`'" and (text[i - 1 : i] == text[i] or text[i + 1 : i + 2] == text[i])


def _content(text: str, raw: _Raw) -> tuple[int, int]:
    """The words inside the marks, white space trimmed."""
    start, end = raw.open + 1, raw.close
    if raw.double and text.startswith(_TEX_OPEN, raw.open):
        start += 1  # the inner backtick of an opening ``
    if raw.double and text.startswith(_TEX_CLOSE, end - 1):
        end -= 1  # the inner apostrophe of a closing ''
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
