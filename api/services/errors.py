"""Errors the services raise; the app turns each into its HTTP status with a clear message."""

from __future__ import annotations


class ServiceError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Invalid(ServiceError):
    status, code = 422, "invalid"


class Unauthenticated(ServiceError):
    status, code = 401, "unauthenticated"


class Forbidden(ServiceError):
    """`audit`: the refusal to record (principal, action, call_id, detail). The app records it
    after the request's transaction has ended, so the refusal is kept while nothing else is."""

    status, code = 403, "forbidden"

    def __init__(self, message: str, *, audit: tuple | None = None) -> None:
        super().__init__(message)
        self.audit = audit


class NotFound(ServiceError):
    status, code = 404, "not_found"


class Conflict(ServiceError):
    status, code = 409, "conflict"


class PreconditionFailed(ServiceError):
    status, code = 412, "version_mismatch"


class PreconditionRequired(ServiceError):
    status, code = 428, "if_match_required"


class TooMany(ServiceError):
    status, code = 429, "rate_limited"


class Unavailable(ServiceError):
    status, code = 503, "unavailable"
