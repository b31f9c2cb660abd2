#!/usr/bin/env bash
# Creates or refreshes the project's virtual environment (.venv, Python 3.11).
# Idempotent and fast when nothing changed: a stamp holds the hash of what was installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
venv="${VENV:-$root/.venv}"

# The browser tests (tests/web) drive Debian's Chromium; Playwright never downloads a browser.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
  echo "bootstrap: installing Debian's chromium for the browser tests" >&2
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_="sudo"
  $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null \
    || { $sudo_ apt-get update -q >/dev/null && $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null; } \
    || echo "bootstrap: could not install chromium; tests/web will fail until /usr/bin/chromium exists" >&2
fi

find_python311() {
  local candidates=("${PYTHON311:-}" python3.11 "$HOME/.pyenv/versions/3.11"*/bin/python3.11 python3)
  for c in "${candidates[@]}"; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(0 if sys.version_info[:2]==(3,11) else 1)' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  return 1
}

if [ ! -x "$venv/bin/python" ]; then
  py="$(find_python311)" || { echo "bootstrap: Python 3.11 not found. Install it (e.g. 'pyenv install 3.11') or set PYTHON311=/path/to/python3.11" >&2; exit 1; }
  echo "bootstrap: creating $venv with $py" >&2
  "$py" -m venv "$venv"
fi

stamp="$venv/.installed"
want="$(cat pyproject.toml requirements/*.txt | sha256sum | cut -c1-16)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "bootstrap: installing dependencies into $venv" >&2
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
# torch first, from the pinned CPU wheel: any other spec pulls gigabytes of CUDA packages.
if [ -f requirements/torch.txt ]; then "${pip[@]}" -r requirements/torch.txt; fi
"${pip[@]}" -e ".[dev,compare]"
"${pip[@]}" --no-deps -r requirements/medspacy-nodeps.txt
"${pip[@]}" --no-deps -r requirements/rasa-sdk-nodeps.txt
echo "$want" > "$stamp"
