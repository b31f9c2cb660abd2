"""Helpers for scripts/prod.sh (run with the project venv's python from the repository root).

    render-nginx                write $RUN/nginx/nginx.conf from deploy/nginx.conf.template
    ensure-db                   create the application and Rasa tracker databases when missing
    ensure-admin                create the admin user (DACA_PROD_ADMIN_USER) when missing
    seal [--model PATH]         record the sha256 of every rule, data, corpus and model file
    verify [--model PATH]       compare with the sealed manifest; exit 3 naming each changed file
    verify-model                check the pinned embedding model (assistant/retrieval/data/model.yml)
    wait NAME URL PIDFILE       poll URL until it answers 200; fail if the process dies or on timeout
    status                      processes (alive, RSS) and probes; exit 1 when anything is down

Configuration comes from the environment only (prod.sh loads the env file first).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
REFUSE = 3  # exit status: refusing to start (integrity)

# What a release is made of besides code: a changed file here changes behaviour.
SEALED_GLOBS = (
    "assistant/**/*.yml", "assistant/**/*.yaml", "assistant/**/*.jsonl", "assistant/**/*.json",
    "assistant/**/*.txt", "api/data/*.yml", "actions/data/*.yml", "policy_corpus/*",
    "config.yml", "domain/*.yml", "endpoints.production.yml", "credentials.yml",
    "deploy/nginx.conf.template",
)


def env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise SystemExit(f"prod: {name} is not set (see deploy/production.env.example)")
    return value


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, str(default))
    try:
        return int(raw)
    except ValueError:
        raise SystemExit(f"prod: {name}={raw!r} is not a whole number") from None


def run_dir() -> Path:
    path = Path(env("DACA_PROD_RUN_DIR", "run/prod"))
    return path if path.is_absolute() else ROOT / path


def ports(base_var: str, base: int, count_var: str, count: int) -> list[int]:
    first, n = env_int(base_var, base), env_int(count_var, count)
    if n < 1:
        raise SystemExit(f"prod: {count_var} must be at least 1")
    return [first + i for i in range(n)]


def api_ports() -> list[int]:
    return ports("DACA_PROD_API_PORT_BASE", 18100, "DACA_PROD_API_WORKERS", 3)


def rasa_ports() -> list[int]:
    return ports("DACA_PROD_RASA_PORT_BASE", 15105, "DACA_PROD_RASA_REPLICAS", 2)


def action_ports() -> list[int]:
    return ports("DACA_PROD_ACTION_PORT_BASE", 15155, "DACA_PROD_ACTION_SERVERS", 1)


# ---- nginx ----------------------------------------------------------------------------------------

def render_nginx(_: argparse.Namespace) -> int:
    run = run_dir()
    for sub in ("nginx/tmp", "logs"):
        (run / sub).mkdir(parents=True, exist_ok=True)

    def servers(port_list: list[int], extra: str = "") -> str:
        return "\n".join(f"        server 127.0.0.1:{p}{extra};" for p in port_list)

    max_body = env_int("DACA_MAX_BODY_BYTES", 1024 * 1024)
    values = {
        "USER_DIRECTIVE": "user nobody nogroup;" if os.geteuid() == 0 else "",
        "RUN_DIR": str(run),
        "HTTP_HOST": env("DACA_PROD_HTTP_HOST", "127.0.0.1"),
        "HTTP_PORT": str(env_int("DACA_PROD_HTTP_PORT", 8088)),
        "RASA_LB_PORT": str(env_int("DACA_PROD_RASA_LB_PORT", 18090)),
        "ACTIONS_LB_PORT": str(env_int("DACA_PROD_ACTIONS_LB_PORT", 18091)),
        "MAX_BODY": f"{max(1, -(-max_body // 1024))}k",
        "API_SERVERS": servers(api_ports(), " max_fails=1 fail_timeout=5s"),
        "RASA_SERVERS": servers(rasa_ports(), " max_fails=1 fail_timeout=5s"),
        "ACTION_SERVERS": servers(action_ports(), " max_fails=1 fail_timeout=5s"),
    }
    text = (ROOT / "deploy" / "nginx.conf.template").read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    if "{{" in text:
        left = text[text.index("{{"):].split("}}")[0] + "}}"
        raise SystemExit(f"prod: deploy/nginx.conf.template has an unknown placeholder {left}")
    out = run / "nginx" / "nginx.conf"
    out.write_text(text, encoding="utf-8")
    print(out)
    return 0


# ---- databases and the admin user -----------------------------------------------------------------

def _ensure_database(host: str, port: int, user: str, password: str, login_db: str, name: str) -> bool:
    import psycopg
    from psycopg import sql

    conninfo = {"host": host, "port": port, "user": user, "dbname": login_db, "connect_timeout": 5}
    if password:
        conninfo["password"] = password
    try:
        with psycopg.connect(**conninfo, autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                return False
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    except psycopg.OperationalError as exc:
        raise SystemExit(f"prod: cannot reach PostgreSQL at {host}:{port} as {user}: {exc}".strip()) from None


def ensure_db(_: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    url = make_url(env("DACA_DATABASE_URL"))
    if url.get_backend_name() != "postgresql":
        print(f"prod: DACA_DATABASE_URL uses {url.get_backend_name()}; production expects PostgreSQL",
              file=sys.stderr)
        return 2
    created = _ensure_database(url.host or "127.0.0.1", url.port or 5432, url.username or "postgres",
                               url.password or "", "postgres", url.database or "daca_prod")
    print(f"database {url.database}: {'created' if created else 'exists'}")
    rasa_db = env("RASA_DB_NAME", "daca_rasa")
    created = _ensure_database(env("RASA_DB_HOST", "127.0.0.1"), env_int("RASA_DB_PORT", 5432),
                               env("RASA_DB_USER", "postgres"), env("RASA_DB_PASSWORD", ""),
                               env("RASA_DB_LOGIN_DB", "postgres"), rasa_db)
    print(f"database {rasa_db}: {'created' if created else 'exists'}")
    return 0


def ensure_admin(_: argparse.Namespace) -> int:
    from sqlalchemy import select

    from api.db.models import User
    from api.db.session import make_engine, make_session_factory
    from api.services import auth
    from api.services.errors import ServiceError

    name = env("DACA_PROD_ADMIN_USER", "admin")
    engine = make_engine(env("DACA_DATABASE_URL"))
    try:
        sessions = make_session_factory(engine)
        with sessions() as session:
            if session.scalar(select(User).where(User.username == name)) is not None:
                print(f"admin user {name}: exists")
                return 0
        try:
            auth.create_user(sessions, username=name, password=env("DACA_PROD_ADMIN_PASSWORD"), role=auth.Role.ADMIN)
        except ServiceError as exc:
            print(f"prod: cannot create the admin user {name}: {exc.message}", file=sys.stderr)
            return 2
        print(f"admin user {name}: created")
        return 0
    finally:
        engine.dispose()


# ---- integrity ------------------------------------------------------------------------------------

def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def release_files(root: Path, model: str | None) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for pattern in SEALED_GLOBS:
        for path in sorted(root.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                files[path.relative_to(root).as_posix()] = path
    if model:
        path = Path(model)
        files[path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)] = path
    return files


def manifest_path() -> Path:
    raw = os.environ.get("DACA_PROD_MANIFEST")
    if raw:
        path = Path(raw)
        return path if path.is_absolute() else ROOT / path
    return run_dir() / "release-manifest.json"


def seal(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    hashes = {name: sha256_file(path) for name, path in release_files(root, args.model).items()}
    out = manifest_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"sealed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                               "root": str(root), "files": hashes}, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(out)
    print(f"sealed {len(hashes)} files in {out}")
    return 0


def verify(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    path = manifest_path()
    try:
        sealed: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["files"]
    except FileNotFoundError:
        print(f"prod: no release manifest at {path}; run `scripts/prod.sh seal`", file=sys.stderr)
        return REFUSE
    except (ValueError, KeyError, TypeError) as exc:
        print(f"prod: release manifest {path} is unreadable ({exc}); refusing to start", file=sys.stderr)
        return REFUSE
    current = release_files(root, args.model)
    problems: list[str] = []
    for name, expected in sorted(sealed.items()):
        file = current.get(name) or (root / name)
        if not file.is_file():
            problems.append(f"  {name}: missing (sealed sha256 {expected[:16]}...)")
            continue
        actual = sha256_file(file)
        if actual != expected:
            problems.append(f"  {name}: sha256 {actual[:16]}..., sealed {expected[:16]}...")
    problems += [f"  {name}: not in the sealed release" for name in sorted(set(current) - set(sealed))]
    if problems:
        print(f"prod: integrity check FAILED against {path}:", file=sys.stderr)
        print("\n".join(problems), file=sys.stderr)
        print("prod: refusing to start. If these changes are an intended update, review them and run "
              "`scripts/prod.sh seal`.", file=sys.stderr)
        return REFUSE
    print(f"integrity ok: {len(sealed)} files match {path}")
    return 0


def verify_model(_: argparse.Namespace) -> int:
    from assistant.retrieval.errors import ModelIntegrityError
    from assistant.retrieval.model_files import verify_model as check

    try:
        model = check()
    except ModelIntegrityError as exc:
        print(f"prod: {exc}", file=sys.stderr)
        return REFUSE
    print(f"embedding model ok: {model.path} ({model.hash})")
    return 0


# ---- readiness and status -------------------------------------------------------------------------

def _get(url: str, timeout: float = 2.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 - loopback URLs from our config
            return r.status, r.read(4096).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(4096).decode("utf-8", "replace")
    except (urllib.error.URLError, OSError) as exc:
        return 0, type(exc).__name__


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (exited, not yet reaped) is not alive
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait(args: argparse.Namespace) -> int:
    deadline = time.monotonic() + env_int("DACA_PROD_START_TIMEOUT", 300)
    pid = int(Path(args.pidfile).read_text().strip())
    start = time.monotonic()
    while time.monotonic() < deadline:
        if not _alive(pid):
            print(f"prod: {args.name} (pid {pid}) exited before it was ready; see its log", file=sys.stderr)
            return 1
        status, _ = _get(args.url, timeout=2.0)
        if status == 200:
            print(f"  {args.name} ready in {time.monotonic() - start:.1f} s")
            return 0
        time.sleep(0.5)
    print(f"prod: {args.name} not ready after {env_int('DACA_PROD_START_TIMEOUT', 300)} s ({args.url})",
          file=sys.stderr)
    return 1


def wait_table(args: argparse.Namespace) -> int:
    """Wait until Rasa's tracker table exists (the first replica creates it early in its start),
    so the other replicas can start without racing to create it."""
    import psycopg

    pid = int(Path(args.pidfile).read_text().strip())
    conninfo = {"host": env("RASA_DB_HOST", "127.0.0.1"), "port": env_int("RASA_DB_PORT", 5432),
                "user": env("RASA_DB_USER", "postgres"), "dbname": env("RASA_DB_NAME", "daca_rasa"),
                "connect_timeout": 5}
    if os.environ.get("RASA_DB_PASSWORD"):
        conninfo["password"] = os.environ["RASA_DB_PASSWORD"]
    deadline = time.monotonic() + env_int("DACA_PROD_START_TIMEOUT", 300)
    while time.monotonic() < deadline:
        if not _alive(pid):
            print("prod: rasa-1 exited before creating its tracker table; see its log", file=sys.stderr)
            return 1
        with psycopg.connect(**conninfo) as conn:
            if conn.execute("SELECT to_regclass('public.events')").fetchone()[0] is not None:
                return 0
        time.sleep(0.5)
    print("prod: Rasa's tracker table did not appear in time", file=sys.stderr)
    return 1


def status(_: argparse.Namespace) -> int:
    import psutil

    run = run_dir()
    ok = True
    rows = []
    for pidfile in sorted((run / "pids").glob("*.pid")) if (run / "pids").is_dir() else []:
        pid = int(pidfile.read_text().strip() or 0)
        alive = _alive(pid)
        rss = "-"
        if alive:
            try:
                proc = psutil.Process(pid)
                rss = f"{sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20:.0f}"
            except psutil.Error:
                pass
        ok &= alive
        rows.append((pidfile.stem, str(pid), "up" if alive else "DOWN", rss))
    if not rows:
        print(f"prod: nothing running under {run}")
        return 1
    print(f"{'process':<14}{'pid':>8}  {'state':<6}{'RSS MB':>8}")
    for name, pid, state, rss in rows:
        print(f"{name:<14}{pid:>8}  {state:<6}{rss:>8}")
    host, port = env("DACA_PROD_HTTP_HOST", "127.0.0.1"), env_int("DACA_PROD_HTTP_PORT", 8088)
    token = os.environ.get("RASA_AUTH_TOKEN", "")
    probes = [("nginx", f"http://{host}:{port}/nginx-health"), ("api /health", f"http://{host}:{port}/health"),
              ("api /ready", f"http://{host}:{port}/ready")]
    probes += [(f"rasa-{i + 1} /status", f"http://127.0.0.1:{p}/status?token={token}")
               for i, p in enumerate(rasa_ports())]
    probes += [(f"actions-{i + 1} /health", f"http://127.0.0.1:{p}/health") for i, p in enumerate(action_ports())]
    print()
    for name, url in probes:
        code, body = _get(url)
        ok &= code == 200
        detail = ""
        if name == "api /ready" and code:
            try:
                checks = json.loads(body).get("checks", {})
                detail = " ".join(f"{k}={'ok' if v.get('ok', v.get('available')) else 'NO'}"
                                  for k, v in checks.items() if isinstance(v, dict) and k != "models")
            except ValueError:
                pass
        print(f"{name:<22}{code or 'down':>6}  {detail}")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    import signal

    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `prod.sh status | head` ends quietly
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("render-nginx").set_defaults(func=render_nginx)
    sub.add_parser("ensure-db").set_defaults(func=ensure_db)
    sub.add_parser("ensure-admin").set_defaults(func=ensure_admin)
    for name, func in (("seal", seal), ("verify", verify)):
        p = sub.add_parser(name)
        p.add_argument("--model", help="the Rasa model tarball in use")
        p.add_argument("--root", default=str(ROOT), help="the tree to hash (default: this repository)")
        p.set_defaults(func=func)
    sub.add_parser("verify-model").set_defaults(func=verify_model)
    w = sub.add_parser("wait")
    w.add_argument("name")
    w.add_argument("url")
    w.add_argument("pidfile")
    w.set_defaults(func=wait)
    t = sub.add_parser("wait-table")
    t.add_argument("pidfile")
    t.set_defaults(func=wait_table)
    sub.add_parser("status").set_defaults(func=status)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
