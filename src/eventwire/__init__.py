"""eventwire: news reports about armed conflict in, an auditable event dataset out."""

__version__ = "0.1.0"
