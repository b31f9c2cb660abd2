"""Bad input and bad luck: markup and script in notes (text, never run), a 50,000-character
paste, a note over the service's limit, rapid repeated Enter, a lost response, the service
restarting mid-call, Rasa going down."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from api.web_bench import ServiceProcess
from web_helpers import axe_violations, chip, send_note, shot, sign_in, start_call, wait_for

IDLE = "() => !document.querySelector('#history .msg-pending') && !document.querySelector('#send-button').disabled"


def _notes(service, call_id: str, token: str) -> list[str]:  # noqa: ANN001
    status, call = service.api("GET", f"/api/v1/calls/{call_id}", token=token)
    assert status == 200
    return [n["text"] for n in call["notes"]]


def test_markup_and_script_in_notes_are_text(page, service, tokens) -> None:  # noqa: ANN001
    sign_in(page, service, "handler")
    call_id = start_call(page)
    payload = '<script>alert("x")</script><img src=x onerror="alert(1)"> he has a knife <b>now</b>'
    send_note(page, payload)
    note = page.locator("#history li.msg-note").last
    assert note.locator(".note-text").inner_text().startswith('<script>alert("x")</script><img src=x')
    assert page.locator("#history script, #history img, #history b").count() == 0
    expect(chip(page, "weapon")).to_contain_text("now")
    assert _notes(service, call_id, tokens["handler"]) == [payload]
    # the page fixture fails the test if any alert() ran


def test_rapid_enter_sends_once(page, service, tokens) -> None:  # noqa: ANN001
    sign_in(page, service, "handler")
    call_id = start_call(page)
    page.fill("#note-box", "He is outside the window.")
    for _ in range(12):
        page.keyboard.press("Enter")
    wait_for(page, IDLE)
    # and while a note is still being sent, a second note typed fast is queued, not lost
    page.fill("#note-box", "He has a bat.")
    page.keyboard.press("Enter")
    page.keyboard.type("Kids asleep upstairs.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    wait_for(page, IDLE)
    assert _notes(service, call_id, tokens["handler"]) == ["He is outside the window.", "He has a bat.",
                                                            "Kids asleep upstairs."]
    expect(chip(page, "children_present")).to_be_visible()


def test_huge_paste_is_sent_or_refused_clearly_and_never_lost(make_page, service, tokens) -> None:  # noqa: ANN001
    page = make_page(permissions=["clipboard-read", "clipboard-write"])
    sign_in(page, service, "handler")
    call_id = start_call(page)
    big = ("He hit her with a belt and she has bruises on her arms. " * 900)[:50_000]
    page.evaluate("(t) => navigator.clipboard.writeText(t)", big)
    page.focus("#note-box")
    page.keyboard.press("Control+V")
    assert len(page.input_value("#note-box")) == 50_000
    expect(page.locator("#note-count")).to_have_text("50,000 characters")
    assert page.evaluate("localStorage.getItem('daca.draft.' + sessionStorage.getItem('daca.call')).length") == 50_000
    before = page.evaluate("window.__dacaPerf.length")
    page.keyboard.press("Enter")
    wait_for(page, "(n) => window.__dacaPerf.length > n", before, timeout=60000)
    expect(chip(page, "weapon")).to_contain_text("now")
    expect(chip(page, "injury")).to_be_visible()
    notes = _notes(service, call_id, tokens["handler"])
    assert len(notes) == 1 and notes[0] == big
    shot(page, "paste-50k")

    # over the service's limit (100,000 characters): a clear message, the text back in the box
    huge = "She is scared. " * 6_667 + "x"  # 100,006 characters
    page.focus("#note-box")
    page.keyboard.insert_text(huge)
    page.keyboard.press("Enter")
    expect(page.locator("#note-error")).to_contain_text("the limit is 100,000")
    expect(page.locator("#note-error")).to_contain_text("back in the box")
    assert page.input_value("#note-box") == huge
    assert len(_notes(service, call_id, tokens["handler"])) == 1
    assert page.evaluate("document.activeElement.id") == "note-box"


def test_lost_response_is_not_sent_twice(page, service, tokens) -> None:  # noqa: ANN001
    sign_in(page, service, "handler")
    call_id = start_call(page)
    lost = {"n": 0}

    def lose_first_response(route) -> None:  # noqa: ANN001
        if lost["n"] == 0 and route.request.method == "POST":
            lost["n"] += 1
            route.fetch()  # the service stores the note...
            route.abort("connectionreset")  # ...but the answer never reaches the page
        else:
            route.continue_()

    page.route("**/api/v1/calls/*/notes", lose_first_response)
    page.fill("#note-box", "He punched her and left in a blue van.")
    page.keyboard.press("Enter")
    wait_for(page, IDLE, timeout=30000)
    expect(page.locator("#history")).to_contain_text("not sent twice")
    expect(page.locator("#banner-offline")).to_be_hidden()
    assert _notes(service, call_id, tokens["handler"]) == ["He punched her and left in a blue van."]


def test_service_restart_mid_call_keeps_typed_text(make_page, rasa) -> None:  # noqa: ANN001
    svc = ServiceProcess(rasa_url=rasa.url)
    try:
        svc.start()
        page = make_page(base=svc.url)
        sign_in(page, svc, "handler")
        call_id = start_call(page)
        send_note(page, "He has a knife.")
        svc.stop()

        page.fill("#note-box", "He is still in the house.")
        page.keyboard.press("Enter")
        expect(page.locator("#banner-offline")).to_be_visible(timeout=20000)
        expect(page.locator("#history .msg-unsent")).to_contain_text("He is still in the house.")
        page.keyboard.type("Draft typed while the service was down")
        stored = page.evaluate("(id) => [localStorage.getItem('daca.draft.' + id), localStorage.getItem('daca.queue.' + id)]",
                               call_id)
        assert stored[0] == "Draft typed while the service was down"
        assert json.loads(stored[1])[0]["text"] == "He is still in the house."
        shot(page, "restart-offline")

        svc.start()
        expect(page.locator("#banner-offline")).to_be_hidden(timeout=30000)
        wait_for(page, IDLE, timeout=30000)
        expect(chip(page, "suspect_present")).to_contain_text("now")
        assert _notes(svc, call_id, svc.token("handler")) == ["He has a knife.", "He is still in the house."]
        assert page.input_value("#note-box") == "Draft typed while the service was down"
        # a reload finds the call and the draft again
        page.reload()
        page.wait_for_selector("#call-active", state="visible")
        assert page.input_value("#note-box") == "Draft typed while the service was down"
        expect(chip(page, "weapon")).to_be_visible()
    finally:
        svc.cleanup()


def test_rasa_down_shows_degraded_mode_and_notes_are_still_analysed(page, service, rasa) -> None:  # noqa: ANN001
    sign_in(page, service, "handler")
    start_call(page)
    page.check("input[name='send-mode'][value='ask']")
    page.fill("#note-box", "What should I tell her while officers travel?")
    page.keyboard.press("Enter")
    expect(page.locator("#history .msg-reply").last).to_contain_text("Rasa stub heard", timeout=20000)
    expect(page.locator("#banner-degraded")).to_be_hidden()
    rasa.stop()
    try:
        page.fill("#note-box", "What does policy say about strangulation?")
        page.keyboard.press("Enter")
        expect(page.locator("#banner-degraded")).to_be_visible(timeout=20000)
        expect(page.locator("#history")).to_contain_text("The chat layer is unavailable just now")
        page.check("input[name='send-mode'][value='note']")
        send_note(page, "He choked her tonight and he is still there.")
        expect(chip(page, "strangulation")).to_contain_text("now")
        expect(page.locator("#grade-reasons .suggested")).to_contain_text("Emergency")
        # a fresh page learns it from /ready
        page.reload()
        expect(page.locator("#banner-degraded")).to_be_visible(timeout=20000)
        expect(chip(page, "strangulation")).to_be_visible()
        shot(page, "degraded-mode")
        assert axe_violations(page, "degraded-mode") == []
    finally:
        rasa.start()


def test_session_ending_mid_call_loses_nothing(page, service, tokens) -> None:  # noqa: ANN001
    sign_in(page, service, "handler")
    call_id = start_call(page)
    send_note(page, "He has a knife.")
    token = page.evaluate("JSON.parse(sessionStorage.getItem('daca.session')).token")
    assert service.api("POST", "/api/v1/auth/logout", token=token)[0] == 204  # revoked elsewhere
    page.fill("#note-box", "He is still in the house.")
    page.keyboard.press("Enter")
    expect(page.locator("#view-login")).to_be_visible()
    expect(page.locator("#login-error")).to_contain_text("Your session has ended")
    page.fill("#login-username", "handler")
    page.fill("#login-password", "correct-horse-battery-staple")
    page.keyboard.press("Enter")
    page.wait_for_selector("#call-active", state="visible")
    wait_for(page, IDLE, timeout=30000)
    assert _notes(service, call_id, tokens["handler"]) == ["He has a knife.", "He is still in the house."]
    expect(chip(page, "suspect_present")).to_be_visible()
