"""storylens: compare how news outlets report the same event, with offsets as proof.

The data model and errors import at once; ``iter_articles``, ``read_sources``, ``open_store``
and ``update_stories`` are loaded on first use, so ``import storylens`` stays fast. The stages
whose module has their name are imported from it: ``from storylens.compare import compare``,
``from storylens.clean import clean``, ``from storylens.pipeline import ingest`` (a package
attribute named like a submodule would turn into the module once it is imported).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from storylens.ingest import read_sources
    from storylens.pipeline import iter_articles
    from storylens.store import open_store
    from storylens.stories import update_stories

__version__ = "0.1.0"

_LAZY = {
    "iter_articles": "storylens.pipeline",
    "open_store": "storylens.store",
    "read_sources": "storylens.ingest",
    "update_stories": "storylens.stories",
}


def __getattr__(name: str) -> Any:
    """Load a stage function on first use."""
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'storylens' has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(import_module(module), name)


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
    "iter_articles",
    "open_store",
    "read_sources",
    "update_stories",
]
