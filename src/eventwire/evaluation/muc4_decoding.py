"""The role-filler model's decoding settings, tuned on out-of-fold probabilities of the MUC-4 dev messages.

How many fillers a role gets in a message is read off the model's probabilities by a
:class:`~eventwire.extract.role_model.Decoding`: per role a threshold and a most-fillers limit, and one share of the
role's best probability in the message that a filler must reach. :func:`tune` picks them on messages whose
probabilities come from models that did not see them (role-filler F1 over the messages, coordinate ascent over a
small grid). The settings are trained parameters like the weights, so the scorer never tunes them on the messages
it scores: :func:`held_out_fillers` decodes each fold's messages with the settings tuned on the other folds.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..extract.role_model import ROLES, Decoding, decode
from . import prf
from .matching import one_to_one

GRID_THRESHOLDS = tuple(round(0.15 + 0.05 * i, 2) for i in range(9))  # 0.15 .. 0.55
GRID_MAX = (1, 2, 3, 4, 6)
GRID_RELATIVE = (0.0, 0.3, 0.5)
SWEEPS = 3  # coordinate-ascent passes over the roles
_MOST = max(GRID_MAX)
Match = Callable[[str, list[str]], bool]  # the scorer's filler match: a filler, an entity's mentions


@dataclass
class _Outcomes:
    """One role over a set of messages: ``top`` (messages x _MOST) the role's highest probabilities, most probable
    first (-1 where a message has fewer candidates); ``hits`` (messages x _MOST+1) the true fillers among the first
    n decoded; ``gold`` (messages) the gold entities."""

    top: np.ndarray
    hits: np.ndarray
    gold: np.ndarray

    def counts(self, threshold: float, most: int, share: float) -> tuple[int, int, int]:
        """(true, false, missed) fillers under one setting."""
        best = np.maximum(self.top[:, 0], 0.0)
        taken = np.minimum((self.top >= np.maximum(threshold, share * best)[:, None]).sum(axis=1), most)
        tp = self.hits[np.arange(len(taken)), taken]
        return int(tp.sum()), int((taken - tp).sum()), int((self.gold - tp).sum())

    def of(self, messages: np.ndarray) -> _Outcomes:
        """The same role over some of the messages (a boolean mask or indices)."""
        return _Outcomes(self.top[messages], self.hits[messages], self.gold[messages])


def _outcomes(golds: Sequence[dict[str, list[list[str]]]], cands: Sequence[list[Any]], probs: Sequence[np.ndarray],
              match: Match) -> list[_Outcomes]:
    """Each role's :class:`_Outcomes` over the messages: every message is ranked and matched once."""
    everything = Decoding({r: -1.0 for r in ROLES}, {r: _MOST for r in ROLES}, {r: 0.0 for r in ROLES})
    ranked = [decode(cs, pr, everything) if len(cs) else None for cs, pr in zip(cands, probs)]  # as the decoder writes
    out = []
    for r, role in enumerate(ROLES):
        top = np.full((len(cands), _MOST), -1.0)
        hits = np.zeros((len(cands), _MOST + 1), dtype=np.int64)
        for d, (gold, ranks, pr) in enumerate(zip(golds, ranked, probs)):
            if ranks is None:
                continue
            ps = np.sort(pr[:, r])[::-1][:_MOST]
            top[d, :len(ps)] = ps
            hits[d, 1:] = [len(one_to_one(ranks[role][:n], gold[role], match)) for n in range(1, _MOST + 1)]
        out.append(_Outcomes(top, hits, np.array([len(g[role]) for g in golds])))
    return out


def _f1(counts: Sequence[tuple[int, int, int]]) -> float:
    return prf(*(sum(c[i] for c in counts) for i in range(3)))[2]


def _best(roles: list[_Outcomes]) -> Decoding:
    """For each share of the best, per role the (threshold, most fillers) pair by coordinate ascent from (0.3, 3);
    the setting with the best F1 over all roles. Ties go to the first setting of the grid."""
    pairs = list(itertools.product(GRID_THRESHOLDS, GRID_MAX))
    best: tuple[float, Decoding] | None = None
    for share in GRID_RELATIVE:
        table = [{(t, m): o.counts(t, m, share) for t, m in pairs} for o in roles]
        chosen = [(0.3, 3)] * len(ROLES)
        for _ in range(SWEEPS):
            for r in range(len(ROLES)):
                chosen[r] = max(pairs, key=lambda p: _f1([table[i][p if i == r else chosen[i]] for i in range(len(ROLES))]))
        score = _f1([table[i][chosen[i]] for i in range(len(ROLES))])
        if best is None or score > best[0]:
            best = (score, Decoding({role: chosen[r][0] for r, role in enumerate(ROLES)},
                                   {role: chosen[r][1] for r, role in enumerate(ROLES)}, {role: share for role in ROLES}))
    assert best is not None
    return best[1]


def tune(golds: Sequence[dict[str, list[list[str]]]], cands: Sequence[list[Any]], probs: Sequence[np.ndarray],
         match: Match) -> Decoding:
    """The decoding with the best role-filler F1 over these messages (``golds``: per message, each role's gold
    entities; ``cands``, ``probs``: its candidates and their out-of-fold probabilities; ``match``: the scorer's
    filler match). Deterministic: the same messages give the same decoding."""
    return _best(_outcomes(golds, cands, probs, match))


def held_out_fillers(golds: Sequence[dict[str, list[list[str]]]], cands: Sequence[list[Any]],
                     probs: Sequence[np.ndarray], folds: Sequence[int], match: Match) -> list[dict[str, list[str]]]:
    """Every message's fillers, decoded with the settings :func:`tune` picks on the other folds' messages."""
    roles = _outcomes(golds, cands, probs, match)
    fold = np.asarray(folds)
    out: list[dict[str, list[str]]] = [{} for _ in cands]
    for f in sorted(set(folds)):
        decoding = _best([o.of(fold != f) for o in roles])
        for i in np.flatnonzero(fold == f):
            out[i] = decode(cands[i], probs[i], decoding)
    return out
