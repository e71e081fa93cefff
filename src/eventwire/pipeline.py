"""The per-article pipeline: stages that take an Article and return it annotated, spaCy-style.

A stage declares what it reads and writes and holds no store or engine, so that the local
process pool and the Dask runner run the very same pipeline. The error policy: a stage failure
marks the article ``skipped = "<stage>: <reason>"`` and the run goes on; nothing vanishes.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from . import __version__
from .errors import EventwireError, StageError
from .model import Article

PIPELINE_VERSION = __version__


class Stage(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


@dataclass(frozen=True)
class PipelineConfig:
    """Everything a worker needs to rebuild the pipeline (picklable)."""

    nlp: str = "default"
    actors_file: str = ""  # a user's extra actors (``run --actors FILE``)


class CleanStage:
    name, reads, writes = "clean", ("body", "title", "meta"), ("text", "paragraphs", "id", "published", "language")

    def __call__(self, article: Article) -> Article:
        from .clean import clean

        return clean(article)


class SourceStage:
    name, reads, writes = "sources", ("url", "outlet", "body"), ("outlet", "meta")

    def __call__(self, article: Article) -> Article:
        from .resolve import sources

        outlet = sources.outlet_for(url=article.url, name=article.outlet, text=article.body)
        if outlet is not None:
            article.outlet = outlet.name
            article.meta.update({"source_scale": outlet.source_scale, "affiliation": outlet.affiliation})
            if not article.timezone and getattr(outlet, "timezone", ""):
                article.timezone = outlet.timezone
        return article


class NlpStage:
    reads, writes = ("text", "paragraphs"), ("sentences", "tokens", "mentions")

    def __init__(self, backend: str):
        self.backend = backend
        self.name = "nlp"

    def __call__(self, article: Article) -> Article:
        from . import nlp

        return nlp.annotate(article, self.backend)


class ExtractStage:
    name, reads, writes = "extract", ("sentences", "tokens", "mentions", "published"), ("reports",)

    def __init__(self, actors_file: str = ""):
        self.actors_file = actors_file

    def __call__(self, article: Article) -> Article:
        from .extract.events import extract
        from .resolve import actors

        dictionary = actors.load(Path(self.actors_file)) if self.actors_file else actors.load()
        article.reports = extract(article, dictionary)
        return article


class EmbedStage:
    """Embeds each report's evidence sentence once, in the worker, so clustering never waits for it."""

    name, reads, writes = "embed", ("reports",), ("vectors",)

    def __call__(self, article: Article) -> Article:
        from .cluster import embed_reports, report_text

        if article.reports:
            vecs, _ = embed_reports([report_text(r) for r in article.reports])
            if vecs is not None:  # without the model, clustering falls back to lexical similarity
                article.vectors = {r.id: v for r, v in zip(article.reports, vecs)}
        return article


class Pipeline:
    def __init__(self, stages: list[Stage]):
        self.stages = stages

    def process(self, article: Article) -> Article:
        if article.skipped:
            return article
        for stage in self.stages:
            try:
                article = stage(article)
            except StageError as exc:
                article.skipped = str(exc)
            except EventwireError as exc:
                article.skipped = f"{stage.name}: {exc}"
            except (ValueError, KeyError, IndexError, TypeError, AttributeError, RuntimeError, OSError,
                    UnicodeError, MemoryError, RecursionError) as exc:
                article.skipped = f"{stage.name}: {type(exc).__name__}: {exc}"
            if article.skipped:
                article.reports = []
                break
        return article


@lru_cache(maxsize=4)
def build(config: PipelineConfig) -> Pipeline:
    return Pipeline([CleanStage(), SourceStage(), NlpStage(config.nlp), ExtractStage(config.actors_file), EmbedStage()])


def process(article: Article, config: PipelineConfig = PipelineConfig()) -> Article:
    return build(config).process(article)


def article_from_text(text: str, *, published: date | None = None, title: str = "", outlet: str = "",
                      locator: str = "text") -> Article:
    """An Article from a plain string, for scorers and tests."""
    raw = text.encode("utf-8")
    return Article(locator=locator, kind="txt", raw=raw, raw_sha256=hashlib.sha256(raw).hexdigest(),
                   title=title, outlet=outlet, body=text, published=published,
                   published_basis="option" if published else "")


def versions(config: PipelineConfig) -> dict[str, str]:
    """Versions recorded with every run: pipeline, model, dictionaries."""
    data = Path(__file__).parent / "data"
    digest = hashlib.sha256()
    for p in sorted(data.rglob("*")):
        if p.is_file():
            digest.update(p.name.encode())
            digest.update(p.read_bytes())
    if config.actors_file:
        digest.update(Path(config.actors_file).read_bytes())
    model = "rules"
    if config.nlp == "default":
        from . import nlp

        model = nlp.model_name()  # the workers load the model; the parent only records its name
    return {"pipeline": PIPELINE_VERSION, "model": model, "dictionaries": digest.hexdigest()[:16]}
