"""tasks.py's check of the machine's packages, where nothing can be installed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import ROOT

# Runs tasks.ensure_system on one made-up need; prints what a user would see.
ENSURE = """
import sys
sys.path.insert(0, {root!r})
import tasks
need = tasks.Need("guide-test-missing-package", "a library the test made up", lambda: False, {optional!r})
try:
    tasks.ensure_system((need,))
except tasks.TaskError as error:
    print(f"tasks.py: error: {{error}}")
    sys.exit(1)
print("carried on")
"""


def without_apt_get(optional: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """ensure_system for a package that is missing, with a PATH where there is no apt-get (nor sudo)."""
    script = ENSURE.format(root=str(ROOT), optional=optional)
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={"PATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_missing_package_that_cannot_be_installed_stops_with_one_line_naming_it(tmp_path: Path) -> None:
    result = without_apt_get("", tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "tasks.py: error: missing guide-test-missing-package (a library the test made up); "
        "install as root: apt-get install guide-test-missing-package"
    ]


def test_a_missing_package_the_command_can_do_without_is_a_warning(tmp_path: Path) -> None:
    result = without_apt_get("the handouts print all the same", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "tasks.py: warning: missing guide-test-missing-package (a library the test made up); "
        "the handouts print all the same",
        "carried on",
    ]


def test_every_package_the_build_needs_is_also_checked_before_the_tests() -> None:
    sys.path.insert(0, str(ROOT))
    import tasks

    assert {need.package for need in tasks.BUILD_NEEDS} <= {need.package for need in tasks.TEST_NEEDS}
    assert all(need.present() for need in tasks.TEST_NEEDS), [
        need.package for need in tasks.TEST_NEEDS if not need.present()
    ]
