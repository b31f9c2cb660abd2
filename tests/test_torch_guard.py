"""The extraction never loads torch, though torch is installed for retrieval; torch stays
importable afterwards, and a process that never imports spaCy does not pay for thinc."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import sys
import assistant
assert "thinc" not in sys.modules, "import assistant alone must not import thinc"
from assistant.analysis import Analyser
assert Analyser().analyse(["he has a knife"]).statuses() == {"weapon": "current"}
assert "torch" not in sys.modules, "the extraction pulled in torch"
try:
    import torch
except ImportError:
    print("torch not installed")
else:
    import thinc.compat
    assert thinc.compat.has_torch is False
    assert torch.zeros(2).sum().item() == 0.0
    print("torch importable after")
"""


def test_extraction_without_torch_and_torch_still_importable() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in {"torch importable after", "torch not installed"}


def test_torch_loaded_first_is_left_alone() -> None:
    pytest.importorskip("torch")
    code = "import torch, assistant, thinc.compat; assert thinc.compat.has_torch is True"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
