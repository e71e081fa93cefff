"""Decoding settings of the role-filler model, tuned on out-of-fold probabilities and never on the scored fold."""
from __future__ import annotations

import numpy as np

from eventwire.evaluation import muc4_decoding as md
from eventwire.extract import role_model as rm


def messages(n: int, gold_per_message: int) -> tuple[list, list, list]:
    """``n`` messages of three perpetrator candidates at 0.9, 0.5 and 0.2; the first ``gold_per_message`` are true."""
    golds, cands, probs = [], [], []
    for i in range(n):
        texts = [f"m{i}c{j}" for j in range(3)]
        pr = np.zeros((3, len(rm.ROLES)))
        pr[:, 0] = [0.9, 0.5, 0.2]
        cands.append(texts)
        probs.append(pr)
        golds.append({r: [[t] for t in texts[:gold_per_message]] if r == "PerpInd" else [] for r in rm.ROLES})
    return golds, cands, probs


def match(pred: str, entity: list[str]) -> bool:
    return pred in entity


def test_tune_finds_how_many_fillers_the_messages_have():
    one = md.tune(*messages(8, 1), match)
    two = md.tune(*messages(8, 2), match)
    keep = [rm.decode(["a", "b", "c"], messages(1, 0)[2][0], d)["PerpInd"] for d in (one, two)]
    assert keep == [["a"], ["a", "b"]]
    assert md.tune(*messages(8, 2), match) == two  # deterministic


def test_held_out_decodes_each_fold_with_the_other_folds_settings():
    g1, c1, p1 = messages(8, 2)  # folds 0 and 1: two fillers a message
    g2, c2, p2 = messages(4, 1)  # fold 2: one filler a message; its own gold must not set its decoding
    c2 = [[t.replace("m", "n") for t in c] for c in c2]
    g2 = [{r: [[e[0].replace("m", "n")] for e in g[r]] for r in rm.ROLES} for g in g2]
    folds = [i % 2 for i in range(8)] + [2] * 4
    out = md.held_out_fillers(g1 + g2, c1 + c2, p1 + p2, folds, match)
    assert all(len(o["PerpInd"]) == 2 for o in out[8:])
    assert all(o["PerpOrg"] == [] for o in out)


def test_f1_interval_brackets_the_f1_and_narrows_with_more_documents():
    from eventwire.evaluation import f1_interval

    docs = [(2, 1, 1), (0, 1, 2), (3, 0, 0), (1, 1, 1)]
    low, high = f1_interval(docs * 5)
    assert low < 2 * 30 / (2 * 30 + 15 + 20) < high  # the F1 of all documents lies inside
    assert f1_interval(docs * 5) == (low, high)  # seeded
    low2, high2 = f1_interval(docs * 50)
    assert high2 - low2 < high - low
    assert f1_interval([]) == (0.0, 0.0)
