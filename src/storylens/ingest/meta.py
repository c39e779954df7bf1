"""Small helpers for document metadata: ISO 8601 dates and dropping empty values.

Dates take the one form :func:`storylens.text.normalize_date` gives (UTC as ``Z``), the form
the clean stage gives every article's ``published``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from storylens.text import normalize_date

__all__ = ["FIELD_ALIASES", "compact", "iso_from_struct", "iso_from_text"]

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "outlet": ("source", "publisher", "site", "site_name"),
    "published": ("date", "published_at", "pubdate", "date_publish", "datetime"),
    "title": ("headline",),
    "url": ("link",),
    "author": ("byline",),
}
"""Other names dumps, scrapers and text headers give the known metadata fields."""


def iso_from_struct(value: time.struct_time | None) -> str | None:
    """An ISO 8601 UTC timestamp from a UTC ``struct_time`` (as feedparser gives).

    >>> iso_from_struct(time.strptime("2024-03-05 10:30", "%Y-%m-%d %H:%M"))
    '2024-03-05T10:30:00Z'
    """
    if value is None:
        return None
    try:
        return normalize_date(datetime(*value[:6], tzinfo=UTC).isoformat())
    except (TypeError, ValueError):
        return None


def iso_from_text(value: str | None) -> str | None:
    """A date string in the same ISO 8601 shape (UTC as ``Z``); as given if unparsable.

    >>> iso_from_text("2024-03-05T11:30:00+01:00")
    '2024-03-05T10:30:00Z'
    """
    if not value:
        return None
    return normalize_date(value)


def compact(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The items of ``meta`` whose value is neither ``None`` nor a blank string."""
    return {
        key: value
        for key, value in meta.items()
        if value is not None and not (isinstance(value, str) and not value.strip())
    }
