"""Store methods for the clustering caches: signatures, near-duplicate links, report vectors."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine

from . import cluster_tables as ct
from . import schema as t

_BATCH = 500


class ClusterCaches:
    engine: Engine

    def ensure_signatures(self, signature: Callable[[str], np.ndarray]) -> int:
        """Compute and store the MinHash signature of every stored article that has none; returns how many."""
        from ..dedup import to_bytes

        with self.engine.connect() as c:
            have = select(ct.article_signatures.c.article_id)
            q = (select(t.articles.c.id, t.articles.c.title, t.articles.c.text)
                 .where(t.articles.c.skipped.is_(None), t.articles.c.id.not_in(have)).order_by(t.articles.c.id))
            todo = c.execute(q).all()
        for s in range(0, len(todo), _BATCH):
            rows = [{"article_id": r.id, "signature": to_bytes(sig := signature(r.text or "")), "num_perm": len(sig)}
                    for r in todo[s:s + _BATCH]]
            with self.engine.begin() as c:
                c.execute(insert(ct.article_signatures), rows)
        return len(todo)

    def signatures(self) -> dict[str, np.ndarray]:
        from ..dedup import from_bytes

        with self.engine.connect() as c:
            return {r.article_id: from_bytes(r.signature) for r in c.execute(select(ct.article_signatures))}

    def save_links(self, groups: dict[str, str], similarity: Callable[[str, str], float] | None = None) -> None:
        """Store the near-duplicate groups (article id -> smallest id of its group), replacing the old ones."""
        want = {a: g for a, g in groups.items() if a != g}
        with self.engine.begin() as c:
            old = {r.article_id: r.copy_of for r in c.execute(select(ct.article_links))}
            if old == want:
                return
            c.execute(delete(ct.article_links))
            if want:
                c.execute(insert(ct.article_links), [
                    {"article_id": a, "copy_of": g, "similarity": similarity(a, g) if similarity else 1.0}
                    for a, g in sorted(want.items())])

    def links(self) -> dict[str, str]:
        with self.engine.connect() as c:
            return {r.article_id: r.copy_of for r in c.execute(select(ct.article_links))}

    def reports_without_vector(self) -> set[str]:
        with self.engine.connect() as c:
            q = select(t.reports.c.id).where(t.reports.c.id.not_in(select(ct.report_vectors.c.report_id)))
            return {r.id for r in c.execute(q)}

    def save_vectors(self, vectors: dict[str, np.ndarray], model: str) -> None:
        """Store report embeddings (rounded to float16, which also makes them independent of batching noise)."""
        items = sorted(vectors.items())
        for s in range(0, len(items), _BATCH):
            rows = [{"report_id": rid, "model": model, "dim": int(v.shape[0]),
                     "vector": np.asarray(v, dtype="<f2").tobytes()} for rid, v in items[s:s + _BATCH]]
            with self.engine.begin() as c:
                c.execute(insert(ct.report_vectors), rows)

    def vectors(self) -> dict[str, np.ndarray]:
        """Report id -> unit-length float32 vector, for every report that has one."""
        out: dict[str, Any] = {}
        with self.engine.connect() as c:
            for r in c.execute(select(ct.report_vectors.c.report_id, ct.report_vectors.c.vector)):
                v = np.frombuffer(r.vector, dtype="<f2").astype(np.float32)
                n = float(np.linalg.norm(v))
                out[r.report_id] = v / n if n else v
        return out

    def event_members(self) -> dict[str, set[str]]:
        """Stored event id -> its report ids."""
        out: dict[str, set[str]] = {}
        with self.engine.connect() as c:
            for r in c.execute(select(t.event_reports.c.event_id, t.event_reports.c.report_id)):
                out.setdefault(r.event_id, set()).add(r.report_id)
        return out
