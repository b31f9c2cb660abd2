"""Core engine of the domestic abuse call assistant.

Extraction, question prompts, grading and retrieval. Imports neither rasa nor fastapi.
"""

__version__ = "0.1.0"

from assistant._torch_guard import install as _install_torch_guard

_install_torch_guard()
