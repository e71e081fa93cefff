"""The store: migrations match the schema, WAL mode, redirects of merged and retired events."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from eventwire.model import DateSpan, Event, Place
from eventwire.store import Store
from eventwire.store.schema import metadata


def _event(eid: str, reports: list[str]) -> Event:
    return Event(id=eid, report_ids=reports, event_type="Battles", sub_event_type="Armed clash",
                 disorder_type="Political violence", actor1=None, actor2=None, assoc_actor1=[], assoc_actor2=[],
                 place=Place("1", "X", 1.0, 2.0), geo_precision=1,
                 date=DateSpan(date(2020, 1, 2), date(2020, 1, 2), 1), fatalities=0, fatalities_min=0, fatalities_max=0)


def test_migrated_schema_equals_declared_schema(db: str):
    store = Store(db)
    inspector = sa.inspect(store.engine)
    for table in metadata.sorted_tables:
        migrated = {c["name"] for c in inspector.get_columns(table.name)}
        assert migrated == {c.name for c in table.columns}, table.name


def test_sqlite_runs_in_wal_mode(db: str):
    store = Store(db)
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_merged_and_retired_events_redirect(db: str, monkeypatch):
    store = Store(db)
    monkeypatch.setattr("eventwire.store.now", lambda: "2020-01-01T00:00:00Z")
    with store.engine.begin() as c:  # reports must exist for the join table
        c.execute(sa.text("insert into runs (started_at, status, pipeline_version, model_version, dictionaries_version, command) values ('x','done','v','m','d','t')"))
        c.execute(sa.text("insert into articles (id, raw_sha256, locator, kind, data, run_id) values ('a','h','l','txt','{}',1)"))
        for rid in ("r1", "r2", "r3"):
            c.execute(sa.text(f"insert into reports (id, article_id, sub_event_type, confidence, data) values ('{rid}','a','Armed clash',0.5,'{{}}')"))
    assert store.replace_events([_event("e1", ["r1"]), _event("e2", ["r2"]), _event("e3", ["r3"])], "v")["created"] == 3
    monkeypatch.setattr("eventwire.store.now", lambda: "2020-02-01T00:00:00Z")
    changes = store.replace_events([_event("e1", ["r1", "r2"])], "v")
    assert changes == {"created": 0, "updated": 1, "merged": 1, "retired": 1, "unchanged": 0}
    assert store.event("e2")[0].id == "e1" and "merged into e1" in store.event("e2")[1]
    kinds = {(c["event_id"], c["change"]) for c in store.changes("2020-02-01")}
    assert kinds == {("e1", "updated"), ("e2", "merged"), ("e3", "retired")}
    import pytest

    from eventwire.errors import NotFoundError

    with pytest.raises(NotFoundError):
        store.event("e3")
