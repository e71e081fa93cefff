"""`eventwire eval html-extraction`: article bodies from HTML pages, scored on scrapinghub-aeb.

The data is Zyte/Scrapinghub's article-extraction-benchmark (``scrapinghub-aeb``):
``ground-truth.<split>.json`` holds ``{key: {articleBody, url}}`` and ``html/<key>.html.gz`` the
pages (the HTML files are not named by split, so the keys come from the ground-truth file).

Scoring reproduces the benchmark's own ``evaluate.py``: texts are tokenised as ``\\w+`` runs
(case kept), cut into 4-token shingles (a text shorter than 4 tokens is one shorter shingle), and
each page gets TP/FP/FN as the multiset overlap of its shingles, normalised to sum to 1 so that
long pages do not weigh more. Precision is the mean over pages that predicted something, recall
the mean over pages whose gold is not empty, and F1 the harmonic mean of those two means (not a
mean of per-page F1s). A page with nothing on either side is left out of both means.

What is scored is what eventwire stores: ``ingest.html`` (trafilatura) followed by
``clean.clean`` with the language gate off (a page in another language is still extracted here;
the run skips it later). ``options['tool']`` scores a shipped tool output
(``output/<tool>.<split>.json``) instead, and ``options['limit']`` scores only the first N pages.
"""
from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..errors import DataError, EventwireError
from . import EvalContext, EvalResult, log, scorer

DATASET = "scrapinghub-aeb"
NGRAM = 4
# Shipped outputs shown beside eventwire's figure in the readable table.
REFERENCE_TOOLS = ("trafilatura", "AutoExtract", "newspaper", "readability")

_TOKEN = re.compile(r"\w+", re.UNICODE)

TpFpFn = tuple[float, float, float]


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(true: str, pred: str, n: int = NGRAM) -> TpFpFn:
    """Normalised (tp, fp, fn) of one page's shingles."""
    gold, got = shingles(true, n), shingles(pred, n)
    tp = float(sum((gold & got).values()))
    fp = float(sum((got - gold).values()))
    fn = float(sum((gold - got).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def aggregate(counts: Iterable[TpFpFn]) -> dict[str, float]:
    """Benchmark metrics over pages: mean precision, mean recall, F1 of the two means."""
    counts = list(counts)
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": (2 * p * r / (p + r)) if p + r else 0.0}


def score_bodies(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    return aggregate(page_counts(gold[k], predicted.get(k, "")) for k in gold)


def extract_body(data: bytes, url: str = "") -> str:
    """The cleaned text eventwire stores for one HTML page ('' when nothing usable is found)."""
    from ..clean import clean
    from ..ingest import html

    try:
        articles = list(html.read("page.html", data, {}, url))
        return "\n\n".join(clean(a, check_language=False).text for a in articles)
    except EventwireError:
        return ""


def _extract_one(job: tuple[str, str, str]) -> tuple[str, str]:
    key, path, url = job
    with gzip.open(path, "rb") as fh:
        return key, extract_body(fh.read(), url)


def load_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read {path}: {exc}") from exc
    if isinstance(data, dict) and set(data) >= {"output"} and isinstance(data.get("output"), dict):
        data = data["output"]  # the {version, output} wrapper of newer tool outputs
    return data


def tool_bodies(folder: Path, tool: str, split: str) -> dict[str, str]:
    path = folder / "output" / f"{tool}.{split}.json"
    if not path.is_file():
        raise DataError(f"no tool output {path}; known: "
                        f"{', '.join(sorted(p.name.split('.')[0] for p in (folder / 'output').glob('*.json')))}")
    return {k: (v or {}).get("articleBody") or "" for k, v in load_json(path).items()}


def eventwire_bodies(folder: Path, gold: dict[str, dict], workers: int) -> dict[str, str]:
    jobs = []
    for key, item in gold.items():
        page = folder / "html" / f"{key}.html.gz"
        if not page.is_file():
            raise DataError(f"page {page} is missing; the dataset folder is incomplete")
        jobs.append((key, str(page), item.get("url") or ""))
    out: dict[str, str] = {}
    if workers > 1 and len(jobs) > 4:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for i, (key, text) in enumerate(pool.map(_extract_one, jobs, chunksize=4), 1):
                out[key] = text
                if i % 20 == 0 or i == len(jobs):
                    log(f"html-extraction: {i}/{len(jobs)} pages")
    else:
        for i, job in enumerate(jobs, 1):
            key, text = _extract_one(job)
            out[key] = text
            if i % 20 == 0 or i == len(jobs):
                log(f"html-extraction: {i}/{len(jobs)} pages")
    return out


@scorer("html-extraction")
def score(ctx: EvalContext) -> EvalResult:
    folder = ctx.dataset(DATASET)
    truth_files = [p for p in ctx.files(DATASET, "ground-truth*.json") if p.parent == folder]
    if not truth_files:
        raise DataError(f"no ground-truth.{ctx.split}.json in {folder}")
    gold_items = load_json(truth_files[0])
    limit = ctx.options.get("limit")
    if limit:
        gold_items = dict(list(gold_items.items())[: int(limit)])
    gold = {k: (v or {}).get("articleBody") or "" for k, v in gold_items.items()}
    tool = ctx.options.get("tool")
    if tool:
        log(f"html-extraction: scoring shipped output of {tool} on {len(gold)} pages")
        predicted = tool_bodies(folder, tool, ctx.split)
    else:
        import os

        workers = int(ctx.options.get("workers") or min(2, os.cpu_count() or 1))
        log(f"html-extraction: extracting {len(gold)} pages ({ctx.split}) with {workers} worker(s)")
        predicted = eventwire_bodies(folder, gold_items, workers)
    metrics = score_bodies(gold, predicted)
    rows: list[tuple[str, str]] = []
    for ref in REFERENCE_TOOLS:
        try:
            ref_m = score_bodies(gold, tool_bodies(folder, ref, ctx.split))
        except DataError:
            continue
        rows.append((f"{ref} (shipped output) f1", f"{ref_m['f1']:.3f}"))
    return EvalResult(dataset=DATASET, split=ctx.split, n=len(gold), metrics=metrics, rows=rows)
