"""`eventwire eval NAME`: scorers over the dev halves of public gold sets.

Each scorer module in this package registers its names with :func:`scorer`. A scorer takes an
:class:`EvalContext` and returns an :class:`EvalResult`; the CLI prints the table and, as the last
line of stdout, one JSON object with ``dataset``, ``split``, ``n`` and the metrics. Logs and
progress go to stderr (use :func:`log`).
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, UsageError


@dataclass(frozen=True)
class EvalContext:
    name: str
    data_dir: Path  # the folder holding the dataset folders ($EVENTWIRE_SHARED/data/external)
    shared_dir: Path  # $EVENTWIRE_SHARED
    split: str = "dev"
    nlp: str = "default"
    options: dict[str, Any] = field(default_factory=dict)  # scorer-specific flags (gold_mentions, ...)

    def dataset(self, folder: str) -> Path:
        path = self.data_dir / folder
        if not path.is_dir():
            raise DataError(f"dataset folder {path} not found; pass --data DIR or set EVENTWIRE_SHARED")
        return path

    def files(self, folder: str, pattern: str = "*") -> list[Path]:
        """Files of the split inside a dataset folder (names containing '.<split>.')."""
        found = sorted(p for p in self.dataset(folder).rglob(pattern) if f".{self.split}." in p.name)
        if not found:
            raise DataError(f"no '.{self.split}.' files in {self.data_dir / folder}")
        return found


@dataclass
class EvalResult:
    dataset: str
    split: str
    n: int
    metrics: dict[str, float | None]
    rows: list[tuple[str, str]] = field(default_factory=list)  # extra lines for the readable table

    def summary(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "split": self.split, "n": self.n,
                **{k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.metrics.items()}}


Scorer = Callable[[EvalContext], EvalResult]
_SCORERS: dict[str, Scorer] = {}


def scorer(*names: str) -> Callable[[Scorer], Scorer]:
    def register(fn: Scorer) -> Scorer:
        for name in names:
            _SCORERS[name] = fn
        return fn

    return register


def scorers() -> dict[str, Scorer]:
    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")
    return dict(sorted(_SCORERS.items()))


def run(ctx: EvalContext) -> EvalResult:
    known = scorers()
    if ctx.name not in known:
        raise UsageError(f"unknown dataset {ctx.name!r}; known: {', '.join(known)}")
    return known[ctx.name](ctx)


def trained_on(path: Path, card: Path) -> bool:
    """Whether a shipped model's card lists ``path`` (by sha256) among its training data: such a file is
    scored by k-fold cross-validation, never with the shipped weights."""
    import hashlib
    import json

    if not card.is_file():
        return False
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest in {d.get("sha256") for d in json.loads(card.read_text(encoding="utf-8"))["training_data"]}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def f1_interval(counts: Any, resamples: int = 1000, seed: int = 0) -> tuple[float, float]:
    """The 95% bootstrap interval of a micro F1 over documents (``counts``: documents x (tp, fp, fn)): documents drawn
    with replacement ``resamples`` times, seeded, so the same counts give the same interval."""
    import numpy as np

    c = np.asarray(counts, dtype=np.int64).reshape(-1, 3)
    if not len(c):
        return 0.0, 0.0
    s = c[np.random.default_rng(seed).integers(0, len(c), (resamples, len(c)))].sum(axis=1)
    f1 = 2 * s[:, 0] / np.maximum(1, 2 * s[:, 0] + s[:, 1] + s[:, 2])
    low, high = np.percentile(f1, [2.5, 97.5])
    return float(low), float(high)
