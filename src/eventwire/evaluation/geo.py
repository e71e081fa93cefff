"""Geoparsing scorers: `eventwire eval geo-gwn|geo-lgl|geo-trnews|geo-geovirus [--gold-mentions]`.

The denominator of every accuracy is each gold toponym with coordinates. A toponym the system does
not resolve (or, end to end, does not find at exactly the gold span) counts as wrong and as an error
of 20,039 km (half the Earth's circumference) in mean_km, median_km and auc. See docs/geoparsing.md.
"""
from __future__ import annotations

import json
import math
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from . import EvalContext, EvalResult, log, prf, scorer

MAX_KM = 20039.0
_FOLDERS = {"geo-gwn": "geowebnews", "geo-lgl": "lgl", "geo-trnews": "trnews", "geo-geovirus": "geovirus"}


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
    from ..resolve.places import find_place_mentions, resolve_places

    gold_mentions = bool(ctx.options.get("gold_mentions"))
    docs = _load(ctx, _FOLDERS[ctx.name])
    gz = gazetteer()
    grid = _CountryGrid(gz)
    by_pid = {pid: cc for cc, (pid, *_rest) in gz._countries.items()}  # noqa: SLF001
    errors: list[float] = []
    hits = hits_id = exact = exact_n = cand_hits = country_ok = country_n = 0
    tp = fp = fn = 0
    started = time.perf_counter()
    per_doc_ms: list[float] = []
    for doc in docs:
        text = doc["text"]
        gold = [t for t in doc["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]
        gold_spans = [(t["start"], t["end"]) for t in gold]
        t0 = time.perf_counter()
        if gold_mentions:
            spans = gold_spans
        else:
            spans = find_place_mentions(text)
        places = resolve_places(text, spans)
        per_doc_ms.append((time.perf_counter() - t0) * 1000)
        predicted = dict(zip(spans, places))
        if not gold_mentions:
            gold_set = set(gold_spans)
            found = set(spans)
            tp += len(found & gold_set)
            fp += len(found - gold_set)
            fn += len(gold_set - found)
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
    rows = [("mentions", "gold" if gold_mentions else "eventwire (dictionary)"),
            ("seconds", f"{elapsed:.1f}"), ("median ms/document", f"{statistics.median(per_doc_ms):.2f}")]
    if not gold_mentions:
        p, r, _f = prf(tp, fp, fn)
        rows.append(("mention precision / recall", f"{p:.3f} / {r:.3f}"))
    return EvalResult(dataset=ctx.name, split=ctx.split, n=n, metrics=metrics, rows=rows)


scorer(*_FOLDERS)(score_geo)
