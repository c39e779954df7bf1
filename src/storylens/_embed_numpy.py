"""The weights of :mod:`storylens.embed`'s encoder, and the numpy reference forward pass.

The weights are read from the model package's ``config.json`` and ``model.safetensors`` and
laid out for ``x @ w`` (query, key and value fused, the query pre-scaled). The ``numpy``
backend runs the float32 BERT encoder over them: the reference that the ONNX graph
(:mod:`storylens._embed_onnx`) is checked against, and the fallback without onnxruntime.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

DIMENSION = 384
_LN_EPS = 1e-12

Matrix = npt.NDArray[np.float32]
Ids = npt.NDArray[np.int64]


# --------------------------------------------------------------------------------------------
# Weights
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Layer:
    """The weights of one transformer layer, transposed for ``x @ w``.

    The query weights and bias are pre-scaled by 1/sqrt(head size).
    """

    qkv: Matrix
    qkv_bias: Matrix
    out: Matrix
    out_bias: Matrix
    ln1: tuple[Matrix, Matrix]
    up: Matrix
    up_bias: Matrix
    down: Matrix
    down_bias: Matrix
    ln2: tuple[Matrix, Matrix]


@dataclass(frozen=True, slots=True)
class _Weights:
    """Every weight of the encoder."""

    heads: int
    words: Matrix
    positions: Matrix
    token_type: Matrix
    ln0: tuple[Matrix, Matrix]
    layers: tuple[_Layer, ...]


def _load_weights(path: Path) -> _Weights:
    """Read config.json and model.safetensors."""
    from safetensors.numpy import load_file

    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    w = load_file(str(path / "model.safetensors"))
    heads = int(config["num_attention_heads"])
    return _Weights(
        heads=heads,
        words=w["embeddings.word_embeddings.weight"],
        positions=w["embeddings.position_embeddings.weight"],
        token_type=w["embeddings.token_type_embeddings.weight"][0],
        ln0=(w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]),
        layers=tuple(_layer(w, i, heads) for i in range(int(config["num_hidden_layers"]))),
    )


def _layer(w: dict[str, Matrix], i: int, heads: int) -> _Layer:
    """Gather layer ``i`` from the safetensors dict, fusing query, key and value."""
    p = f"encoder.layer.{i}."
    att = p + "attention."
    scale = np.float32(1 / np.sqrt(DIMENSION // heads))
    qkv = [w[f"{att}self.{n}.weight"].T for n in ("query", "key", "value")]
    qkv_bias = [w[f"{att}self.{n}.bias"] for n in ("query", "key", "value")]
    return _Layer(
        qkv=np.ascontiguousarray(np.concatenate([qkv[0] * scale, *qkv[1:]], axis=1)),
        qkv_bias=np.concatenate([qkv_bias[0] * scale, *qkv_bias[1:]]),
        out=np.ascontiguousarray(w[att + "output.dense.weight"].T),
        out_bias=w[att + "output.dense.bias"],
        ln1=(w[att + "output.LayerNorm.weight"], w[att + "output.LayerNorm.bias"]),
        up=np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
        up_bias=w[p + "intermediate.dense.bias"],
        down=np.ascontiguousarray(w[p + "output.dense.weight"].T),
        down_bias=w[p + "output.dense.bias"],
        ln2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
    )


# --------------------------------------------------------------------------------------------
# The numpy reference forward pass
# --------------------------------------------------------------------------------------------


def _layer_norm(x: Matrix, gain_bias: tuple[Matrix, Matrix]) -> Matrix:
    """LayerNorm over the last axis."""
    centred = x - x.mean(axis=-1, keepdims=True)
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    out: Matrix = centred / np.sqrt(var + _LN_EPS) * gain_bias[0] + gain_bias[1]
    return out


def _gelu(x: Matrix) -> Matrix:
    """The exact (erf) GELU that BERT uses."""
    from scipy.special import erf

    out: Matrix = (0.5 * x * (1.0 + erf(x * np.float32(1 / np.sqrt(2))))).astype(np.float32)
    return out


class _NumpyBackend:
    """The float32 forward pass in numpy (BLAS threads capped by threadpoolctl)."""

    def __init__(self, weights: _Weights, threads: int) -> None:
        self.w = weights
        self.threads = threads

    def hidden(self, tokens: Ids, bias: Matrix) -> Matrix:
        """Last hidden states, shape (n, length, 384)."""
        n, length = tokens.shape
        x = self.w.words[tokens] + self.w.positions[:length] + self.w.token_type
        x = _layer_norm(x.reshape(n * length, DIMENSION), self.w.ln0)
        with self._thread_limit():
            for layer in self.w.layers:
                x = self._layer(x, layer, (n, length), bias)
        return x.reshape(n, length, DIMENSION)

    def _thread_limit(self) -> AbstractContextManager[Any]:
        """Cap BLAS threads with threadpoolctl when it is installed."""
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
            return nullcontext()
        limit: AbstractContextManager[Any] = threadpool_limits(limits=self.threads, user_api="blas")
        return limit

    def _layer(self, x: Matrix, layer: _Layer, shape: tuple[int, int], bias: Matrix) -> Matrix:
        """One transformer layer over ``x`` of shape (n * length, 384)."""
        n, length = shape
        heads = self.w.heads
        qkv = (x @ layer.qkv + layer.qkv_bias).reshape(n, length, 3, heads, DIMENSION // heads)
        q, k, v = (qkv[:, :, j].transpose(0, 2, 1, 3) for j in range(3))
        scores = q @ k.transpose(0, 1, 3, 2) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, DIMENSION)
        x = _layer_norm(context @ layer.out + layer.out_bias + x, layer.ln1)
        hidden = _gelu(x @ layer.up + layer.up_bias)
        return _layer_norm(hidden @ layer.down + layer.down_bias + x, layer.ln2)
