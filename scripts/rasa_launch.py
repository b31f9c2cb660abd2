"""Runs the `rasa` CLI (in .venv-rasa) with two speed fixes, both outside Rasa's logic.

1. The action-response schema check.

Rasa 3.6 checks every action server response with `jsonschema.validate(result, schema)`,
which re-validates the (constant) schema against the JSON Schema meta-schema on every call:
about 30 ms of CPU per custom action, i.e. most of a chat turn that runs three actions.
Here the validator is built once and reused; responses are validated exactly as before
(same schema, same ValidationError message).
2. SQLite pragmas for the default tracker store (see _tune_sqlite).
Usage: python scripts/rasa_launch.py <rasa args>.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def _patch_action_validation() -> None:
    from jsonschema import ValidationError
    from jsonschema.validators import validator_for
    from rasa.core.actions import action as rasa_action
    from rasa.shared.constants import DOCS_BASE_URL

    original = rasa_action.RemoteAction._validate_action_result
    schema = rasa_action.RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)

    def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
        try:
            validator.validate(result)
            return True
        except ValidationError as e:
            e.message += (
                ". Failed to validate Action server response from API, make sure your response from the "
                f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
            )
            raise e

    _validate_action_result.__wrapped__ = original  # type: ignore[attr-defined]
    rasa_action.RemoteAction._validate_action_result = _validate_action_result


def _tune_sqlite() -> None:
    """The default SQLite tracker store commits every turn; WAL with synchronous=NORMAL keeps
    each commit durable against a process crash (not a power cut) at a fraction of the fsyncs.
    PostgreSQL (production) is untouched."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        if type(dbapi_connection).__module__.startswith("sqlite3"):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()


if __name__ == "__main__":
    # the project root, for the REST channel in actions/rasa_channel.py (credentials.yml)
    sys.path.insert(1, str(Path(__file__).resolve().parents[1]))
    _patch_action_validation()
    _tune_sqlite()
    from rasa.__main__ import main

    sys.argv = ["rasa", *sys.argv[1:]]
    main()
