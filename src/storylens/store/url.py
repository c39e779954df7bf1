"""Reading a store URL: which backend, and where.

Accepted forms: a path (``storylens.db``), ``sqlite:///relative.db``,
``sqlite:////absolute/path.db``, ``sqlite://:memory:`` or ``:memory:``. ``postgresql://``
URLs are recognised and refused until the PostgreSQL backend exists.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from storylens.errors import ConfigError

__all__ = ["POSTGRES_NOT_AVAILABLE", "sqlite_path"]

POSTGRES_NOT_AVAILABLE = (
    "PostgreSQL storage is not available yet: use a SQLite path such as storylens.db"
)

_MEMORY = ":memory:"
_MEMORY_URLS = frozenset({_MEMORY, "sqlite://:memory:", "sqlite:///:memory:", "sqlite://"})
_SQLITE_PREFIX = "sqlite:///"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def sqlite_path(url: str | os.PathLike[str]) -> Path | None:
    """The SQLite file a store URL names, or ``None`` for an in-memory store.

    >>> sqlite_path("sqlite:////data/news.db")
    PosixPath('/data/news.db')
    >>> sqlite_path(":memory:") is None
    True
    """
    if not isinstance(url, str):
        return Path(url)
    if url in _MEMORY_URLS:
        return None
    scheme = _SCHEME.match(url)
    if scheme is None and url.strip():
        return Path(url).expanduser()
    if url.startswith(_SQLITE_PREFIX) and len(url) > len(_SQLITE_PREFIX):
        return Path(url.removeprefix(_SQLITE_PREFIX))
    if scheme is not None and scheme.group(1).lower().startswith("postgres"):
        raise ConfigError(POSTGRES_NOT_AVAILABLE)
    msg = (
        f"cannot open the store {url!r}: it is neither a file path nor a known store URL: "
        "use a path such as storylens.db, sqlite:///relative.db, sqlite:////absolute/path.db"
        " or :memory:"
    )
    raise ConfigError(msg)
