"""Geoparsing scorers: `eventwire eval geo-gwn|geo-lgl|geo-trnews|geo-geovirus [--gold-mentions]`.

The denominator of every accuracy is each gold toponym with coordinates. A toponym the system does
not resolve (or, end to end, does not find at exactly the gold span) counts as wrong and as an error
of 20,039 km (half the Earth's circumference) in mean_km, median_km and auc. See docs/geoparsing.md.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import statistics
import time
from collections import defaultdict
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from . import EvalContext, EvalResult, log, prf, scorer

MAX_KM = 20039.0
_FOLDERS = {"geo-gwn": "geowebnews", "geo-lgl": "lgl", "geo-trnews": "trnews", "geo-geovirus": "geovirus"}
# Whether the corpus annotates adjectival demonyms ("Russian forces", "the Syrian city of") as toponyms
# with coordinates. LGL, TR-News and GWN do (GWN's Literal_/Non_Literal_Modifier and Mixed types);
# GeoVirus annotates none of the ~130 in its dev half. People nouns ("Americans", "Nigerians") are
# never toponyms with coordinates in any of them (GWN: type Demonym, no coordinates). See docs/geoparsing.md.
_DEMONYMS = {"geo-gwn": True, "geo-lgl": True, "geo-trnews": True, "geo-geovirus": False}
_NLP: str = "default"


def _article(text: str) -> Any:
    """The text as the NLP stage sees it: offsets unchanged, paragraphs at blank lines."""
    from ..model import Article, Span

    raw = text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    pars, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        pars.append(Span(pos, m.start()))
        pos = m.end()
    pars.append(Span(pos, len(text)))
    pars = [p for p in pars if text[p.start:p.end].strip()] or [Span(0, len(text))]
    return Article(locator="geo", kind="txt", raw=raw, raw_sha256=digest, body=text, text=text,
                   id=digest[:16], paragraphs=pars, language="en")


def detect(text: str, nlp_name: str = "default", demonyms: bool = False) -> list[tuple[int, int]]:
    """eventwire's own place mentions: the NLP stage's ``place`` mentions (spaCy NER combined with the
    dictionary, or the dictionary alone with ``rules``), plus adjectival demonyms when asked."""
    from .. import nlp
    from ..resolve.places import find_demonym_mentions

    article = nlp.annotate(_article(text), nlp_name)
    spans = sorted({(m.start, m.end) for m in article.mentions if m.kind == "place"})
    if demonyms:
        spans = sorted(spans + find_demonym_mentions(text, spans))
    return spans


def _init(nlp_name: str) -> None:
    global _NLP
    from .. import nlp

    _NLP = nlp_name
    nlp.backend(nlp_name)


def _detect_and_resolve(item: tuple[str, bool]) -> tuple[list[tuple[int, int]], list[Any], float]:
    from ..resolve.places import resolve_places

    text, demonyms = item
    t0 = time.perf_counter()
    spans = detect(text, _NLP, demonyms)
    places = resolve_places(text, spans)
    return spans, places, (time.perf_counter() - t0) * 1000


class _CountryGrid:
    """Country of a point: the country of the nearest gazetteer town within 100 km ('' if none)."""

    def __init__(self, gz: Any):
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        con = gz._con()  # noqa: SLF001 - evaluation reads the same index
        for lat, lon, cc in con.execute("SELECT lat, lon, cc FROM place WHERE kind IN ('city','capital')"):
            self.cells[(math.floor(lat), math.floor(lon))].append((lat, lon, cc))

    def country(self, lat: float, lon: float, max_km: float = 100.0) -> str:
        from ..gazetteer.index import haversine

        best, best_cc = max_km, ""
        la, lo = math.floor(lat), math.floor(lon)
        for dla in (-1, 0, 1):
            for dlo in (-1, 0, 1):
                for plat, plon, cc in self.cells.get((la + dla, lo + dlo), ()):
                    d = haversine(lat, lon, plat, plon)
                    if d < best:
                        best, best_cc = d, cc
        return best_cc


def _gold_country(t: dict[str, Any], gz: Any, grid: _CountryGrid, by_pid: dict[int, str]) -> str | None:
    """ISO2 of the gold toponym's country; '' for a continent/sea; None when it cannot be told."""
    cgid = t.get("country_geonameid")
    if cgid and str(cgid).isdigit() and int(cgid) in by_pid:
        return by_pid[int(cgid)]
    gid = t.get("geonameid")
    if gid and str(gid).isdigit():
        row = gz.place(int(gid))
        if row is not None:
            return row.cc
    cc = grid.country(float(t["lat"]), float(t["lon"]))
    return cc or None


def _load(ctx: EvalContext, folder: str) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    for path in ctx.files(folder, "toponyms.*.jsonl"):
        with Path(path).open(encoding="utf-8") as fh:
            docs.extend(json.loads(line) for line in fh if line.strip())
    return docs


def score_geo(ctx: EvalContext) -> EvalResult:
    from ..gazetteer.index import gazetteer, haversine
    from ..resolve.places import resolve_places

    gold_mentions = bool(ctx.options.get("gold_mentions"))
    docs = _load(ctx, _FOLDERS[ctx.name])
    gz = gazetteer()
    grid = _CountryGrid(gz)
    by_pid = {pid: cc for cc, (pid, *_rest) in gz._countries.items()}  # noqa: SLF001
    errors: list[float] = []
    hits = hits_id = exact = exact_n = cand_hits = country_ok = country_n = 0
    tp = fp = fn = 0
    otp = ofp = 0  # overlap matching, for information only
    started = time.perf_counter()
    per_doc_ms: list[float] = []
    if gold_mentions:
        runs = []
        for doc in docs:
            t0 = time.perf_counter()
            spans = [(t["start"], t["end"]) for t in doc["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]
            runs.append((spans, resolve_places(doc["text"], spans), (time.perf_counter() - t0) * 1000))
    else:
        items = [(doc["text"], _DEMONYMS[ctx.name]) for doc in docs]
        with get_context("fork").Pool(2, initializer=_init, initargs=(ctx.nlp,)) as pool:
            runs = pool.map(_detect_and_resolve, items, chunksize=4)
    for doc, (spans, places, ms) in zip(docs, runs):
        gold = [t for t in doc["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]
        gold_spans = [(t["start"], t["end"]) for t in gold]
        per_doc_ms.append(ms)
        predicted = dict(zip(spans, places))
        if not gold_mentions:
            gold_set = set(gold_spans)
            found = set(spans)
            tp += len(found & gold_set)
            fp += len(found - gold_set)
            fn += len(gold_set - found)
            hit = {g for g in gold_set if any(s < g[1] and g[0] < e for s, e in found)}
            otp += len(hit)
            ofp += sum(1 for s, e in found if not any(s < ge and gs < e for gs, ge in gold_set))
        for t in gold:
            glat, glon = float(t["lat"]), float(t["lon"])
            gid = str(t.get("geonameid") or "")
            p = predicted.get((t["start"], t["end"]))
            err = haversine(glat, glon, p.lat, p.lon) if p is not None else MAX_KM
            same = bool(p is not None and gid and p.geonameid == gid)
            errors.append(err)
            hits += err <= 161
            hits_id += err <= 161 or same
            if gid:
                exact_n += 1
                exact += same
            cands = gz.candidates(t["mention"])
            cand_hits += any(haversine(glat, glon, c.place.lat, c.place.lon) <= 161 or c.place.gid == gid
                             for c in cands)
            gcc = _gold_country(t, gz, grid, by_pid)
            if gcc is not None:
                country_n += 1
                country_ok += p is not None and p.iso2 == gcc
    n = len(errors)
    elapsed = time.perf_counter() - started
    log(f"{ctx.name}: {len(docs)} documents, {n} toponyms, {elapsed:.1f}s "
        f"(median {statistics.median(per_doc_ms) if per_doc_ms else 0:.2f} ms per document)")
    metrics: dict[str, float | None] = {
        "acc161": hits / n if n else 0.0,
        "acc161_id": hits_id / n if n else 0.0,
        "exact_id": exact / exact_n if exact_n else None,
        "country_accuracy": country_ok / country_n if country_n else None,
        "mean_km": sum(errors) / n if n else 0.0,
        "median_km": statistics.median(errors) if n else 0.0,
        "auc": sum(math.log1p(e) for e in errors) / (n * math.log1p(MAX_KM)) if n else 0.0,
        "candidate_recall": cand_hits / n if n else 0.0,
        "mention_f1": None if gold_mentions else prf(tp, fp, fn)[2],
    }
    backend = "spaCy NER + dictionary" if ctx.nlp == "default" else f"{ctx.nlp}: dictionary"
    rows = [("mentions", "gold" if gold_mentions else f"eventwire NLP stage ({backend})"
             + (", demonyms" if not gold_mentions and _DEMONYMS[ctx.name] else "")),
            ("seconds", f"{elapsed:.1f}"), ("median ms/document", f"{statistics.median(per_doc_ms):.2f}")]
    if not gold_mentions:
        p, r, _f = prf(tp, fp, fn)
        rows.append(("mention precision / recall", f"{p:.3f} / {r:.3f}"))
        op = otp / (otp + ofp) if otp + ofp else 0.0  # overlap rule, for information only (not mention_f1)
        orr = otp / (tp + fn) if tp + fn else 0.0
        rows.append(("overlap-match P / R / F1 (information)",
                     f"{op:.3f} / {orr:.3f} / {2 * op * orr / (op + orr) if op + orr else 0.0:.3f}"))
    return EvalResult(dataset=ctx.name, split=ctx.split, n=n, metrics=metrics, rows=rows)


scorer(*_FOLDERS)(score_geo)
