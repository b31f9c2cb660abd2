"""`python -m api` runs the service; subcommands for migrations, users, tokens and retention.

    python -m api                      serve (uvicorn; host and port from settings)
    python -m api migrate              upgrade the database to the latest migration
    python -m api user add NAME --role supervisor   (password from DACA_NEW_PASSWORD or a prompt)
    python -m api token create NAME [--days 30] [--name sidebar]
    python -m api purge [--days N]     delete calls older than the retention period
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Sequence

ROLES = ("call_handler", "front_counter", "trainee", "supervisor", "admin")


def _sessions():  # noqa: ANN202
    from api.db import migrate
    from api.db.session import make_engine, make_session_factory
    from api.settings import get_settings

    settings = get_settings()
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    if settings.migrate_at_startup:
        migrate.upgrade(settings.db_url)
    return settings, make_session_factory(make_engine(settings.db_url))


def _cmd_serve(_: argparse.Namespace) -> int:
    import uvicorn

    from api.settings import get_settings

    settings = get_settings()
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    uvicorn.run("api.app:create_app", factory=True, host=settings.host, port=settings.port,
                log_level=settings.log_level, access_log=False,  # our own log line has no query strings
                timeout_graceful_shutdown=settings.graceful_shutdown_seconds,
                timeout_keep_alive=settings.keep_alive_seconds, lifespan="on")
    return 0


def _cmd_migrate(_: argparse.Namespace) -> int:
    from api.db import migrate
    from api.settings import get_settings

    settings = get_settings()
    if settings.is_sqlite:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(settings.db_url)
    print(f"database at revision {migrate.current_revision(settings.db_url)}")
    return 0


def _cmd_user_add(args: argparse.Namespace) -> int:
    from api.services import auth

    password = os.environ.get("DACA_NEW_PASSWORD") or getpass.getpass(f"password for {args.username}: ")
    _, sessions = _sessions()
    auth.create_user(sessions, username=args.username, password=password, role=auth.Role(args.role))
    print(f"created {args.role} {args.username}")
    return 0


def _cmd_token_create(args: argparse.Namespace) -> int:
    from api.services import auth

    _, sessions = _sessions()
    token, _row = auth.create_api_token(sessions, username=args.username, name=args.name, days=args.days, actor=None)
    print(token)
    return 0


def _cmd_purge(args: argparse.Namespace) -> int:
    from api.services.retention import purge

    settings, sessions = _sessions()
    counts = purge(sessions, settings, days=args.days)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m api", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the service (the default)").set_defaults(func=_cmd_serve)
    commands.add_parser("migrate", help="upgrade the database schema").set_defaults(func=_cmd_migrate)
    user = commands.add_parser("user", help="local users").add_subparsers(dest="action", required=True)
    add = user.add_parser("add", help="create a user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.set_defaults(func=_cmd_user_add)
    token = commands.add_parser("token", help="API tokens").add_subparsers(dest="action", required=True)
    create = token.add_parser("create", help="issue an API token (printed once)")
    create.add_argument("username")
    create.add_argument("--name", default="api")
    create.add_argument("--days", type=int, default=None, help="lifetime in days (default: until revoked)")
    create.set_defaults(func=_cmd_token_create)
    purge = commands.add_parser("purge", help="delete calls older than the retention period")
    purge.add_argument("--days", type=int, default=None, help="override DACA_RETENTION_DAYS")
    purge.set_defaults(func=_cmd_purge)
    parser.set_defaults(func=_cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from api.services.errors import ServiceError

    try:
        return int(args.func(args))
    except ServiceError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
