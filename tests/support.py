"""Test helpers: copy fixture projects and run the real commands a user runs."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from generator.bank import load_project, read_project
from generator.bank.translations import interface_english

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command the way a user would, capturing what they would see."""
    return subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in a project folder."""
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra], project)


def generator(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m generator ...` in a project folder."""
    return run([sys.executable, "-m", "generator", *args], project)


def copy_minimal(tmp_path: Path) -> Path:
    """A fresh copy of the small valid project."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    return project


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to compare before and after."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    """Poll a condition five times a second until it holds or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def bilingual_project(dest: Path) -> Path:
    """A copy of the bilingual project with its whole interface.fr.yaml, and no `en:` fingerprint yet."""
    shutil.copytree(FIXTURES / "bilingual", dest)
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    project = read_project(dest / "mkdocs.yml")
    english = interface_english(project, load_project(project))
    interface = dest / "interface.fr.yaml"
    own = yaml.safe_load(interface.read_text(encoding="utf-8"))
    real = yaml.safe_load((ROOT / "interface.fr.yaml").read_text(encoding="utf-8"))
    taken = {key: {"text": real[key]["text"]} for key in english if key not in own}
    assert set(english) == set(own) | set(taken), "every interface id has a French entry"
    text = yaml.safe_dump(taken, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    interface.write_text(interface.read_text(encoding="utf-8") + text, encoding="utf-8")
    return dest


def fetch(url: str) -> str:
    """A page's text, or "" while the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


@contextmanager
def serving(project: Path, ready: str) -> Iterator[tuple[str, Path]]:
    """A running `mkdocs serve` of a project, once its home page shows `ready`: its URL and its log."""
    port = free_port()
    log = project / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: ready in fetch(url)), log.read_text()
        yield url, log
    finally:
        process.terminate()
        process.wait(timeout=10)
