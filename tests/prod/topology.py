"""Bring the production topology (scripts/prod.sh) up for a test, on free loopback ports, with
its own databases, Redis key prefix and run directory, and take it down again."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
PROD_SH = ROOT / "scripts" / "prod.sh"
BUILD_TARGET = "make prod-deps"
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=5"
PASSWORD = "handler-password-123"


def rasa_model_or_reason() -> tuple[Path | None, str]:
    """The trained Rasa model for the current training data, or why there is none.
    DACA_TEST_RASA_MODEL names a model tarball to use instead (a release's, or while the data changes)."""
    override = os.environ.get("DACA_TEST_RASA_MODEL")
    if override:
        if not Path(override).is_file():
            return None, f"DACA_TEST_RASA_MODEL={override}: no such file"
        return Path(override), ""
    venv = ROOT / ".venv-rasa"
    stamp = venv / ".installed"
    if not (venv / "bin" / "python").exists() or not stamp.exists():
        return None, f"the Rasa venv (.venv-rasa) is missing: run `{BUILD_TARGET}`"
    want = subprocess.run(["sha256sum", str(ROOT / "requirements" / "rasa.txt")], capture_output=True,
                          text=True, check=True).stdout[:16]
    if stamp.read_text().strip() != want:
        return None, f"the Rasa venv (.venv-rasa) is out of date with requirements/rasa.txt: run `{BUILD_TARGET}`"
    out = subprocess.run(["bash", "scripts/rasa_cmd.sh", "hash"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout.strip():
        return None, f"scripts/rasa_cmd.sh hash failed ({out.stderr.strip()[-200:]}): run `{BUILD_TARGET}`"
    model = ROOT / "models" / f"chat-{out.stdout.strip()}.tar.gz"
    if not model.is_file():
        return None, f"no trained Rasa model for the current training data ({model.name}): run `{BUILD_TARGET}`"
    return model, ""


def _free_block(size: int) -> int:
    for _ in range(200):
        base = random.randrange(20000, 40000 - size)
        socks = []
        try:
            for port in range(base, base + size):
                s = socket.socket()
                socks.append(s)
                s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise RuntimeError("no free block of loopback ports")


@dataclass
class Topology:
    run_dir: Path
    model: Path
    api_workers: int = 2
    rasa_replicas: int = 2
    env: dict[str, str] = field(default_factory=dict)
    up_output: str = ""

    def __post_init__(self) -> None:
        tag = uuid.uuid4().hex[:10]
        base = _free_block(12)
        self.app_db, self.rasa_db = f"daca_prodtest_{tag}", f"daca_rasatest_{tag}"
        self.http_port = base
        # Hermetic: nothing from the caller's DACA_/RASA_ variables, only the example file and these.
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DACA_", "RASA_"))},
            "DACA_PROD_ENV_FILE": str(ROOT / "deploy" / "production.env.example"),
            "DACA_PROD_RUN_DIR": str(self.run_dir),
            "DACA_PROD_HTTP_PORT": str(base),
            "DACA_PROD_RASA_LB_PORT": str(base + 1),
            "DACA_PROD_ACTIONS_LB_PORT": str(base + 2),
            "DACA_PROD_API_PORT_BASE": str(base + 3),
            "DACA_PROD_API_WORKERS": str(self.api_workers),
            "DACA_PROD_RASA_PORT_BASE": str(base + 7),
            "DACA_PROD_RASA_REPLICAS": str(self.rasa_replicas),
            "DACA_PROD_ACTION_PORT_BASE": str(base + 10),
            "DACA_PROD_ACTION_SERVERS": "1",
            "DACA_PROD_RASA_MODEL": str(self.model),
            "DACA_PROD_START_TIMEOUT": "420",
            "DACA_DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{self.app_db}",
            "DACA_RASA_TRACKER_DB_URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{self.rasa_db}",
            "RASA_DB_NAME": self.rasa_db,
            "RASA_REDIS_PREFIX": f"dacatest{tag}",
            "RASA_AUTH_TOKEN": f"token-{tag}",
        }
        self.base_url = f"http://127.0.0.1:{base}"
        self.rasa_urls = [f"http://127.0.0.1:{base + 7 + i}" for i in range(self.rasa_replicas)]
        self.api_urls = [f"http://127.0.0.1:{base + 3 + i}" for i in range(self.api_workers)]

    def prod(self, *args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", str(PROD_SH), *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, timeout=timeout)

    def up(self) -> None:
        result = self.prod("up")
        self.up_output = result.stdout + result.stderr
        if result.returncode != 0:
            self.down()
            raise AssertionError(f"prod.sh up failed ({result.returncode}):\n{self.up_output[-4000:]}")

    def down(self) -> subprocess.CompletedProcess[str]:
        result = self.prod("down", timeout=300)
        self._drop_databases()
        return result

    def _drop_databases(self) -> None:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            for name in (self.app_db, self.rasa_db):
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))

    def pid(self, name: str) -> int | None:
        path = self.run_dir / "pids" / f"{name}.pid"
        return int(path.read_text()) if path.exists() else None

    def log(self, name: str) -> str:
        path = self.run_dir / "logs" / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def handler_token(self, client: httpx.Client, username: str | None = None, role: str = "call_handler") -> str:
        """An admin login (the admin prod.sh created), then a new user of `role` and its token."""
        admin = client.post("/api/v1/auth/token", json={"username": self.env.get("DACA_PROD_ADMIN_USER", "admin"),
                                                         "password": self.admin_password})
        assert admin.status_code == 200, admin.text
        headers = {"Authorization": f"Bearer {admin.json()['access_token']}"}
        username = username or f"handler{uuid.uuid4().hex[:8]}"
        r = client.post("/api/v1/admin/users", json={"username": username, "password": PASSWORD, "role": role},
                        headers=headers)
        assert r.status_code == 201, r.text
        r = client.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
        assert r.status_code == 200, r.text
        return r.json()["access_token"]

    @property
    def admin_password(self) -> str:
        if "DACA_PROD_ADMIN_PASSWORD" in os.environ:
            return os.environ["DACA_PROD_ADMIN_PASSWORD"]
        for line in (ROOT / "deploy" / "production.env.example").read_text().splitlines():
            if line.startswith("DACA_PROD_ADMIN_PASSWORD="):
                return line.split("=", 1)[1]
        raise AssertionError("DACA_PROD_ADMIN_PASSWORD missing from deploy/production.env.example")

    def tracker(self, replica: int, sender: str) -> dict:
        r = httpx.get(f"{self.rasa_urls[replica]}/conversations/{sender}/tracker",
                      params={"token": self.env["RASA_AUTH_TOKEN"]}, timeout=30)
        assert r.status_code == 200, r.text
        return r.json()

    def webhook_upstreams(self) -> list[str]:
        """The Rasa replica (host:port) that served each chat turn, in order (nginx's internal log)."""
        path = self.run_dir / "logs" / "nginx-rasa.log"
        lines = path.read_text().splitlines() if path.exists() else []
        return [line.split("upstream=")[1].split()[0] for line in lines if '"POST /webhooks/rest/webhook"' in line]

