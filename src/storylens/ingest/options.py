"""The ingest options, and the outcome type every reader yields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from storylens.errors import ConfigError
from storylens.model import Failure, RawDocument, Skip

__all__ = ["IngestOptions", "Outcome"]

Outcome: TypeAlias = RawDocument | Failure | Skip


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read sources.

    ``max_bytes`` limits ONE article: a single-article file (text, HTML) over it is refused,
    and so is one record (a JSON line, a feed entry, a WARC record) of a container file.
    Container files themselves are streamed and never refused for their size.
    ``max_chars`` limits the text of one article after cleaning: the language model reads at
    most a million characters at once, and no news article comes near it.
    ``outlet`` forces the ``outlet`` meta of every document (the CLI's ``--outlet``).
    """

    max_bytes: int = 10_000_000
    outlet: str | None = None
    max_chars: int = 1_000_000

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            msg = (
                f"max_bytes must be a positive number of bytes, not {self.max_bytes}: "
                "give a limit such as 10000000"
            )
            raise ConfigError(msg)
