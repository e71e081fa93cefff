"""The trained role-filler model: candidates, fitting, decoding, shipped weights and what it finds."""
from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from eventwire.extract import role_model as rm
from eventwire.model import Article, Span


def annotate(text: str, backend: str = "default") -> Article:
    from eventwire import nlp

    raw = text.encode()
    art = Article(locator="t", kind="txt", raw=raw, raw_sha256=hashlib.sha256(raw).hexdigest(), body=text, text=text,
                  id="t", paragraphs=[Span(0, len(text))], language="en")
    return nlp.annotate(art, backend)


def test_fit_learns_each_role_from_its_features():
    rows, labels = [], []
    for i in range(60):
        role = i % 3  # PerpInd, PerpOrg, Target
        feats = {"bias", f"h=word{role}", f"noise={i % 7}"}
        rows.append(rm.feature_ids(feats))
        labels.append([float(role == r) for r in range(len(rm.ROLES))])
    model = rm.fit(rows, np.array(labels), epochs=60, lr=0.02, batch=16, seeds=2)
    assert len(model.nets) == 2
    probs = model.probabilities([rm.feature_ids({"bias", "h=word1", "noise=3"})])
    assert probs.shape == (1, len(rm.ROLES))
    assert probs[0, 1] > 0.9 and probs[0, 0] < 0.1 and probs[0, 4] < 0.1
    # a feature the model never saw changes nothing
    same = model.probabilities([rm.feature_ids({"bias", "h=word1", "noise=3", "never seen"})])
    assert np.allclose(probs, same)


def test_decode_keeps_the_most_probable_above_threshold_per_role():
    texts = ["guerrillas", "dynamite", "bus", "Jose Perez"]
    probs = np.zeros((4, len(rm.ROLES)))
    probs[0, 0] = 0.9
    probs[1, 4] = 0.8
    probs[2, 2] = 0.2  # under the threshold
    probs[3, 3], probs[0, 3] = 0.95, 0.5
    out = rm.decode(texts, probs, rm.Decoding({r: 0.3 for r in rm.ROLES}, {r: 1 for r in rm.ROLES}, {r: 0.0 for r in rm.ROLES}))
    assert out == {"PerpInd": ["guerrillas"], "PerpOrg": [], "Target": [], "Victim": ["Jose Perez"], "Weapon": ["dynamite"]}
    # a candidate far below the role's best in the message is left out
    assert rm.decode(texts, probs, rm.Decoding({r: 0.3 for r in rm.ROLES}, {r: 5 for r in rm.ROLES}, {r: 0.6 for r in rm.ROLES}))[
        "Victim"] == ["Jose Perez"]
    assert rm.decode(texts, probs, rm.Decoding({r: 0.3 for r in rm.ROLES}, {r: 5 for r in rm.ROLES}, {r: 0.0 for r in rm.ROLES}))[
        "Victim"] == ["Jose Perez", "guerrillas"]


def test_weights_round_trip_through_bytes():
    rows = [rm.feature_ids({"bias", f"h=w{i % 4}"}) for i in range(40)]
    labels = np.array([[float(i % 4 == r) for r in range(len(rm.ROLES))] for i in range(40)])
    model = rm.fit(rows, labels, epochs=5, batch=8, seeds=2)
    model.decoding = rm.Decoding({r: 0.2 for r in rm.ROLES}, {r: 2 for r in rm.ROLES}, {r: 0.4 for r in rm.ROLES})
    back = rm.from_bytes(rm.to_bytes(model))
    assert (back.ids == model.ids).all() and len(back.nets) == 2
    assert np.allclose(back.probabilities(rows), model.probabilities(rows), atol=1e-2)  # stored as int8
    assert back.decoding == model.decoding
    assert rm.to_bytes(back) == rm.to_bytes(rm.from_bytes(rm.to_bytes(back)))  # deterministic bytes
    again = rm.fit(rows, labels, epochs=5, batch=8, seeds=2)  # seeded: the same data give the same weights
    assert all(np.array_equal(a.emb, b.emb) for a, b in zip(model.nets, again.nets))


def test_shipped_weights_load_and_carry_no_text():
    model = rm.shipped()
    assert model is not None
    card = json.loads((rm.MODEL_DIR / rm.CARD).read_text(encoding="utf-8"))
    assert card["weights_sha256"] == hashlib.sha256((rm.MODEL_DIR / rm.WEIGHTS).read_bytes()).hexdigest()
    assert {"file", "sha256"} <= set(card["training_data"][0]) and card["kfold"]["k"] >= 2
    assert set(model.decoding.thresholds) == set(rm.ROLES) and model.nets and model.relevance is not None
    assert all(n.emb.shape[0] == n.wide.shape[0] == len(model.ids) and n.out.shape[1] == len(rm.ROLES) for n in model.nets)
    with np.load(rm.MODEL_DIR / rm.WEIGHTS, allow_pickle=False) as z:  # ids and numbers only: no words, no texts
        assert sorted(z.files) == ["b1", "b2", "emb", "emb_scale", "ids", "max_fillers", "out", "rel_bias", "rel_ids",
                                   "rel_weights", "rel_weights_scale", "relative", "thresholds", "wide", "wide_scale"]
        assert all(z[k].dtype.kind in "fiu" for k in z.files)


def test_candidates_pool_phrases_by_head_word_with_their_features():
    text = "Urban guerrillas killed mayor Jose Perez with a machinegun. The guerrillas fled."
    art = annotate(text)
    at = text.index("killed")
    cands = {c.key: c for c in rm.candidates(art, sentence_feats={0: ["incident"]},
                                             trigger_spans={0: [(at, at + 6, "attack")]},
                                             rule_fillers={"Weapon": ["machinegun"]}, doc_feats=["incident"])}
    assert {"guerrillas", "perez", "machinegun"} <= set(cands)
    g = cands["guerrillas"]
    assert g.count >= 2 and g.first == 0 and "perp_noun" in g.feats and "s:incident" in g.feats
    assert any(f.startswith("trig_dep=nsubj") for f in g.feats)
    assert cands["perez"].text == "Jose Perez" and "person_name" in cands["perez"].feats
    assert cands["machinegun"].rule_roles == {"Weapon"} and "rule=Weapon" in cands["machinegun"].feats
    assert g.sentences == {0, 1} and cands["perez"].sentences == {0}


@pytest.mark.slow
def test_shipped_model_fills_the_roles_of_a_killing():
    from eventwire.evaluation import muc4
    from eventwire.extract import truecase
    from eventwire.pipeline import article_from_text, process

    text = "guerrillas killed mayor jose perez with a machinegun in medellin today."
    art = process(article_from_text(truecase.restore(text), locator="t"))
    out = muc4.from_article(art)
    assert out["events"]
    fillers = {role: [muc4.head(v) for v in vals] for role, vals in out["fillers"].items()}
    assert "guerrillas" in fillers["PerpInd"]
    assert "perez" in fillers["Victim"]
    assert "machinegun" in fillers["Weapon"]
    assert "perez" not in fillers["PerpInd"] and "guerrillas" not in fillers["Victim"]


def test_fillers_leave_their_count_as_muc_writes_them():
    assert rm.without_count("at least 10 power transmission towers") == "power transmission towers"
    assert rm.without_count("Several homes") == "homes" and rm.without_count("6 other drug stores") == "other drug stores"
    assert rm.without_count("one of the agents") == "one of the agents"  # a part of a group keeps its word
    assert rm.without_count("two") == "two" and rm.without_count("tenants") == "tenants"
    probs = np.zeros((2, len(rm.ROLES)))
    probs[0, 2] = probs[1, 3] = 0.9
    out = rm.decode(["two vehicles", "two brothers"], probs, rm.UNTUNED)
    assert out["Target"] == ["vehicles"] and out["Victim"] == ["two brothers"]  # victims are names; no count there
