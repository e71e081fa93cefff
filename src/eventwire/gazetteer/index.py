"""Query the SQLite alias index: candidates for a name, with their match tier and string similarity."""
from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from ..model import Place
from .build import ensure
from .keys import TIERS, all_keys, norm_key, strip_admin_suffix, variant_key
from .sources import CODE, DEMONYM

ADMIN_KINDS = frozenset({"adm1", "adm2", "region"})
_MIN_SKELETON_SIM = 72.0
_MAX_CANDIDATES = 60


@dataclass(frozen=True)
class PlaceRow:
    id: int
    gid: str
    name: str
    lat: float
    lon: float
    kind: str
    cc: str
    adm1: int
    adm2: int
    pop: int


@dataclass(frozen=True)
class Candidate:
    place: PlaceRow
    tier: int  # 0 exact .. 3 skeleton
    flags: int
    sim: float  # 0..1 string similarity of the query to the place's name (variant keys)
    primary: bool = True  # the query is the place's own name (not one of its alternate names)

    @property
    def demonym(self) -> bool:
        return bool(self.flags & DEMONYM)

    @property
    def code(self) -> bool:
        return bool(self.flags & CODE)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """A read-only view of one built index. Cheap to create; thread-safe for reads."""

    def __init__(self, db: Path):
        self.path = db
        self._local = threading.local()
        self._countries: dict[str, tuple[int, str, str, int]] = {
            cc: (pid, name, iso3, isonum)
            for cc, pid, name, iso3, isonum in self._con().execute("SELECT cc, pid, name, iso3, isonum FROM country")}
        self.place = lru_cache(maxsize=65536)(self._place)
        self.candidates = lru_cache(maxsize=32768)(self._candidates)

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _place(self, pid: int) -> PlaceRow | None:
        row = self._con().execute("SELECT id, gid, name, lat, lon, kind, cc, adm1, adm2, pop FROM place WHERE id=?",
                                  (pid,)).fetchone()
        if row is None:
            return None
        return PlaceRow(row[0], row[1] or "", row[2], row[3], row[4], row[5], row[6] or "", row[7] or 0,
                        row[8] or 0, row[9] or 0)

    def country_place(self, cc: str) -> PlaceRow | None:
        entry = self._countries.get(cc)
        return self.place(entry[0]) if entry else None

    def _lookup(self, name: str) -> dict[int, tuple[int, int]]:
        keys = all_keys(name)
        if not keys:
            return {}
        qtier = {k: t for k, t in keys}
        sql = f"SELECT key, pid, tier, flags FROM alias WHERE key IN ({','.join('?' * len(keys))})"
        found: dict[int, tuple[int, int]] = {}
        for key, pid, tier, flags in self._con().execute(sql, [k for k, _ in keys]):
            t = max(tier, qtier[key]) if tier < 2 else tier
            old = found.get(pid)
            if old is None or t < old[0]:
                found[pid] = (t, flags)
        return found

    def _candidates(self, name: str) -> tuple[Candidate, ...]:
        """Candidates of one name, best tier first; skeleton matches only when nothing better exists."""
        name = name.strip(" \t\n'\"‘’“”()[],.;:") if not name.endswith(".") or len(name) > 6 else name.strip()
        if not name:
            return ()
        found = self._lookup(name)
        stripped = strip_admin_suffix(name)
        admin_only: set[int] = set()
        if stripped:
            for pid, value in self._lookup(stripped).items():
                if pid not in found:
                    found[pid] = value
                    admin_only.add(pid)
        qvars = {variant_key(norm_key(name)).lstrip("="), variant_key(norm_key(stripped or name)).lstrip("=")}
        out: list[Candidate] = []
        for pid, (tier, flags) in found.items():
            row = self.place(pid)
            if row is None or (pid in admin_only and row.kind not in ADMIN_KINDS):
                continue
            pvar = variant_key(norm_key(row.name)).lstrip("=")
            pstrip = strip_admin_suffix(row.name)
            primary = pvar in qvars or bool(pstrip and variant_key(norm_key(pstrip)).lstrip("=") in qvars)
            sim = 1.0 if tier <= 1 else max(fuzz.ratio(q, pvar) for q in qvars) / 100.0
            out.append(Candidate(row, tier, flags, sim, primary))
        if not out:
            return ()
        best = min(c.tier for c in out)
        if best <= 2:
            out = [c for c in out if c.tier <= 2]
        else:
            out = [c for c in out if c.sim * 100 >= _MIN_SKELETON_SIM]
        out.sort(key=lambda c: (c.tier, -c.sim, -c.place.pop))
        return tuple(out[:_MAX_CANDIDATES])

    def to_place(self, row: PlaceRow, *, tier: int, confidence: float, text: str) -> Place:
        """A model ``Place`` for one gazetteer row, with admin and country names filled in."""
        a1 = self.place(row.adm1) if row.adm1 else None
        a2 = self.place(row.adm2) if row.adm2 else None
        _pid, cname, iso3, isonum = self._countries.get(row.cc, (0, "", "", 0))
        feature = {"adm1": "adm1", "adm2": "adm2", "country": "country", "capital": "capital",
                   "region": "region"}.get(row.kind, "city")
        return Place(geonameid=row.gid, name=row.name, lat=row.lat, lon=row.lon, feature=feature,
                     admin1=a1.name if a1 else (row.name if row.kind == "adm1" else ""),
                     admin2=a2.name if a2 else (row.name if row.kind == "adm2" else ""),
                     country=cname, iso2=row.cc, iso3=iso3, isonum=isonum, tier=TIERS[tier],
                     confidence=round(confidence, 3), text=text)


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, building the index on first use."""
    global _INSTANCE
    with _LOCK:
        if _INSTANCE is None:
            _INSTANCE = Gazetteer(ensure().db)
        return _INSTANCE
