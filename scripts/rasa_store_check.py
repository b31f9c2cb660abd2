"""Checks the tracker and lock stores an endpoints file configures, with Rasa's own classes
(run in .venv-rasa): `python scripts/rasa_store_check.py endpoints.production.yml SENDER`.
Saves a tracker with a few events, reads it back, takes and releases the conversation lock,
and prints one JSON line describing what it saw. Exit 1 on any mismatch."""

from __future__ import annotations

import asyncio
import json
import sys


async def check(endpoints_file: str, sender: str) -> dict:
    from rasa.core.lock_store import LockStore, RedisLockStore
    from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
    from rasa.core.utils import AvailableEndpoints
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    endpoints = AvailableEndpoints.read_endpoints(endpoints_file)
    domain = Domain.load("domain")
    store = TrackerStore.create(endpoints.tracker_store, domain=domain)
    locks = LockStore.create(endpoints.lock_store)
    tracker = DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_listen"), UserUttered("c/r says he has a knife", {"name": "note", "confidence": 1.0}),
        ActionExecuted("action_record_note"), SlotSet("notes", ["c/r says he has a knife"]),
    ], slots=domain.slots)
    await store.save(tracker)
    back = await store.retrieve(sender)
    lock_key = None
    held = False
    async with locks.lock(sender):
        if isinstance(locks, RedisLockStore):
            lock_key = locks.key_prefix + sender
            held = bool(locks.red.exists(lock_key))
    released = not (isinstance(locks, RedisLockStore) and locks.red.exists(lock_key))
    inner = getattr(store, "_tracker_store", store)  # TrackerStore.create wraps it in a FailSafeTrackerStore
    return {
        "tracker_store": type(inner).__name__,
        "dialect": inner.engine.dialect.name if hasattr(inner, "engine") else None,
        "events_saved": len(tracker.events),
        "events_read": len(back.events) if back else 0,
        "notes_slot": back.get_slot("notes") if back else None,
        "lock_store": type(locks).__name__,
        "lock_key": lock_key,
        "lock_held_inside": held,
        "lock_released": released,
        "sql_store": isinstance(inner, SQLTrackerStore),
    }


if __name__ == "__main__":
    result = asyncio.run(check(sys.argv[1], sys.argv[2]))
    print(json.dumps(result))
    ok = result["events_read"] == result["events_saved"] and result["notes_slot"] == ["c/r says he has a knife"]
    sys.exit(0 if ok else 1)
