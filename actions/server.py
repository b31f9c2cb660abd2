"""Run the action endpoint alone: `python -m actions.server [--host 127.0.0.1] [--port 5055]`."""

from __future__ import annotations

import argparse
import logging


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5055)
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args(argv)
    import uvicorn  # noqa: PLC0415

    from actions.webhook import create_action_app  # noqa: PLC0415

    logging.basicConfig(level=args.log_level.upper())
    uvicorn.run(create_action_app(warm=True), host=args.host, port=args.port, log_level=args.log_level,
                access_log=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
