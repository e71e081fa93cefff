"""Event-type classifier: shipped weights hash-checked, obvious snippets typed, k-fold and scorer maths."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from eventwire.errors import ModelIntegrityError
from eventwire.evaluation.case2021 import metrics
from eventwire.extract import classifier
from tests.test_embed import needs_model

CARD = json.loads((classifier.MODEL_DIR / classifier.CARD).read_text(encoding="utf-8"))


def test_shipped_weights_pass_their_hash_check_and_match_the_card():
    model = classifier.load()
    assert model.labels == CARD["labels"] and len(model.labels) == 30
    assert len(CARD["acled_labels"]) == 25 and set(CARD["acled_labels"]) < set(model.labels)
    assert model.weights.shape == (CARD["n_features"], 30)
    assert {"weighted_f1_acled25", "macro_f1_acled25", "weighted_f1_all30"} <= set(CARD["kfold"])


def test_corrupted_weights_are_rejected(tmp_path: Path):
    for name in (classifier.WEIGHTS, classifier.CARD):
        shutil.copyfile(classifier.MODEL_DIR / name, tmp_path / name)
    data = bytearray((tmp_path / classifier.WEIGHTS).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / classifier.WEIGHTS).write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="sha256"):
        classifier.load(tmp_path)


def test_missing_weights_are_a_typed_error(tmp_path: Path):
    with pytest.raises(ModelIntegrityError, match="missing"):
        classifier.load(tmp_path)


def test_weights_round_trip_byte_for_byte():
    model = classifier.load()
    data = model.to_bytes()
    assert data == (classifier.MODEL_DIR / classifier.WEIGHTS).read_bytes()
    again = classifier.EventTypeModel.from_bytes(data, model.params)
    np.testing.assert_array_equal(again.weights, model.weights)


@needs_model
def test_obvious_snippets():
    cases = {
        "A suicide bomber blew himself up at a crowded market, killing 12 people.": "SUIC_BOMB",
        "A magnitude 6.4 earthquake struck the region on Monday, destroying hundreds of homes.": "NATURAL_DISASTER",
        "Police arrested three men suspected of planning attacks in the capital.": "ARREST",
        "Government warplanes carried out airstrikes on rebel positions near the town.": "AIR_STRIKE",
        "Gunmen kidnapped two aid workers on the road to the city and demanded a ransom.": "ABDUCT_DISSAP",
        "Thousands of people marched peacefully through the city centre to demand higher wages.": "PEACE_PROTEST",
        "The two sides signed a ceasefire agreement in the capital on Sunday.": "AGREEMENT",
    }
    got = classifier.predict(list(cases))
    assert [label for label, _ in got] == list(cases.values())
    assert all(0.0 < p <= 1.0 for _, p in got)
    assert classifier.predict([]) == []


def _toy(n_per: int = 6):
    """Three labels, separable embeddings and words: fit and cross-validate without the real model."""
    rng = np.random.default_rng(1)
    words = {"A": "airstrike jets bombed", "B": "protesters marched peacefully", "C": "earthquake flood damage"}
    texts, labels, vecs = [], [], []
    for k, (lab, w) in enumerate(words.items()):
        for i in range(n_per):
            texts.append(f"{w} report {i}")
            labels.append(lab)
            v = rng.normal(0, 0.05, 384)
            v[k] += 1.0
            vecs.append(v / np.linalg.norm(v))
    return texts, labels, np.array(vecs, dtype=np.float32)


def test_fit_and_cross_validate_on_hand_built_data():
    texts, labels, vecs = _toy()
    model = classifier.fit(texts, labels, vecs, label_set=["A", "B", "C", "D"])
    assert [p for p, _ in model.predict(texts, vecs)] == labels
    probs = model.proba(texts, vecs)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    folds = classifier.stratified_folds(labels, 3)
    for lab in "ABC":  # every label spread evenly over the folds
        assert sorted(np.bincount(folds[[i for i, x in enumerate(labels) if x == lab]], minlength=3)) == [2, 2, 2]
    out = classifier.cross_validate(texts, labels, vecs, label_set=["A", "B", "C", "D"], k=3)
    assert [p for p, _ in out] == labels


def test_scorer_metrics_by_hand():
    labels, acled = ["X", "Y", "Z"], {"X", "Y"}
    gold = ["X", "X", "Y", "Y", "Z"]
    pred = ["X", "Z", "Y", "X", "Z"]
    found, per = metrics(gold, pred, labels, acled)
    # ACLED items 0-3: X P=1/2 R=1/2 F=0.5; Y P=1 R=1/2 F=2/3; the miss predicted as Z counts against X
    assert found["weighted_f1_acled25"] == pytest.approx((0.5 * 2 + 2 / 3 * 2) / 4)
    assert found["macro_f1_acled25"] == pytest.approx((0.5 + 2 / 3) / 2)
    assert found["weighted_f1_all30"] == pytest.approx((0.5 * 2 + 2 / 3 * 2 + 2 / 3) / 5)
    assert per["Z"] == (pytest.approx(2 / 3), 1)


def test_project_snippets_are_well_formed():
    texts, labels = classifier.training_snippets()
    assert len(texts) == len(labels) >= 100
    assert set(labels) <= set(CARD["labels"])
    assert len(set(texts)) == len(texts) and all(len(t.split()) >= 6 for t in texts)
    entry = [d for d in CARD["training_data"] if d["file"].endswith(classifier.SNIPPETS)]
    assert entry and entry[0]["n"] == len(texts)
    assert entry[0]["sha256"] == classifier.sha256_bytes((classifier.TRAINING_DIR / classifier.SNIPPETS).read_bytes())


def test_sample_weights_balance_classes_and_scale_project_snippets():
    y = np.array([0, 0, 0, 1])
    w = classifier.sample_weights(y, 2, 1.0)
    np.testing.assert_allclose(w, [2.5 / 3, 2.5 / 3, 2.5 / 3, 2.5])  # mean count 2.5 over items
    np.testing.assert_allclose(classifier.sample_weights(y, 2, 0.0), 1.0)
    w = classifier.sample_weights(y, 2, 0.0, np.array([False, False, True, True]), 0.5)
    np.testing.assert_allclose(w, [1, 1, 0.5, 0.5])


def test_cross_validation_trains_on_project_snippets_but_scores_only_dataset_items():
    texts, labels, vecs = _toy()
    # extra items of a fourth label: only learnable from the extra set, never predicted as items
    rng = np.random.default_rng(2)
    ev = rng.normal(0, 0.05, (4, 384))
    ev[:, 3] += 1.0
    ev /= np.linalg.norm(ev, axis=1, keepdims=True)
    extra = classifier.TrainingSet([f"ceasefire truce signed {i}" for i in range(4)], ["D"] * 4, ev.astype(np.float32))
    out = classifier.cross_validate(texts, labels, vecs, label_set=["A", "B", "C", "D"], k=3, extra=extra)
    assert len(out) == len(texts) and [p for p, _ in out] == labels
    model = classifier.fit(texts + extra.texts, labels + extra.labels, np.vstack([vecs, extra.vectors]),
                           label_set=["A", "B", "C", "D"], extra=[False] * len(texts) + [True] * 4)
    assert [p for p, _ in model.predict(extra.texts, extra.vectors)] == ["D"] * 4


def test_char_ngrams_stay_inside_padded_words():
    grams = classifier.char_terms("Riot, riots!")
    assert grams[:3] == [" ri", "rio", "iot"] and " riot" in grams and "riot " in grams
    assert all(g in " riot " or g in " riots " for g in grams)  # no n-gram spans two words
    assert {len(g) for g in grams} == set(classifier.CHAR_NGRAMS)
    assert classifier.char_terms("") == []


def test_dual_ridge_equals_primal_ridge_with_a_free_bias():
    rng = np.random.default_rng(3)
    y = rng.integers(0, 4, 12)
    w = rng.uniform(0.5, 2.0, 12)
    wide = rng.normal(size=(12, 40))  # more features than items: solved in the dual
    dual_w, dual_b = classifier._fit_ridge(wide, y, 4, 0.7, w)
    # primal normal equations with an unpenalised bias column
    x1 = np.hstack([wide, np.ones((12, 1))])
    reg = 0.7 * np.eye(41)
    reg[-1, -1] = 0.0
    solved = np.linalg.solve((x1 * w[:, None]).T @ x1 + reg, (x1 * w[:, None]).T @ (np.eye(4)[y] * 2 - 1))
    np.testing.assert_allclose(dual_w, solved[:-1], atol=1e-8)
    np.testing.assert_allclose(dual_b, solved[-1], atol=1e-8)
    narrow_w, narrow_b = classifier._fit_ridge(wide[:, :5], y, 4, 0.7, w)  # primal path
    x1 = np.hstack([wide[:, :5], np.ones((12, 1))])
    reg = 0.7 * np.eye(6)
    reg[-1, -1] = 0.0
    solved = np.linalg.solve((x1 * w[:, None]).T @ x1 + reg, (x1 * w[:, None]).T @ (np.eye(4)[y] * 2 - 1))
    np.testing.assert_allclose(narrow_w, solved[:-1], atol=1e-8)
    np.testing.assert_allclose(narrow_b, solved[-1], atol=1e-8)


def test_shipped_model_uses_character_ngrams_and_stays_small():
    model = classifier.load()
    assert CARD["params"]["char_scale"] > 0 and len(model.char_vocab) == len(model.char_idf) > 1000
    assert model.weights.shape[0] == 384 + len(classifier.CUES) + len(model.vocab) + len(model.char_vocab)
    assert (classifier.MODEL_DIR / classifier.WEIGHTS).stat().st_size < 4_000_000
    # a character n-gram of a word seen in training moves the scores: the block is wired in
    texts = ["stone pelting"]
    vec = np.zeros((1, 384), dtype=np.float32)
    with_chars = model.features(texts, vec)
    assert np.abs(with_chars[0, -len(model.char_vocab):]).sum() > 0
