"""`eventwire actors`: list the actor dictionary, as a text table or one JSON object per line."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

import typer

from eventwire.errors import UsageError
from eventwire.resolve.actor_data import ActorEntry
from eventwire.resolve.inter import inter_label

FORMATS = ("table", "jsonl")


def actor_record(d, e: ActorEntry) -> dict:  # noqa: ANN001 - d is an ActorDictionary
    """The listing fields of one actor, with its ACLED name for an event in its home country, today."""
    a = d.to_actor(e.id, country_iso3=e.country) if e.kind not in ("generic",) or not e.branch else None
    return {
        "id": e.id, "name": e.name, "acled_name": a.acled_name if a else e.name, "inter": e.inter,
        "inter_label": inter_label(e.inter), "kind": e.kind, "country": e.country, "cameo": e.cameo,
        "plover_sector": e.sector, "wikidata": e.wikidata, "aliases": list(e.aliases) + list(e.case_sensitive) + list(e.weak),
        "parent": e.parent, "by_country": e.by_country,
        "state_from": e.state_from.isoformat() if e.state_from else "", "source": e.region, "note": e.note,
    }


def list_actors(fmt: str = "table", extra: Path | None = None) -> Iterator[str]:
    """Lines listing every actor: ``jsonl`` gives one JSON object per actor, ``table`` aligned text columns."""
    from eventwire.resolve.actors import load

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    d = load(extra)
    entries = sorted(d.entries(), key=lambda e: (e.kind == "state", e.region, e.id))
    if fmt == "jsonl":
        for e in entries:
            yield json.dumps(actor_record(d, e), ensure_ascii=False)
        return
    yield f"{'id':<36} {'inter':<5} {'ctry':<4} {'kind':<9} {'aliases':>7}  acled name"
    for e in entries:
        rec = actor_record(d, e)
        yield f"{e.id:<36} {e.inter:<5} {e.country or '-':<4} {e.kind:<9} {len(rec['aliases']):>7}  {rec['acled_name']}"


def unknown_actors(db: str) -> list[tuple[str, int]]:
    """Organisations the dictionary does not know, as found in the store's reports: (name, reports naming it)."""
    from collections import Counter

    from eventwire.store import Store

    counts: Counter[str] = Counter()
    for r in Store(db).reports():
        for a in (r.actor1, r.actor2, *r.assoc_actor1, *r.assoc_actor2):
            if a is not None and a.id.startswith("raw:"):
                counts[a.name] += 1
    return sorted(counts.items(), key=lambda x: (-x[1], x[0]))


def actors_command(
    format: str = typer.Option("table", "--format", help="Output format: table or jsonl (one actor per line)."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="Extra actors file (YAML or TSV, same format as the packaged dictionary)."),
    unknown: bool = typer.Option(False, "--unknown", help="List instead the unknown organisations found in the store."),
    db: Optional[str] = typer.Option(None, "--db", help="Store for --unknown: a path or SQLAlchemy URL (default $EVENTWIRE_DB, else eventwire.db)."),
) -> None:
    """List the actor dictionary: organisations, state forces, coalitions and generic ACLED actors."""
    if unknown:
        from eventwire import settings

        for name, n in unknown_actors(db or settings.get("EVENTWIRE_DB")):
            typer.echo(json.dumps({"name": name, "reports": n}, ensure_ascii=False) if format == "jsonl" else f"{n:>5}  {name}")
        return
    for line in list_actors(format, actors):
        typer.echo(line)


app = typer.Typer(add_completion=False, help="The actor dictionary.")
app.command("actors")(actors_command)
