"""HTML pages: decode them, keep the markup for the clean stage, read their metadata.

The clean stage runs trafilatura's text extraction; here trafilatura only reads metadata
(title, date, site name, canonical URL, author), which is cheap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import trafilatura

from storylens.ingest.decode import decode_bytes, html_declared_charset
from storylens.ingest.messages import NOT_TEXT
from storylens.ingest.meta import compact
from storylens.ingest.options import Outcome
from storylens.model import Failure, RawDocument

__all__ = ["html_metadata", "read_html"]

# trafilatura's metadata field -> our meta key
_FIELDS = {
    "title": "title",
    "date": "published",
    "sitename": "sitename",
    "url": "url",
    "author": "author",
}


def read_html(
    source: str, data: bytes, *, meta: Mapping[str, Any], charset: str | None = None
) -> Outcome:
    """One HTML page as a document; ``meta`` (known from the container) wins over the page's.

    ``charset`` is the one an HTTP header declared; else the page's ``<meta charset>``.
    """
    html = decode_bytes(data, charset or html_declared_charset(data))
    if html is None:
        return Failure(source, NOT_TEXT)
    return RawDocument(source=source, html=html, meta={**html_metadata(html), **compact(meta)})


def html_metadata(html: str) -> dict[str, str]:
    """Title, ``published`` date (ISO 8601), site name, canonical URL and author of a page."""
    found = trafilatura.extract_metadata(html)
    values = {key: getattr(found, name, None) for name, key in _FIELDS.items()}
    return {key: value for key, value in compact(values).items() if isinstance(value, str)}
