"""Plain text files: one article each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storylens.ingest.decode import decode_bytes
from storylens.ingest.messages import NOT_TEXT, SKIP_NO_BODY
from storylens.ingest.meta import compact
from storylens.ingest.options import Outcome
from storylens.model import Failure, RawDocument, Skip

__all__ = ["read_text"]


def read_text(source: str, data: bytes, *, meta: Mapping[str, Any]) -> Outcome:
    """One plain-text article: UTF-8, else a detected legacy encoding; BOMs are dropped."""
    text = decode_bytes(data)
    if text is None:
        return Failure(source, NOT_TEXT)
    if not text.strip():
        return Skip(source, SKIP_NO_BODY)
    return RawDocument(source=source, text=text, meta=compact(meta))
