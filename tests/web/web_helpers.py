"""Helpers for the browser tests (imported by the tests and conftest.py)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from api.web_bench import PASSWORD, ServiceProcess, login

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("DACA_WEB_ARTIFACTS", ROOT / "out" / "screenshots"))
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIDEBAR = {"width": 420, "height": 900}


def sign_in(page: Any, service: ServiceProcess, username: str) -> None:
    login(page, service.url, username, PASSWORD)


def shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^a-z0-9_-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page: Any, name: str) -> list[dict[str, Any]]:
    """Run axe-core (vendored, hash-checked) on the page; write the report; return the
    serious and critical violations."""
    source = AXE.read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256, "tests/web/vendor/axe.min.js changed"
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluate() is not subject to the page's Content-Security-Policy, unlike a script tag
        page.evaluate(source.decode("utf-8") + "\n;undefined")
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    report = {"view": name, "violations": [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                                            "nodes": [n["target"] for n in v["nodes"]][:10]}
                                           for v in result["violations"]],
              "passes": len(result["passes"]), "incomplete": [v["id"] for v in result["incomplete"]]}
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(report, indent=2))
    return [v for v in report["violations"] if v["impact"] in ("serious", "critical")]


def wait_for(page: Any, predicate: str, arg: Any = None, timeout: float = 15000) -> None:
    """Wait for a JavaScript function (not a string expression: the CSP forbids eval)."""
    page.wait_for_function(predicate, arg=arg, timeout=timeout)


def start_call(page: Any, **victim: str) -> str:
    """From the call view's start form: open a call (victim details optional); its id."""
    page.wait_for_selector("#start-form", state="visible")
    for field, value in victim.items():
        page.fill(f"#start-{field}", value)
    page.click("#start-button")
    page.wait_for_selector("#call-active", state="visible")
    return page.evaluate("sessionStorage.getItem('daca.call')")


def perf_count(page: Any) -> int:
    return page.evaluate("window.__dacaPerf.length")


def send_note(page: Any, text: str) -> None:
    """Type a note and press Enter; wait until the page has rendered the analysis."""
    before = perf_count(page)
    page.fill("#note-box", text)
    page.press("#note-box", "Enter")
    wait_for(page, "(n) => window.__dacaPerf.length > n", before)


def chip(page: Any, label: str) -> Any:
    return page.locator(f"#indicators button.chip[data-label='{label}']")
