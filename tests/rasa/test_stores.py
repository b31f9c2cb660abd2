"""Production stores against the real services on this machine: PostgreSQL tracker store and
Redis lock store, configured by endpoints.production.yml (values from the environment)."""

from __future__ import annotations

import json
import os
import subprocess
import uuid

import pytest

from actions.rasa_service import ROOT, chat, start_rasa, turns

pytestmark = [pytest.mark.rasa, pytest.mark.slow]

PRODUCTION_ENV = {
    "RASA_DB_HOST": os.environ.get("TEST_PG_HOST", "127.0.0.1"),
    "RASA_DB_PORT": os.environ.get("TEST_PG_PORT", "5432"),
    "RASA_DB_USER": os.environ.get("TEST_PG_USER", "postgres"),
    "RASA_DB_PASSWORD": os.environ.get("TEST_PG_PASSWORD", ""),
    "RASA_DB_NAME": "rasa_tracker_test",
    "RASA_DB_LOGIN_DB": "postgres",
    "RASA_REDIS_HOST": os.environ.get("TEST_REDIS_HOST", "127.0.0.1"),
    "RASA_REDIS_PORT": os.environ.get("TEST_REDIS_PORT", "6379"),
    "RASA_REDIS_DB": "1",
    "RASA_REDIS_PREFIX": "dacalltest",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
}


def rasa_python() -> str:
    done = subprocess.run(["bash", str(ROOT / "scripts" / "rasa_env.sh")], capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def psql(sql: str) -> str:
    done = subprocess.run(["psql", "-h", PRODUCTION_ENV["RASA_DB_HOST"], "-p", PRODUCTION_ENV["RASA_DB_PORT"], "-U",
                           PRODUCTION_ENV["RASA_DB_USER"], "-d", PRODUCTION_ENV["RASA_DB_NAME"], "-tAc", sql],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_postgres_tracker_store_and_redis_lock_store_with_rasas_own_classes():
    sender = f"store-{uuid.uuid4().hex}"
    done = subprocess.run([rasa_python(), str(ROOT / "scripts" / "rasa_store_check.py"), "endpoints.production.yml", sender],
                          cwd=ROOT, env={**os.environ, **PRODUCTION_ENV, "RASA_ACTION_URL": "http://127.0.0.1:9/webhook"},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["tracker_store"] == "SQLTrackerStore" and seen["dialect"] == "postgresql"
    assert seen["events_read"] == seen["events_saved"] == 4
    assert seen["lock_store"] == "RedisLockStore"
    assert seen["lock_key"] == f"dacalltest:lock:{sender}"
    assert seen["lock_held_inside"] and seen["lock_released"]
    assert int(psql(f"select count(*) from events where sender_id = '{sender}'")) == 4


def test_rasa_server_on_postgres_and_redis(trained_model, action_server):
    rasa = start_rasa(f"{action_server.url}/webhook", endpoints="endpoints.production.yml", env=PRODUCTION_ENV)
    try:
        sender = f"live-{uuid.uuid4().hex}"
        status, messages = chat(rasa.url, sender, "c/r says ex is outside with a knife")
        assert status == 200 and turns(messages)[0][0].startswith("New call opened.")
        status, messages = chat(rasa.url, sender, "no")
        assert status == 200 and turns(messages)
        notes = [json.loads(row)["value"] for row in
                 psql(f"select data from events where sender_id = '{sender}' and type_name = 'slot' "
                      "and data::json->>'name' = 'notes' order by id").splitlines()]
        assert notes[-1] == ["c/r says ex is outside with a knife", "no"]
        assert "Traceback" not in rasa.tail(400)
    finally:
        rasa.stop()
