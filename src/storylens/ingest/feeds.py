"""RSS and Atom feeds (feedparser): one document per entry.

An entry's full content (``content[0]``) is used when present, else its summary. The entry's
``guid``/``id`` goes to ``meta["guid"]`` (never ``id``: guids are not content ids), and the
outlet an entry's ``<source>`` names goes to ``meta["origin"]``. ``published`` is the entry's
own date (its publication date, else its update date); the feed's own dates (``<pubDate>``,
``<lastBuildDate>`` of the channel) never date an entry.

``author`` is a person's name, as everywhere: RSS writes an e-mail address with the name in
brackets (``desk@example.com (Jane Doe)``), Atom a name and an address; the name is kept, the
address goes to ``meta["author_email"]``, and an address alone gives no author.

feedparser reads what it can of XML that is not well-formed (an unclosed ``<item>``), so a
broken feed may still give entries. Such a feed is read when at least one entry holds an
article body; otherwise it is one :class:`Failure` for the file, not a skip per entry.
"""

from __future__ import annotations

import io
import re
import xml.sax
from collections.abc import Iterator, Mapping
from typing import Any

import feedparser

from storylens.ingest import messages as m
from storylens.ingest.meta import compact, iso_from_struct
from storylens.ingest.options import IngestOptions, Outcome
from storylens.model import Failure, RawDocument, Skip

__all__ = ["read_feed"]

_PLAIN_TYPES = frozenset({"text/plain"})
_EMAIL = re.compile(r"<?\s*(?:mailto:)?[^\s<>()\[\],;@]+@[^\s<>()\[\],;@]+\.[^\s<>()\[\],;@]+\s*>?")
_BRACKETS = "()[]<> ,;"


def read_feed(source: str, data: bytes, options: IngestOptions) -> Iterator[Outcome]:
    """One outcome per entry of the feed in ``data``; a Failure when it cannot be parsed."""
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if _unreadable(parsed, entries):
        error = m.one_line(parsed.get("bozo_exception") or "unreadable XML")
        yield Failure(source, m.FEED_MALFORMED.format(error=error))
        return
    if not entries:
        yield Skip(source, m.SKIP_EMPTY_FEED)
        return
    feed_title = parsed.get("feed", {}).get("title")
    cut = _cut_off(data)
    if cut and _last_entry_open(data):
        entries = entries[:-1]  # the cut is inside it: its text is a part
    for number, entry in enumerate(entries, start=1):
        yield _entry_outcome(f"{source}#entry-{number}", entry, feed_title, options)
    if cut:
        yield Failure(source, m.FEED_CUT_OFF.format(count=len(entries)))


_ROOT_END = re.compile(rb"</(?:[\w-]+:)?(?:rss|feed|RDF)\s*>\s*$")
_ENTRY_TAG = re.compile(rb"<(/?)(?:[\w-]+:)?(?:item|entry)[\s>]")


def _cut_off(data: bytes) -> bool:
    """The feed ends before its root element closes: a download that stopped."""
    return _ROOT_END.search(data[-200:].rstrip(b"\x00")) is None


def _last_entry_open(data: bytes) -> bool:
    """The last entry tag in the data opens an entry that never closes."""
    tags = _ENTRY_TAG.findall(data)
    return bool(tags) and tags[-1] == b""


def _unreadable(parsed: Mapping[str, Any], entries: list[Mapping[str, Any]]) -> bool:
    """A feed with problems and no entries, or not well-formed XML with no entry body."""
    if not parsed.get("bozo"):
        return False
    if not entries:
        return True
    # Other bozo errors (a wrong declared encoding) leave the XML itself well formed.
    if not isinstance(parsed.get("bozo_exception"), xml.sax.SAXException):
        return False
    return not any(_body(entry)[0].strip() for entry in entries)


def _entry_outcome(
    where: str, entry: Mapping[str, Any], feed_title: str | None, options: IngestOptions
) -> Outcome:
    body, kind = _body(entry)
    if not body.strip():
        return Skip(where, m.SKIP_NO_BODY)
    size = len(body.encode("utf-8"))
    if size > options.max_bytes:
        return Failure(where, m.TOO_LARGE.format(size=size, limit=options.max_bytes))
    meta = _entry_meta(entry, feed_title)
    if kind in _PLAIN_TYPES:
        return RawDocument(source=where, text=body, meta=meta)
    return RawDocument(source=where, html=body, meta=meta)


def _body(entry: Mapping[str, Any]) -> tuple[str, str]:
    """The entry's full content, else its summary, with its MIME type."""
    contents = entry.get("content") or []
    if contents and str(contents[0].get("value") or "").strip():
        return str(contents[0].get("value")), str(contents[0].get("type") or "text/html")
    detail = entry.get("summary_detail") or {}
    return str(entry.get("summary") or ""), str(detail.get("type") or "text/html")


def _entry_meta(entry: Mapping[str, Any], feed_title: str | None) -> dict[str, Any]:
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    author, email = _split_author(entry.get("author"))
    if author and feed_title and author.casefold() == feed_title.casefold():
        author = None  # "<author><name>Northline News</name>": the outlet, not a writer
    return compact(
        {
            "title": entry.get("title"),
            "url": entry.get("link"),
            "published": iso_from_struct(published),
            "author": author,
            "author_email": email,
            "feed_title": feed_title,
            "guid": entry.get("id"),
            "origin": _origin(entry.get("source")),
        }
    )


def _origin(source: Mapping[str, Any] | None) -> str | None:
    """The outlet an entry's ``<source>`` element names: its title, else its link."""
    if not source:
        return None
    value = source.get("title") or source.get("href") or source.get("link")
    return str(value) if value else None


def _split_author(value: object) -> tuple[str | None, str | None]:
    """A feed's author field as ``(name, e-mail address)``; either may be ``None``.

    >>> _split_author("desk@tidewater.example (Mara Quist)")
    ('Mara Quist', 'desk@tidewater.example')
    >>> _split_author("Mara Quist <desk@tidewater.example>")
    ('Mara Quist', 'desk@tidewater.example')
    >>> _split_author("desk@tidewater.example")
    (None, 'desk@tidewater.example')
    >>> _split_author("Mara Quist (Tidewater Chronicle)")
    ('Mara Quist (Tidewater Chronicle)', None)
    """
    if not isinstance(value, str):
        return None, None
    found = _EMAIL.search(value)
    if found is None:
        return value.strip() or None, None
    email = found.group().strip(_BRACKETS).removeprefix("mailto:")
    rest = (value[: found.start()] + " " + value[found.end() :]).strip()
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1]
    name = " ".join(rest.strip(_BRACKETS).split())
    return name or None, email
