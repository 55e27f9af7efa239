"""Every deliberately broken input gets its exact path:line:col lines, exit 1, no traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support import FIXTURES, generator, mkdocs_build, snapshot

BROKEN = FIXTURES / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def _apply(case: str, project: Path) -> list[str]:
    """Copy a broken case over a project; return the lines it must produce."""
    for source in (BROKEN / case).rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = project / source.relative_to(BROKEN / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return (BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_there_are_broken_cases() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES)
def test_check_reports_exact_lines(case: str, minimal: Path) -> None:
    expected = _apply(case, minimal)
    for _ in ("parsing the files", "reading the parse cache (.cache/yaml) the first run filled"):
        result = generator(minimal, "check")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert lines[:-1] == expected
        count = len(expected)
        summary = f"{count} problem{'s' if count > 1 else ''} in the guide's data; nothing was built."
        assert lines[-1] == summary
        assert result.stdout == ""


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built once from the valid project, copied into each case."""
    project = tmp_path_factory.mktemp("good") / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("case", CASES)
def test_build_fails_with_same_lines_and_keeps_last_site(case: str, minimal: Path, good_site: Path) -> None:
    shutil.copytree(good_site, minimal / "site")
    before = snapshot(minimal / "site")
    expected = _apply(case, minimal)
    result = mkdocs_build(minimal)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    shown = [re.sub(r"^ERROR\s+-\s+", "", line) for line in result.stderr.splitlines()]
    for line in expected:
        assert line in shown
    assert any(line.endswith("nothing was built and the last site was kept.") for line in shown)
    assert "Aborted with a BuildError!" in result.stdout + result.stderr
    assert snapshot(minimal / "site") == before
    assert sorted(p.name for p in minimal.iterdir() if p.name.startswith(".site")) == []
