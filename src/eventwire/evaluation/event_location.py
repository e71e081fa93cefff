"""`eventwire eval event-location`: which place is the event's location (Halterman 2019).

Data: ``event-location-halterman2019/labeled_text.<split>.jsonl``; the adjudicated ``RELABEL``
records (``answer: accept``) are the gold standard and the only records scored. Each record is one
sentence with one event verb and zero or more LOCATION spans. We annotate the sentence with the
chosen NLP backend (the whole record is the sentence, as the task defines it), take the gold verb as
the trigger (the task gives it) and ask :func:`eventwire.extract.location.locate` for the event's place
mentions. Scoring is token level, as in the paper: a predicted token (a record token overlapping a
chosen span) is a true positive when it lies inside a gold LOCATION span (record tokens; the records'
character offsets of LOCATION spans are unreliable, their token indices are not).

The chooser is trained on the dev half (:mod:`eventwire.extract.location_model`), so its dev figures
come from k-fold cross-validation grouped by sentence: train on the records of k-1 folds (the gold
records, and the single-annotator records of the same half, whose sentences never fall in the held
fold), predict the held fold's gold records, score all out-of-fold predictions. Any other split is
scored with the shipped weights. ``options={"rules_only": True}`` scores the hand-written chooser alone.
Candidate features are cached in the user cache dir, keyed by the data file's sha256, the backend and
the sha256 of the chooser's and place detection's source.
"""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from ..model import Article, Span
from . import EvalContext, EvalResult, log, prf, scorer

FOLDER = "event-location-halterman2019"
K_FOLDS = 5
GOLD_WEIGHT = 3.0  # an adjudicated record counts as much as three single-annotator ones


def sentence_article(text: str) -> Article:
    raw = text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    return Article(locator="event-location", kind="txt", raw=raw, raw_sha256=digest, body=text, text=text,
                   id=digest[:16], paragraphs=[Span(0, len(text))], language="en")


def verb_span(record: dict) -> tuple[int, int] | None:
    verb = next((s for s in record.get("spans", []) if s["label"] == "VERB"), None)
    return None if verb is None else (verb["token_start"], verb["token_end"])


def gold_tokens(record: dict) -> set[int]:
    return {k for s in record.get("spans", []) if s["label"] == "LOCATION"
            for k in range(s["token_start"], s["token_end"] + 1)}


def span_tokens(record: dict, start: int, end: int) -> list[int]:
    return [t["id"] for t in record["tokens"] if start < t["end"] and t["start"] < end and t["text"].strip()]


def examples(record: dict, article: Article) -> dict[str, Any]:
    """Everything a record contributes: the rule chooser's tokens and each candidate's tokens and features."""
    from ..extract import location as loc
    from ..extract import location_features as lf

    toks = record["tokens"]
    v0, v1 = verb_span(record)  # type: ignore[misc]
    trigger = Span(toks[v0]["start"], toks[v1]["end"])
    sent = Span(0, len(record["text"]))
    places = [m for m in article.mentions if m.kind == "place"]
    rule = loc.locate_rules(article, sent, trigger, places)
    cands = lf.candidates(article, sent, places)
    lf.featurize(article, sent, trigger, cands, rule_choice=rule)
    return {"rule": sorted({k for m in rule for k in span_tokens(record, m.start, m.end)}),
            "cands": [{"tokens": span_tokens(record, c.start, c.end), "feats": c.feats, "start": c.start,
                       "end": c.end, "coord": [list(x) for x in c.coord],
                       "within": [list(x) for x in c.within]} for c in cands]}


def _code_digest() -> str:
    """sha256 of the code the cached features depend on: the chooser's modules and place detection
    (``resolve/places.py`` and the gazetteer package), so a change to either rebuilds the cache."""
    from .. import gazetteer
    from ..extract import location, location_features
    from ..resolve import places

    h = hashlib.sha256()
    files = [Path(m.__file__) for m in (location, location_features, places)]  # type: ignore[arg-type]
    files += sorted(Path(gazetteer.__file__).parent.glob("*.py"))  # type: ignore[arg-type]
    for path in files:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def build(records: list[dict], nlp_name: str, path: Path | None = None) -> list[dict[str, Any]]:
    """:func:`examples` of every record (annotating each distinct sentence once), cached when ``path``."""
    from .. import nlp
    from ..settings import cache_dir

    cache = None
    if path is not None:
        key = f"{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}-{nlp_name}-{_code_digest()}"
        cache = cache_dir() / "event-location" / f"{path.name}.{key}.json"
        if cache.is_file():
            found = json.loads(cache.read_text(encoding="utf-8"))
            if len(found) == len(records):
                return found
    t0 = time.time()
    articles: dict[str, Article] = {}
    out = []
    for i, rec in enumerate(records):
        text = rec["text"]
        if text not in articles:
            articles[text] = nlp.annotate(sentence_article(text), nlp_name)
        out.append(examples(rec, articles[text]))
        if i % 500 == 0:
            log(f"event-location: features {i}/{len(records)} ({time.time() - t0:.0f}s)")
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp")
        tmp.write_text(json.dumps(out), encoding="utf-8")
        tmp.replace(cache)
    return out


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [r for r in map(json.loads, fh) if verb_span(r) is not None and r.get("answer") in ("accept", None)]


def is_gold(record: dict) -> bool:
    return record.get("source") == "RELABEL" and record.get("answer") == "accept"


def training_set(records: list[dict], feats: list[dict]) -> list[tuple[int, dict, float, float]]:
    """(record index, features, label, weight) rows; a sentence+verb with a gold record uses only that one."""
    gold_keys = {(r["text"], verb_span(r)) for r in records if is_gold(r)}
    rows = []
    for i, (rec, ex) in enumerate(zip(records, feats)):
        gold = is_gold(rec)
        if not gold and (rec["text"], verb_span(rec)) in gold_keys:
            continue
        g = gold_tokens(rec)
        for c in ex["cands"]:
            if not c["tokens"]:
                continue
            frac = len(set(c["tokens"]) & g) / len(c["tokens"])
            rows.append((i, c["feats"], 1.0 if frac >= 0.5 else 0.0, GOLD_WEIGHT if gold else 1.0))
    return rows


def fold_of(text: str, k: int) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % k


def predicted_tokens(ex: dict, model: Any) -> set[int]:
    from types import SimpleNamespace

    from ..extract.location import select

    cands = [SimpleNamespace(**c) for c in ex["cands"] if c["tokens"]]
    probs = model.scores([c.feats for c in cands])
    return {k for c in select(cands, probs, model.threshold, model.second, getattr(model, "coord", None),
                                  getattr(model, "inner", None))
            for k in c.tokens}


def kind_of(nlp_name: str) -> str:
    return "rules" if nlp_name == "rules" else "parse"


def cross_validate(records: list[dict], feats: list[dict], k: int) -> dict[int, set[int]]:
    """Out-of-fold predicted tokens of every gold record."""
    from ..extract import location_model as lm

    rows = training_set(records, feats)
    out: dict[int, set[int]] = {}
    for fold in range(k):
        train = [r for r in rows if fold_of(records[r[0]]["text"], k) != fold]
        model = lm.fit([r[1] for r in train], [r[2] for r in train], [r[3] for r in train])
        for i, rec in enumerate(records):
            if is_gold(rec) and fold_of(rec["text"], k) == fold:
                out[i] = predicted_tokens(feats[i], model)
    return out


def trained_on(path: Path) -> bool:
    from ..extract.location_model import CARD, MODEL_DIR
    from . import trained_on as listed

    return listed(path, MODEL_DIR / CARD)


def _words(record: dict, ids: set[int]) -> str:
    return " ".join(record["tokens"][k]["text"] for k in sorted(ids))


@scorer("event-location")
def score(ctx: EvalContext) -> EvalResult:
    from ..extract import location_model as lm

    t0 = time.time()
    (path, *more) = ctx.files(FOLDER, "labeled_text.*.jsonl")
    records = [r for p in (path, *more) for r in read(p)]
    rules_only = bool(ctx.options.get("rules_only"))
    cv = not rules_only and (ctx.split == "dev" or trained_on(path))
    if cv:
        feats = build(records, ctx.nlp, path if not more else None)
    else:
        records = [r for r in records if is_gold(r)]
        feats = build(records, ctx.nlp, None)
    if rules_only:
        preds = {i: set(ex["rule"]) for i, ex in enumerate(feats) if is_gold(records[i])}
        method = "hand-written chooser only (no trained weights)"
    elif cv:
        k = int(ctx.options.get("k_folds", K_FOLDS))
        log(f"event-location: {k}-fold cross-validation grouped by sentence")
        preds = cross_validate(records, feats, k)
        method = f"{k}-fold cross-validation grouped by sentence (train on {k - 1} folds, score the held one)"
    else:
        model = lm.shipped().get(kind_of(ctx.nlp))
        preds = {i: (predicted_tokens(ex, model) if model else set(ex["rule"])) for i, ex in enumerate(feats)}
        method = "shipped weights (trained on the dev half)" if model else "hand-written chooser (no weights)"
    tp = fp = fn = 0
    rows: list[tuple[str, str]] = [("method", method)]
    for i, pred in sorted(preds.items()):
        rec = records[i]
        gold = gold_tokens(rec)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if pred != gold and len(rows) < 41:
            rows.append((rec["text"][:70], f"gold=[{_words(rec, gold)}] ours=[{_words(rec, pred)}]"))
    p, r, f1 = prf(tp, fp, fn)
    log(f"event-location: {len(preds)} gold records scored in {time.time() - t0:.0f}s")
    return EvalResult("event-location", ctx.split, len(preds),
                      {"token_precision": p, "token_recall": r, "token_f1": f1}, rows)
