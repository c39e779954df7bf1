"""JSON Lines: one article object per line, streamed.

Known fields: ``id``, ``url``, ``outlet``, ``title``, ``published``, ``author`` and the
article as ``text`` (plain) or ``html``; when both are given ``text`` wins, and a ``text``
holding HTML block tags (``<p>``, ``<div>``, ``<br>`` ...) is read as HTML. A field's usual
other names stand for it when it is absent: ``body``, ``content`` or ``article`` for ``text``,
``source``, ``publisher`` or ``site`` for ``outlet``, ``date`` or ``published_at`` for
``published``, ``headline`` for ``title``, ``link`` for ``url``, ``byline`` for ``author``.
Every other field is kept in ``meta`` as it is. A broken line is a
:class:`~storylens.model.Failure` for that line (``path#line-N``) and reading goes on. HTML
metadata is left to the clean stage: this reader must keep up with tens of thousands of lines
per second.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from storylens.ingest import messages as m
from storylens.ingest.meta import FIELD_ALIASES, compact
from storylens.ingest.options import IngestOptions, Outcome
from storylens.ingest.streams import skip_rest
from storylens.model import Failure, RawDocument, Skip

__all__ = ["read_jsonl", "record_outcome"]

_STRING_FIELDS = ("url", "outlet", "title", "published", "author")
_BODY_FIELDS = ("text", "html")
_ALIASES = {  # other names dumps and scrapers give the known fields, read when it is absent
    "text": ("body", "content", "article", "maintext"),
    **FIELD_ALIASES,
}
_MARKUP = re.compile(
    r"<(?:p|div|br|h[1-6]|article|section|blockquote|li|ul|ol|body)\b[^<>]*>", re.I
)
"""A block tag: a ``text`` field with one holds HTML ("<p>The grid operator said ...</p>")."""
_JSON_KINDS = {
    list: "array",
    dict: "object",
    str: "string",
    bool: "boolean",
    int: "number",
    float: "number",
    type(None): "null",
}


def read_jsonl(source: str, stream: BinaryIO, options: IngestOptions) -> Iterator[Outcome]:
    """One outcome per non-blank line of ``stream``."""
    number = 0
    while line := stream.readline(options.max_bytes + 1):
        number += 1
        where = f"{source}#line-{number}"
        if len(line) > options.max_bytes and not line.endswith(b"\n"):
            size = len(line) + skip_rest(stream, read_line=True)
            yield Failure(where, m.TOO_LARGE.format(size=size, limit=options.max_bytes))
        elif line.strip():
            yield record_outcome(where, line, first=number == 1)


def record_outcome(where: str, line: bytes, *, first: bool = False) -> Outcome:
    """The outcome of one JSON line (UTF-8 bytes; a BOM is allowed on the first line)."""
    try:
        record = json.loads(line.rstrip(b"\r\n").decode("utf-8-sig" if first else "utf-8"))
    except UnicodeDecodeError:
        return Failure(where, m.LINE_NOT_UTF8)
    except json.JSONDecodeError as error:
        detail = f"{error.msg}: column {error.colno}"  # the line is named already
        return Failure(where, m.LINE_INVALID_JSON.format(error=detail))
    if not isinstance(record, dict):
        return Failure(where, m.LINE_NOT_OBJECT.format(kind=_kind(record)))
    return _document(where, record)


def _document(where: str, record: dict[str, Any]) -> Outcome:
    record = _renamed(record)
    problem = _field_problem(record)
    if problem:
        return Failure(where, problem)
    text, html = record.pop("text", None), record.pop("html", None)
    if text is None and html is None:
        return Failure(where, m.LINE_NO_BODY)
    meta = _meta(record)
    if isinstance(text, str) and text.strip():
        if _MARKUP.search(text):  # "text" that holds HTML is read as the page it is
            return RawDocument(source=where, html=text, meta=meta)
        return RawDocument(source=where, text=text, meta=meta)
    if isinstance(html, str) and html.strip():
        return RawDocument(source=where, html=html, meta=meta)
    return Skip(where, m.SKIP_NO_BODY)


def _renamed(record: dict[str, Any]) -> dict[str, Any]:
    """The record with an alias renamed to its known field when that field is absent and the
    alias holds a string ("body" for "text", "source" for "outlet", "date" for "published")."""
    out = dict(record)
    for field, aliases in _ALIASES.items():
        if field in out or (field == "text" and "html" in out):
            continue
        alias = next((a for a in aliases if isinstance(out.get(a), str)), None)
        if alias is not None:
            out[field] = out.pop(alias)
    return out


def _field_problem(record: dict[str, Any]) -> str | None:
    for name in (*_STRING_FIELDS, *_BODY_FIELDS):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return m.LINE_BAD_FIELD.format(name=name, kind=_kind(value))
    value = record.get("id")
    if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
        return m.LINE_BAD_FIELD.format(name="id", kind=_kind(value))
    return None


def _meta(record: dict[str, Any]) -> dict[str, Any]:
    """Known fields without their empty values, numeric ids as strings, the rest as is."""
    known = compact({name: record.pop(name, None) for name in ("id", *_STRING_FIELDS)})
    if "id" in known:
        known["id"] = str(known["id"])
    return {**known, **record}


def _kind(value: object) -> str:
    return _JSON_KINDS.get(type(value), type(value).__name__)
