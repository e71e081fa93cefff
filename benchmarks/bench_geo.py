"""Geoparser speed and memory, as ratios against a floor measured in the same run.

Run: ``.venv/bin/python benchmarks/bench_geo.py [--data DIR]`` (not collected by pytest).

* floor: a plain ``dict`` lookup loop over the same mention strings (what any resolver must at least do);
* resolve: ``resolve_places`` on the gold spans of each dev document (median ms per article, and the
  ratio of per-mention cost to the floor);
* detect: ``find_place_mentions`` per article;
* the index build time (only when ``--build`` is given, since it takes ~35 s) and peak RSS.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from pathlib import Path

DATASETS = ("lgl", "trnews", "geowebnews", "geovirus")


def load(data: Path) -> list[tuple[str, list[tuple[int, int]]]]:
    docs = []
    for ds in DATASETS:
        with (data / ds / "toponyms.dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                spans = [(t["start"], t["end"]) for t in d["toponyms"] if t.get("lat") is not None]
                docs.append((d["text"], spans))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=Path("../shared/data/external"))
    parser.add_argument("--build", action="store_true", help="also time a forced index build")
    args = parser.parse_args()

    from eventwire.gazetteer.build import build

    if args.build:
        t0 = time.perf_counter()
        _paths, stats = build(force=True)
        print(f"index build: {time.perf_counter() - t0:.1f} s, {stats}")

    from eventwire.resolve.places import find_place_mentions, resolve_places

    docs = load(args.data)
    names = [text[a:b] for text, spans in docs for a, b in spans]
    table = {n: i for i, n in enumerate(set(names))}

    # floor: a dict lookup per mention
    t0 = time.perf_counter()
    for _ in range(20):
        for n in names:
            table.get(n)
    floor_per_mention = (time.perf_counter() - t0) / (20 * len(names))

    t0 = time.perf_counter()
    resolve_places(docs[0][0], docs[0][1])  # first use opens the index
    open_s = time.perf_counter() - t0

    cold = []
    for text, spans in docs:  # first pass: cold per-name caches
        t0 = time.perf_counter()
        resolve_places(text, spans)
        cold.append((time.perf_counter() - t0) * 1000)
    warm = []
    for text, spans in docs:
        t0 = time.perf_counter()
        resolve_places(text, spans)
        warm.append((time.perf_counter() - t0) * 1000)
    detect = []
    for text, _spans in docs:
        t0 = time.perf_counter()
        find_place_mentions(text)
        detect.append((time.perf_counter() - t0) * 1000)

    per_mention = sum(cold) / 1000 / max(1, len(names))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(docs)}, mentions {len(names)}")
    print(f"floor (dict lookup): {floor_per_mention * 1e9:.0f} ns per mention")
    print(f"open index: {open_s * 1000:.0f} ms")
    print(f"resolve, first pass: median {statistics.median(cold):.2f} ms/article, total {sum(cold) / 1000:.1f} s, "
          f"{per_mention * 1e6:.0f} us/mention = {per_mention / floor_per_mention:.0f}x floor")
    print(f"resolve, warm caches: median {statistics.median(warm):.2f} ms/article")
    print(f"detect (Aho-Corasick + rules): median {statistics.median(detect):.2f} ms/article")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
