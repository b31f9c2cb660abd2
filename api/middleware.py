"""One pure-ASGI middleware for every request: body size limit, rate limit, security
headers, metrics and a log line without personal data (method, route template, status, time)."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.metrics import Metrics

log = logging.getLogger("api.access")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
     b"base-uri 'none'; form-action 'self'"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
NO_STORE = (b"cache-control", b"no-store")


class RateLimiter:
    """A token bucket per key (bearer token hash, else client address)."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = max(1.0, per_minute / 6.0)  # bursts of ten seconds' worth
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            if len(self._buckets) > 50_000:
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 120}
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            return True


class _TooLarge(HTTPException):
    """Raised from `receive` inside the app, so FastAPI answers 413 rather than 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit:,} bytes")


async def _send_json(send: Send, status: int, body: dict[str, Any], extra: list[tuple[bytes, bytes]] = ()) -> None:
    payload = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                            *SECURITY_HEADERS, NO_STORE, *extra]})
    await send({"type": "http.response.body", "body": payload})


class ServiceMiddleware:
    def __init__(self, app: ASGIApp, *, metrics: Metrics, max_body: int, per_minute: int) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body = max_body
        self.limiter = RateLimiter(per_minute) if per_minute > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        method = scope["method"]
        status_holder = [500]
        headers = dict(scope.get("headers") or [])

        if self.limiter is not None and not scope["path"].startswith(("/health", "/ready", "/metrics")):
            auth = headers.get(b"authorization", b"")
            key = hashlib.sha256(auth).hexdigest()[:24] if auth else f"ip:{(scope.get('client') or ('?',))[0]}"
            if not self.limiter.allow(key):
                self.metrics.rate_limited.inc()
                await _send_json(send, 429, {"detail": "too many requests; slow down", "code": "rate_limited"},
                                 [(b"retry-after", b"1")])
                self._observe(scope, method, 429, start)
                return

        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                await _send_json(send, 400, {"detail": "invalid Content-Length", "code": "bad_request"})
                self._observe(scope, method, 400, start)
                return
            if too_big:
                await _send_json(send, 413, {"detail": f"request body over {self.max_body:,} bytes",
                                             "code": "too_large"})
                self._observe(scope, method, 413, start)
                return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge(self.max_body)
            return message

        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                status_holder[0] = message["status"]
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
                if scope["path"].startswith("/api/"):
                    message["headers"].append(NO_STORE)
            await send(message)

        self.metrics.in_flight.inc()
        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await _send_json(send, 413, {"detail": f"request body over {self.max_body:,} bytes",
                                             "code": "too_large"})
            status_holder[0] = 413
        finally:
            self.metrics.in_flight.dec()
            self._observe(scope, method, status_holder[0], start)

    def _observe(self, scope: Scope, method: str, status: int, start: float) -> None:
        route = getattr(scope.get("route"), "path", None) or "unmatched"
        elapsed = time.perf_counter() - start
        self.metrics.requests.labels(method, route, str(status)).inc()
        self.metrics.latency.labels(method, route).observe(elapsed)
        log.info("%s %s %d %.1fms", method, route, status, elapsed * 1000)
