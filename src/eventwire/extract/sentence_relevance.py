"""Which sentences of a message tell the role fillers of its incident: the sentence-relevance model.

A MUC message tells its incident in a few sentences and spends the rest on background, reactions and other
news; the role fillers sit in those few sentences. The role-filler model's own features describe a phrase and
its sentence's flags (an incident trigger, a claim), not how the sentence reads as a whole. This model reads
the whole sentence: a logistic regression over hashed features of its words and word pairs, the adapter's
sentence flags (incident sentence and type, trigger kinds, claim, combat) and its position in the message, one
output per target: the sentence names a filler of any role (``any``), or of each MUC role.

Its probabilities reach the role-filler model as features of a candidate (:func:`candidate_feats`): the
highest probability, per target, among the sentences that name the candidate, in buckets. Trained on the
same dev messages as the role-filler model, so the role-filler model is trained on *out-of-fold* sentence
probabilities (:func:`cross_fit`), as it will see them on new text; the relevance weights ship with the
role-filler weights (:mod:`eventwire.extract.role_model`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .hashed import feature_ids, frequent, matrix, sigmoid

TARGETS = ("any", "PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
EDGES = (0.1, 0.2, 0.35, 0.5, 0.7)  # probability buckets of the candidate features
L2, MIN_COUNT, MAX_ITER = 3.0, 2, 300  # penalty, features kept (seen in at least this many sentences), L-BFGS steps
_WORD = re.compile(r"[a-z]+")


def sentence_ids(text: str, flags: Iterable[str], index: int, n_sentences: int, incident: bool) -> np.ndarray:
    """A sentence's hashed features: its words and word pairs (lower case), the adapter's flags for it, its
    position (index bucket and fifth of the message) and whether the message has an incident."""
    words = _WORD.findall(text.lower())
    feats = {"bias", "doc_incident" if incident else "doc_noincident",
             "si=" + next((str(e) for e in (0, 1, 2, 4, 8) if index <= e), "8+"),
             f"rsi={min(4, 5 * index // max(n_sentences, 1))}"}
    feats.update("w=" + w for w in words)
    feats.update(f"b={a}_{b}" for a, b in zip(words, words[1:]))
    feats.update("f=" + f for f in flags)
    return feature_ids(feats)


@dataclass
class Relevance:
    """``ids``: sorted feature ids (the input columns); ``weights``: features x targets; ``bias``: per target."""

    ids: np.ndarray
    weights: np.ndarray
    bias: np.ndarray

    def probabilities(self, rows: Sequence[np.ndarray]) -> np.ndarray:
        """(sentences x targets) probabilities of sentences given by :func:`sentence_ids`."""
        if not len(rows):
            return np.zeros((0, len(TARGETS)))
        return sigmoid(matrix(rows, self.ids) @ self.weights + self.bias)


def fit(rows: Sequence[np.ndarray], labels: np.ndarray, *, l2: float = L2, min_count: int = MIN_COUNT) -> Relevance:
    """One L2-penalised logistic regression per target (``labels``: sentences x targets, 0/1), by L-BFGS."""
    from scipy.optimize import minimize

    ids = frequent(rows, min_count)
    x = matrix(rows, ids)
    xt = x.T.tocsr()
    y = np.asarray(labels, dtype=np.float64)
    d, t = x.shape[1], y.shape[1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        wm, b = w[:d * t].reshape(d, t), w[d * t:]
        z = x @ wm + b
        g = sigmoid(z) - y
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * np.sum(wm * wm))
        return value, np.concatenate([(xt @ g + l2 * wm).ravel(), g.sum(0)])

    w = minimize(loss, np.zeros(d * t + t), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITER}).x
    return Relevance(ids, w[:d * t].reshape(d, t).astype(np.float32), w[d * t:].astype(np.float32))


def cross_fit(groups: Sequence[Sequence[np.ndarray]], labels: Sequence[np.ndarray], folds: Sequence[int]) -> list[np.ndarray]:
    """Out-of-fold probabilities of every message's sentences (``groups``: per message, its sentences' ids;
    ``folds``: per message, its fold): the model trained on the other folds' messages scores each fold's."""
    out: list[np.ndarray] = [np.zeros((len(g), len(TARGETS))) for g in groups]
    for f in sorted(set(folds)):
        train = [i for i, g in enumerate(folds) if g != f and len(groups[i])]
        if not train:
            continue
        model = fit([r for i in train for r in groups[i]], np.vstack([labels[i] for i in train]))
        for i, g in enumerate(folds):
            if g == f:
                out[i] = model.probabilities(groups[i])
    return out


def candidate_feats(sentences: Iterable[int], probs: np.ndarray, incident: bool) -> list[str]:
    """A candidate's features from the relevance of the sentences naming it: per target, the buckets its
    highest probability reaches, also crossed with whether the message has an incident."""
    idx = [s for s in sentences if 0 <= s < len(probs)]
    if not idx:
        return []
    best = probs[idx].max(axis=0)
    inc = "inc" if incident else "noinc"
    return [f for j, name in enumerate(TARGETS) for e in EDGES if best[j] > e
            for f in (f"srel{name}>{e}", f"srel{name}>{e}&{inc}")]
