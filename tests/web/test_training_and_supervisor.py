"""Training mode (policy questions only, cited passages, source-kind badges, the honest "no
answer") and the supervisor reviewing a downgrade."""

from __future__ import annotations

import sqlite3

from playwright.sync_api import expect

from web_helpers import axe_violations, shot, sign_in


def test_policy_question_in_training_mode(page, service) -> None:  # noqa: ANN001
    sign_in(page, service, "trainee")
    expect(page.locator("#training-title")).to_have_text("Training: policy questions")
    # trainees get policy questions only: no call view, no navigation to it
    expect(page.locator("#view-call")).to_be_hidden()
    expect(page.locator("#nav")).to_be_hidden()
    page.goto(service.url + "/#call")
    expect(page.locator("#view-training")).to_be_visible()
    expect(page.locator("#view-call")).to_be_hidden()

    page.fill("#policy-query", "When must the inspector be told about a firearms licence holder?")
    page.press("#policy-query", "Enter")
    results = page.locator("#policy-results .passage")
    expect(results.first).to_be_visible(timeout=30000)
    expect(results.first.locator(".badge")).to_contain_text("Force policy")
    expect(results.first.locator("mark.hl")).to_contain_text("firearms licence holder")
    kinds = page.locator("#policy-results .badge").all_text_contents()
    assert "Inspection report" in kinds, kinds
    expect(page.locator("#policy-state")).to_contain_text("passage(s) found")
    assert page.evaluate("document.activeElement.id") == "policy-query"
    shot(page, "training-answer")
    assert axe_violations(page, "training-answer") == []

    page.fill("#policy-query", "What is the capital of France?")
    page.press("#policy-query", "Enter")
    expect(page.locator("#policy-results .no-answer")).to_be_visible(timeout=30000)
    expect(page.locator("#policy-results .no-answer")).to_contain_text("do not answer")
    assert page.locator("#policy-results .passage").count() == 0
    shot(page, "training-no-answer")
    assert axe_violations(page, "training-no-answer") == []


def _downgraded_call(service, token: str, reason: str) -> str:  # noqa: ANN001
    status, call = service.api("POST", "/api/v1/calls", {}, token)
    assert status == 201
    status, note = service.api("POST", f"/api/v1/calls/{call['id']}/notes",
                               {"text": "He is outside banging on the door, he has a hammer."}, token)
    assert status == 201 and note["analysis"]["result"]["grade"]["grade"] == "emergency"
    status, decision = service.api("POST", f"/api/v1/calls/{call['id']}/grade", {"grade": "scheduled", "reason": reason},
                                   token, headers={"If-Match": f'"{note["call_version"]}"'})
    assert status == 201 and decision["decision"]["downgrade"] is True, decision
    return call["id"]


def test_supervisor_reviews_a_downgrade(page, service, tokens) -> None:  # noqa: ANN001
    reason = "Caller asked for an appointment <b>tomorrow</b>."
    call_id = _downgraded_call(service, tokens["handler"], reason)
    sign_in(page, service, "super")
    expect(page.locator("#supervisor-title")).to_be_visible()
    card = page.locator("#sup-downgrades li.card", has_text=call_id[:8])
    expect(card).to_contain_text("Suggested Emergency → chosen Scheduled")
    expect(card).to_contain_text(reason)  # shown as text, markup and all
    # the open emergency call is among the live high-risk calls
    expect(page.locator("#sup-live")).to_contain_text(call_id[:8])

    card.locator("button", has_text="Review call").click()
    detail = page.locator("#sup-detail")
    expect(detail).to_be_visible()
    expect(detail).to_contain_text("downgrade")
    expect(detail.locator("mark.ev-current", has_text="hammer")).to_be_visible()
    expect(detail.locator(".suggested")).to_contain_text("Emergency")
    page.check("input[name='review-outcome'][value='disagree']")
    page.fill("#review-comment", "Weapon at the door: should have stayed emergency.")
    page.click("#review-form button[type=submit]")
    expect(page.locator("#review-done")).to_contain_text("Review recorded: disagree")
    with sqlite3.connect(service.db_path) as db:
        rows = db.execute("SELECT outcome, comment FROM reviews WHERE call_id = ?", (call_id,)).fetchall()
    assert rows == [("disagree", "Weapon at the door: should have stayed emergency.")]

    page.click("#sup-dip")
    sample = page.locator("#sup-dip-list li")
    expect(sample.first).to_be_visible()
    assert "No graded calls" not in sample.first.inner_text()
    shot(page, "supervisor-review")
    assert axe_violations(page, "supervisor") == []


def test_roles_see_only_their_views(page, service) -> None:  # noqa: ANN001
    sign_in(page, service, "super")
    expect(page.locator("#nav-list a")).to_have_text(["Supervisor", "Policy"])
    page.goto(service.url + "/#call")
    expect(page.locator("#view-supervisor")).to_be_visible()
    page.click("#logout")
    expect(page.locator("#view-login")).to_be_visible()
    # the token is revoked: the old session cannot come back
    assert page.evaluate("sessionStorage.getItem('daca.session')") is None
