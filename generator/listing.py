"""A folder's files as the caches' keys and the offline worker's list take them, in path order."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def relative_files(folder: Path, skip_folder: Callable[[str], bool] = lambda name: False) -> list[str]:
    """Every file under `folder`, as a POSIX path relative to it, sorted as paths sort (folder by folder).

    Folders whose name `skip_folder` accepts are not entered; links to folders are not followed. Walked
    with `os.walk`, whose directory entries already say what is a file: a `Path` per entry, made
    relative and asked again, took several times as long.
    """
    found: list[str] = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not skip_folder(name)]
        inside = os.path.relpath(parent, folder)
        prefix = "" if inside == os.curdir else inside.replace(os.sep, "/") + "/"
        found.extend(prefix + name for name in names)
    return sorted(found, key=lambda name: name.split("/"))
