"""The chat layer against the real Rasa 3.6.21 server (in .venv-rasa) and the in-process
action webhook: data validation, cached training, conversation tests, REST turns and bad input."""

from __future__ import annotations

import json
import sqlite3
import time
import uuid

import pytest

from actions.rasa_service import ROOT, chat, rasa_cmd, turns

pytestmark = [pytest.mark.rasa, pytest.mark.slow]


def test_training_data_validates():
    done = rasa_cmd("validate", timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_training_is_cached_by_data_hash(trained_model):
    t = time.monotonic()
    done = rasa_cmd("train", timeout=600)
    assert done.returncode == 0
    assert "not retraining" in done.stderr
    assert time.monotonic() - t < 60
    assert rasa_cmd("hash").stdout.strip() in trained_model


def test_conversation_stories_all_pass(trained_model, action_server):
    done = rasa_cmd("test-core", env={"RASA_ACTION_URL": f"{action_server.url}/webhook",
                                      "RASA_TRACKER_DB": ":memory:"}, timeout=900)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-4000:]
    assert "None of the test stories failed" in (ROOT / "out" / "rasa_core_test" / "failed_test_stories.yml").read_text()
    assert "Correct:          58 / 58" in out or "Accuracy:         1.000" in out


def talk(rasa_server, sender: str, text: str) -> list[tuple[str, dict]]:
    status, messages = chat(rasa_server.url, sender, text)
    assert status == 200, (text[:80], status)
    return turns(messages)


def test_a_call_over_rest_updates_state_and_every_turn_has_a_payload(rasa_server):
    sender = uuid.uuid4().hex
    first = talk(rasa_server, sender, "c/r whispering ex outside w/ knife")
    assert first[0][0].startswith("New call opened.")
    pending = first[-1][1]["pending"]
    assert pending and first[-1][0].endswith(pending["text"])
    answered = talk(rasa_server, sender, "no")
    body = answered[-1][1]
    answer = body["answers"][-1]
    assert (answer["question"], answer["text"]) == (pending["id"], "no")
    label = next(i for i in body["indicators"] if i["label"] == answer["label"])
    assert label["status"] == answer["status"] and label["evidence"][-1]["message"] == 1
    assert body["pending"]["id"] != pending["id"]
    grade = talk(rasa_server, sender, "wot grade")
    assert len(grade) == 1 and grade[0][0].startswith("Suggested grade: EMERGENCY")  # prompt not repeated
    for text, payload in first + answered + grade:
        assert text and payload["kind"] and "citations" in payload and "next_questions" in payload


def test_trackers_are_kept_in_the_sqlite_store(rasa_server):
    sender = uuid.uuid4().hex
    talk(rasa_server, sender, "c/r says he punched her")
    with sqlite3.connect(rasa_server.extra["db"]) as db:
        rows = db.execute("select type_name, data from events where sender_id = ?", (sender,)).fetchall()
    notes = [json.loads(d)["value"] for t, d in rows if t == "slot" and json.loads(d)["name"] == "notes"]
    assert notes and notes[-1] == ["c/r says he punched her"]


BAD = [
    "",
    "   ",
    "x" * 20_000,
    "c/r says " + "he has a knife and is outside " * 700,
    "😡😡😡🔪",
    "mi marido me pegó y tiene un cuchillo",
    "他打了我",
    "/restart",
    "/nlu_fallback",
    '{"sender": "x"}',
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", BAD, ids=[f"bad{i}" for i in range(len(BAD))])
def test_bad_input_gets_a_reply_and_the_call_goes_on(rasa_server, text):
    sender = uuid.uuid4().hex
    talk(rasa_server, sender, "ex banging on the door, c/r scared")
    status, messages = chat(rasa_server.url, sender, text)
    assert status == 200
    assert text.strip() == "" or messages, "a non-empty message always gets a reply"
    after = talk(rasa_server, sender, "wot grade")  # not stuck: the next turn works
    assert after and after[0][0].startswith("Suggested grade")


def test_messages_with_no_call_open(rasa_server):
    sender = uuid.uuid4().hex
    assert talk(rasa_server, sender, "wot grade")[0][0].startswith("No call is open")
    assert talk(rasa_server, sender, "no")[0][0].startswith("No call is open")
    assert talk(rasa_server, sender, "summary")[0][0].startswith("No call is open")
    started = talk(rasa_server, sender, "new call")
    assert started[0][0].startswith("New call started") and started[-1][1]["pending"]


def test_new_call_twice_then_summary(rasa_server):
    sender = uuid.uuid4().hex
    talk(rasa_server, sender, "new call")
    talk(rasa_server, sender, "new call")  # restarting keeps working
    status, messages = chat(rasa_server.url, sender, "summary")
    assert status == 200 and "Call summary" in turns(messages)[0][0]
