"""Exports: ACLED CSV (31 columns in ACLED's order, then our extras), GeoJSON, eventwire JSONL,
PLOVER JSONL and Parquet."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from .errors import UsageError
from .model import Actor, Event, to_dict
from .resolve.inter import inter_label, interaction

ACLED_COLUMNS = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                 "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                 "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                 "tags,timestamp").split(",")
EXTRA_COLUMNS = ("evidence,attributed_to,verification,origin,destination,date_expression,report_ids,n_sources,"
                 "inter1_code,inter2_code,interaction_code,injured,arrested,abducted").split(",")
FORMATS = ("acled", "geojson", "jsonl", "parquet", "plover")
_REGIONS = {  # ACLED's regions by ISO3; countries not listed fall back to their continent (Europe, Oceania)
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MOZ RWA SYC SOM SSD TZA UGA ZMB ZWE REU MYT",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG MAC JPN MNG PRK KOR TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "Caribbean": "AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA LCA MAF VCT "
                 "SXM TTO TCA VIR",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN",
    "North America": "CAN USA BMU GRL SPM",
}
_REGION_OF = {iso3: name for name, codes in _REGIONS.items() for iso3 in codes.split()}


def region(iso3: str) -> str:
    """ACLED's region of a country."""
    if not iso3:
        return ""
    if iso3 in _REGION_OF:
        return _REGION_OF[iso3]
    try:
        from countryinfo import CountryInfo

        continent = CountryInfo(iso3).info().get("region") or ""
    except Exception:  # noqa: BLE001 - countryinfo raises its own errors for unknown codes
        return ""
    return continent if continent in ("Europe", "Oceania") else ""


def _name(actor: Actor | None) -> str:
    return (actor.acled_name or actor.name) if actor else ""


def acled_row(ev: Event, *, timestamp: int = 0, evidence: list[str] | None = None,
              source_scale: str = "") -> dict[str, Any]:
    p = ev.place
    inter1 = ev.actor1.inter if ev.actor1 else 0
    inter2 = ev.actor2.inter if ev.actor2 else 0
    code, label = interaction(inter1, inter2)
    from .cluster import event_day

    day = event_day(ev.date)
    return {
        "event_id_cnty": f"{p.iso3 if p and p.iso3 else 'XXX'}-{ev.id}",
        "event_date": day.isoformat() if day else "", "year": day.year if day else "",
        "time_precision": ev.date.precision if ev.date else "", "disorder_type": ev.disorder_type,
        "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "actor1": _name(ev.actor1), "assoc_actor_1": "; ".join(_name(a) for a in ev.assoc_actor1),
        "inter1": inter_label(inter1), "actor2": _name(ev.actor2),
        "assoc_actor_2": "; ".join(_name(a) for a in ev.assoc_actor2), "inter2": inter_label(inter2),
        "interaction": label, "civilian_targeting": "Civilians targeted" if ev.civilian_targeting else "",
        "iso": p.isonum if p and p.isonum else "", "region": region(p.iso3) if p else "",
        "country": p.country if p else "", "admin1": p.admin1 if p else "", "admin2": p.admin2 if p else "",
        "admin3": "", "location": p.name if p else "",
        "latitude": f"{p.lat:.4f}" if p else "", "longitude": f"{p.lon:.4f}" if p else "",
        "geo_precision": ev.geo_precision or "", "source": "; ".join(ev.sources), "source_scale": source_scale,
        "notes": ev.notes, "fatalities": ev.fatalities, "tags": "background" if ev.background else "",
        "timestamp": timestamp,
        "evidence": " | ".join(evidence or []), "attributed_to": "; ".join(ev.attributed_to),
        "verification": ev.verification, "origin": ev.origin.name if ev.origin else "",
        "destination": ev.destination.name if ev.destination else "",
        "date_expression": ev.date.expression if ev.date else "", "report_ids": "; ".join(ev.report_ids),
        "n_sources": ev.n_sources, "inter1_code": inter1, "inter2_code": inter2, "interaction_code": code,
        "injured": ev.injured, "arrested": ev.arrested, "abducted": ev.abducted,
    }


def acled_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def event_json(ev: Event, evidence: list[str] | None = None) -> str:
    data = to_dict(ev)
    if evidence is not None:
        data["evidence"] = evidence
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def geojson(events: list[Event]) -> str:
    features = []
    for ev in events:
        if ev.place is None:
            continue
        row = acled_row(ev)
        features.append({"type": "Feature", "id": ev.id,
                         "geometry": {"type": "Point", "coordinates": [round(ev.place.lon, 4), round(ev.place.lat, 4)]},
                         "properties": {k: v for k, v in row.items() if k not in ("latitude", "longitude")}})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, sort_keys=True)


def plover_records(events: list[Event]) -> Iterator[dict[str, Any]]:
    """PLOVER JSONL: id, date, actor, recipient, event, mode, context, quad_code, event_loc, size."""
    def entity(a: Actor | None) -> list[dict[str, Any]]:
        if a is None:
            return []
        return [{"code": a.country or "", "sector": a.plover_sector, "entity_text": a.text, "entity_name": a.name,
                 "wikidata_id": a.wikidata}]

    from .cluster import event_day

    for ev in events:
        if not ev.plover or not ev.plover.get("event"):
            continue
        p = ev.place
        yield {"id": ev.id, "has_event": True,
               "date": str(event_day(ev.date)) if event_day(ev.date) else None,
               "actor": entity(ev.actor1), "recipient": entity(ev.actor2), "event": [ev.plover["event"]],
               "mode": ev.plover.get("mode", []), "context": ev.plover.get("context", []),
               "quad_code": ev.plover.get("quad_code", 0),
               "event_loc": {"resolved_place": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
                             "country_code": p.iso3, "province": p.admin1, "district": p.admin2} if p else {},
               "size": {"dead": ev.fatalities, "injured": ev.injured, "arrested": ev.arrested},
               "cameo": ev.cameo, "comment": ev.notes}


def parquet_bytes(rows: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = ACLED_COLUMNS + EXTRA_COLUMNS
    table = pa.table({c: [("" if r.get(c) is None else str(r.get(c))) for r in rows] for c in columns})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def unix(ts: str) -> int:
    return int(datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ").timestamp()) if ts else 0


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    if fmt not in allowed:
        raise UsageError(f"unknown --format {fmt!r}; use one of {', '.join(allowed)}")
    return fmt
