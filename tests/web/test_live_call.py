"""Complete scenarios in the live call view: a 999 call from the first note to the chosen
grade and the log summary; a downgrade that needs a reason; the front counter."""

from __future__ import annotations

from playwright.sync_api import expect

from web_helpers import axe_violations, chip, perf_count, send_note, shot, sign_in, start_call, wait_for

FIRST_NOTE = ("Caller says her partner hit her and he has a knife. He is still in the house. Kids upstairs. "
              "He did not strangle her. Last year he broke her arm.")


def _active(page) -> dict:  # noqa: ANN001
    return page.evaluate("(() => { const a = document.activeElement;"
                         " return {id: a.id, tag: a.tagName, cls: a.className, text: a.textContent}; })()")


def test_999_call_from_first_note_to_grade_and_log_summary(make_page, service, tokens) -> None:  # noqa: ANN001
    handler = tokens["handler"]
    # an earlier call for the same victim: this one is a repeat
    status, earlier = service.api("POST", "/api/v1/calls",
                                  {"parties": [{"name": "Mary Example", "phone": "07700 900456"}]}, handler)
    assert status == 201
    service.api("POST", f"/api/v1/calls/{earlier['id']}/notes", {"text": "He punched her last night."}, handler)

    page = make_page(permissions=["clipboard-read", "clipboard-write"])
    sign_in(page, service, "handler")
    call_id = start_call(page, name="Mary Example", phone="07700 900456")
    expect(page.locator("#repeat")).to_be_visible()
    expect(page.locator("#repeat")).to_contain_text("Repeat victim: 1 earlier call(s) in twelve months")
    expect(page.locator("#repeat")).to_contain_text(earlier["id"][:8])
    assert _active(page)["id"] == "note-box"

    send_note(page, FIRST_NOTE)
    assert _active(page)["id"] == "note-box", "focus must stay in the note box after Enter"
    assert page.input_value("#note-box") == ""
    # chips grouped by severity, status in words as well as colour
    danger = page.locator("#indicators .sev-danger")
    expect(danger.locator("h3")).to_contain_text("Immediate danger")
    expect(danger.locator("button.chip[data-label='weapon']")).to_contain_text("Weapon")
    expect(chip(page, "weapon")).to_contain_text("now")
    expect(chip(page, "strangulation")).to_contain_text("denied")
    expect(chip(page, "injury")).to_contain_text("in the past")
    expect(page.locator("#indicators .sev-high button.chip[data-label='children_present']")).to_be_visible()
    # evidence highlighted in the note: negated struck through, historical marked
    expect(page.locator("#history del.ev-negated")).to_contain_text("not strangle")
    assert page.locator("#history del.ev-negated").evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    expect(page.locator("#history mark.ev-historical")).to_contain_text("broke her arm")
    expect(page.locator("#history mark.ev-current", has_text="knife")).to_be_visible()
    # unknown critical indicators are gaps
    gaps = page.locator("#indicators .gaps")
    expect(gaps).to_contain_text("Cannot talk safely")
    expect(gaps).not_to_contain_text("Weapon")
    # a chip shows its evidence
    chip(page, "weapon").click()
    active = _active(page)
    assert active["tag"] == "MARK" and active["text"].startswith("knife")
    # the reply in the history says what changed
    expect(page.locator("#history .msg-reply").last).to_contain_text("New:")
    expect(page.locator("#history .msg-reply").last).to_contain_text("Suggested grade: Emergency")

    # grade card: reasons, flags, citations that open the passage
    reasons = page.locator("#grade-reasons")
    expect(reasons.locator(".suggested")).to_contain_text("Emergency")
    expect(reasons).to_contain_text("Immediate danger now")
    expect(reasons.locator(".flags")).to_contain_text("Tell the supervisor")
    expect(reasons.locator(".flags")).to_contain_text("Every child to be seen, spoken to and recorded")
    cite = reasons.locator("button.cite").first
    cite.click()
    dialog = page.locator("#passage-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".quote")).to_contain_text("Early positive intervention")
    expect(dialog.locator(".full-passage, #passage-status")).to_be_visible()
    expect(dialog.locator("#passage-status")).to_have_count(0, timeout=20000)  # full passage found
    expect(dialog.locator(".full-passage .badge")).to_contain_text("Force policy")
    shot(page, "live-call-passage-dialog")
    assert axe_violations(page, "passage-dialog") == []
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # next questions: one key each, from the keyboard
    page.focus("#note-box")
    page.keyboard.press("Control+ArrowDown")
    first = page.locator("#questions li.question").first
    qid = first.get_attribute("data-qid")
    assert _active(page)["tag"] == "LI"
    before = perf_count(page)
    page.keyboard.press("y")
    wait_for(page, "(n) => window.__dacaPerf.length > n", before)
    expect(page.locator(f"#questions li[data-qid='{qid}']")).to_have_count(0)
    status, call = service.api("GET", f"/api/v1/calls/{call_id}", token=handler)
    assert [(a["question_id"], a["answer"]) for a in call["answers"]] == [(qid, "yes")]
    assert _active(page)["tag"] == "LI", "focus stays in the question list"
    page.keyboard.press("Escape")
    assert _active(page)["id"] == "note-box"

    # Shift+Enter is a new line, Enter sends
    before = perf_count(page)
    page.keyboard.type("He has been drinking.")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("He kicked the dog.")
    assert page.input_value("#note-box") == "He has been drinking.\nHe kicked the dog."
    assert perf_count(page) == before
    page.keyboard.press("Enter")
    wait_for(page, "(n) => window.__dacaPerf.length > n", before)
    expect(chip(page, "animal_abuse")).to_contain_text("now")
    status, call = service.api("GET", f"/api/v1/calls/{call_id}", token=handler)
    assert call["notes"][-1]["text"] == "He has been drinking.\nHe kicked the dog."

    # choose the suggested grade
    expect(page.locator("#grade-options input[value='emergency']")).to_be_checked()
    expect(page.locator("#grade-reason-field")).to_be_hidden()
    page.click("#grade-button")
    expect(page.locator("#grade-done")).to_contain_text("Recorded: Emergency")
    status, call = service.api("GET", f"/api/v1/calls/{call_id}", token=handler)
    assert call["chosen_grade"] == "emergency" and call["decisions"][-1]["downgrade"] is False

    # copy the THRIVE summary to the log
    page.click("#copy-summary")
    expect(page.locator("#summary-state")).to_contain_text("Summary copied")
    summary = page.input_value("#summary-text")
    assert summary.startswith("THREAT:") and "chosen grade: emergency" in summary
    assert "repeat victim" in summary
    assert page.evaluate("navigator.clipboard.readText()") == summary
    shot(page, "live-call-999-graded")
    assert axe_violations(page, "live-call") == []


def test_downgrade_needs_a_reason(page, service, tokens) -> None:  # noqa: ANN001
    sign_in(page, service, "handler")
    call_id = start_call(page)
    send_note(page, "He is in the kitchen now with a knife and says he will kill her.")
    expect(page.locator("#grade-reasons .suggested")).to_contain_text("Emergency")
    page.check("#grade-options input[value='priority']")
    expect(page.locator("#grade-reason-field")).to_be_visible()
    expect(page.locator("#grade-reason")).to_have_attribute("aria-required", "true")
    page.click("#grade-button")
    expect(page.locator("#grade-error")).to_contain_text("Give a reason")
    assert page.evaluate("document.activeElement.id") == "grade-reason"
    status, call = service.api("GET", f"/api/v1/calls/{call_id}", token=tokens["handler"])
    assert call["decisions"] == [], "nothing is recorded without the reason"
    shot(page, "downgrade-reason-required")
    assert axe_violations(page, "downgrade-error") == []

    page.fill("#grade-reason", "Officers already at the address (CAD 4411), knife secured.")
    page.click("#grade-button")
    expect(page.locator("#grade-done")).to_contain_text("Recorded: Priority (less urgent than suggested Emergency")
    status, call = service.api("GET", f"/api/v1/calls/{call_id}", token=tokens["handler"])
    decision = call["decisions"][-1]
    assert (decision["suggested"], decision["chosen"], decision["downgrade"]) == ("emergency", "priority", True)
    assert decision["reason"] == "Officers already at the address (CAD 4411), knife secured."


def test_front_counter_uses_its_script_without_urgency_cues(page, service) -> None:  # noqa: ANN001
    sign_in(page, service, "desk")
    expect(page.locator("#call-title")).to_have_text("Front counter report")
    start_call(page)
    expect(page.locator("#call-script")).to_have_text("Front counter script")
    send_note(page, "She came in to report that he hit her last night with a belt; she has bruises.")
    expect(page.locator("#grade-reasons .suggested")).to_contain_text("Suggested response")
    # no urgency cues: no triangle icons, no coloured grade badges
    assert page.locator("#grade-reasons .grade-icon").count() == 0
    assert page.locator("body").evaluate("b => b.classList.contains('calm')")
    badge = page.locator("#grade-reasons .grade").first
    assert badge.evaluate("e => getComputedStyle(e).color") == "rgb(11, 12, 12)"
    expect(page.locator("#indicators")).not_to_contain_text("Immediate danger")
    expect(page.locator("#questions")).not_to_contain_text("Critical")
    # the front-counter script's own wording and order
    expect(page.locator("#questions")).to_contain_text("Does he know you are here?")
    shot(page, "front-counter")
    assert axe_violations(page, "front-counter") == []
