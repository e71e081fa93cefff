"""The store's tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL.

Objects are kept whole as JSON in ``data`` columns, with the fields that queries filter on
copied into their own indexed columns.
"""
from __future__ import annotations

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text,
                        UniqueConstraint)

metadata = MetaData()

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("status", String(16), nullable=False),  # running | done | failed
    Column("pipeline_version", String(64), nullable=False),
    Column("model_version", String(128), nullable=False),
    Column("dictionaries_version", String(64), nullable=False),
    Column("command", Text, nullable=False),
    Column("counts", Text),  # JSON
)

articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),  # hash of the cleaned text; "raw:<sha256>" when skipped before cleaning
    Column("raw_sha256", String(64), nullable=False, index=True),
    Column("locator", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("published", String(10)),
    Column("published_basis", String(16)),
    Column("outlet", Text),
    Column("language", String(8)),
    Column("text", Text),
    Column("raw", LargeBinary),
    Column("data", Text, nullable=False),  # JSON: meta, notes, paragraphs, sentences, mentions, nlp backend
    Column("skipped", Text),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
)

reports = Table(
    "reports", metadata,
    Column("id", String(64), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("sub_event_type", String(64), nullable=False),
    Column("event_date", String(10)),
    Column("confidence", Float, nullable=False),
    Column("data", Text, nullable=False),  # JSON of the Report
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("event_date", String(10), index=True),
    Column("sub_event_type", String(64), nullable=False),
    Column("country", Text),
    Column("n_sources", Integer, nullable=False),
    Column("version", String(64), nullable=False),  # pipeline version that produced it
    Column("fingerprint", String(64), nullable=False),  # hash of ``data``: changes only when the event changes
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("data", Text, nullable=False),  # JSON of the Event
)

event_reports = Table(
    "event_reports", metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("report_id", String(64), ForeignKey("reports.id"), primary_key=True),
)

event_redirects = Table(
    "event_redirects", metadata,
    Column("old_id", String(64), primary_key=True),
    Column("new_id", String(64)),  # None: retired with no successor
    Column("reason", String(16), nullable=False),  # merged | retired
    Column("at", String(32), nullable=False),
)

event_changes = Table(
    "event_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False, index=True),
    Column("change", String(16), nullable=False),  # created | updated | merged | retired
    Column("at", String(32), nullable=False, index=True),
    Column("detail", Text),
    UniqueConstraint("event_id", "change", "at"),
)

Index("ix_reports_date_type", reports.c.event_date, reports.c.sub_event_type)
