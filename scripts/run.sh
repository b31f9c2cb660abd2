#!/usr/bin/env bash
# `make run`: installs what is missing, then starts the whole system on its embedded defaults
# (SQLite, Rasa's in-memory lock store, one Rasa server, the service with the action webhook
# and the sidebar in one process) and prints the URL and a login. Re-running is fast: each step
# checks a hash or a stamp and skips what is already done. Ctrl-C stops everything.
#
#   DACA_PORT (8000), RASA_PORT (5005), DACA_DATA_DIR (./data) may be set in the environment.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
PY="$root/.venv/bin/python"
port="${DACA_PORT:-8000}"
rasa_port="${RASA_PORT:-5005}"
data="${DACA_DATA_DIR:-$root/data}"
mkdir -p out "$data"

step() { echo "run: $*" >&2; }

step "project environment (.venv, Python 3.11)"
bash scripts/bootstrap.sh

step "policy index (built once per corpus and model; a few minutes the first time)"
warm="$(mktemp)"; trap 'rm -f "$warm" "$warm.out"' EXIT
echo '{"id": "warm-up", "question": "how is a repeat victim defined"}' > "$warm"
"$PY" -m assistant search --input "$warm" --output "$warm.out" --k 1 >/dev/null

step "chat layer (.venv-rasa on Python 3.10, and a model for the current training data)"
bash scripts/rasa_cmd.sh train

login_file="$data/initial-login.txt"
if [ ! -s "$login_file" ]; then
  step "creating the first login (admin)"
  password="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(12))')"
  DACA_DATA_DIR="$data" DACA_NEW_PASSWORD="$password" "$PY" -m api user add admin --role admin >/dev/null
  ( umask 077; printf 'admin %s\n' "$password" > "$login_file" )
fi

rasa_pid=""
stop() {
  trap - INT TERM EXIT
  rm -f "$warm" "$warm.out"
  if [ -n "$rasa_pid" ] && kill -0 "$rasa_pid" 2>/dev/null; then
    kill -TERM "$rasa_pid" 2>/dev/null || true
    wait "$rasa_pid" 2>/dev/null || true
  fi
}
trap stop INT TERM EXIT

step "starting Rasa on 127.0.0.1:$rasa_port (log: out/rasa.log)"
RASA_ACTION_URL="http://127.0.0.1:$port/actions/webhook" \
  bash scripts/rasa_cmd.sh run --port "$rasa_port" --interface 127.0.0.1 > out/rasa.log 2>&1 &
rasa_pid=$!

cat >&2 <<MSG

  Domestic abuse call assistant
  sidebar:  http://127.0.0.1:$port/
  login:    $(cat "$login_file")   (kept in ${login_file#$root/}; add users with: .venv/bin/python -m api user add NAME --role call_handler)
  health:   http://127.0.0.1:$port/ready
  The chat layer takes up to a minute to start; until then the sidebar works in degraded mode.

MSG
step "starting the service on 127.0.0.1:$port (Ctrl-C stops everything)"
DACA_PORT="$port" DACA_DATA_DIR="$data" DACA_RASA_URL="http://127.0.0.1:$rasa_port" "$PY" -m api &
api_pid=$!
wait "$api_pid"
