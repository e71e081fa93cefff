"""Train the event-type classifier and write its weights and card into src/eventwire/data/models/.

    EVENTWIRE_SHARED=../shared .venv/bin/python tools/train_classifier.py

Reads the dev half of CASE 2021 Task 2 ($EVENTWIRE_SHARED/data/external/case2021-task2), embeds the
snippets and the project-written training snippets (src/eventwire/data/training/) with
all-MiniLM-L6-v2 (cached), measures stratified 10-fold cross-validation figures (project snippets in
every training fold, only dev items scored), then trains on the whole dev half plus the project
snippets and writes:

- event_type_classifier.npz: weights only (labels, vocabulary, idf, ridge weights,
  label centroids); never the snippets;
- event_type_classifier.json: the card (training data and its sha256, labels, parameters, k-fold
  figures, sha256 of the .npz, checked at load).

Deterministic: the same data and library versions give the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from eventwire import embed, settings
from eventwire.evaluation.case2021 import (
    FOLDER,
    K_FOLDS,
    SEED,
    cached_embeddings,
    metrics,
    project_snippets,
    read_labels,
    read_snippets,
)
from eventwire.extract import classifier, weights

DATA_FILE = "test_set_final_release_with_labels.dev.tsv"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=settings.shared_dir() / "data" / "external" / FOLDER,
                    help="folder holding the dev TSV and event_types.txt")
    ap.add_argument("--out", type=Path, default=classifier.MODEL_DIR, help="where the .npz and card go")
    ap.add_argument("--k", type=int, default=K_FOLDS, help="folds for the cross-validated figures")
    args = ap.parse_args(argv)

    path = args.data / DATA_FILE
    labels, acled = read_labels(args.data)
    texts, gold = read_snippets(path)
    vectors = cached_embeddings(path, texts)
    extra = project_snippets(labels)
    extra_file = classifier.TRAINING_DIR / classifier.SNIPPETS

    print(f"{args.k}-fold cross-validation on {len(texts)} snippets (+ {len(extra.texts)} project snippets "
          "in every training fold)…", file=sys.stderr)
    preds = classifier.cross_validate(texts, gold, vectors, label_set=labels, k=args.k, seed=SEED, extra=extra)
    found, per_label = metrics(gold, [p for p, _ in preds], labels, acled)

    model = classifier.fit(texts + extra.texts, gold + extra.labels, np.vstack([vectors, extra.vectors]),
                           label_set=labels, extra=[False] * len(texts) + [True] * len(extra.texts))
    data = model.to_bytes()
    card = {
        "model": classifier.DESCRIPTION,
        "embedding_model": {"package": embed.PIN, "model_safetensors_sha256": embed.WEIGHTS_SHA256},
        "training_data": [{
            "dataset": "CASE 2021 Shared Task 2 test set with labels (emerging-welfare/case-2021-shared-task, "
                       "commit 450624242395a2752da9ccd11b4022d3c08f17a7), dev half only",
            "file": DATA_FILE, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "n": len(texts),
            "note": "the snippets are not shipped; the .npz holds weights, a word-term and a character n-gram "
                    "vocabulary (df >= 2) and their idf"},
            {"dataset": "eventwire project-written snippets (from ACLED's sub-event definitions)",
             "file": f"src/eventwire/data/training/{classifier.SNIPPETS}",
             "sha256": hashlib.sha256(extra_file.read_bytes()).hexdigest(), "n": len(extra.texts),
             "weight": model.params["extra_weight"],
             "note": "in every training fold of the k-fold figures, never in an evaluation fold"}],
        "labels": labels,
        "acled_labels": [lab for lab in labels if lab in acled],
        "params": model.params,
        "n_features": int(model.weights.shape[0]),
        "kfold": {"k": args.k, "seed": SEED, "stratified": True, "scored": f"dev items only (n={len(texts)})",
                  **{key: round(float(v), 4) for key, v in found.items() if v is not None},
                  "per_label_f1": {lab: round(f, 3) for lab, (f, _) in per_label.items()}},
        "trainer": "tools/train_classifier.py",
    }
    print(weights.write(args.out / classifier.WEIGHTS, args.out / classifier.CARD, data, card), file=sys.stderr)
    print(json.dumps({k: card["kfold"][k] for k in found}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
