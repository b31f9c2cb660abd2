"""Database faults: PostgreSQL restarted under the service, the SQLite file locked by another
process, the disk full on write. In each: the expected reply, and no acknowledged note lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import psycopg
import pytest

from faultlib import PG_ADMIN, Service

pytestmark = [pytest.mark.faults]

NOTE = "c/r says partner punched her, he has left the address, 2 kids in the house"


def _pg_cluster() -> tuple[str, str]:
    out = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        version, cluster, port, *_ = line.split()
        if port == "5432":
            return version, cluster
    raise AssertionError(f"no PostgreSQL cluster on port 5432:\n{out}")


def _pg_online() -> bool:
    try:
        with psycopg.connect(PG_ADMIN) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.OperationalError:
        return False


def _pg_ctl(action: str) -> None:
    version, cluster = _pg_cluster()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, action], check=True,
                   capture_output=True, timeout=120)


@pytest.mark.skipif(shutil.which("pg_ctlcluster") is None, reason="pg_ctlcluster (Debian's PostgreSQL tools) missing")
def test_postgresql_restart_the_service_reconnects(make_service, postgres_db: str) -> None:  # noqa: ANN001
    svc: Service = make_service(postgres_db)
    call_id = svc.open_call()
    for i in range(3):
        assert svc.note(call_id, f"{NOTE} ({i})").status_code == 201
    try:
        _pg_ctl("restart")
        deadline = time.monotonic() + 60
        while not _pg_online():
            assert time.monotonic() < deadline, "PostgreSQL did not come back within 60 s"
            time.sleep(0.5)
        # The pool's connections died with the old server; the next requests must just work.
        for i in range(3, 6):
            r = svc.note(call_id, f"{NOTE} ({i})")
            assert r.status_code == 201, r.text
        ready = svc.client.get("/ready")
        assert ready.status_code == 200 and ready.json()["checks"]["database"]["ok"], ready.text
    finally:
        if not _pg_online():
            _pg_ctl("start")
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
