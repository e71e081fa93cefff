"""Reading the actor dictionary files: country table, dated state-force periods, and YAML/TSV actor lists.

The files live in ``eventwire/data/actors/`` (see ``docs/actors.md`` for the format). A user file given
with ``eventwire run --actors FILE`` uses the same YAML (or TSV) format and is read by the same code.
This module only parses and validates; matching and resolution are in :mod:`eventwire.resolve.actors`.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

# ACLED inter code -> default PLOVER sector / CAMEO role when an entry does not set its own.
DEFAULT_SECTOR = {1: "MIL", 2: "REB", 3: "UAF", 4: "UAF", 5: "OPP", 6: "OPP", 7: "CVL", 8: "MIL"}
BRANCHES = ("military", "police", "government", "intelligence")
BRANCH_SECTOR = {"military": "MIL", "police": "COP", "government": "GOV", "intelligence": "SPY"}
BRANCH_PREFIX = {"military": "Military Forces of", "police": "Police Forces of",
                 "government": "Government of", "intelligence": "Intelligence Services of"}
KINDS = {"group", "coalition", "igo", "pmc", "unit", "party", "state", "generic", "militia", "person", "ngo",
         "legislature"}
# Kinds that name political figures and bodies rather than parties to violence (heads of state, NGOs,
# legislatures). They serve the CAMEO coder: :meth:`ActorDictionary.match` finds them only when asked
# (``political=True``) and the spaCy EntityRuler does not list them.
POLITICAL_KINDS = frozenset({"person", "ngo", "legislature"})
ARMED_KINDS = {"group", "militia", "pmc"}  # what "the group" can point back to

# Common English words never accepted as case-insensitive aliases (a guard for user files too).
COMMON_WORDS = frozenset("""
is it its as at an and or of on in to by the a us we he she they them his her our all any one no not
army forces force police group state states party front movement union council army's people
men man women army troops soldiers rebels militia government authorities military coalition alliance
liberation resistance revolution islamic popular national democratic guard guards brigade brigades
""".split())

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    isonum: int
    name: str  # ACLED-style short name: "Democratic Republic of Congo"
    article: str  # "the" when the name takes one after "of" ("Military Forces of the United States")
    demonyms: tuple[str, ...]

    @property
    def of_name(self) -> str:
        return f"{self.article} {self.name}".strip()


@dataclass(frozen=True)
class Period:
    start: date
    end: date | None
    label: str


@dataclass
class ActorEntry:
    """One dictionary actor: an organisation, a state force, a coalition or a generic ACLED actor."""

    id: str
    name: str
    inter: int
    kind: str = "group"
    country: str = ""  # ISO3 home country; "" for transnational organisations and generics
    acled: str = ""  # ACLED-style name template; "{country}" is the event's country name
    cameo: str = ""  # CAMEO actor code; "{iso}" in a generic's code is the event country
    sector: str = ""  # PLOVER sector
    wikidata: str = ""
    aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()  # extra mixed-case aliases matched case-sensitively
    weak: tuple[str, ...] = ()  # aliases that are also place names: matched only when the text names the home country
    parent: str = ""  # units: the state force id they belong to
    unit: str = ""  # units: the name appended to the dated state-force name
    branch: str = ""  # state forces and state-bound generics: military | police | government | intelligence
    by_country: dict[str, str] = field(default_factory=dict)  # event country -> actor id to use instead
    state_from: date | None = None  # from this date on, inside its home country, the group is the state
    region: str = ""  # the file it came from
    note: str = ""
    terms: tuple[tuple[int, int], ...] = ()  # persons: years in the office that gives their sector (end 0 = ongoing)

    def in_office(self, year: int | None) -> bool:
        """Was a person in the office that gives their code in ``year``? (True when no year or no terms.)"""
        if not year or not self.terms:
            return True
        return any(a <= year <= (b or 9999) for a, b in self.terms)

    @property
    def generic(self) -> bool:
        return self.kind == "generic"

    @property
    def armed_group(self) -> bool:
        return self.kind in ARMED_KINDS and self.inter in (2, 3, 4, 8)


def read_countries(path: Path | None = None) -> dict[str, Country]:
    path = path or DATA_DIR / "countries.tsv"
    out: dict[str, Country] = {}
    for row in _tsv_rows(path):
        iso3, iso2, num, name, article, dem = (row + [""] * 6)[:6]
        out[iso3] = Country(iso3, iso2, int(num or 0), name, article,
                            tuple(d for d in dem.split("|") if d))
    return out


def read_periods(path: Path | None = None) -> dict[str, list[Period]]:
    path = path or DATA_DIR / "state_periods.tsv"
    out: dict[str, list[Period]] = {}
    for row in _tsv_rows(path):
        iso3, start, end, label = row[:4]
        out.setdefault(iso3, []).append(Period(date.fromisoformat(start),
                                               date.fromisoformat(end) if end else None, label))
    for periods in out.values():
        periods.sort(key=lambda p: p.start)
    return out


def read_state_aliases(path: Path | None = None) -> dict[str, dict[str, list[str]]]:
    """``{ISO3: {branch: [aliases]}}`` from state_forces.yaml (named armies: IDF, FARDC, Tatmadaw...)."""
    path = path or DATA_DIR / "state_forces.yaml"
    data = _yaml(path) or {}
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping ISO3 -> branch -> aliases")
    return {iso: {b: [str(a) for a in (al or [])] for b, al in (branches or {}).items()}
            for iso, branches in data.items()}


def read_entries(path: Path) -> list[ActorEntry]:
    """Actor entries from one YAML (a list of mappings) or TSV file (a header row of field names)."""
    if path.suffix.lower() in (".tsv", ".txt", ".csv"):
        records = _tsv_records(path)
    else:
        data = _yaml(path)
        if data is None:
            return []
        if isinstance(data, dict) and "actors" in data:
            data = data["actors"]
        if not isinstance(data, list):
            raise DataError(f"{path}: expected a list of actors (or a mapping with an 'actors' list)")
        records = data
    return [entry_from_record(rec, source=path) for rec in records]


def entry_from_record(rec: Any, *, source: Path | str = "") -> ActorEntry:
    if not isinstance(rec, dict):
        raise DataError(f"{source}: each actor must be a mapping with at least id, name and inter; got {rec!r}")
    missing = [k for k in ("id", "name", "inter") if rec.get(k) in (None, "")]
    if missing:
        raise DataError(f"{source}: actor {rec.get('id') or rec.get('name')!r} lacks {', '.join(missing)}")
    inter = int(rec["inter"])
    if not 1 <= inter <= 8:
        raise DataError(f"{source}: actor {rec['id']!r} has inter {inter}; ACLED inter codes are 1-8")
    kind = str(rec.get("kind") or ("unit" if rec.get("parent") else "group"))
    if kind not in KINDS:
        raise DataError(f"{source}: actor {rec['id']!r} has kind {kind!r}; use one of {sorted(KINDS)}")
    country = str(rec.get("country") or "").upper()
    aliases = _listify(rec.get("aliases"))
    state_from = rec.get("state_from")
    if isinstance(state_from, str):
        state_from = date.fromisoformat(state_from)
    sector = str(rec.get("sector") or ("" if kind in ("igo", "ngo") else DEFAULT_SECTOR[inter]))
    cameo = str(rec.get("cameo") or (f"{country}{sector}" if country and sector else ""))
    return ActorEntry(
        id=str(rec["id"]), name=_clean(str(rec["name"])), inter=inter, kind=kind, country=country,
        acled=str(rec.get("acled") or ""), cameo=cameo, sector=sector,
        wikidata=str(rec.get("wikidata") or ""), aliases=tuple(_clean(a) for a in aliases),
        case_sensitive=tuple(_clean(a) for a in _listify(rec.get("cs"))),
        weak=tuple(_clean(a) for a in _listify(rec.get("weak"))),
        parent=str(rec.get("parent") or ""), unit=str(rec.get("unit") or ""),
        branch=str(rec.get("branch") or ""),
        by_country={str(k).upper(): str(v) for k, v in (rec.get("by_country") or {}).items()},
        state_from=state_from, region=Path(str(source)).stem if source else "",
        note=str(rec.get("note") or ""),
        terms=_terms(rec.get("terms"), source, str(rec["id"])),
    )


def _terms(value: Any, source: Path | str, actor_id: str) -> tuple[tuple[int, int], ...]:
    """Years in office: "2009-2017", "2000-" (ongoing) or a single year, as a string or a list of them."""
    out = []
    for t in _listify(value) if not isinstance(value, (int, list)) else ([value] if isinstance(value, int) else value):
        m = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})?)?\s*", str(t))
        if not m:
            raise DataError(f"{source}: actor {actor_id!r} has term {t!r}; write years as 2009-2017 or 2000-")
        start = int(m.group(1))
        end = int(m.group(2)) if m.group(2) else (0 if "-" in str(t) else start)
        out.append((start, end))
    return tuple(out)


def variants(alias: str) -> set[str]:
    """Spelling variants written once and matched in all forms: hyphen/space, apostrophes, -ise/-ize."""
    out = {alias}
    if "-" in alias:
        out.add(alias.replace("-", " "))
    if "'" in alias:
        out.add(alias.replace("'", ""))
    for a, b in (("isation", "ization"), ("efence", "efense"), ("abour", "abor")):
        for v in list(out):
            if a in v:
                out.add(v.replace(a, b))
            elif b in v:
                out.add(v.replace(b, a))
    return {_clean(v) for v in out if v.strip()}


def is_case_sensitive(alias: str, *, generic: bool = False) -> bool:
    """Acronyms (IS, ISIL, HTS, M23) and short single words (LeT, Jem, Hamas) match case-sensitively only.

    An alias without a lowercase letter is an acronym; a single token of five characters or fewer is too
    close to ordinary words ("let", "jem") to match in any case. Generic words ("army", "mob") are exempt.
    """
    if not any(c.islower() for c in alias):
        return True
    return not generic and " " not in alias and len(alias) <= 5


def clean_name(s: str) -> str:
    """A name with typographic apostrophes straightened and whitespace collapsed."""
    return _clean(s)


def _clean(s: str) -> str:
    return _SPACE.sub(" ", s.replace("\u2019", "'").replace("\u2018", "'")).strip()


def _listify(v: Any) -> list[str]:
    if v is None or v == "":
        return []
    if isinstance(v, str):
        return [a for a in (x.strip() for x in v.split("|")) if a]
    return [str(a) for a in v if str(a).strip()]


def _yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as e:
        raise DataError(f"cannot read actor file {path}: {e.strerror}; check the path") from e
    except yaml.YAMLError as e:
        raise DataError(f"{path} is not valid YAML: {e}") from e


def _tsv_rows(path: Path) -> list[list[str]]:
    try:
        with open(path, encoding="utf-8") as f:
            return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    except OSError as e:
        raise DataError(f"cannot read {path}: {e.strerror}") from e


def _tsv_records(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as f:
            lines = [line for line in f if line.strip() and not line.startswith("#")]
    except OSError as e:
        raise DataError(f"cannot read actor file {path}: {e.strerror}; check the path") from e
    reader = csv.DictReader(lines, delimiter="," if path.suffix.lower() == ".csv" else "\t")
    return [dict(r) for r in reader]
