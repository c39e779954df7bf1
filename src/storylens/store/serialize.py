"""Turn an :class:`~storylens.model.Article` into a row of plain values and back, exactly.

Scalar fields become columns; paragraphs, removals and meta become compact JSON (meta with
sorted keys). The text is stored as is, so it comes back byte for byte. Meta is JSON: tuples
in it come back as lists, and keys must be strings. A row read with the revision columns
(:data:`REVISION_COLUMNS`) after the article's own gives them back in ``meta`` when set.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storylens.errors import StoreError
from storylens.model import Article, Paragraph, ParagraphKind, Removal

__all__ = ["ARTICLE_COLUMNS", "REVISION_COLUMNS", "article_from_row", "article_to_row", "to_json"]

ARTICLE_COLUMNS: tuple[str, ...] = (
    "id",
    "content_hash",
    "outlet",
    "outlet_evidence",
    "title",
    "url",
    "published",
    "author",
    "source",
    "text",
    "paragraphs",
    "removed",
    "meta",
)

REVISION_COLUMNS: tuple[str, ...] = ("revises", "revised_by")
"""Columns the store keeps about revisions (storylens.store.revisions), read after
:data:`ARTICLE_COLUMNS` and given back as the ``meta`` keys of the same names."""

_REQUIRED = frozenset({"id", "content_hash", "text"})

Row = tuple[Any, ...]


def to_json(value: object) -> str:
    """Compact, strict JSON with sorted keys: one value always gives the same string.

    >>> to_json({"b": 1, "a": [1, 2]})
    '{"a":[1,2],"b":1}'
    """
    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
    )


def article_to_row(article: Article) -> Row:
    """The row for ``article``, in :data:`ARTICLE_COLUMNS` order.

    Raises :class:`StoreError` naming the article when it cannot be stored faithfully.
    """
    try:
        meta = to_json(dict(article.meta))
    except (TypeError, ValueError) as e:
        msg = (
            f"cannot store article {article.id}: its meta is not JSON ({e}): "
            "keep meta to strings, numbers, booleans, null, lists and string-keyed objects"
        )
        raise StoreError(msg) from e
    row = (
        article.id,
        article.content_hash,
        article.outlet,
        article.outlet_evidence,
        article.title,
        article.url,
        article.published,
        article.author,
        article.source,
        article.text,
        to_json([_paragraph_to_json(p) for p in article.paragraphs]),
        to_json([[r.text, r.reason, r.at] for r in article.removed]),
        meta,
    )
    _check_row(article.id, row)
    return row


def article_from_row(row: Sequence[Any]) -> Article:
    """The article a row made by :func:`article_to_row` holds (plus the revision columns,
    when the row has them, in ``meta``)."""
    meta = json.loads(row[12])
    links = zip(REVISION_COLUMNS, row[len(ARTICLE_COLUMNS) :], strict=False)
    if revision := {name: value for name, value in links if value is not None}:
        meta = dict(sorted({**meta, **revision}.items()))
    return Article(
        id=row[0],
        content_hash=row[1],
        outlet=row[2],
        outlet_evidence=row[3],
        title=row[4],
        url=row[5],
        published=row[6],
        author=row[7],
        source=row[8],
        text=row[9],
        paragraphs=tuple(_paragraph_from_json(p) for p in json.loads(row[10])),
        removed=tuple(Removal(text, reason, at) for text, reason, at in json.loads(row[11])),
        meta=meta,
    )


def _paragraph_to_json(paragraph: Paragraph) -> list[Any]:
    sentences = [[start, end] for start, end in paragraph.sentences]
    return [paragraph.start, paragraph.end, paragraph.kind.value, sentences]


def _paragraph_from_json(value: list[Any]) -> Paragraph:
    start, end, kind, sentences = value
    return Paragraph(start, end, ParagraphKind(kind), tuple((s, e) for s, e in sentences))


def _check_row(article_id: str, row: Row) -> None:
    """Refuse missing or non-text values and strings that are not valid Unicode."""
    if not isinstance(article_id, str) or not article_id:
        msg = (
            f"cannot store article {article_id!r}: its id is not a non-empty string: "
            "give every article an id"
        )
        raise StoreError(msg)
    for column, value in zip(ARTICLE_COLUMNS, row, strict=True):
        if value is None and column not in _REQUIRED:
            continue
        if not isinstance(value, str):
            msg = (
                f"cannot store article {article_id}: its {column} is {type(value).__name__},"
                " not a string: fix the article before storing it"
            )
            raise StoreError(msg)
        if not value.isascii():
            _check_unicode(article_id, column, value)


def _check_unicode(article_id: str, column: str, value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        msg = (
            f"cannot store article {article_id}: its {column} holds a lone surrogate at offset"
            f" {e.start}: decode the source with errors='replace' before storing it"
        )
        raise StoreError(msg) from e
