#!/usr/bin/env bash
# The production topology on one machine, loopback only (docs/deploy.md explains it):
#
#   nginx (DACA_PROD_HTTP_PORT) -> N API workers (python -m api)         -> PostgreSQL (application data)
#   API -> nginx internal :RASA_LB -> 2 Rasa replicas (REST channel)     -> PostgreSQL (tracker store)
#                                                                       -> Redis (lock store)
#   Rasa -> nginx internal :ACTIONS_LB -> action server(s) (python -m actions.server)
#
#   scripts/prod.sh up        install nginx if missing, check integrity, create databases, migrate ONCE,
#                             start everything, wait until each part is ready (idempotent)
#   scripts/prod.sh down      graceful stop: nginx drains, then SIGTERM to each process (in-flight
#                             requests finish), SIGKILL only after DACA_PROD_STOP_TIMEOUT
#   scripts/prod.sh status    processes, memory, health and readiness probes (exit 1 if anything is down)
#   scripts/prod.sh seal      record the hashes of rules, data, corpus and model as the approved release
#   scripts/prod.sh preflight the checks `up` makes before starting anything (model pin, release manifest)
#   scripts/prod.sh install-nginx   just the nginx install step (apt-get; skipped when present)
#
# Configuration: environment variables only. Defaults come from $DACA_PROD_ENV_FILE, else
# deploy/production.env, else deploy/production.env.example; variables already set win.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
PY="$root/.venv/bin/python"
# The deployed tree is what runs (not whatever an editable install points at).
export PYTHONPATH="$root${PYTHONPATH:+:$PYTHONPATH}"

die() { echo "prod: $*" >&2; exit 1; }

load_env() {
  local file="${DACA_PROD_ENV_FILE:-}"
  if [ -z "$file" ]; then
    if [ -f deploy/production.env ]; then file=deploy/production.env; else file=deploy/production.env.example; fi
  fi
  [ -f "$file" ] || die "env file $file not found"
  local line key n=0
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    case "$line" in ''|'#'*) continue ;; esac
    key="${line%%=*}"
    [[ "$line" == *=* && "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "$file line $n is not KEY=VALUE: $line"
    if [ -z "${!key+x}" ]; then export "$key=${line#*=}"; fi
  done < "$file"
  RUN="${DACA_PROD_RUN_DIR:-run/prod}"
  case "$RUN" in /*) ;; *) RUN="$root/$RUN" ;; esac
  export DACA_PROD_RUN_DIR="$RUN"
  API_N="${DACA_PROD_API_WORKERS:-3}"; API_BASE="${DACA_PROD_API_PORT_BASE:-18100}"
  RASA_N="${DACA_PROD_RASA_REPLICAS:-2}"; RASA_BASE="${DACA_PROD_RASA_PORT_BASE:-15105}"
  ACT_N="${DACA_PROD_ACTION_SERVERS:-1}"; ACT_BASE="${DACA_PROD_ACTION_PORT_BASE:-15155}"
  RASA_LB="${DACA_PROD_RASA_LB_PORT:-18090}"; ACT_LB="${DACA_PROD_ACTIONS_LB_PORT:-18091}"
  HTTP="${DACA_PROD_HTTP_HOST:-127.0.0.1}:${DACA_PROD_HTTP_PORT:-8088}"
  STOP_TIMEOUT="${DACA_PROD_STOP_TIMEOUT:-30}"
  export DACA_RASA_URL="${DACA_RASA_URL:-http://127.0.0.1:$RASA_LB}"
}

alive() {  # pid -> running and not a zombie
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != "Z" ]
}

pid_of() { cat "$RUN/pids/$1.pid" 2>/dev/null || true; }

start() {  # name dir cmd... : start in its own session, log to $RUN/logs/name.log
  local name="$1" dir="$2"; shift 2
  if alive "$(pid_of "$name")"; then echo "  $name already running (pid $(pid_of "$name"))"; return 0; fi
  echo "--- start $(date -u +%FT%TZ)" >>"$RUN/logs/$name.log"
  ( cd "$dir" && exec setsid "$@" >>"$RUN/logs/$name.log" 2>&1 </dev/null ) &
  echo $! >"$RUN/pids/$name.pid"
}

wait_ready() {  # name url
  "$PY" scripts/prod_tool.py wait "$1" "$2" "$RUN/pids/$1.pid" || {
    echo "--- last lines of $RUN/logs/$1.log:" >&2; tail -n 25 "$RUN/logs/$1.log" >&2 || true; exit 1; }
}

install_nginx() {
  if command -v nginx >/dev/null 2>&1; then return 0; fi
  [ "$(id -u)" = 0 ] || die "nginx is missing: install Debian's package (sudo apt-get install nginx-light), then retry"
  echo "prod: installing Debian's nginx (apt-get)" >&2
  # policy-rc.d (present on container images) keeps the package from starting a system nginx on port 80.
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light >&2 || {
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light >&2; }
  command -v nginx >/dev/null 2>&1 || die "nginx install failed"
}

rasa_model() {  # the model to serve: DACA_PROD_RASA_MODEL (a release's pinned tarball), else the one for this data
  if [ -n "${DACA_PROD_RASA_MODEL:-}" ]; then
    [ -f "$DACA_PROD_RASA_MODEL" ] || die "DACA_PROD_RASA_MODEL=$DACA_PROD_RASA_MODEL: no such file"
    echo "$DACA_PROD_RASA_MODEL"
  else
    bash scripts/rasa_cmd.sh model
  fi
}

preflight() {  # model: the Rasa model tarball
  [ -x "$PY" ] || die "project venv missing: run 'make install' first"
  "$PY" scripts/prod_tool.py verify-model || exit 3
  if [ -f "${DACA_PROD_MANIFEST:-$RUN/release-manifest.json}" ]; then
    "$PY" scripts/prod_tool.py verify --model "$1" || exit 3
  else
    echo "prod: first deployment here: sealing the release (later starts verify against it)"
    "$PY" scripts/prod_tool.py seal --model "$1"
  fi
}

nginx_cmd() { nginx -p "$RUN/nginx/" -c "$RUN/nginx/nginx.conf" -e "$RUN/logs/nginx-error.log" "$@"; }

up() {
  mkdir -p "$RUN/pids" "$RUN/logs" "$RUN/data"
  local t0; t0=$(date +%s)
  install_nginx
  echo "prod: Rasa model"
  local model; model="$(rasa_model)"
  [ -f "$model" ] || die "no Rasa model (scripts/rasa_cmd.sh model printed '$model')"
  echo "prod: integrity"
  preflight "$model"
  echo "prod: databases and migrations (once, before any worker starts)"
  "$PY" scripts/prod_tool.py ensure-db
  DACA_DATA_DIR="$RUN/data" "$PY" -m api migrate
  "$PY" scripts/prod_tool.py ensure-admin
  "$PY" scripts/prod_tool.py render-nginx >/dev/null
  nginx_cmd -t -q || die "nginx configuration test failed (see above)"

  echo "prod: action servers"
  local i port
  for ((i = 1; i <= ACT_N; i++)); do
    port=$((ACT_BASE + i - 1))
    start "actions-$i" "$RUN" "$PY" -m actions.server --host 127.0.0.1 --port "$port" --log-level warning
  done
  for ((i = 1; i <= ACT_N; i++)); do wait_ready "actions-$i" "http://127.0.0.1:$((ACT_BASE + i - 1))/health"; done

  echo "prod: Rasa replicas (the first creates the tracker table, then the others start)"
  local token="${RASA_AUTH_TOKEN:?RASA_AUTH_TOKEN must be set}" rasa_py
  rasa_py="$(bash scripts/rasa_env.sh)"
  # as scripts/rasa_cmd.sh runs Rasa
  export PYTHONHASHSEED=0 TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1 RASA_TELEMETRY_ENABLED=false
  for ((i = 1; i <= RASA_N; i++)); do
    port=$((RASA_BASE + i - 1))
    # Every replica runs the very model that was checked above (not whatever the data now hashes to).
    RASA_ACTION_URL="http://127.0.0.1:$ACT_LB/webhook" \
      start "rasa-$i" "$root" "$rasa_py" scripts/rasa_launch.py run --model "$model" --enable-api \
      --credentials credentials.yml --endpoints endpoints.production.yml --interface 127.0.0.1 --port "$port" \
      --auth-token "$token" --response-timeout 30
    if [ "$i" = 1 ] && [ "$RASA_N" -gt 1 ]; then
      "$PY" scripts/prod_tool.py wait-table "$RUN/pids/rasa-1.pid" || { tail -n 25 "$RUN/logs/rasa-1.log" >&2; exit 1; }
    fi
  done
  for ((i = 1; i <= RASA_N; i++)); do
    wait_ready "rasa-$i" "http://127.0.0.1:$((RASA_BASE + i - 1))/status?token=$token"
  done

  echo "prod: API workers"
  for ((i = 1; i <= API_N; i++)); do
    port=$((API_BASE + i - 1))
    DACA_HOST=127.0.0.1 DACA_PORT="$port" DACA_DATA_DIR="$RUN/data" DACA_AUTO_MIGRATE=false \
      start "api-$i" "$RUN" "$PY" -m api
  done
  for ((i = 1; i <= API_N; i++)); do wait_ready "api-$i" "http://127.0.0.1:$((API_BASE + i - 1))/ready"; done

  echo "prod: nginx"
  if alive "$(pid_of nginx)"; then
    kill -HUP "$(pid_of nginx)"; echo "  nginx reloaded"
  else
    start nginx "$RUN" nginx -p "$RUN/nginx/" -c "$RUN/nginx/nginx.conf" -e "$RUN/logs/nginx-error.log" -g "daemon off;"
  fi
  wait_ready nginx "http://$HTTP/ready"
  echo "prod: up in $(( $(date +%s) - t0 )) s: http://$HTTP/ (admin user ${DACA_PROD_ADMIN_USER:-admin}); 'scripts/prod.sh status' for probes"
}

stop_group() {  # signal names... : signal all, then wait for all
  local sig="$1"; shift
  local name pid pids=() names=()
  for name in "$@"; do
    pid="$(pid_of "$name")"
    if alive "$pid"; then kill "-$sig" "$pid" 2>/dev/null || true; pids+=("$pid"); names+=("$name"); fi
  done
  local deadline=$(( $(date +%s) + STOP_TIMEOUT )) k
  for k in "${!pids[@]}"; do
    while alive "${pids[$k]}" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
    if alive "${pids[$k]}"; then
      echo "  ${names[$k]} (pid ${pids[$k]}) still running after ${STOP_TIMEOUT} s: SIGKILL" >&2
      kill -KILL "${pids[$k]}" 2>/dev/null || true
    else
      echo "  ${names[$k]} stopped"
    fi
  done
  for name in "$@"; do rm -f "$RUN/pids/$name.pid"; done
}

running() {  # prefix -> the names of its pid files
  (cd "$RUN/pids" 2>/dev/null && ls -- "$1"-*.pid 2>/dev/null | sed 's/\.pid$//') || true
}

down() {
  [ -d "$RUN/pids" ] || { echo "prod: nothing running under $RUN"; return 0; }
  # nginx first: SIGQUIT stops accepting and lets proxied requests finish. Then the API workers
  # (uvicorn finishes in-flight requests on SIGTERM, up to DACA_GRACEFUL_SHUTDOWN_SECONDS), then
  # Rasa, then the action servers Rasa calls.
  stop_group QUIT nginx
  local prefix
  for prefix in api rasa actions; do
    # shellcheck disable=SC2046
    stop_group TERM $(running "$prefix")
  done
  echo "prod: down"
}

load_env
case "${1:-}" in
  up) up ;;
  down) down ;;
  status) "$PY" scripts/prod_tool.py status ;;
  seal) "$PY" scripts/prod_tool.py seal --model "$(rasa_model)" ;;
  preflight) preflight "$(rasa_model)" ;;
  install-nginx) install_nginx ;;
  *) sed -n '2,17p' "$0" >&2; exit 2 ;;
esac
