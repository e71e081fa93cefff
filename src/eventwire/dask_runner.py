"""The Dask runner: the same pipeline as the local pool, on a Dask distributed cluster.

``run_dask`` starts a local cluster (one single-threaded worker process per core asked for) unless a
scheduler address is given. Work is sent in batches; each worker builds the pipeline once (the model
loads once per worker because this code lives in an importable module, not ``__main__``). Dask
restarts dead workers and re-runs their tasks. Results come back in input order, so the stored
articles, reports and events are exactly those of the local runner.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .errors import UsageError
from .model import Article
from .pipeline import PipelineConfig, build

BATCH = 8  # articles per task: big enough to amortise scheduling, small enough to balance 2 workers


def process_batch(articles: list[Article], config: PipelineConfig) -> list[Article]:
    """Runs on a worker. ``build`` is cached per process, so the model loads once per worker."""
    from .blas import set_threads

    set_threads(1)  # one BLAS thread per worker process
    pipeline = build(config)
    return [pipeline.process(a) for a in articles]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def run_dask(articles: Iterable[Article], config: PipelineConfig, *, workers: int = 2,
             scheduler: str = "", window: int = 8) -> Iterator[Article]:
    """Processed articles in input order. At most ``window`` batches are in flight (bounded memory)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("the Dask runner needs dask[distributed]: run `make install`") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=40)
        client = Client(cluster)
    try:
        pending = []
        for batch in _batches(articles, BATCH):
            pending.append(client.submit(process_batch, batch, config, pure=False))
            if len(pending) >= window:
                yield from pending.pop(0).result()
        for fut in pending:
            yield from fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
