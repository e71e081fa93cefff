"""Train the role-filler model and write its weights and card into src/eventwire/data/models/.

    EVENTWIRE_SHARED=../shared .venv/bin/python tools/train_role_filler.py

Reads the MUC-4 dev split in GRIT/GTT form ($EVENTWIRE_SHARED/data/external/muc4-gtt/muc4_gtt.dev.jsonl),
runs every message through the pipeline and the MUC-4 adapter (spaCy backend, two processes), measures
the k-fold cross-validated figures (grouped by document: train on k-1 folds, score the held one), then
trains on every dev message (the sentence-relevance model on all its sentences, the network with relevance
features from k-fold out-of-fold sentence probabilities) and writes:

- role_filler.npz: the network ensemble's weights and the sentence-relevance weights (int8 per-feature matrices,
  per-column scales) over hashed feature ids (crc32 of the feature name: no words, no texts), and the decoding
  settings (per role the threshold and most fillers, the share of the best probability) tuned on the k-fold
  out-of-fold probabilities;
- role_filler.json: the card (training data and its sha256, parameters, k-fold figures, sha256 of the
  .npz, checked at load).

Deterministic: the same data, code and library versions give the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

from eventwire import settings
from eventwire.evaluation import muc4
from eventwire.extract import role_model as rm
from eventwire.extract import sentence_relevance as sr
from eventwire.extract import weights

DATA_FILE = "muc4_gtt.dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=settings.shared_dir() / "data" / "external" / "muc4-gtt",
                    help="folder holding muc4_gtt.dev.jsonl")
    ap.add_argument("--out", type=Path, default=rm.MODEL_DIR, help="where the .npz and card go")
    ap.add_argument("--k", type=int, default=muc4.K_FOLDS, help="folds for the cross-validated figures")
    args = ap.parse_args(argv)

    path = args.data / DATA_FILE
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    preds = muc4.collect(docs, "default")
    rules_metrics, _ = muc4.evaluate(docs, preds)
    probs = muc4.cross_validate(docs, preds, args.k)
    for p, fillers in zip(preds, muc4.held_out(docs, preds, probs, args.k)):
        p["fillers"] = fillers
    metrics, rows = muc4.evaluate(docs, preds)
    figures = {k: round(v, 4) for k, v in metrics.items() if k.startswith("role_filler")}
    figures["per_role"] = dict(rows)
    figures["rules_only_role_filler_f1"] = round(rules_metrics["role_filler_f1"], 4)
    print(json.dumps(figures, indent=1), file=sys.stderr)
    model = muc4.fit(docs, preds, list(range(len(docs))), args.k)
    model.decoding = muc4.tuned_decoding(docs, preds, probs)
    data = rm.to_bytes(model)
    stored = rm.from_bytes(data)  # what the int8 storage changes in the dev messages' fillers
    changed = total = 0
    for p in preds:
        before, after = (m.decode(p["cands"], m.probabilities(muc4.rows_of(m, p))) for m in (model, stored))
        total += sum(len(v) for v in before.values())
        changed += sum(len(set(before[r]) ^ set(after[r])) for r in rm.ROLES)
    card = {
        "model": f"role-filler model: a wide-and-deep network (hashed features -> {rm.HIDDEN} shared ReLU units and a linear "
                 f"term -> one logit per MUC role: PerpInd, PerpOrg, Target, Victim, Weapon), {rm.SEEDS} seeds averaged, "
                 "over hashed features of a message's noun phrases, mentions and weapon words pooled by head word "
                 "(lexicon and entity hits, parse relations to triggers, incident-sentence flags, the rule adapter's "
                 "roles, the sentence-relevance model's probabilities for the sentences naming it); per role, "
                 "candidates at or above its threshold and relative share of the role's best in the message, "
                 "at most max_fillers",
        "feature_version": rm.FEATURE_VERSION,
        "training_data": [{
            "dataset": "MUC-4 in GRIT/GTT processed form (muc4-gtt), dev split only",
            "file": DATA_FILE, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "n_documents": len(docs),
            "n_candidates": int(sum(len(p["cands"]) for p in preds)),
            "note": "a candidate is positive for a role when the MUC scorer's filler_match matches it to a gold entity "
                    "of that role in its document; the texts are not shipped, features are crc32 ids"}],
        "params": {"hidden": rm.HIDDEN, "epochs": rm.EPOCHS, "learning_rate": rm.LR, "seeds": rm.SEEDS,
                   "l2": rm.L2, "min_count": rm.MIN_COUNT, "batch": rm.BATCH, "nlp": "default (spaCy)"},
        "decoding": {**asdict(model.decoding), "tuned_on": "the k-fold out-of-fold probabilities of every dev message "
                     "(the k-fold figures decode each fold with the settings tuned on the other folds)"},
        "n_features": len(model.ids),
        "sentence_relevance": {"model": "logistic regression per target over hashed sentence words, word pairs, "
                                        "adapter flags and position; the network sees out-of-fold probabilities",
                               "targets": list(sr.TARGETS), "edges": list(sr.EDGES), "l2": sr.L2,
                               "min_count": sr.MIN_COUNT, "n_features": len(model.relevance.ids)},
        "storage": {"fillers_on_dev": total, "fillers_changed_by_int8_storage": changed},
        "kfold": {"k": args.k, "grouped_by": "document (sha256 of docid mod k)", **figures},
        "trainer": "tools/train_role_filler.py",
    }
    print(weights.write(args.out / rm.WEIGHTS, args.out / rm.CARD, data, card), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
