"""What the trained role-filler and sentence-relevance models share: hashed features (a feature is the crc32 of its
name, so no words are shipped; a row is a sorted array of ids, rows become a binary sparse matrix over a model's
known ids) and the logistic function."""
from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np


def feature_id(name: str) -> int:
    return zlib.crc32(name.encode("utf-8"))


def feature_ids(feats: Iterable[str]) -> np.ndarray:
    """Features as sorted, unique hashed ids."""
    return np.unique(np.fromiter((feature_id(f) for f in feats), dtype=np.int64))


def matrix(rows: Sequence[np.ndarray], ids: np.ndarray) -> Any:
    """Binary CSR matrix (rows x len(ids)) of the rows' feature ids known to ``ids`` (sorted)."""
    from scipy.sparse import csr_matrix

    lens = np.array([len(r) for r in rows], dtype=np.int64)
    flat = np.concatenate(list(rows)) if len(rows) and lens.sum() else np.zeros(0, dtype=np.int64)
    pos = np.searchsorted(ids, flat)
    ok = (pos < len(ids)) & (ids[np.minimum(pos, max(len(ids) - 1, 0))] == flat) if len(ids) else pos < 0
    row = np.repeat(np.arange(len(rows)), lens)[ok]
    return csr_matrix((np.ones(int(ok.sum()), dtype=np.float32), (row, pos[ok])), shape=(len(rows), len(ids)))


def frequent(rows: Sequence[np.ndarray], min_count: int) -> np.ndarray:
    """The sorted ids seen in at least ``min_count`` rows."""
    uniq, counts = np.unique(np.concatenate(list(rows)), return_counts=True)
    return uniq[counts >= min_count]


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))
