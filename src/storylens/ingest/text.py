"""Plain text files: one article each, with an optional header of metadata fields.

A text may open with a block of ``Field: value`` lines ended by a blank line, as exports
and hand-made files often do::

    Outlet: Harbour Gazette
    Published: 2026-03-09 14:05
    Title: Ferry runs aground off Keswin

    The ferry ...

The fields are those of a JSON Lines record (``id``, ``url``, ``outlet``, ``title``,
``published``, ``author``) or their usual other names (``Source``, ``Date``, ``Headline``,
``Link``, ``Byline``, ``By``). The block is metadata only when every line of it is such a
field and one of them is not the date (a lone "Published: 9 March 2026" line stays in the
text, where the clean stage reads it as a date line); it is not part of the stored text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from storylens.ingest.decode import decode_bytes
from storylens.ingest.messages import NOT_TEXT, SKIP_NO_BODY
from storylens.ingest.meta import FIELD_ALIASES, compact
from storylens.ingest.options import Outcome
from storylens.model import Failure, RawDocument, Skip

__all__ = ["header_fields", "read_text"]

_FIELD_OF = {
    name: field
    for field, aliases in {**FIELD_ALIASES, "id": (), "author": ("byline", "by")}.items()
    for name in (field, *aliases)
}
_HEADER_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z _-]{0,19}?)[ \t]*:[ \t]*(\S.*?)[ \t]*")
_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")


def read_text(source: str, data: bytes, *, meta: Mapping[str, Any]) -> Outcome:
    """One plain-text article: UTF-8, else a detected legacy encoding; BOMs are dropped. A
    header of metadata fields fills the fields ``meta`` does not give."""
    text = decode_bytes(data)
    if text is None:
        return Failure(source, NOT_TEXT)
    fields, body = header_fields(text)
    if not body.strip():
        return Skip(source, SKIP_NO_BODY)
    return RawDocument(source=source, text=body, meta=compact({**fields, **compact(meta)}))


def header_fields(text: str) -> tuple[dict[str, str], str]:
    """The metadata of a text's header block and the text after it; ``({}, text)`` when the
    text opens with no such block.

    >>> header_fields("Source: Harbour Gazette\\nDate: 9 March 2026\\n\\nThe ferry sank.")
    ({'outlet': 'Harbour Gazette', 'published': '9 March 2026'}, 'The ferry sank.')
    >>> header_fields("Warning: the ferry sank.\\n\\nIt had 40 people on board.")[0]
    {}
    """
    start = len(text) - len(text.lstrip())
    end = _BLANK_LINE.search(text, start)
    if end is None:
        return {}, text
    fields: dict[str, str] = {}
    for line in text[start : end.start()].splitlines():
        match = _HEADER_LINE.fullmatch(line)
        key = _FIELD_OF.get(re.sub(r"[ -]", "_", match.group(1).lower())) if match else None
        if match is None or key is None or key in fields:
            return {}, text
        fields[key] = match.group(2)
    if set(fields) <= {"published"}:
        return {}, text
    return fields, text[end.end() :]
