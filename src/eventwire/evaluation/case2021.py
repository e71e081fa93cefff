"""`eventwire eval case2021-task2`: event type of each CASE 2021 Task 2 snippet (30 labels).

The event-type classifier (:mod:`eventwire.extract.classifier`) is trained on the dev half, so its
dev figures come from stratified k-fold cross-validation: train on k-1 folds, predict the held
fold, score the concatenated out-of-fold predictions. The project-written training snippets
(``eventwire/data/training/event_type_snippets.jsonl``) join every training fold, never an
evaluation fold, so only dev items are scored. The shipped weights are never scored on the data
they were trained on. Any other split (the held-out half) is scored with the shipped weights.

Metrics (as the shared task): ``weighted_f1_acled25`` and ``macro_f1_acled25`` over the snippets
whose gold label is one of the 25 ACLED types, averaged over those 25 labels (a prediction of
one of the 5 other labels counts as a miss); ``weighted_f1_all30`` over all snippets and labels.
Embeddings of the dataset are cached in the user cache dir, keyed by the file's and the model's
sha256.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import DataError
from . import EvalContext, EvalResult, log, prf, scorer

if TYPE_CHECKING:
    from ..extract.classifier import TrainingSet

FOLDER = "case2021-task2"
K_FOLDS = 10
SEED = 0


def read_labels(folder: Path) -> tuple[list[str], set[str]]:
    """All 30 labels in file order, and the 25 ACLED ones."""
    path = folder / "event_types.txt"
    if not path.is_file():
        raise DataError(f"{path} not found; the case2021-task2 folder is incomplete")
    labels, acled = [], set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind = (line.split("\t") + [""])[:2]
        labels.append(name.strip())
        if kind.strip() == "ACLED":
            acled.add(name.strip())
    return labels, acled


def read_snippets(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].split("\t")[:3] != ["id", "EventSnippet", "SubType"]:
        raise DataError(f"{path}: expected the header id<TAB>EventSnippet<TAB>SubType")
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != 3:
            raise DataError(f"{path}:{n}: expected 3 tab-separated columns, found {len(cols)}")
        texts.append(cols[1])
        labels.append(cols[2].strip())
    return texts, labels


def cached_embeddings(path: Path, texts: list[str]) -> np.ndarray:
    """Embeddings of ``texts`` (the rows of ``path``), cached by the file's and the model's sha256."""
    from .. import embed
    from ..settings import cache_dir

    key = f"{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}-{embed.WEIGHTS_SHA256[:12]}"
    cache = cache_dir() / "embeddings" / f"{path.name}.{key}.npy"
    if cache.is_file():
        vectors = np.load(cache, allow_pickle=False)
        if vectors.shape == (len(texts), embed.DIM):
            return vectors
    log(f"embedding {len(texts)} snippets (cached afterwards in {cache.parent})")
    vectors = embed.embed(texts)
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".tmp.npy")
    np.save(tmp, vectors)
    tmp.replace(cache)
    return vectors


def project_snippets(labels: Sequence[str]) -> TrainingSet:
    """The project-written training snippets with their (cached) embeddings; labels checked."""
    from ..extract.classifier import (
        SNIPPETS,
        TRAINING_DIR,
        TrainingSet,
        training_snippets,
    )

    path = TRAINING_DIR / SNIPPETS
    texts, gold = training_snippets(path)
    unknown = sorted(set(gold) - set(labels))
    if unknown:
        raise DataError(f"{path}: labels not in event_types.txt: {', '.join(unknown)}")
    return TrainingSet(texts, gold, cached_embeddings(path, texts))


def f1_scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, tuple[float, int]]:
    """Per-label F1 and support."""
    out = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        out[lab] = (prf(tp, fp, fn)[2], tp + fn)
    return out


def averages(per_label: dict[str, tuple[float, int]]) -> tuple[float, float]:
    """(weighted F1, macro F1); weighted by support, macro over labels with support."""
    support = sum(n for _, n in per_label.values())
    present = [f for f, n in per_label.values() if n]
    weighted = sum(f * n for f, n in per_label.values()) / support if support else 0.0
    return weighted, (sum(present) / len(present) if present else 0.0)


def metrics(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str],
            acled: set[str]) -> tuple[dict[str, float | None], dict[str, tuple[float, int]]]:
    keep = [i for i, g in enumerate(gold) if g in acled]
    acled_labels = [lab for lab in labels if lab in acled]
    per25 = f1_scores([gold[i] for i in keep], [pred[i] for i in keep], acled_labels)
    w25, m25 = averages(per25)
    per30 = f1_scores(gold, pred, labels)
    w30, _ = averages(per30)
    return {"weighted_f1_acled25": w25, "macro_f1_acled25": m25, "weighted_f1_all30": w30}, per30


def trained_on(path: Path) -> bool:
    from ..extract.classifier import CARD, MODEL_DIR
    from . import trained_on as listed

    return listed(path, MODEL_DIR / CARD)


@scorer("case2021-task2")
def score(ctx: EvalContext) -> EvalResult:
    from ..extract import classifier

    folder = ctx.dataset(FOLDER)
    labels, acled = read_labels(folder)
    (path,) = ctx.files(FOLDER, "*.tsv")
    texts, gold = read_snippets(path)
    unknown = sorted(set(gold) - set(labels))
    if unknown:
        raise DataError(f"{path}: labels not in event_types.txt: {', '.join(unknown)}")
    vectors = cached_embeddings(path, texts)
    cv = ctx.split == "dev" or trained_on(path)
    if cv:
        k = int(ctx.options.get("k_folds", K_FOLDS))
        log(f"{k}-fold cross-validation on {len(texts)} snippets (train on {k - 1} folds, predict the held one)")
        extra = project_snippets(labels)
        preds = classifier.cross_validate(texts, gold, vectors, label_set=labels, k=k, seed=SEED, extra=extra)
        method = f"stratified {k}-fold cross-validation (seed {SEED}; + {len(extra.texts)} project snippets in training folds)"
    else:
        preds = classifier.shipped().predict(texts, vectors)
        method = "shipped weights (trained on the dev half)"
    found, per_label = metrics(gold, [p for p, _ in preds], labels, acled)
    rows = [("method", method)]
    weak = sorted((f, lab, n) for lab, (f, n) in per_label.items() if n)[:8]
    rows += [(f"F1 {lab}", f"{f:.3f} (n={n})") for f, lab, n in weak]
    return EvalResult(dataset=ctx.name, split=ctx.split, n=len(texts), metrics=found, rows=rows)
