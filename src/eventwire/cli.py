"""The command line: thin wrappers over library functions. Errors become one clear line here."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from . import export as ex
from . import settings
from .errors import EventwireError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="eventwire: news reports about armed conflict in, an auditable event dataset out.")
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)

DB_HELP = "Store: a path (SQLite) or a SQLAlchemy URL. Default: $EVENTWIRE_DB, else eventwire.db."


def _db(db: Optional[str]) -> str:
    return db or settings.get("EVENTWIRE_DB")


def _store(db: Optional[str]):  # noqa: ANN202 - Store, imported lazily to keep --help fast
    from .store import Store

    return Store(_db(db))


def _parse_date(value: Optional[str], flag: str) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{flag} must be YYYY-MM-DD, got {value!r}") from exc


def _fields(values: list[str]) -> dict[str, str]:
    fields = {}
    for item in values:
        if "=" not in item:
            raise UsageError(f"--field takes NAME=COLUMN, got {item!r}")
        name, column = item.split("=", 1)
        if name not in ("text", "title", "url", "published", "outlet"):
            raise UsageError(f"--field NAME must be text, title, url, published or outlet, got {name!r}")
        fields[name] = column
    return fields


@app.command()
def run(inputs: list[str] = typer.Argument(..., help="Files, directories (read recursively) or - for stdin."),
        published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for inputs that carry none."),
        outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs that carry none."),
        kind: Optional[str] = typer.Option(None, help="Force the input kind: txt|html|jsonl|csv|warc|rss."),
        field: list[str] = typer.Option([], help="Map a record field: NAME=COLUMN (text, title, url, published, outlet)."),
        workers: int = typer.Option(1, min=1, help="Worker processes."),
        runner: str = typer.Option("local", help="local (process pool) or dask (a Dask distributed cluster)."),
        scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address; default: start a local cluster."),
        nlp: str = typer.Option(settings.get("EVENTWIRE_NLP"), help="NLP backend: default (spaCy) or rules (no weights)."),
        actors: Optional[Path] = typer.Option(None, help="Extra actors file (same format as the packaged dictionary)."),
        db: Optional[str] = typer.Option(None, help=DB_HELP)) -> None:
    """Read inputs, extract reports, store them and re-cluster events."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .ingest import IngestOptions
    from .jobs import run_job
    from .pipeline import PipelineConfig

    if nlp not in ("default", "rules"):
        raise UsageError(f"unknown --nlp {nlp!r}; use default or rules")
    if runner not in ("local", "dask"):
        raise UsageError(f"unknown --runner {runner!r}; use local or dask")
    if actors is not None and not actors.is_file():
        raise UsageError(f"--actors file {actors} not found")
    options = IngestOptions(kind=kind, published=_parse_date(published, "--published"), outlet=outlet or "",
                            fields=_fields(field))
    store = _store(db)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("articles", total=None)
        summary = run_job(inputs, store=store, options=options,
                          config=PipelineConfig(nlp=nlp, actors_file=str(actors or "")), workers=workers,
                          command="run " + " ".join(sys.argv[2:]), progress=lambda a: bar.advance(task),
                          runner=runner, scheduler=scheduler or "")
    if summary.read == 0:
        raise UsageError("nothing could be read from the inputs")
    out.print(f"articles read: {summary.read}  stored: {summary.stored}  already known: {summary.known}  "
              f"skipped: {summary.skipped}")
    for reason, n in sorted(summary.skip_reasons.items()):
        out.print(f"  skipped {n}: {reason}")
    out.print(f"reports: {summary.reports}  events: {summary.events}  "
              f"(created {summary.event_changes.get('created', 0)}, updated {summary.event_changes.get('updated', 0)}, "
              f"merged {summary.event_changes.get('merged', 0)}, retired {summary.event_changes.get('retired', 0)})")


@app.command()
def events(format: str = typer.Option("table", "--format", help="table | csv | jsonl"),
           min_sources: int = typer.Option(0, help="Only events with at least this many independent sources."),
           db: Optional[str] = typer.Option(None, help=DB_HELP)) -> None:
    """List the events."""
    from .cluster import event_day

    fmt = ex.check_format(format, ("table", "csv", "jsonl"))
    store = _store(db)
    evs = [e for e in store.events() if e.n_sources >= min_sources]
    if fmt == "table":
        table = Table("id", "date", "sub-event type", "actor 1", "actor 2", "location", "dead", "sources")
        for e in evs:
            table.add_row(e.id, str(event_day(e.date) or ""), e.sub_event_type,
                          e.actor1.acled_name if e.actor1 else "", e.actor2.acled_name if e.actor2 else "",
                          e.place.name if e.place else "", str(e.fatalities), str(e.n_sources))
        out.print(table)
        out.print(f"{len(evs)} events")
        return
    rows, evidence = _rows(store, evs)
    if fmt == "csv":
        sys.stdout.write(ex.acled_csv(rows))
    else:
        for e in evs:
            sys.stdout.write(ex.event_json(e, evidence[e.id]) + "\n")


def _rows(store, evs):  # noqa: ANN001, ANN202
    """ACLED rows and evidence sentences for events."""
    reports = store.reports_by_id([rid for e in evs for rid in e.report_ids])
    ev_text = store.evidence(reports)
    meta = store.articles_meta()
    by_report = {r.id: r for r in reports}
    times = store.event_times()
    rows, evidence = [], {}
    for e in evs:
        sentences = list(dict.fromkeys(s for rid in e.report_ids for s in ev_text.get(rid, [])))
        evidence[e.id] = sentences
        scales = sorted({meta.get(by_report[rid].article_id, {}).get("source_scale", "") for rid in e.report_ids
                         if rid in by_report} - {""})
        rows.append(ex.acled_row(e, timestamp=ex.unix(times.get(e.id, ("", ""))[1]), evidence=sentences,
                                 source_scale="-".join(scales)))
    return rows, evidence


@app.command()
def show(event_id: str = typer.Argument(..., help="An id that `eventwire events` prints."),
         db: Optional[str] = typer.Option(None, help=DB_HELP)) -> None:
    """One event with every report, its evidence sentences and its sources."""
    store = _store(db)
    e, redirect = store.event(event_id)
    if redirect:
        out.print(f"[yellow]{redirect}[/yellow]")
    row = ex.acled_row(e)
    out.print(f"[bold]{e.id}[/bold]  {row['event_date']}  {e.event_type} / {e.sub_event_type}")
    for key in ("actor1", "assoc_actor_1", "actor2", "interaction", "location", "admin1", "country", "latitude",
                "longitude", "geo_precision", "time_precision", "fatalities", "origin", "destination", "verification",
                "notes"):
        if row.get(key) not in ("", None, 0):
            out.print(f"  {key}: {row[key]}")
    out.print(f"  reports: {e.n_reports}  articles: {e.n_articles}  sources: {e.n_sources} ({'; '.join(e.sources)})")
    reports = store.reports_by_id(e.report_ids)
    texts = store.evidence(reports)
    meta = store.articles_meta()
    for r in reports:
        art = meta.get(r.article_id, {})
        claim = "; ".join(f"{c.name} ({c.type})" if c.type else c.name for c in r.attributed_to) or "the outlet itself"
        out.print(f"\n  report {r.id}  ({r.modality}, confidence {r.confidence:.2f})  {r.sub_event_type}", markup=False)
        out.print(f"    article: {art.get('title') or r.article_id}  outlet: {art.get('outlet') or '?'}  "
                  f"published: {art.get('published') or '?'}  ({art.get('locator', '')})")
        out.print(f"    claimant: {claim}")
        if r.date:
            out.print(f"    date: {r.date.earliest} ({r.date.expression or r.date.basis})")
        for s in texts.get(r.id, []):
            out.print(f"    > {s}", markup=False, highlight=False)


@app.command()
def changes(since: str = typer.Option("", "--since", help="Only changes at or after DATE (YYYY-MM-DD or an ISO time)."),
            format: str = typer.Option("table", "--format", help="table | jsonl"),
            db: Optional[str] = typer.Option(None, help=DB_HELP)) -> None:
    """List created, updated, merged and retired events (merged and retired ids name their successor)."""
    fmt = ex.check_format(format, ("table", "jsonl"))
    if since:
        _parse_date(since[:10], "--since")
    rows = _store(db).changes(since)
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps({"event_id": r["event_id"], "change": r["change"], "at": r["at"],
                                         "successor": r["detail"] or None}) + "\n")
        return
    table = Table("at", "change", "event", "successor")
    for r in rows:
        table.add_row(r["at"], r["change"], r["event_id"], r["detail"] or "")
    out.print(table)
    out.print(f"{len(rows)} changes")


@app.command()
def compare(file: Path = typer.Argument(..., help="An ACLED CSV extract or a GDELT 2.0 event export."),
            format: str = typer.Option("table", "--format", help="table | json"),
            db: Optional[str] = typer.Option(None, help=DB_HELP)) -> None:
    """Compare our events with an ACLED CSV or GDELT export: matched, missing and extra, each with a reason."""
    from .compare import compare as run_compare, read_reference

    fmt = ex.check_format(format, ("table", "json"))
    kind, refs, ignored = read_reference(file)
    result = run_compare(_store(db).events(), refs)
    result["summary"].update(kind=kind, ignored_rows=ignored)
    if fmt == "json":
        print(json.dumps(result, ensure_ascii=False))
        return
    table = Table("status", "ours", "theirs", "reason")
    for m in result["matched"]:
        table.add_row("matched", m["event_id"], m["ref_id"], m["reason"])
    for m in result["missing"]:
        table.add_row("missing", "", m["ref_id"], m["reason"])
    for m in result["extra"]:
        table.add_row("extra", m["event_id"], "", m["reason"])
    out.print(table)
    out.print(" ".join(f"{k}: {v}" for k, v in result["summary"].items()))


@app.command("export")
def export_cmd(format: str = typer.Option(..., "--format", help="acled | geojson | jsonl | parquet | plover"),
               out_file: Optional[Path] = typer.Option(None, "--out", help="Write to FILE instead of stdout."),
               db: Optional[str] = typer.Option(None, help=DB_HELP)) -> None:
    """Write all events in one format."""
    fmt = ex.check_format(format)
    store = _store(db)
    evs = store.events()
    rows, evidence = _rows(store, evs)
    if fmt == "acled":
        data: bytes = ex.acled_csv(rows).encode()
    elif fmt == "geojson":
        data = ex.geojson(evs).encode()
    elif fmt == "jsonl":
        data = "".join(ex.event_json(e, evidence[e.id]) + "\n" for e in evs).encode()
    elif fmt == "plover":
        data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in ex.plover_records(evs)).encode()
    else:
        data = ex.parquet_bytes(rows)
    if out_file:
        out_file.write_bytes(data)
        err.print(f"wrote {len(evs)} events to {out_file}")
    else:
        sys.stdout.buffer.write(data)


@app.command()
def skipped(db: Optional[str] = typer.Option(None, help=DB_HELP)) -> None:
    """List the skipped inputs with their reasons."""
    rows = _store(db).skipped()
    for r in rows:
        out.print(f"{r['locator']}\t{r['skipped']}", highlight=False)
    out.print(f"{len(rows)} skipped")


@app.command("eval")
def eval_cmd(name: str = typer.Argument(..., help="Scorer name (see the README table)."),
             split: str = typer.Option("dev", help="dev | heldout"),
             data: Optional[Path] = typer.Option(None, help="Folder holding the dataset folders. "
                                                          "Default: $EVENTWIRE_SHARED/data/external."),
             nlp: str = typer.Option("default", help="default | rules"),
             gold_mentions: bool = typer.Option(False, "--gold-mentions", help="Geoparsing: score resolution alone.")) -> None:
    """Score eventwire on a gold dataset; the last stdout line is one JSON object."""
    from . import evaluation

    if split not in ("dev", "heldout"):
        raise UsageError(f"--split must be dev or heldout, got {split!r}")
    shared = settings.shared_dir()
    ctx = evaluation.EvalContext(name=name, data_dir=data or shared / "data" / "external", shared_dir=shared,
                                 split=split, nlp=nlp, options={"gold_mentions": gold_mentions})
    result = evaluation.run(ctx)
    table = Table("metric", "value", title=f"{result.dataset} ({result.split}, n={result.n})")
    for k, v in result.metrics.items():
        table.add_row(k, "—" if v is None else (f"{v:.4f}" if isinstance(v, float) else str(v)))
    for k, v in result.rows:
        table.add_row(k, v)
    out.print(table)
    print(json.dumps(result.summary(), ensure_ascii=False), flush=True)


def _register_subapps() -> None:
    for module, name in (("eventwire.gazetteer.cli", "gazetteer"),):
        try:
            sub = __import__(module, fromlist=["app"])
        except ImportError:
            continue
        app.add_typer(sub.app, name=name)
    try:
        from .resolve.actors_cli import actors_command

        app.command("actors")(actors_command)
    except ImportError:
        pass


_register_subapps()


def main() -> None:
    """Entry point: usage errors are reported by Typer; eventwire's own errors become one line here."""
    try:
        app()
    except EventwireError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print("aborted")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
