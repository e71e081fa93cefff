"""Clustering speed and memory: 100k reports with precomputed embeddings, against a floor from the same run.

Synthetic but shaped like real coverage: incidents spread over a year at 100k reports (and over
proportionally fewer days for smaller sizes, so the density per town and day stays the same), 40 towns in 4 countries,
three ACLED disorder families, 1-6 reports per incident (different outlets, figures, a day apart)
with embeddings near the incident's own vector. Each size runs in a fresh process so that the
peak RSS growth is its own. The floor is what any clustering of these reports must pay: sorting
them into blocks and one pass of dot products over all report vectors.

    python benchmarks/bench_cluster.py            # 25k, 50k, 100k
    python benchmarks/bench_cluster.py 100000     # one size

The issue's target (100k reports < 60 s on this 2-core machine) is printed next to the floor.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

import numpy as np

SIZES = (25_000, 50_000, 100_000)
TOWNS = [("SYR", "Aleppo", 36.2, 37.16), ("SYR", "Idlib", 35.93, 36.63), ("IRQ", "Mosul", 36.34, 43.13),
         ("SOM", "Mogadishu", 2.04, 45.34)]
SUBS = ["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack", "Peaceful protest",
        "Remote explosive/landmine/IED"]


def synth(n: int, seed: int = 7):
    from datetime import date, timedelta

    from eventwire.extract import taxonomy
    from eventwire.model import Actor, DateSpan, Place, Report

    rng = np.random.default_rng(seed)
    towns = [Place(geonameid=f"{c}-{k}-{i}", name=f"{name} {i}", lat=lat + (i % 5) * 0.4, lon=lon + (i // 5) * 0.4,
                   feature="city", admin1=f"{name} province", country=c, iso3=c)
             for c, name, lat, lon in TOWNS for i in range(10) for k in [0]]
    actors = [Actor(id=f"a{i}", name=f"Actor {i}") for i in range(30)]
    reports, vectors = [], {}
    start = date(2020, 1, 1)
    span = max(1, round(365 * n / 100_000))  # constant density: more reports cover more days
    k = 0
    while len(reports) < n:
        base = rng.standard_normal(384).astype(np.float32)
        sub = SUBS[int(rng.integers(len(SUBS)))]
        row = taxonomy.SUB_TYPES[sub]
        town = towns[int(rng.integers(len(towns)))]
        day = start + timedelta(days=int(rng.integers(span)))
        a1, a2 = actors[int(rng.integers(30))], actors[int(rng.integers(30))]
        dead = int(rng.integers(0, 60))
        for m in range(int(rng.integers(1, 7))):
            d = day + timedelta(days=int(rng.integers(0, 2)) if m else 0)
            rid = f"r{k:07d}-{m}"
            reports.append(Report(id=rid, article_id=f"art{k}-{m}", event_type=row.event_type, sub_event_type=sub,
                                  disorder_type=row.disorder, trigger="x", evidence=[], sentence="",
                                  actor1=a1, actor2=a2 if m % 2 else None, place=town, geo_precision=1,
                                  date=DateSpan(d, d, 1), fatalities=max(0, dead + int(rng.integers(-5, 6))),
                                  confidence=0.8))
            v = base + 0.6 * rng.standard_normal(384).astype(np.float32)
            vectors[rid] = v / np.linalg.norm(v)
        k += 1
    return reports[:n], vectors


def floor(reports, vectors) -> float:
    t = time.perf_counter()
    keys = np.array([hash((r.disorder_type, r.place.iso3)) for r in reports])
    days = np.array([r.date.earliest.toordinal() for r in reports])
    np.lexsort((days, keys))
    mat = np.stack([vectors[r.id] for r in reports])
    (mat * mat).sum(1)
    return time.perf_counter() - t


def one(n: int) -> dict[str, float]:
    from eventwire.cluster import cluster

    reports, vectors = synth(n)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fl = floor(reports, vectors)
    t = time.perf_counter()
    events = cluster(reports, {}, vectors)
    took = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"reports": n, "events": len(events), "seconds": round(took, 2), "floor_seconds": round(fl, 3),
            "ratio_to_floor": round(took / fl, 1), "rss_growth_mb": round((peak - base) / 1024, 1)}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(one(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, env=env,
                             check=True).stdout.strip().splitlines()[-1]
        rows.append(json.loads(out))
        print(json.dumps(rows[-1]), flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        scale = b["reports"] / a["reports"]
        print(json.dumps({"time_growth_per_size_growth": round(b["seconds"] / a["seconds"] / scale, 2),
                          "memory_growth_per_size_growth": round(b["rss_growth_mb"] / max(a["rss_growth_mb"], 1) / scale, 2),
                          "target": "100k reports < 60 s on 2 cores"}))


if __name__ == "__main__":
    main()
