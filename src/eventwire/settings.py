"""Every setting in one table: name, default, help. Read from the environment.

``docs/settings.md`` is generated from this table and a test keeps it complete.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("EVENTWIRE_DB", "eventwire.db", "Store used by every command without --db: a path (SQLite) or a SQLAlchemy URL."),
    Setting("EVENTWIRE_SHARED", "../shared", "Folder holding data/external (evaluation sets), data/seed-gold.json and seeds/."),
    Setting("EVENTWIRE_NLP", "default", "NLP backend: 'default' (spaCy + pinned English model) or 'rules' (no weights)."),
    Setting("EVENTWIRE_CACHE", "", "Cache folder for the gazetteer index; empty means the user cache dir (platformdirs)."),
    Setting("EVENTWIRE_MAX_BYTES", "20000000", "Largest input file read, in bytes; larger files are skipped with a reason."),
    Setting("EVENTWIRE_LANGUAGES", "en", "Comma-separated languages processed; other articles are skipped."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    """The value of a setting: the environment, else its default."""
    setting = _BY_NAME[name]
    value = os.environ.get(name, "")
    return value if value != "" else setting.default


def get_int(name: str) -> int:
    return int(get(name))


def shared_dir() -> Path:
    return Path(get("EVENTWIRE_SHARED"))


def cache_dir() -> Path:
    value = get("EVENTWIRE_CACHE")
    if value:
        return Path(value)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("eventwire"))
