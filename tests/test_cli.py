"""The main job through the real command line: run, read the store, export, errors, idempotence, crashes."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from eventwire.export import ACLED_COLUMNS, EXTRA_COLUMNS

from .conftest import EXE, ROOT, SHARED, cli, shared_or_skip

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("ex") / "ex.db")
    cli("run", str(ROOT / "examples"), "--db", db)
    return db


def test_run_examples_prints_counts(tmp_path: Path):
    db = str(tmp_path / "a.db")
    res = cli("run", str(ROOT / "examples"), "--db", db)
    assert "articles read: 8" in res.stdout and "stored: 8" in res.stdout and "skipped: 0" in res.stdout
    assert "events:" in res.stdout


def test_examples_cover_seven_event_kinds(examples_db: str):
    rows = list(csv.DictReader(io.StringIO(cli("events", "--format", "csv", "--db", examples_db).stdout)))
    subs = {r["sub_event_type"] for r in rows}
    for kind in ("Air/drone strike", "Agreement", "Abduction/forced disappearance"):
        assert kind in subs, subs
    assert subs & {"Armed clash", "Non-state actor overtakes territory", "Government regains territory"}
    assert subs & {"Remote explosive/landmine/IED", "Suicide bomb"}
    assert subs & {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
    assert subs & {"Change to group/activity", "Headquarters or base established"}
    for r in rows:
        assert r["event_date"] and r["location"] and r["evidence"], r


def test_acled_export_columns(examples_db: str, tmp_path: Path):
    out = tmp_path / "events.csv"
    cli("export", "--format", "acled", "--out", str(out), "--db", examples_db)
    header = out.read_text().splitlines()[0].split(",")
    assert header[:31] == ACLED_COLUMNS and header[31:] == EXTRA_COLUMNS
    rows = list(csv.DictReader(out.open()))
    assert rows and all(r["interaction"] == "" or not r["interaction"].isdigit() for r in rows)
    assert all(r["inter1_code"].isdigit() for r in rows)


def test_other_exports(examples_db: str, tmp_path: Path):
    geo = json.loads(cli("export", "--format", "geojson", "--db", examples_db).stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"]
    lines = cli("export", "--format", "jsonl", "--db", examples_db).stdout.splitlines()
    assert all(json.loads(x)["report_ids"] for x in lines)
    plover = [json.loads(x) for x in cli("export", "--format", "plover", "--db", examples_db).stdout.splitlines()]
    assert plover and all(p["event"] and p["date"] for p in plover)
    pq = tmp_path / "e.parquet"
    cli("export", "--format", "parquet", "--out", str(pq), "--db", examples_db)
    import pyarrow.parquet as papq

    assert papq.read_table(pq).num_rows == len(lines)


def test_show_event_with_reports_and_evidence(examples_db: str):
    first = json.loads(cli("events", "--format", "jsonl", "--db", examples_db).stdout.splitlines()[0])
    res = cli("show", first["id"], "--db", examples_db)
    assert first["id"] in res.stdout and "report" in res.stdout and "> " in res.stdout
    assert "outlet:" in res.stdout


def test_rerun_is_idempotent(tmp_path: Path):
    db = str(tmp_path / "i.db")
    cli("run", str(ROOT / "examples"), "--db", db)
    before = cli("events", "--format", "jsonl", "--db", db).stdout
    times = sqlite3.connect(db).execute("select id, created_at, updated_at from events order by id").fetchall()
    res = cli("run", str(ROOT / "examples"), "--db", db)
    assert "stored: 0" in res.stdout and "already known: 8" in res.stdout
    assert cli("events", "--format", "jsonl", "--db", db).stdout == before
    con = sqlite3.connect(db)
    assert con.execute("select id, created_at, updated_at from events order by id").fetchall() == times
    assert con.execute("select count(*) from articles").fetchone()[0] == 8


def _content(db: str) -> dict[str, list]:
    """Everything in the store but the run log and timestamps."""
    con = sqlite3.connect(db)
    out = {}
    for table, cols in (("articles", "id, raw_sha256, locator, kind, title, published, outlet, text, raw, data, skipped"),
                        ("reports", "id, article_id, sub_event_type, event_date, data"),
                        ("events", "id, event_date, sub_event_type, n_sources, fingerprint, data"),
                        ("event_reports", "event_id, report_id"), ("event_redirects", "old_id, new_id, reason")):
        out[table] = con.execute(f"select {cols} from {table} order by 1, 2").fetchall()
    return out


def test_kill_minus_nine_then_rerun_equals_one_clean_run(tmp_path: Path):
    fakes = shared_or_skip("data", "external", "fakes", "FA-KES-Dataset.dev.csv")
    clean_db, crash_db = str(tmp_path / "clean.db"), str(tmp_path / "crash.db")
    args = ["run", str(fakes), "--nlp", "rules"]
    cli(*args, "--db", clean_db)
    env = {**os.environ, "EVENTWIRE_SHARED": str(SHARED)}
    proc = subprocess.Popen([str(EXE), *args, "--db", crash_db], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        try:
            stored = sqlite3.connect(crash_db, timeout=1).execute("select count(*) from articles").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored >= 100:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 381
    res = cli(*args, "--db", crash_db)
    assert "already known" in res.stdout
    assert _content(crash_db) == _content(clean_db)


def test_errors_are_one_clear_line(tmp_path: Path):
    res = cli("run", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db"), check=False)
    assert res.returncode != 0 and res.stderr.strip().count("\n") == 0 and "no such file" in res.stderr
    res = cli("export", "--format", "xml", "--db", str(tmp_path / "x.db"), check=False)
    assert res.returncode != 0 and "unknown --format" in res.stderr and res.stderr.strip().count("\n") == 0
    res = cli("run", str(ROOT / "examples"), "--published", "yesterday", "--db", str(tmp_path / "x.db"), check=False)
    assert res.returncode != 0 and "--published must be YYYY-MM-DD" in res.stderr
    (tmp_path / "empty").mkdir()
    res = cli("run", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db"), check=False)
    assert res.returncode != 0 and "nothing could be read" in res.stderr


def test_bad_files_in_a_batch_are_recorded_skips(tmp_path: Path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    (batch / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (batch / "broken.jsonl").write_text('{"text": "Gunmen attacked a police post in Kano on Monday, killing two officers."}\n{oops\n')
    (batch / "french.txt").write_text("Les forces gouvernementales ont bombardé la ville hier. " * 12)
    db = str(tmp_path / "b.db")
    res = cli("run", str(batch), "--published", "2020-03-04", "--db", db)
    assert "skipped: 4" in res.stdout
    listing = cli("skipped", "--db", db).stdout
    assert "ingest: empty input" in listing and "binary" in listing and "malformed JSON on line 2" in listing
    assert "language fr not supported yet" in listing


def test_stdin_input(tmp_path: Path):
    text = b"Rebels attack army post\n\nRebels attacked an army post in Kidal on Monday, killing three soldiers."
    db = str(tmp_path / "s.db")
    res = cli("run", "-", "--published", "2021-06-09", "--db", db, input=text)
    assert "stored: 1" in res.stdout


def test_dask_runner_gives_the_same_events_as_the_local_pool(tmp_path: Path):
    local, dask = str(tmp_path / "l.db"), str(tmp_path / "d.db")
    seeds = shared_or_skip("seeds")
    cli("run", str(ROOT / "examples"), str(seeds), "--published", "2017-02-18", "--workers", "2", "--db", local)
    cli("run", str(ROOT / "examples"), str(seeds), "--published", "2017-02-18", "--runner", "dask", "--workers", "2",
        "--db", dask)
    assert cli("events", "--format", "jsonl", "--db", dask).stdout == cli("events", "--format", "jsonl", "--db", local).stdout


def test_compare_with_an_acled_extract_and_changes(examples_db: str, tmp_path: Path):
    extract = tmp_path / "acled.csv"
    cli("export", "--format", "acled", "--out", str(extract), "--db", examples_db)
    lines = extract.read_text().splitlines()
    same = json.loads(cli("compare", str(extract), "--format", "json", "--db", examples_db).stdout)
    assert same["summary"]["matched"] == len(lines) - 1 and not same["missing"] and not same["extra"]
    fewer = tmp_path / "fewer.csv"
    fewer.write_text("\n".join(lines[:-1]) + "\n")  # the user's extract lacks one of our events
    res = json.loads(cli("compare", str(fewer), "--format", "json", "--db", examples_db).stdout)
    assert res["summary"]["matched"] == len(lines) - 2
    assert len(res["missing"]) + len(res["extra"]) + res["summary"].get("ours_outside_file", 0) >= 1
    changes = cli("changes", "--since", "2000-01-01", "--format", "jsonl", "--db", examples_db).stdout.splitlines()
    assert changes and all(json.loads(x)["change"] == "created" for x in changes)
