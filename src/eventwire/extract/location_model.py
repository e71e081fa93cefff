"""The trained event-location chooser: an L2 logistic regression over candidate features.

Weights live in ``data/models/event_location.npz`` (one weight vector per NLP backend kind: ``parse``
for spaCy, ``rules`` for the weights-free backend) with a JSON card ``event_location.json`` holding the
feature names, the decision threshold, the training data's sha256 and the k-fold figures. The card's
``weights_sha256`` is checked at load. Training is :func:`fit`; ``tools/train_event_location.py`` writes
the files and ``eventwire eval event-location`` cross-validates on the fly.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import weights

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
WEIGHTS = "event_location.npz"
CARD = "event_location.json"
L2 = 5.0
THRESHOLD = 0.3  # the best candidate is the location when its probability reaches this
SECOND = 0.9  # a further, non-overlapping candidate not in a list with the first must reach this (rare)
INNER = 0.1  # a chosen place gives way to a place named inside it ("X neighbourhood in central Y") at this
COORD = 0.05  # a candidate in one list with a chosen one ("Jumla and Diwan villages") joins it at this


@dataclass
class Model:
    names: list[str]
    weights: np.ndarray
    threshold: float = THRESHOLD
    second: float = SECOND
    coord: float | None = COORD
    inner: float | None = INNER

    def __post_init__(self) -> None:
        self.index = {n: i for i, n in enumerate(self.names)}

    def scores(self, feats: list[dict[str, float]]) -> np.ndarray:
        if not feats:
            return np.zeros(0)
        x = np.zeros((len(feats), len(self.names)))
        for r, f in enumerate(feats):
            for k, v in f.items():
                j = self.index.get(k)
                if j is not None:
                    x[r, j] = v
        return 1.0 / (1.0 + np.exp(-(x @ self.weights)))


def vocabulary(feats: list[dict[str, float]], min_count: int = 3) -> list[str]:
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    return sorted(k for k, c in counts.items() if c >= min_count or k == "bias")


def fit(feats: list[dict[str, float]], labels: list[float], sample_weight: list[float] | None = None, *,
        l2: float = L2, threshold: float = THRESHOLD, second: float = SECOND, coord: float | None = COORD,
        inner: float | None = INNER, iters: int = 25) -> Model:
    """Logistic regression with an L2 penalty (the bias unpenalised), fitted by Newton steps."""
    names = vocabulary(feats)
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(feats), len(names)))
    for r, f in enumerate(feats):
        for k, v in f.items():
            j = index.get(k)
            if j is not None:
                x[r, j] = v
    y = np.asarray(labels, dtype=float)
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    w = np.zeros(len(names))
    pen = np.full(len(names), l2)
    pen[index["bias"]] = 1e-6
    x32 = x.astype(np.float32)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (sw * (p - y)) + pen * w
        hess = (x32 * (sw * p * (1 - p)).astype(np.float32)[:, None]).T @ x32 + np.diag(pen).astype(np.float32)
        step = np.linalg.solve(hess.astype(np.float64), grad)
        w -= step
        if np.abs(step).max() < 1e-4:
            break
    return Model(names, w, threshold, second, coord, inner)


def to_bytes(models: dict[str, Model]) -> bytes:
    buf = io.BytesIO()
    arrays = {}
    for kind, m in models.items():
        arrays[f"{kind}_weights"] = m.weights.astype(np.float64)
        arrays[f"{kind}_names"] = np.array(m.names, dtype=str)
        arrays[f"{kind}_threshold"] = np.array([m.threshold, m.second, -1.0 if m.coord is None else m.coord,
                                                -1.0 if m.inner is None else m.inner])
    np.savez(buf, **arrays)  # savez, not savez_compressed: zip timestamps are fixed, bytes stay stable
    return buf.getvalue()


def from_bytes(data: bytes) -> dict[str, Model]:
    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        kinds = sorted({k.rsplit("_", 1)[0] for k in z.files})
        out = {}
        for kind in kinds:
            th = [float(x) for x in z[f"{kind}_threshold"]]
            th += [-1.0] * (4 - len(th))  # weights shipped before the list and container rules have neither
            out[kind] = Model([str(n) for n in z[f"{kind}_names"]], z[f"{kind}_weights"].copy(), th[0], th[1],
                              th[2] if th[2] >= 0 else None, th[3] if th[3] >= 0 else None)
        return out


@lru_cache(maxsize=1)
def shipped() -> dict[str, Model]:
    """The shipped weights, sha256-checked against the card; {} when no model is shipped."""
    got = weights.checked(MODEL_DIR / WEIGHTS, MODEL_DIR / CARD, tool="tools/train_event_location.py")
    return from_bytes(got[1]) if got else {}
