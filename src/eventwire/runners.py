"""Runners: the local process pool (the Dask runner in dask_runner.py has the same contract).

A runner takes raw Articles and yields processed ones, in input order. Workers load the NLP model
once each (in the initializer), never per article.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator

from .model import Article
from .pipeline import PipelineConfig, build

_CONFIG: PipelineConfig | None = None


def _init(config: PipelineConfig) -> None:
    global _CONFIG
    _CONFIG = config
    from .blas import set_threads

    set_threads(1)  # one BLAS thread per worker process
    build(config)  # load models once per worker
    if config.nlp == "default":
        from . import nlp

        nlp.backend("default")


def _work(article: Article) -> Article:
    assert _CONFIG is not None
    return build(_CONFIG).process(article)


def run_local(articles: Iterable[Article], config: PipelineConfig, workers: int = 1) -> Iterator[Article]:
    """Processed articles in input order; ``workers`` > 1 uses a process pool."""
    if workers <= 1:
        pipeline = build(config)
        for a in articles:
            yield pipeline.process(a)
        return
    ctx = mp.get_context("fork")  # workers inherit the loaded dictionaries; each loads the model at most once
    with ctx.Pool(workers, initializer=_init, initargs=(config,)) as pool:
        yield from pool.imap(_work, articles, chunksize=2)
