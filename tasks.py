"""Developer tasks for the guide: `python3 tasks.py build | serve | check | test [pytest args]`.

Standard library only, so it runs before any dependency is installed.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".tasks-installed"
TOOLS = ROOT / "tools"
CHROMIUM = Path("/usr/bin/chromium")
FONTS = Path("/usr/share/fonts")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


class TaskError(Exception):
    """A setup step failed; the message tells the user what to do."""


def heading(text: str) -> None:
    """Print a one-line step heading."""
    print(f"==> {text}", flush=True)


def run(*args: str) -> int:
    """Run a command in the repository root and return its exit code."""
    return subprocess.run(args, cwd=ROOT, env=ENV, check=False).returncode


def run_quietly(*args: str, show: bool = True) -> bool:
    """Run a noisy command; show its output only if it fails (and `show` is true)."""
    done = subprocess.run(args, cwd=ROOT, env=ENV, capture_output=True, text=True, check=False)
    if done.returncode != 0 and show:
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
    if not run_quietly(str(PYTHON), "-m", "pip", "install", "-q", "-e", target):
        raise TaskError(f"pip install -e '{target}' failed")
    STAMP.write_text(stamp_for(extra) + "\n")


@dataclass(frozen=True)
class Need:
    """A Debian package a command needs, how to tell it is there, and whether the command can do without."""

    package: str
    what: str
    present: Callable[[], bool]
    optional: str = ""  # what happens without it; empty when the command cannot run at all


def library(name: str) -> Callable[[], bool]:
    """Whether the dynamic loader knows a shared library (`ldconfig -p`, as ctypes asks it)."""
    return lambda: ctypes.util.find_library(name) is not None


def command(name: str) -> Callable[[], bool]:
    """Whether a program is on PATH (or at the absolute path given)."""
    return lambda: shutil.which(name) is not None


def font(filename: str) -> Callable[[], bool]:
    """Whether a font file is installed under /usr/share/fonts."""
    return lambda: any(FONTS.rglob(filename))


# What WeasyPrint needs to print the handouts: every command that builds the site needs these.
BUILD_NEEDS = (
    Need("libpango-1.0-0", "Pango, which WeasyPrint lays out the handouts with", library("pango-1.0")),
    Need("libpangoft2-1.0-0", "Pango's FreeType backend, for WeasyPrint", library("pangoft2-1.0")),
    Need("fonts-dejavu-core", "the DejaVu fonts the handouts are printed in", font("DejaVuSans.ttf")),
    Need(
        "fonts-liberation",
        "the Liberation fonts the printed guide prefers",
        font("LiberationSans-Regular.ttf"),
        optional="the printed guide uses DejaVu instead",
    ),
    Need(
        "libharfbuzz-subset0",
        "HarfBuzz subsetting, which WeasyPrint uses to embed only the letters a PDF needs",
        library("harfbuzz-subset"),
        optional="WeasyPrint subsets the fonts with fontTools instead, more slowly; the PDFs are the same",
    ),
    Need(
        "esbuild",
        "esbuild, which minifies the browser tools' scripts",
        command("esbuild"),
        optional="the scripts are published as written: the same site, with larger pages",
    ),
)
# What the tests need on top: the browser, Node's npm for the test tools, Java for the Nu checker,
# git for the test that clones the project as a newcomer would.
TEST_NEEDS = (
    *(need for need in BUILD_NEEDS if need.package != "esbuild"),
    # The browser tests run on the site as it is published, minified.
    Need("esbuild", "esbuild, which minifies the scripts the browser tests run", command("esbuild")),
    Need("chromium", "Chromium, which runs the browser tests", command(str(CHROMIUM))),
    Need("nodejs", "Node.js, for the JavaScript unit tests and the npm test tools", command("node")),
    Need("npm", "npm, which installs the test tools (axe-core, vnu-jar)", command("npm")),
    Need("default-jre-headless", "Java, which runs the Nu HTML checker", command("java")),
    Need("git", "git, for the test that builds a fresh clone", command("git")),
)


def apt_prefix() -> list[str] | None:
    """How to run apt-get here: directly as root, with sudo that asks no password, or not at all."""
    if not shutil.which("apt-get"):
        return None
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and run_quietly("sudo", "-n", "true", show=False):
        return ["sudo", "-n"]
    return None


def ensure_system(needs: tuple[Need, ...]) -> None:
    """Install missing Debian packages with apt-get when possible; stop on a required one that is missing."""
    missing = [need for need in needs if not need.present()]
    if not missing:
        return
    prefix = apt_prefix()
    if prefix is not None:
        packages = [need.package for need in missing]
        heading(f"Installing {', '.join(packages)} with apt-get")
        apt = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-q"]
        for args in (["update"], ["install", "-y", *packages]):
            if not run_quietly(*apt, *args):
                raise TaskError(f"apt-get {' '.join(args)} failed (see above)")
        missing = [need for need in missing if not need.present()]
    install = f"apt-get install {' '.join(need.package for need in missing)}"
    for need in missing:
        if need.optional:
            print(f"tasks.py: warning: missing {need.package} ({need.what}); {need.optional}", flush=True)
    required = [need for need in missing if not need.optional]
    if required:
        named = "; ".join(f"{need.package} ({need.what})" for need in required)
        raise TaskError(f"missing {named}; install as root: {install}")


def ensure_npm_tools() -> None:
    """Install the pinned npm test tools (axe-core, vnu-jar) when missing or stale."""
    modules, lock = TOOLS / "node_modules", TOOLS / "package-lock.json"
    if modules.exists() and modules.stat().st_mtime >= lock.stat().st_mtime:
        return
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
    ensure_system(BUILD_NEEDS)
    install_python_deps()
    heading("Building the site into site/")
    return mkdocs("build", "--strict", *args)


def serve(args: list[str]) -> int:
    """Live preview at http://127.0.0.1:8000/."""
    ensure_system(BUILD_NEEDS)
    install_python_deps()
    heading("Serving the site at http://127.0.0.1:8000/ (Ctrl-C to stop)")
    return mkdocs("serve", "-a", "127.0.0.1:8000", *args)


def check(args: list[str]) -> int:
    """Validate the question bank and templates without building."""
    install_python_deps()
    heading("Checking the guide's data")
    return run(str(PYTHON), "-m", "generator", "check", *args)


def stamp(args: list[str]) -> int:
    """Mark new translations as made from today's English (writes their 'en:' lines)."""
    install_python_deps()
    heading("Stamping the new translations")
    return run(str(PYTHON), "-m", "generator", "stamp", *args)


def test(args: list[str]) -> int:
    """Lint, type-check and run the tests (extra arguments go to pytest)."""
    ensure_system(TEST_NEEDS)
    install_python_deps("test")
    ensure_npm_tools()
    python = [str(PYTHON), "-m"]
    # The files are named, not the folder: Node 20 searches a folder given to --test, later versions
    # take each argument as a glob.
    unit_tests = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "js").glob("*.test.mjs"))
    steps = [
        ("ruff check", [*python, "ruff", "check", "."]),
        ("ruff format --check", [*python, "ruff", "format", "--check", "."]),
        ("mypy", [*python, "mypy"]),
        ("node --test tests/js/", ["node", "--test", "--test-reporter=spec", *unit_tests]),
        # Two workers (pytest-xdist), each with its own Chromium, share one site build; a test file
        # stays in one worker, so its module fixtures and reports are whole (benchmarks/README.md).
        ("pytest", [*python, "pytest", "--numprocesses=2", "--dist=loadfile", *args]),
    ]
    for title, command in steps:
        heading(title)
        code = run(*command)
        if code != 0:
            return code
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "build": build,
    "serve": serve,
    "check": check,
    "stamp": stamp,
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
