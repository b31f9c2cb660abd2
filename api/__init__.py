"""The service: a FastAPI app over the core engine, with persistence, auth and audit.

`api.app:create_app()` builds the app; `python -m api` runs it.
"""
