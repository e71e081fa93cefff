"""Train the event-location chooser and write its weights and card into src/eventwire/data/models/.

    EVENTWIRE_SHARED=../shared .venv/bin/python tools/train_event_location.py

Reads the dev half of Halterman (2019) ($EVENTWIRE_SHARED/data/external/event-location-halterman2019),
builds candidate features with both NLP backends (cached), measures k-fold cross-validated figures
(grouped by sentence, scored on the adjudicated RELABEL records), then trains on the whole dev half
and writes:

- event_location.npz: one logistic-regression weight vector, feature names and threshold per backend
  kind (``parse``, ``rules``); never the sentences;
- event_location.json: the card (training data and its sha256, parameters, k-fold figures, sha256 of
  the .npz, checked at load).

Deterministic: the same data, code and library versions give the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from eventwire import settings
from eventwire.evaluation import event_location as el
from eventwire.evaluation import prf
from eventwire.extract import location_features as lf
from eventwire.extract import location_model as lm
from eventwire.extract import weights

DATA_FILE = "labeled_text.dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=settings.shared_dir() / "data" / "external" / el.FOLDER,
                    help="folder holding labeled_text.dev.jsonl")
    ap.add_argument("--out", type=Path, default=lm.MODEL_DIR, help="where the .npz and card go")
    ap.add_argument("--k", type=int, default=el.K_FOLDS, help="folds for the cross-validated figures")
    args = ap.parse_args(argv)

    path = args.data / DATA_FILE
    records = el.read(path)
    models, figures = {}, {}
    for kind, nlp_name in (("parse", "default"), ("rules", "rules")):
        feats = el.build(records, nlp_name, path)
        preds = el.cross_validate(records, feats, args.k)
        tp = fp = fn = 0
        for i, pred in preds.items():
            gold = el.gold_tokens(records[i])
            tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
        p, r, f1 = prf(tp, fp, fn)
        figures[kind] = {"nlp": nlp_name, "token_precision": round(p, 4), "token_recall": round(r, 4),
                         "token_f1": round(f1, 4), "n_gold": len(preds)}
        print(f"{kind}: {figures[kind]}", file=sys.stderr)
        rows = el.training_set(records, feats)
        models[kind] = lm.fit([x[1] for x in rows], [x[2] for x in rows], [x[3] for x in rows])
    data = lm.to_bytes(models)
    card = {
        "model": "event-location chooser: L2 logistic regression over candidate places (NER/dictionary places, "
                 "org/person mentions, capitalised runs) with parse, context, position and gazetteer features; "
                 "the best candidate at or above threshold, further ones at or above second, are the event's location",
        "feature_version": lf.FEATURE_VERSION,
        "training_data": [{
            "dataset": "Halterman 2019 event_location labeled_text.jsonl (ahalterman/event_location, commit "
                       "444a2dfab7a82bc3ba4d42041a971ec1e6bb6b0c), dev half only",
            "file": DATA_FILE, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "n_records": len(records),
            "n_gold": sum(1 for r in records if el.is_gold(r)),
            "note": "all dev records with a verb; adjudicated RELABEL records weigh "
                    f"{el.GOLD_WEIGHT}, single-annotator ones 1; the sentences are not shipped"}],
        "params": {"l2": lm.L2, "threshold": lm.THRESHOLD, "second": lm.SECOND, "gold_weight": el.GOLD_WEIGHT,
                   "label": "a candidate is positive when at least half its tokens are gold LOCATION tokens",
                   "coord": lm.COORD, "inner": lm.INNER,
                   "rules": "a chosen place gives way to a candidate inside it (X in/of/, Y; Y's X; X neighbourhood in central Y; "
                            "X area of Y district) reaching inner; "
                            "candidates coordinated with a chosen one (parse conj, 'and'/'or', or places after the same preposition "
                            "across ';'/'and': 'in Aleppo - 6 times; in Hama - 4 times') join at coord; a "
                            "container of a chosen place is never a second one"},
        "n_features": {kind: len(m.names) for kind, m in models.items()},
        "kfold": {"k": args.k, "grouped_by": "sentence text (sha256 mod k)", **figures},
        "trainer": "tools/train_event_location.py",
    }
    print(weights.write(args.out / lm.WEIGHTS, args.out / lm.CARD, data, card), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
