"""storylens: compare how news outlets report the same event, with offsets as proof."""

from __future__ import annotations

from storylens.errors import (
    ConfigError,
    MissingDependencyError,
    NotFoundError,
    StoreError,
    StorylensError,
)
from storylens.model import (
    Article,
    Failure,
    IngestStats,
    Paragraph,
    ParagraphKind,
    RawDocument,
    Removal,
    Skip,
    Span,
    content_hash,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "Failure",
    "IngestStats",
    "MissingDependencyError",
    "NotFoundError",
    "Paragraph",
    "ParagraphKind",
    "RawDocument",
    "Removal",
    "Skip",
    "Span",
    "StoreError",
    "StorylensError",
    "__version__",
    "content_hash",
]
