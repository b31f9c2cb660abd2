"""scripts/rasa_env.sh fails with a message naming what to install when no Python 3.10 is found."""

from __future__ import annotations

import shutil
import subprocess
import sys

from actions.rasa_service import ROOT


def run_env(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(ROOT / "scripts" / "rasa_env.sh")], env=env, capture_output=True, text=True,
                          timeout=60)


def test_no_python310_anywhere(tmp_path):
    done = run_env({"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "RASA_VENV": str(tmp_path / "venv")})
    assert not shutil.which("python3.10", path="/usr/bin:/bin"), "precondition: no system python3.10 on this machine kind"
    assert done.returncode == 1
    assert "Python 3.10 not found" in done.stderr and "pyenv install 3.10" in done.stderr and "PYTHON310" in done.stderr
    assert not (tmp_path / "venv").exists()


def test_python310_pointing_at_another_version(tmp_path):
    done = run_env({"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHON310": sys.executable,
                    "RASA_VENV": str(tmp_path / "venv")})
    assert done.returncode == 1
    assert f"PYTHON310={sys.executable} is not a working Python 3.10 interpreter" in done.stderr
