"""The generator's own code as its caches key on it: each module's file, found from the module itself.

A cache entry made by other code must not be read back, so each cache hashes the modules that decide
its content. They are named by import, not by path, so that moving a file cannot leave a key hashing
nothing; a module without a source file stops the build with its name instead.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path
from types import ModuleType

from .errors import GeneratorError
from .listing import relative_files


class MissingCodeError(GeneratorError):
    """A module of the generator has no file to hash: the installation is broken, not the guide's data."""


def module_file(module: ModuleType) -> Path:
    """The file a module was imported from; MissingCodeError naming the module when there is none."""
    name = getattr(module, "__file__", None)
    if not name or not Path(name).is_file():
        raise MissingCodeError(
            f"the generator's module {module.__name__} has no source file to hash ({name or 'none'}); "
            "reinstall the generator"
        )
    return Path(name)


def code_digest(*modules: ModuleType) -> str:
    """A hash of the source files of some modules, for a cache key."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(module.__name__.encode() + b"\0" + module_file(module).read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
def package_digest() -> str:
    """A hash of every file of the generator package (code and templates), once per process.

    For caches of what the whole generator makes from a project (the site's pages, the handouts' keys):
    any change to its code or templates is a new key.
    """
    package = module_file(sys.modules[__name__.rpartition(".")[0]]).parent
    digest = hashlib.sha256()
    for name in relative_files(package, lambda folder: folder == "__pycache__"):
        digest.update(name.encode() + b"\0" + (package / name).read_bytes() + b"\0")
    return digest.hexdigest()


INSTALLED = (".dist-info", ".egg-info")


@functools.cache
def installed_digest() -> str:
    """A hash of the name and version of every package installed where Python imports from, once per process.

    The names of the `*.dist-info` folders carry the versions, so listing them stands for asking each
    package's version (importlib.metadata parses a whole METADATA file per question): installing,
    upgrading or removing any package is a new key.
    """
    names: list[str] = []
    here = os.getcwd()
    for entry in sys.path:
        folder = os.path.abspath(entry or ".")
        if folder == here:  # `python -m` puts the working folder first; what lies there is not installed
            continue
        try:
            names.extend(name for name in os.listdir(folder) if name.endswith(INSTALLED))
        except OSError:  # a zip file or a folder that is gone
            continue
    digest = hashlib.sha256(sys.version.encode())
    for name in sorted(names):
        digest.update(b"\0" + name.encode())
    return digest.hexdigest()
