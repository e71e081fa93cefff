"""Tables that clustering derives from the stored articles and reports (migration 0002).

They hold caches that can always be rebuilt from the articles and reports: an article's MinHash
signature, its near-duplicate group, and a report's evidence embedding. They have their own
MetaData so that migration 0001 (which creates ``schema.metadata``) stays as it was.
"""
from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, LargeBinary, MetaData, String, Table

metadata = MetaData()

article_signatures = Table(
    "article_signatures", metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("num_perm", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),  # num_perm little-endian uint64 (datasketch affine32)
)

article_links = Table(
    "article_links", metadata,
    Column("article_id", String(64), ForeignKey("articles.id"), primary_key=True),
    Column("copy_of", String(64), nullable=False),  # smallest article id of its near-duplicate group
    Column("similarity", Float, nullable=False),  # estimated Jaccard with copy_of
)

report_vectors = Table(
    "report_vectors", metadata,
    Column("report_id", String(64), ForeignKey("reports.id"), primary_key=True),
    Column("model", String(64), nullable=False),
    Column("dim", Integer, nullable=False),
    Column("vector", LargeBinary, nullable=False),  # dim little-endian float16 values, unit length
)
