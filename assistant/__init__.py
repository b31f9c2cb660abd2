"""Core engine of the domestic abuse call assistant.

Extraction, question prompts, grading and retrieval. Imports neither rasa nor fastapi.
"""

__version__ = "0.1.0"
