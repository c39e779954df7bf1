"""The public API of the ingest stage."""

from __future__ import annotations

import inspect
import io
import pickle

import pytest

import storylens.ingest
from storylens.errors import ConfigError
from storylens.ingest import IngestOptions, read_sources
from storylens.model import RawDocument


def test_init_exports_exactly_the_public_api() -> None:
    assert sorted(storylens.ingest.__all__) == ["IngestOptions", "Outcome", "read_sources"]


def test_init_read_sources_signature_is_keyword_only() -> None:
    parameters = inspect.signature(read_sources).parameters
    assert list(parameters) == ["sources", "options", "stdin"]
    assert parameters["options"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["options"].default == IngestOptions()
    assert parameters["stdin"].default is None


def test_init_options_defaults_and_validation() -> None:
    assert IngestOptions() == IngestOptions(max_bytes=10_000_000, outlet=None)
    with pytest.raises(ConfigError, match="max_bytes must be a positive number of bytes, not 0"):
        IngestOptions(max_bytes=0)


def test_init_read_sources_is_lazy() -> None:
    outcomes = read_sources(["does-not-exist", "-"], stdin=io.BytesIO(b"A story."))
    assert inspect.isgenerator(outcomes)


def test_init_documents_are_picklable() -> None:
    [doc] = read_sources(["-"], stdin=io.BytesIO(b'{"id": "a", "text": "A story."}\n'))
    assert isinstance(doc, RawDocument)
    assert pickle.loads(pickle.dumps(doc)) == doc
