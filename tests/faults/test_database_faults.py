"""Database faults: PostgreSQL restarted under the service, the SQLite file locked by another
process, the disk full on write. In each: the expected reply, and no acknowledged note lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from faultlib import PG_ADMIN, Service

pytestmark = [pytest.mark.faults]

NOTE = "c/r says partner punched her, he has left the address, 2 kids in the house"


class PgServer:
    """A PostgreSQL server this test may restart. Default: a private throwaway instance (initdb
    in a temp dir, its own port), so the restart cannot disturb anyone else's connections. With
    DACA_FAULTS_PG=main: the machine's own cluster on 5432, restarted with pg_ctlcluster."""

    def __init__(self, tmp: Path) -> None:
        self.main = os.environ.get("DACA_FAULTS_PG") == "main"
        if self.main:
            out = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True).stdout
            line = next((ln.split() for ln in out.splitlines() if ln.split()[2] == "5432"), None)
            assert line, f"no PostgreSQL cluster on port 5432:\n{out}"
            self.version, self.cluster, self.port = line[0], line[1], 5432
            return
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not bins:
            pytest.skip("PostgreSQL server binaries (initdb) not found under /usr/lib/postgresql")
        self.bin = bins[-1].parent
        self.base = Path(tempfile.mkdtemp(prefix="daca-pg-", dir="/tmp"))  # not under pytest's 0700 tmp
        self.base.chmod(0o755)
        self.data = self.base / "data"
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8")
        self.ctl("start")

    def _run(self, tool: str, *args: str) -> None:
        cmd = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{tool} {' '.join(args)} failed:\n{done.stdout}{done.stderr}"

    def ctl(self, action: str) -> None:
        if self.main:
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.cluster, action],
                           check=True, capture_output=True, timeout=120)
            return
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "log"), "-w", "-m", "fast",
                  "-o", f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off", action)

    @property
    def admin(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres connect_timeout=5"

    def online(self) -> bool:
        try:
            with psycopg.connect(self.admin) as conn:
                conn.execute("SELECT 1")
            return True
        except psycopg.OperationalError:
            return False

    def create_db(self, name: str) -> str:
        with psycopg.connect(self.admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def close(self, name: str) -> None:
        if self.main:
            if not self.online():
                self.ctl("start")  # never leave the machine's PostgreSQL down
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            return
        try:
            self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[PgServer]:
    server = PgServer(tmp_path)
    name = "daca_fault_restart"
    server.url = server.create_db(name)
    try:
        yield server
    finally:
        server.close(name)


def test_postgresql_restart_the_service_reconnects(make_service, pg_server: PgServer) -> None:  # noqa: ANN001
    svc: Service = make_service(pg_server.url)
    call_id = svc.open_call()
    for i in range(3):
        assert svc.note(call_id, f"{NOTE} ({i})").status_code == 201
    pg_server.ctl("restart")
    deadline = time.monotonic() + 60
    while not pg_server.online():
        assert time.monotonic() < deadline, "PostgreSQL did not come back within 60 s"
        time.sleep(0.5)
    # The pool's connections died with the old server; the next requests must just work.
    for i in range(3, 6):
        r = svc.note(call_id, f"{NOTE} ({i})")
        assert r.status_code == 201, r.text
    ready = svc.client.get("/ready")
    assert ready.status_code == 200 and ready.json()["checks"]["database"]["ok"], ready.text
    svc.assert_no_acknowledged_note_lost()
    assert len(svc.acked) == 6 and svc.count("notes") == 6


def test_sqlite_file_locked_gives_a_clear_503_and_stores_nothing_half_way(make_service, tmp_path: Path) -> None:  # noqa: ANN001
    svc: Service = make_service()
    call_id = svc.open_call()
    assert svc.note(call_id, NOTE).status_code == 201
    notes, analyses = svc.count("notes"), svc.count("analyses")
    blocker = sqlite3.connect(tmp_path / "faults.sqlite3", timeout=1, isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        started = time.monotonic()
        r = svc.note(call_id, "he has a knife")
        elapsed = time.monotonic() - started
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert r.status_code >= 400, "a write succeeded while another process held the lock"
    assert elapsed < 30, f"the locked write took {elapsed:.1f} s to fail"
    assert (svc.count("notes"), svc.count("analyses")) == (notes, analyses), "something was stored half-way"
    retry = svc.note(call_id, "he has a knife")
    assert retry.status_code == 201, retry.text
    assert svc.count("notes") == notes + 1
    svc.assert_no_acknowledged_note_lost()
    # Last, so that the checks above report on their own: the reply must say what happened.
    assert r.status_code == 503, f"{r.status_code} {r.text}"
    assert "database" in r.json()["detail"].lower(), r.text


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.mark.skipif(not _can_mount(), reason="needs root to mount a size-limited tmpfs")
def test_disk_full_on_write_is_refused_clearly_and_nothing_acknowledged_is_lost(make_service, tmp_path: Path) -> None:  # noqa: ANN001
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        svc: Service = make_service(f"sqlite:///{mount / 'daca.sqlite3'}", data_dir=mount)
        call_id = svc.open_call()
        assert svc.note(call_id, NOTE).status_code == 201
        filler = mount / "filler"
        with open(filler, "wb") as handle:  # fill the disk to the last byte
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError:
                pass
        big = " ".join([NOTE] * 1000)[:90_000]
        failed = None
        for _ in range(40):
            r = svc.note(call_id, big)
            if r.status_code >= 300:
                failed = r
                break
        assert failed is not None, "could not provoke a disk-full error (the WAL kept absorbing the writes)"
        stored_before = svc.count("notes")
        assert stored_before == len(svc.acked), "a refused note was stored (or an acknowledged one is missing)"
        filler.unlink()
        retry = svc.note(call_id, big)
        assert retry.status_code == 201, retry.text
        assert svc.count("notes") == stored_before + 1
        svc.assert_no_acknowledged_note_lost()
        # Last, so that the checks above report on their own: the reply must say what happened.
        assert failed.status_code in (503, 507), f"{failed.status_code} {failed.text}"
        assert any(w in failed.json()["detail"].lower() for w in ("disk", "storage", "full", "database")), failed.text
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
