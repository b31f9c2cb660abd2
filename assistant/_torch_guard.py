"""Keep torch out of spaCy's import when nothing else has asked for it.

thinc (spaCy's machine-learning layer) imports torch at import time whenever it is
installed, to probe for GPUs: about a second and 150 MB that the rule-based extraction
never uses. torch is installed in the same environment for retrieval's embeddings, so the
core engine would pay for it on every start. An import hook hides torch while (and only
while) `thinc.compat` runs, if torch is not already loaded: thinc then records "no torch",
which only disables its PyTorch model wrappers (unused here). torch stays importable for
code that needs it, and a process that never imports spaCy pays nothing.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

_TARGET = "thinc.compat"


class _HideTorchWhileLoading(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        hidden = "torch" not in sys.modules
        if hidden:
            sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
        try:
            self._loader.exec_module(module)
        finally:
            if hidden and sys.modules.get("torch", 0) is None:
                del sys.modules["torch"]


class _ThincTorchGuard(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path=None, target=None):  # noqa: ANN001, ANN201
        if name != _TARGET:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _HideTorchWhileLoading(spec.loader)
        return spec


def install() -> None:
    if _TARGET in sys.modules or any(isinstance(f, _ThincTorchGuard) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _ThincTorchGuard())
