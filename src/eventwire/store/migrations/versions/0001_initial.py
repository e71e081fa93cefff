"""Initial schema: runs, articles, reports, events, event_reports, event_redirects, event_changes.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("model_version", sa.String(128), nullable=False),
        sa.Column("dictionaries_version", sa.String(64), nullable=False),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("counts", sa.Text),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("raw_sha256", sa.String(64), nullable=False, index=True),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("published_basis", sa.String(16)),
        sa.Column("outlet", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("text", sa.Text),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("skipped", sa.Text),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("event_date", sa.String(10)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_reports_date_type", "reports", ["event_date", "sub_event_type"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_date", sa.String(10), index=True),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("country", sa.Text),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "event_reports",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("report_id", sa.String(64), sa.ForeignKey("reports.id"), primary_key=True),
    )
    op.create_table(
        "event_redirects",
        sa.Column("old_id", sa.String(64), primary_key=True),
        sa.Column("new_id", sa.String(64)),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "event_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False, index=True),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("at", sa.String(32), nullable=False, index=True),
        sa.Column("detail", sa.Text),
        sa.UniqueConstraint("event_id", "change", "at"),
    )


def downgrade() -> None:
    for table in ("event_changes", "event_redirects", "event_reports", "events", "reports", "articles", "runs"):
        op.drop_table(table)
