"""Prometheus metrics, in a registry per app (so tests can build many apps)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("daca_http_requests_total", "HTTP requests", ["method", "route", "status"],
                                registry=self.registry)
        self.latency = Histogram("daca_http_request_duration_seconds", "HTTP request latency", ["method", "route"],
                                 buckets=_BUCKETS, registry=self.registry)
        self.in_flight = Gauge("daca_http_requests_in_flight", "requests being handled", registry=self.registry)
        self.analysis_seconds = Histogram("daca_analysis_duration_seconds", "core analysis time per request",
                                          buckets=_BUCKETS, registry=self.registry)
        self.analysis_failures = Counter("daca_analysis_failures_total", "analyses that failed (note kept)",
                                         registry=self.registry)
        self.notes_added = Counter("daca_notes_added_total", "notes stored", registry=self.registry)
        self.rasa_relay = Counter("daca_rasa_relay_total", "chat relays to Rasa", ["outcome"], registry=self.registry)
        self.analysis_cache_notes = Gauge("daca_analysis_cache_notes", "notes whose extraction is cached",
                                          registry=self.registry)
        self.pipeline_strings = Gauge("daca_pipeline_vocab_strings", "strings in the spaCy pipeline's string store",
                                      registry=self.registry)
        self.rate_limited = Counter("daca_rate_limited_total", "requests refused by the rate limit",
                                    registry=self.registry)
