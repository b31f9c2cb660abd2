"""One router module per resource; each handler is a thin call into api.services."""
