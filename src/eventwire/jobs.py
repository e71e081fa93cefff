"""The main job: inputs in, articles and reports stored, events re-clustered.

Each article is committed with its reports in one transaction as soon as it is processed, so a
killed run loses at most the articles in flight; events are rebuilt from all stored reports at the
end in one transaction. Running the same input twice stores nothing new and changes no event.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from . import cluster
from .cluster import EMBEDDING_MODEL
from .ingest import IngestOptions, read_inputs
from .model import Article
from .pipeline import PipelineConfig, versions
from .runners import run_local
from .store import Store


@dataclass
class RunSummary:
    read: int = 0
    stored: int = 0
    known: int = 0
    skipped: int = 0
    skip_reasons: Counter[str] = field(default_factory=Counter)
    reports: int = 0
    events: int = 0
    event_changes: dict[str, int] = field(default_factory=dict)
    run_id: int = 0

    def as_dict(self) -> dict[str, object]:
        return {"read": self.read, "stored": self.stored, "known": self.known, "skipped": self.skipped,
                "skip_reasons": dict(self.skip_reasons), "reports": self.reports, "events": self.events,
                "event_changes": self.event_changes}


def _reason_class(reason: str) -> str:
    """'ingest: malformed JSON on line 3: …' -> 'ingest: malformed JSON' (for counting)."""
    head = reason.split(" on line")[0].split(" (")[0]
    return head[:80]


def run_job(inputs: list[str], *, store: Store, options: IngestOptions, config: PipelineConfig, workers: int = 1,
            command: str = "run", progress: Callable[[Article], None] | None = None, runner: str = "local",
            scheduler: str = "") -> RunSummary:
    v = versions(config)
    summary = RunSummary()
    summary.run_id = store.start_run(command=command, pipeline_version=v["pipeline"], model_version=v["model"],
                                     dictionaries_version=v["dictionaries"])
    fresh = _unseen(read_inputs(inputs, options), store, summary)
    try:
        if runner == "dask":
            from .dask_runner import run_dask

            processed = run_dask(fresh, config, workers=workers, scheduler=scheduler)
        else:
            processed = run_local(fresh, config, workers)
        for article in processed:
            if progress:
                progress(article)
            if article.skipped:
                summary.skipped += 1
                summary.skip_reasons[_reason_class(article.skipped)] += 1
            if store.add_article(article, summary.run_id):
                if not article.skipped:
                    summary.stored += 1
                    summary.reports += len(article.reports)
                if article.vectors:
                    store.save_vectors(article.vectors, EMBEDDING_MODEL)
            elif not article.skipped:
                summary.known += 1
        events, summary.event_changes = cluster.recluster(store, v["pipeline"])
        summary.events = len(events)
    except BaseException:
        store.finish_run(summary.run_id, summary.as_dict(), status="failed")
        raise
    store.finish_run(summary.run_id, summary.as_dict())
    return summary


def _unseen(articles: Iterator[Article], store: Store, summary: RunSummary) -> Iterator[Article]:
    """Count every input; pass on only those whose raw bytes the store has not seen."""
    for a in articles:
        summary.read += 1
        if a.raw_sha256 and store.known_raw(a.raw_sha256):
            summary.known += 1
            continue
        yield a
