"""WCAG 2.1 AA checks that axe cannot make alone: keyboard order, visible focus, reflow at
200% zoom; plus axe on the login screen (the other views are checked in their scenarios)."""

from __future__ import annotations

from playwright.sync_api import expect

from web_helpers import axe_violations, send_note, shot, sign_in, start_call


def _focused(page) -> dict:  # noqa: ANN001
    return page.evaluate("""() => { const a = document.activeElement; const s = getComputedStyle(a);
        return {id: a.id, tag: a.tagName, cls: a.className, text: (a.textContent || '').trim().slice(0, 60),
                outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }""")


def test_login_screen(page, service) -> None:  # noqa: ANN001
    page.goto(service.url + "/")
    expect(page.locator("#view-login")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "login-username"
    assert axe_violations(page, "login") == []
    page.fill("#login-username", "handler")
    page.fill("#login-password", "wrong password here")
    page.keyboard.press("Enter")
    expect(page.locator("#login-error")).to_have_text("Wrong username or password.")
    assert page.evaluate("document.activeElement.id") == "login-password"
    shot(page, "login-error")
    assert axe_violations(page, "login-error") == []


def test_keyboard_order_and_visible_focus(page, service) -> None:  # noqa: ANN001
    sign_in(page, service, "handler")
    start_call(page)
    send_note(page, "Caller says he has a knife and he is in the garden.")
    page.focus("#note-box")
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        f = _focused(page)
        order.append(f)
        assert f["outline"] != "none" and f["width"] >= 2, f"focus not visible on {f}"
    assert order[0]["id"] == "send-button"
    assert order[1]["tag"] == "LI" and "question" in order[1]["cls"]
    assert order[2]["tag"] == "BUTTON" and "chip" in order[2]["cls"]
    # arrow keys move between questions, Escape goes back to the note box
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert "question" in _focused(page)["cls"]
    first = _focused(page)["text"]
    page.keyboard.press("ArrowDown")
    assert _focused(page)["text"] != first and "question" in _focused(page)["cls"]
    page.keyboard.press("Escape")
    assert _focused(page)["id"] == "note-box"
    # the skip link is the first stop in the tab order, visible when focused, and works
    first_stop = page.evaluate("""() => [...document.querySelectorAll('a[href], button, input, textarea, [tabindex]')]
        .find((e) => e.tabIndex >= 0 && e.offsetParent !== null || e.classList.contains('skip')).textContent""")
    assert first_stop == "Skip to main content"
    page.focus("a.skip")
    box = page.locator("a.skip").bounding_box()
    assert box is not None and box["x"] >= 0 and _focused(page)["outline"] != "none"
    page.keyboard.press("Enter")
    assert _focused(page)["id"] == "main"


def test_readable_at_200_percent_zoom(make_page, service) -> None:  # noqa: ANN001
    # a 480 px sidebar at 200% zoom lays out in 240 CSS pixels
    page = make_page(viewport={"width": 240, "height": 640}, device_scale_factor=2)
    sign_in(page, service, "handler")
    start_call(page)
    send_note(page, "Caller whispering, he has a knife, two kids upstairs, he strangled her last year.")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"horizontal scrolling at 200% zoom ({overflow}px)"
    for selector in ["#note-box", "#send-button", "#questions li.question >> nth=0", "#indicators .chip >> nth=0",
                     "#grade-button", "#copy-summary"]:
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 241, (selector, box)
    shot(page, "zoom-200-percent")
    assert axe_violations(page, "zoom-200") == []


def test_focus_survives_an_update(page, service) -> None:  # noqa: ANN001
    sign_in(page, service, "handler")
    start_call(page)
    send_note(page, "He has a knife.")
    page.focus("#indicators button.chip[data-label='weapon']")
    # an answer arrives while the focus is on a chip: the chips are rebuilt, the focus stays
    page.locator("#questions li.question button", has_text="Don't know").first.dispatch_event("click")
    page.wait_for_function("() => !document.querySelector('#history .msg-pending')")
    page.wait_for_timeout(200)
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.dataset.label]")
    assert focused == ["BUTTON", "weapon"]
