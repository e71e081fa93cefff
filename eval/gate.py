"""The eval gate: every pinned metric in eval/floors.json must hold on the dev halves.

Run by `make test` after the unit tests. Each entry runs `eventwire eval NAME [ARGS]` as a user
would and reads the JSON on the last line of stdout. A metric fails when it is worse than its pin
by more than the tolerance (0.005). Pins only ever go up (or down, for "lower is better" metrics);
`python eval/gate.py --show` prints the current figures next to the pins; `--raise` also moves every pin that
the current figure beats up to it (never down) and rewrites eval/floors.json.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE = 0.005


def run_entry(name: str, args: list[str]) -> dict:
    exe = Path(sys.executable).parent / "eventwire"
    cmd = [str(exe), "eval", name, "--split", "dev", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=os.environ.copy())
    if proc.returncode != 0:
        raise SystemExit(f"gate: `{' '.join(cmd[1:])}` failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    last = proc.stdout.strip().splitlines()[-1]
    return json.loads(last)


def main() -> int:
    floors = json.loads((ROOT / "eval" / "floors.json").read_text())
    raise_pins = "--raise" in sys.argv
    show = "--show" in sys.argv or raise_pins
    failures: list[str] = []
    started = time.time()
    for entry in floors["gate"]:
        t0 = time.time()
        result = run_entry(entry["dataset"], entry.get("args", []))
        label = " ".join([entry["dataset"], *entry.get("args", [])])
        for metric, pin in entry["metrics"].items():
            value = result.get(metric)
            higher = pin["direction"] == "higher"
            ok = value is not None and (value >= pin["pin"] - TOLERANCE if higher else value <= pin["pin"] + TOLERANCE)
            mark = "ok  " if ok else "FAIL"
            print(f"{mark} {label:40s} {metric:28s} {value!s:>10} (pin {pin['pin']}, {pin['direction']} is better)")
            if not ok:
                failures.append(f"{label} {metric}={value} vs pin {pin['pin']}")
            elif raise_pins and value is not None and (value > pin["pin"] if higher else value < pin["pin"]):
                pin["pin"] = value
        print(f"     {label} took {time.time() - t0:.0f}s", flush=True)
    print(f"gate: {len(failures)} failed, {time.time() - started:.0f}s")
    if raise_pins:
        (ROOT / "eval" / "floors.json").write_text(json.dumps(floors, indent=2) + "\n")
    if failures and not show:
        for f in failures:
            print(f"gate failure: {f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
