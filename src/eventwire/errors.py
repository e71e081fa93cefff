"""Typed errors. Each message says what went wrong and what to do next.

The CLI and the API translate them at the edge into one clear line (or one JSON error shape).
"""
from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    exit_code = 2


class UsageError(EventwireError):
    """The arguments cannot be used (unknown format, bad date, missing path)."""


class InputError(EventwireError):
    """An input cannot be read: missing, binary, empty, malformed. In a batch it becomes a skip."""


class StageError(EventwireError):
    """A pipeline stage could not process an article; the article is stored as skipped."""

    def __init__(self, stage: str, reason: str):
        super().__init__(f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason


class ModelIntegrityError(EventwireError):
    """NLP model weights do not match their pinned hashes."""


class StoreError(EventwireError):
    """The store cannot be opened or migrated."""


class NotFoundError(EventwireError):
    """An id or name that the store or dictionary does not know."""


class DataError(EventwireError):
    """An evaluation dataset or a data file is missing or malformed."""
