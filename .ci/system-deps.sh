#!/usr/bin/env bash
# System packages the test suite needs (none yet beyond Python's venv). Root uses apt-get, others sudo.
set -euo pipefail
need=()
python3 -c "import venv, ensurepip" 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q "${need[@]}"
fi
