"""Test helpers: copy fixture projects and run the real commands a user runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
