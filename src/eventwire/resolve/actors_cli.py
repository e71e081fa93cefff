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


def actors_command(
    format: str = typer.Option("table", "--format", help="Output format: table or jsonl (one actor per line)."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="Extra actors file (YAML or TSV, same format as the packaged dictionary)."),
) -> None:
    """List the actor dictionary: organisations, state forces, coalitions and generic ACLED actors."""
    for line in list_actors(format, actors):
        typer.echo(line)


app = typer.Typer(add_completion=False, help="The actor dictionary.")
app.command("actors")(actors_command)
