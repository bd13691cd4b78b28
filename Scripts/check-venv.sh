#!/usr/bin/env bash
# Makes (once) the Python venv of outside validators named in .ci/requirements.txt and
# prints its python. Safe to run from many tests at once: a lock serialises the install,
# and a stamp (the requirements' checksum) tells later runs the venv is complete.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv-check"
req="$root/.ci/requirements.txt"
want="$(sha256sum "$req" | cut -d' ' -f1)"
stamp="$venv/.requirements-sha256"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  exec 9>"$root/.venv-check.lock"
  flock 9
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    command -v python3 >/dev/null || { echo "check-venv: python3 not found; install Python 3 (apt-get install python3 python3-venv)" >&2; exit 1; }
    python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req" >&2
    echo "$want" > "$stamp"
  fi
fi
echo "$venv/bin/python"
