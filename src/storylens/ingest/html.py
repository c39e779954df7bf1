"""HTML pages: decode them, keep the markup for the clean stage, read their metadata.

The clean stage runs trafilatura's text extraction; here trafilatura only reads metadata
(title, date, site name, canonical URL, author), which is cheap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import trafilatura

from storylens.ingest.decode import decode_bytes, html_declared_charset
from storylens.ingest.messages import HTML_CUT_OFF, NOT_TEXT
from storylens.ingest.meta import compact, iso_from_text
from storylens.ingest.options import Outcome
from storylens.model import Failure, RawDocument

__all__ = ["html_metadata", "is_cut_off", "read_html"]

_PUBLISHED = frozenset({"article:published_time", "og:published_time", "datepublished"})
_META = re.compile(r"<meta\s[^>]*>", re.IGNORECASE)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
_MODIFIED = frozenset({"article:modified_time", "og:updated_time", "datemodified"})
_JSON_LD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]{10,40})"')
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_OPENED = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_CLOSED = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)

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
    if is_cut_off(html):
        return Failure(source, HTML_CUT_OFF)
    return RawDocument(source=source, html=html, meta={**html_metadata(html), **compact(meta)})


def html_metadata(html: str) -> dict[str, str]:
    """Title, ``published`` date (ISO 8601), site name, canonical URL and author of a page.

    trafilatura gives the publication day; when the page's own publication meta tag gives
    the time of that day too, ``published`` is that full timestamp (UTC, like feeds give).
    """
    found = trafilatura.extract_metadata(html)
    values = {key: getattr(found, name, None) for name, key in _FIELDS.items()}
    out = {key: value for key, value in compact(values).items() if isinstance(value, str)}
    day = out.get("published", "")
    stamp = next((t for t in _published_stamps(html) if t[:10] == day and len(t) > 10), None)
    if stamp is not None:
        out["published"] = iso_from_text(stamp) or day
    updates = _stamps(html, _MODIFIED, _JSON_LD_MODIFIED)
    modified = max(filter(None, map(iso_from_text, updates)), default=None)
    if modified is not None and modified > out.get("published", ""):
        out["modified"] = modified  # a live page's last update (user trial 150)
    return out


def _stamps(html: str, names: frozenset[str], json_ld: re.Pattern[str]) -> list[str]:
    """The contents of the page's meta tags of these names, then the schema.org (JSON-LD)
    values ``json_ld`` finds ("datePublished": "...")."""
    found = []
    for tag in _META.findall(html):
        attrs = {k.lower(): v.strip("\"'").strip() for k, v in _ATTRIBUTE.findall(tag)}
        tag_names = {attrs.get(k, "").lower() for k in ("property", "name", "itemprop")}
        if tag_names & names and attrs.get("content"):
            found.append(attrs["content"])
    return found + json_ld.findall(html)


def _published_stamps(html: str) -> list[str]:
    """The contents of the page's publication-time meta tags, as written.

    >>> _published_stamps('<meta content="2024-03-05T10:00Z" property="article:published_time">')
    ['2024-03-05T10:00Z']
    >>> _published_stamps('<script>{"datePublished": "2026-03-12T22:50:00+01:00"}</script>')
    ['2026-03-12T22:50:00+01:00']
    """
    return _stamps(html, _PUBLISHED, _JSON_LD_PUBLISHED)


def is_cut_off(html: str) -> bool:
    """True for a page that stops in mid-text: it opens ``<html>`` or ``<body>``, closes
    neither, and its last character is not the end of a tag.

    HTML lets a page leave out ``</body>`` and ``</html>``, so a missing closing tag alone
    proves nothing; but a whole page ends with markup, and text running to the last byte is a
    download or a save that stopped early.

    >>> is_cut_off("<html><body><p>The ferry sank on T")
    True
    >>> is_cut_off("<html><body><p>The ferry sank.</p>")
    False
    >>> is_cut_off("<p>A fragment, not a page")
    False
    """
    return (
        bool(_OPENED.search(html)) and not _CLOSED.search(html) and not html.rstrip().endswith(">")
    )
