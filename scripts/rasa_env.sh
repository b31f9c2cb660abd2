#!/usr/bin/env bash
# Creates or refreshes the Rasa virtual environment (.venv-rasa, Python 3.10) from the
# fully pinned requirements/rasa.txt. Rasa 3.6 supports Python 3.8-3.10 only, so it lives
# apart from the project's Python 3.11 .venv, which never imports rasa.
# Idempotent and fast when nothing changed: a stamp holds the hash of what was installed.
# Prints the venv's python path on stdout (everything else goes to stderr).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="${RASA_VENV:-$root/.venv-rasa}"
reqs="$root/requirements/rasa.txt"

is_py310() {
  "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1
}

find_python310() {
  local c
  for c in "${PYTHON310:-}" python3.10 "$HOME"/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 && is_py310 "$(command -v "$c")"; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}

if [ -n "${PYTHON310:-}" ] && ! { command -v "$PYTHON310" >/dev/null 2>&1 && is_py310 "$(command -v "$PYTHON310")"; }; then
  echo "rasa_env: PYTHON310=$PYTHON310 is not a working Python 3.10 interpreter" >&2
  exit 1
fi

if [ ! -x "$venv/bin/python" ] || ! is_py310 "$venv/bin/python" || [ ! -x "$venv/bin/pip" ]; then
  py="$(find_python310)" || {
    echo "rasa_env: Python 3.10 not found (Rasa Open Source 3.6 needs Python 3.8-3.10)." >&2
    echo "rasa_env: install it, e.g. 'pyenv install 3.10' or 'apt-get install python3.10 python3.10-venv'," >&2
    echo "rasa_env: or point PYTHON310 at a python3.10 binary." >&2
    exit 1
  }
  echo "rasa_env: creating $venv with $py" >&2
  rm -rf "$venv"
  "$py" -m venv "$venv"
fi

stamp="$venv/.installed"
want="$(cat "$reqs" | sha256sum | cut -c1-16)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "$venv/bin/python"
  exit 0
fi
echo "rasa_env: installing requirements/rasa.txt into $venv (a few minutes the first time)" >&2
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" "pip==24.0" "setuptools==70.3.0" "wheel==0.45.1" >&2
# Every package is pinned in the file, so the resolver has nothing to choose: reproducible.
"${pip[@]}" -r "$reqs" >&2
# Guard: a CUDA build of anything would mean a pin went missing.
if "$venv/bin/python" -m pip list --format=freeze 2>/dev/null | grep -qiE '^(torch|nvidia-)'; then
  echo "rasa_env: torch/CUDA packages ended up in $venv; requirements/rasa.txt needs fixing" >&2
  exit 1
fi
"$venv/bin/python" -c 'import rasa, sys; sys.exit(0 if rasa.__version__ == "3.6.21" else 1)' || {
  echo "rasa_env: rasa 3.6.21 did not import from $venv" >&2
  exit 1
}
echo "$want" > "$stamp"
echo "$venv/bin/python"
