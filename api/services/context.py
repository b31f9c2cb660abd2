"""What the services share for the life of the app: settings, database, analyser, metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from api.settings import Settings

if TYPE_CHECKING:
    from api.metrics import Metrics
    from api.services.analysis import AnalysisService


@dataclass
class AppContext:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    analysis: "AnalysisService"
    metrics: "Metrics"
    readers: sessionmaker[Session] | None = None
    extras: dict[str, Any] = field(default_factory=dict)
