"""With Material's instant navigation on, the tools start again on every page shown, without a reload."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect
from sitebuild import ROOT, serve

pytestmark = pytest.mark.browser


def absolute(path: str) -> str:
    """A path of mkdocs.yml, made absolute so that the copy works from another folder."""
    return str((ROOT / path).resolve())


def instant_config(folder: Path, url: str) -> Path:
    """mkdocs.yml with instant navigation on (it needs the site address), building into `folder`/site."""
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config["site_url"] = url
    config["docs_dir"] = absolute(config.get("docs_dir", "docs"))
    config["site_dir"] = str(folder / "site")
    theme = config["theme"]
    theme["features"] = [*theme.get("features", []), "navigation.instant"]
    if "custom_dir" in theme:
        theme["custom_dir"] = absolute(theme["custom_dir"])
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "guide" in plugin:
            options = plugin["guide"] or {}
            for key, default in (
                ("bank", "question_bank.yaml"),
                ("templates", "email_templates"),
                ("visitors", "visitors.yaml"),
            ):
                options[key] = absolute(options.get(key, default))
            plugin["guide"] = options
    for interface in ROOT.glob("interface.*.yaml"):  # the translations' words, found beside mkdocs.yml
        shutil.copyfile(interface, folder / interface.name)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return path


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built with instant navigation, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("instant")
    (folder / "site").mkdir()
    with serve(folder / "site") as url:
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(instant_config(folder, url)),
        ]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.fail(f"the instant-navigation build failed:\n{done.stdout}{done.stderr}", pytrace=False)
        yield url


def test_widgets_start_again_on_each_page_instant_navigation_shows(
    browser: Browser, instant_site: str, page_problems: list[str]
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 900}, reduced_motion="reduce", service_workers="block"
    )
    page: Page = context.new_page()
    page.on("console", lambda m: page_problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: page_problems.append(str(error)))
    context.on(
        "request",
        lambda r: None if r.url.startswith((instant_site, "data:", "blob:")) else page_problems.append(r.url),
    )
    page.clock.install()  # the page's own clock, so that the test can let its time pass at once
    try:
        page.goto(instant_site + "questions/career-path/")
        page.wait_for_selector(".guide-picker .guide-select")
        page.evaluate("window.__samePage = true")  # gone if the browser loads a page afresh
        page.locator('[data-question-id="how-you-started"] .guide-pick input').check()

        page.get_by_role("link", name="Open your prep sheet").click()
        page.wait_for_selector(".guide-prep__app:not([hidden]) .guide-prep__list")
        assert page.evaluate("window.__samePage === true"), "instant navigation did not swap the page"
        expect(page.locator(".guide-prep__item-text")).to_have_text(
            ["How did you come to work in this field?"]
        )
        page.get_by_role("button", name="Start the timer").click()

        page.get_by_role("link", name="Pick questions in the question bank").first.click()
        page.wait_for_selector(".guide-picker .guide-select")
        assert page.evaluate("window.__samePage === true")
        expect(page.locator(".guide-picker")).to_have_count(1)
        expect(page.locator(".guide-tray")).to_have_count(1)
        expect(page.locator('[data-question-id="how-you-started"] .guide-pick input')).to_be_checked()
        page.clock.run_for(1500)  # every timer due in 1.5 s fires: the page left behind's must not tick on

        page.go_back()
        page.wait_for_selector(".guide-prep__app:not([hidden]) .guide-timer--running")
        expect(page.locator(".guide-prep__app")).to_have_count(1)
    finally:
        context.close()
    assert not page_problems, "\n".join(page_problems)
