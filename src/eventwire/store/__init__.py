"""The store: SQLite by default (WAL), PostgreSQL for teams; one schema, migrated by Alembic.

Every write that belongs together happens in one transaction: an article with its reports, or a
whole re-clustering of events. A run killed at any point leaves the store as if the unfinished
article had never been seen; the next run picks it up.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import NotFoundError, StoreError
from ..cluster import event_day
from ..model import Article, Event, Report, from_dict, to_dict
from . import schema as t
from .caches import ClusterCaches


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def url_for(db: str) -> str:
    """A SQLAlchemy URL from a path or URL."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Store(ClusterCaches):
    def __init__(self, db: str):
        self.url = url_for(db)
        try:
            self.engine: Engine = create_engine(self.url, future=True)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(f"cannot open store {db!r}: {exc}; pass a path or a SQLAlchemy URL with --db") from exc
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    def migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        try:
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        except OperationalError as exc:
            raise StoreError(f"cannot open or migrate store {self.url}: {exc.orig}") from exc

    # -- runs ------------------------------------------------------------------------------------
    def start_run(self, *, command: str, pipeline_version: str, model_version: str, dictionaries_version: str) -> int:
        with self.engine.begin() as c:
            res = c.execute(insert(t.runs).values(started_at=now(), status="running", command=command,
                                                  pipeline_version=pipeline_version, model_version=model_version,
                                                  dictionaries_version=dictionaries_version))
            return int(res.inserted_primary_key[0])

    def finish_run(self, run_id: int, counts: dict[str, Any], status: str = "done") -> None:
        with self.engine.begin() as c:
            c.execute(update(t.runs).where(t.runs.c.id == run_id).values(finished_at=now(), status=status,
                                                                          counts=dumps(counts)))

    def runs(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(t.runs).order_by(t.runs.c.id))]

    # -- articles and reports --------------------------------------------------------------------
    def known_raw(self, raw_sha256: str) -> bool:
        with self.engine.connect() as c:
            row = c.execute(select(t.articles.c.id).where(t.articles.c.raw_sha256 == raw_sha256).limit(1)).first()
            return row is not None

    def add_article(self, article: Article, run_id: int) -> bool:
        """Store an article with its reports in one transaction; False when it was already known."""
        article_id = article.id or f"raw:{article.raw_sha256}"
        data = {"meta": article.meta, "notes": article.notes, "timezone": article.timezone,
                "nlp_backend": article.nlp_backend,
                "paragraphs": [[p.start, p.end] for p in article.paragraphs],
                "sentences": [[s.start, s.end] for s in article.sentences],
                "mentions": [to_dict(m) for m in article.mentions]}
        with self.engine.begin() as c:
            if c.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first():
                return False
            c.execute(insert(t.articles).values(
                id=article_id, raw_sha256=article.raw_sha256, locator=article.locator, kind=article.kind,
                title=article.title, url=article.url,
                published=article.published.isoformat() if article.published else None,
                published_basis=article.published_basis, outlet=article.outlet, language=article.language,
                text=article.text, raw=article.raw, data=dumps(data), skipped=article.skipped or None, run_id=run_id))
            for r in article.reports:
                c.execute(insert(t.reports).values(
                    id=r.id, article_id=article_id, sub_event_type=r.sub_event_type,
                    event_date=event_day(r.date).isoformat() if event_day(r.date) else None,
                    confidence=r.confidence, data=dumps(to_dict(r))))
        return True

    def article(self, article_id: str) -> dict[str, Any]:
        with self.engine.connect() as c:
            row = c.execute(select(t.articles).where(t.articles.c.id == article_id)).first()
        if row is None:
            raise NotFoundError(f"no article {article_id}")
        out = dict(row._mapping)
        out["data"] = json.loads(out["data"])
        return out

    def articles_meta(self) -> dict[str, dict[str, Any]]:
        """Per stored article: title, url, outlet, published, locator, raw hash, source_scale, affiliation."""
        cols = [t.articles.c.id, t.articles.c.title, t.articles.c.url, t.articles.c.outlet, t.articles.c.published,
                t.articles.c.locator, t.articles.c.raw_sha256, t.articles.c.data]
        out: dict[str, dict[str, Any]] = {}
        links = self.links()
        with self.engine.connect() as c:
            for r in c.execute(select(*cols).where(t.articles.c.skipped.is_(None))):
                row = dict(r._mapping)
                meta = json.loads(row.pop("data")).get("meta", {})
                row["source_scale"] = meta.get("source_scale", "")
                row["affiliation"] = meta.get("affiliation", "")
                row["copy_of"] = links.get(row["id"], row["id"])  # near-duplicate group (eventwire.dedup)
                out[row["id"]] = row
        return out

    def evidence(self, reports: list[Report]) -> dict[str, list[str]]:
        """The verbatim evidence sentences of each report, cut from its stored article text."""
        ids = sorted({r.article_id for r in reports})
        with self.engine.connect() as c:
            texts = {r.id: r.text or "" for r in c.execute(select(t.articles.c.id, t.articles.c.text).where(t.articles.c.id.in_(ids)))}
        return {r.id: [texts.get(r.article_id, "")[s.start:s.end] for s in r.evidence] for r in reports}

    def skipped(self) -> list[dict[str, Any]]:
        cols = [t.articles.c.id, t.articles.c.locator, t.articles.c.kind, t.articles.c.skipped, t.articles.c.raw_sha256]
        with self.engine.connect() as c:
            q = select(*cols).where(t.articles.c.skipped.is_not(None)).order_by(t.articles.c.locator)
            return [dict(r._mapping) for r in c.execute(q)]

    def reports(self) -> list[Report]:
        with self.engine.connect() as c:
            rows = c.execute(select(t.reports.c.data).order_by(t.reports.c.id)).all()
        return [from_dict(Report, json.loads(r.data)) for r in rows]

    def counts(self) -> dict[str, int]:
        from sqlalchemy import func

        with self.engine.connect() as c:
            n = lambda q: int(c.execute(q).scalar() or 0)  # noqa: E731
            return {"articles": n(select(func.count()).select_from(t.articles).where(t.articles.c.skipped.is_(None))),
                    "skipped": n(select(func.count()).select_from(t.articles).where(t.articles.c.skipped.is_not(None))),
                    "reports": n(select(func.count()).select_from(t.reports)),
                    "events": n(select(func.count()).select_from(t.events))}

    # -- events ----------------------------------------------------------------------------------
    def replace_events(self, new_events: list[Event], version: str) -> dict[str, int]:
        """Write a full re-clustering in one transaction, touching only events that changed.

        Events first inherit the ids of the stored events they overlap most (cluster_events.assign_ids),
        so an event that gains a report is updated, not renamed; ids left over are redirected
        ("merged" into the event that holds their reports, else "retired").
        """
        from hashlib import sha256

        from ..cluster_events import assign_ids

        stamp = now()
        changed = {"created": 0, "updated": 0, "retired": 0, "merged": 0, "unchanged": 0}
        with self.engine.begin() as c:
            members: dict[str, set[str]] = {}
            for r in c.execute(select(t.event_reports.c.event_id, t.event_reports.c.report_id)):
                members.setdefault(r.event_id, set()).add(r.report_id)
            assign_ids(new_events, members)
            old = {r.id: r.fingerprint for r in c.execute(select(t.events.c.id, t.events.c.fingerprint))}
            keep = set()
            for ev in new_events:
                body = to_dict(ev)
                body.pop("pipeline_version", None)
                fp = sha256(dumps(body).encode()).hexdigest()
                ev.pipeline_version = version
                day = event_day(ev.date)
                row = dict(event_date=day.isoformat() if day else None,
                           sub_event_type=ev.sub_event_type, country=ev.place.country if ev.place else None,
                           n_sources=ev.n_sources, fingerprint=fp, data=dumps(to_dict(ev)))
                keep.add(ev.id)
                if ev.id not in old:
                    c.execute(insert(t.events).values(id=ev.id, version=version, created_at=stamp, updated_at=stamp, **row))
                    c.execute(insert(t.event_changes).values(event_id=ev.id, change="created", at=stamp))
                    changed["created"] += 1
                elif old[ev.id] != fp:
                    c.execute(update(t.events).where(t.events.c.id == ev.id).values(version=version, updated_at=stamp, **row))
                    c.execute(delete(t.event_reports).where(t.event_reports.c.event_id == ev.id))
                    c.execute(insert(t.event_changes).values(event_id=ev.id, change="updated", at=stamp))
                    changed["updated"] += 1
                else:
                    changed["unchanged"] += 1
                    continue
                for rid in ev.report_ids:
                    c.execute(insert(t.event_reports).values(event_id=ev.id, report_id=rid))
            successor = {rid: ev.id for ev in new_events for rid in ev.report_ids}
            for gone in set(old) - keep:
                rids = [r.report_id for r in c.execute(select(t.event_reports.c.report_id).where(t.event_reports.c.event_id == gone))]
                new_id = next((successor[r] for r in rids if r in successor), None)
                reason = "merged" if new_id else "retired"
                c.execute(delete(t.event_reports).where(t.event_reports.c.event_id == gone))
                c.execute(delete(t.events).where(t.events.c.id == gone))
                c.execute(delete(t.event_redirects).where(t.event_redirects.c.old_id == gone))
                c.execute(insert(t.event_redirects).values(old_id=gone, new_id=new_id, reason=reason, at=stamp))
                c.execute(insert(t.event_changes).values(event_id=gone, change=reason, at=stamp, detail=new_id))
                changed[reason] += 1
        return changed

    def events(self) -> list[Event]:
        with self.engine.connect() as c:
            rows = c.execute(select(t.events.c.data).order_by(t.events.c.event_date, t.events.c.id)).all()
        return [from_dict(Event, json.loads(r.data)) for r in rows]

    def event_times(self) -> dict[str, tuple[str, str]]:
        """(created_at, updated_at) per event id."""
        with self.engine.connect() as c:
            q = select(t.events.c.id, t.events.c.created_at, t.events.c.updated_at)
            return {r.id: (r.created_at, r.updated_at) for r in c.execute(q)}

    def event(self, event_id: str) -> tuple[Event, str]:
        """The event, following redirects; the second value names the redirect taken ('' when none)."""
        seen, note = set(), ""
        with self.engine.connect() as c:
            while event_id not in seen:
                seen.add(event_id)
                row = c.execute(select(t.events.c.data).where(t.events.c.id == event_id)).first()
                if row is not None:
                    return from_dict(Event, json.loads(row.data)), note
                red = c.execute(select(t.event_redirects).where(t.event_redirects.c.old_id == event_id)).first()
                if red is None or red.new_id is None:
                    break
                note = f"{event_id} was {red.reason} into {red.new_id}"
                event_id = red.new_id
        raise NotFoundError(f"no event {event_id}; list ids with `eventwire events`")

    def changes(self, since: str) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            q = select(t.event_changes).where(t.event_changes.c.at >= since).order_by(t.event_changes.c.id)
            return [dict(r._mapping) for r in c.execute(q)]

    def reports_by_id(self, ids: list[str]) -> list[Report]:
        with self.engine.connect() as c:
            rows = c.execute(select(t.reports.c.data).where(t.reports.c.id.in_(ids)).order_by(t.reports.c.id)).all()
        return [from_dict(Report, json.loads(r.data)) for r in rows]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
