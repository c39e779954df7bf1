"""The ``onnx`` backend of :mod:`storylens.embed`: the encoder as an ONNX graph, int8 weights.

A small protobuf writer serialises the encoder (the weights of :mod:`storylens._embed_numpy`)
as an ONNX model at load time, with int8 weights per output column and dynamically quantised
activations (``com.microsoft`` DynamicQuantizeMatMul); onnxruntime runs it on the CPU. No
``onnx`` or torch package is needed.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from storylens._embed_numpy import _LN_EPS, DIMENSION, Ids, Matrix, _Weights

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
