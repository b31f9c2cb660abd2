"""Browser tests: the real service (uvicorn in a subprocess, loopback, a throwaway SQLite
database), a stand-in Rasa that a test can stop, and Debian's Chromium driven by Playwright.
Screenshots and axe reports go to out/screenshots/ (gitignored; DACA_WEB_ARTIFACTS overrides)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from playwright import sync_api as playwright_sync

# generous waits: CI machines have two busy cores
playwright_sync.expect.set_options(timeout=15_000)

from api.web_bench import FakeRasa, ServiceProcess, launch_browser
from web_helpers import ARTIFACTS, SIDEBAR


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def rasa() -> Iterator[FakeRasa]:
    stub = FakeRasa()
    stub.start()
    yield stub
    stub.stop()


@pytest.fixture(scope="session")
def service(rasa: FakeRasa) -> Iterator[ServiceProcess]:
    svc = ServiceProcess(rasa_url=rasa.url)
    try:
        svc.start()
        ready = svc.warm()  # loads policy search once, before any page asks for it
        assert ready["checks"]["database"]["ok"], ready
        yield svc
    finally:
        svc.cleanup()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()


class Page:
    """A Playwright page plus the checks every test wants: no script errors, no request
    leaving the machine."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", self._request)

    def _request(self, request: Any) -> None:
        url = request.url
        if not (url.startswith(self.base) or url.startswith("data:") or url.startswith("about:")):
            self.outside.append(url)


@pytest.fixture
def make_page(browser: Any, service: ServiceProcess) -> Iterator[Any]:
    made: list[tuple[Any, Page]] = []

    def make(base: str | None = None, **context_args: Any) -> Any:
        args = {"viewport": SIDEBAR, "locale": "en-GB", **context_args}
        context = browser.new_context(**args)
        context.set_default_timeout(30_000)
        wrapped = Page(context.new_page(), base or service.url)
        made.append((context, wrapped))
        return wrapped.page

    yield make
    for context, wrapped in made:
        context.close()
        assert not wrapped.errors, f"script errors in the page: {wrapped.errors}"
        assert not wrapped.dialogs, f"the page opened dialogs (injected script ran?): {wrapped.dialogs}"
        assert not wrapped.outside, f"requests left the machine: {wrapped.outside}"


@pytest.fixture
def page(make_page: Any) -> Any:
    return make_page()


@pytest.fixture(scope="session")
def tokens(service: ServiceProcess) -> dict[str, str]:
    return {name: service.token(name) for name in ("handler", "desk", "trainee", "super")}
