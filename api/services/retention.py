"""Retention: calls (with everything recorded on them), chat messages and expired tokens
older than N days are deleted; so are Rasa tracker events when the tracker store is known."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import create_engine, delete, select, text
from sqlalchemy.orm import Session, sessionmaker

from api.db.models import (AnalysisRecord, ApiToken, Call, ChatMessage, GradeDecision, Note, Party, PromptAnswer,
                           Review)
from api.db.session import transaction
from api.services import audit
from api.settings import Settings

CHILDREN = (AnalysisRecord, PromptAnswer, GradeDecision, Review, ChatMessage, Note, Party)


def purge(sessions: sessionmaker[Session], settings: Settings, *, now: datetime | None = None,
          days: int | None = None, actor=None) -> dict[str, int]:  # noqa: ANN001
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days or settings.retention_days)
    counts: dict[str, int] = {}
    with transaction(sessions) as session:
        old = select(Call.id).where(Call.opened_at < cutoff).scalar_subquery()
        for model in CHILDREN:
            counts[model.__tablename__] = session.execute(delete(model).where(model.call_id.in_(old))).rowcount or 0
        counts["chat_messages"] += session.execute(
            delete(ChatMessage).where(ChatMessage.call_id.is_(None), ChatMessage.created_at < cutoff)).rowcount or 0
        counts["calls"] = session.execute(delete(Call).where(Call.opened_at < cutoff)).rowcount or 0
        counts["api_tokens"] = session.execute(delete(ApiToken).where(ApiToken.expires_at < cutoff)).rowcount or 0
        audit.record(session, actor, "retention.purge",
                     detail=" ".join(f"{k}={v}" for k, v in counts.items()) + f" cutoff={cutoff.date()}")
    if settings.rasa_tracker_db_url:
        counts["rasa_events"] = purge_rasa_trackers(settings.rasa_tracker_db_url, cutoff)
    return counts


def purge_rasa_trackers(url: str, cutoff: datetime) -> int:
    """Rasa's SQLTrackerStore keeps one row per event in `events`, with a Unix `timestamp`."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text("DELETE FROM events WHERE timestamp < :cutoff"),
                                  {"cutoff": cutoff.timestamp()})
            return result.rowcount or 0
    finally:
        engine.dispose()
