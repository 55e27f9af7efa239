"""Browser-test harness: build the site once, serve it locally, drive Debian's Chromium."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browsing import ContextPool, fail_on_problems, guarded_context
from playwright.sync_api import Browser, Page, sync_playwright
from sitebuild import BUILD_FAILED, CHROMIUM, CHROMIUM_ARGS, ROOT, built_site_or_fail, pages_to_check, serve

SCREENSHOTS = ROOT / "screenshots"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise `site_page` over every HTML file of the built site (building it if needed)."""
    if "site_page" in metafunc.fixturenames:
        metafunc.parametrize("site_page", pages_to_check(metafunc.config), indirect=True)


@pytest.fixture(scope="session")
def built_site(pytestconfig: pytest.Config) -> Path:
    """The built site: the session's strict build, or the folder named by GUIDE_SITE_DIR."""
    return built_site_or_fail(pytestconfig)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port) for the whole session."""
    with serve(built_site) as url:
        yield url


@pytest.fixture
def site_page(request: pytest.FixtureRequest, built_site: Path) -> str:
    """One HTML file of the built site (relative path); tests are generated for every one."""
    html_file = str(request.param)
    if html_file == BUILD_FAILED or not (built_site / html_file).is_file():
        pytest.fail(f"the built site {built_site} has no HTML pages to check", pytrace=False)
    return html_file


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the session (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing; run `python3 tasks.py test`, which installs it", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def viewport_width(request: pytest.FixtureRequest) -> int:
    """Viewport width in CSS pixels; parametrise with indirect=True."""
    return int(getattr(request, "param", 1280))


@pytest.fixture
def color_scheme(request: pytest.FixtureRequest) -> str:
    """The visitor's preferred colour scheme, "light" or "dark"; parametrise with indirect=True."""
    return str(getattr(request, "param", "light"))


@pytest.fixture
def page_problems() -> list[str]:
    """What went wrong in the test's browser context: other-host requests, console errors, exceptions."""
    return []


@pytest.fixture
def page(
    browser: Browser, site_url: str, viewport_width: int, color_scheme: str, page_problems: list[str]
) -> Iterator[Page]:
    """A page in a fresh context that must make no external requests and log no errors."""
    context = guarded_context(
        browser,
        site_url,
        page_problems.append,
        viewport={"width": viewport_width, "height": 900},
        color_scheme=color_scheme,
    )
    try:
        yield context.new_page()
    finally:
        context.close()
    fail_on_problems(page_problems)


@pytest.fixture(scope="session")
def context_pool(browser: Browser, site_url: str) -> Iterator[ContextPool]:
    """The session's shared browser contexts for the per-page gates."""
    pool = ContextPool(browser, site_url)
    yield pool
    pool.close()


@pytest.fixture
def page_init_script() -> Path | None:
    """A script to run in pooled pages before the page's own (a test module may override this)."""
    return None


@pytest.fixture
def pooled_page(
    context_pool: ContextPool,
    viewport_width: int,
    color_scheme: str,
    page_init_script: Path | None,
    page_problems: list[str],
) -> Iterator[Page]:
    """Like `page` (no requests elsewhere, no errors), but in a context shared with other tests."""
    yield context_pool.page(
        page_problems, width=viewport_width, scheme=color_scheme, init_script=page_init_script
    )
    fail_on_problems(page_problems)


def save_screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG as screenshots/<name>.png (git-ignored) for people to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


@pytest.fixture(scope="session")
def screenshot() -> Callable[[Page, str], Path]:
    """The helper `screenshot(page, name)`, as a fixture so tests need no imports."""
    return save_screenshot
