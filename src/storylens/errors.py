"""The storylens exception tree.

Exceptions are for bad configuration, bad requests and bugs. A document that cannot be used
is an outcome (:class:`storylens.model.Skip` or :class:`storylens.model.Failure`), counted in
the run's stats, never an exception.

::

    StorylensError                 every error the library raises on purpose
    ├── ConfigError                a bad option, setting or URL
    ├── MissingDependencyError     an optional part is not installed (says what to install)
    ├── NotFoundError              an article or story id that is not in the store
    └── StoreError                 the store cannot be opened, migrated or written

Every message says what happened, why, and how to fix it, on one line.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "MissingDependencyError",
    "NotFoundError",
    "StoreError",
    "StorylensError",
]


class StorylensError(Exception):
    """Base class of every error storylens raises on purpose."""


class ConfigError(StorylensError):
    """A bad option, setting or URL."""


class MissingDependencyError(StorylensError):
    """An optional part is not installed."""

    def __init__(
        self, package: str, purpose: str, extra: str | None = None, hint: str | None = None
    ) -> None:
        if hint is None:
            hint = f"pip install 'storylens[{extra}]'" if extra else f"pip install {package}"
        super().__init__(f"{purpose} needs the package {package}, which is not installed: {hint}")
        self.package = package


class NotFoundError(StorylensError):
    """An article or story id that is not in the store."""


class StoreError(StorylensError):
    """The store cannot be opened, migrated or written."""
