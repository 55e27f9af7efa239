"""Build into a staging folder and swap it into place only when the whole build succeeded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """A fresh, empty folder beside `site_dir` to build into."""
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    discard(staging)
    return staging


def publish(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` with the finished build in `staging`."""
    retired = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    discard(retired)
    if site_dir.exists():
        site_dir.rename(retired)
    staging.rename(site_dir)
    discard(retired)


def discard(folder: Path) -> None:
    """Remove a staging or retired folder if it exists."""
    shutil.rmtree(folder, ignore_errors=True)
