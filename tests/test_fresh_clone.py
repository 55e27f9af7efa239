"""The README's first command on a machine like a new one, and on one that lacks what WeasyPrint needs.

A new machine lacks Debian's libharfbuzz-subset0 (Chromium, which the tests install, pulls it in),
so the library is hidden for the build's process tree only: a private mount namespace
(`unshare -m`) with /dev/null bound over the library's real file. That needs root, as CI has;
without it the tests fail and say why, rather than skipping.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import ENV, ROOT

from generator.handouts.catalogue import HANDOUTS
from generator.handouts.pdf import HARFBUZZ_SUBSET_NOTE

HARFBUZZ_SUBSET = "libharfbuzz-subset.so.0"
PANGO = "libpango-1.0.so.0"
BROKEN_IMAGE = "\n![A map of the career centre](images/centre-map.png)\n"


def library_file(soname: str) -> Path | None:
    """The real file behind a library as the loader finds it, or None if the machine lacks it."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    found = re.search(rf"^\s*{re.escape(soname)} \(.*\) => (?P<path>\S+)$", listing, re.MULTILINE)
    return Path(found["path"]).resolve() if found else None


def require_mount_namespace() -> None:
    """Fail the test, saying why, when this process cannot make a private mount namespace."""
    if os.geteuid() != 0:
        pytest.fail("hiding a library needs root (for unshare -m and mount --bind), as CI has", pytrace=False)
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.fail(f"cannot make a mount namespace here: {probe.stderr.strip()}", pytrace=False)


def hiding(
    library: Path | None, command: str, cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a shell command in a mount namespace where `library` (when there is one) reads as empty."""
    if library is not None:
        command = f"mount --bind /dev/null {library} && {command}"
    return subprocess.run(
        ["unshare", "--mount", "sh", "-c", command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def fresh_clone(target: Path) -> Path:
    """A `git clone` of this repository, with the working tree's uncommitted changes to tracked files."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    diff = subprocess.run(
        ["git", "-C", str(ROOT), "diff", "HEAD", "--binary"], capture_output=True, check=True
    ).stdout
    if diff:
        subprocess.run(["git", "-C", str(target), "apply", "--whitespace=nowarn"], input=diff, check=True)
    return target


def newcomer_env() -> dict[str, str]:
    """The environment of a new user's shell: this test run's virtual environment left out."""
    venv = Path(sys.prefix)
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if not Path(p).is_relative_to(venv)]
    env = {key: value for key, value in os.environ.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    return {**env, "PATH": os.pathsep.join(path)}


def build_without_harfbuzz_subset(clone: Path, hidden: Path | None) -> subprocess.CompletedProcess[str]:
    """`python3 tasks.py build` in the clone, as a newcomer's shell runs it, with the library hidden."""
    python = shutil.which("python3", path=newcomer_env()["PATH"]) or sys._base_executable
    return hiding(hidden, f"{python} tasks.py build", clone, newcomer_env())


def test_the_first_command_builds_the_site_and_its_pdfs_without_harfbuzz_subset(tmp_path: Path) -> None:
    require_mount_namespace()
    hidden = library_file(HARFBUZZ_SUBSET)  # None: the machine already lacks it, as a new one does
    clone = fresh_clone(tmp_path / "guide")

    result = build_without_harfbuzz_subset(clone, hidden)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    if hidden is not None:
        assert f"INFO    -  Handouts: {HARFBUZZ_SUBSET_NOTE}" in output
    assert not [row for row in output.splitlines() if row.startswith(("ERROR", "WARNING"))], output
    site = clone / "site"
    assert (site / "index.html").is_file()
    for handout in HANDOUTS:
        reader = PdfReader(site / handout.uri)
        assert len(reader.pages) >= 1, handout.uri
    before = {path: path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}

    # A real problem in a handout still stops the build, in the file that causes it.
    page = clone / "content/prepare.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + BROKEN_IMAGE, encoding="utf-8")
    line, col = text.count("\n") + 2, BROKEN_IMAGE.lstrip().index("images/") + 1
    broken = build_without_harfbuzz_subset(clone, hidden)
    errors = [row for row in broken.stderr.splitlines() if row.startswith("ERROR")]
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Traceback" not in broken.stderr
    assert errors[0].startswith(
        f"ERROR   -  content/prepare.md:{line}:{col}: guide.pdf: Failed to load image at "
    ), errors
    assert errors[1:] == [
        "ERROR   -  1 problem in the guide's data; nothing was built and the last site was kept."
    ]
    assert {path: path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()} == before


def test_a_machine_without_pango_is_told_which_package_to_install(minimal: Path) -> None:
    require_mount_namespace()
    pango = library_file(PANGO)
    assert pango is not None, "this machine has no Pango; `python3 tasks.py test` installs it"
    (minimal / "site").mkdir()
    (minimal / "site/index.html").write_text("the last good site")
    result = hiding(pango, f"{sys.executable} -m mkdocs build --strict", minimal, ENV)
    errors = [row for row in result.stderr.splitlines() if row.startswith("ERROR")]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(errors) == 1, errors
    assert errors[0].startswith(
        "ERROR   -  this machine cannot print the handouts: WeasyPrint cannot start ("
    )
    assert errors[0].endswith(
        "Install the Debian package libpango-1.0-0 (as root: apt-get install libpango-1.0-0); "
        "this is not a problem in the guide's data. Nothing was built and the last site was kept."
    )
    assert [path.name for path in (minimal / "site").iterdir()] == ["index.html"]
    assert (minimal / "site/index.html").read_text() == "the last good site"
