"""Shared fixtures: where ../shared is, a fresh store, and the real CLI as a user runs it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# CI explores the same examples every run (no flaky red); locally hypothesis keeps searching new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared")).resolve()
EXE = Path(sys.executable).parent / "eventwire"


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (set EVENTWIRE_SHARED)")
    return path


@pytest.fixture
def shared():
    return shared_or_skip()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


def cli(*args: str, input: bytes | None = None, check: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed `eventwire` command; returns the completed process (stdout/stderr as text)."""
    env = {**os.environ, "EVENTWIRE_SHARED": str(SHARED)}
    proc = subprocess.run([str(EXE), *args], input=input, capture_output=True, cwd=cwd or ROOT, env=env)
    out = subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(errors="replace"),
                                      proc.stderr.decode(errors="replace"))
    if check and proc.returncode != 0:
        raise AssertionError(f"eventwire {' '.join(args)} exited {proc.returncode}:\n{out.stderr}")
    return out
