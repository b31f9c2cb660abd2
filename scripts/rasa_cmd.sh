#!/usr/bin/env bash
# The chat layer's commands, all run in .venv-rasa (created by scripts/rasa_env.sh):
#   validate        rasa data validate
#   train           rasa train, skipped when models/ already has the model for this data hash
#   model           print the path of the model for the current data (training it if needed)
#   test-nlu        3-fold cross-validation of the NLU model; prints per-intent F1
#   test-core       conversation tests (tests/rasa/test_stories.yml) with --fail-on-prediction-errors
#   run [args]      rasa run --enable-api on the current model (REST channel), extra args passed on
#   hash            print the training-data hash
#   stock-model     the stock Rasa starter bot (`rasa init --no-prompt`: the bundled moodbot, offline),
#                   trained once per Rasa version into .cache/rasa-stock/rasa-<version>/; prints its model
#   run-stock [args] rasa run --enable-api on the stock starter bot, its own credentials and endpoints
#                   (REST channel, in-memory tracker store, no action server), unpatched rasa CLI
# Environment: RASA_ENDPOINTS (default endpoints.yml), RASA_ACTION_URL, RASA_TRACKER_DB, RASA_MODELS_DIR,
# RASA_STOCK_DIR (default .cache/rasa-stock).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export PYTHONHASHSEED=0 TF_DETERMINISTIC_OPS=1 TF_CPP_MIN_LOG_LEVEL=3 SQLALCHEMY_SILENCE_UBER_WARNING=1
export RASA_TELEMETRY_ENABLED=false
export RASA_ACTION_URL="${RASA_ACTION_URL:-http://127.0.0.1:5055/webhook}"
export RASA_TRACKER_DB="${RASA_TRACKER_DB:-$root/out/rasa_trackers.db}"
models="${RASA_MODELS_DIR:-$root/models}"
mkdir -p "$root/out" "$models"

py="$(bash scripts/rasa_env.sh)"
rasa=("$py" "$root/scripts/rasa_launch.py")

data_hash() {
  # Everything that changes the trained model: config, domain, training data, rasa's own pins.
  cat config.yml domain/*.yml requirements/rasa.txt $(find nlu_data -name '*.yml' -not -path 'nlu_data/tests/*' | sort) \
    | sha256sum | cut -c1-16
}

model_path() { echo "$models/chat-$(data_hash).tar.gz"; }

train() {
  local model; model="$(model_path)"
  # One training per data hash at a time (concurrent callers wait, then find the model);
  # rasa writes into a private folder and the model is renamed into place, so a reader
  # never sees a half-written file.
  exec 9>"$models/.train.lock"
  flock 9
  if [ -f "$model" ]; then
    echo "rasa_cmd: model for this data exists, not retraining: ${model#$root/}" >&2
    flock -u 9
    return 0
  fi
  local tmp start end; tmp="$(mktemp -d "$models/.train.XXXXXX")"
  start=$(date +%s.%N)
  if ! "${rasa[@]}" train --config config.yml --domain domain --data nlu_data --out "$tmp" \
      --fixed-model-name "chat-$(data_hash)" --quiet >&2; then
    rm -rf "$tmp"; flock -u 9; return 1
  fi
  end=$(date +%s.%N)
  mv "$tmp/chat-$(data_hash).tar.gz" "$model"
  rm -rf "$tmp"
  python3 -c "print(round($end-$start,1))" > "${model%.tar.gz}.train_seconds"
  echo "rasa_cmd: trained ${model#$root/} in $(cat "${model%.tar.gz}.train_seconds") s" >&2
  flock -u 9
}

# The stock starter bot, the benchmark's anchor (actions/bench.py). Run with the plain rasa CLI,
# without scripts/rasa_launch.py, so it is Rasa exactly as installed.
stock_dir() {
  echo "${RASA_STOCK_DIR:-$root/.cache/rasa-stock}/rasa-$("$py" -c 'import importlib.metadata as m; print(m.version("rasa"))')"
}

stock_model() {
  local dir model tmp start end trained
  dir="$(stock_dir)"; model="$dir/stock.tar.gz"
  mkdir -p "$dir"
  exec 8>"$dir/.init.lock"
  flock 8
  if [ -f "$model" ] && [ -d "$dir/project" ]; then
    echo "rasa_cmd: stock starter bot for this Rasa version exists, not retraining: ${model#$root/}" >&2
    flock -u 8
    return 0
  fi
  tmp="$(mktemp -d "$dir/.init.XXXXXX")"
  start=$(date +%s.%N)
  # rasa init copies rasa/cli/initial_project into the folder and trains it into ./models
  if ! (cd "$tmp" && "$py" -m rasa init --no-prompt --init-dir . >&2); then
    rm -rf "$tmp"; flock -u 8; return 1
  fi
  end=$(date +%s.%N)
  trained="$(find "$tmp/models" -maxdepth 1 -name '*.tar.gz' | head -1)"
  if [ -z "$trained" ]; then
    echo "rasa_cmd: rasa init trained no model in $tmp/models" >&2
    rm -rf "$tmp"; flock -u 8; return 1
  fi
  python3 -c "print(round($end-$start,1))" > "$dir/stock.train_seconds"
  mv "$trained" "$dir/stock.tar.gz.part"
  rm -rf "$tmp/models" "$tmp/.rasa" "$dir/project"
  mv "$tmp" "$dir/project"
  mv "$dir/stock.tar.gz.part" "$model"
  echo "rasa_cmd: trained the stock starter bot ${model#$root/} in $(cat "$dir/stock.train_seconds") s" >&2
  flock -u 8
}

cmd="${1:-}"; shift || true
case "$cmd" in
  hash) data_hash ;;
  validate)
    "${rasa[@]}" data validate --config config.yml --domain domain --data nlu_data --fail-on-warnings ;;
  train) train ;;
  model) train; model_path ;;
  test-nlu)
    # cached like the model: the report for this data hash is reused (delete it to re-run)
    out="$models/cv-$(data_hash)"
    if [ ! -f "$out/intent_report.json" ]; then
      rm -rf "$out.tmp"
      "${rasa[@]}" test nlu --config config.yml --nlu nlu_data --cross-validation --folds 3 \
        --out "$out.tmp" --no-plot >&2
      rm -rf "$out"; mv "$out.tmp" "$out"
    else
      echo "rasa_cmd: cross-validation report for this data exists: ${out#$root/}" >&2
    fi
    "$py" scripts/rasa_report.py "$out/intent_report.json" "$@" ;;
  test-core)
    train
    out="$root/out/rasa_core_test"
    rm -rf "$out"
    "${rasa[@]}" test core --model "$(model_path)" --stories tests/rasa/test_stories.yml --endpoints "${RASA_ENDPOINTS:-endpoints.yml}" \
      --out "$out" --fail-on-prediction-errors --no-plot "$@" ;;
  run)
    train
    exec "${rasa[@]}" run --model "$(model_path)" --enable-api --credentials credentials.yml \
      --endpoints "${RASA_ENDPOINTS:-endpoints.yml}" "$@" ;;
  stock-model) stock_model; echo "$(stock_dir)/stock.tar.gz" ;;
  run-stock)
    stock_model
    dir="$(stock_dir)"
    cd "$dir/project"
    exec "$py" -m rasa run --model "$dir/stock.tar.gz" --enable-api --credentials credentials.yml \
      --endpoints endpoints.yml "$@" ;;
  *)
    sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
