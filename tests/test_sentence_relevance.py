"""The sentence-relevance model: its rows, fitting, out-of-fold probabilities and the candidate features it gives."""
from __future__ import annotations

import numpy as np

from eventwire.extract import role_model as rm
from eventwire.extract import sentence_relevance as sr


def _sentences(n: int) -> tuple[list[np.ndarray], np.ndarray]:
    rows, labels = [], []
    for i in range(n):
        told = i % 2 == 0
        text = f"guerrillas bombed the bus in town {i}" if told else f"the minister spoke about the economy {i}"
        rows.append(sr.sentence_ids(text, ["incident"] if told else [], i % 5, 5, True))
        labels.append([float(told)] * 4 + [0.0, float(told)])
    return rows, np.array(labels)


def test_sentence_ids_read_words_pairs_flags_and_position():
    a = sr.sentence_ids("Guerrillas bombed the bus.", ["incident"], 0, 4, True)
    b = sr.sentence_ids("Guerrillas bombed the bus.", [], 3, 4, False)
    assert len(a) == len(set(a.tolist())) and list(a) == sorted(a)
    assert set(a.tolist()) != set(b.tolist())  # flag, position and message flag differ
    common = set(a.tolist()) & set(b.tolist())
    assert len(common) >= 7  # bias, 4 words, 3 word pairs


def test_fit_separates_incident_sentences_per_target():
    rows, labels = _sentences(40)
    model = sr.fit(rows, labels)
    probs = model.probabilities(rows)
    assert probs.shape == (40, len(sr.TARGETS))
    told = labels[:, 0] > 0
    assert probs[told, 0].min() > probs[~told, 0].max()
    assert probs[:, 4].max() < 0.5  # a target never positive stays low
    assert sr.fit(rows, labels).weights.tobytes() == model.weights.tobytes()  # deterministic


def test_cross_fit_scores_each_fold_with_a_model_that_never_saw_it():
    rows, labels = _sentences(40)
    groups = [rows[i:i + 4] for i in range(0, 40, 4)]
    glabels = [labels[i:i + 4] for i in range(0, 40, 4)]
    folds = [i % 2 for i in range(10)]
    out = sr.cross_fit(groups, glabels, folds)
    assert [len(o) for o in out] == [4] * 10
    # flip the labels of fold 0: fold 1's probabilities change, fold 0's own do not
    flipped = [1.0 - lab if f == 0 else lab for lab, f in zip(glabels, folds)]
    again = sr.cross_fit(groups, flipped, folds)
    assert all(np.allclose(a, b) for a, b, f in zip(out, again, folds) if f == 0)
    assert not all(np.allclose(a, b) for a, b, f in zip(out, again, folds) if f == 1)


def test_candidate_feats_take_the_best_sentence_in_buckets():
    probs = np.zeros((3, len(sr.TARGETS)))
    probs[0, 0], probs[2, 0], probs[2, 3] = 0.15, 0.6, 0.4
    feats = sr.candidate_feats({0, 2}, probs, True)
    assert {"srelany>0.5", "srelany>0.5&inc", "srelTarget>0.35"} <= set(feats)
    assert "srelany>0.7" not in feats and "srelTarget>0.5" not in feats
    assert sr.candidate_feats({1}, probs, False) == []  # a sentence with no relevance
    assert sr.candidate_feats(set(), probs, True) == [] and sr.candidate_feats({7}, probs, True) == []


def test_role_model_rows_add_relevance_and_weights_keep_it():
    rows, labels = _sentences(40)
    model = rm.fit([rm.feature_ids({"bias", f"h=w{i % 3}"}) for i in range(30)],
                   np.array([[float(i % 3 == r) for r in range(len(rm.ROLES))] for i in range(30)]), epochs=2, seeds=1)
    base = [rm.feature_ids({"bias", "h=w1"})]
    assert [list(r) for r in model.rows(base, [{0}], rows[:2], True)] == [list(base[0])]  # no relevance model: as is
    model.relevance = sr.fit(rows, labels)
    grown = model.rows(base, [{0}], rows[:2], True)[0]
    assert set(base[0].tolist()) < set(grown.tolist())
    back = rm.from_bytes(rm.to_bytes(model))
    assert back.relevance is not None and (back.relevance.ids == model.relevance.ids).all()
    assert np.allclose(back.relevance.probabilities(rows), model.relevance.probabilities(rows), atol=0.02)


def test_targets_are_any_role_then_the_muc_roles():
    assert sr.TARGETS == ("any", *rm.ROLES)
