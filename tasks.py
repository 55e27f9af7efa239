"""Developer tasks for the guide: `python3 tasks.py build | serve | check | test [pytest args]`.

Standard library only, so it runs before any dependency is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".tasks-installed"
TOOLS = ROOT / "tools"
CHROMIUM = Path("/usr/bin/chromium")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class TaskError(Exception):
    """A setup step failed; the message tells the user what to do."""


def heading(text: str) -> None:
    """Print a one-line step heading."""
    print(f"==> {text}", flush=True)


def run(*args: str) -> int:
    """Run a command in the repository root and return its exit code."""
    return subprocess.run(args, cwd=ROOT, env=ENV, check=False).returncode


def run_quietly(*args: str) -> bool:
    """Run a noisy command; show its output only if it fails."""
    done = subprocess.run(args, cwd=ROOT, env=ENV, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
    return done.returncode == 0


def ensure_venv() -> None:
    """Create .venv if it is missing."""
    if PYTHON.exists():
        return
    heading("Creating .venv")
    if run(sys.executable, "-m", "venv", str(VENV)) != 0:
        raise TaskError("could not create .venv (on Debian: apt-get install python3-venv)")


def stamp_for(extra: str) -> str:
    """Hash of pyproject.toml and the extra it was installed with."""
    data = (ROOT / "pyproject.toml").read_bytes() + b"\0" + extra.encode()
    return hashlib.sha256(data).hexdigest()


def install_python_deps(extra: str = "") -> None:
    """Install the project editable (with an extra) unless the stamp shows it is current."""
    ensure_venv()
    current = STAMP.read_text().strip() if STAMP.exists() else ""
    if current in {stamp_for(extra), stamp_for("test")}:  # the test extra includes the base
        return
    heading("Installing Python dependencies into .venv")
    target = f".[{extra}]" if extra else "."
    if run(str(PYTHON), "-m", "pip", "install", "-q", "-e", target) != 0:
        raise TaskError(f"pip install -e '{target}' failed")
    STAMP.write_text(stamp_for(extra) + "\n")


def ensure_chromium() -> None:
    """Install Debian's Chromium with apt-get if /usr/bin/chromium is missing."""
    if CHROMIUM.exists():
        return
    heading("Installing Chromium with apt-get (needed by the browser tests)")
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    if prefix and not shutil.which("sudo"):
        raise TaskError("Chromium is missing; installing it needs root: apt-get install chromium")
    apt = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-q"]
    for args in (["update"], ["install", "-y", "chromium"]):
        if not run_quietly(*apt, *args):
            raise TaskError(f"could not install Chromium: apt-get {' '.join(args)} failed (see above)")
    if not CHROMIUM.exists():
        raise TaskError(f"apt-get installed chromium but {CHROMIUM} does not exist")


def ensure_npm_tools() -> None:
    """Install the pinned npm test tools (axe-core, vnu-jar) when missing or stale."""
    modules, lock = TOOLS / "node_modules", TOOLS / "package-lock.json"
    if modules.exists() and modules.stat().st_mtime >= lock.stat().st_mtime:
        return
    if not shutil.which("npm"):
        raise TaskError("npm is needed for the test tools: install Node.js 20 or later")
    heading("Installing npm test tools into tools/node_modules")
    # --ignore-scripts: vnu-jar's postinstall downloads a JDK; the system Java is used instead.
    npm_ci = ["npm", "ci", "--prefix", str(TOOLS), "--ignore-scripts", "--no-audit", "--no-fund"]
    if not run_quietly(*npm_ci):
        raise TaskError("npm ci --prefix tools failed")
    modules.touch()


def mkdocs(*args: str) -> int:
    """Run MkDocs from .venv."""
    return run(str(PYTHON), "-m", "mkdocs", *args)


def build(args: list[str]) -> int:
    """Build the site into site/ (strict)."""
    install_python_deps()
    heading("Building the site into site/")
    return mkdocs("build", "--strict", *args)


def serve(args: list[str]) -> int:
    """Live preview at http://127.0.0.1:8000/."""
    install_python_deps()
    heading("Serving the site at http://127.0.0.1:8000/ (Ctrl-C to stop)")
    return mkdocs("serve", "-a", "127.0.0.1:8000", *args)


def check(args: list[str]) -> int:
    """Validate the question bank and templates without building."""
    install_python_deps()
    heading("Checking the guide's data")
    return run(str(PYTHON), "-m", "generator", "check", *args)


def test(args: list[str]) -> int:
    """Lint, type-check and run the tests (extra arguments go to pytest)."""
    install_python_deps("test")
    ensure_chromium()
    ensure_npm_tools()
    steps = [
        ("ruff check", ["ruff", "check", "."]),
        ("ruff format --check", ["ruff", "format", "--check", "."]),
        ("mypy", ["mypy"]),
        ("pytest", ["pytest", *args]),
    ]
    for title, command in steps:
        heading(title)
        code = run(str(PYTHON), "-m", *command)
        if code != 0:
            return code
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "build": build,
    "serve": serve,
    "check": check,
    "test": test,
}


def main(argv: list[str]) -> int:
    """Dispatch to a command; print usage for anything else."""
    if not argv or argv[0] not in COMMANDS:
        print("usage: python3 tasks.py <command> [args]\n", file=sys.stderr)
        for name, command in COMMANDS.items():
            print(f"  {name:6}  {command.__doc__}", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](argv[1:])
    except TaskError as error:
        print(f"tasks.py: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
