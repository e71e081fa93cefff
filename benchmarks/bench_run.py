"""Throughput and memory of `eventwire run`, as ratios against floors measured in the same run.

Floors: (1) reading the same articles and hashing their text (I/O floor); (2) spaCy's tokenizer alone over the
same texts (the cheapest NLP pass). The full run is reported as seconds, articles/s per core, peak RSS, and as
multiples of both floors, with 1 and with 2 workers.

    .venv/bin/python benchmarks/bench_run.py [INPUT]   # default: FA-KES dev from $EVENTWIRE_SHARED
"""
from __future__ import annotations

import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = Path(sys.executable).parent / "eventwire"


def floors(path: str) -> tuple[int, float, float]:
    from eventwire.ingest import IngestOptions, read_inputs

    t = time.perf_counter()
    arts = list(read_inputs([path], IngestOptions()))
    for a in arts:
        hashlib.sha256(" ".join(a.body.split()).encode()).hexdigest()
    io_floor = time.perf_counter() - t
    import spacy

    tok = spacy.blank("en").tokenizer
    t = time.perf_counter()
    for a in arts:
        tok(a.body)
    return len(arts), io_floor, time.perf_counter() - t


def timed_run(path: str, workers: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        subprocess.run([str(EXE), "run", path, "--workers", str(workers), "--db", f"{tmp}/b.db"], check=True,
                       capture_output=True, env=os.environ.copy())
        wall = time.perf_counter() - t
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return wall, peak


def main() -> None:
    shared = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
    path = sys.argv[1] if len(sys.argv) > 1 else str(shared / "data/external/fakes/FA-KES-Dataset.dev.csv")
    n, io_floor, tok_floor = floors(path)
    result: dict[str, object] = {"input": path, "articles": n, "io_floor_s": round(io_floor, 3),
                                 "tokenizer_floor_s": round(tok_floor, 3)}
    for workers in (1, 2):
        wall, peak = timed_run(path, workers)
        result[f"workers_{workers}"] = {"wall_s": round(wall, 1), "peak_rss_mb_largest_process": round(peak),
                                        "articles_per_s_per_core": round(n / wall / workers, 2),
                                        "x_io_floor": round(wall / io_floor, 1), "x_tokenizer_floor": round(wall / tok_floor, 1)}
    print(json.dumps(result, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_run.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
