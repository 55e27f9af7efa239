"""The Nu HTML checker (vnu-jar from npm) over every HTML file of the built site: zero errors.

The only errors accepted are listed in vnu-ignore.yaml: markup Material for MkDocs writes that we
cannot change, each with its template, evidence from that template and the reason.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gate_report
import material
import pytest
import yaml
from sitebuild import ROOT, html_pages

VNU = ROOT / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
IGNORES = Path(__file__).with_name("vnu-ignore.yaml")
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
IGNORE_KEYS = {"message", "markup", "template", "evidence", "reason"}

BAD_PAGE = """<!doctype html><html lang="en"><head><title>Bad</title></head><body>
<p id="twice">one</p><p id="twice">two</p>
<div role="buton">x</div>
</body></html>"""


@dataclass(frozen=True)
class Ignore:
    """One accepted error: where it comes from and why."""

    message: re.Pattern[str]
    markup: re.Pattern[str]
    template: str
    evidence: str
    reason: str

    def matches(self, error: dict[str, Any]) -> bool:
        """Whether the checker's error is this one."""
        return bool(self.message.search(error.get("message", ""))) and bool(
            self.markup.search(error.get("extract", ""))
        )


def load_ignores() -> list[Ignore]:
    """The entries of vnu-ignore.yaml; a malformed entry fails the gate."""
    entries = yaml.safe_load(IGNORES.read_text(encoding="utf-8")) or []
    ignores = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or set(entry) != IGNORE_KEYS:
            pytest.fail(
                f"{IGNORES.name}: entry {number} needs exactly the keys {sorted(IGNORE_KEYS)}", pytrace=False
            )
        ignores.append(
            Ignore(
                re.compile(entry["message"]),
                re.compile(entry["markup"]),
                entry["template"],
                entry["evidence"],
                " ".join(entry["reason"].split()),
            )
        )
    return ignores


def run_vnu(target: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Check every HTML file under `target`; return the errors and the files the checker read."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing; the Nu HTML checker needs it (apt-get install default-jre-headless)")
    if not VNU.is_file():
        pytest.fail(
            f"{VNU} is missing; run `python3 tasks.py test`, which installs the npm tools", pytrace=False
        )
    command = [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", "--verbose"]
    done = subprocess.run([*command, str(target)], capture_output=True, text=True, check=False)
    try:
        report = json.loads(done.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML checker did not answer in JSON (exit {done.returncode}):\n{done.stderr}")
    checked = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    return list(report.get("messages", [])), checked


def describe(error: dict[str, Any], site: Path) -> str:
    """`questions/index.html:12:5: message` and the checker's extract of the markup."""
    page = error.get("url", "").removeprefix("file:")
    with contextlib.suppress(ValueError):
        page = Path(page).relative_to(site).as_posix()
    where = f"{page}:{error.get('lastLine', '?')}:{error.get('firstColumn', '?')}"
    extract = " ".join(error.get("extract", "").split())
    return f"{where}: {error['message']}\n    {extract}"


def test_every_page_is_valid_html(built_site: Path, pytestconfig: pytest.Config) -> None:
    errors, checked = run_vnu(built_site)
    checked_pages = {Path(path).resolve().relative_to(built_site.resolve()).as_posix() for path in checked}
    missing = sorted(set(html_pages(built_site)) - checked_pages)
    assert not missing, f"the Nu HTML checker did not read {missing}"
    ignores = load_ignores()
    left = [error for error in errors if not any(ignore.matches(error) for ignore in ignores)]
    unused = [ignore for ignore in ignores if not any(ignore.matches(error) for error in errors)]
    gate_report.note(pytestconfig, "html: pages checked by the Nu HTML checker", *checked_pages)
    gate_report.note(
        pytestconfig,
        "html: theme errors accepted (vnu-ignore.yaml)",
        *(str(id(e)) for e in errors if e not in left),
    )
    problems = [describe(error, built_site) for error in left]
    problems += [
        f"{IGNORES.name}: nothing matches the entry for {u.message.pattern!r}; remove it" for u in unused
    ]
    if problems:
        pytest.fail(f"{len(problems)} HTML problem(s):\n" + "\n".join(problems), pytrace=False)


def test_ignored_errors_come_from_material_templates() -> None:
    for ignore in load_ignores():
        template = MATERIAL_TEMPLATES / ignore.template
        assert template.is_file(), f"{IGNORES.name}: {ignore.template} is not a Material template"
        assert ignore.evidence in template.read_text(encoding="utf-8"), (
            f"{IGNORES.name}: Material's {ignore.template} no longer contains {ignore.evidence!r}"
        )
        assert ignore.markup.search(ignore.evidence), (
            f"{IGNORES.name}: {ignore.markup.pattern!r} does not match the template's own markup"
        )
        assert len(ignore.reason) > 40, f"{IGNORES.name}: give a reason for {ignore.message.pattern!r}"


def test_checker_reports_invalid_markup(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    errors, checked = run_vnu(tmp_path)
    messages = "\n".join(describe(error, tmp_path) for error in errors)
    assert [Path(path).name for path in checked] == ["bad.html"]
    assert "bad.html:2:" in messages and "Duplicate ID “twice”." in messages, messages
    assert "Bad value “buton” for attribute “role”" in messages, messages
