"""Small helpers for document metadata: ISO 8601 dates and dropping empty values."""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

__all__ = ["compact", "iso_from_struct", "iso_from_text"]


def iso_from_struct(value: time.struct_time | None) -> str | None:
    """An ISO 8601 UTC timestamp from a UTC ``struct_time`` (as feedparser gives).

    >>> iso_from_struct(time.strptime("2024-03-05 10:30", "%Y-%m-%d %H:%M"))
    '2024-03-05T10:30:00+00:00'
    """
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def iso_from_text(value: str | None) -> str | None:
    """A date string in the same ISO 8601 shape, UTC ``Z`` as ``+00:00``; as given if unparsable.

    >>> iso_from_text("2024-03-05T10:30:00Z")
    '2024-03-05T10:30:00+00:00'
    """
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        return value


def compact(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The items of ``meta`` whose value is neither ``None`` nor a blank string."""
    return {
        key: value
        for key, value in meta.items()
        if value is not None and not (isinstance(value, str) and not value.strip())
    }
