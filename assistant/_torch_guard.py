"""Keep torch out of spaCy's import when nothing else has asked for it.

thinc (spaCy's machine-learning layer) imports torch at import time whenever it is
installed, to probe for GPUs: about a second and 150 MB that the rule-based extraction
never uses. torch is installed in the same environment for retrieval's embeddings, so the
core engine would pay for it on every start. Here thinc is imported once with torch hidden
(thinc then records "no torch", which only disables its PyTorch model wrappers, unused here);
torch stays importable afterwards for the retrieval code that does need it.
"""

from __future__ import annotations

import sys


def import_thinc_without_torch() -> None:
    if "thinc.compat" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import thinc.compat  # noqa: F401
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
